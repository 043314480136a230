"""The kinds of record a data file holds, declared once: their tables, record types, names and references.

The loader, validation, the cache, the cross-file checks, the lookups and the listings derive what they need
from KINDS; adding a kind of record is one line here, its record type in otscli.models and its renderer.
"""

from __future__ import annotations

from typing import Any

from otscli.frozen import Frozen, frozen_record
from otscli.models import City, Claim, Event, Organ, Source, State


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
