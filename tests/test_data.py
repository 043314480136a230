"""Guards on the bundled data: it loads, is sourced, readable, consistent, and in our own words."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, ots
from otscli.models import Catalog, Event
from otscli.store import bundled_path, load_files


def shared_folder() -> Path:
    """../shared beside the checkout; for a local clone, beside the repository it was cloned from."""
    candidates = [Path(os.environ["OTS_SHARED"])] if os.environ.get("OTS_SHARED") else []
    candidates.append(ROOT.parent / "shared")
    origin = subprocess.run(
        ["git", "config", "--get", "remote.origin.url"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    if origin and Path(origin).is_dir():
        candidates.append(Path(origin).resolve().parent / "shared")
    for folder in candidates:
        if (folder / "tools" / "verbatim.py").is_file():
            return folder
    raise AssertionError(f"no shared/tools/verbatim.py in {', '.join(map(str, candidates))}; set OTS_SHARED")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_files([bundled_path()])


def test_the_bundled_file_validates() -> None:
    run = ots("list", "--json")
    assert run.code == 0, run.err
    assert len(run.json()) >= 100


def test_every_event_cites_a_source_and_every_source_has_an_address(catalog: Catalog) -> None:
    assert all(event.sources for event in catalog.events)
    assert [source.id for source in catalog.sources if not source.url] == []


def test_every_source_is_cited(catalog: Catalog) -> None:
    cited = {source_id for event in catalog.events for source_id in event.sources}
    cited |= {dispute.source for event in catalog.events for dispute in event.disputed}
    cited |= {claim.source for claim in catalog.claims} | {city.location_source for city in catalog.cities}
    assert [source.id for source in catalog.sources if source.id not in cited] == []


def test_ids_are_readable_date_then_what(catalog: Catalog) -> None:
    unreadable = [
        event.id
        for event in catalog.events
        if not event.id.startswith(f"{event.date}-") or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", event.id)
    ]
    assert unreadable == []


def test_no_held_event_is_dated_after_all_its_sources(catalog: Catalog) -> None:
    def published_before(event: Event) -> bool:
        dates = [catalog.source_by_id[source_id].date for source_id in event.sources]
        return any(date is None or date.end >= event.first_day for date in dates)

    late = [event.id for event in catalog.events if event.status == "held" and not published_before(event)]
    assert late == []


def test_each_summit_number_is_used_once(catalog: Catalog) -> None:
    numbered = Counter(
        (organ, event.format, event.number)
        for event in catalog.events
        if event.kind == "summit" and event.number is not None
        for organ in event.organs[:1]
    )
    assert [key for key, count in numbered.items() if count > 1] == []


def test_every_ordinary_summit_of_the_council_has_a_number(catalog: Catalog) -> None:
    summits = [event for event in catalog.events if event.kind == "summit" and "CHS" in event.organs]
    assert [event.id for event in summits if event.format is None] == []
    ordinary = sorted(event.number or 0 for event in summits if event.format == "ordinary" and event.status == "held")
    assert ordinary == list(range(1, len(ordinary) + 1))


def test_membership_changes_point_at_their_events(catalog: Catalog) -> None:
    for state_id in ("AZ", "KZ", "KG", "TR", "UZ", "HU", "TM"):
        state = catalog.state_by_id[state_id]
        assert state.membership, state_id
        for entry in state.membership:
            assert entry.event is not None, state_id
            event = catalog.event_by_id[entry.event]
            assert event.kind == "membership"
            assert event.date == entry.since


def test_hungary_became_an_observer_at_cholpon_ata_in_2018_and_the_2019_claim_is_kept() -> None:
    page = ots("state", "Hungary", "--json").json()
    (entry,) = page["state"]["membership"]
    assert (entry["status"], entry["since"]) == ("observer", "2018-09-03")
    event = ots("show", entry["event"], "--json").json()["event"]
    assert event["city"] == "cholpon-ata"
    assert {"field": "date", "value": "2019-09-03"}.items() <= next(
        dispute for dispute in event["disputed"] if dispute["source"] == "ots-political-cooperation-2024"
    ).items()


def test_the_council_of_heads_of_state_lists_every_ordinary_summit() -> None:
    events = ots("organ", "CHS", "--json").json()["events"]
    cities = [event["city"] for event in events if event["kind"] == "summit" and event["format"] == "ordinary"]
    assert cities[:12] == [
        "almaty", "bishkek", "gabala", "bodrum", "astana", "cholpon-ata",
        "baku", "istanbul", "samarkand", "astana", "bishkek", "gabala",
    ]  # fmt: skip


def test_nothing_is_copied_from_the_sources() -> None:
    tool = shared_folder() / "tools" / "verbatim.py"
    done = subprocess.run(
        [sys.executable, str(tool), "data", "README.md", "src"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout
