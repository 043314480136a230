"""One record drawn whole: an event with its sources, or an organ, state, city or source with its events."""

from __future__ import annotations

from collections.abc import Sequence

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
from otscli.render.drawing import Canvas, Drawing, Styled
from otscli.render.layout import hang, linked


def fields(rows: Sequence[tuple[str, str]], width: int) -> Drawing:
    """Label and value pairs, values wrapped beside the labels; empty values left out."""
    shown = [(label, value) for label, value in rows if value]
    label_width = max((len(label) for label, _ in shown), default=0) + 2
    lines: Drawing = []
    for label, value in shown:
        lines += hang(Styled.of(label.ljust(label_width), "bold"), linked(Styled(value)), label_width, width)
    return lines


def heading(title: str, width: int, subtitle: str = "") -> Drawing:
    """The record's name, underlined, wrapped to the width."""
    text = Styled.of(title + (f"  {subtitle}" if subtitle else ""), "bold underline")
    if subtitle:
        text = text.styled("dim", len(title), len(text.plain))  # the whole line underlined, as rich draws a Text
    return list(hang(Styled(""), text, 0, width))


def source_line(source: Source) -> str:
    parts = [source.title, source.author or "", source.publisher or "", source.date.display() if source.date else ""]
    line = ", ".join(part for part in parts if part)
    return f"[{source.id}] {line}" + (f" <{source.url}>" if source.url else "")


def event_page(event: Event, catalog: Catalog, canvas: Canvas) -> Drawing:
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
    return heading(event.title, canvas.width) + fields(rows, canvas.width)


def origin_line(event: Event) -> str:
    """Where the event was read from, in words."""
    return "the bundled record" if event.origin == "bundled" else f"your file {event.origin}"


def with_events(
    head: Drawing,
    rows: Sequence[tuple[str, str]],
    events: Sequence[Event],
    catalog: Catalog,
    canvas: Canvas,
    column: timeline.Column | None = None,
) -> Drawing:
    """A record's heading and fields, how many events it has, then their timeline."""
    count = [Styled(""), *hang(Styled(""), Styled.of(event_count(events), "bold"), 0, canvas.width)]
    return head + fields(rows, canvas.width) + count + timeline.drawing(events, catalog, canvas, column=column)


def event_count(events: Sequence[Event]) -> str:
    """ "138 events in the record, and 8 acts done at them": acts at a listed meeting count with it (as in
    `ots stats` and `ots coverage`), and are shown below all the same."""
    from otscli.counting import counted

    meetings = len(counted(events))
    acts = len(events) - meetings
    said = f"{meetings} event{'s' if meetings != 1 else ''} in the record"
    return said + (f", and {acts} act{'s' if acts != 1 else ''} done at them" if acts else "")


def organ_page(organ: Organ, events: Sequence[Event], catalog: Catalog, canvas: Canvas) -> Drawing:
    rows = [("id", organ.id), ("kind", organ.kind), ("also", ", ".join(organ.aliases)), ("about", organ.summary)]
    return with_events(heading(organ.name, canvas.width, organ.id), rows, events, catalog, canvas)


def state_page(state: State, events: Sequence[Event], catalog: Catalog, canvas: Canvas) -> Drawing:
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
    head = heading(state.name, canvas.width, state.id)
    return with_events(head, rows, events, catalog, canvas, column=role_cell(state, catalog))


def role_cell(state: State, catalog: Catalog) -> timeline.Column:
    """The state's part in each event: "host", its standing that day, or "—" for neither."""
    from otscli.query import role_of

    def cell(event: Event) -> str:
        role = role_of(catalog, state, event)
        standing = role.status.replace("-", " ") if role.status else ""
        return " · ".join(part for part in ("host" if role.host else "", standing) if part) or "—"

    return cell


def city_page(city: City, events: Sequence[Event], catalog: Catalog, canvas: Canvas) -> Drawing:
    rows = [("id", city.id), ("state", catalog.state_by_id[city.state].name), ("also", ", ".join(city.aliases))]
    return with_events(heading(city_label(city, catalog), canvas.width, city.id), rows, events, catalog, canvas)


def source_page(source: Source, events: Sequence[Event], catalog: Catalog, canvas: Canvas) -> Drawing:
    rows = [
        ("id", source.id),
        ("language", source.language or ""),
        ("publisher", source.publisher or ""),
        ("author", source.author or ""),
        ("date", source.date.display() if source.date else ""),
        ("address", source.url or ""),
        ("note", source.note),
    ]
    return with_events(heading(source.title, canvas.width), rows, events, catalog, canvas)
