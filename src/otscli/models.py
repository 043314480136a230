"""The types of the event store: partial dates, events, registries and the catalog. No I/O.

The records are plain frozen dataclasses, so that reading the cache and printing need no pydantic.
Pydantic validates them (otscli.validation) from these annotations: the `Rules` markers carry the
constraints and build their pydantic schema only when pydantic asks for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, NamedTuple, get_args

_PARTIAL_DATE = r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"  # ASCII digits only; compiled on first use
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 and C1 controls (Unicode category Cc) and the bidirectional controls; prose may hold newlines and tabs.
_FORBIDDEN_IN_LINE = f"[\x00-\x1f\x7f-\x9f{_BIDI_CONTROLS}]"
_FORBIDDEN_IN_PROSE = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}]"
# Characters that print as nothing, so that "Ba\u200bku" would look like Baku: zero-width and joiner
# characters, the byte-order mark, the soft hyphen, line and paragraph separators, tag characters and
# the rest of Unicode's format category. Prose may keep the joiners that some scripts need.
# Blank letters and marks that Python counts as printable: the combining grapheme joiner, the Hangul fillers,
# the variation selectors (Mongolian, standard and supplementary) and the braille blank.
_BLANK_PRINTABLE = "\u034f\u115f\u1160\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef"
# Every character of Unicode's format category (Cf) as of Unicode 14, less the bidi controls refused above.
_FORMAT = ("\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff"
           "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
           "\U000e0001\U000e0020-\U000e007f")  # fmt: skip
_INVISIBLE = f"[{_FORMAT}{_BLANK_PRINTABLE}\u2028\u2029]"
_INVISIBLE_IN_PROSE = _INVISIBLE.replace("\u200b-\u200d", "\u200b")  # prose keeps the joiners some scripts need
_blank_printable: re.Pattern[str] | None = None
# Equal dates are one object within a load (see sharing_dates); no memo outlives the load.
_shared_dates: dict[str, PartialDate] | None = None


@contextmanager
def sharing_dates() -> Iterator[None]:
    """Within the block, equal date texts parse to one PartialDate: thousands of events share a few hundred
    dates, and the cache then stores and loads each once. Outside every block nothing is kept."""
    global _shared_dates
    outer = _shared_dates
    _shared_dates = {} if outer is None else outer
    try:
        yield
    finally:
        _shared_dates = outer


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; it stands for the interval it covers."""

    year: int
    month: int | None = None
    day: int | None = None
    # The first and the last day of the interval this date stands for, set once here: sorting and filtering ask
    # for them again and again, and equal dates are one object (see sharing_dates and the cache).
    start: dt.date = field(init=False, repr=False, compare=False)
    end: dt.date = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._check()
        month, day = self.month, self.day
        object.__setattr__(self, "start", dt.date(self.year, month or 1, day or 1))
        object.__setattr__(self, "end", dt.date(self.year, month or 12, day or days_in_month(self.year, month or 12)))

    def _check(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None:
            last = days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                raise ValueError(f"{self} does not exist: {_MONTHS[self.month - 1]} {self.year} has {last} days")

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read "YYYY", "YYYY-MM", "YYYY-MM-DD" or a TOML date; anything else is a ValueError."""
        memo = _shared_dates
        if memo is not None and type(value) is str and value in memo:
            return memo[value]
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("a date and time was given where a date belongs; write YYYY, YYYY-MM or YYYY-MM-DD")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not {type(value).__name__}")
        match = re.fullmatch(_PARTIAL_DATE, value.strip())
        if match is None:
            raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        parsed = cls(year, month, day)
        if memo is not None:
            memo[value] = parsed
        return parsed

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def display(self) -> str:
        """The date for a person, at the precision it has: "2017", "Nov 2017", "3 Nov 2017"."""
        if self.month is None:
            return str(self.year)
        month = _MONTHS[self.month - 1]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __lt__(self, other: PartialDate) -> bool:
        return (self.start, self.end) < (other.start, other.end)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "A date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.",
        }


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def meets(first: dt.date, last: dt.date, since: PartialDate | None, until: PartialDate | None) -> bool:
    """Whether the days first..last meet the span from `since` to `until` (None: an open end): they end on or
    after its first day and start on or before its last."""
    return (since is None or last >= since.start) and (until is None or first <= until.end)


def display_span(first: PartialDate, last: PartialDate | None) -> str:
    """A date or a range for a person: "21–22 Dec 2015", "30 Sep – 2 Oct 2020", "2019"."""
    if last is None or last == first:
        return first.display()
    if first.precision == last.precision == "day" and first.year == last.year:
        if first.month == last.month:
            return f"{first.day}–{last.display()}"
        assert first.month is not None
        return f"{first.day} {_MONTHS[first.month - 1]} – {last.display()}"
    return f"{first.display()} – {last.display()}"


def _blank(text: str) -> re.Match[str] | None:
    global _blank_printable
    if _blank_printable is None:
        _blank_printable = re.compile(f"[{_BLANK_PRINTABLE}]")
    return _blank_printable.search(text)


def _forbid_control_characters(text: str, allow_newlines: bool) -> str:
    if text.isprintable() and not _blank(text):  # str.isprintable refuses the categories looked for below
        return text
    found = re.search(_FORBIDDEN_IN_PROSE if allow_newlines else _FORBIDDEN_IN_LINE, text)
    if found is not None:
        char, position = found.group(), found.start()
        what = "bidirectional control character" if char in _BIDI_CONTROLS else "control character"
        raise ValueError(f"{what} U+{ord(char):04X} at position {position}")
    found = re.search("[\ud800-\udfff]", text)
    if found is not None:
        raise ValueError(f"bytes that are not valid UTF-8 at position {found.start()}")
    found = re.search(_INVISIBLE_IN_PROSE if allow_newlines else _INVISIBLE, text)
    if found is not None:
        raise ValueError(f"invisible character U+{ord(found.group()):04X} at position {found.start()}")
    return text


def _check_line(text: str) -> str:
    if text.isprintable() and text.strip() and not _blank(text):  # the common case
        return text
    if not text.strip():
        raise ValueError("must not be empty")
    return _forbid_control_characters(text, allow_newlines=False)


def _check_prose(text: str) -> str:
    return _forbid_control_characters(text, allow_newlines=True)


def _check_url(text: str) -> str:
    if not re.fullmatch(r"https?://\S+", text):
        raise ValueError(f"{text!r} is not an http(s) address")
    return _check_line(text)


class Rules(NamedTuple):
    """`Annotated` metadata for pydantic: constraints merged into the type's own schema, then a check."""

    constraints: tuple[tuple[str, object], ...] = ()
    check: Callable[[str], str] | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        schema = {**handler(source), **dict(self.constraints)}
        if self.check is None:
            return schema
        return core_schema.no_info_after_validator_function(self.check, schema)


def rules(check: Callable[[str], str] | None = None, **constraints: object) -> Rules:
    return Rules(tuple(constraints.items()), check)


# TOML gives no bytes, so a lax string would be a strict one; booleans and integers must not be coerced.
Line = Annotated[str, rules(_check_line, strict=True)]
Prose = Annotated[str, rules(_check_prose, strict=True)]
Url = Annotated[str, rules(_check_url, strict=True)]
ID_REGEX = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
Id = Annotated[str, rules(pattern=ID_REGEX, max_length=120, strict=True)]
# A BCP 47 tag of the common shape: a lowercase language, then optionally a script and a region ("en", "uz-Cyrl",
# "pt-BR", "es-419"); citation managers and pandoc read these, and a typo such as "EN" or "english" is refused.
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"
Language = Annotated[str, rules(pattern=LANGUAGE_PATTERN, strict=True)]
Flag = Annotated[bool, rules(strict=True)]
MAX_ORDINAL = 9999  # the 42nd session is the longest series so far; a bound keeps gaps in a series small
Ordinal = Annotated[int, rules(ge=1, le=MAX_ORDINAL, strict=True)]

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


class Record:
    """What every record shares: pydantic's settings, and equality, hashing and repr by field values.

    Dataclass strict mode would refuse TOML's tables, so strictness is on the field types above. Every JSON key
    is always present: the output schema marks them required. The records are declared `eq=False, repr=False`
    and get these three methods from here, as the dataclass would write them: generating them for every record
    class took 2 ms of every start of ots.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "json_schema_serialization_defaults_required": True,
    }
    __dataclass_fields__: ClassVar[dict[str, Any]]  # set on each record class by @dataclass

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return isinstance(other, Record) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={value!r}" for name, value in zip(self.__dataclass_fields__, self._values(), strict=True)
        )
        return f"{type(self).__qualname__}({fields})"


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Dispute(Record):
    """Another value a source gives for one field of an event."""

    field: Line
    value: Line
    source: Id
    note: Prose = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
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


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
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


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Organ(Record):
    """A body of the organization, a related body or a predecessor, that events belong to."""

    id: Id
    name: Line
    kind: OrganKind
    aliases: tuple[Line, ...] = field(default_factory=tuple)
    summary: Prose = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Membership(Record):
    """A state's standing in the organization from a date, and until one."""

    status: MembershipStatus
    since: PartialDate
    until: PartialDate | None = None
    event: Id | None = None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class State(Record):
    """A state, member or observer, with its membership over time."""

    id: Id
    name: Line
    aliases: tuple[Line, ...] = field(default_factory=tuple)
    membership: tuple[Membership, ...] = field(default_factory=tuple)


Latitude = Annotated[float, rules(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, rules(ge=-180, le=180, allow_inf_nan=False)]
Count = Annotated[int, rules(ge=0, strict=True)]
Qualifier = Literal["exactly", "at least", "more than"]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class City(Record):
    """A city where events took place, in a state, with its coordinates where a source gives them."""

    id: Id
    name: Line
    state: Id
    aliases: tuple[Line, ...] = field(default_factory=tuple)
    lat: Latitude | None = None
    lon: Longitude | None = None
    location_source: Id | None = None  # the source that gives lat and lon


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
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


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class DataFile(Record):
    """One TOML file as written: every table is optional, `format` defaults to 1."""

    format: Literal[1] = 1
    as_of: PartialDate | None = None  # the day up to which the file was checked against public reports
    source: list[Source] = field(default_factory=list)
    organ: list[Organ] = field(default_factory=list)
    state: list[State] = field(default_factory=list)
    city: list[City] = field(default_factory=list)
    event: list[Event] = field(default_factory=list)
    claim: list[Claim] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Catalog:
    """Everything loaded and checked, merged from all files; events sorted by interval, then id."""

    sources: list[Source] = field(default_factory=list)
    organs: list[Organ] = field(default_factory=list)
    states: list[State] = field(default_factory=list)
    cities: list[City] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    as_of: PartialDate | None = None  # the earliest `as_of` of the files: the record is checked up to that day
    files: tuple[str, ...] = ()  # the data files read, as their names are shown, bundled first

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def organ_by_id(self) -> dict[str, Organ]:
        return {organ.id: organ for organ in self.organs}

    @cached_property
    def state_by_id(self) -> dict[str, State]:
        return {state.id: state for state in self.states}

    @cached_property
    def city_by_id(self) -> dict[str, City]:
        return {city.id: city for city in self.cities}

    @cached_property
    def event_by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def parts_by_meeting(self) -> dict[str, list[Event]]:
        parts: dict[str, list[Event]] = {}
        for event in self.events:
            if event.part_of is not None:
                parts.setdefault(event.part_of, []).append(event)
        return parts

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
