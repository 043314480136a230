"""`ots export`: each format opens in the tool people use for it, and data never becomes markup."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import icalendar
import pytest

from conftest import edges, ots

HOSTILE = """
[[event]]
id = "2021-05-hostile"
date = "2021-05"
title = 'Comma, "quote"; back\\slash <b>&amp; [link](x) *bold* Türkiye Orbán'
kind = "meeting"
summary = "Line one\\nline two # not a heading"
sources = ["test-source"]
"""


def hostile_store(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def export(tmp_path: Path, *args: str) -> str:
    run = edges("--data", str(hostile_store(tmp_path)), "export", *args)
    assert run.code == 0, run.err
    return run.raw.decode("utf-8")


def test_csv_is_rfc_4180_and_round_trips(tmp_path: Path) -> None:
    text = export(tmp_path, "--format", "csv")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "").replace("Line one\nline two", "")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 6
    assert list(rows[0]) == list(edges("list", "--json").json()[0])
    hostile = next(row for row in rows if row["id"] == "2021-05-hostile")
    assert hostile["title"] == 'Comma, "quote"; back\\slash <b>&amp; [link](x) *bold* Türkiye Orbán'
    assert hostile["summary"] == "Line one\nline two # not a heading"
    summit = next(row for row in rows if row["id"] == "2019-summit")
    assert summit["disputed"] == "date=2018 (test-source)"
    assert summit["organs"] == "CHS" and summit["end"] == "" and summit["online"] == "false"


def test_markdown_groups_by_year_and_escapes_data(tmp_path: Path) -> None:
    text = export(tmp_path, "--format", "md")
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## 2009", "## 2017", "## 2018", "## 2019", "## 2021", "## 2030",
    ]  # fmt: skip
    assert "- **Nov 2017** — Elders meet in November (İstanbul, Türkiye; Council of Elders)" in text
    assert "\\[link\\]\\(x\\) \\*bold\\*" in text and "\\<b\\>" in text
    assert "A summit announced for 2030 (İstanbul, Türkiye; Council of Heads of State) \\[planned\\]" in text
    assert "⚑ disputed: date" in text
    assert "  Line one line two \\# not a heading" in text


def test_icalendar_parses_folds_and_spans_partial_dates(tmp_path: Path) -> None:
    text = export(tmp_path, "--format", "ics")
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(text)
    events = {str(item["UID"]): item for item in calendar.walk("VEVENT")}
    assert len(events) == 6
    month = events["2017-11-elders@otscli"]
    assert (str(month["DTSTART"].to_ical(), "ascii"), str(month["DTEND"].to_ical(), "ascii")) == (
        "20171101",
        "20171201",
    )
    assert str(month["X-OTS-PRECISION"]) == "month"
    year = events["2019-summit@otscli"]
    assert (year["DTSTART"].dt.isoformat(), year["DTEND"].dt.isoformat()) == ("2019-01-01", "2020-01-01")
    across = events["2018-12-30-new-year-forum@otscli"]
    assert (across["DTSTART"].dt.isoformat(), across["DTEND"].dt.isoformat()) == ("2018-12-30", "2019-01-03")
    assert str(events["2030-planned-summit@otscli"]["STATUS"]) == "TENTATIVE"
    hostile = events["2021-05-hostile@otscli"]
    assert str(hostile["SUMMARY"]) == 'Comma, "quote"; back\\slash <b>&amp; [link](x) *bold* Türkiye Orbán'
    assert str(hostile["DESCRIPTION"]).startswith("Line one\nline two")
    assert export(tmp_path, "--format", "ics") == text  # stable UIDs and stamps: the same bytes again


def test_svg_and_html_draw_the_timeline(tmp_path: Path) -> None:
    svg = export(tmp_path, "--format", "svg")
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Founding" in "".join(root.itertext())
    html = export(tmp_path, "--format", "html")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "&lt;b&gt;&amp;amp;" in html and "<b>&amp;" not in html


@pytest.mark.parametrize(
    ("name", "format_name"),
    [("data.json", "json"), ("data.jsonl", "jsonl"), ("data.csv", "csv"), ("data.md", "md"),
     ("data.ics", "ics"), ("data.svg", "svg"), ("data.html", "html")],
)  # fmt: skip
def test_the_file_extension_chooses_the_format(tmp_path: Path, name: str, format_name: str) -> None:
    target = tmp_path / name
    run = edges("export", "-o", str(target), "--year", "2019")
    assert (run.code, run.out, run.err) == (0, "", "")
    assert target.read_bytes() == edges("export", "--format", format_name, "--year", "2019").raw
    assert [path.name for path in tmp_path.iterdir()] == [name]


def test_export_filters_like_the_listings() -> None:
    filters = ["--kind", "summit", "--organ", "CHS"]
    lines = ots("export", "--format", "jsonl", *filters).out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [
        event["id"] for event in ots("list", *filters, "--json").json()
    ]
