"""`ots coverage`: a table of what the record holds per organ, what sources count, and what is missing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from otscli.coverage import ClaimCheck, Gap, OrganCoverage
from otscli.dates import display_span
from otscli.models import Claim
from otscli.render.drawing import Canvas, Drawing, Styled
from otscli.render.json_output import record
from otscli.render.layout import hang

if TYPE_CHECKING:
    from otscli.render import output_types


def period(claim: Claim) -> str:
    if claim.since and claim.until:
        return f"in {claim.since}" if claim.since == claim.until else f"from {claim.since} to {claim.until}"
    if claim.until:
        return f"by {claim.until}"
    return f"since {claim.since}" if claim.since else ""


def claim_line(check: ClaimCheck) -> str:
    """ "✗ meetings of the Council of Foreign Ministers by 2015: the source counts 11; the record holds 9, 2 fewer
    (per source-id)": the mark follows from the two counts, which stand beside it."""
    claim = check.claim
    when = period(claim)
    series = claim.what + (f" {when}" if when and not claim.what.endswith(when) else "")
    qualifier = "" if claim.qualifier == "exactly" else f"{claim.qualifier} "
    difference = ""
    if check.difference:
        difference = f", {abs(check.difference)} {'more' if check.difference > 0 else 'fewer'}"
    return (f"{'✓' if check.is_met else '✗'} {series}: the source counts {qualifier}{claim.count}; the record holds "
            f"{check.held}{difference} (per {claim.source})")  # fmt: skip


def gap_line(gap: Gap) -> str:
    runs = ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in gap.ranges)
    return f"{gap.series}: the record holds none numbered {runs} (of 1–{gap.highest})"


def heading(row: OrganCoverage) -> str:
    span = ""
    if row.first and row.last:
        span = f", {display_span(row.first.date, row.last.end or row.last.date)}"
    return f"{row.organ.name}: {row.events} event{'s' if row.events != 1 else ''} in the record{span}"


def drawing(rows: Sequence[OrganCoverage], canvas: Canvas, header: str = "") -> Drawing:
    """A line on what was read, then an organ a paragraph: its events and dates, then each count a source gives
    and each gap, indented."""
    lines: Drawing = [*hang(Styled(""), Styled.of(header, "dim"), 0, canvas.width), Styled("")] if header else []
    for row in rows:
        lines += hang(Styled(""), Styled.of(heading(row), "bold"), 0, canvas.width)
        for note in [claim_line(check) for check in row.claims] + [gap_line(gap) for gap in row.gaps]:
            style = "green" if note.startswith("✓") else "yellow"
            lines += hang(Styled("  "), Styled.of(note, style), 4, canvas.width)
    return lines


def gap_record(gap: Gap) -> output_types.Gap:
    runs = [list(run) for run in gap.ranges]
    return {"format": gap.format, "highest": gap.highest, "missing": list(gap.missing), "missing_ranges": runs,
            "series": gap.series, "kind": gap.kind}  # fmt: skip


def records(rows: Sequence[OrganCoverage]) -> list[dict[str, Any]]:
    return [
        {
            "organ": record(row.organ),
            "events": row.events,
            "first": str(row.first.date) if row.first else None,
            "last": str(row.last.end or row.last.date) if row.last else None,
            "claims": [{"claim": record(check.claim), "held": check.held, "met": check.is_met} for check in row.claims],
            "gaps": [gap_record(gap) for gap in row.gaps],
        }
        for row in rows
    ]
