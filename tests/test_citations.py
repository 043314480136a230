"""`ots cite` (render/citations.py): the record's own entry for an event, then each of its sources, in every
style, checked whole on a small store, with and without the day the record was checked to."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edges

CITED = """\
[[source]]
id = "authored-source"
title = "A report by a named author"
author = "Ali Furkan Tokgöz"
publisher = "ots tests"
date = "2024-07-26"
url = "https://example.org/report"

[[source]]
id = "undated-source"
title = "A page with no date"

[[source]]
id = "publisher-source"
title = "A page by a publisher"
publisher = "ots tests"
date = "2023"

[[event]]
id = "2024-07-cited"
date = "2024-07"
title = "A meeting with an authored source"
kind = "meeting"
city = "baku"
sources = ["authored-source", "undated-source"]

[[event]]
id = "2024-08-published"
date = "2024-08"
title = "A meeting with a publisher's page"
kind = "meeting"
sources = ["publisher-source"]
"""
RECORD = "ots: the record of the Organization of Turkic States"


def cite(tmp_path: Path, style: str, as_of: bool, event: str = "2024-07-cited") -> str:
    store = tmp_path / "cited.toml"
    store.write_text(('as_of = "2026-03-16"\n\n' if as_of else "") + CITED, encoding="utf-8")
    run = edges("--data", str(store), "cite", event, "--format", style)
    assert run.code == 0, run.err
    return run.raw.decode("utf-8")


@pytest.mark.parametrize("as_of", [True, False])
def test_ris_has_the_entry_then_each_source_with_the_tags_it_has(tmp_path: Path, as_of: bool) -> None:
    checked = ["DA  - 2026/03/16"] if as_of else []
    lines = [
        "TY  - DATA", "TI  - A meeting with an authored source", f"T2  - {RECORD}",
        "N1  - Entry 2024-07-cited in data/events.toml", "LA  - en", *checked, "ID  - ots-2024-07-cited", "ER  - ", "",
        "TY  - ELEC", "TI  - A report by a named author", "AU  - Ali Furkan Tokgöz", "PB  - ots tests",
        "DA  - 2024/07/26", "UR  - https://example.org/report", "ID  - authored-source", "ER  - ", "",
        "TY  - ELEC", "TI  - A page with no date", "ID  - undated-source", "ER  - ", "",
    ]  # fmt: skip
    assert cite(tmp_path, "ris", as_of) == "".join(line + "\r\n" for line in lines)


@pytest.mark.parametrize("as_of", [True, False])
def test_bibtex_has_the_entry_then_each_source_with_the_fields_it_has(tmp_path: Path, as_of: bool) -> None:
    checked = ",\n  year = {2026},\n  date = {2026-03-16}" if as_of else ""
    assert cite(tmp_path, "bibtex", as_of) == (
        "@misc{ots-2024-07-cited,\n"
        "  title = {{A meeting with an authored source}},\n"
        f"  organization = {{{RECORD}}},\n"
        f"  note = {{Entry 2024-07-cited in data/events.toml}},\n  langid = {{english}}{checked}\n"
        "}\n\n"
        "@misc{authored-source,\n"
        "  title = {{A report by a named author}},\n"
        "  author = {Tokgöz, Ali Furkan},\n"
        "  publisher = {ots tests},\n"
        "  year = {2024},\n"
        "  month = jul,\n"
        "  date = {2024-07-26},\n"
        "  url = {https://example.org/report}\n"
        "}\n\n"
        "@misc{undated-source,\n"
        "  title = {{A page with no date}}\n"
        "}\n"
    )


@pytest.mark.parametrize("as_of", [True, False])
def test_csl_json_has_the_entry_as_a_dataset_then_each_source(tmp_path: Path, as_of: bool) -> None:
    import json

    entry = {
        "id": "ots-2024-07-cited",
        "type": "dataset",
        "title": "A meeting with an authored source",
        "container-title": RECORD,
        "note": "Entry 2024-07-cited in data/events.toml",
        "language": "en",
    }
    if as_of:
        entry["issued"] = {"date-parts": [[2026, 3, 16]]}
    assert json.loads(cite(tmp_path, "csl-json", as_of)) == [
        entry,
        {
            "id": "authored-source",
            "type": "webpage",
            "title": "A report by a named author",
            "author": [{"family": "Tokgöz", "given": "Ali Furkan"}],
            "publisher": "ots tests",
            "issued": {"date-parts": [[2024, 7, 26]]},
            "URL": "https://example.org/report",
        },
        {"id": "undated-source", "type": "webpage", "title": "A page with no date"},
    ]


@pytest.mark.parametrize("as_of", [True, False])
def test_text_names_the_author_or_publisher_or_no_one_and_the_date_or_none(tmp_path: Path, as_of: bool) -> None:
    checked = ", as of 2026-03-16" if as_of else ""
    assert cite(tmp_path, "text", as_of) == (
        "A meeting with an authored source (Jul 2024, Baku, Azerbaijan)\n"
        f"  [0] {RECORD}{checked}. Entry 2024-07-cited, A meeting with an authored source. data/events.toml.\n"
        "  [1] Ali Furkan Tokgöz (2024-07-26). A report by a named author. ots tests. https://example.org/report\n"
        "  [2] Anonymous (n.d.). A page with no date.\n"
    )
    assert cite(tmp_path, "text", as_of, "2024-08-published") == (
        "A meeting with a publisher's page (Aug 2024)\n"
        f"  [0] {RECORD}{checked}. Entry 2024-08-published, A meeting with a publisher's page. data/events.toml.\n"
        "  [1] ots tests (2023). A page by a publisher.\n"
    )


def test_markdown_links_a_title_that_has_an_address_and_sets_the_others_in_italics(tmp_path: Path) -> None:
    assert cite(tmp_path, "markdown", True) == (
        "**A meeting with an authored source \\(Jul 2024, Baku, Azerbaijan\\)**\n\n"
        f"- {RECORD}, as of 2026-03-16. Entry 2024-07-cited, A meeting with an authored source. data/events.toml.\n"
        "- Ali Furkan Tokgöz (2024-07-26). [A report by a named author](<https://example.org/report>). ots tests.\n"
        "- Anonymous (n.d.). *A page with no date*.\n"
    )
    assert cite(tmp_path, "markdown", True, "2024-08-published").endswith(
        "\n- ots tests (2023). *A page by a publisher*.\n"
    )


WIKI = """\
[[source]]
id = "wiki-source"
title = "Costs & 100% {braces} #1_a~b^c\\\\d$"
author = "Plato"
publisher = "Wikipedia"
note = "Read on the day."

