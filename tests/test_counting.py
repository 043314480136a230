"""Anniversaries (otscli.counting.on_this_day) through `ots on-this-day`, on edges.toml with more.toml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import EDGES, MORE, edges, ots

DATA = ["--no-bundled", "--data", str(EDGES), "--data", str(MORE)]


def test_two_anniversaries_on_one_day_come_newest_first_a_cancelled_one_marked() -> None:
    run = ots(*DATA, "on-this-day", "--date", "11-11", "--json", env={"OTS_TODAY": "2026-12-06"})
    found = [(item["years_ago"], item["event"]["id"], item["event"]["status"]) for item in run.json()]
    assert found == [(4, "2022-11-11-samarkand-summit", "held"), (5, "2021-11-11-cancelled-forum", "cancelled")]
    text = ots(*DATA, "on-this-day", "--date", "11-11", env={"OTS_TODAY": "2026-12-06", "COLUMNS": "80"}).out
    assert text.index("4 years ago") < text.index("5 years ago")
    assert "A forum called off  [cancelled]" in text


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
