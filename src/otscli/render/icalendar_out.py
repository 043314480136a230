"""iCalendar (RFC 5545): one all-day VEVENT per event, CRLF lines folded at 75 octets.

An event known to the day spans its days (DTEND is the day after the last day, as RFC 5545 wants
for all-day events). One known only to the month or the year is a single transparent day on the
first day it can have been, its title ending "(Nov 2017, day not known)", so that it blocks out no
days in a calendar; X-OTS-PRECISION and a note in the description say how precise the date is.
DTSTAMP is fixed, so that the same data always exports to the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from otscli.models import Catalog, Event
from otscli.render.describe import overdue_sentence, place, provenance

DTSTAMP = "20000101T000000Z"
CALENDAR_NAME = "Organization of Turkic States (ots)"
CALENDAR_DESCRIPTION = "Summits, councils, meetings and agreements of the OTS, each with its sources, from ots."
STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE", "cancelled": "CANCELLED"}


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with one space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def description(event: Event, catalog: Catalog) -> str:
    overdue = overdue_sentence(event, catalog)
    parts = [overdue] if overdue else []
    parts += [event.summary] if event.summary else []
    parts += [f"Outcome: {outcome}" for outcome in event.outcomes]
    if event.date.precision != "day":
        parts.append(f"Date known to the {event.date.precision}: {event.display_date}.")
    for source in catalog.sources_of(event):
        parts.append(f"Source: {source.title}" + (f" <{source.url}>" if source.url else ""))
    return "\n".join(parts)


def vevent(event: Event, catalog: Catalog) -> list[str]:
    """An event known to the day spans its days. One known only to the month or year is a single transparent
    all-day entry on the first day it can have been, with the precision in its title: a month-long or year-long
    block would fill a calendar with days on which nothing is known to have happened."""
    known_to_the_day = event.date.precision == "day"
    last = event.last_day if known_to_the_day else event.first_day
    title = event.title if known_to_the_day else f"{event.title} ({event.display_date}, day not known)"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@otscli",
        f"DTSTAMP:{DTSTAMP}",
        f"DTSTART;VALUE=DATE:{day(event.first_day)}",
        f"DTEND;VALUE=DATE:{day(last + dt.timedelta(days=1))}",
        f"SUMMARY:{escape(title)}",
        f"TRANSP:{'OPAQUE' if known_to_the_day else 'TRANSPARENT'}",
        "CATEGORIES:" + ",".join(escape(name) for name in categories(event, catalog)),
        f"STATUS:{STATUS[event.status]}",
        f"X-OTS-PRECISION:{event.date.precision}",
        f"DESCRIPTION:{escape(description(event, catalog))}",
    ]
    where = place(event, catalog)
    if where:
        lines.append(f"LOCATION:{escape(where)}")
    first = catalog.sources_of(event)[0]
    if first.url:
        lines.append(f"URL;VALUE=URI:{first.url}")
    return [*lines, "END:VEVENT"]


def categories(event: Event, catalog: Catalog) -> list[str]:
    """The organs' names and the kind, so that a calendar app can colour or filter by them."""
    return [*(catalog.organ_by_id[organ_id].name for organ_id in event.organs), event.kind]


def export(events: Sequence[Event], catalog: Catalog) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//otscli//ots timeline//EN",
        "CALSCALE:GREGORIAN",
        f"NAME:{CALENDAR_NAME}",  # RFC 7986; X-WR-* for the apps that read only those
        f"X-WR-CALNAME:{CALENDAR_NAME}",
        f"DESCRIPTION:{escape(CALENDAR_DESCRIPTION + ' ' + provenance(catalog))}",
        f"X-WR-CALDESC:{escape(CALENDAR_DESCRIPTION + ' ' + provenance(catalog))}",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "X-PUBLISHED-TTL:P1D",
    ]
    for event in events:
        lines += vevent(event, catalog)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
