"""`ots export -f ics` (render/icalendar_out.py): the calendar's lines, checked whole, and the folding and
escaping of RFC 5545."""

from __future__ import annotations

from conftest import DATA, edges
from otscli.render.icalendar_out import escape, fold

SOURCES = DATA / "sources.toml"
HEADER = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//otscli//ots timeline//EN",
    "CALSCALE:GREGORIAN",
    "NAME:Organization of Turkic States (ots)",
    "X-WR-CALNAME:Organization of Turkic States (ots)",
]


def calendar(*args: str) -> str:
    run = edges("--data", str(SOURCES), "export", "-f", "ics", *args)
    assert run.code == 0, run.err
    return run.raw.decode("utf-8")


def events_of(text: str) -> list[str]:
    return text[text.index("BEGIN:VEVENT") :].split("\r\n")


def test_the_calendar_starts_with_its_name_and_says_where_its_events_come_from() -> None:
    text = calendar("--year", "2017")
    assert text.split("\r\n")[:6] == HEADER
    unfolded = text.replace("\r\n ", "")
    description = "Summits\\, councils\\, meetings and agreements of the OTS\\, each with its sources\\, from ots."
    assert f"\r\nDESCRIPTION:{description} From your own files only: " in unfolded
    assert f"\r\nX-WR-CALDESC:{description} From your own files only: " in unfolded
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\nX-PUBLISHED-TTL:P1D\r\nBEGIN:VEVENT\r\n" in unfolded


def test_an_event_known_to_the_month_is_one_transparent_day_that_says_so() -> None:
    assert events_of(calendar("--year", "2017")) == [
        "BEGIN:VEVENT",
        "UID:2017-11-elders@otscli",
        "DTSTAMP:20000101T000000Z",
        "DTSTART;VALUE=DATE:20171101",
        "DTEND;VALUE=DATE:20171102",
        "SUMMARY:Elders meet in November (Nov 2017\\, day not known)",
        "TRANSP:TRANSPARENT",
        "CATEGORIES:Council of Elders,meeting",
        "STATUS:CONFIRMED",
        "X-OTS-PRECISION:month",
        "DESCRIPTION:Date known to the month: Nov 2017.\\nSource: A source for the te",
        " sts <https://example.org/ots-tests>",
        "LOCATION:İstanbul\\, Türkiye",
        "URL;VALUE=URI:https://example.org/ots-tests",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]


def test_an_event_known_to_the_day_blocks_its_days_and_lists_each_source() -> None:
    assert events_of(calendar("--year", "2020")) == [
        "BEGIN:VEVENT",
        "UID:2020-05-06-two-sources@otscli",
        "DTSTAMP:20000101T000000Z",
        "DTSTART;VALUE=DATE:20200506",
        "DTEND;VALUE=DATE:20200507",
        "SUMMARY:A meeting with two sources",
        "TRANSP:OPAQUE",
        "CATEGORIES:meeting",
        "STATUS:CONFIRMED",
        "X-OTS-PRECISION:day",
        "DESCRIPTION:Source: A source for the tests <https://example.org/ots-tests>\\",
        " nSource: Annual report\\, volume X",
        "URL;VALUE=URI:https://example.org/ots-tests",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]


def test_lines_fold_at_75_octets_then_74_after_the_leading_space() -> None:
    assert fold("a" * 75) == "a" * 75
    assert fold("a" * 76) == "a" * 75 + "\r\n a"
    assert fold("a" * 150) == "a" * 75 + "\r\n " + "a" * 74 + "\r\n a"
    assert fold("ü" * 38) == "ü" * 37 + "\r\n ü"  # never inside a two-octet character


def test_text_values_escape_backslash_semicolon_comma_and_line_ends() -> None:
    assert escape("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
