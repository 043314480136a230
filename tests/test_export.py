"""`ots export`: each format opens in the tool people use for it, and data never becomes markup."""

from __future__ import annotations

import csv
import io
import json
import re
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
    recorded = [key for key in edges("list", "--json").json()[0] if key != "end"]
    assert [column for column in rows[0] if column in recorded] == recorded  # every field, in the record's order
    hostile = next(row for row in rows if row["id"] == "2021-05-hostile")
    assert hostile["title"] == 'Comma, "quote"; back\\slash <b>&amp; [link](x) *bold* Türkiye Orbán'
    assert hostile["summary"] == "Line one\nline two # not a heading"
    summit = next(row for row in rows if row["id"] == "2019-summit")
    assert summit["disputed"] == "date=2018 (test-source)"
    assert summit["organs"] == "CHS" and summit["recorded_end"] == "" and summit["online"] == "false"


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
    summit = text[text.index("A summit known only by its year") :].split("\n- ")[0]
    assert "  - Outcome: Vision \\[link=https\\://x\\]adopted\\[/link\\]" in summit  # kept, and inert
    assert "  - Sources: [A source for the tests](<https://example.org/ots-tests>), ots tests" in summit


def test_icalendar_parses_folds_and_spans_partial_dates(tmp_path: Path) -> None:
    text = export(tmp_path, "--format", "ics")
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(text)
    events = {str(item["UID"]): item for item in calendar.walk("VEVENT")}
    assert len(events) == 6
    # Known only to the month or the year: one transparent day-long entry on the first day, not a block of days.
    month = events["2017-11-elders@otscli"]
    assert (str(month["DTSTART"].to_ical(), "ascii"), str(month["DTEND"].to_ical(), "ascii")) == (
        "20171101",
        "20171102",
    )
    assert str(month["X-OTS-PRECISION"]) == "month" and str(month["TRANSP"]) == "TRANSPARENT"
    assert str(month["SUMMARY"]) == "Elders meet in November (Nov 2017, day not known)"
    year = events["2019-summit@otscli"]
    assert (year["DTSTART"].dt.isoformat(), year["DTEND"].dt.isoformat()) == ("2019-01-01", "2019-01-02")
    assert str(year["TRANSP"]) == "TRANSPARENT"
    across = events["2018-12-30-new-year-forum@otscli"]
    assert (across["DTSTART"].dt.isoformat(), across["DTEND"].dt.isoformat()) == ("2018-12-30", "2019-01-03")
    assert str(across["TRANSP"]) == "OPAQUE"
    assert str(events["2030-planned-summit@otscli"]["STATUS"]) == "TENTATIVE"
    hostile = events["2021-05-hostile@otscli"]
    assert (
        str(hostile["SUMMARY"])
        == 'Comma, "quote"; back\\slash <b>&amp; [link](x) *bold* Türkiye Orbán (May 2021, day not known)'
    )
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


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_html_export_is_a_whole_english_page_whose_every_colour_meets_wcag_aa() -> None:
    """A page of its own (language, title, charset, a heading in a main landmark), and every text colour at least
    4.5:1 against the page: the WCAG AA contrast for normal text. The planned, disputed and searched-for events
    draw every style the timeline has."""
    from html.parser import HTMLParser

    html = ots("export", "--format", "html").out
    tags: list[tuple[str, dict[str, str | None]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((tag, dict(attrs)))

    Tags().feed(html)
    names = [tag for tag, _ in tags]
    assert ("html", {"lang": "en"}) in tags and ("meta", {"charset": "UTF-8"}) in tags
    assert names.index("title") < names.index("body") < names.index("main") < names.index("h1") < names.index("pre")
    assert re.search(r"<title>ots timeline: the Organization of Turkic States</title>", html)
    background = re.search(r"body \{[^}]*background-color: (#[0-9a-f]{6})", html)
    assert background is not None
    colours = set(re.findall(r"(?<![-\w])color: (#[0-9a-f]{6})", html))
    assert len(colours) >= 5, colours  # page text, dates, dimmed details, planned, disputed
    for colour in colours:
        assert contrast(colour, background.group(1)) >= 4.5, colour


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


def test_csv_reads_in_a_spreadsheet_dates_of_one_kind_and_names_beside_ids(tmp_path: Path) -> None:
    """`start` and `end` are full dates whatever the precision, so a sheet sorts them as dates; names and
    addresses stand beside the ids."""
    import datetime as dt

    rows = list(csv.DictReader(io.StringIO(export(tmp_path, "--format", "csv"), newline="")))
    starts = [dt.date.fromisoformat(row["start"]) for row in rows]  # every cell a full date
    assert starts == sorted(starts)
    by_id = {row["id"]: row for row in rows}
    assert (by_id["2019-summit"]["date"], by_id["2019-summit"]["precision"]) == ("2019", "year")
    assert (by_id["2019-summit"]["start"], by_id["2019-summit"]["end"]) == ("2019-01-01", "2019-12-31")
    forum = by_id["2018-12-30-new-year-forum"]
    assert (forum["start"], forum["end"], forum["recorded_end"]) == ("2018-12-30", "2019-01-02", "2019-01-02")
    founded = by_id["2009-10-03-founded"]
    assert founded["city_name"] == "Nakhchivan" and founded["state_names"] == "Azerbaijan; Türkiye"
    assert founded["organ_names"] == "Council of Heads of State"
    assert founded["source_urls"] == "https://example.org/ots-tests"


def test_pandas_reads_start_and_end_as_dates_and_sorts_the_year_known_2019_after_2011(tmp_path: Path) -> None:
    """Read as a spreadsheet reads it: pandas gives `start` and `end` one type, dates, where the mixed `date`
    column alone would be text; the Excel file with its byte-order mark reads back with Türkiye intact."""
    import pandas

    sheet = pandas.read_csv(io.StringIO(export(tmp_path, "--format", "csv")), parse_dates=["start", "end"])
    assert str(sheet["start"].dtype).startswith("datetime64") and str(sheet["end"].dtype).startswith("datetime64")
    assert not str(sheet["date"].dtype).startswith("datetime64")  # 2019, 2017-11, 2009-10-03: not one type
    ordered = sheet.sort_values("start")["id"].tolist()
    assert ordered.index("2019-summit") > ordered.index("2018-12-30-new-year-forum") > ordered.index("2017-11-elders")
    assert sheet.set_index("id").loc["2019-summit", "start"] == pandas.Timestamp("2019-01-01")
    excel = pandas.read_csv(io.BytesIO(edges("export", "-f", "excel-csv").raw), encoding="utf-8-sig")
    assert list(excel.columns[:2]) == ["id", "date"] and "Türkiye" in "; ".join(excel["state_names"].dropna())


def test_tsv_by_its_extension_and_a_byte_order_mark_for_excel(tmp_path: Path) -> None:
    sheet = tmp_path / "events.tsv"
    assert edges("list", "-o", str(sheet)).code == 0
    header, first, *_ = sheet.read_bytes().decode("utf-8").split("\r\n")
    assert header.startswith("id\tdate\tprecision\tstart\tend\t") and first.startswith("2009-10-03-founded\t")
    excel = edges("export", "-f", "excel-csv").raw
    assert excel.startswith(b"\xef\xbb\xbfid,date,") and "Türkiye".encode() in excel


def test_pictures_are_self_contained_and_stats_draws_a_chart(tmp_path: Path) -> None:
    """A picture for an article fetches nothing: no web font, no address but the SVG namespace."""
    import re
    import xml.etree.ElementTree as ElementTree

    timeline = export(tmp_path, "--format", "svg")
    chart = tmp_path / "chart.svg"
    run = edges("stats", "--by", "kind", "-o", str(chart))
    assert (run.code, run.out) == (0, "")
    drawn = chart.read_text(encoding="utf-8")
    for svg in (timeline, drawn):
        ElementTree.fromstring(svg)
        assert "@font-face" not in svg
        fetched = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)  # a comment names rich's site; nothing loads it
        assert set(re.findall(r"https?://[^\s\"')]+", fetched)) <= {"http://www.w3.org/2000/svg"}
    import html

    text = html.unescape(drawn).replace("\xa0", " ")
    assert "Events per kind (ots stats)" in text and "conference" in text
    refused = edges("stats", "-o", str(tmp_path / "chart.png"))
    assert refused.code == 2 and "give a name ending in .svg" in refused.err and not (tmp_path / "chart.png").exists()
