"""Habits users bring from gh, git, hledger and ripgrep: names and ids as they type them, periods, pipes."""

from __future__ import annotations

import re

import pytest

from conftest import ots
from otscli.query import AMBIGUOUS_SHOWN


def test_ids_match_in_any_case_and_an_ambiguous_prefix_lists_the_matches() -> None:
    assert (
        ots("show", "2018-09-03-SUMMIT-Cholpon-Ata", "--json").json()["event"]["id"] == "2018-09-03-summit-cholpon-ata"
    )
    run = ots("show", "2021-11")
    starting = [e["id"] for e in ots("list", "--json").json() if e["id"].startswith("2021-11")]
    assert run.code == 2 and len(starting) > 1
    shown = ", ".join(starting[:AMBIGUOUS_SHOWN]) + (", …" if len(starting) > AMBIGUOUS_SHOWN else "")
    assert run.err == f"ots: ambiguous event id '2021-11': {len(starting)} events start with it: {shown}\n"


@pytest.mark.parametrize("name", ["OTS", "TDT", "Turkic Council", "organization of turkic states"])
def test_a_name_of_the_organization_itself_says_so(name: str) -> None:
    run = ots("organ", name)
    assert (run.code, run.err) == (
        2,
        f"ots: '{name}' is the organization itself, not one of its organs; see 'ots organs'\n",
    )


def test_a_name_differing_by_punctuation_does_not_match() -> None:
    assert ots("organ", "OTS+", "--json").json()["organ"]["id"] == "ots-plus"
    assert ots("organ", "tdt+", "--json").json()["organ"]["id"] == "ots-plus"
    assert "did you mean" not in ots("organ", "OTS").err  # not taken for OTS+


@pytest.mark.parametrize(("name", "city"), [("Bişkek", "bishkek"), ("Taşkent", "tashkent"), ("Budapeşte", "budapest"),
                                            ("Nursultan", "astana"), ("BAKÜ", "baku")])  # fmt: skip
def test_turkish_and_native_spellings_of_cities_resolve(name: str, city: str) -> None:
    assert ots("city", name, "--json").json()["city"]["id"] == city


def ids_of(*args: str) -> list[str]:
    run = ots("list", *args, "--json")
    assert run.code == 0, run.err
    return [event["id"] for event in run.json()]


@pytest.mark.parametrize(
    ("span", "since_until"),
    [("2019..2021", ["--since", "2019", "--until", "2021"]), ("2025..", ["--since", "2025"]),
     ("..1994", ["--until", "1994"]), ("2019", ["--since", "2019", "--until", "2019"])],
)  # fmt: skip
def test_a_span_of_years_is_since_and_until(span: str, since_until: list[str]) -> None:
    assert ids_of("--year", span) == ids_of(*since_until) != []


def test_spans_of_years_or_together() -> None:
    both = ids_of("--year", "..1994", "--year", "2025..")
    expected = set(ids_of("--until", "1994")) | set(ids_of("--since", "2025"))
    assert both == [event_id for event_id in ids_of() if event_id in expected]


@pytest.mark.parametrize("bad", ["2021..2019", "10000", "19", "..", "2019...2020", "2019-2021"])
def test_a_bad_span_of_years_is_a_usage_error(bad: str) -> None:
    run = ots("list", "--year", bad)
    assert run.code == 2 and run.err.startswith(f"ots: --year: '{bad}' ") and len(run.err.splitlines()) == 1


def test_a_broken_personal_file_says_how_to_get_past_it() -> None:
    import os
    from pathlib import Path

    user_file = Path(os.environ["XDG_DATA_HOME"]) / "otscli" / "events.toml"
    user_file.parent.mkdir(parents=True)
    user_file.write_text("[[event]\nbroken\n", encoding="utf-8")
    broken = ots("list", "--year", "1992")
    assert broken.code == 1 and broken.err.startswith(f"{user_file}:1:8: TOML syntax")
    assert broken.err.endswith(f"ots: the problem is in your data file; add --no-user-data to leave it out, "
                               f"or fix it ({user_file})\n")  # fmt: skip
    past = ots("--no-user-data", "list", "--year", "1992", "--json")
    assert (past.code, [e["id"] for e in past.json()]) == (0, ["1992-10-30-summit-ankara"])
    user_file.unlink()
    other = ots("--data", "nowhere.toml", "list")
    assert "--no-user-data" not in other.err  # only when the problem is in that file


