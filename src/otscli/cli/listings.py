"""Commands that list events: timeline, list, search, stats, on-this-day."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from otscli.cli.app import session
from otscli.cli.options import NO_FILTERS, Filters, Json, Limit, Pager, Reverse, command, output, with_filters
from otscli.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from otscli.models import Catalog, Event

APPS: dict[str, typer.Typer] = {}


@command(APPS, "timeline")
@with_filters
def timeline(
    ctx: typer.Context, filters: Filters, reverse: Reverse = False, limit: Limit = None, json: Json = False,
    pager: Pager = False,
) -> None:  # fmt: skip
    """The events as a vertical timeline, grouped by year.

    \b
    Example: ots timeline --since 2019 --organ CHS
    """
    from otscli.render import timeline as drawn

    list_events(ctx, filters, reverse=reverse, limit=limit, json=json, pager=pager, draw=drawn.draw, plain=drawn.plain)


@command(APPS, "list")
@with_filters
def list_(
    ctx: typer.Context, filters: Filters, reverse: Reverse = False, limit: Limit = None, json: Json = False,
    pager: Pager = False,
) -> None:  # fmt: skip
    """The events as a table, one row each.

    \b
    Example: ots list --year 2022 --kind summit
    """
    from otscli.render import tables

    list_events(ctx, filters, reverse=reverse, limit=limit, json=json, pager=pager, draw=tables.draw_events)


def list_events(
    ctx: typer.Context, filters: Filters, *, reverse: bool, limit: int | None, json: bool, pager: bool,
    draw: Callable[[Console, list[Event], Catalog], None], text: str = "",
    plain: Callable[[list[Event], Catalog, int], str | None] | None = None,
) -> None:  # fmt: skip
    """What timeline, list and search share: select the events, then print them as JSON or draw them."""
    from otscli.query import select
    from otscli.render import json as json_out

    catalog = session(ctx).catalog()
    events = select(catalog, filters.resolve(catalog, text), reverse=reverse, limit=limit)
    as_plain = None if plain is None else lambda width: plain(events, catalog, width)
    output(json, pager, lambda: json_out.records(events), lambda out: draw(out, events, catalog), as_plain)


@command(APPS, "search")
@with_filters
def search(
    ctx: typer.Context, text: Annotated[str, typer.Argument(metavar="TEXT", help="Words that must all appear.")],
    filters: Filters, reverse: Reverse = False, limit: Limit = None, json: Json = False, pager: Pager = False,
) -> None:  # fmt: skip
    """Events whose title, summary, outcomes or tags hold every word of TEXT.

    \b
    Example: ots search "vision 2040"
    """
    from otscli.render import timeline as drawn

    if not text.strip():
        raise UsageError("empty search text")
    list_events(
        ctx, filters, reverse=reverse, limit=limit, json=json, pager=pager, draw=drawn.draw, plain=drawn.plain,
        text=text,
    )  # fmt: skip


@command(APPS, "stats")
@with_filters
def stats(
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", metavar="GROUP", help="year, organ, city, state or kind.")] = "year",
    filters: Filters = NO_FILTERS,
    limit: Annotated[int | None, typer.Option("--limit", metavar="N", min=0, help="At most N rows.")] = None,
    json: Json = False,
    pager: Pager = False,
) -> None:
    """How many events there are per year, organ, city, state or kind, as a bar chart.

    \b
    An event counts once for each organ it names and each state it involves;
    an act that was part of a meeting (an appointment, say) counts with it.
    Example: ots stats --by city --kind summit
    """
    from otscli.query import count_by, grouping, select
    from otscli.render import json as json_out
    from otscli.render import stats as drawn

    catalog = session(ctx).catalog()
    counts = count_by(catalog, select(catalog, filters.resolve(catalog)), grouping(by))[:limit]
    output(json, pager, lambda: json_out.counts(counts), lambda out: drawn.draw(out, counts))


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
    import datetime as dt

    from otscli import query
    from otscli.render import json as json_out
    from otscli.render import timeline as drawn

    today = dt.date.today()
    month, day_of_month = query.parse_month_day(day, today)
    catalog = session(ctx).catalog()
    found = query.on_this_day(catalog, month, day_of_month, today)
    output(
        json, pager, lambda: json_out.anniversaries(found), lambda out: drawn.draw_anniversaries(out, found, catalog)
    )
