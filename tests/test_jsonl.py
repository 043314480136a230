"""`ots export -f jsonl` (render/jsonl.py): one event a line, with its letters as written."""

from __future__ import annotations

from pathlib import Path

from conftest import edges

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
