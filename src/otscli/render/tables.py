"""Tables: events as rows, and the registries of organs, states, cities and sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from otscli.models import Catalog, Event
from otscli.render.describe import current_status, kind_label, place, status_label
from otscli.render.drawing import Canvas, Column, Drawing, Grid, Styled, tab_separated
from otscli.render.layout import hang

KIND_WIDTH, PLACE_WIDTH = 16, 20
MIN_TITLE_WIDTH = 40  # the title keeps at least this, else what is beside it goes under it
EVENT_HEADERS = ("Date", "Event", "Kind", "Place", "Id")


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


EVENT_COLUMNS = {
    "Date": Column("Date", no_wrap=True),
    "Event": Column("Event"),  # folded where the table is too wide; date and id never are
    "Kind": Column("Kind", max_width=KIND_WIDTH),
    "Place": Column("Place", max_width=PLACE_WIDTH),
    "Id": Column("Id", no_wrap=True),
}


def events_grid(events: Sequence[Event], catalog: Catalog, layout: str) -> Grid:
    """Date and id are never folded (ids are for copying) and the title gets the width; what does not fit beside
    it (kind and place, then the id) goes under it."""
    wanted = {"kind-place-id": EVENT_HEADERS, "id": ("Date", "Event", "Id")}.get(layout, ("Date", "Event"))
    rows: list[tuple[Styled, ...]] = []
    for event in events:
        cells = event_cells(event, catalog)
        if layout == "kind-place-id":
            rows.append(tuple(Styled(cells[header]) for header in wanted))
            continue
        title = Styled.assemble(cells["Event"], ("\n" + under(cells), "dim"))
        if layout == "id":
            rows.append((Styled(cells["Date"]), title, Styled(cells["Id"])))
        else:
            rows.append((Styled(cells["Date"]), Styled.assemble(title, ("\n" + cells["Id"], "cyan"))))
    return Grid(tuple(EVENT_COLUMNS[header] for header in wanted), tuple(rows))


def under(cells: dict[str, str]) -> str:
    """Kind and place, for a line under the title."""
    return " · ".join(part for part in (cells["Kind"], cells["Place"]) if part)


def event_lines(events: Sequence[Event], catalog: Catalog, width: int) -> Drawing:
    """For a narrow screen: each event's date and title, its kind and place under it, then its id whole."""
    date_width = max(len(event.display_date) for event in events)
    lines: Drawing = []
    for event in events:
        cells = event_cells(event, catalog)
        body = Styled.assemble(cells["Event"], ("\n" + under(cells), "dim"))
        lines += hang(Styled(cells["Date"].ljust(date_width) + " "), body, date_width + 1, width)
        lines.append(Styled.of(event.id, "cyan"))
    return lines


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], canvas: Canvas) -> Drawing:
    """A table: drawn on a terminal, tab-separated in a pipe, a block a row when too narrow for columns."""
    if canvas.piped:
        return tab_separated(headers, rows)
    widths = fitted_widths(headers, rows, canvas.width)
    if widths is None:
        return row_blocks(headers, rows, canvas.width)
    columns = tuple(Column(header, width=width) for header, width in zip(headers, widths, strict=True))
    return [Grid(columns, tuple(tuple(map(Styled, row)) for row in rows))]


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


def row_blocks(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> Drawing:
    """For a screen too narrow for the table: each row its first cell, then the others under it."""
    lines: Drawing = []
    for first, *rest in rows:
        body = " · ".join(f"{header}: {value}" for header, value in zip(headers[1:], rest, strict=True) if value)
        lines.append(Styled.of(first, "bold"))
        lines += hang(Styled("  "), Styled(body), 2, width)
    return lines


def event_cells(event: Event, catalog: Catalog) -> dict[str, str]:
    flag = f" [{status_label(event, catalog)}]" if event.is_planned else ""
    title = event.title + flag + (" ⚑" if event.is_disputed else "")
    return {"Date": event.display_date, "Event": title, "Kind": kind_label(event), "Place": place(event, catalog),
            "Id": event.id}  # fmt: skip


def events(chosen: Sequence[Event], catalog: Catalog, canvas: Canvas) -> Drawing:
    """`ots list`: a row an event, as many columns as the width allows."""
    if not chosen:
        return []
    if canvas.piped:
        rows = [[event_cells(event, catalog)[header] for header in EVENT_HEADERS] for event in chosen]
        return tab_separated(EVENT_HEADERS, rows)
    layout = table_layout(chosen, canvas.width)
    if layout == "lines":
        return event_lines(chosen, catalog, canvas.width)
    return [events_grid(chosen, catalog, layout)]


def organs(catalog: Catalog, canvas: Canvas) -> Drawing:
    counts = Counter(organ_id for event in catalog.events for organ_id in event.organs)
    rows = [(organ.id, organ.name, organ.kind, str(counts[organ.id])) for organ in catalog.organs]
    return table(("Id", "Name", "Kind", "Events"), rows, canvas)


def states(catalog: Catalog, canvas: Canvas) -> Drawing:
    rows = []
    for state in catalog.states:
        count = sum(1 for event in catalog.events if state.id in catalog.states_involved(event))
        rows.append((state.id, state.name, current_status(state), str(count)))
    return table(("Id", "Name", "Status", "Events"), rows, canvas)


def cities(catalog: Catalog, canvas: Canvas) -> Drawing:
    counts = Counter(event.city for event in catalog.events)
    rows = [(city.id, city.name, catalog.state_by_id[city.state].name, str(counts[city.id])) for city in catalog.cities]
    return table(("Id", "Name", "State", "Events"), rows, canvas)


def sources(catalog: Catalog, canvas: Canvas) -> Drawing:
    counts = Counter(source_id for event in catalog.events for source_id in event.sources)
    rows = [(source.id, source.title, source.publisher or "", str(source.date or ""), str(counts[source.id]))
            for source in catalog.sources]  # fmt: skip
    return table(("Id", "Title", "Publisher", "Date", "Events"), rows, canvas)


def chosen_fields(events: Sequence[Event], fields: Sequence[str], canvas: Canvas) -> Drawing:
    """`ots list --fields a,b`: a column per field, the values as CSV writes them."""
    from otscli.render.csvfile import plain_cell
    from otscli.render.json_output import records

    rows = [[plain_cell(name, value) for name, value in row.items()] for row in records(events, fields)]
    return table(fields, rows, canvas)
