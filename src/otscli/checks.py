"""The checks across every data file read together, as a list of small rules (RULES), each given the loaded
files and returning the problems it finds: ids written twice, names two records share, references that lead
nowhere, coordinates without their source, events part of themselves, loops of parts."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from otscli.field_types import ID_REGEX
from otscli.kinds import KINDS, NAMED
from otscli.locator import Origin
from otscli.names import NameIndex
from otscli.problems import Problem

if TYPE_CHECKING:
    from otscli.locator import LoadedFile

_ID = re.compile(ID_REGEX)
MAX_SUGGESTIONS = 10  # problems given a "did you mean": each costs a pass over every known id

Rule = Callable[[Sequence["LoadedFile"]], list[Problem]]


class Place:
    """Where a record is, found in its file's text only when a message needs it. `index` counts among the
    records kept, or, for a record refused by validation (`rejected`), in the file's table as written."""

    __slots__ = ("file", "index", "rejected", "table")

    def __init__(self, file: LoadedFile, table: str, index: int, *, rejected: bool = False) -> None:
        self.file, self.table, self.index, self.rejected = file, table, index, rejected

    def origin(self) -> Origin:
        if self.rejected:
            return self.file.rejected_origin(self.table, self.index)
        return self.file.origin(self.table, self.index)

    def __str__(self) -> str:
        return str(self.origin())

    def line_of(self, field: str) -> Origin:
        return self.file.line_of(self.origin(), field)


def at(origin: Origin, table: str, record_id: str | None, field: str, message: str, number: int = 0) -> Problem:
    return Problem(origin.file, message, origin.line, table=table, id=record_id, number=number, field=field)


def records(loaded: Sequence[LoadedFile], table: str) -> Iterator[tuple[Any, Place]]:
    """The valid records of `table` in every file, in order, with their places."""
    for file in loaded:
        for index, record in enumerate(getattr(file.data, table)):
            yield record, Place(file, table, index)


def written_records(loaded: Sequence[LoadedFile], table: str) -> Iterator[tuple[Any, Place]]:
    """Every record of `table` as written, in order: the valid ones, and the raw tables of those refused."""
    for file in loaded:
        found = [(file.written(table, index), record, Place(file, table, index))
                 for index, record in enumerate(getattr(file.data, table))]  # fmt: skip
        refused = [(index, raw, Place(file, table, index, rejected=True))
                   for kind, index, raw in file.rejected if kind == table]  # fmt: skip
        for _, record, place in sorted([*found, *refused], key=lambda item: item[0]) if refused else found:
            yield record, place


def known_ids(loaded: Sequence[LoadedFile]) -> dict[str, dict[str, None]]:
    """The ids of each table, in the order of the files (so that suggestions come in that order)."""
    return {kind.table: dict.fromkeys(record.id for file in loaded for record in getattr(file.data, kind.table))
            for kind in KINDS}  # fmt: skip


def duplicate_ids(loaded: Sequence[LoadedFile]) -> list[Problem]:
    problems = []
    for kind in KINDS:
        ids = [record.id for file in loaded for record in getattr(file.data, kind.table)]
        if len(set(ids)) == len(ids):
            continue
        seen: dict[str, Place] = {}
        for record, place in records(loaded, kind.table):
            if record.id in seen:
                message = f"duplicate id, first defined at {seen[record.id]}"
                problems.append(at(place.origin(), kind.table, record.id, "id", message))
            else:
                seen[record.id] = place
    return problems


def shared_names(loaded: Sequence[LoadedFile]) -> list[Problem]:
    """A name or alias of a record that already names another record of its kind."""
    problems = []
    for kind in NAMED:
        index = NameIndex(kind.table)
        for record, place in records(loaded, kind.table):
            for clash in index.add(record.id, record.name, record.aliases):
                message = f"{clash!r} already names another {kind.table}"
                problems.append(at(place.origin(), kind.table, record.id, "aliases", message))
    return problems


def referenced(record: Any, path: Sequence[str]) -> list[str]:
    """The ids a record (checked, or a raw table refused by validation) names at `path`, through nested lists;
    in a raw table only the values that are ids, as the others are already reported."""
    values: list[Any] = [record]
    for name in path:
        found: list[Any] = []
        for value in values:
            item = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
            found.extend(item if isinstance(item, list | tuple) else [item])
        values = found
    return [value for value in values if isinstance(value, str) and _ID.fullmatch(value)]


