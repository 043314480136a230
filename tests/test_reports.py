"""What the record lacks, maps, citations and embeddable timelines: each output opened by the library or tool
that its users open it with."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import EDGES, edges, ots

DIPAM = "dipam-analysis-55-2025"


def bundled(*args: str) -> Any:
    run = ots(*args)
    assert run.code == 0, run.err
    return run.out


def held_cfm_meetings_by_2015() -> int:
    events = json.loads(bundled("list", "--organ", "CFM", "--kind", "meeting", "--status", "held", "--until", "2015",
                                "--json"))  # fmt: skip
    return sum(1 for event in events if "CFM" in event["organs"] and event["part_of"] is None)


def test_coverage_sets_the_counts_of_the_sources_beside_the_record() -> None:
    rows = {row["organ"]["id"]: row for row in json.loads(bundled("coverage", "--json"))}
    claims = {item["claim"]["id"]: item for item in rows["CFM"]["claims"]}
    by_2015 = claims["cfm-meetings-by-2015"]
    assert (by_2015["claim"]["count"], by_2015["claim"]["source"]) == (11, "turkic-council-political-cooperation-2016")
    assert by_2015["held"] == held_cfm_meetings_by_2015()
    assert by_2015["met"] == (by_2015["held"] >= 11)
    missions = next(
        item for item in rows["election-observation"]["claims"] if item["claim"]["qualifier"] == "more than"
    )
    assert missions["claim"]["count"] == 30 and missions["met"] == (missions["held"] > 30)


def test_coverage_lists_the_numbers_of_a_series_that_no_event_carries() -> None:
    rows = {row["organ"]["id"]: row for row in json.loads(bundled("coverage", "--json"))}
    elders = json.loads(bundled("organ", "CoE", "--json"))["events"]
    own = [event for event in elders if event["organs"][0] == "CoE" and event["kind"] == "meeting"]  # its series
    numbered = {event["number"] for event in own if event["number"] and event["status"] == "held"}
    (gap,) = [gap for gap in rows["CoE"]["gaps"] if gap["format"] == "ordinary" and gap["kind"] == "meeting"]
    assert gap["series"] == "meetings of the Council of Elders"
    assert gap["highest"] == max(numbered)
    assert gap["missing"] == [n for n in range(1, max(numbered)) if n not in numbered]
    assert rows["CoE"]["first"] == min(event["date"] for event in elders if event["status"] == "held")


def test_coverage_of_a_small_store_with_a_claim(tmp_path: Path) -> None:
    claims = tmp_path / "claims.toml"
    claims.write_text('[[claim]]\nid = "summits-by-2019"\norgan = "CHS"\nwhat = "summits"\ncount = 3\n'
                      'kind = "summit"\nuntil = "2019"\nsource = "test-source"\n', encoding="utf-8")  # fmt: skip
    run = edges("--data", str(claims), "coverage", env={"COLUMNS": "200"})
    assert run.code == 0, run.err
    summits = len(edges("list", "--organ", "CHS", "--kind", "summit", "--until", "2019", "--status", "held",
                        "--json").json())  # fmt: skip
    mark, fewer = ("✓", "") if summits == 3 else ("✗", f", {3 - summits} fewer")
    said = f"{mark} summits by 2019: the source counts 3; the record holds {summits}{fewer} (per test-source)"
    assert said in run.out and "Council of Elders: 1 event in the record, Nov 2017\n" in run.out
    assert run.out.startswith(f"From your own files only: {EDGES}, {claims}.\n")


def test_geojson_is_a_valid_feature_collection_with_longitude_first() -> None:
    import geojson

    text = bundled("export", "--format", "geojson")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    baku = next(f for f in collection["features"] if f["properties"]["city"] == "Baku")
    lon, lat = baku["geometry"]["coordinates"]
    assert 49 < lon < 51 and 40 < lat < 41  # longitude first, as RFC 7946 says
    located = [e for e in json.loads(bundled("list", "--json")) if e["city"]]
    assert len(collection["features"]) == len(located)  # every city has coordinates


def test_csl_json_renders_with_citeproc() -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(bundled("export", "--format", "csl-json"))
    assert len({item["id"] for item in items}) == len(items)
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), source, formatter.plain
    )
    bibliography.register(Citation([CitationItem(DIPAM)]))
    (entry,) = [str(line) for line in bibliography.bibliography()]
    assert "Tokgöz" in entry and "2025" in entry and "Analysis No. 55" in entry
    dipam = next(item for item in items if item["id"] == DIPAM)
    assert dipam["author"] == [{"family": "Tokgöz", "given": "Ali Furkan"}]
    assert dipam["issued"] == {"date-parts": [[2025, 3]]} and dipam["URL"].startswith("https://")


@pytest.mark.slow  # seconds each: run by .ci/run
def test_bibtex_parses_with_bibtexparser() -> None:
    import bibtexparser

    text = bundled("export", "--format", "bibtex")
    entries = {entry["ID"]: entry for entry in bibtexparser.loads(text).entries}
    cited = json.loads(bundled("export", "--format", "csl-json"))
    assert set(entries) == {item["id"] for item in cited}
    dipam = entries[DIPAM]
    assert (
        dipam["author"] == "Tokgöz, Ali Furkan" and dipam["year"] == "2025" and dipam["month"] == "March"
    )  # the month macro, expanded
    assert dipam["url"].startswith("https://") and "Analysis No. 55" in dipam["title"]
    # Each address once, the publisher where biblatex reads it on @misc, and "… and …" kept one name.
    assert all("howpublished" not in entry and "organization" not in entry for entry in entries.values())
    assert text.count(dipam["url"]) == 1
    assert dipam["publisher"] == "{DİPAM (Center for Diplomatic Affairs and Political Studies)}"


@pytest.mark.slow  # seconds each: run by .ci/run
def test_every_citation_format_carries_the_language_of_each_source_and_english_for_the_record() -> None:
    import bibtexparser

    event = "2025-11-04-coe-18th-meeting-baku"  # cites a Turkish page and English ones
    csl = {item["id"]: item for item in json.loads(bundled("cite", event, "--format", "csl-json"))}
    assert csl["haberler-2025-11-04-coe"]["language"] == "tr"
    assert csl[f"ots-{event}"]["language"] == "en"
    assert all(item.get("language") for item in csl.values())
    bib = {entry["ID"]: entry for entry in bibtexparser.loads(bundled("cite", event, "--format", "bibtex")).entries}
    assert bib["haberler-2025-11-04-coe"]["langid"] == "turkish"
    assert bib[f"ots-{event}"]["langid"] == "english"
    ris = ots("cite", event, "--format", "ris").raw.decode("utf-8").split("ER  - \r\n")  # as written: CRLF
    turkish = next(record for record in ris if "ID  - haberler-2025-11-04-coe\r\n" in record)
    assert "LA  - tr\r\n" in turkish and "LA  - en\r\n" in ris[0]
    # biblatex wants babel's names; a tag with a script subtag maps by its language.
    exported = bibtexparser.loads(bundled("export", "--format", "bibtex")).entries
    langids = {entry["ID"]: entry.get("langid") for entry in exported}
    assert langids["akorda-2024-09-nsc-3rd-turkistan"] == "kazakh"
    assert langids["sputnik-uz-2023-11-03-mirziyoyev-order"] == "uzbek"
    assert langids["kormany-hu-2024-11-coe"] == "hungarian"
    assert all(langids.values()), [key for key, value in langids.items() if not value]


def test_a_publisher_is_printed_once_by_a_citation_style() -> None:
    """CSL-JSON gives the publisher once, not also as the container title ("AzVision. AzVision.")."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(bundled("export", "--format", "csl-json"))
    assert all("container-title" not in item for item in items)
    named = next(item for item in items if item.get("publisher") and "author" not in item)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(items), formatter.plain
    )
    bibliography.register(Citation([CitationItem(named["id"])]))
    (entry,) = [str(line) for line in bibliography.bibliography()]
    assert entry.count(named["publisher"]) <= 1, entry


