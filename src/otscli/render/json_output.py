"""JSON output for scripts: written by orjson (render/indented.py), never through rich."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from otscli.dates import PartialDate
from otscli.models import DATE_FIELDS, NESTED_RECORDS, Catalog, Event, Record
from otscli.render import indented

if TYPE_CHECKING:
    from otscli.counting import Anniversary, Count
    from otscli.render import output_types

DERIVED_EVENT_FIELDS = ("overdue", "origin")  # keys of an event's JSON that are worked out, after the stored ones


def record(item: Record) -> dict[str, Any]:
    """A record as JSON data: every key present, in the order the record declares, dates as the stored strings;
    an event also gets the keys worked out from it (DERIVED_EVENT_FIELDS)."""
    names, values_of, special = _fields_of(type(item))
    if special:
        values = list(values_of(item))
        for index in special:
            values[index] = plain(values[index])
        data = dict(zip(names, values, strict=True))
    else:
        data = dict(zip(names, values_of(item), strict=True))
    if type(item) is Event:
        data["overdue"] = item.overdue
        data["origin"] = item.origin
    return data


_AS_IS = frozenset({str, int, bool, float, type(None)})
Fields = tuple[tuple[str, ...], Callable[[Record], tuple[object, ...]], tuple[int, ...]]
_FIELDS: dict[type[Record], Fields] = {}


def _fields_of(record_type: type[Record]) -> Fields:
    """The field names of a record type, a function that reads them all in one call, and the places of those
    that hold dates or nested records; every other value (text, numbers, tuples of ids) is JSON as it is, as
    orjson writes a tuple as an array."""
    found = _FIELDS.get(record_type)
    if found is None:
        names = field_names(record_type)
        special = tuple(index for index, name in enumerate(names) if name in DATE_FIELDS or name in NESTED_RECORDS)
        found = _FIELDS[record_type] = (names, operator.attrgetter(*names), special)
    return found


def field_names(record_type: type[Record]) -> tuple[str, ...]:
    return tuple(column.name for column in fields(record_type))


def plain(value: object) -> Any:
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is tuple or kind is list:
        assert isinstance(value, (tuple, list))
        return [item if type(item) in _AS_IS else plain(item) for item in value]
    if kind is PartialDate:
        return str(value)
    if isinstance(value, Record):
        return record(value)
    return value


def records(items: Iterable[Record], fields: Sequence[str] | None = None) -> list[dict[str, Any]]:
    if fields is None:
        return [record(item) for item in items]
    return [{name: plain(getattr(item, name)) for name in fields} for item in items]


def event_page(event: Event, catalog: Catalog) -> dict[str, Any]:
    cited = catalog.sources_of(event)
    meeting = catalog.event_by_id.get(event.part_of or "")
    return {
        "event": record(event),
        "sources": records(cited),
        "parts": records(catalog.parts_of(event)),
        "part_of": record(meeting) if meeting else None,
    }


def write(data: list[Any] | Mapping[str, Any]) -> None:
    """Print JSON as UTF-8 whatever the locale, one document ending in a newline."""
    from otscli.atomic import write_standard_output

    write_standard_output(indented.dumps_bytes(data) + b"\n")


def export(events: Sequence[Event], catalog: Catalog, fields: Sequence[str] | None = None) -> str:
    """`ots export --format json`: the same array as `--json`, with only `fields` when given."""
    return indented.dumps(records(events, fields)) + "\n"


def choose_fields(text: str) -> tuple[str, ...]:
    """`--fields id,date,title` as event field names, each once (as `cut -f 1,1` gives one column); an unknown one
    is a UsageError listing them all."""
    from otscli.errors import UsageError, printable

    known = (*field_names(Event), *DERIVED_EVENT_FIELDS)
    chosen = tuple(dict.fromkeys(name.strip() for name in text.split(",") if name.strip()))
    unknown = [name for name in chosen if name not in known]
    if unknown or not chosen:
        what = f"unknown field {printable(unknown[0])!r}" if unknown else "no fields given"
        raise UsageError(f"--fields: {what}; the fields are {', '.join(known)}")
    return chosen


def counts(items: Sequence[Count]) -> list[output_types.Count]:
    return [{"key": item.key, "label": item.label, "count": item.count} for item in items]


def anniversaries(items: Sequence[Anniversary]) -> list[dict[str, Any]]:
    return [{"years_ago": item.years_ago, "event": record(item.event)} for item in items]
