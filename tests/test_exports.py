"""The export formats and how one is chosen (render/exports.py): by `--format`, or by the extension of `-o FILE`."""

from __future__ import annotations

import pytest

from conftest import EDGES, edges
from otscli.errors import UsageError
from otscli.render.exports import EXPORTERS, choose_exporter
from otscli.store import load_files

FORMATS = "json, jsonl, csv, tsv, excel-csv, md, ics, svg, html, geojson, svg-map, csl-json, bibtex, timelinejs"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export"], f"export: give --format ({FORMATS}) or -o FILE with one of their extensions"),
        (["export", "--format", "pdf"], f"--format: unknown format 'pdf'; one of {FORMATS}"),
        (["export", "-o", "out/"], "-o out/: names a folder; give a file name"),
        (["export", "-o", "-"], f"-o -: give --format ({FORMATS}) to write to standard output"),
        (["export", "-o", "notes/x.pdf"], f"-o: cannot tell the format from 'x.pdf'; add --format ({FORMATS})"),
        (["export", "-o", "events"], f"-o: cannot tell the format from 'events'; add --format ({FORMATS})"),
        (["export", "-f", "md", "--fields", "id"], "--fields: the md format has no fields to choose; "
                                                  "json, jsonl, csv, tsv, excel-csv do"),
    ],
)  # fmt: skip
def test_a_format_that_cannot_be_told_is_a_usage_error_that_says_what_to_give(args: list[str], message: str) -> None:
    run = edges(*args)
    assert (run.code, run.out, run.err) == (2, "", f"ots: {message}\n")


def test_a_format_name_and_an_extension_are_read_whatever_their_case() -> None:
    assert choose_exporter(" JSONL ", None) is EXPORTERS["jsonl"]
    assert choose_exporter("Excel-CSV", "events.json") is EXPORTERS["excel-csv"]  # the name wins over the file
    assert choose_exporter(None, "EVENTS.NDJSON") is EXPORTERS["jsonl"]
    assert choose_exporter(None, "archive.2019/events.Tab") is EXPORTERS["tsv"]
    run = edges("export", "-f", "Json", "--year", "2019", "--fields", "id")
    assert run.out == '[\n  {\n    "id": "2018-12-30-new-year-forum"\n  },\n  {\n    "id": "2019-summit"\n  }\n]\n'


def test_each_format_gets_the_catalog_and_those_with_fields_get_the_fields() -> None:
    catalog = load_files([EDGES])
    events = [catalog.event_by_id["2019-summit"]]
    markdown = EXPORTERS["md"].export(events, catalog)
    assert "A summit known only by its year (Baku, Azerbaijan; Council of Heads of State)" in markdown
    table = EXPORTERS["csv"].export(events, catalog)  # the whole row names the places and organs the ids stand for
    assert "2019-summit,2019,year," in table and ",CHS,Council of Heads of State,baku,Baku," in table
    assert EXPORTERS["csv"].export(events, catalog, ["id", "number"]) == "id,number\r\n2019-summit,7\r\n"
    with pytest.raises(UsageError, match=r"^--fields: the ics format has no fields to choose"):
        EXPORTERS["ics"].export(events, catalog, ["id"])
