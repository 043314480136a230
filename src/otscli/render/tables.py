"""Tables: events as rows, and the registries of organs, states, cities and sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from otscli.models import Catalog, Event
from otscli.render.console import PIPE_WIDTH
from otscli.render.describe import current_status, kind_label, place

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


def new_table(*headers: str) -> Table:
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def events_table(events: Sequence[Event], catalog: Catalog, width: int) -> Table:
    """Date and id are never folded (ids are for copying); kind and place show when there is room."""
    from rich.text import Text

    id_width = max(len(event.id) for event in events)
    date_width = max(len(event.display_date) for event in events)
    room = width - id_width - date_width - 9  # what is left beside date and id, less the separators
    wanted = ["Date", "Event", "Kind", "Place", "Id"] if room >= 20 + 16 + 20 + 6 else ["Date", "Event", "Id"]
    table = new_table(*wanted)
    if room >= 20:
        table.columns[0].width, table.columns[-1].width = date_width, id_width
    for column in table.columns:
        if column.header in ("Kind", "Place") and width < PIPE_WIDTH:
            column.max_width = 16 if column.header == "Kind" else 20
    for event in events:
        title = event.title + (" [planned]" if event.is_planned else "") + (" ⚑" if event.is_disputed else "")
        cells = {"Date": event.display_date, "Event": title, "Kind": kind_label(event)}
        cells |= {"Place": place(event, catalog), "Id": event.id}
        table.add_row(*(Text(cells[header]) for header in wanted))
    return table


def draw_events(console: Console, events: Sequence[Event], catalog: Catalog) -> None:
    from rich.text import Text

    console.print(events_table(events, catalog, console.width) if events else Text("No events match.", style="dim"))


def draw_organs(console: Console, catalog: Catalog) -> None:
    from rich.text import Text

    counts = Counter(organ_id for event in catalog.events for organ_id in event.organs)
    table = new_table("Id", "Name", "Kind", "Events")
    for organ in catalog.organs:
        table.add_row(Text(organ.id), Text(organ.name), Text(organ.kind), Text(str(counts[organ.id])))
    console.print(table)


def draw_states(console: Console, catalog: Catalog) -> None:
    from rich.text import Text

    table = new_table("Id", "Name", "Status", "Events")
    for state in catalog.states:
        count = sum(1 for event in catalog.events if state.id in event.states or catalog.state_of(event) == state)
        table.add_row(Text(state.id), Text(state.name), Text(current_status(state)), Text(str(count)))
    console.print(table)


def draw_cities(console: Console, catalog: Catalog) -> None:
    from rich.text import Text

    counts = Counter(event.city for event in catalog.events)
    table = new_table("Id", "Name", "State", "Events")
    for city in catalog.cities:
        state = catalog.state_by_id[city.state].name
        table.add_row(Text(city.id), Text(city.name), Text(state), Text(str(counts[city.id])))
    console.print(table)


def draw_sources(console: Console, catalog: Catalog) -> None:
    from rich.text import Text

    counts = Counter(source_id for event in catalog.events for source_id in event.sources)
    table = new_table("Id", "Title", "Publisher", "Date", "Events")
    for source in catalog.sources:
        row = (source.id, source.title, source.publisher or "", str(source.date or ""), str(counts[source.id]))
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)
