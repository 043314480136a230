"""The BibTeX export as a LaTeX paper meets it: biblatex with biber, in LuaLaTeX (which reads every script).

Deselected by the README's test command (marker `programs`); `.ci/run` installs Debian's biber and TeX Live."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ots

pytestmark = pytest.mark.programs

PAPER = r"""\documentclass{article}
\usepackage[backend=biber,style=authoryear]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def run(tmp_path: Path, *command: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def test_biber_reads_every_entry_once_with_its_address_and_language_and_latex_prints_them(tmp_path: Path) -> None:
    for program in ("lualatex", "biber"):
        assert shutil.which(program), "apt-get install biber texlive-bibtex-extra texlive-latex-recommended"
    record_entry = ots("cite", "2025-11-04-coe-18th-meeting-baku", "--format", "bibtex").out.split("\n\n")[0]
    (tmp_path / "refs.bib").write_text(ots("export", "--format", "bibtex").out + "\n" + record_entry + "\n",
                                       encoding="utf-8")  # fmt: skip
    (tmp_path / "paper.tex").write_text(PAPER, encoding="utf-8")
    latex = ("lualatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex")
    run(tmp_path, *latex)
    biber = run(tmp_path, "biber", "paper")
    assert not re.search(r"^(WARN|ERROR) ", biber.stdout, re.MULTILINE), biber.stdout
    run(tmp_path, *latex)
    log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert not re.search(r"^! ", log, re.MULTILINE)

    items = json.loads(ots("export", "--format", "csl-json").out)
    bbl = (tmp_path / "paper.bbl").read_text(encoding="utf-8")
    entries = dict(re.findall(r"\\entry\{([^}]*)\}\{[^}]*\}\{[^}]*\}\n(.*?)\\endentry", bbl, re.DOTALL))
    assert set(entries) == {item["id"] for item in items} | {"ots-2025-11-04-coe-18th-meeting-baku"}
    with_percent = 0
    for item in items:
        body = entries[item["id"]]
        assert body.count(r"\verb{url}") == 1, item["id"]  # the address once: not also as howpublished or note
        assert f"\\verb {item['URL']}\n" in body, item["id"]  # as written, %-escapes and all
        with_percent += "%" in item["URL"]
    assert with_percent >= 5
    assert r"\field{langid}{turkish}" in entries["haberler-2025-11-04-coe"]
    assert r"\field{langid}{english}" in entries["ots-2025-11-04-coe-18th-meeting-baku"]
    assert "Center for Diplomatic Affairs and Political Studies" in entries["dipam-analysis-55-2025"]
