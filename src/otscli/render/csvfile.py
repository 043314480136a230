"""CSV per RFC 4180: a header, one row per event, CRLF line ends; lists joined with "; "."""

from __future__ import annotations

from collections.abc import Sequence

from otscli.models import Catalog, Event
from otscli.render.json_output import DERIVED_EVENT_FIELDS, field_names, records


def export(events: Sequence[Event], catalog: Catalog, fields: Sequence[str] | None = None) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields or (*field_names(Event), *DERIVED_EVENT_FIELDS))
    for row in records(events, fields):
        writer.writerow([cell(column, value) for column, value in row.items()])
    return buffer.getvalue()


# A cell that starts like this is a formula to a spreadsheet; OWASP's advice is to make it text with a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(column: str, value: object) -> str:
    text = plain_cell(column, value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_cell(column: str, value: object) -> str:
    if value is None:
        return ""
    if column == "disputed":
        assert isinstance(value, list)
        return "; ".join(f"{item['field']}={item['value']} ({item['source']})" for item in value)
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
