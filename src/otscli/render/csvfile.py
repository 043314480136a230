"""CSV per RFC 4180 (and TSV), for spreadsheets: a header, one row per event, CRLF line ends; lists joined
with "; ".

A spreadsheet sorts and reads a column only when its cells are of one kind, so the row gives, beside the
recorded `date` (2015, 2015-09 or 2015-09-05), its `precision` and the first and last possible days as full
dates (`start`, `end`); and beside each id its name, so that the file reads without the record: the city's
name, the organs' and states' names, and the sources' addresses. `--fields` writes exactly the fields named,
as `--json` does. The `excel-csv` format is the same CSV with a byte-order mark, which Excel needs to read
UTF-8 (Türkiye, İstanbul) rather than a local code page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from otscli.models import Catalog, Event
from otscli.render.json_output import DERIVED_EVENT_FIELDS, field_names, records

BYTE_ORDER_MARK = "\ufeff"
# Columns that follow the one named, worked out from the record for people reading the sheet.
BESIDE = {
    "date": ("precision", "start", "end"),
    "organs": ("organ_names",),
    "city": ("city_name",),
    "states": ("state_names",),
    "sources": ("source_urls",),
}
RECORDED_END = "recorded_end"  # the stored `end` (partial, like `date`); `end` is the last possible day


def columns() -> list[str]:
    """The header of the full export: the record's fields, each followed by what is worked out beside it."""
    names: list[str] = []
    for name in (*field_names(Event), *DERIVED_EVENT_FIELDS):
        if name == "end":
            continue  # given as `end` (last possible day) beside `date`, and as recorded_end after it
        names.append(name)
        names += BESIDE.get(name, ())
        if name == "date":
            names.append(RECORDED_END)
    return names


def full_row(event: Event, data: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    city = catalog.city_by_id.get(event.city or "")
    worked_out = {
        "precision": event.date.precision,
        "start": event.first_day.isoformat(),
        "end": event.last_day.isoformat(),
        RECORDED_END: data["end"],
        "organ_names": [catalog.organ_by_id[organ].name for organ in event.organs],
        "city_name": city.name if city else None,
        "state_names": [catalog.state_by_id[state].name for state in event.states],
        "source_urls": [catalog.source_by_id[source].url or "" for source in event.sources],
    }
    return {name: worked_out[name] if name in worked_out else data[name] for name in columns()}


def export(events: Sequence[Event], catalog: Catalog, fields: Sequence[str] | None = None) -> str:
    return table(events, catalog, fields, delimiter=",")


def export_tsv(events: Sequence[Event], catalog: Catalog, fields: Sequence[str] | None = None) -> str:
    return table(events, catalog, fields, delimiter="\t")


def export_excel(events: Sequence[Event], catalog: Catalog, fields: Sequence[str] | None = None) -> str:
    return BYTE_ORDER_MARK + table(events, catalog, fields, delimiter=",")


def table(events: Sequence[Event], catalog: Catalog, fields: Sequence[str] | None, delimiter: str) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", delimiter=delimiter)
    writer.writerow(fields or columns())
    for event, data in zip(events, records(events, fields), strict=True):
        row = data if fields else full_row(event, data, catalog)
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
        assert isinstance(value, (list, tuple))
        return "; ".join(f"{item['field']}={item['value']} ({item['source']})" for item in value)
    if isinstance(value, (list, tuple)):  # the JSON data of a record keeps a tuple of ids as it is
        return "; ".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
