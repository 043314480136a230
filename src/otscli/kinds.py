"""The kinds of record a data file holds, declared once: their tables, record types, names and references.

The loader, validation, the cache, the cross-file checks, the lookups and the listings derive what they need
from KINDS, and so does the record of one data file (`data_file_type`); adding a kind of record is one line here,
its record type and its list in the Catalog (otscli.models), and its renderer.
"""

from __future__ import annotations

import functools
import types
from dataclasses import field
from typing import Any, Literal

from otscli.dates import PartialDate
from otscli.frozen import Frozen, frozen_record
from otscli.models import City, Claim, Event, Organ, Record, Source, State


@frozen_record(kw_only=False)
class Reference(Frozen):
    """A field of a record that holds the id of another record: `path` from the record to the ids (through
    nested records, such as an event's `disputed`), the table they name, and the field named in a message."""

    path: tuple[str, ...]
    target: str
    shown: str

    @property
    def field(self) -> str:
        return self.path[0]


def refers(path: str, target: str, shown: str | None = None) -> Reference:
    parts = tuple(path.split("."))
    return Reference(parts, target, shown or parts[0])


@frozen_record(kw_only=False)
class Kind(Frozen):
    """One kind of record: its TOML table (`[[event]]`), its plural (the Catalog attribute, the listing command,
    the JSON key of a list), its record type, whether it has a name and aliases that find it, and its references.
    """

    table: str
    plural: str
    record_type: type[Any]
    named: bool  # found by its name or an alias, which no other record of its kind may share
    registry: bool  # has its own commands: `ots organ NAME` and `ots organs`
    references: tuple[Reference, ...] = ()

    @property
    def index(self) -> str:
        """The Catalog attribute that finds a record by its id."""
        return f"{self.table}_by_id"


KINDS: tuple[Kind, ...] = (
    Kind("source", "sources", Source, named=False, registry=True),
    Kind("organ", "organs", Organ, named=True, registry=True),
    Kind("state", "states", State, named=True, registry=True, references=(refers("membership.event", "event"),)),
    Kind("city", "cities", City, named=True, registry=True,
         references=(refers("state", "state"), refers("location_source", "source"))),
    Kind("event", "events", Event, named=False, registry=False,
         references=(refers("organs", "organ"), refers("city", "city"), refers("states", "state"),
                     refers("sources", "source"), refers("disputed.source", "source", "source"),
                     refers("part_of", "event"))),
    Kind("claim", "claims", Claim, named=False, registry=False,
         references=(refers("organ", "organ"), refers("source", "source"))),
)  # fmt: skip

TABLES: tuple[str, ...] = tuple(kind.table for kind in KINDS)
BY_TABLE: dict[str, Kind] = {kind.table: kind for kind in KINDS}
NAMED: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.named)  # organ, state, city
# organ, state, city, then source: the named ones first, as `ots --help`, the site and the README list them
REGISTRIES: tuple[Kind, ...] = tuple(sorted((kind for kind in KINDS if kind.registry), key=lambda kind: not kind.named))


@functools.cache
def data_file_type() -> type:
    """The record of one data file as written: `format` (1), `as_of`, and a list for each kind's table, every one
    of them optional. Made from KINDS when a file is first read (a run answered from the cache reads none),
    so that no kind's table is declared anywhere else."""
    annotations: dict[str, Any] = {"format": Literal[1], "as_of": PartialDate | None}
    defaults: dict[str, Any] = {"format": 1, "as_of": None}
    for kind in KINDS:
        annotations[kind.table] = list[kind.record_type]  # type: ignore[name-defined]
        defaults[kind.table] = field(default_factory=list)

    about = "One TOML file as written: every table is optional, `format` defaults to 1."

    def body(namespace: dict[str, Any]) -> None:
        namespace.update(defaults, __annotations__=annotations, __module__=__name__, __doc__=about)

    return types.new_class("DataFile", (Record,), exec_body=body)
