"""Corners of what users see that no test pinned before mutation testing found them (CONTRIBUTING.md): names
nobody has, leap days, spans within a year, counts by organ and state, anniversaries."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest

from conftest import EDGES, edges, ots

CORNERS = """\
format = 1

[[event]]
id = "2024-02-29-leap-meeting"
date = "2024-02-29"
title = "A meeting on a leap day"
kind = "meeting"
states = ["HU"]
sources = ["test-source"]

[[event]]
id = "2020-09-30-autumn-forum"
date = "2020-09-30"
end = "2020-10-02"
title = "A forum from September into October"
kind = "conference"
city = "baku"
sources = ["test-source"]

[[event]]
id = "2015-12-21-winter-talks"
date = "2015-12-21"
end = "2015-12-22"
title = "Two days of talks in December"
kind = "consultation"
sources = ["test-source"]

[[event]]
id = "2016-05-05-one-day"
date = "2016-05-05"
end = "2016-05-05"
title = "A meeting whose end is its date"
kind = "meeting"
sources = ["test-source"]
"""


@pytest.fixture
def corners(tmp_path: Path) -> list[str]:
    path = tmp_path / "corners.toml"
    path.write_text(CORNERS, encoding="utf-8")
    return ["--no-bundled", "--data", str(EDGES), "--data", str(path)]


def test_an_unknown_name_with_nothing_close_points_to_the_listing() -> None:
    assert edges("city", "Zzyzx").err == "ots: unknown city 'Zzyzx'; see 'ots cities'\n"
    assert edges("state", "Qqq").err == "ots: unknown state 'Qqq'; see 'ots states'\n"
    assert edges("organ", "Xyzzy").err == "ots: unknown organ 'Xyzzy'; see 'ots organs'\n"


def test_an_empty_name_is_refused_with_exit_2() -> None:
    for what in ("city", "organ", "state"):
        run = edges(what, "  ")
        assert (run.code, run.out, run.err) == (2, "", f"ots: empty {what} name\n")


def test_several_close_names_are_all_offered() -> None:
    run = edges("organ", "Council")
    assert run.err == "ots: unknown organ 'Council'; did you mean Council of Elders, Council of Heads of State?\n"


def test_apostrophes_and_underscores_in_names() -> None:
    assert edges("state", "T'urkiye", "--json").json()["state"]["id"] == "TR"
    assert edges("state", "Türk_iye").err == "ots: unknown state 'Türk_iye'; did you mean Türkiye?\n"


def test_a_leap_day_is_a_date_and_the_29th_of_a_common_february_is_not(tmp_path: Path) -> None:
    for date, fine in (("2024-02-29", True), ("2000-02-29", True), ("1900-02-29", False), ("2023-02-29", False)):
        path = tmp_path / f"{date}.toml"
        path.write_text(f'[[event]]\nid = "x"\ndate = "{date}"\ntitle = "T"\nkind = "meeting"\n'
                        'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
        run = edges("--data", str(path), "validate")
        assert (run.code == 0) is fine, run.err
        if not fine:
            year = date[:4]
            assert f"event x: date: {date} does not exist: Feb {year} has 28 days" in run.err


def test_spans_are_written_as_short_as_they_can_be(corners: list[str]) -> None:
    lines = [" ".join(line.split()) for line in ots(*corners, "timeline", "--year", "2015..2020").out.splitlines()]
    assert "21–22 Dec 2015 ● Two days of talks in December" in lines
    assert "30 Sep – 2 Oct 2020 ● A forum from September into October" in lines
    assert "5 May 2016 ● A meeting whose end is its date" in lines  # an end equal to the date is one day


def test_counts_by_organ_include_the_events_of_no_organ(corners: list[str]) -> None:
    counts = ots(*corners, "stats", "--by", "organ", "--json").json()
    assert counts == [
        {"key": None, "label": "(no organ)", "count": 5},
        {"key": "CHS", "label": "Council of Heads of State", "count": 3},
        {"key": "CoE", "label": "Council of Elders", "count": 1},
    ]


def test_counts_by_state_take_the_participants_of_an_event_without_a_city(corners: list[str]) -> None:
    counts = {item["key"]: item["count"] for item in ots(*corners, "stats", "--by", "state", "--json").json()}
    assert counts == {"AZ": 4, "TR": 3, "HU": 2, None: 2}


def test_on_this_day_finds_a_leap_day_and_counts_the_years(corners: list[str]) -> None:
    found = ots(*corners, "on-this-day", "--date", "02-29", "--json").json()
    assert [(item["years_ago"], item["event"]["id"]) for item in found] == [
        (dt.date.today().year - 2024, "2024-02-29-leap-meeting")
    ]
    inside = ots(*corners, "on-this-day", "--date", "10-01", "--json").json()  # a day inside a span
    assert [item["event"]["id"] for item in inside] == ["2020-09-30-autumn-forum"]


def test_on_this_day_leaves_out_this_years_events(tmp_path: Path) -> None:
    today = dt.date.today()
    path = tmp_path / "now.toml"
    path.write_text(f'[[event]]\nid = "today"\ndate = "{today.isoformat()}"\ntitle = "Today"\nkind = "meeting"\n'
                    'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    run = edges("--data", str(path), "on-this-day", "--date", today.strftime("%m-%d"), "--json")
    assert "today" not in [item["event"]["id"] for item in run.json()]


def test_at_most_three_names_are_offered_the_closest_first() -> None:
    assert ots("organ", "Council").err == (
        "ots: unknown organ 'Council'; did you mean Council of Elders, Council of Heads of State, "
        "Council of Foreign Ministers?\n"
    )


def test_three_letters_are_enough_to_find_a_name_they_are_part_of() -> None:
    assert edges("city", "Nak").err == "ots: unknown city 'Nak'; did you mean Nakhchivan?\n"
    assert edges("city", "Na").err == "ots: unknown city 'Na'; see 'ots cities'\n"


def test_a_name_taken_by_two_records_is_reported_and_a_name_of_punctuation_skipped(tmp_path: Path) -> None:
    path = tmp_path / "cities.toml"
    path.write_text('[[city]]\nid = "ganja"\nname = "Ganja"\nstate = "AZ"\naliases = ["—", "Gandzha", "Baku"]\n',
                    encoding="utf-8")  # fmt: skip
    run = edges("--data", str(path), "validate")
    assert run.code == 1
    assert run.err.endswith(": city ganja: aliases: 'Baku' already names another city\n")
    path.write_text('[[city]]\nid = "ganja"\nname = "Ganja"\nstate = "AZ"\naliases = ["—", "Gandzha"]\n',
                    encoding="utf-8")  # fmt: skip
    assert edges("--data", str(path), "city", "Gandzha", "--json").json()["city"]["id"] == "ganja"


def test_an_unknown_event_id_offers_the_three_closest_or_the_listing() -> None:
    assert ots("show", "2019-10-15-summit-bakuu").err == (
        "ots: unknown event '2019-10-15-summit-bakuu'; did you mean 2019-10-15-summit-baku, 2019-10-14-cfm-baku, "
        "2014-06-05-summit-bodrum?\n"
    )
    assert edges("show", "zzz").err == "ots: unknown event 'zzz'; see 'ots list' for ids\n"


def test_an_ambiguous_prefix_lists_ten_ids_then_an_ellipsis(tmp_path: Path) -> None:
    blocks = [
        f'[[event]]\nid = "2001-{group}-{number:02d}"\ndate = "2001"\ntitle = "T"\nkind = "meeting"\n'
        'sources = ["test-source"]\n'
        for group, count in (("ten", 10), ("more", 11))
        for number in range(count)
    ]
    path = tmp_path / "many.toml"
    path.write_text("\n".join(blocks), encoding="utf-8")
    ten = ", ".join(f"2001-ten-{number:02d}" for number in range(10))
    assert edges("--data", str(path), "show", "2001-ten").err == (
        f"ots: ambiguous event id '2001-ten': 10 events start with it: {ten}\n"
    )
    first_ten = ", ".join(f"2001-more-{number:02d}" for number in range(10))
    assert edges("--data", str(path), "show", "2001-more").err == (
        f"ots: ambiguous event id '2001-more': 11 events start with it: {first_ten}, …\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "informal sumit"], "unknown kind 'sumit'; did you mean summit?"),
        (["--kind", "informal summit extra"], "unknown kind 'informal summit extra'; did you mean informal summit, "
                                              "informal meeting?"),
        (["--year", "20192021"], "--year: '20192021' is not a year or a span of years (2019, 2019..2021, 2019.., "
                                 "..2015)"),
        (["--year", ".."], "--year: '..' is not a year or a span of years (2019, 2019..2021, 2019.., ..2015)"),
        (["--year", "2021..2019"], "--year: '2021..2019' ends before it starts"),
        (["--since", "2019-02", "--until", "2019-01"], "--since 2019-02 is after --until 2019-01; nothing can match"),
    ],
)  # fmt: skip
def test_filter_values_that_name_nothing(args: list[str], message: str) -> None:
    run = edges("list", *args)
    assert (run.code, run.out, run.err) == (2, "", f"ots: {message}\n")


def test_since_and_until_may_be_the_same_year_and_a_two_word_kind_needs_its_format() -> None:
    assert [event["id"] for event in edges("list", "--since", "2019", "--until", "2019", "--json").json()] == [
        "2018-12-30-new-year-forum",
        "2019-summit",
    ]
    assert edges("list", "--kind", "informal meeting", "--json").json() == []
    assert [event["id"] for event in edges("list", "--kind", "ordinary summit", "--json").json()] == [
        "2019-summit",
        "2030-planned-summit",
    ]


@pytest.mark.parametrize(("given", "meant"), [("organs", "organ"), ("years", "year"), ("country", "state")])
def test_stats_by_a_near_word_says_the_right_one(given: str, meant: str) -> None:
    assert edges("stats", "--by", given).err == f"ots: unknown --by value '{given}'; did you mean {meant}?\n"


def test_counts_by_year_and_by_kind(corners: list[str]) -> None:
    by_year = ots(*corners, "stats", "--by", "year", "--json").json()
    held = {"2009": 1, "2015": 1, "2016": 1, "2017": 1, "2018": 1, "2019": 2, "2020": 1, "2024": 1, "2030": 1}
    assert [(item["key"], item["count"]) for item in by_year] == [
        (str(year), held.get(str(year), 0)) for year in range(2009, 2031)
    ]  # the years between with no event as 0
    by_kind = ots(*corners, "stats", "--by", "kind", "--json").json()
    assert [(item["key"], item["count"]) for item in by_kind] == [
        ("meeting", 3), ("conference", 2), ("summit", 2), ("agreement", 1), ("consultation", 1),
    ]  # most first, then by name  # fmt: skip


def test_an_act_at_a_meeting_is_counted_with_the_meeting(tmp_path: Path) -> None:
    path = tmp_path / "acts.toml"
    path.write_text(
        '[[event]]\nid = "2001-05-meeting"\ndate = "2001-05"\ntitle = "A meeting"\nkind = "meeting"\n'
        'sources = ["test-source"]\n\n[[event]]\nid = "2001-05-act"\ndate = "2001-05"\ntitle = "An act"\n'
        'kind = "document"\npart_of = "2001-05-meeting"\nsources = ["test-source"]\n',
        encoding="utf-8",
    )
    counts = edges("--data", str(path), "stats", "--by", "year", "--year", "2001", "--json").json()
    assert [(item["key"], item["count"]) for item in counts] == [("2001", 1)]  # the act adds nothing to its year
    kinds = edges("--data", str(path), "stats", "--by", "kind", "--year", "2001", "--json").json()
    assert [(item["key"], item["count"]) for item in kinds] == [("document", 1), ("meeting", 1)]  # other groups


def test_an_organ_gets_one_count_in_organ_stats_and_coverage(tmp_path: Path) -> None:
    """A meeting of the Elders with an act done at it: `organ`, `stats` and `coverage` all count 2 for the Elders
    (the store's own meeting, and this one, whose act counts with it)."""
    path = tmp_path / "acts.toml"
    path.write_text(
        '[[event]]\nid = "2001-05-meeting"\ndate = "2001-05"\ntitle = "A meeting"\nkind = "meeting"\n'
        'organs = ["CoE"]\nsources = ["test-source"]\n\n[[event]]\nid = "2001-05-act"\ndate = "2001-05"\n'
        'title = "An act"\nkind = "document"\norgans = ["CoE"]\npart_of = "2001-05-meeting"\n'
        'sources = ["test-source"]\n',
        encoding="utf-8",
    )
    assert "\n2 events in the record, and 1 act done at them\n" in edges("--data", str(path), "organ", "CoE").out
    by_organ = edges("--data", str(path), "stats", "--by", "organ", "--json").json()
    assert {item["key"]: item["count"] for item in by_organ}["CoE"] == 2
    (row,) = edges("--data", str(path), "coverage", "--organ", "CoE", "--json").json()
    assert row["events"] == 2
    alone = edges("--data", str(path), "stats", "--by", "kind", "--kind", "document", "--json").json()
    assert [(item["key"], item["count"]) for item in alone] == [("document", 1)]  # its meeting not selected


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_has_its_length(month: int) -> None:
    length = calendar.monthrange(2019, month)[1]
    assert edges("list", "--since", f"2019-{month:02d}-{length:02d}").code == 0
    name = calendar.month_abbr[month]
    run = edges("list", "--since", f"2019-{month:02d}-{length + 1:02d}")
    assert run.err == f"ots: --since: 2019-{month:02d}-{length + 1} does not exist: {name} 2019 has {length} days\n"


@pytest.mark.parametrize(
    ("value", "message"),
    [("2019-13", "month 13 does not exist"), ("2019-00", "month 0 does not exist"), ("0000", "year 0 is out of range"),
     ("2019-4", "'2019-4' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
     ("２０１９", "'２０１９' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")],
)  # fmt: skip
def test_dates_that_do_not_exist(value: str, message: str) -> None:
    assert edges("list", "--since", value).err == f"ots: --since: {message}\n"
    assert edges("list", "--since", "9999-12-31", "--json").json() == []
    assert edges("list", "--until", "0001-01-01", "--json").json() == []


@pytest.mark.parametrize(
    ("written", "problem"),
    [("2019-10-15", None), ("2019-10-15T10:00:00", "date: a date and time was given where a date belongs; write "
                                                   "YYYY, YYYY-MM or YYYY-MM-DD"),
     ("2019", "date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not int")],
)  # fmt: skip
def test_toml_dates_without_quotes(tmp_path: Path, written: str, problem: str | None) -> None:
    path = tmp_path / "bare.toml"
    path.write_text(f'[[event]]\nid = "bare"\ndate = {written}\ntitle = "T"\nkind = "meeting"\n'
                    'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    run = edges("--data", str(path), "list", "--json")
    if problem is None:
        assert [event["date"] for event in run.json() if event["id"] == "bare"] == ["2019-10-15"]
    else:
        assert run.err.endswith(f":3: event bare: {problem}\n"), run.err


def test_an_end_before_its_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "backwards.toml"
    path.write_text('[[event]]\nid = "back"\ndate = "2019-02"\nend = "2019-01-31"\ntitle = "T"\nkind = "meeting"\n'
                    'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    run = edges("--data", str(path), "validate")
    assert run.code == 1 and "event back: end 2019-01-31 is before date 2019-02" in run.err


EVENT = '[[event]]\nid = "x"\ndate = "2019"\ntitle = "T"\nkind = "meeting"\nsources = ["test-source"]\n'
CITY = '[[city]]\nid = "c"\nname = "C"\nstate = "AZ"\nlon = 1.0\nlocation_source = "test-source"\n'
KINDS_LISTED = ("summit, meeting, consultation, training, observation, agreement, document, membership, renaming, "
                "institution, designation, award, chairmanship, appointment, conference, publication")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (EVENT.replace('"meeting"', '"meetin"'), "5: event x: kind: unknown kind 'meetin'; did you mean meeting, "
                                                 "membership?"),
        (EVENT.replace('"meeting"', '"zzz"'), f"5: event x: kind: unknown kind 'zzz'; one of {KINDS_LISTED}"),
        (EVENT.replace('"meeting"', "5"), f"5: event x: kind: unknown kind 5; one of {KINDS_LISTED}"),
        (EVENT + 'status = "helt"\n', "7: event x: status: unknown status 'helt'; did you mean held?"),
        (EVENT + "number = 0\n", "7: event x: number: should be at least 1"),
        (CITY + "lat = 100.0\n", "7: city c: lat: should be at most 90.0"),
        (CITY + "lat = -100.0\n", "7: city c: lat: should be at least -90.0"),
        ("format = 2\n" + EVENT, "1: format: unknown format 2; one of 1"),
        ('format = 1\n\nevent = "x"\n', "3: event: should be a list, [ ... ]"),
        (EVENT.replace('["test-source"]', '["test-source", 5]'), "6: event x: sources.1: should be text in quotes"),
        (EVENT + '[[event.disputed]]\nfield = "date"\nvalue = "2018"\nsource = "test-source"\nnote = 5\n',
         "11: event x: disputed.0.note: should be text in quotes"),
        (EVENT.replace('title = "T"\n', ""), "1: event x: title: required"),
    ],
)  # fmt: skip
def test_what_a_data_file_gets_wrong_is_said_in_its_authors_words(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "wrong.toml"
    path.write_text(text, encoding="utf-8")
    run = edges("--data", str(path), "validate")
    assert (run.code, run.err) == (1, f"{path}:{problem}\n")


def test_a_file_named_twice_is_read_once() -> None:
    assert edges("--data", str(EDGES), "list", "--json").json() == edges("list", "--json").json()


def test_the_default_personal_file_is_under_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    personal = tmp_path / ".local" / "share" / "otscli" / "events.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(EVENT.replace('id = "x"', 'id = "mine"'), encoding="utf-8")
    assert "mine" in [event["id"] for event in edges("list", "--json").json()]
    assert "mine" not in [event["id"] for event in edges("--no-user-data", "list", "--json").json()]


def test_the_library_loads_the_bundled_record_by_default() -> None:
    from otscli import paths, store

    assert paths.data_paths([]) == [paths.bundled_path()]
    assert [event.id for event in store.load().events] == [event["id"] for event in ots("list", "--json").json()]


def test_counts_by_city_and_by_state_carry_the_names() -> None:
    by_city = edges("stats", "--by", "city", "--json").json()
    assert by_city == [
        {"key": "baku", "label": "Baku", "count": 2},
        {"key": "istanbul", "label": "İstanbul", "count": 2},
        {"key": "nakhchivan", "label": "Nakhchivan", "count": 1},
    ]
    by_state = edges("stats", "--by", "state", "--json").json()
    assert [(item["key"], item["label"]) for item in by_state] == [("AZ", "Azerbaijan"), ("TR", "Türkiye"),
                                                                   ("HU", "Hungary")]  # fmt: skip


def test_more_filter_and_lookup_messages() -> None:
    assert edges("list", "--kind", "big summit").err == (
        "ots: unknown kind 'big summit'; did you mean informal summit, extraordinary summit?\n"
    )
    assert edges("source", "nothing-like-it").err == "ots: unknown source 'nothing-like-it'; see 'ots sources'\n"
    assert edges("on-this-day", "--date", "13-01").err == "ots: --date: '13-01' is not a day of the year as MM-DD\n"


def test_an_id_that_begins_another_is_found_exactly_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "prefix.toml"
    path.write_text(EVENT.replace('id = "x"', 'id = "2001-x"') + "\n" + EVENT.replace('id = "x"', 'id = "2001-x-more"'),
                    encoding="utf-8")  # fmt: skip
    assert edges("--data", str(path), "show", "2001-X", "--json").json()["event"]["id"] == "2001-x"


def test_suggestions_name_records_not_spellings(tmp_path: Path) -> None:
    """Three spellings of one city closer than another city's name: both cities are offered, once each."""
    path = tmp_path / "alike.toml"
    path.write_text('[[city]]\nid = "aaa"\nname = "Alphz"\nstate = "AZ"\naliases = ["Alphy", "Alphx"]\n\n'
                    '[[city]]\nid = "bbb"\nname = "Alpha"\nstate = "AZ"\n', encoding="utf-8")  # fmt: skip
    assert edges("--data", str(path), "city", "Alphq").err == "ots: unknown city 'Alphq'; did you mean Alphz, Alpha?\n"


SEARCHED = """\
[[city]]
id = "turkey-city"
name = "Turkey"
state = "TR"

[[event]]
id = "2002-talks-in-turkiye"
date = "2002"
title = "Talks in Türkiye"
kind = "meeting"
sources = ["test-source"]

[[event]]
id = "2002-treaty"
date = "2002"
title = "A treaty signed"
kind = "agreement"
sources = ["test-source"]

[[event]]
id = "2002-coe-meets"
date = "2002"
title = "The CoE meets"
kind = "meeting"
sources = ["test-source"]
"""


def test_search_finds_every_name_of_what_a_word_names_and_nothing_by_accident(tmp_path: Path) -> None:
    path = tmp_path / "searched.toml"
    path.write_text(SEARCHED, encoding="utf-8")
    found = {event["id"] for event in edges("--data", str(path), "search", "Turkey", "--year", "2002", "--json").json()}
    assert found == {"2002-talks-in-turkiye"}  # the state's name, though a city is called Turkey too; not "tr"eaty
    elders = edges("--data", str(path), "search", '"Council of Elders"', "--year", "2002", "--json").json()
    assert [event["id"] for event in elders] == ["2002-coe-meets"]  # a three-letter id counts
    assert edges("search", "xx", "--json").json() == []  # the fields are joined by spaces, nothing more
    assert edges("search", "— summit", "--json").json() == edges("search", "summit", "--json").json()


def test_dates_are_shown_at_their_own_precision() -> None:
    lines = [" ".join(line.split()) for line in edges("timeline").out.splitlines()]
    assert "2019 ● A summit known only by its year" in lines
    assert "Nov 2017 ● Elders meet in November" in lines
    assert "3 Oct 2009 ● Founding agreement signed" in lines


def test_a_meeting_shows_the_acts_adopted_at_it(tmp_path: Path) -> None:
    path = tmp_path / "acts.toml"
    path.write_text(
        EVENT.replace('id = "x"', 'id = "2001-05-meeting"')
        + "\n"
        + EVENT.replace('id = "x"', 'id = "2001-05-act"').replace('"meeting"', '"document"')
        + 'part_of = "2001-05-meeting"\n',
        encoding="utf-8",
    )
    page = edges("--data", str(path), "show", "2001-05-meeting", "--json").json()
    assert [part["id"] for part in page["parts"]] == ["2001-05-act"]
    assert edges("--data", str(path), "show", "2001-05-act", "--json").json()["part_of"]["id"] == "2001-05-meeting"


def test_records_compare_hash_and_print_by_their_fields() -> None:
    """The library's records behave as the dataclasses they are: two loads give equal catalogs."""
    from otscli import store
    from otscli.dates import PartialDate

    first, second = store.load(cache=False), store.load(cache=False)
    assert first == second and first.events[0] is not second.events[0]
    assert {first.events[0], second.events[0]} == {first.events[0]}
    assert first.events[0] != first.events[1]
    assert repr(first.sources[0]).startswith(f"Source(id={first.sources[0].id!r}, title=")
    earlier, later = PartialDate.parse("2019-05"), PartialDate.parse("2019-05-02")
    assert sorted([later, earlier]) == [earlier, later] and not later < earlier  # the month starts first


def test_a_validator_built_afresh_applies_the_rules() -> None:
    """The pydantic hooks of the types, run again (the command line builds them once per process)."""
    from pydantic import TypeAdapter, ValidationError

    from otscli.dates import PartialDate
    from otscli.models import Event

    adapter = TypeAdapter(Event)
    good = {"id": "e", "date": "2019-05", "title": "T", "kind": "meeting", "sources": ["s"]}
    event = adapter.validate_python(good)
    assert event.date == PartialDate(2019, 5) and adapter.dump_python(event, mode="json")["date"] == "2019-05"
    for field, value, kind in (("title", "T\x07", "value_error"), ("id", "-e", "string_pattern_mismatch"),
                               ("title", 5, "string_type"), ("date", "2019-13", "value_error")):  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            adapter.validate_python({**good, field: value})
        assert [error["type"] for error in refused.value.errors()] == [kind]


KIND_ONE_OF = f"unknown kind 'zzz'; one of {KINDS_LISTED}"


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ('format = 1\nsource = [\n  { id = "s1", title = "A" },\n  { id = "s2", title = 5 },\n]\n',
         ["4: source s2: title: should be text in quotes"]),
        ('format = 1\nsource = [\n  { id = "s1", title = "A" },\n  { id = "s1", title = "B" },\n]\n',
         ["4: source s1: id: duplicate id, first defined at FILE:3"]),
        ("  " + EVENT.replace("\n", "\n  ") + "\n  " + EVENT.replace('id = "x"\n', "").replace("\n", "\n  "),
         ["8: event #2: id: required"]),
        (EVENT.replace("[[event]]", '[["event"]]') + "\n" + EVENT.replace('id = "x"\n', "").replace(
            "[[event]]", '[[ "event" ]]'), ["8: event #2: id: required"]),
        (EVENT.replace('title = "T"\n', "") + "\n" + EVENT.replace('id = "x"', 'id = "y"'),
         ["1: event x: title: required"]),
        ('[[event]]\ndate = "2019"\ntitle = 5\nkind = "meeting"\nsources = ["test-source"]\n',
         ["1: event #1: id: required", "3: event #1: title: should be text in quotes"]),
        ('format = 1\ncolour = "red"\n',
         ["2: unknown table 'colour'; expected one of format, as_of, source, organ, state, city, event, claim"]),
        (EVENT.replace('"meeting"', '"zzz"') + "\n" + EVENT.replace('id = "x"', 'id = "y"').replace('"T"', "5"),
         [f"5: event x: kind: {KIND_ONE_OF}", "11: event y: title: should be text in quotes"]),
    ],
)  # fmt: skip
def test_every_problem_is_put_on_its_line(tmp_path: Path, text: str, problems: list[str]) -> None:
    path = tmp_path / "placed.toml"
    path.write_text(text, encoding="utf-8")
    run = edges("--data", str(path), "validate")
    assert (run.code, run.err) == (1, "".join(f"{path}:{problem}\n".replace("FILE", str(path)) for problem in problems))


ADD_ONE = ["add", "--date", "2024-05-02", "--title", "Elders meet", "--kind", "meeting", "--source", "test-source"]


def test_add_to_a_file_with_problems_lists_them_all_and_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    broken = EVENT.replace('"meeting"', '"zzz"') + "\n" + EVENT.replace('id = "x"', 'id = "y"').replace('"T"', "5")
    target.write_text(broken, encoding="utf-8")
    run = edges(*ADD_ONE, "--file", str(target))
    assert run.code == 1
    assert run.err.splitlines() == [
        f"{target}:5: event x: kind: {KIND_ONE_OF}",
        f"{target}:11: event y: title: should be text in quotes",
    ]
    assert target.read_text(encoding="utf-8") == broken


def test_add_to_a_file_that_repeats_an_id_of_the_other_files(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(EVENT.replace('id = "x"', 'id = "2019-summit"'), encoding="utf-8")
    run = edges(*ADD_ONE, "--file", str(target))
    assert run.code == 1
    assert run.err == (f"{target}:1: event 2019-summit: id: duplicate id, first defined at (the other data files):1\n")


def test_a_key_of_too_many_parts_is_refused_on_its_line_and_dots_elsewhere_are_not(tmp_path: Path) -> None:
    path = tmp_path / "dots.toml"
    too_long, longest = ".".join(["k"] * 66), ".".join(["k"] * 65)
    for text, line in ((f"format = 1\n{too_long} = 1\n", 2), (f"format = 1\n\n[{too_long}]\n", 3)):
        path.write_text(text, encoding="utf-8")
        assert edges("--data", str(path), "validate").err == f"{path}:{line}: a key of more than 64 dotted parts\n"
    path.write_text(f"format = 1\n{longest} = 1\n", encoding="utf-8")
    assert "dotted parts" not in edges("--data", str(path), "validate").err  # 65 parts are read (and unknown)
    dots = "." * 70
    for fine in (EVENT.replace('title = "T"', f'title = "T{dots}"'),
                 EVENT.replace('title = "T"', f'title = "T"\nsummary = """\n{dots}\n"""'),
                 EVENT.replace('title = "T"', f"title = \'T\'\nsummary = \'\'\'\n{dots}\n\'\'\'")):  # fmt: skip
        path.write_text(fine, encoding="utf-8")
        run = edges("--data", str(path), "validate")
        assert run.code == 0, run.err


CITY_AT = '[[city]]\nid = "c"\nname = "C"\nstate = "AZ"\n'


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (CITY_AT.replace('"AZ"', '"AZZ"'), ["4: city c: state: unknown state 'AZZ'; did you mean AZ?"]),
        (CITY_AT + 'lat = 1.0\nlon = 2.0\nlocation_source = "nowhere"\n',
         ["7: city c: location_source: unknown source 'nowhere'"]),
        (CITY_AT + "lat = 1.0\n", ["5: city c: lat: lat, lon and location_source go together"]),
        (CITY_AT + "lat = 1.0\nlon = 2.0\n", ["5: city c: lat: lat, lon and location_source go together"]),
        ('[[claim]]\nid = "k"\norgan = "CHZ"\nwhat = "summits"\ncount = 3\nsource = "test-sourc"\n',
         ["3: claim k: organ: unknown organ 'CHZ'; did you mean CHS?",
          "6: claim k: source: unknown source 'test-sourc'; did you mean test-source?"]),
        ('[[state]]\nid = "KZ"\nname = "Kazakhstan"\n[[state.membership]]\nstatus = "member"\nsince = "2009"\n'
         'event = "2009-10-03-foundd"\n',
         ["4: state KZ: membership: unknown event '2009-10-03-foundd'; did you mean 2009-10-03-founded?"]),
        (EVENT.replace('kind = "meeting"', 'kind = "meeting"\norgans = ["CHZ"]\ncity = "bak"\nstates = ["AZZ"]\n'
                       'part_of = "x"').replace('["test-source"]', '["test-sourc"]')
         + '[[event.disputed]]\nfield = "date"\nvalue = "2018"\nsource = "nowhere-at-all"\n',
         ["6: event x: organs: unknown organ 'CHZ'; did you mean CHS?",
          "7: event x: city: unknown city 'bak'; did you mean baku?",
          "8: event x: states: unknown state 'AZZ'; did you mean AZ?",
          "10: event x: sources: unknown source 'test-sourc'; did you mean test-source?",
          "14: event x: source: unknown source 'nowhere-at-all'",
          "9: event x: part_of: an event cannot be part of itself"]),
        ('[[colour]]\nname = "red"\n\n[[colour]]\nname = "blue"\n\n' + EVENT.replace('"meeting"', '"zzz"'),
         ["1: unknown table 'colour'; expected one of format, as_of, source, organ, state, city, event, claim",
          f"11: event x: kind: {KIND_ONE_OF}"]),
        ('[[organ]]\nid = "XO"\nname = "Some Council"\nkind = "related"\naliases = ["Summit"]\n',
         ["1: organ XO: aliases: 'Summit' already names another organ"]),
    ],
)  # fmt: skip
def test_references_that_lead_nowhere_are_named_on_their_lines(tmp_path: Path, text: str, problems: list[str]) -> None:
    path = tmp_path / "refs.toml"
    path.write_text(text, encoding="utf-8")
    run = edges("--data", str(path), "validate")
    assert (run.code, run.err.splitlines()) == (1, [f"{path}:{problem}" for problem in problems])


