"""Filters over the catalog: which events match, in what order. Pure functions, no output."""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

from otscli.errors import UsageError, printable
from otscli.models import KINDS, MEETING_FORMATS, STATUSES, Catalog, City, Event, Organ, PartialDate, Source, State
from otscli.names import Named, NameIndex, build_index, fold


class Filter(NamedTuple):
    """What to keep. Values of one field are ORed; different fields are ANDed; empty keeps all."""

    since: PartialDate | None = None
    until: PartialDate | None = None
    years: tuple[YearSpan, ...] = ()  # inclusive; None is an open end
    organs: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    hosts: frozenset[str] = frozenset()  # held in one of these states (by its city)
    kinds: frozenset[KindLabel] = frozenset()  # (kind, format), format None: any format
    statuses: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    numbers: frozenset[int] = frozenset()
    terms: tuple[Term, ...] = ()  # every term must appear; a term is met by any of its folded spellings

    def matches(self, event: Event, catalog: Catalog) -> bool:
        if self.since is not None or self.until is not None or self.years:
            first, last = event.first_day, event.last_day
            if self.since is not None and last < self.since.start:
                return False
            if self.until is not None and first > self.until.end:
                return False
            if self.years and not overlaps_any(self.years, first.year, last.year):
                return False
        return (
            (not self.organs or not self.organs.isdisjoint(event.organs))
            and (not self.cities or event.city in self.cities)
            and (not self.states or involves_state(event, catalog, self.states))
            and (not self.hosts or hosted_in(event, catalog, self.hosts))
            and (
                not self.kinds
                or any(kind == event.kind and form in (None, event.format or "ordinary") for kind, form in self.kinds)
            )
            and (not self.statuses or event.status in self.statuses)
            and (not self.tags or not self.tags.isdisjoint(event.tags))
            and (not self.numbers or event.number in self.numbers)
            and (not self.terms or contains_terms(event, self.terms))
        )


def overlaps_any(spans: Sequence[YearSpan], first: int, last: int) -> bool:
    """Whether the years first..last meet one of the spans: a span is met when they start by its end and end
    after its start."""
    return any((start is None or last >= start) and (end is None or first <= end) for start, end in spans)


def involves_state(event: Event, catalog: Catalog, states: frozenset[str]) -> bool:
    """Held in one of the states, or with one of them taking part."""
    host = catalog.state_of(event)
    return (host is not None and host.id in states) or not states.isdisjoint(event.states)


class Role(NamedTuple):
    """A state's part in an event: whether it was held there, and its standing in the organization that day."""

    host: bool
    status: str | None  # founding-member, member or observer on the event's first day; None when none


def role_of(catalog: Catalog, state: State, event: Event) -> Role:
    host = catalog.state_of(event)
    day = event.first_day
    standing = [entry.status for entry in state.membership
                if entry.since.start <= day and (entry.until is None or day <= entry.until.end)]  # fmt: skip
    return Role(host is not None and host.id == state.id, standing[-1] if standing else None)


def hosted_in(event: Event, catalog: Catalog, states: frozenset[str]) -> bool:
    host = catalog.state_of(event)
    return host is not None and host.id in states


Term = tuple[str, ...]


def contains_terms(event: Event, terms: Sequence[Term]) -> bool:
    """Every term appears, in one of its spellings, in the title, summary, outcomes, tags or id."""
    haystack = f" {fold(' '.join([event.title, event.summary, *event.outcomes, *event.tags, event.id]))} "
    return all(any(spelling in haystack for spelling in term) for term in terms)


def search_terms(text: str, catalog: Catalog) -> tuple[Term, ...]:
    """The query as terms: "quoted phrases" stay whole, other words stand alone. A term that names an organ, a
    state or a city also matches its other names and aliases, so "Turkey" finds what "Türkiye" finds."""
    pieces = re.findall(r'"([^"]*)"|(\S+)', text)
    words = dict.fromkeys(folded for phrase, word in pieces if (folded := fold(phrase or word)))  # each once
    other_names = alias_index(catalog) if words else {}
    return tuple(tuple(sorted({folded, *other_names.get(folded, ())})) for folded in words)


def alias_index(catalog: Catalog) -> dict[str, set[str]]:
    """Each folded name of a state, organ or city, to every folded name of the same record (of three letters or
    more), built once a search."""
    index: dict[str, set[str]] = {}
    for records in (catalog.states, catalog.organs, catalog.cities):
        for record in records:
            names = [fold(name) for name in (record.id, record.name, *record.aliases)]
            spellings = {name for name in names if len(name) > 2}
            for name in names:
                index.setdefault(name, set()).update(spellings)
    return index


