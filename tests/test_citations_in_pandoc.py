"""Citations as a paper meets them: the BibTeX and CSL-JSON exports rendered by pandoc --citeproc.

Deselected by the README's test command (marker `programs`); `.ci/run` installs Debian's pandoc and runs them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ots

pytestmark = pytest.mark.programs

DIPAM = "dipam-analysis-55-2025"


def rendered(tmp_path: Path, bibliography: str, suffix: str, keys: list[str]) -> str:
    assert shutil.which("pandoc"), "apt-get install pandoc"
    (tmp_path / f"refs{suffix}").write_text(bibliography, encoding="utf-8")
    (tmp_path / "paper.md").write_text("".join(f"See [@{key}].\n\n" for key in keys), encoding="utf-8")
    done = subprocess.run(["pandoc", "paper.md", "--citeproc", "--bibliography", f"refs{suffix}", "-t", "plain",
                           "--wrap=none"], cwd=tmp_path, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0 and "[WARNING]" not in done.stderr, done.stderr
    return done.stdout


def cited(*args: str) -> list[dict[str, str]]:
    items: list[dict[str, str]] = json.loads(ots("export", "--format", "csl-json", *args).out)
    return items


def test_bibtex_prints_each_address_once_and_keeps_a_publisher_named_with_and(tmp_path: Path) -> None:
    items = cited("--year", "2024", "--kind", "summit")
    keys = [item["id"] for item in items] + [DIPAM]
    out = rendered(tmp_path, ots("export", "--format", "bibtex", "--year", "2024").out
                   + ots("cite", "2024-11-06-summit-bishkek", "--format", "bibtex").out
                   + "\n" + ots("export", "-f", "bibtex", "--kind", "summit", "--year", "2009..2010").out, ".bib",
                   keys)  # fmt: skip
    flat = re.sub(r"\s+", " ", out)
    for item in items:
        if item.get("URL"):
            assert flat.count(item["URL"]) == 1, item["id"]
    assert "Center for Diplomatic Affairs and Political Studies" in flat


def test_csl_json_prints_a_publisher_once(tmp_path: Path) -> None:
    items = cited("--year", "2024")
    named = [item for item in items if item.get("publisher") and "author" not in item][:10]
    out = re.sub(r"\s+", " ", rendered(tmp_path, json.dumps(items), ".json", [item["id"] for item in named]))
    for item in named:
        assert f"{item['publisher']}. {item['publisher']}" not in out, item["id"]
        assert item["URL"] in out


def test_a_turkish_title_keeps_its_case_and_an_english_one_is_title_cased(tmp_path: Path) -> None:
    """Chicago, pandoc's default style, title-cases the titles of English items only: the language decides."""
    items = cited("--organ", "council-of-elders", "--year", "2025")
    turkish = next(item for item in items if item["id"] == "haberler-2025-11-04-coe")
    assert turkish["language"] == "tr"
    title = turkish["title"]
    assert "toplantısı" in title  # a lowercase word that title case would capitalise

    def plain(text: str) -> str:  # pandoc prints typographic apostrophes
        return re.sub(r"\s+", " ", text).replace("\u2019", "'")

    out = plain(rendered(tmp_path, json.dumps([turkish]), ".json", [turkish["id"]]))
    assert title in out, out
    as_if_english = {**turkish, "language": "en"}
    out = plain(rendered(tmp_path, json.dumps([as_if_english]), ".json", [turkish["id"]]))
    assert title not in out and "Toplantısı" in out, out
    bib = ots("cite", "2025-11-04-coe-18th-meeting-baku", "--format", "bibtex").out
    out = plain(rendered(tmp_path, bib, ".bib", [turkish["id"]]))
    assert title in out, out
