"""Guards on the bundled data: it loads, is sourced, readable, consistent, and in our own words."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import otscli
from conftest import ROOT, ots
from otscli.models import Catalog, Event
from otscli.paths import bundled_path
from otscli.store import load_files


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


def test_every_bundled_source_names_its_language(catalog: Catalog) -> None:
    """Citation styles change the case of a title only when it is English: each source must say its language."""
    assert [source.id for source in catalog.sources if not source.language] == []
    languages = Counter(source.language for source in catalog.sources)
    assert {"en", "tr", "ru", "kk", "ky", "az", "hu"} <= set(languages), languages
    # Script alone does not tell a language: Kazakh and Russian share Cyrillic, Azerbaijani and Turkish Latin.
    by_id = catalog.source_by_id
    assert by_id["akorda-2024-09-nsc-3rd-turkistan"].language == "kk"
    assert by_id["24kg-2024-10-04"].language == "ru"
    assert by_id["trend-az-2009-10-03"].language == "az"
    assert by_id["mfa-tr-2010-09-15-no202"].language == "tr"
    assert by_id["kabar-2024-11-06-cfm-bishkek"].language == "ky"  # an English descriptive title of a Kyrgyz page


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
        [sys.executable, str(tool), "data", "README.md", "src", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout


# Every category the record covers, by the organs that stand for it: each must hold events.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "Summits of the heads of state": ("CHS", "TSS"),
    "Foreign ministers and senior officials": ("CFM", "SOC"),
    "Council of Elders": ("CoE",),
    "Secretariat": ("secretariat",),
    "TURKPA": ("TURKPA",),
    "Election observation": ("election-observation", "electoral-bodies-platform"),
    "Related organizations": ("TURKSOY", "turkic-academy", "TCHF", "turkic-investment-fund", "TCCI",
                              "turkic-business-council", "turkic-university-union", "drought-prevention-institute"),
    "Cooperation mechanisms": ("research-centres", "nsc-heads", "ministers-interior", "migration-heads",
                               "diaspora-heads", "political-consultations", "policy-planning", "central-banks-council",
                               "heads-of-government", "security-consultations", "alphabet-commission"),
    "Sectoral ministerials": ("ministers-economy", "ministers-transport", "customs-heads", "ministers-tourism",
                              "ministers-education", "ministers-youth-sports", "ministers-media", "ministers-health",
                              "ministers-disaster", "ministers-agriculture", "ministers-energy", "ministers-ict",
                              "ministers-justice"),
}  # fmt: skip
STAGING_HOSTS = ("sitefabrikasi.com", "demo.", "staging.", "localhost", "127.0.0.1")
START, END = "<!-- coverage:start -->", "<!-- coverage:end -->"


def test_every_category_and_every_organ_in_it_has_events(catalog: Catalog) -> None:
    held = Counter(organ for event in catalog.events for organ in event.organs)
    empty = [organ for organs in CATEGORIES.values() for organ in organs if held[organ] == 0]
    assert empty == []
    designations = [event for event in catalog.events if event.kind == "designation" and "capital" in event.id]
    assert len(designations) >= 20  # the capitals of the Turkic world: cultural, tourism, youth, ...


def test_no_planned_event_lies_before_the_as_of_day_without_a_note(catalog: Catalog) -> None:
    """A plan whose date had passed when the record was last checked says that no report of it was found."""
    assert catalog.as_of is not None
    unexplained = [
        event.id
        for event in catalog.events
        if event.is_planned and event.last_day < catalog.as_of.start and "no report of" not in event.summary.lower()
    ]
    assert unexplained == []


def test_the_as_of_day_is_no_older_than_the_newest_held_event(catalog: Catalog) -> None:
    assert catalog.as_of is not None
    newest = max((event for event in catalog.events if event.status == "held"), key=lambda event: event.first_day)
    assert catalog.as_of.start >= newest.first_day, newest.id
    assert ots("--version").out == f"ots {otscli.__version__} (record as of {catalog.as_of})\n"


ACT_KINDS = ("document", "agreement", "appointment", "award", "designation")


def test_each_kind_of_activity_beyond_the_meetings_has_events(catalog: Catalog) -> None:
    """External relations, membership step by step, the acts of summits, the Secretaries-General at work and the
    latest months: each holds events (counts of the record as curated on its as-of day, as floors)."""
    tagged = Counter(tag for event in catalog.events for tag in event.tags)
    kinds = Counter(event.kind for event in catalog.events)
    assert tagged["external-relations"] >= 40 and tagged["un-observer-status"] >= 5
    assert kinds["membership"] >= 35 and kinds["agreement"] >= 40 and kinds["document"] >= 50
    assert tagged["secretary-general"] >= 25
    holders = [event for event in catalog.events if event.kind == "award" and "supreme-order-of-the-turkic-world"
               in event.tags]  # fmt: skip
    assert len(holders) >= 6
    assert len([event for event in catalog.events if event.first_day.year == 2026]) >= 15


def test_every_act_done_on_a_summit_day_in_its_city_links_to_a_meeting_of_that_day(catalog: Catalog) -> None:
    summits = {(event.date, event.city) for event in catalog.events if event.kind == "summit" and event.city}
    unlinked = [
        event.id
        for event in catalog.events
        if event.kind in ACT_KINDS and (event.date, event.city) in summits and event.part_of is None
    ]
    assert unlinked == []
    for event in catalog.events:
        if event.part_of is not None and (event.date, event.city) in summits:
            meeting = catalog.event_by_id[event.part_of]
            assert meeting.first_day <= event.first_day <= meeting.last_day, event.id


def test_no_series_number_is_shared(catalog: Catalog) -> None:
    """A number is an ordinal within one series: one organ (the first), kind and format."""
    numbered = Counter(
        (event.organs[:1], event.kind, event.format or "ordinary", event.number)
        for event in catalog.events
        if event.number is not None
    )
    assert [key for key, count in numbered.items() if count > 1] == []


def test_no_two_events_share_date_place_kind_and_sources_unless_linked(catalog: Catalog) -> None:
    seen: dict[tuple[object, ...], Event] = {}
    clashes = []
    for event in catalog.events:
        key = (event.date, event.end, event.city, event.kind, event.organs, tuple(sorted(event.sources)))
        other = seen.setdefault(key, event)
        linked = event.part_of == other.id or other.part_of == event.id or event.part_of == other.part_of is not None
        if other is not event and not linked:
            clashes.append((other.id, event.id))
    assert clashes == []


def test_every_summit_lists_its_participants(catalog: Catalog) -> None:
    assert [event.id for event in catalog.events if event.kind == "summit" and not event.states] == []


def test_every_source_address_is_http_and_not_a_staging_host(catalog: Catalog) -> None:
    bad = [source.id for source in catalog.sources
           if not (source.url or "").startswith(("http://", "https://")) or any(host in (source.url or "")
                                                                                for host in STAGING_HOSTS)]  # fmt: skip
    assert bad == []


def test_every_part_points_at_a_meeting_that_does_not_repeat_it(catalog: Catalog) -> None:
    for event in catalog.events:
        if event.part_of is not None:
            meeting = catalog.event_by_id[event.part_of]
            assert event.title not in meeting.outcomes, event.id


def coverage_table(catalog: Catalog) -> str:
    held = Counter(organ for event in catalog.events for organ in event.organs)
    lines = [START, "", "| Category | Organs and mechanisms (events) | Events |", "|---|---|---:|"]
    for category, organs in CATEGORIES.items():
        named = ", ".join(f"{catalog.organ_by_id[organ].name} ({held[organ]})" for organ in organs)
        total = len({event.id for event in catalog.events if set(organs) & set(event.organs)})
        lines.append(f"| {category} | {named} | {total} |")
    lines.append(f"| **All** | {len(catalog.organs)} organs, {len(catalog.sources)} sources, "
                 f"{len(catalog.claims)} counts from sources | **{len(catalog.events)}** |")  # fmt: skip
    return "\n".join([*lines, "", END])


def test_the_manuals_coverage_table_is_generated_from_the_data(catalog: Catalog) -> None:
    page = ROOT / "docs" / "data-format.md"
    text = page.read_text(encoding="utf-8")
    start, end = text.index(START), text.index(END) + len(END)
    fresh = text[:start] + coverage_table(catalog) + text[end:]
    if os.environ.get("OTS_UPDATE_README"):
        page.write_text(fresh, encoding="utf-8")
    assert fresh == text, (
        "docs/data-format.md: coverage table stale: OTS_UPDATE_README=1 .venv/bin/pytest tests/test_data.py"
    )


def test_a_format_belongs_to_meetings(catalog: Catalog) -> None:
    """informal and extraordinary describe summits, meetings and consultations, not the acts done at them."""
    formatted = {"summit", "meeting", "consultation"}
    assert [e.id for e in catalog.events if e.format not in (None, "ordinary") and e.kind not in formatted] == []
