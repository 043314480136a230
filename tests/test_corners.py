"""Corners of what users see that no test pinned before mutation testing found them (CONTRIBUTING.md): names
nobody has, leap days, spans within a year, counts by organ and state, anniversaries."""

from __future__ import annotations

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
