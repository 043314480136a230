"""`ots coverage` (render/coverage_out.py): each count a source gives, with its period as the claim states it, and
how far the record is from it."""

from __future__ import annotations

from pathlib import Path

from conftest import edges

CLAIMS = """\
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


def test_each_claim_says_its_period_its_qualifier_and_how_many_more_or_fewer_the_record_holds(tmp_path: Path) -> None:
    store = tmp_path / "claims.toml"
    store.write_text(CLAIMS, encoding="utf-8")
    run = edges("--data", str(store), "coverage", env={"COLUMNS": "200"})
    assert run.code == 0, run.err
    assert run.out.splitlines()[2:] == [
        "Council of Heads of State: 3 events in the record, 3 Oct 2009 – 2019",
        "  ✓ summits in 2019: the source counts 1; the record holds 1 (per test-source)",
        "  ✓ summits in 2019: the source counts 1; the record holds 1 (per test-source)",  # "in 2019" said once
        "  ✗ events of the Council by 2020: the source counts 1; the record holds 2, 1 more (per test-source)",
        "  ✗ events of the Council from 2009 to 2019: the source counts at least 4; the record holds 2, 2 fewer"
        " (per test-source)",
        "  ✗ summits since 2019: the source counts 2; the record holds 1, 1 fewer (per test-source)",
        "  summits: the record holds none numbered 1–6 (of 1–7)",
        "Council of Elders: 1 event in the record, Nov 2017",
        "  ✓ meetings of the elders: the source counts 1; the record holds 1 (per test-source)",
    ]