def test_a_file_that_cannot_be_read_does_not_hide_the_problems_of_the_next(tmp_path: Path) -> None:
    unreadable, wrong = tmp_path / "syntax.toml", tmp_path / "wrong.toml"
    unreadable.write_text("a = [\n", encoding="utf-8")
    wrong.write_text(EVENT.replace('"T"', "5"), encoding="utf-8")
    run = edges("--data", str(unreadable), "--data", str(wrong), "validate")
    assert run.err.splitlines() == [
        f"{unreadable}: TOML syntax: Invalid value (at end of document)",
        f"{wrong}:4: event x: title: should be text in quotes",
    ]


def test_equal_ids_and_words_in_a_file_are_one_object(tmp_path: Path) -> None:
    """What keeps the cache and the memory small: every event of a large file names the same few records."""
    from otscli import store

    path = tmp_path / "many.toml"
    named = EVENT.replace('kind = "meeting"', 'kind = "meeting"\norgans = ["CHS"]\ncity = "baku"\nstates = ["AZ"]')
    path.write_text("\n".join(named.replace('id = "x"', f'id = "e{number}"') for number in range(3)), encoding="utf-8")
    catalog = store.load([EDGES, path], bundled=False, cache=False)
    first, second = (event for event in catalog.events if event.id in ("e0", "e1"))
    for field in ("kind", "city", "date"):
        assert getattr(first, field) is getattr(second, field)
    for field in ("organs", "states", "sources"):
        assert getattr(first, field)[0] is getattr(second, field)[0]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('"T"', '"T\\nX"'), "4: event x: title: control character U+000A at position 1"),
        (('"T"', '"T\\tX"'), "4: event x: title: control character U+0009 at position 1"),
        (('"T"', '"T\u202eX"'), "4: event x: title: bidirectional control character U+202E at position 1"),
        (('"T"', '"T\u200dX"'), "4: event x: title: invisible character U+200D at position 1"),
        (('"T"', '"   "'), "4: event x: title: must not be empty"),
        (('sources = ["test-source"]', 'sources = ["test-source"]\nsummary = "a\u200bb"'),
         "7: event x: summary: invisible character U+200B at position 1"),
    ],
)  # fmt: skip
def test_one_line_fields_refuse_what_prose_may_hold(tmp_path: Path, change: tuple[str, str], problem: str) -> None:
    path = tmp_path / "text.toml"
    path.write_text(EVENT.replace(*change), encoding="utf-8")
    assert edges("--data", str(path), "validate").err == f"{path}:{problem}\n"


