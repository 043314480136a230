"""One record drawn whole: an event with its sources, or an organ, state, city or source with its events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from otscli.models import Catalog, City, Event, Organ, Source, State
from otscli.render import timeline
from otscli.render.describe import (
    city_label,
    kind_label,
    membership_line,
    organ_names,
    place,
    state_names,
    status_label,
)
from otscli.render.layout import hang, linked, print_lines

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def draw_fields(console: Console, rows: Sequence[tuple[str, str]]) -> None:
    """Label and value pairs, values wrapped beside the labels; empty values left out."""
    from rich.text import Text

    shown = [(label, value) for label, value in rows if value]
    width = max((len(label) for label, _ in shown), default=0) + 2
    lines: list[Text] = []
    for label, value in shown:
        lines += hang(console, Text(label.ljust(width), style="bold"), linked(Text(value)), width)
    print_lines(console, lines)


def heading(title: str, subtitle: str = "") -> RenderableType:
    from rich.text import Text

    text = Text(title, style="bold underline")
    if subtitle:
        text.append(f"  {subtitle}", style="dim")
    return text


def source_line(source: Source) -> str:
    parts = [source.title, source.author or "", source.publisher or "", source.date.display() if source.date else ""]
    line = ", ".join(part for part in parts if part)
    return f"[{source.id}] {line}" + (f" <{source.url}>" if source.url else "")


def draw_event(console: Console, event: Event, catalog: Catalog) -> None:
    disputes = [
        f"{dispute.field} = {dispute.value} per {dispute.source}" + (f": {dispute.note}" if dispute.note else "")
        for dispute in event.disputed
    ]
    cited = catalog.sources_of(event)
    meeting = catalog.event_by_id.get(event.part_of or "")
    rows = [
        ("id", event.id),
        ("date", event.display_date),
        ("kind", kind_label(event)),
        ("status", status_label(event, catalog)),
        ("organs", organ_names(event, catalog)),
        ("place", place(event, catalog)),
        ("states", state_names(event.states, catalog)),
        ("summary", event.summary),
        ("outcomes", "\n".join(f"• {outcome}" for outcome in event.outcomes)),
        ("tags", ", ".join(event.tags)),
        ("part of", f"{meeting.id}: {meeting.title}" if meeting else ""),
        ("parts", "\n".join(f"{part.id}: {part.title}" for part in catalog.parts_of(event))),
        ("disputed", "\n".join(f"⚑ {line}" for line in disputes)),
        ("sources", "\n".join(source_line(source) for source in cited)),
        ("from", origin_line(event)),
    ]
    console.print(heading(event.title))
    draw_fields(console, rows)


def origin_line(event: Event) -> str:
    """Where the event was read from, in words."""
    return "the bundled record" if event.origin == "bundled" else f"your file {event.origin}"


def draw_with_events(
    console: Console,
    head: RenderableType,
    rows: Sequence[tuple[str, str]],
    events: Sequence[Event],
    catalog: Catalog,
    column: timeline.Column | None = None,
) -> None:
    from rich.text import Text

    console.print(head)
    draw_fields(console, rows)
    console.print(Text("\n" + event_count(events), style="bold"))
    timeline.draw(console, events, catalog, column=column)


def event_count(events: Sequence[Event]) -> str:
    """ "138 events in the record, and 8 acts done at them": acts at a listed meeting count with it (as in
    `ots stats` and `ots coverage`), and are shown below all the same."""
    from otscli.counting import counted

    meetings = len(counted(events))
    acts = len(events) - meetings
    said = f"{meetings} event{'s' if meetings != 1 else ''} in the record"
    return said + (f", and {acts} act{'s' if acts != 1 else ''} done at them" if acts else "")


def draw_organ(console: Console, organ: Organ, events: Sequence[Event], catalog: Catalog) -> None:
    rows = [("id", organ.id), ("kind", organ.kind), ("also", ", ".join(organ.aliases)), ("about", organ.summary)]
    draw_with_events(console, heading(organ.name, organ.id), rows, events, catalog)


def draw_state(console: Console, state: State, events: Sequence[Event], catalog: Catalog) -> None:
    history = []
    for entry in state.membership:
        behind = catalog.event_by_id.get(entry.event or "")
        history.append(
            membership_line(entry)
            + (f" ({behind.title}, {place(behind, catalog) or behind.display_date})" if behind else "")
        )
    rows = [("id", state.id), ("also", ", ".join(state.aliases)), ("membership", "\n".join(history) or "none recorded")]
    rows.append(("roles", f"beside each event: host if it was held in {state.name}, and {state.name}'s standing in "
                          "the organization that day (— for neither)"))  # fmt: skip
    draw_with_events(console, heading(state.name, state.id), rows, events, catalog, column=role_cell(state, catalog))


def role_cell(state: State, catalog: Catalog) -> timeline.Column:
    """The state's part in each event: "host", its standing that day, or "—" for neither."""
    from otscli.query import role_of

    def cell(event: Event) -> str:
        role = role_of(catalog, state, event)
        standing = role.status.replace("-", " ") if role.status else ""
        return " · ".join(part for part in ("host" if role.host else "", standing) if part) or "—"

    return cell


def draw_city(console: Console, city: City, events: Sequence[Event], catalog: Catalog) -> None:
    rows = [("id", city.id), ("state", catalog.state_by_id[city.state].name), ("also", ", ".join(city.aliases))]
    draw_with_events(console, heading(city_label(city, catalog), city.id), rows, events, catalog)


def draw_source(console: Console, source: Source, events: Sequence[Event], catalog: Catalog) -> None:
    rows = [
        ("id", source.id),
        ("language", source.language or ""),
        ("publisher", source.publisher or ""),
        ("author", source.author or ""),
        ("date", source.date.display() if source.date else ""),
        ("address", source.url or ""),
        ("note", source.note),
    ]
    draw_with_events(console, heading(source.title), rows, events, catalog)
