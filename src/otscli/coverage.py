"""What the record holds and what it knows it lacks: per organ, the events held, the counts that sources give
of its series (the [[claim]] records), and the numbers of a numbered series that no event carries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from otscli.models import Catalog, Claim, Event, Organ


@dataclass(frozen=True)
class ClaimCheck:
    """A count a source gives, beside the events the record holds of the same series."""

    claim: Claim
    held: int

    @property
    def is_met(self) -> bool:
        """Whether the record holds as many events as the source counts."""
        if self.claim.qualifier == "more than":
            return self.held > self.claim.count
        return self.held >= self.claim.count


@dataclass(frozen=True)
class Gap:
    """Numbers of a numbered series (one organ, one meeting format) with no dated event."""

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
    found = []
    for organ in catalog.organs:
        if organs and organ.id not in organs:
            continue
        events = [event for event in catalog.events if organ.id in event.organs]
        claims = tuple(check(catalog, claim) for claim in catalog.claims if claim.organ == organ.id)
        if events or claims:
            held = [event for event in events if event.status == "held"]
            found.append(
                OrganCoverage(
                    organ=organ,
                    events=len(events),
                    first=held[0] if held else None,
                    last=held[-1] if held else None,
                    claims=claims,
                    gaps=gaps(held),
                )
            )
    return found


def check(catalog: Catalog, claim: Claim) -> ClaimCheck:
    """How many held events of the claim's organ, kind and format lie within its dates."""
    held = [
        event
        for event in catalog.events
        if event.status == "held"
        and claim.organ in event.organs
        and (claim.kind is None or event.kind == claim.kind)
        and (claim.format is None or (event.format or "ordinary") == claim.format)
        and (claim.since is None or event.last_day >= claim.since.start)
        and (claim.until is None or event.first_day <= claim.until.end)
        and event.part_of is None
    ]
    return ClaimCheck(claim, len(held))


def gaps(events: Sequence[Event]) -> tuple[Gap, ...]:
    """Per meeting format, the numbers from 1 to the highest held that no event carries."""
    numbers: dict[str, set[int]] = {}
    for event in events:
        if event.number is not None:
            numbers.setdefault(event.format or "ordinary", set()).add(event.number)
    return tuple(
        Gap(format=name, highest=max(held), missing=tuple(n for n in range(1, max(held)) if n not in held))
        for name, held in sorted(numbers.items())
        if any(n not in held for n in range(1, max(held)))
    )
