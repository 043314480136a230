"""The vertical timeline: events grouped by year, dates at the precision stored."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from otscli.counting import Anniversary
from otscli.models import Catalog, Event
from otscli.render.describe import kind_label, organ_names, place, status_label
from otscli.render.layout import hang, plain_hang, print_lines

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

MARKERS = {"held": "●", "planned": "○", "cancelled": "×"}
RULE_WIDTH = 72  # the year rules stop here even on wide terminals and in pipes


Segment = tuple[str, str]  # text and its rich style; the plain path uses only the text


Column = Callable[[Event], str]  # a short text shown for each event between its marker and its title


def draw(
    console: Console,
    events: Sequence[Event],
    catalog: Catalog,
    highlight: Sequence[str] = (),
    column: Column | None = None,
) -> None:
    """The timeline; with colour, the words of `highlight` stand out where they occur (any case). Nothing for no
    events: saying so is the command's."""
    if not events:
        return
    print_lines(console, lines(console, events, catalog, highlight, column))


def lines(
    console: Console,
    events: Sequence[Event],
    catalog: Catalog,
    highlight: Sequence[str] = (),
    column: Column | None = None,
) -> list[Text]:
    """The timeline as lines: a rule per year, then each event with its details hanging under it."""
    from rich.text import Text

    date_width = max(len(event.display_date) for event in events)
    cells = {event.id: column(event) for event in events} if column else {}
    cell_width = max(map(len, cells.values()), default=0)
    out: list[Text] = []
    year: int | None = None
    for event in events:
        if event.first_day.year != year:
            year = event.first_day.year
            out.append(Text.assemble(*year_rule(year, min(console.width, RULE_WIDTH))))
        head = Text.assemble(*date_head(event, date_width))
        if cells:
            head.append(cells[event.id].ljust(cell_width) + " ", style="blue")
        body = Text.assemble(*entry(event, catalog))
        for words in highlight:
            body.highlight_regex(re.compile(re.escape(words), re.IGNORECASE), style="reverse")
        out += hang(console, head, body, date_width + 3 + (cell_width + 1 if cells else 0))
    return out


def plain(events: Sequence[Event], catalog: Catalog, width: int) -> str | None:
    """The timeline as plain text at `width` columns, exactly as `draw` writes it without colour, made without
    rich; None when some text is not known to be one column a character, so that rich measures it."""
    if not events:
        return ""
    date_width = max(len(event.display_date) for event in events)
    out: list[str] = []
    year: int | None = None
    for event in events:
        if event.first_day.year != year:
            year = event.first_day.year
            out.append(text_of(year_rule(year, min(width, RULE_WIDTH))))
        hung = plain_hang(text_of(date_head(event, date_width)), text_of(entry(event, catalog)), date_width + 3, width)
        if hung is None:
            return None
        out += hung
    return "".join(line + "\n" for line in out)


def text_of(segments: Sequence[Segment]) -> str:
    return "".join(text for text, _ in segments)


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


def draw_anniversaries(console: Console, items: Sequence[Anniversary], catalog: Catalog) -> None:
    """Events on this day in earlier years: how long ago, the date, and the event."""
    from rich.text import Text

    if not items:
        return
    ago = [f"{item.years_ago} year{'s' if item.years_ago != 1 else ''} ago" for item in items]
    ago_width = max(map(len, ago))
    date_width = max(len(item.event.display_date) for item in items)
    out: list[Text] = []
    for label, item in zip(ago, items, strict=True):
        head = Text.assemble(
            (label.ljust(ago_width), "bold"), "  ", (item.event.display_date.ljust(date_width), "cyan"), " ",
            MARKERS[item.event.status], " ",
        )  # fmt: skip
        out += hang(console, head, Text.assemble(*entry(item.event, catalog)), ago_width + date_width + 5)
    print_lines(console, out)
