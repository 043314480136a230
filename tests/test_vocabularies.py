"""`ots kinds` (render/vocabularies.py): every value a filter takes, most used first, with its count."""

from __future__ import annotations

from pathlib import Path

from conftest import MORE, ONE_EVENT, edges

UNUSED_KINDS = [
    "appointment", "award", "chairmanship", "consultation", "designation", "document", "institution", "membership",
    "observation", "publication", "renaming", "training",
]  # fmt: skip


def test_each_vocabulary_lists_every_value_most_used_first_then_by_name() -> None:
    run = edges("--data", str(MORE), "kinds")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "Filter\tValue\tEvents",
        "kinds\tsummit\t3",
        "kinds\tconference\t2",
        "kinds\tagreement\t1",
        "kinds\tmeeting\t1",
        *(f"kinds\t{kind}\t0" for kind in UNUSED_KINDS),
        "statuses\theld\t5",
        "statuses\tcancelled\t1",
        "statuses\tplanned\t1",
        "tags\tclimate\t1",
    ]


def test_a_kind_is_counted_with_its_format_and_a_status_no_event_has_is_listed_with_none(tmp_path: Path) -> None:
    informal = tmp_path / "informal.toml"
    informal.write_text(
        ONE_EVENT.replace('kind = "meeting"', 'kind = "meeting"\nformat = "informal"'), encoding="utf-8"
    )
    run = edges("--data", str(informal), "kinds")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert "kinds\tinformal meeting\t1" in lines and "kinds\tmeeting\t1" in lines  # the test store's own meeting
    assert [line for line in lines if line.startswith("statuses")] == [
        "statuses\theld\t5",  # four of the test store and the informal meeting
        "statuses\tplanned\t1",
        "statuses\tcancelled\t0",
    ]
