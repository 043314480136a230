"""`ots coverage` (render/coverage_out.py): each count a source gives, with its period as the claim states it, and
how far the record is from it; the drawing's lines and styles, and the JSON of each claim."""

from __future__ import annotations

from pathlib import Path

from conftest import EDGES, edges
from otscli import store
from otscli.coverage import coverage as covered
from otscli.render import coverage_out
from otscli.render.drawing import Canvas, Styled

CLAIMS = """\
[[organ]]
id = "CFM"
name = "Council of Foreign Ministers"
kind = "principal"

[[claim]]
id = "cfm-meetings"
organ = "CFM"
what = "meetings of the ministers"
count = 3
source = "test-source"

[[event]]
id = "2015-summit"
date = "2015"
title = "The second summit"
kind = "summit"
number = 2
organs = ["CHS"]
sources = ["test-source"]

[[claim]]
id = "summits-in-2019"
organ = "CHS"
what = "summits"
count = 1
kind = "summit"
since = "2019"
until = "2019"
source = "test-source"

[[claim]]
id = "summits-in-2019-named"
organ = "CHS"
what = "summits in 2019"
count = 1
kind = "summit"
since = "2019"
until = "2019"
source = "test-source"

[[claim]]
id = "events-by-2020"
organ = "CHS"
what = "events of the Council"
count = 1
until = "2020"
source = "test-source"

[[claim]]
id = "events-from-2009-to-2019"
organ = "CHS"
what = "events of the Council"
count = 4
qualifier = "at least"
since = "2009"
until = "2019"
source = "test-source"

[[claim]]
id = "summits-since-2019"
organ = "CHS"
what = "summits"
count = 2
kind = "summit"
since = "2019"
source = "test-source"

[[claim]]
id = "elders-ever"
organ = "CoE"
what = "meetings of the elders"
count = 1
source = "test-source"
"""


def coverage(tmp_path: Path, env: dict[str, str]) -> str:
    store = tmp_path / "claims.toml"
    store.write_text(CLAIMS, encoding="utf-8")
    run = edges("--data", str(store), "coverage", env=env)
    assert run.code == 0, run.err
    return run.out


def test_each_claim_says_its_period_its_qualifier_and_how_many_more_or_fewer_the_record_holds(tmp_path: Path) -> None:
    assert coverage(tmp_path, {"COLUMNS": "200"}).splitlines()[2:] == [
        "Council of Heads of State: 4 events in the record, 3 Oct 2009 – 2019",
        "  ✓ summits in 2019: the source counts 1; the record holds 1 (per test-source)",
        "  ✓ summits in 2019: the source counts 1; the record holds 1 (per test-source)",  # "in 2019" said once
        "  ✗ events of the Council by 2020: the source counts 1; the record holds 3, 2 more (per test-source)",
        "  ✗ events of the Council from 2009 to 2019: the source counts at least 4; the record holds 3, 1 fewer"
        " (per test-source)",
        "  ✗ summits since 2019: the source counts 2; the record holds 1, 1 fewer (per test-source)",
        "  summits: the record holds none numbered 1, 3–6 (of 1–7)",
        "Council of Elders: 1 event in the record, Nov 2017",
        "  ✓ meetings of the elders: the source counts 1; the record holds 1 (per test-source)",
        "Council of Foreign Ministers: 0 events in the record",
        "  ✗ meetings of the ministers: the source counts 3; the record holds 0, 3 fewer (per test-source)",
    ]


def test_a_long_line_hangs_under_its_text_and_colour_tells_met_from_not(tmp_path: Path) -> None:
    lines = coverage(tmp_path, {"COLUMNS": "60"}).splitlines()
    at = lines.index("Council of Heads of State: 4 events in the record, 3 Oct")  # after the files' line, however long
    assert lines[at + 1 : at + 4] == [
        "2009 – 2019",
        "  ✓ summits in 2019: the source counts 1; the record holds",
        "    1 (per test-source)",
    ]
    coloured = coverage(tmp_path, {"COLUMNS": "200", "FORCE_COLOR": "1"}).splitlines()
    assert coloured[0].startswith("\x1b[2mFrom your own files only: ")  # dim
    assert coloured[1] == ""
    assert coloured[2] == "\x1b[1mCouncil of Heads of State: 4 events in the record, 3 Oct 2009 – 2019\x1b[0m"
    assert coloured[3].startswith("  \x1b[32m✓ summits in 2019")  # green
    assert coloured[5].startswith("  \x1b[33m✗ events of the Council by 2020")  # yellow


