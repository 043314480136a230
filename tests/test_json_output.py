"""`ots export -f json` (render/json_output.py)."""

from __future__ import annotations

from pathlib import Path

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


PARTS = """\
[[event]]
id = "2021-05-04-session"
date = "2021-05-04"
title = "A session of the summit"
kind = "meeting"
part_of = "2019-summit"
sources = ["test-source"]
"""


def test_an_event_page_names_the_meeting_it_is_part_of(tmp_path: Path) -> None:
    store = tmp_path / "parts.toml"
    store.write_text(PARTS, encoding="utf-8")
    run = edges("--data", str(store), "show", "2021-05-04-session", "--json")
    assert run.code == 0, run.err
    assert run.json()["part_of"]["id"] == "2019-summit"
    assert [part["id"] for part in edges("--data", str(store), "show", "2019-summit", "--json").json()["parts"]] == [
        "2021-05-04-session"
    ]
