"""`ots export -f csv|tsv|excel-csv` (render/csvfile.py) on the test stores."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import DATA, edges

SOURCES = DATA / "sources.toml"
ONLINE = """\
[[event]]
id = "2021-03-01-online"
date = "2021-03-01"
title = '=HYPERLINK("https://example.org")'
kind = "meeting"
online = true
sources = ["test-source"]
"""


def export(*args: str) -> bytes:
    run = edges("--data", str(SOURCES), "export", *args)
    assert run.code == 0, run.err
    return run.raw


def test_a_source_without_address_leaves_its_place_in_the_addresses_empty() -> None:
    text = export("-f", "csv", "--year", "2020").decode("utf-8")
    [row] = csv.DictReader(io.StringIO(text, newline=""))
    assert row["sources"] == "test-source; bare-source"
    assert row["source_urls"] == "https://example.org/ots-tests; "


def test_tsv_and_excel_csv_write_only_the_fields_asked_for() -> None:
    tsv = export("-f", "tsv", "--fields", "id,title", "--year", "2020")
    assert tsv == b"id\ttitle\r\n2020-05-06-two-sources\tA meeting with two sources\r\n"
    excel = export("-f", "excel-csv", "--fields", "id,title", "--year", "2020")
    assert excel == "\ufeffid,title\r\n2020-05-06-two-sources,A meeting with two sources\r\n".encode()


def test_disputed_facts_are_one_cell_each_with_its_source() -> None:
    text = export("-f", "csv", "--year", "2020").decode("utf-8")
    [row] = csv.DictReader(io.StringIO(text, newline=""))
    assert row["disputed"] == "date=2020-05-07 (test-source); date=2020-05-08 (bare-source); kind=summit (bare-source)"
    assert row["online"] == "false"


def test_a_cell_a_spreadsheet_would_take_for_a_formula_is_text_and_true_is_written_true(tmp_path: Path) -> None:
    store = tmp_path / "online.toml"
    store.write_text(ONLINE, encoding="utf-8")
    run = edges("--data", str(store), "export", "-f", "csv", "--year", "2021", "--fields", "id,title,online")
    assert run.code == 0, run.err
    assert run.raw == b'id,title,online\r\n2021-03-01-online,"\'=HYPERLINK(""https://example.org"")",true\r\n'