def ids_named(loaded: Sequence[LoadedFile], table: str, path: Sequence[str]) -> set[str]:
    """Every id the checked records of `table` name at `path`, gathered at C speed: a field holds a tuple in every
    record or in none."""
    values: list[Any] = [record for file in loaded for record in getattr(file.data, table)]
    for name in path:
        values = list(map(attrgetter(name), values))
        if values and type(values[0]) is tuple:
            values = list(chain.from_iterable(values))
    found = set(values)
    found.discard(None)
    return found


def references_resolve(loaded: Sequence[LoadedFile], known: dict[str, dict[str, None]]) -> bool:
    """Whether every reference names a known record, checked as sets: the records are looped over one by one,
    for the messages, only when one does not."""
    if any(file.rejected for file in loaded):
        return False
    return all(ids_named(loaded, kind.table, reference.path) <= known[reference.target].keys()
               for kind in KINDS for reference in kind.references)  # fmt: skip


def unknown_references(loaded: Sequence[LoadedFile]) -> list[Problem]:
    """A reference to an id no file defines; the first few with the closest ids."""
    known = known_ids(loaded)
    if references_resolve(loaded, known):
        return []
    problems: list[Problem] = []
    for kind in KINDS:
        if not kind.references:
            continue
        for record, place in written_records(loaded, kind.table):
            if place.rejected and not isinstance(record, dict):
                continue  # not a table: nothing to refer from
            raw = place.rejected
            record_id = record.get("id") if raw else record.id
            for reference in kind.references:
                if not (record.get(reference.field) if raw else getattr(record, reference.field)):
                    continue  # no reference here: most records, most fields
                for ref in referenced(record, reference.path):
                    if ref in known[reference.target]:
                        continue
                    # Each suggestion compares with every known id: only the first few problems get one.
                    suggest = len(problems) < MAX_SUGGESTIONS
                    ids = known[reference.target]
                    close = difflib.get_close_matches(ref, list(ids), n=3, cutoff=0.6) if suggest else []
                    hint = f"; did you mean {', '.join(close)}?" if close else ""
                    message = f"unknown {reference.target} {ref!r}{hint}"
                    label = record_id if isinstance(record_id, str) else None  # a refused one may have none
                    where = place.line_of(reference.shown)
                    problems.append(at(where, kind.table, label, reference.shown, message, place.index + 1))
    return problems


def coordinates_apart(loaded: Sequence[LoadedFile]) -> list[Problem]:
    """A city's lat without its lon, or either without the source that gives them."""
    problems = []
    for city, place in records(loaded, "city"):
        if (city.lat is None) != (city.lon is None) or (city.lat is not None and city.location_source is None):
            message = "lat, lon and location_source go together"
            problems.append(at(place.line_of("lat"), "city", city.id, "lat", message))
    return problems


def parts_of_themselves(loaded: Sequence[LoadedFile]) -> list[Problem]:
    if all(event.part_of != event.id for file in loaded for event in file.data.event):
        return []
    problems = []
    for event, place in records(loaded, "event"):
        if event.part_of == event.id:
            message = "an event cannot be part of itself"
            problems.append(at(place.line_of("part_of"), "event", event.id, "part_of", message))
    return problems


def part_of_loops(loaded: Sequence[LoadedFile]) -> list[Problem]:
    """Events whose part_of chain comes back to where it started (an event part of itself is reported apart):
    each loop once, at its first event in the files, in linear time."""
    parent = {event.id: event.part_of for file in loaded for event in file.data.event}
    order = {event_id: number for number, event_id in enumerate(parent)}
    state: dict[str, int] = {}  # 1: on the chain being followed, 2: done
    loops: dict[str, list[str]] = {}
    for start in parent:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in parent and current not in state:
            state[current] = 1
            chain.append(current)
            current = parent[current]
        if current is not None and state.get(current) == 1 and parent[current] != current:
            loop = chain[chain.index(current) :]
            loops[min(loop, key=order.__getitem__)] = loop
        for done in chain:
            state[done] = 2
    problems: list[Problem] = []
    if not loops:
        return problems
    for event, place in records(loaded, "event"):
        if event.id in loops:
            loop = loops[event.id]
            shift = loop.index(event.id)
            path = " → ".join([*loop[shift:], *loop[:shift], event.id])
            problems.append(at(place.line_of("part_of"), "event", event.id, "part_of", f"a loop of parts: {path}"))
    return problems


RULES: tuple[Rule, ...] = (
    duplicate_ids,
    shared_names,
    unknown_references,
    coordinates_apart,
    parts_of_themselves,
    part_of_loops,
)


def cross_check(loaded: Sequence[LoadedFile]) -> list[Problem]:
    """Every rule's problems, rule by rule."""
    return [problem for rule in RULES for problem in rule(loaded)]
