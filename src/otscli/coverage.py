"""What the record holds and what it knows it lacks: per organ, the events held, the counts that sources give
of its series (the [[claim]] records), and the numbers of a numbered series that no event carries.

A series is one organ's events of one kind and format, the organ being the one that held them (listed first).
An act done at a meeting that is also counted (a declaration adopted at a summit) counts with the meeting, not
on its own: `ots organ`, `ots stats` and `ots coverage` all count this way (query.counted)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from otscli.counting import counted
from otscli.dates import meets
from otscli.models import Catalog, Claim, Event, Organ


@dataclass(frozen=True)
class ClaimCheck:
    """A count a source gives, beside the events the record holds of the same series."""

    claim: Claim
    held: int

    @property
    def is_met(self) -> bool:
        """Whether the record's count agrees with the source's, as its qualifier reads."""
        if self.claim.qualifier == "more than":
            return self.held > self.claim.count
        if self.claim.qualifier == "at least":
            return self.held >= self.claim.count
        return self.held == self.claim.count

    @property
    def difference(self) -> int:
        """How many more (positive) or fewer (negative) the record holds than the source counts."""
        return self.held - self.claim.count


@dataclass(frozen=True)
class Gap:
    """Numbers of a numbered series (one organ, kind and format) with no dated event."""

    series: str
    kind: str
    format: str
    highest: int
    missing: tuple[int, ...]

    @property
    def ranges(self) -> list[tuple[int, int]]:
        """The missing numbers as runs: (2, 4), (6, 6), (10, 11)."""
        runs: list[tuple[int, int]] = []
        for number in self.missing:
            if runs and runs[-1][1] == number - 1:
                runs[-1] = (runs[-1][0], number)
            else:
                runs.append((number, number))
        return runs


@dataclass(frozen=True)
class OrganCoverage:
    organ: Organ
    events: int
    first: Event | None
    last: Event | None
    claims: tuple[ClaimCheck, ...]
    gaps: tuple[Gap, ...]


def coverage(catalog: Catalog, organs: frozenset[str] = frozenset()) -> list[OrganCoverage]:
    """Every organ with events or claims (or only `organs`, by id), in the order the data lists the organs."""
    by_organ: dict[str, list[Event]] = {}
    for event in catalog.events:
        for organ_id in event.organs:
            by_organ.setdefault(organ_id, []).append(event)
    found = []
    for organ in catalog.organs:
        if organs and organ.id not in organs:
            continue
        events = by_organ.get(organ.id, [])
        claims = tuple(check(catalog, claim) for claim in catalog.claims if claim.organ == organ.id)
        if events or claims:
            held = [event for event in events if event.status == "held"]
            found.append(
                OrganCoverage(
                    organ=organ,
                    events=len(counted(events)),
                    first=held[0] if held else None,
                    last=held[-1] if held else None,
                    claims=claims,
                    gaps=gaps(organ, held, catalog),
                )
            )
    return found


def in_series(event: Event, organ: str, kind: str | None, meeting_format: str | None) -> bool:
    """Held by `organ` (its first organ), of the kind and format named (None: any), and not an act of a meeting."""
    return (
        event.organs[:1] == (organ,)
        and (kind is None or event.kind == kind)
        and (meeting_format is None or (event.format or "ordinary") == meeting_format)
        and event.part_of is None
    )


def check(catalog: Catalog, claim: Claim) -> ClaimCheck:
    """How many held events of the claim's series lie within its dates."""
    held = [
        event
        for event in catalog.events
        if event.status == "held"
        and in_series(event, claim.organ, claim.kind, claim.format)
        and (not claim.numbered or event.number is not None)
        and meets(event.first_day, event.last_day, claim.since, claim.until)
    ]
    return ClaimCheck(claim, len(held))


def series_name(organ: Organ, kind: str, meeting_format: str, catalog: Catalog) -> str:
    """What a claim about the series calls it, else "<format> <kind>s of <organ>"."""
    for claim in catalog.claims:
        if (claim.organ, claim.kind, claim.format) in ((organ.id, kind, meeting_format), (organ.id, kind, None)):
            return claim.what
    label = kind if meeting_format == "ordinary" else f"{meeting_format} {kind}"
    return f"{label}s of the {organ.name}"


def gaps(organ: Organ, events: Sequence[Event], catalog: Catalog) -> tuple[Gap, ...]:
    """Per series of the organ, the numbers from 1 to the highest held that no event carries."""
    numbers: dict[tuple[str, str], set[int]] = {}
    for event in events:
        if event.number is not None and in_series(event, organ.id, None, None):
            numbers.setdefault((event.kind, event.format or "ordinary"), set()).add(event.number)
    found = []
    for (kind, meeting_format), held in sorted(numbers.items()):
        missing = tuple(number for number in range(1, max(held)) if number not in held)
        if missing:
            name = series_name(organ, kind, meeting_format, catalog)
            found.append(Gap(name, kind, meeting_format, max(held), missing))
    return tuple(found)