[[event]]
id = "2021-06-01-wiki"
date = "2021-06-01"
title = "A meeting with an encyclopedia"
kind = "meeting"
sources = ["wiki-source", "test-source"]

[[event]]
id = "2021-07-01-again"
date = "2021-07-01"
title = "A meeting citing the same"
kind = "meeting"
sources = ["test-source", "wiki-source"]
"""


def export_cited(tmp_path: Path, style: str) -> str:
    store = tmp_path / "wiki.toml"
    store.write_text(WIKI, encoding="utf-8")
    run = edges("--data", str(store), "export", "-f", style, "--year", "2021")
    assert run.code == 0, run.err
    return run.out


def test_csl_json_export_lists_each_source_once_in_the_order_first_cited(tmp_path: Path) -> None:
    import json

    items = json.loads(export_cited(tmp_path, "csl-json"))
    assert [item["id"] for item in items] == ["wiki-source", "test-source"]
    assert items[0] == {
        "id": "wiki-source",
        "type": "entry-encyclopedia",
        "title": "Costs & 100% {braces} #1_a~b^c\\d$",
        "author": [{"literal": "Plato"}],
        "publisher": "Wikipedia",
        "note": "Read on the day.",
    }
    assert items[1]["type"] == "webpage"


def test_bibtex_export_escapes_what_latex_would_read_as_commands(tmp_path: Path) -> None:
    text = export_cited(tmp_path, "bibtex")
    assert text.startswith(
        "@misc{wiki-source,\n"
        "  title = {{Costs \\& 100\\% \\textbraceleft{}braces\\textbraceright{} \\#1\\_a\\textasciitilde{}b"
        "\\textasciicircum{}c\\textbackslash{}d\\$}},\n"
        "  author = {Plato},\n"
        "  publisher = {Wikipedia}\n"
        "}\n\n@misc{test-source,\n"
    )
    assert text.count("@misc{") == 2
