"""The README and the manual (docs/*.md) are real: each `$ ots ...` in a console block prints what follows it,
every relative link leads to a file, and `ots --help` says where the manual is.

Regenerate the blocks after a deliberate change with: OTS_UPDATE_README=1 .venv/bin/pytest tests/test_readme.py
"""

from __future__ import annotations

import os
import re
import shlex
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, ots

README = ROOT / "README.md"
MANUAL = ROOT / "docs"
PAGES = [README, *sorted(MANUAL.glob("*.md"))]
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(<?([^)\s>]+)>?\)")  # [text](target) and ![alt](target)
WIDTH = "88"
TODAY = "2026-12-06"  # the examples' clock: `--since today` and overdue plans read the same every day
MANUAL_LINE = "Manual: docs/README.md in the source of ots (its repository or its sdist)."


def render_block(block: str) -> str:
    """The block with each command's output replaced by what `ots` prints now."""
    out = []
    for command in re.findall(r"^\$ (ots .*)$", block, re.MULTILINE):
        run = ots(*shlex.split(command)[1:], env={"COLUMNS": WIDTH, "OTS_TODAY": TODAY})
        printed = f"{run.out}{run.err}".replace(os.environ["XDG_DATA_HOME"], "~/.local/share")  # the test's home
        out.append(f"$ {command}\n{printed}")
    return "".join(out)


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


def test_the_manual_has_its_pages() -> None:
    names = {page.name for page in MANUAL.glob("*.md")}
    assert names >= {"README.md", "commands.md", "your-data.md", "data-format.md", "exports.md", "scripts.md",
                     "errors.md", "website.md"}  # fmt: skip


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_examples_print_what_the_page_says(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where the examples' scratch files go
    text = page.read_text(encoding="utf-8")
    fresh = BLOCK.sub(lambda match: f"```console\n{render_block(match.group(1))}```", text)
    if os.environ.get("OTS_UPDATE_README"):
        page.write_text(fresh, encoding="utf-8")
    assert re.findall(r"^\$ ots ", "".join(BLOCK.findall(text)), re.MULTILINE), f"{page_id(page)} has no examples"
    assert fresh == text, f"{page_id(page)}: stale examples: OTS_UPDATE_README=1 .venv/bin/pytest tests/test_readme.py"


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_relative_link_leads_to_a_file(page: Path) -> None:
    targets = LINK.findall(page.read_text(encoding="utf-8"))
    relative = [target.split("#")[0] for target in targets if not re.match(r"[a-z]+:|#", target)]
    assert [target for target in relative if not (page.parent / target).exists()] == []


def test_the_manual_pages_are_each_linked_from_its_index() -> None:
    index = (MANUAL / "README.md").read_text(encoding="utf-8")
    linked = {target.split("#")[0] for target in LINK.findall(index)}
    assert {page.name for page in MANUAL.glob("*.md")} - {"README.md"} <= linked


def test_the_readme_leads_to_the_manual_and_to_contributing() -> None:
    linked = set(LINK.findall(README.read_text(encoding="utf-8")))
    assert {"docs/README.md", "CONTRIBUTING.md", "docs/map.svg"} <= linked


def test_the_main_help_ends_with_the_manuals_address() -> None:
    run = ots("--help")
    assert run.code == 0
    assert run.out.rstrip("\n").splitlines()[-1].strip() == MANUAL_LINE
    assert (ROOT / "docs" / "README.md").is_file()  # the address is true in the source
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "docs" in project["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]  # and in the sdist


def test_ci_runs_the_readme_test_command() -> None:
    readme = README.read_text(encoding="utf-8")
    command = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest"
    assert command in readme
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_synopsis_of_the_commands_names_every_command() -> None:
    from otscli.cli.registry import COMMANDS

    page = (MANUAL / "commands.md").read_text(encoding="utf-8")
    synopsis = page.split("```\nots [", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"^  ([a-z-]+)\b", synopsis, re.MULTILINE))
    named |= set(re.findall(r"\| ([a-z-]+)\b", synopsis))  # `organ NAME | state NAME | ...`
    assert set(COMMANDS) - named == set()
