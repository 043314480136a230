"""`ots export -f timelinejs` (render/timelinejs.py): the slides TimelineJS3 reads, checked whole."""

from __future__ import annotations

from typing import Any

from conftest import DATA, edges

SOURCES = DATA / "sources.toml"
LINKED = '<a href="https://example.org/ots-tests">A source for the tests</a>'


def timeline(*args: str) -> dict[str, Any]:
    run = edges("--data", str(SOURCES), "export", "-f", "timelinejs", *args)
    assert run.code == 0, run.err
    result: dict[str, Any] = run.json()
    return result


def test_each_slide_has_its_dates_text_sources_and_group() -> None:
    found = timeline("--year", "2009")
    assert found["title"]["text"]["headline"] == "Organization of Turkic States"
    assert found["title"]["text"]["text"].startswith(
        "<p>1 event from the ots record, with sources. From your own files only: "
    )
    assert found["events"] == [
        {
            "unique_id": "2009-10-03-founded",
            "start_date": {"year": 2009, "month": 10, "day": 3},
            "display_date": "3 Oct 2009",
            "text": {
                "headline": "Founding agreement signed",
                "text": f"<p>The founders sign the agreement.</p><p>Sources: {LINKED}</p>",
            },
            "group": "Council of Heads of State",
        }
    ]


def test_a_slide_without_summary_or_organ_and_with_an_end_and_a_source_without_address() -> None:
    found = timeline("--year", "2020..2024")
    text = found["title"]["text"]["text"]
    assert text.startswith("<p>3 events from the ots record, with sources. From your own files only: ")
    assert text.endswith("sources.toml.</p>")
    sources = f"<p>Sources: {LINKED}; Annual report, volume X</p>"
    assert found["events"] == [
        {
            "unique_id": "2020-05-06-two-sources",
            "start_date": {"year": 2020, "month": 5, "day": 6},
            "display_date": "6 May 2020",
            "text": {"headline": "A meeting with two sources", "text": sources},
        },
        {
            "unique_id": "2023-07-05-shusha-summit",
            "start_date": {"year": 2023, "month": 7, "day": 5},
            "display_date": "5–6 Jul 2023",
            "text": {"headline": "A summit in Shusha", "text": sources},
            "end_date": {"year": 2023, "month": 7, "day": 6},
            "group": "Council of Heads of State",
        },
        {
            "unique_id": "2024-07-shusha-meeting",
            "start_date": {"year": 2024, "month": 7},
            "display_date": "Jul 2024",
            "text": {"headline": "A meeting in Shusha", "text": "<p>Sources: Annual report, volume X</p>"},
        },
    ]
