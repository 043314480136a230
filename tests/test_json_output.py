"""`ots export -f json` (render/json_output.py)."""

from __future__ import annotations

from conftest import DATA, edges

SOURCES = DATA / "sources.toml"


def test_export_writes_only_the_fields_asked_for() -> None:
    run = edges("--data", str(SOURCES), "export", "-f", "json", "--fields", "id,title", "--year", "2020")
    assert run.code == 0, run.err
    assert run.json() == [{"id": "2020-05-06-two-sources", "title": "A meeting with two sources"}]


def test_fields_that_name_nothing_are_a_usage_error_that_says_so() -> None:
    run = edges("export", "-f", "json", "--fields", ",")
    assert run.code == 2
    assert run.err.startswith("ots: --fields: no fields given; the fields are id, date, end, title,")