def test_prose_may_hold_tabs_newlines_and_joiners(tmp_path: Path) -> None:
    path = tmp_path / "prose.toml"
    path.write_text(EVENT + 'summary = "a\\tb\\nc, a\u200db"\n', encoding="utf-8")
    assert edges("--data", str(path), "validate").code == 0


def test_addresses_and_the_years_at_the_ends(tmp_path: Path) -> None:
    path = tmp_path / "ends.toml"
    path.write_text('[[source]]\nid = "s"\ntitle = "S"\nurl = "ftp://x"\n', encoding="utf-8")
    assert (
        edges("--data", str(path), "validate").err == f"{path}:4: source s: url: 'ftp://x' is not an http(s) address\n"
    )
    for year in ("0001", "9999"):
        path.write_text(EVENT.replace('"2019"', f'"{year}"'), encoding="utf-8")
        assert edges("--data", str(path), "validate").code == 0, year
    assert len(edges("list", "--since", "0001", "--json").json()) == len(edges("list", "--json").json())


def test_bytes_that_are_not_utf8_in_an_added_summary(tmp_path: Path) -> None:
    run = edges(*ADD_ONE, "--file", str(tmp_path / "add.toml"), "--summary", "bad \udcff bytes")
    assert (run.code, run.err) == (2, "ots: add: summary: bytes that are not valid UTF-8 at position 4\n")


