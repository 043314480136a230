"""Pydantic over the records of otscli.models: raw TOML data in, checked records out.

Imported only when a file is parsed (a cache miss), an event is added or the schema is printed: pydantic's
import and schema building are most of a cold start, and a cached run needs neither.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from otscli.models import DataFile, Event

if TYPE_CHECKING:
    from pydantic import TypeAdapter


@cache
def adapter(record_type: type[Any]) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    return TypeAdapter(record_type)


def data_file(tables: dict[str, Any]) -> DataFile:
    """The tables of one file, checked; raises pydantic.ValidationError listing every problem."""
    file: DataFile = adapter(DataFile).validate_python(tables)
    return file


def event(fields: dict[str, Any]) -> Event:
    """One event, checked; raises pydantic.ValidationError."""
    checked: Event = adapter(Event).validate_python(fields)
    return checked


def event_as_toml_data(checked: Event) -> dict[str, Any]:
    """The event's fields that differ from their defaults, as TOML-ready values."""
    data: dict[str, Any] = adapter(Event).dump_python(checked, mode="json", exclude_defaults=True)
    return data
