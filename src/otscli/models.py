"""The records of the event store (events, sources, organs, states, cities, claims), their closed vocabularies,
and the catalog they are merged into. No I/O.

The records are plain frozen dataclasses, so that reading the cache and printing need no pydantic.
Pydantic validates them (otscli.validation) from these annotations: the field types of otscli.field_types
carry the constraints and build their pydantic schema only when pydantic asks for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import field
from functools import cached_property
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar, dataclass_transform, get_args

from otscli.dates import PartialDate, display_span
from otscli.field_types import Count, Flag, Id, Language, Latitude, Line, Longitude, Ordinal, Prose, Url, rules
from otscli.frozen import Frozen, frozen_record

Kind = Literal[
    "summit",
    "meeting",
    "consultation",
    "training",
    "observation",
    "agreement",
    "document",
    "membership",
    "renaming",
    "institution",
    "designation",
    "award",
    "chairmanship",
    "appointment",
    "conference",
    "publication",
]
KINDS: tuple[str, ...] = get_args(Kind)
Status = Literal["held", "planned", "cancelled"]
STATUSES: tuple[str, ...] = get_args(Status)
MeetingFormat = Literal["ordinary", "informal", "extraordinary"]
MEETING_FORMATS: tuple[str, ...] = get_args(MeetingFormat)
FORMATTED_KINDS = ("summit", "meeting")  # the kinds whose format (informal, extraordinary) is part of their label


def kind_label(kind: str, form: str | None) -> str:
    """A kind as people name it and as `--kind` takes it: "summit", "informal summit"."""
    return kind if form in (None, "ordinary") else f"{form} {kind}"


KIND_LABELS: tuple[str, ...] = (
    *KINDS,
    *(kind_label(kind, form) for form in MEETING_FORMATS if form != "ordinary" for kind in FORMATTED_KINDS),
)
OrganKind = Literal["principal", "related", "mechanism", "predecessor"]
MembershipStatus = Literal["founding-member", "member", "observer"]


@dataclass_transform(frozen_default=True, kw_only_default=True, eq_default=False, field_specifiers=(field,))
class Record(Frozen):
    """What every record of the data shares: each record class is made a frozen record with keyword-only fields
    as it is declared (otscli.frozen), and pydantic's settings.

    Dataclass strict mode would refuse TOML's tables, so strictness is on the field types above. Every JSON key
    is always present: the output schema marks them required.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "json_schema_serialization_defaults_required": True,
    }

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        frozen_record(cls)


class Dispute(Record):
    """Another value a source gives for one field of an event."""

    field: Line
    value: Line
    source: Id
    note: Prose = ""


class Event(Record):
    """One dated happening: a summit, a meeting, an agreement signed, a member admitted."""

    id: Id
    date: PartialDate
    end: PartialDate | None = None
    title: Line
    kind: Kind
    status: Status = "held"
    format: MeetingFormat | None = None
    number: Ordinal | None = None
    organs: tuple[Id, ...] = field(default_factory=tuple)
    city: Id | None = None
    online: Flag = False
    states: tuple[Id, ...] = field(default_factory=tuple)
    summary: Prose = ""
    outcomes: tuple[Line, ...] = field(default_factory=tuple)
    tags: tuple[Id, ...] = field(default_factory=tuple)
    sources: Annotated[tuple[Id, ...], rules(min_length=1)]
    disputed: tuple[Dispute, ...] = field(default_factory=tuple)
    part_of: Id | None = None  # the meeting this act (a document adopted, an appointment) happened at
    # Where the event was read from: "bundled", or a user's file as it was named. Not a field of the data: the
    # loader sets it on the events of a user's file (otscli.store.mark_origin).
    origin: ClassVar[str] = "bundled"

    def __post_init__(self) -> None:
        if self.end is not None and self.end.start < self.date.start:
            raise ValueError(f"end {self.end} is before date {self.date}")

    @property
    def first_day(self) -> dt.date:
        return self.date.start

    @property
    def last_day(self) -> dt.date:
        return (self.end or self.date).end

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        return (self.first_day, self.last_day, self.id)

    @property
    def display_date(self) -> str:
        return display_span(self.date, self.end)

    @property
    def is_planned(self) -> bool:
        return self.status == "planned"

    @property
    def overdue(self) -> bool:
        """Planned, and its last possible day lies before today (otscli.clock): the record holds no report of it.
        Its status stays as recorded."""
        from otscli.clock import today

        return self.status == "planned" and self.last_day < today()

    @property
    def is_disputed(self) -> bool:
        return bool(self.disputed)


class Source(Record):
    """A publication that events cite."""

    id: Id
    title: Line
    language: Language | None = None  # of the page, as a BCP 47 tag: styles then leave a title's case alone
    publisher: Line | None = None
    author: Line | None = None
    date: PartialDate | None = None
    url: Url | None = None
    note: Prose = ""


class Organ(Record):
    """A body of the organization, a related body or a predecessor, that events belong to."""

    id: Id
    name: Line
    kind: OrganKind
    aliases: tuple[Line, ...] = field(default_factory=tuple)
    summary: Prose = ""


class Membership(Record):
    """A state's standing in the organization from a date, and until one."""

    status: MembershipStatus
    since: PartialDate
    until: PartialDate | None = None
    event: Id | None = None