EVERYTHING = Filter()


def select(
    catalog: Catalog, where: Filter = EVERYTHING, *, reverse: bool = False, limit: int | None = None
) -> list[Event]:
    """The matching events, oldest first (or newest first with `reverse`), at most `limit`."""
    found = [event for event in catalog.events if where.matches(event, catalog)]
    if reverse:
        found.reverse()
    return found if limit is None else found[:limit]


def events_citing(catalog: Catalog, source_id: str) -> list[Event]:
    return [event for event in catalog.events if source_id in event.sources]


class Criteria(NamedTuple):
    """Filter values as a person typed them: dates as text, names, ids or aliases."""

    since: str | None = None
    until: str | None = None
    years: Sequence[str | int] = ()  # 2019, "2019..2021", "2019..", "..2015"
    organs: Sequence[str] = ()
    cities: Sequence[str] = ()
    states: Sequence[str] = ()
    hosts: Sequence[str] = ()
    kinds: Sequence[str] = ()
    statuses: Sequence[str] = ()
    tags: Sequence[str] = ()
    numbers: Sequence[int] = ()
    text: str = ""

    def resolve(self, catalog: Catalog) -> Filter:
        """The Filter these words name; a bad date or an unknown name is a UsageError."""
        since, until = parse_date("--since", self.since), parse_date("--until", self.until)
        if since and until and since.start > until.end:
            raise UsageError(f"--since {since} is after --until {until}; nothing can match")
        return Filter(
            since=since,
            until=until,
            years=tuple(map(parse_years, self.years)),
            organs=resolve_names("organ", catalog.organs, self.organs),
            cities=resolve_names("city", catalog.cities, self.cities),
            states=resolve_names("state", catalog.states, self.states),
            hosts=resolve_names("state", catalog.states, self.hosts),
            kinds=frozenset(map(parse_kind, self.kinds)),
            statuses=frozenset(choose("status", status, STATUSES) for status in self.statuses),
            tags=frozenset(tag.strip().lower() for tag in self.tags),
            numbers=frozenset(self.numbers),
            terms=search_terms(self.text, catalog) if self.text else (),
        )


def resolve_names(what: str, records: Sequence[Named], names: Sequence[str]) -> frozenset[str]:
    """The ids that `names` name; the index of names is built only when there is a name to look up."""
    if not names:
        return frozenset()
    return frozenset(map(build_index(what, records).resolve, names))


def parse_date(option: str, value: str | None) -> PartialDate | None:
    """YYYY, YYYY-MM, YYYY-MM-DD, or today, yesterday or tomorrow (see otscli.clock)."""
    if value is None:
        return None
    from otscli.clock import relative_day

    day = relative_day(value)
    if day is not None:
        return PartialDate.parse(day.isoformat())
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise UsageError(f"{option}: {printable(str(error))}") from None


KindLabel = tuple[str, str | None]
FORMATTED_KINDS = ("summit", "meeting")  # the kinds that have an informal or extraordinary format


def parse_kind(value: str) -> KindLabel:
    """A kind as the Kind column prints it: "summit", or with its format, "informal summit"."""
    words = value.strip().lower().split()
    if len(words) == 2 and words[0] in MEETING_FORMATS:
        return choose("kind", words[1], KINDS), words[0]
    if len(words) < 2:
        return choose("kind", value, KINDS), None
    labels = [f"{form} {kind}" for form in MEETING_FORMATS if form != "ordinary" for kind in FORMATTED_KINDS]
    return choose("kind", value, labels), None  # a misspelt label: the error names the closest


YearSpan = tuple[int | None, int | None]
_YEARS = r"([0-9]{4})?(\.\.)?([0-9]{4})?"


def parse_years(value: str | int) -> YearSpan:
    """A year or a span of years: "2019", "2019..2021", "2019.." (from), "..2015" (up to), ends included; `today`
    and `yesterday` stand for their year ("2019..today")."""
    from otscli.clock import relative_day

    text = re.sub(
        r"(?i)today|yesterday|tomorrow", lambda word: f"{relative_day(word[0]) or ''}"[:4], str(value).strip()
    )
    match = re.fullmatch(_YEARS, text)
    start, dots, end = match.groups() if match else (None, None, None)
    if match is None or not (start or end) or (start and end and not dots) or (not dots and not start):
        raise UsageError(
            f"--year: {printable(text)!r} is not a year or a span of years (2019, 2019..2021, 2019.., ..2015)"
        )
    first = int(start) if start else None
    last = (int(end) if end else None) if dots else first
    if first is not None and last is not None and first > last:
        raise UsageError(f"--year: {printable(text)!r} ends before it starts")
    return first, last


