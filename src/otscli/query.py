"""Which events match a filter, in what order, and the records a name or id stands for. Pure functions, no
output; what a person typed becomes a Filter in otscli.criteria."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import NamedTuple

from otscli.dates import PartialDate, meets
from otscli.errors import UnknownName, UsageError, printable
from otscli.models import Catalog, City, Event, Organ, Source, State
from otscli.names import NameIndex, build_index, fold

KindLabel = tuple[str, str | None]  # (kind, format); format None: any format
YearSpan = tuple[int | None, int | None]


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
            if not meets(first, last, self.since, self.until):
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
            and (not self.terms or contains_terms(event, self.terms, catalog))
        )


def overlaps_any(spans: Sequence[YearSpan], first: int, last: int) -> bool:
    """Whether the years first..last meet one of the spans: a span is met when they start by its end and end
    after its start."""
    return any((start is None or last >= start) and (end is None or first <= end) for start, end in spans)


def involves_state(event: Event, catalog: Catalog, states: frozenset[str]) -> bool:
    """Held in one of the states, or with one of them taking part."""
    return not states.isdisjoint(catalog.states_involved(event))


class Role(NamedTuple):
    """A state's part in an event: whether it was held there, and its standing in the organization that day."""

    host: bool
    status: str | None  # founding-member, member or observer on the event's first day; None when none


def role_of(catalog: Catalog, state: State, event: Event) -> Role:
    host = catalog.state_of(event)
    day = event.first_day
    standing = [entry.status for entry in state.membership if meets(day, day, entry.since, entry.until)]
    return Role(host is not None and host.id == state.id, standing[-1] if standing else None)


def hosted_in(event: Event, catalog: Catalog, states: frozenset[str]) -> bool:
    host = catalog.state_of(event)
    return host is not None and host.id in states


Term = tuple[str, ...]


def contains_terms(event: Event, terms: Sequence[Term], catalog: Catalog) -> bool:
    """Every term appears, in one of its spellings, in the title, summary, outcomes, tags or id."""
    haystack = f" {folded_texts(catalog)[event.id]} "
    return all(any(spelling in haystack for spelling in term) for term in terms)


FOLDED_TEXTS = "folded_texts"


def folded_texts(catalog: Catalog) -> dict[str, str]:
    """Each event's searchable text (title, summary, outcomes, tags, id), folded, by event id: worked out once a
    catalog, and kept in the cache entry beside it, as folding is the slow part of a search."""

    def fold_all(catalog: Catalog) -> dict[str, str]:
        return {event.id: fold(" ".join([event.title, event.summary, *event.outcomes, *event.tags, event.id]))
                for event in catalog.events}  # fmt: skip

    texts: dict[str, str] = catalog.derived(FOLDED_TEXTS, fold_all)
    return texts


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


# Names of the organization itself, which has organs but is not one.
ORGANIZATION_NAMES = frozenset(
    {"ots", "tdt", "organization of turkic states", "turkic council", "turk kenesi",
     "cooperation council of turkic speaking states", "ccts"}
)  # fmt: skip


def find_organ(catalog: Catalog, name: str) -> Organ:
    if fold(name) in ORGANIZATION_NAMES:
        raise UsageError(f"{printable(name)!r} is the organization itself, not one of its organs", listing="organ")
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
    raise UnknownName("event", wanted, close, shown=repr(printable(wanted)))