def test_a_date_knows_its_parts() -> None:
    from otscli.dates import PartialDate

    with pytest.raises(ValueError, match=r"^a day needs a month$"):
        PartialDate(2019, None, 5)
    with pytest.raises(ValueError, match=r"^year 10000 is out of range$"):
        PartialDate(10000)
    day = PartialDate.parse("2019-05-02")
    assert not day < day and hash(PartialDate(2019, 5, 2)) == hash(day)
    assert (day.start, day.end) == (PartialDate(2019, 5, 2).start, dt.date(2019, 5, 2))
    assert PartialDate.parse("2019").end == dt.date(2019, 12, 31) and PartialDate.parse("2019-02").end.day == 28


def test_different_records_hash_apart() -> None:
    from otscli import store

    events = store.load(cache=False).events
    assert len({hash(event) for event in events[:50]}) == 50


def test_filter_names_that_name_nothing_say_what_they_are() -> None:
    for option, what in (("--organ", "organ"), ("--city", "city"), ("--state", "state")):
        assert edges("list", option, "Xyzzy").err == f"ots: unknown {what} 'Xyzzy'; see 'ots {what}s'\n".replace(
            "citys", "cities"
        )
    assert edges("list", "--status", "zzz").err == "ots: unknown status 'zzz'; one of held, planned, cancelled\n"
    assert (
        edges("list", "--kind", "ment").err == "ots: unknown kind 'ment'; did you mean document, agreement, meeting?\n"
    )


