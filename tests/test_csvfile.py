"""`ots export -f csv|tsv|excel-csv` (render/csvfile.py) on the test stores."""

from __future__ import annotations

import csv
import io

from conftest import DATA, edges

SOURCES = DATA / "sources.toml"


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
