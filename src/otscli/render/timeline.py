"""The vertical timeline: events grouped by year, dates at the precision stored."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from otscli.counting import Anniversary
from otscli.models import Catalog, Event
from otscli.render.describe import kind_label, organ_names, place, status_label
from otscli.render.drawing import Canvas, Drawing, Styled
from otscli.render.layout import hang

MARKERS = {"held": "●", "planned": "○", "cancelled": "×"}
RULE_WIDTH = 72  # the year rules stop here even on wide terminals and in pipes


Segment = tuple[str, str]  # text and its rich style


Column = Callable[[Event], str]  # a short text shown for each event between its marker and its title


def drawing(
    events: Sequence[Event],
    catalog: Catalog,
    canvas: Canvas,
    highlight: Sequence[str] = (),
    column: Column | None = None,
) -> Drawing:
    """The timeline: a rule per year, then each event with its details hanging under it; the words of `highlight`
    stand out where they occur (any case). Nothing for no events: saying so is the command's."""
    if not events:
        return []
    date_width = max(len(event.display_date) for event in events)
    cells = {event.id: column(event) + " " for event in events} if column else {}
    cell_width = max(map(len, cells.values()), default=0)
    patterns = [re.compile(re.escape(words), re.IGNORECASE) for words in highlight]
    out: Drawing = []
    for year, in_year in itertools.groupby(events, key=lambda event: event.first_day.year):
        out.append(Styled.of_segments(year_rule(year, min(canvas.width, RULE_WIDTH))))
        for event in in_year:
            head = Styled.of_segments(date_head(event, date_width))
            if cells:
                head = head.followed_by(Styled.of(cells[event.id].ljust(cell_width), "blue"))
            body = Styled.of_segments(entry(event, catalog))
            for pattern in patterns:
                body = body.highlighted(pattern, "reverse")
            out += hang(head, body, date_width + 3 + cell_width, canvas.width)
    return out


def date_head(event: Event, date_width: int) -> list[Segment]:
    return [(event.display_date.ljust(date_width), "cyan"), (" ", ""), (MARKERS[event.status], ""), (" ", "")]


def year_rule(year: int, width: int) -> list[Segment]:
    label = f"{year} "
    return [(label, "bold"), ("─" * max(width - len(label), 3), "dim")]


def entry(event: Event, catalog: Catalog) -> list[Segment]:
    """Title, then place, organs and kind, then what is disputed: one event's text, unwrapped."""
    segments = [(event.title, "bold")]
    if event.status != "held":
        segments.append((f"  [{status_label(event, catalog)}]", "yellow"))
    details = [part for part in (place(event, catalog), organ_names(event, catalog), kind_label(event)) if part]
    segments.append(("\n" + " · ".join(details), "dim"))
    if event.is_disputed:
        fields = ", ".join(dict.fromkeys(dispute.field for dispute in event.disputed))
        segments.append((f"\n⚑ disputed: {fields} (ots show {event.id})", "magenta"))
    return segments


def anniversaries(items: Sequence[Anniversary], catalog: Catalog, canvas: Canvas) -> Drawing:
    """Events on this day in earlier years: how long ago, the date, and the event."""
    if not items:
        return []
    ago_width = max(len(years_ago(item.years_ago)) for item in items)
    date_width = max(len(item.event.display_date) for item in items)
    out: Drawing = []
    for item in items:
        head = Styled.assemble(
            (years_ago(item.years_ago).ljust(ago_width), "bold"), "  ",
            (item.event.display_date.ljust(date_width), "cyan"), " ", MARKERS[item.event.status], " ",
        )  # fmt: skip
        out += hang(head, Styled.of_segments(entry(item.event, catalog)), ago_width + date_width + 5, canvas.width)
    return out


def years_ago(years: int) -> str:
    return f"{years} year{'s' if years != 1 else ''} ago"