def test_short_flags_where_the_conventions_are_clear() -> None:
    assert ids_of("-n", "2", "-r") == ids_of("--limit", "2", "--reverse")
    assert ots("-V").out == ots("--version").out != ""


def test_an_error_points_to_the_commands_own_help() -> None:
    assert ots("list", "--colour").err == "ots: No such option: --colour (see 'ots list --help')\n"
    assert (
        ots("--colour", "list").err == "ots: No such option: --colour (Possible options: --color) (see 'ots --help')\n"
    )


def test_color_always_and_never_beat_the_environment() -> None:
    assert "\x1b[" in ots("--color", "always", "timeline", "--year", "2009", env={"NO_COLOR": "1"}).out
    assert "\x1b[" not in ots("--color", "never", "timeline", "--year", "2009", env={"FORCE_COLOR": "1"}).out
    assert ots("--color", "sometimes", "list").code == 2


def test_output_taller_than_the_screen_goes_through_the_pager(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    from test_process import run_in_terminal, terminal_env

    paged = Path(str(tmp_path)) / "paged.txt"
    pager = {"OTS_PAGER": f"cat > {paged}"}
    shown = run_in_terminal(["timeline"], terminal_env(**pager, LINES="24"))
    assert b"Nakhchivan" in paged.read_bytes() and b"Nakhchivan" not in shown  # all of it went to the pager
    paged.unlink()
    short = run_in_terminal(["show", "2018-09-03-summit-cholpon-ata"], terminal_env(**pager, LINES="200"))
    assert not paged.exists() and b"Cholpon-Ata" in short  # fits the screen: written straight
    direct = run_in_terminal(["--no-pager", "timeline"], terminal_env(**pager, LINES="24"))
    assert not paged.exists() and b"Nakhchivan" in direct


def test_kind_takes_the_label_the_kind_column_prints() -> None:
    informal = ots("list", "--kind", "informal summit", "--json").json()
    assert informal and {(e["kind"], e["format"]) for e in informal} == {("summit", "informal")}
    summits = ots("list", "--kind", "summit", "--json").json()
    assert {e["id"] for e in informal} < {e["id"] for e in summits}  # "summit" is every summit, of any format
    assert ots("list", "--kind", "informl summit").err.startswith("ots: unknown kind 'informl summit'; did you mean")


def test_tag_and_number_filter() -> None:
    tagged = ots("list", "--tag", "cultural-capital", "--json").json()
    assert tagged and all("cultural-capital" in e["tags"] for e in tagged)
    ninth = ots("list", "--organ", "CHS", "--number", "9", "--number", "10", "--json").json()
    assert sorted(e["number"] for e in ninth) == [9, 10] and all("CHS" in e["organs"] for e in ninth)


def test_kinds_lists_every_vocabulary_with_its_use() -> None:
    found = ots("kinds", "--json").json()
    events = ots("list", "--json").json()
    kinds = {item["value"]: item["events"] for item in found["kinds"]}
    assert kinds["informal summit"] == sum(1 for e in events if (e["kind"], e["format"]) == ("summit", "informal"))
    assert sum(kinds.values()) == len(events) and "award" in kinds  # every kind, used or not
    assert {item["value"] for item in found["statuses"]} == {"held", "planned", "cancelled"}
    assert ots("kinds").out.splitlines()[0] == "Filter\tValue\tEvents"


def test_fields_choose_what_is_printed_in_tables_json_and_files(tmp_path: pytest.TempPathFactory) -> None:
    import csv
    import json
    from pathlib import Path

    table = ots("list", "--year", "2024", "--fields", "id,date,city").out.splitlines()
    events = ots("list", "--year", "2024", "--json").json()
    assert table[0] == "id\tdate\tcity"
    assert table[1:] == [f"{e['id']}\t{e['date']}\t{e['city'] or ''}" for e in events]
    assert ots("timeline", "--year", "2024", "--fields", "id,title", "--json").json() == [
        {"id": e["id"], "title": e["title"]} for e in events
    ]
    written = Path(str(tmp_path)) / "events.csv"
    assert ots("list", "--year", "2024", "--fields", "id,organs", "-o", str(written)).code == 0
    rows = list(csv.DictReader(written.read_text(encoding="utf-8").splitlines()))
    assert rows == [{"id": e["id"], "organs": "; ".join(e["organs"])} for e in events]
    as_json = Path(str(tmp_path)) / "all.json"
    assert ots("search", "summit", "-o", str(as_json)).code == 0
    assert json.loads(as_json.read_text(encoding="utf-8")) == ots("search", "summit", "--json").json()
    assert ots("export", "-f", "jsonl", "--fields", "id", "--year", "2024").out.splitlines()[0] == json.dumps(
        {"id": events[0]["id"]}
    )


def test_an_unknown_field_lists_the_fields_as_gh_does() -> None:
    run = ots("list", "--fields", "id,colour")
    assert run.code == 2 and run.err.startswith("ots: --fields: unknown field 'colour'; the fields are id, date, end")
    assert ots("timeline", "--fields", "id").code == 2 and ots("export", "-f", "ics", "--fields", "id").code == 2


def search_ids(*args: str) -> set[str]:
    run = ots("search", *args, "--json")
    assert run.code == 0, run.err
    return {event["id"] for event in run.json()}


def test_search_keeps_quoted_phrases_whole() -> None:
    phrase = search_ids('"vision 2040"')
    words = search_ids("vision 2040")
    assert phrase and phrase <= words and search_ids('"2040 vision"') == set()
    events = {e["id"]: e for e in ots("list", "--json").json()}
    for event_id in phrase:
        event = events[event_id]
        text = " ".join([event["title"], event["summary"], *event["outcomes"], *event["tags"], event_id]).lower()
        assert "vision 2040" in text.replace("-", " ")


def test_search_finds_a_name_by_its_other_names() -> None:
    turkey = search_ids("Turkey")
    assert turkey == search_ids("Türkiye") == search_ids("TURKIYE")
    events = {e["id"]: e for e in ots("list", "--json").json()}
    texts = {i: " ".join([e["title"], e["summary"], *e["outcomes"]]).lower() for i, e in events.items()}
    assert any("turkey" not in texts[i] for i in turkey) and any("türkiye" not in texts[i] for i in turkey)
    assert search_ids("Nur-Sultan") == search_ids("Astana")


def test_search_matches_stand_out_on_a_terminal_only() -> None:
    coloured = ots("--color", "always", "search", "Samarkand", "--year", "2022").out
    assert re.search(r"\x1b\[[0-9;]*7mSamarkand", coloured)  # reverse video, over whatever style the text has
    assert "\x1b[" not in ots("search", "Samarkand", "--year", "2022").out


GOLDEN = __import__("pathlib").Path(__file__).parent / "golden"


def drawn_table(columns: int, *args: str) -> str:
    run = ots("--color", "always", *args, env={"COLUMNS": str(columns)})
    assert run.code == 0, run.err
    return re.sub(r"\x1b\[[0-9;]*m", "", run.out)


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_tables_at_40_80_and_120_columns_match_their_golden_files(columns: int) -> None:
    """Regenerate after a deliberate change: OTS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_conventions.py"""
    import os

    drawn = drawn_table(columns, "list", "--kind", "summit", "--year", "2019..2024")
    golden = GOLDEN / f"list-{columns}.txt"
    if os.environ.get("OTS_UPDATE_GOLDEN"):
        golden.write_text(drawn, encoding="utf-8")
    assert drawn == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("columns", range(40, 201, 8))
def test_at_every_width_ids_stay_whole_and_titles_get_the_room(columns: int) -> None:
    events = ots("list", "--since", "2023", "--json").json()
    drawn = drawn_table(columns, "list", "--since", "2023")
    lines = drawn.splitlines()
    for event in events:
        assert any(event["id"] in line for line in lines), (columns, event["id"])  # never broken across lines
    if columns >= 100:
        event_column = lines[0].split("┃")[1]
        assert len(event_column) >= 40  # the title gets the width; kind and place go under it if need be


def test_no_match_is_said_on_stderr_and_stdout_stays_data() -> None:
    for args in (["list", "--year", "1900"], ["timeline", "--year", "1900"], ["stats", "--year", "1900"]):
        run = ots(*args)
        assert (run.code, run.out, run.err) == (0, "", "The record holds no event that matches.\n"), args


def test_stats_stays_readable_at_40_columns_and_by_country_means_state() -> None:
    drawn = re.sub(r"\x1b\[[0-9;]*m", "", ots("--color", "always", "stats", "--by", "organ", env={"COLUMNS": "40"}).out)
    bars = [line for line in drawn.splitlines() if "█" in line]
    assert len({line.count("█") for line in bars}) > 3  # the bars tell the counts apart
    assert all(len(line) <= 40 for line in drawn.splitlines())
    run = ots("stats", "--by", "country")
    assert (run.code, run.err) == (2, "ots: unknown --by value 'country'; did you mean state?\n")