def choose(what: str, value: str, allowed: Sequence[str]) -> str:
    """`value` if it is one of `allowed` (any case); else a UsageError naming the closest."""
    if value.strip().lower() in allowed:
        return value.strip().lower()
    close = difflib.get_close_matches(value.lower(), allowed, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else f"one of {', '.join(allowed)}"
    raise UsageError(f"unknown {what} {printable(value)!r}; {hint}")


# Names of the organization itself, which has organs but is not one.
ORGANIZATION_NAMES = frozenset(
    {"ots", "tdt", "organization of turkic states", "turkic council", "turk kenesi",
     "cooperation council of turkic speaking states", "ccts"}
)  # fmt: skip


def find_organ(catalog: Catalog, name: str) -> Organ:
    if fold(name) in ORGANIZATION_NAMES:
        raise UsageError(f"{printable(name)!r} is the organization itself, not one of its organs; see 'ots organs'")
    return catalog.organ_by_id[build_index("organ", catalog.organs).resolve(name)]


def find_state(catalog: Catalog, name: str) -> State:
    return catalog.state_by_id[build_index("state", catalog.states).resolve(name)]


def find_city(catalog: Catalog, name: str) -> City:
    return catalog.city_by_id[build_index("city", catalog.cities).resolve(name)]


def find_source(catalog: Catalog, name: str) -> Source:
    index = NameIndex("source")
    for source in catalog.sources:
        index.add(source.id, source.id, [source.title])
    return catalog.source_by_id[index.resolve(name)]


AMBIGUOUS_SHOWN = 10


def find_event(catalog: Catalog, event_id: str) -> Event:
    """The event with this id (in any case), or the one event whose id starts with it."""
    wanted = event_id.strip()
    if not wanted:
        raise UsageError("empty event id")
    if wanted in catalog.event_by_id:
        return catalog.event_by_id[wanted]
    folded = wanted.casefold()
    exact = [known for known in catalog.event_by_id if known.casefold() == folded]
    starting = exact or [known for known in catalog.event_by_id if known.casefold().startswith(folded)]
    if len(starting) == 1:
        return catalog.event_by_id[starting[0]]
    if starting:
        shown = ", ".join(starting[:AMBIGUOUS_SHOWN]) + (", …" if len(starting) > AMBIGUOUS_SHOWN else "")
        raise UsageError(f"ambiguous event id {printable(wanted)!r}: {len(starting)} events start with it: {shown}")
    close = difflib.get_close_matches(wanted, list(catalog.event_by_id), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see 'ots list' for ids"
    raise UsageError(f"unknown event {printable(wanted)!r}{hint}")


Grouping = Literal["year", "organ", "city", "state", "kind"]
GROUPINGS: tuple[Grouping, ...] = get_args(Grouping)


@dataclass(frozen=True)
class Count:
    """How many events share one value of a grouping; `key` is None for events without one."""

    key: str | None
    label: str
    count: int


GROUPING_WORDS = {"country": "state", "countries": "state", "nation": "state", "member": "state", "body": "organ",
                  "place": "city", "town": "city", "type": "kind", "date": "year"}  # fmt: skip


def grouping(value: str) -> Grouping:
    """The grouping `value` names (any case); else a UsageError naming the closest, by meaning first."""
    meant = GROUPING_WORDS.get(value.strip().lower())
    if meant is not None:
        raise UsageError(f"unknown --by value {printable(value)!r}; did you mean {meant}?")
    chosen = choose("--by value", value, GROUPINGS)
    return next(name for name in GROUPINGS if name == chosen)


def counted(events: Sequence[Event]) -> list[Event]:
    """The events that count: an act done at a meeting that is among `events` (a declaration adopted at a summit)
    counts with the meeting, not on its own. `organ`, `stats` (within each group) and `coverage` all count
    this way."""
    selected = {event.id for event in events}
    return [event for event in events if event.part_of not in selected]


def count_by(catalog: Catalog, events: Sequence[Event], by: Grouping) -> list[Count]:
    """Events counted per year (oldest first, the empty years between as 0) or per organ, city, state or kind
    (most first). An act done at a meeting that is among `events` counts with it wherever the meeting counts
    too, so a declaration adopted at a summit adds nothing to the summit's year, organ or state (see counted)."""
    by_id = {event.id: event for event in events}
    if by == "year":
        return count_years(events, by_id)
    keys_of = {event.id: group_keys(catalog, event, by) for event in events}
    tally: dict[str | None, int] = {}
    for event in events:
        meeting_keys = set(keys_of[event.part_of]) if event.part_of in by_id else set()
        for key in keys_of[event.id]:
            if key not in meeting_keys:
                tally[key] = tally.get(key, 0) + 1
    counts = [Count(key, label_of(catalog, by, key), count) for key, count in tally.items()]
    return sorted(counts, key=lambda count: (-count.count, fold(count.label)))


def count_years(events: Sequence[Event], by_id: dict[str, Event]) -> list[Count]:
    """Per year, the events that fall in it (one over several years counts in each), oldest first, with the
    empty years between them as 0: a change at each event's first year and after its last, summed over the
    years, so a long span costs nothing more. An act counts only in years its meeting does not."""
    change: dict[int, int] = {}

    def add(first: int, last: int) -> None:
        if first <= last:
            change[first] = change.get(first, 0) + 1
            change[last + 1] = change.get(last + 1, 0) - 1

    for event in events:
        first, last = event.first_day.year, event.last_day.year
        meeting = by_id.get(event.part_of or "")
        if meeting is None:
            add(first, last)
        else:  # the act's years outside its meeting's
            add(first, min(last, meeting.first_day.year - 1))
            add(max(first, meeting.last_day.year + 1), last)
    counts, running = [], 0
    years = sorted(change)
    for year, following in itertools.pairwise(years):
        running += change[year]
        counts += [Count(str(y), str(y), running) for y in range(year, following)]
    while counts and counts[-1].count == 0:
        counts.pop()
    while counts and counts[0].count == 0:
        counts.pop(0)
    return counts


def group_keys(catalog: Catalog, event: Event, by: Grouping) -> list[str | None]:
    if by == "year":
        return [str(year) for year in range(event.first_day.year, event.last_day.year + 1)]
    if by == "organ":
        return list(event.organs) or [None]
    if by == "city":
        return [event.city]
    if by == "state":
        host = catalog.state_of(event)
        involved = dict.fromkeys([host.id] if host else [])
        involved.update(dict.fromkeys(event.states))
        return list(involved) or [None]
    return [event.kind]


def label_of(catalog: Catalog, by: Grouping, key: str | None) -> str:
    if key is None:
        return f"(no {by})"
    if by == "organ":
        return catalog.organ_by_id[key].name
    if by == "city":
        return catalog.city_by_id[key].name
    if by == "state":
        return catalog.state_by_id[key].name
    return key


class Anniversary(NamedTuple):
    years_ago: int
    event: Event


def parse_month_day(value: str | None, today: dt.date) -> tuple[int, int]:
    """MM-DD (default: today), or today or yesterday, as (month, day); 02-29 is allowed."""
    from otscli.clock import relative_day

    if value is None:
        return today.month, today.day
    relative = relative_day(value)
    if relative is not None:
        return relative.month, relative.day
    match = re.fullmatch(r"([0-9]{2})-([0-9]{2})", value.strip())
    try:
        if match is None:
            raise ValueError
        month, day = int(match.group(1)), int(match.group(2))
        dt.date(2000, month, day)  # a leap year, so 02-29 passes
    except ValueError:
        raise UsageError(f"--date: {printable(value)!r} is not a day of the year as MM-DD") from None
    return month, day


def on_this_day(catalog: Catalog, month: int, day: int, today: dt.date) -> list[Anniversary]:
    """Events known to the day that fell on this month and day in years before this one, newest first."""
    found = []
    for event in catalog.events:
        if event.date.precision != "day" or event.first_day.year >= today.year:
            continue
        # The first year on or after the start with this day: within eight years even for 29 February.
        for year in range(event.first_day.year, min(event.last_day.year, event.first_day.year + 8) + 1):
            with contextlib.suppress(ValueError):
                if event.first_day <= dt.date(year, month, day) <= event.last_day:
                    found.append(Anniversary(today.year - year, event))
                    break
    return sorted(found, key=lambda item: (item.years_ago, item.event.sort_key))