# The fields of the records that hold a PartialDate, and those that hold records of their own: the cache and the
# JSON writer convert only these and pass every other value as it is.
DATE_FIELDS = frozenset({"date", "end", "since", "until", "as_of"})
NESTED_RECORDS: dict[str, type[Record]] = {"disputed": Dispute, "membership": Membership}


class State(Record):
    """A state, member or observer, with its membership over time."""

    id: Id
    name: Line
    aliases: tuple[Line, ...] = field(default_factory=tuple)
    membership: tuple[Membership, ...] = field(default_factory=tuple)


Qualifier = Literal["exactly", "at least", "more than"]


class City(Record):
    """A city where events took place, in a state, with its coordinates where a source gives them."""

    id: Id
    name: Line
    state: Id
    aliases: tuple[Line, ...] = field(default_factory=tuple)
    lat: Latitude | None = None
    lon: Longitude | None = None
    location_source: Id | None = None  # the source that gives lat and lon


class Claim(Record):
    """A count that a source gives of a series of events (for example "11 meetings by 2015"), so that the record
    can say what it lacks."""

    id: Id
    organ: Id
    what: Line
    count: Count
    qualifier: Qualifier = "exactly"
    kind: Kind | None = None
    format: MeetingFormat | None = None
    numbered: Flag = False  # the series is the numbered one (plenary sessions, not every meeting of the organ)
    since: PartialDate | None = None
    until: PartialDate | None = None
    source: Id
    note: Prose = ""


class DeferredTable:
    """A table of a Catalog read from the cache, rebuilt when a command first asks for it: most commands need a
    few of the six. A non-data descriptor: a Catalog made with its lists finds each in its own dict first and never
    comes here."""

    def __init__(self, table: str) -> None:
        self.table = table

    def __get__(self, catalog: Catalog | None, owner: type | None = None) -> Any:
        if catalog is None:
            return self
        return catalog.derived(self.table, self.not_kept)  # kept in the catalog: found before this from now on

    def not_kept(self, catalog: Catalog) -> Any:
        raise AttributeError(f"this catalog was made without its {self.table}")


DEFERRED = "_deferred_tables"


IndexedRecord = TypeVar("IndexedRecord")


class IdIndex(Generic[IndexedRecord]):
    """A Catalog's records of one table by id, built on first use and then kept in the catalog, as
    functools.cached_property keeps a value (unannotated in the class, so no dataclass field)."""

    def __init__(self, table: str) -> None:
        self.table = table

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, catalog: Catalog, owner: type | None = None) -> dict[str, IndexedRecord]:
        index = {record.id: record for record in getattr(catalog, self.table)}
        catalog.__dict__[self.name] = index  # found before this descriptor from now on
        return index


@frozen_record
class Catalog(Frozen):
    """Everything loaded and checked, merged from all files; events sorted by interval, then id."""

    sources: list[Source] = field(default_factory=list)
    organs: list[Organ] = field(default_factory=list)
    states: list[State] = field(default_factory=list)
    cities: list[City] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    as_of: PartialDate | None = None  # the earliest `as_of` of the files: the record is checked up to that day
    files: tuple[str, ...] = ()  # the data files read, as their names are shown, bundled first

    source_by_id = IdIndex[Source]("sources")
    organ_by_id = IdIndex[Organ]("organs")
    state_by_id = IdIndex[State]("states")
    city_by_id = IdIndex[City]("cities")
    event_by_id = IdIndex[Event]("events")
    claim_by_id = IdIndex[Claim]("claims")

    @cached_property
    def parts_by_meeting(self) -> dict[str, list[Event]]:
        parts: dict[str, list[Event]] = {}
        for event in self.events:
            if event.part_of is not None:
                parts.setdefault(event.part_of, []).append(event)
        return parts

    @classmethod
    def with_deferred_tables(cls, deferred: dict[str, Callable[[], list[Any]]], **values: Any) -> Catalog:
        """A catalog whose tables named in `deferred` are made by their function when first read, the others as
        given in `values` (the cache's way to read only what a command asks for)."""
        catalog = object.__new__(cls)
        object.__setattr__(catalog, "__dict__", {**values, DEFERRED: dict(deferred)})
        return catalog

    def derived(self, name: str, make: Callable[[Catalog], Any]) -> Any:
        """A value worked out from the whole catalog (by `make`) once, or read from the cache entry that keeps it
        beside the tables (otscli.cache); then kept."""
        if name not in self.__dict__:
            deferred = self.__dict__.get(DEFERRED, {}).pop(name, None)
            self.__dict__[name] = deferred() if deferred is not None else make(self)
        return self.__dict__[name]

    def parts_of(self, event: Event) -> list[Event]:
        """The acts (documents, appointments, designations) that happened at this meeting."""
        return self.parts_by_meeting.get(event.id, [])

    def state_of(self, event: Event) -> State | None:
        """The state an event was held in, from its city."""
        city = self.city_by_id.get(event.city or "")
        return self.state_by_id.get(city.state) if city else None

    def states_involved(self, event: Event) -> list[str]:
        """The ids of the states an event involves: the one it was held in first, then those taking part."""
        host = self.state_of(event)
        return list(dict.fromkeys([host.id, *event.states] if host else event.states))

    def sources_of(self, event: Event) -> list[Source]:
        """The sources an event cites, in its order."""
        return [self.source_by_id[source_id] for source_id in event.sources if source_id in self.source_by_id]


for _table, _declared in Catalog.__dataclass_fields__.items():
    if _declared.default_factory is list:  # the six tables
        setattr(Catalog, _table, DeferredTable(_table))
