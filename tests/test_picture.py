"""`ots export -f html|svg` (render/picture.py): the drawn timeline as a page or a picture."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edges


def test_html_carries_its_styles_on_each_span_so_a_piece_can_be_pasted_alone() -> None:
    run = edges("export", "-f", "html")
    assert run.code == 0, run.err
    assert '<span style="font-weight: bold">Founding agreement signed</span>' in run.out
    assert "class=" not in run.out


MARKED = """\
[[event]]
id = "2021-05-marked"
date = "2021-05-04"
title = "[bold]Marked[/] :smile: summit 2021"
kind = "summit"
sources = ["test-source"]
"""


def test_a_title_is_drawn_as_written_neither_markup_nor_emoji_nor_highlighted(tmp_path: Path) -> None:
    store = tmp_path / "marked.toml"
    store.write_text(MARKED, encoding="utf-8")
    run = edges("--data", str(store), "export", "-f", "html", "--year", "2021")
    assert run.code == 0, run.err
    assert '<span style="font-weight: bold">[bold]Marked[/] :smile: summit 2021</span>' in run.out


@pytest.mark.parametrize("environment", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"COLUMNS": "30"}, {"FORCE_COLOR": "1"}])
def test_a_picture_is_the_same_whatever_the_terminal_says(environment: dict[str, str]) -> None:
    for form in ("html", "svg"):
        alone = edges("export", "-f", form)
        assert alone.code == 0, alone.err
        assert "Founding agreement signed" in alone.out.replace("&#160;", " ")
        assert edges("export", "-f", form, env=environment).out == alone.out
