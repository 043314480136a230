"""Commands that list or count events: timeline, list, next, search, stats, on-this-day."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from otscli.cli.app import session
from otscli.cli.options import (
    NO_FILTERS,
    NOTHING_MATCHES,
    Json,
    Listing,
    Pager,
    command,
    output,
    say,
    with_filters,
)
from otscli.criteria import Criteria
from otscli.errors import UsageError, printable

if TYPE_CHECKING:
    from otscli.models import Catalog, Event
    from otscli.render.drawing import Canvas, Drawing

APPS: dict[str, typer.Typer] = {}


@command(APPS, "timeline")
@with_filters
def timeline(ctx: typer.Context, filters: Criteria, listing: Listing) -> None:
    """The events as a vertical timeline, grouped by year.

    \b
    Example: ots timeline --since 2019 --organ CHS
    """
    list_events(ctx, filters, listing, Shown(draw=timeline_of()))


@command(APPS, "list")
@with_filters
def list_(ctx: typer.Context, filters: Criteria, listing: Listing) -> None:
    """The events as a table, one row each (tab-separated in a pipe).

    \b
    Example: ots list --year 2022 --kind summit --fields date,title,city
    """
    list_events(ctx, filters, listing, Shown(draw=table_of_events, is_table=True))


@command(APPS, "next")
@with_filters
def next_(ctx: typer.Context, filters: Criteria, listing: Listing) -> None:
    """Plans still ahead: planned events whose last possible day is today or later, soonest first.

    \b
    The same as `ots timeline --since today --status planned`; plans whose date has passed without a report are
    left out (`ots list --status planned` shows them, marked).
    Example: ots next --organ CHS
    """
    ahead = filters._replace(since=filters.since or "today", statuses=filters.statuses or ("planned",))
    list_events(ctx, ahead, listing, Shown(draw=timeline_of()))


@command(APPS, "search")
@with_filters
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words that must all appear.")],
    filters: Criteria,
    listing: Listing,
) -> None:
    """Events whose title, summary, outcomes, tags or id hold every word of TEXT.

    \b
    "Quoted words" must stand together; a state's, organ's or city's name finds its other names too.
    Example: ots search '"vision 2040" Turkey'
    """
    if not text.strip():
        raise UsageError("empty search text")
    words = [phrase or word for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text)]
    list_events(ctx, filters, listing, Shown(draw=timeline_of(highlight=words)), text=text)


DrawEvents = Callable[[list["Event"], "Catalog", "Canvas"], "Drawing"]


def timeline_of(highlight: Sequence[str] = ()) -> DrawEvents:
    """The timeline renderer, imported only if something is drawn: JSON needs none."""

    def draw(events: list[Event], catalog: Catalog, canvas: Canvas) -> Drawing:
        from otscli.render import timeline

        return timeline.drawing(events, catalog, canvas, highlight)

    return draw


def table_of_events(events: list[Event], catalog: Catalog, canvas: Canvas) -> Drawing:
    from otscli.render import tables

    return tables.events(events, catalog, canvas)


class Shown(NamedTuple):
    """How a listing draws its events, when it draws them."""

    draw: DrawEvents
    is_table: bool = False


def list_events(ctx: typer.Context, filters: Criteria, listing: Listing, shown: Shown, text: str = "") -> None:
    """What timeline, list and search share: select the events, then write, print or draw them."""
    from otscli.query import select
    from otscli.render import json_output as json_out

    chosen = json_out.choose_fields(listing.fields) if listing.fields is not None else None
    catalog = session(ctx).catalog()
    events = select(catalog, filters._replace(text=text).resolve(catalog), reverse=listing.reverse, limit=listing.limit)
    if listing.output is not None:
        write_file(listing.output, events, catalog, chosen)
    elif listing.json:
        json_out.write(json_out.records(events, chosen))
    elif chosen is not None:
        if not shown.is_table:
            raise UsageError("--fields: a timeline has no columns; use it with --json, -o FILE or ots list")
        from otscli.render.tables import chosen_fields

        output(session(ctx).display, False, listing.pager, list, lambda canvas: chosen_fields(events, chosen, canvas))
    else:
        nothing = None if events else NOTHING_MATCHES
        output(session(ctx).display, False, listing.pager, list, lambda canvas: shown.draw(events, catalog, canvas),
               nothing)  # fmt: skip


def write_file(path: str, events: list[Event], catalog: Catalog, fields: tuple[str, ...] | None) -> None:
    """-o FILE on a listing: the export format the extension names, as `ots export -o FILE` writes it."""
    from otscli.atomic import write_output
    from otscli.render.exports import choose_exporter

    write_output(path, choose_exporter(None, path).export(events, catalog, fields).encode("utf-8"))


@command(APPS, "stats")
@with_filters
def stats(
    ctx: typer.Context,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by", metavar="GROUP", help="year, organ, city, state or kind (default: year).", show_default=False
        ),
    ] = None,
    filters: Criteria = NO_FILTERS,
    limit: Annotated[int | None, typer.Option("--limit", metavar="N", min=0, help="At most N rows.")] = None,
    json: Json = False,
    pager: Pager = False,
    chart: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE.svg", help="Save the bar chart as a picture for an article."),
    ] = None,
) -> None:
    """How many events there are per year, organ, city, state or kind, as a bar chart.

    \b
    An event counts once for each organ it names and each state it involves;
    an act done at a meeting (a declaration adopted at a summit) counts with the
    meeting wherever both fall in the same group, as `ots organ` and `ots coverage`
    count. Years with no event between the first and the last show as 0.
    Example: ots stats --by city --kind summit
    """
    from otscli.counting import count_by
    from otscli.criteria import grouping
    from otscli.query import select
    from otscli.render import json_output as json_out
    from otscli.render import stats as drawn

    if by is not None and len(by) > 1:
        raise UsageError(f"--by given {len(by)} times; give one of year, organ, city, state or kind")
    catalog = session(ctx).catalog()
    counts = count_by(catalog, select(catalog, filters.resolve(catalog)), grouping(by[0] if by else "year"))[:limit]
    if chart is not None:
        from otscli.atomic import write_output
        from otscli.render.picture import chart_svg

        if not chart.lower().endswith(".svg"):
            raise UsageError(f"-o {printable(chart)}: a chart is written as SVG; give a name ending in .svg")
        title = f"Events per {by[0] if by else 'year'} (ots stats)"
        say(None if counts else NOTHING_MATCHES)
        write_output(chart, chart_svg(lambda canvas: drawn.bars(counts, canvas), title).encode("utf-8"))
        return
    nothing = None if counts else NOTHING_MATCHES
    output(session(ctx).display, json, pager, lambda: json_out.counts(counts),
           lambda canvas: drawn.bars(counts, canvas), nothing=nothing)  # fmt: skip


@command(APPS, "on-this-day")
def on_this_day(
    ctx: typer.Context,
    day: Annotated[str | None, typer.Option("--date", metavar="MM-DD", help="Default: today.")] = None,
    json: Json = False,
    pager: Pager = False,
) -> None:
    """What happened on this day of the year in earlier years, and how long ago.

    \b
    Example: ots on-this-day --date 11-12
    """

    from otscli import counting, criteria
    from otscli.clock import today as clock_today
    from otscli.render import json_output as json_out
    from otscli.render import timeline as drawn

    today = clock_today()
    month, day_of_month = criteria.parse_month_day(day, today)
    catalog = session(ctx).catalog()
    found = counting.on_this_day(catalog, month, day_of_month, today)
    output(
        session(ctx).display,
        json,
        pager,
        lambda: json_out.anniversaries(found),
        lambda canvas: drawn.anniversaries(found, catalog, canvas),
        nothing=None if found else "The record holds no event for this day in earlier years.",
    )
