"""Pydantic over the records of otscli.models: raw TOML data in, checked records out.

Imported only when a file is parsed (a cache miss), an event is added or the schema is printed: pydantic's
import and schema building are most of a cold start, and a cached run needs neither.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from otscli.kinds import KINDS, data_file_type
from otscli.models import Event

RECORD_TYPES: dict[str, Any] = {kind.table: kind.record_type for kind in KINDS}

if TYPE_CHECKING:
    from pydantic import TypeAdapter


@cache
def adapter(record_type: type[Any]) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    return TypeAdapter(record_type)


def data_file(tables: dict[str, Any]) -> Any:
    """The tables of one file, checked, as a record of `data_file_type()`; raises pydantic.ValidationError listing
    every problem."""
    return adapter(data_file_type()).validate_python(tables)


Rejected = tuple[str, int, Any]  # a record that failed validation: its table, its index there, its raw value


def valid_part(tables: dict[str, Any]) -> tuple[Any, dict[tuple[str, int], int], list[Rejected]]:
    """The records of a file that fails validation that are valid on their own, so that they can still be checked
    against the other files; with, for each kept record, the index it had in its table; and the records refused,
    whose references are still checked."""
    from pydantic import ValidationError

    kept: dict[str, Any] = {}
    places: dict[tuple[str, int], int] = {}
    rejected: list[Rejected] = []
    for table, record_type in RECORD_TYPES.items():
        rows = tables.get(table)
        kept[table] = []
        for index, row in enumerate(rows if isinstance(rows, list) else []):
            try:
                kept[table].append(adapter(record_type).validate_python(row))
            except (ValidationError, RecursionError):
                rejected.append((table, index, row))
                continue
            places[(table, len(kept[table]) - 1)] = index
    return data_file_type()(**kept), places, rejected


def event(fields: dict[str, Any]) -> Event:
    """One event, checked; raises pydantic.ValidationError."""
    checked: Event = adapter(Event).validate_python(fields)
    return checked


def event_as_toml_data(checked: Event) -> dict[str, Any]:
    """The event's fields that differ from their defaults, as TOML-ready values."""
    data: dict[str, Any] = adapter(Event).dump_python(checked, mode="json", exclude_defaults=True)
    return data
