"""The phrases shared by the views (render/describe.py), seen through the commands that print them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, EDGES, edges, ots
from otscli.errors import printable
from otscli.models import Catalog, City
from otscli.paths import bundled_as_of, bundled_path
from otscli.render.describe import (
    city_label,
    current_status,
    membership_line,
    overdue_sentence,
    provenance,
    status_label,
)
from otscli.store import load_files

SOURCES = DATA / "sources.toml"


def test_a_standing_that_ended_gives_both_ends_and_leaves_the_state_with_none_today() -> None:
    state = edges("--data", str(SOURCES), "state", "XK")
    assert state.code == 0, state.err
    assert "membership  observer May 2013 – 3 Sep 2018\n" in state.out
    states = edges("--data", str(SOURCES), "states")
    assert states.code == 0, states.err
    assert "XK\tFormer Observer\t—\t0\n" in states.out
    assert "HU\tHungary\tobserver\t1\n" in states.out  # a standing still held: its status, "since" not shown here


def test_the_states_of_an_event_are_named_in_one_line() -> None:
    run = edges("show", "2009-10-03-founded")
    assert run.code == 0, run.err
    assert "states   Azerbaijan, Türkiye\n" in run.out


ONLINE = """\
[[event]]
id = "2021-03-01-online"
date = "2021-03-01"
title = "A meeting held online"
kind = "meeting"
online = true
sources = ["test-source"]

[[event]]
id = "2021-04-01-baku-and-online"
date = "2021-04-01"
title = "A meeting in Baku and online"
kind = "meeting"
city = "baku"
online = true
organs = ["CHS", "CoE"]
sources = ["test-source"]
"""


def test_an_events_kind_number_place_and_organs_read_as_phrases(tmp_path: Path) -> None:
    summit = edges("show", "2019-summit")
    assert summit.code == 0, summit.err
    assert "kind      summit no. 7\n" in summit.out
    assert "place     Baku, Azerbaijan\n" in summit.out
    store = tmp_path / "online.toml"
    store.write_text(ONLINE, encoding="utf-8")
    online = edges("--data", str(store), "show", "2021-03-01-online")
    assert "kind     meeting\n" in online.out
    assert "place    online\n" in online.out
    both = edges("--data", str(store), "show", "2021-04-01-baku-and-online")
    assert "place    Baku, Azerbaijan and online\n" in both.out
    assert "organs   Council of Heads of State, Council of Elders\n" in both.out


def test_a_current_standing_reads_since_its_day_and_names_its_status_in_words() -> None:
    catalog = load_files([EDGES])
    azerbaijan = catalog.state_by_id["AZ"]
    assert membership_line(azerbaijan.membership[0]) == "founding member since 3 Oct 2009"
    assert current_status(azerbaijan) == "founding member"
    run = edges("states")
    assert "AZ\tAzerbaijan\tfounding member\t" in run.out


def test_a_meeting_of_a_format_other_than_ordinary_is_named_with_it(tmp_path: Path) -> None:
    store = tmp_path / "informal.toml"
    store.write_text(INFORMAL, encoding="utf-8")
    run = edges("--data", str(store), "show", "2021-03-31-informal")
    assert run.code == 0, run.err
    assert "kind     informal summit no. 8\n" in run.out


INFORMAL = """\
[[event]]
id = "2021-03-31-informal"
date = "2021-03-31"
title = "An informal summit online"
kind = "summit"
format = "informal"
number = 8
online = true
sources = ["test-source"]
"""


def test_a_city_whose_state_is_not_in_the_record_is_named_alone() -> None:
    """The loader refuses such a city; a catalog built in Python may still hold one."""
    nowhere = City(id="atlantis", name="Atlantis", state="XX")
    assert city_label(nowhere, Catalog(cities=[nowhere])) == "Atlantis"
    assert city_label(load_files([EDGES]).city_by_id["baku"], load_files([EDGES])) == "Baku, Azerbaijan"


def checked_to(day: str, tmp_path: Path) -> Catalog:
    """The small store, as checked up to `day`."""
    store = tmp_path / "checked.toml"
    store.write_text(EDGES.read_text(encoding="utf-8").replace("format = 1\n", f'format = 1\nas_of = "{day}"\n'))
    return load_files([store])


def test_a_plan_whose_date_has_passed_says_so_and_claims_no_more_than_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unchecked, checked = load_files([EDGES]), checked_to("2029-12-31", tmp_path)
    plan, held = unchecked.event_by_id["2030-planned-summit"], unchecked.event_by_id["2019-summit"]
    monkeypatch.setenv("OTS_TODAY", "2029-06-01")
    assert (status_label(plan, checked), overdue_sentence(plan, checked)) == ("planned", "")
    monkeypatch.setenv("OTS_TODAY", "2031-01-01")
    assert (status_label(held, checked), overdue_sentence(held, checked)) == ("held", "")
    assert status_label(plan, unchecked) == "planned · date passed, no report"
    assert status_label(plan, checked) == "planned · date passed, no report as of 2029-12-31"
    assert overdue_sentence(plan, unchecked) == (
        "Planned; its date has passed and the record holds no report that it took place."
    )
    assert overdue_sentence(plan, checked) == (
        "Planned; its date has passed and the record holds no report that it took place (checked up to 2029-12-31)."
    )
    run = edges("show", "2030-planned-summit", env={"OTS_TODAY": "2031-01-01"})
    assert "status   planned · date passed, no report\n" in run.out


def own_files(tmp_path: Path) -> tuple[str, str]:
    """Two files of a user's own, the first checked up to 2029-12-31, the second with no day."""
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    first.write_text('format = 1\nas_of = "2029-12-31"\n', encoding="utf-8")
    second.write_text("format = 1\n", encoding="utf-8")
    return str(first), str(second)


def provenance_line(*args: str) -> str:
    """The first line of `ots coverage`, which says what the report rests on."""
    run = ots(*args, "coverage")
    assert run.code == 0, run.err
    return run.out.splitlines()[0]


def test_what_an_output_rests_on_names_the_day_checked_to_and_the_users_own_files(tmp_path: Path) -> None:
    first, second = own_files(tmp_path)
    record = f"Record as of {bundled_as_of()}"
    assert provenance_line() == f"{record}."
    assert provenance_line("--data", first, "--data", second) == (
        f"{record}, with events from your own files: {first}, {second}."
    )
    assert provenance_line("--no-bundled", "--data", second) == f"From your own files only: {second}."
    assert provenance_line("--no-bundled", "--data", first, "--data", second) == (
        f"From your own files only (as of 2029-12-31): {first}, {second}."
    )
    assert provenance_line("--no-bundled") == "No data files were read."


def test_a_bundled_record_with_no_day_checked_to_says_so() -> None:
    bundled = printable(str(bundled_path()))
    assert provenance(Catalog(files=(bundled,))) == 'Record with no "as of" date.'
    assert provenance(Catalog(files=(bundled, "mine.toml", "more.toml"))) == (
        'Record with no "as of" date, with events from your own files: mine.toml, more.toml.'
    )
