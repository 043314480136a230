"""`ots export -f jsonl` (render/jsonl.py): one event a line, with its letters as written."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from conftest import EDGES, edges
from otscli.render import jsonl
from otscli.store import load_files

LETTERS = """\
[[event]]
id = "2021-05-04-letters"
date = "2021-05-04"
title = "A summit in Türkiye"
kind = "summit"
summary = "Leaders meet in İstanbul."
sources = ["test-source"]
"""


def test_one_line_an_event_with_its_letters_as_written(tmp_path: Path) -> None:
    store = tmp_path / "letters.toml"
    store.write_text(LETTERS, encoding="utf-8")
    run = edges("--data", str(store), "export", "-f", "jsonl", "--year", "2021", "--fields", "id,title,summary")
    assert run.code == 0, run.err
    assert run.raw.decode("utf-8") == (
        '{"id": "2021-05-04-letters", "title": "A summit in Türkiye", "summary": "Leaders meet in İstanbul."}\n'
    )


def test_two_events_are_two_lines_in_the_order_given() -> None:
    run = edges("export", "-f", "jsonl", "--until", "2017", "--fields", "id,date")
    assert run.code == 0, run.err
    assert run.raw.decode("utf-8") == (
        '{"id": "2009-10-03-founded", "date": "2009-10-03"}\n{"id": "2017-11-elders", "date": "2017-11"}\n'
    )


def test_line_and_paragraph_separators_are_escaped_so_that_each_event_stays_one_line() -> None:
    """The loader refuses both characters in every text; the writer does not rely on it."""
    catalog = load_files([EDGES])
    founded, elders = catalog.event_by_id["2009-10-03-founded"], catalog.event_by_id["2017-11-elders"]
    events = [replace(founded, title="Founding\u2028act"), replace(elders, summary="Elders\u2029meet")]
    text = jsonl.export(events, catalog, ["id", "title", "summary"])
    assert text == (
        '{"id": "2009-10-03-founded", "title": "Founding\\u2028act", "summary": "The founders sign the agreement."}\n'
        '{"id": "2017-11-elders", "title": "Elders meet in November", "summary": "Elders\\u2029meet"}\n'
    )
    assert [json.loads(line)["title"] for line in text.splitlines()] == ["Founding\u2028act", elders.title]