def test_json_gives_each_organ_its_count_its_first_and_last_day_and_its_gaps(tmp_path: Path) -> None:
    store = tmp_path / "claims.toml"
    store.write_text(CLAIMS, encoding="utf-8")
    run = edges("--data", str(store), "coverage", "--json")
    assert run.code == 0, run.err
    rows = [{key: value for key, value in row.items() if key not in ("organ", "claims")} for row in run.json()]
    claims = [[(claim["claim"]["id"], claim["held"], claim["met"]) for claim in row["claims"]] for row in run.json()]
    assert claims == [
        [("summits-in-2019", 1, True), ("summits-in-2019-named", 1, True), ("events-by-2020", 3, False),
         ("events-from-2009-to-2019", 3, False), ("summits-since-2019", 1, False)],
        [("elders-ever", 1, True)],
        [("cfm-meetings", 0, False)],
    ]  # fmt: skip
    assert rows == [
        {"events": 4, "first": "2009-10-03", "last": "2019", "gaps": [
            {"format": "ordinary", "highest": 7, "missing": [1, 3, 4, 5, 6], "missing_ranges": [[1, 1], [3, 6]],
             "series": "summits", "kind": "summit"}]},
        {"events": 1, "first": "2017-11", "last": "2017-11", "gaps": []},
        {"events": 0, "first": None, "last": None, "gaps": []},
    ]  # fmt: skip


ONE_MORE = """\
[[claim]]
id = "events-by-2020"
organ = "CHS"
what = "events of the Council"
count = 1
until = "2020"
source = "test-source"

[[claim]]
id = "elders-ever"
organ = "CoE"
what = "meetings of the elders"
count = 1
source = "test-source"
"""


def test_the_drawing_is_a_dim_header_then_each_organ_in_bold_and_its_notes_green_or_yellow(tmp_path: Path) -> None:
    store_path = tmp_path / "claims.toml"
    store_path.write_text(ONE_MORE, encoding="utf-8")
    rows = covered(store.load_files([EDGES, store_path]))
    assert coverage_out.drawing(rows, Canvas(40), "From the test store and one file of claims") == [
        Styled.of("From the test store and one file of", "dim"),
        Styled.of("claims", "dim"),  # a wrapped header starts at the margin
        Styled(""),
        Styled.of("Council of Heads of State: 3 events in", "bold"),
        Styled.of("the record, 3 Oct 2009 – 2019", "bold"),
        Styled("  ✗ events of the Council by 2020: the", ((2, 38, "yellow"),)),
        Styled("    source counts 1; the record holds 2,", ((4, 40, "yellow"),)),
        Styled("    1 more (per test-source)", ((4, 28, "yellow"),)),
        Styled("  summits of the Council of Heads of", ((2, 36, "yellow"),)),
        Styled("    State: the record holds none", ((4, 32, "yellow"),)),
        Styled("    numbered 1–6 (of 1–7)", ((4, 25, "yellow"),)),
        Styled.of("Council of Elders: 1 event in the", "bold"),
        Styled.of("record, Nov 2017", "bold"),
        Styled("  ✓ meetings of the elders: the source", ((2, 38, "green"),)),
        Styled("    counts 1; the record holds 1 (per", ((4, 37, "green"),)),
        Styled("    test-source)", ((4, 16, "green"),)),
    ]
    without_header = coverage_out.drawing(rows, Canvas(80))
    assert without_header[0] == Styled.of(
        "Council of Heads of State: 3 events in the record, 3 Oct 2009 – 2019", "bold"
    )
