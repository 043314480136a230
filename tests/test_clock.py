"""Time in what `ots` says: `today` and `yesterday` as dates, plans whose date has passed, the record's "as of"
day. The clock is fixed with OTS_TODAY, never read from the machine."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from conftest import edges, ids, ots
from otscli.paths import bundled_as_of

PLANS = """\
as_of = "2026-03-16"

[[event]]
id = "2025-05-planned-meeting"
date = "2025-05"
title = "A meeting announced for May 2025"
kind = "meeting"
status = "planned"
organs = ["CoE"]
city = "baku"
summary = "Announced; no report of it was found."
sources = ["test-source"]

[[event]]
id = "2026-12-07-planned-forum"
date = "2026-12-07"
title = "A forum announced for 7 December 2026"
kind = "conference"
status = "planned"
city = "istanbul"
sources = ["test-source"]
"""
TODAY = {"OTS_TODAY": "2026-12-06"}


@pytest.fixture
def plans(tmp_path: Path) -> list[str]:
    path = tmp_path / "plans.toml"
    path.write_text(PLANS, encoding="utf-8")
    return ["--data", str(path)]


def test_today_and_yesterday_are_dates_wherever_a_date_goes(plans: list[str]) -> None:
    ahead = ids(edges(*plans, "list", "--since", "today", "--json", env=TODAY))
    assert ahead == ["2026-12-07-planned-forum", "2030-planned-summit"]
    assert ids(edges(*plans, "list", "--since", "today", "--json", env={"OTS_TODAY": "2026-12-08"})) == [
        "2030-planned-summit"
    ]
    assert ids(edges(*plans, "list", "--until", "yesterday", "--year", "2025..today", "--json", env=TODAY)) == [
        "2025-05-planned-meeting"
    ]
    assert ids(edges(*plans, "list", "--year", "today", "--json", env=TODAY)) == ["2026-12-07-planned-forum"]
    day = edges("on-this-day", "--date", "yesterday", "--json", env={"OTS_TODAY": "2020-10-04"}).json()
    assert [item["event"]["id"] for item in day] == ["2009-10-03-founded"]


def test_a_clock_that_is_not_a_date_is_a_usage_error() -> None:
    run = edges("list", "--since", "today", env={"OTS_TODAY": "06/12/2026"})
    assert (run.code, run.err) == (2, "ots: OTS_TODAY: '06/12/2026' is not a date of the form YYYY-MM-DD\n")


def test_a_plan_whose_last_day_has_passed_is_overdue_and_keeps_its_status(plans: list[str]) -> None:
    events = {event["id"]: event for event in edges(*plans, "list", "--json", env=TODAY).json()}
    assert events["2025-05-planned-meeting"]["overdue"] is True
    assert events["2025-05-planned-meeting"]["status"] == "planned"
    assert events["2026-12-07-planned-forum"]["overdue"] is False
    assert events["2030-planned-summit"]["overdue"] is False
    assert all(event["overdue"] is False for event in events.values() if event["status"] != "planned")
    # The last possible day of "2025-05" is 31 May: on that day the plan is not yet overdue.
    on_the_day = edges(*plans, "list", "--json", env={"OTS_TODAY": "2025-05-31"}).json()
    assert next(e for e in on_the_day if e["id"] == "2025-05-planned-meeting")["overdue"] is False
    fields = edges(*plans, "list", "--status", "planned", "--fields", "id,overdue", "--json", env=TODAY).json()
    assert fields[0] == {"id": "2025-05-planned-meeting", "overdue": True}


def test_overdue_plans_are_marked_wherever_a_plan_is_shown(plans: list[str], tmp_path: Path) -> None:
    mark = "planned · date passed, no report as of 2026-03-16"
    timeline = edges(*plans, "timeline", "--year", "2025", env={**TODAY, "COLUMNS": "200"}).out
    assert f"A meeting announced for May 2025  [{mark}]" in timeline
    table = edges(*plans, "list", "--year", "2025", env=TODAY).out
    assert f"A meeting announced for May 2025 [{mark}]" in table
    assert mark in edges(*plans, "show", "2025-05-planned-meeting", env=TODAY).out
    future = edges(*plans, "timeline", "--year", "2030", env=TODAY).out
    assert "[planned]" in future and "date passed" not in future
    markdown = edges(*plans, "export", "-f", "md", "--year", "2025", env=TODAY).out
    assert "date passed, no report as of 2026-03-16" in markdown
    calendar = icalendar.Calendar.from_ical(edges(*plans, "export", "-f", "ics", "--year", "2025", env=TODAY).out)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert str(vevent["DESCRIPTION"]).startswith("Planned; its date has passed and the record holds no report")
    site = tmp_path / "site"
    assert edges(*plans, "site", "-o", str(site), env=TODAY).code == 0
    assert mark in (site / "events" / "2025-05-planned-meeting.html").read_text(encoding="utf-8")
    assert mark in (site / "index.html").read_text(encoding="utf-8")


def test_next_lists_the_plans_still_ahead(plans: list[str]) -> None:
    assert ids(edges(*plans, "next", "--json", env=TODAY)) == ["2026-12-07-planned-forum", "2030-planned-summit"]
    assert ids(edges(*plans, "next", "--json", env=TODAY)) == ids(
        edges(*plans, "list", "--since", "today", "--status", "planned", "--json", env=TODAY)
    )
    assert ids(edges(*plans, "next", "--kind", "summit", "--json", env=TODAY)) == ["2030-planned-summit"]


def test_outputs_say_how_current_the_record_is_and_whose_files_they_rest_on(plans: list[str]) -> None:
    coverage = edges(*plans, "coverage", env=TODAY).out
    assert coverage.startswith("From your own files only (as of 2026-03-16): ")
    mine = Path(plans[1]).with_name("mine.toml")
    mine.write_text('[[event]]\nid = "2025-05-mine"\ndate = "2025-05"\ntitle = "Mine"\nkind = "meeting"\n'
                    'organs = ["CoE"]\nsources = ["ots-political-cooperation-2024"]\n', encoding="utf-8")  # fmt: skip
    with_bundled = ots("--data", str(mine), "coverage", "--organ", "CoE")
    mixed = next(line for line in with_bundled.out.splitlines() if line)
    assert mixed == f"Record as of {bundled_as_of()}, with events from your own files: {mine}."


def test_exports_carry_the_as_of_day(plans: list[str]) -> None:
    geojson = json.loads(edges(*plans, "export", "-f", "geojson", env=TODAY).out)
    assert geojson["as_of"] == "2026-03-16"
    timelinejs = json.loads(edges(*plans, "export", "-f", "timelinejs", env=TODAY).out)
    assert "2026-03-16" in timelinejs["title"]["text"]["text"]
    calendar = icalendar.Calendar.from_ical(edges(*plans, "export", "-f", "ics", env=TODAY).out)
    assert "2026-03-16" in str(calendar["X-WR-CALDESC"])
