"""The README's examples are real: each `$ ots ...` in a console block prints what follows it.

Regenerate them after a deliberate change with: OTS_UPDATE_README=1 .venv/bin/pytest tests/test_readme.py
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from conftest import ROOT, ots

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
WIDTH = "88"
TODAY = "2026-12-06"  # the examples' clock: `--since today` and overdue plans read the same every day


def render_block(block: str) -> str:
    """The block with each command's output replaced by what `ots` prints now."""
    out = []
    for command in re.findall(r"^\$ (ots .*)$", block, re.MULTILINE):
        run = ots(*shlex.split(command)[1:], env={"COLUMNS": WIDTH, "OTS_TODAY": TODAY})
        printed = f"{run.out}{run.err}".replace(os.environ["XDG_DATA_HOME"], "~/.local/share")  # the test's home
        out.append(f"$ {command}\n{printed}")
    return "".join(out)


def test_readme_examples_print_what_the_readme_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where the examples' scratch files go
    text = README.read_text(encoding="utf-8")
    fresh = BLOCK.sub(lambda match: f"```console\n{render_block(match.group(1))}```", text)
    if os.environ.get("OTS_UPDATE_README"):
        README.write_text(fresh, encoding="utf-8")
    assert BLOCK.findall(text), "the README has no console examples"
    assert fresh == text, "README examples are stale: OTS_UPDATE_README=1 .venv/bin/pytest tests/test_readme.py"


def test_ci_runs_the_readme_test_command() -> None:
    readme = README.read_text(encoding="utf-8")
    command = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest"
    assert command in readme
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
