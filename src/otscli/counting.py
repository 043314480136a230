"""Counting events: per year, organ, city, state or kind, an act done at a meeting counted with the meeting;
and the anniversaries of a day."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Literal, NamedTuple, get_args

from otscli.frozen import Frozen, frozen_record
from otscli.models import Catalog, Event
from otscli.names import fold

Grouping = Literal["year", "organ", "city", "state", "kind"]
GROUPINGS: tuple[Grouping, ...] = get_args(Grouping)


@frozen_record(kw_only=False)
class Count(Frozen):
    """How many events share one value of a grouping; `key` is None for events without one."""

    key: str | None
    label: str
    count: int


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
        return [*catalog.states_involved(event)] or [None]
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
