"""Tables: events as rows, and the registries of organs, states, cities and sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from otscli.models import Catalog, Event
from otscli.render.describe import current_status, kind_label, place, status_label

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


def new_table(*headers: str) -> Table:
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


KIND_WIDTH, PLACE_WIDTH = 16, 20
MIN_TITLE_WIDTH = 40  # the title keeps at least this, else what is beside it goes under it


def table_layout(events: Sequence[Event], width: int) -> str:
    """How much stands beside the title: "kind-place-id", "id", "date" (the id goes under the title), or
    "lines" when even that would break an id."""
    id_width = max(len(event.id) for event in events)
    date_width = max(len(event.display_date) for event in events)
    if width - date_width - id_width - KIND_WIDTH - PLACE_WIDTH - 4 * 3 >= MIN_TITLE_WIDTH:
        return "kind-place-id"
    if width - date_width - id_width - 2 * 3 >= MIN_TITLE_WIDTH:
        return "id"
    return "date" if width - date_width - 3 >= max(id_width, MIN_TITLE_WIDTH // 2) else "lines"


def events_table(events: Sequence[Event], catalog: Catalog, width: int) -> Table:
    """Date and id are never folded (ids are for copying) and the title gets the width; what does not fit beside
    it (kind and place, then the id) goes under it."""
    from rich.text import Text

    layout = table_layout(events, width)
    wanted = {"kind-place-id": ["Date", "Event", "Kind", "Place", "Id"], "id": ["Date", "Event", "Id"]}.get(
        layout, ["Date", "Event"]
    )
    table = new_table(*wanted)
    for column in table.columns:
        if column.header in ("Date", "Id"):
            column.no_wrap = True
        elif column.header in ("Kind", "Place"):
            column.max_width = KIND_WIDTH if column.header == "Kind" else PLACE_WIDTH
        else:
            column.ratio = 1  # the title takes what is left
    for event in events:
        cells = event_cells(event, catalog)
        if layout == "kind-place-id":
            table.add_row(*(Text(cells[header]) for header in wanted))
            continue
        under = " · ".join(part for part in (cells["Kind"], cells["Place"]) if part)
        title = Text.assemble(cells["Event"], ("\n" + under, "dim"))
        if layout == "id":
            table.add_row(Text(cells["Date"]), title, Text(cells["Id"]))
        else:
            title.append("\n" + cells["Id"], style="cyan")
            table.add_row(Text(cells["Date"]), title)
    return table


def draw_event_lines(console: Console, events: Sequence[Event], catalog: Catalog) -> None:
    """For a narrow screen: each event's date and title, its kind and place under it, then its id whole."""
    from rich.text import Text

    from otscli.render.layout import hang, print_lines

    date_width = max(len(event.display_date) for event in events)
    lines: list[Text] = []
    for event in events:
        cells = event_cells(event, catalog)
        under = " · ".join(part for part in (cells["Kind"], cells["Place"]) if part)
        body = Text.assemble(cells["Event"], ("\n" + under, "dim"))
        lines += hang(console, Text(cells["Date"].ljust(date_width) + " "), body, date_width + 1)
        lines.append(Text(event.id, style="cyan"))
    print_lines(console, lines)


def is_piped(console: Console) -> bool:
    """Output for another program: not a terminal, and no colour asked for."""
    return not console.is_terminal and console.color_system is None