@pytest.mark.parametrize("style", ["text", "markdown", "bibtex", "csl-json", "ris"])
def test_cite_gives_the_records_entry_and_every_source(style: str) -> None:
    """First the record's own entry for the event (its title, the as-of day, where it is), then each source."""
    event = json.loads(bundled("show", "2018-09-03-summit-cholpon-ata", "--json"))
    out = ots("cite", "2018-09-03-summit-cholpon-ata", "--format", style).raw.decode("utf-8")  # as written: CRLF
    as_of = bundled("--version").split("as of ")[1].rstrip(")\n")
    for source in event["sources"]:
        assert (source["url"] in out) if style not in ("bibtex", "csl-json") else (source["id"] in out)
    if style == "bibtex":
        import bibtexparser

        entries = bibtexparser.loads(out).entries
        assert len(entries) == len(event["sources"]) + 1
        assert entries[0]["ID"] == "ots-2018-09-03-summit-cholpon-ata" and entries[0]["date"] == as_of
    elif style == "csl-json":
        from citeproc.source.json import CiteProcJSON

        items = json.loads(out)
        CiteProcJSON(items)  # reads as CSL-JSON
        assert items[0]["type"] == "dataset" and items[0]["title"] == "6th Summit of the Council of Heads of State"
    elif style == "ris":
        records = [block for block in out.split("ER  - \r\n") if block.strip()]
        assert len(records) == len(event["sources"]) + 1 and records[0].startswith("TY  - DATA\r\n")
        assert f"DA  - {as_of.replace('-', '/')}\r\n" in records[0]
    else:
        assert "Cholpon-Ata" in out and "3 Sep 2018" in out
        assert f"as of {as_of}. Entry 2018-09-03-summit-cholpon-ata" in out
    assert edges("cite", "2019-summit", "--format", "latex").code == 2