def test_search_folds_letters_beyond_latin_and_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.toml"
    path.write_text(EVENT.replace('"T"', '"Қазақстан форумы"'), encoding="utf-8")
    found = edges("--data", str(path), "search", "ҚАЗАҚСТАН", "--json").json()
    assert [event["id"] for event in found] == ["x"]
    assert edges("--data", str(path), "search", "xxxx", "--json").json() == []


LONG_KEY = ".".join(["k"] * 66)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"\nformat = 1\n{LONG_KEY} = 1\n", 3),  # an empty first line
        (f'format = 1\n"a b".{LONG_KEY} = 1\n', 2),  # a quoted part with a space
        (f'title = """\nclosed\n"""\n{LONG_KEY} = 1\n# """ in a comment after it\n', 4),
        (f"title = '''\nclosed\n'''\n{LONG_KEY} = 1\n", 4),
    ],
)  # fmt: skip
def test_a_long_key_is_found_wherever_it_stands(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    assert edges("--data", str(path), "validate").err == f"{path}:{line}: a key of more than 64 dotted parts\n"


def test_a_value_with_many_dots_and_an_equals_sign_is_no_key(tmp_path: Path) -> None:
    path = tmp_path / "value.toml"
    path.write_text(EVENT.replace('title = "T"', f'title = "T {"." * 70}=x"'), encoding="utf-8")
    assert edges("--data", str(path), "validate").code == 0


def test_no_home_at_all_is_no_user_file_and_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    run = edges("list", "--json")
    assert run.code == 0 and len(run.json()) == 5


def test_the_library_reads_the_personal_file_and_the_cache_by_default(tmp_path: Path) -> None:
    import os

    from otscli import store

    personal = Path(os.environ["XDG_DATA_HOME"]) / "otscli" / "events.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(EVENT.replace('id = "x"', 'id = "mine"').replace('"test-source"', '"2019-summit-source"'),
                        encoding="utf-8")  # fmt: skip
    with pytest.raises(Exception, match="unknown source"):
        store.load()  # the personal file is read (and checked against the bundled record)
    personal.unlink()
    store.load()
    assert any(path.name.endswith(".marshal") for path in (Path(os.environ["XDG_CACHE_HOME"]) / "otscli").iterdir())


def test_a_meeting_that_is_not_there_is_named_with_the_closest(tmp_path: Path) -> None:
    path = tmp_path / "part.toml"
    path.write_text(EVENT + 'part_of = "2030-summit"\n', encoding="utf-8")
    assert edges("--data", str(path), "validate").err == (
        f"{path}:7: event x: part_of: unknown event '2030-summit'; did you mean 2019-summit, 2030-planned-summit?\n"
    )
