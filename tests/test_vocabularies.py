"""`ots kinds` (render/vocabularies.py): every value a filter takes, most used first, with its count."""

from __future__ import annotations

from conftest import MORE, edges

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