def write_tsv(console: Console, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """gh's convention for a table in a pipe: a header, then one line a row, cells separated by tabs."""

    def cell(text: str) -> str:
        return " ".join(text.split())

    lines = ["\t".join(headers), *("\t".join(cell(value) for value in row) for row in rows)]
    console.file.write("".join(line + "\n" for line in lines))


def show(console: Console, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table: drawn on a terminal, tab-separated in a pipe."""
    from rich.text import Text

    if is_piped(console):
        write_tsv(console, headers, rows)
        return
    widths = fitted_widths(headers, rows, console.width)
    if widths is None:
        draw_row_blocks(console, headers, rows)
        return
    table = new_table(*headers)
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
    for row in rows:
        table.add_row(*(Text(value) for value in row))
    console.print(table)


def fitted_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[int] | None:
    """Column widths that fit `width` without cutting a word: each column as wide as its widest cell, then, as
    rich narrows a table, the widest column (with its padding) narrowed first, but never below its longest word.
    None when even the longest words do not fit side by side."""
    from rich.cells import cell_len

    columns = list(zip(headers, *rows, strict=True))
    padding = [1 if index in (0, len(columns) - 1) else 2 for index in range(len(columns))] if len(columns) > 1 else [0]
    widest = [max(cell_len(text) for text in column) + pad for column, pad in zip(columns, padding, strict=True)]
    least = [max((cell_len(word) for text in column for word in text.split()), default=1) + pad
             for column, pad in zip(columns, padding, strict=True)]  # fmt: skip
    room = width - (len(columns) - 1)  # a rule between columns, none at the edges
    if sum(least) > room:
        return None
    widths = list(widest)
    while sum(widths) > room:
        index = max((index for index in range(len(widths)) if widths[index] > least[index]),
                    key=lambda index: (widths[index], index))  # fmt: skip
        widths[index] -= 1
    return [padded - pad for padded, pad in zip(widths, padding, strict=True)]


def draw_row_blocks(console: Console, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """For a screen too narrow for the table: each row its first cell, then the others under it."""
    from rich.text import Text

    from otscli.render.layout import hang, print_lines

    lines: list[Text] = []
    for first, *rest in rows:
        body = " · ".join(f"{header}: {value}" for header, value in zip(headers[1:], rest, strict=True) if value)
        lines.append(Text(first, style="bold"))
        lines += hang(console, Text("  "), Text(body), 2)
    print_lines(console, lines)


def event_cells(event: Event, catalog: Catalog) -> dict[str, str]:
    flag = f" [{status_label(event, catalog)}]" if event.is_planned else ""
    title = event.title + flag + (" ⚑" if event.is_disputed else "")
    return {"Date": event.display_date, "Event": title, "Kind": kind_label(event), "Place": place(event, catalog),
            "Id": event.id}  # fmt: skip


def draw_events(console: Console, events: Sequence[Event], catalog: Catalog) -> None:

    if not events:
        return
    if is_piped(console):
        headers = ("Date", "Event", "Kind", "Place", "Id")
        write_tsv(console, headers, [[event_cells(event, catalog)[h] for h in headers] for event in events])
    elif table_layout(events, console.width) != "lines":
        console.print(events_table(events, catalog, console.width))
    else:
        draw_event_lines(console, events, catalog)


def draw_organs(console: Console, catalog: Catalog) -> None:
    counts = Counter(organ_id for event in catalog.events for organ_id in event.organs)
    rows = [(organ.id, organ.name, organ.kind, str(counts[organ.id])) for organ in catalog.organs]
    show(console, ("Id", "Name", "Kind", "Events"), rows)


def draw_states(console: Console, catalog: Catalog) -> None:
    rows = []
    for state in catalog.states:
        count = sum(1 for event in catalog.events if state.id in catalog.states_involved(event))
        rows.append((state.id, state.name, current_status(state), str(count)))
    show(console, ("Id", "Name", "Status", "Events"), rows)


def draw_cities(console: Console, catalog: Catalog) -> None:
    counts = Counter(event.city for event in catalog.events)
    rows = [(city.id, city.name, catalog.state_by_id[city.state].name, str(counts[city.id])) for city in catalog.cities]
    show(console, ("Id", "Name", "State", "Events"), rows)


def draw_sources(console: Console, catalog: Catalog) -> None:
    counts = Counter(source_id for event in catalog.events for source_id in event.sources)
    rows = [(source.id, source.title, source.publisher or "", str(source.date or ""), str(counts[source.id]))
            for source in catalog.sources]  # fmt: skip
    show(console, ("Id", "Title", "Publisher", "Date", "Events"), rows)


def draw_chosen_fields(console: Console, events: Sequence[Event], fields: Sequence[str]) -> None:
    """`ots list --fields a,b`: a column per field, the values as CSV writes them."""
    from otscli.render.csvfile import plain_cell
    from otscli.render.json_output import records

    show(console, fields, [[plain_cell(name, value) for name, value in row.items()] for row in records(events, fields)])
