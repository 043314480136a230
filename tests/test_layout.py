"""Hanging text (otscli.render.layout): a tab in prose is drawn as spaces, the same with colour and without."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import edges

TABBED = 'format = 1\n[[event]]\nid = "2020-tabbed"\ndate = "2020"\ntitle = "Tabbed"\nkind = "meeting"\n' \
         'summary = "\\t0 and\\tmore"\nsources = ["test-source"]\n'  # fmt: skip


def test_a_tab_in_a_summary_is_spaces_in_a_pipe_as_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "tabbed.toml"
    path.write_text(TABBED, encoding="utf-8")
    piped = edges("--data", str(path), "show", "2020-tabbed").out
    coloured = edges("--color", "always", "--data", str(path), "show", "2020-tabbed").out
    summary = next(line for line in piped.splitlines() if line.startswith("summary"))
    assert "\t" not in piped
    assert summary == "summary          0 and   more"
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).replace("\x1b]8;", "").count("\t") == 0