def test_timelinejs_follows_the_documented_format() -> None:
    timeline = json.loads(bundled("export", "--format", "timelinejs"))
    events = json.loads(bundled("list", "--json"))
    assert set(timeline) == {"title", "events"} and timeline["title"]["text"]["headline"]
    assert len(timeline["events"]) == len(events)
    for slide, event in zip(timeline["events"], events, strict=True):
        assert slide["unique_id"] == event["id"]
        start = slide["start_date"]
        assert isinstance(start["year"], int) and set(start) <= {"year", "month", "day"}
        assert len(start) == event["date"].count("-") + 1  # the precision stored, no more
        assert ("end_date" in slide) == (event["end"] is not None)
        assert slide["text"]["headline"] and "Sources: " in slide["text"]["text"]
        assert "<script" not in slide["text"]["text"]
    assert len({slide["unique_id"] for slide in timeline["events"]}) == len(events)
    # TimelineJS stacks a row per group: the whole record in a dozen at most, a principal organ by its name.
    groups = {slide.get("group") for slide in timeline["events"]} - {None}
    assert len(groups) <= 12 and "Council of Heads of State" in groups
    by_id = {slide["unique_id"]: slide for slide in timeline["events"]}
    assert by_id["2019-10-15-summit-baku"]["group"] == "Council of Heads of State"


def test_the_calendar_can_be_subscribed_to() -> None:
    import icalendar

    calendar = icalendar.Calendar.from_ical(bundled("export", "--format", "ics", "--year", "2024"))
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) and calendar["X-WR-CALDESC"]
    assert str(calendar["REFRESH-INTERVAL"].to_ical().decode()) == "P1D"
    events = {e["id"]: e for e in json.loads(bundled("list", "--year", "2024", "--json"))}
    sources = {s["id"]: s for s in json.loads(bundled("sources", "--json"))}
    organs = {o["id"]: o["name"] for o in json.loads(bundled("organs", "--json"))}
    for component in calendar.walk("VEVENT"):
        event = events[str(component["UID"]).removesuffix("@otscli")]
        categories = [str(c) for c in component["CATEGORIES"].cats]
        assert categories == [organs[o] for o in event["organs"]] + [event["kind"]]
        assert str(component["URL"]) == sources[event["sources"][0]]["url"]


# The pictures in the README and the manual, and the commands that draw them (CONTRIBUTING.md lists them too).
PICTURES = {
    "map.svg": "ots export --format svg-map -o docs/map.svg",
    "timeline.svg": "ots export --format svg --organ CHS --since 2021 -o docs/timeline.svg",
    "events-by-year.svg": "ots stats --by year -o docs/events-by-year.svg",
}


@pytest.mark.parametrize("picture", PICTURES)
def test_the_pictures_in_the_docs_are_what_ots_draws_now(picture: str, tmp_path: Path) -> None:
    from conftest import ROOT

    command = PICTURES[picture].split()
    drawn = tmp_path / picture
    run = ots(*command[1:-1], str(drawn), env={"OTS_TODAY": "2026-12-06"})  # the examples' clock
    assert run.code == 0, run.err
    assert (ROOT / "docs" / picture).read_text(encoding="utf-8") == drawn.read_text(encoding="utf-8"), (
        f"redraw: {PICTURES[picture]}"
    )


def numbered_elders(tmp_path: Path, *numbers: int) -> Path:
    path = tmp_path / "numbered.toml"
    path.write_text("".join(f'[[event]]\nid = "2018-elders-{n}"\ndate = "2018"\ntitle = "Elders meet"\n'
                            f'kind = "meeting"\nnumber = {n}\norgans = ["CoE"]\nsources = ["test-source"]\n\n'
                            for n in numbers), encoding="utf-8")  # fmt: skip
    return path


def test_coverage_gives_the_missing_numbers_as_runs(tmp_path: Path) -> None:
    data = numbered_elders(tmp_path, 1, 5, 8, 9999)
    run = edges("--data", str(data), "coverage", "--organ", "CoE", env={"COLUMNS": "200"})
    assert "meetings of the Council of Elders: the record holds none numbered 2–4, 6–7, 9–9998 (of 1–9999)" in run.out
    (gap,) = edges("--data", str(data), "coverage", "--organ", "CoE", "--json").json()[0]["gaps"]
    assert gap["missing_ranges"] == [[2, 4], [6, 7], [9, 9998]] and len(gap["missing"]) == 9995


def test_an_ordinal_past_the_limit_is_refused(tmp_path: Path) -> None:
    run = edges("validate", str(numbered_elders(tmp_path, 100_000_000)))
    assert run.code == 1 and "number: should be at most 9999" in run.err


def test_stats_by_year_counts_an_event_in_each_year_it_spans(tmp_path: Path) -> None:
    data = tmp_path / "span.toml"
    data.write_text('[[event]]\nid = "1000-long"\ndate = "1000"\nend = "9999"\ntitle = "Long"\nkind = "meeting"\n'
                    'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    years = edges("--data", str(data), "stats", "--by", "year", "--json")
    counts = {row["key"]: row["count"] for row in years.json()}
    assert len(counts) == 9000 and counts["1000"] == counts["9999"] == 1 and counts["2019"] == 3


def test_every_verdict_of_coverage_follows_from_the_counts_beside_it() -> None:
    """✓ exactly when the record's count meets the source's as its qualifier reads; the line says both counts."""
    rows = json.loads(bundled("coverage", "--json"))
    drawn = bundled("coverage")
    relation = {"exactly": int.__eq__, "at least": int.__ge__, "more than": int.__gt__}
    checked = 0
    for row in rows:
        for item in row["claims"]:
            claim, held = item["claim"], item["held"]
            assert item["met"] == relation[claim["qualifier"]](held, claim["count"]), claim["id"]
            mark = "✓" if item["met"] else "✗"
            assert f"{mark} {claim['what']}" in drawn and f"the record holds {held}" in drawn
            checked += 1
    assert checked == len(re.findall(r"^  [✓✗] ", drawn, re.MULTILINE)) >= 20  # every claim drawn, and checked


def test_a_claim_is_counted_over_its_own_series() -> None:
    """TURKPA's plenaries are its numbered ordinary meetings: the coordination meetings and research-centre
    meetings that also name TURKPA are not counted."""
    (row,) = json.loads(bundled("coverage", "--organ", "TURKPA", "--json"))
    (plenaries,) = [item for item in row["claims"] if "plenary" in item["claim"]["what"]]
    events = json.loads(bundled("list", "--organ", "TURKPA", "--until", "2025-06", "--status", "held", "--json"))
    numbered = [e for e in events if e["organs"][0] == "TURKPA" and e["kind"] == "meeting" and e["number"]]
    assert plenaries["held"] == len(numbered) < len(events)


def test_gaps_name_their_series_and_never_mix_two() -> None:
    for row in json.loads(bundled("coverage", "--json")):
        for gap in row["gaps"]:
            assert gap["series"] and gap["kind"]
            assert gap["missing"] == [n for first, last in gap["missing_ranges"] for n in range(first, last + 1)]


def test_stats_by_year_shows_the_empty_years_and_refuses_two_groupings() -> None:
    years = [int(item["key"]) for item in json.loads(bundled("stats", "--kind", "summit", "--json"))]
    assert years == list(range(years[0], years[-1] + 1))
    run = ots("stats", "--by", "year", "--by", "organ")
    assert (run.code, run.err) == (2, "ots: --by given 2 times; give one of year, organ, city, state or kind\n")
