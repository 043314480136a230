"""Commands that look one thing up, or list a registry: show, organ(s), state(s), city(ies), source(s).

The four registries share one shape (a name → the record and its events; no name → all of them), so they are
made from one table of what differs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from otscli.cli.app import session
from otscli.cli.options import NO_FILTERS, NOTHING_MATCHES, Json, Pager, command, output, with_filters
from otscli.criteria import Criteria
from otscli.kinds import BY_TABLE, Kind

if TYPE_CHECKING:
    from otscli.models import Catalog, Event
    from otscli.render.drawing import Canvas, Drawing

APPS: dict[str, typer.Typer] = {}


@command(APPS, "show")
def show(
    ctx: typer.Context,
    event_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="An event id, or the start of one."),
    ],
    json: Json = False,
    pager: Pager = False,
) -> None:
    """One event, whole, with its sources and any disputed facts.

    \b
    Example: ots show 2018-09-03-summit-cholpon-ata
    """
    from otscli.query import find_event
    from otscli.render import json_output as json_out

    catalog = session(ctx).catalog()
    event = find_event(catalog, event_id)
    output(session(ctx).display, json, pager, lambda: json_out.event_page(event, catalog),
           event_page_of(event, catalog))  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Registry:
    """What differs between the organ, state, city and source commands, beyond the kind of record they show."""

    kind: Kind
    argument: str  # metavar of the name
    argument_help: str
    one_help: str
    many_help: str
    events_of: Callable[[Catalog, Any], list[Event]]
    about_each: Callable[[Catalog, Any, Event], dict[str, Any]] | None = None  # keys added to each event's JSON

    @property
    def one(self) -> str:
        """The command for one record, its JSON key, and the stem of its functions in query (`find_…`) and render.pages
        (`…_page`)."""
        return self.kind.table

    @property
    def many(self) -> str:
        """The command for all of them, the Catalog attribute, and the render.tables function."""
        return self.kind.plural


def events_with(field: str) -> Callable[[Catalog, Any], list[Event]]:
    def find(catalog: Catalog, record: Any) -> list[Event]:
        from otscli.query import Filter, select

        only: dict[str, Any] = {field: frozenset([record.id])}
        return select(catalog, Filter(**only))

    return find


def role_in(catalog: Catalog, state: Any, event: Event) -> dict[str, Any]:
    """The state's part in the event: "role": {"host": ..., "status": ...}."""
    from otscli.query import role_of

    role = role_of(catalog, state, event)
    return {"role": {"host": role.host, "status": role.status}}


def citing(catalog: Catalog, record: Any) -> list[Event]:
    from otscli.query import events_citing

    return events_citing(catalog, record.id)


REGISTRIES = (
    Registry(kind=BY_TABLE["organ"], argument="NAME", argument_help="Organ id, name or alias.",
             one_help="One organ and its events.\n\n\b\nAn act done at one of its meetings (a declaration, an "
                      "appointment) is listed,\nbut counts with the meeting, as in `ots stats` and `ots coverage`.\n"
                      "Example: ots organ CoE",
             many_help="All organs, related organizations and mechanisms.\n\n\b\nExample: ots organs",
             events_of=events_with("organs")),
    Registry(kind=BY_TABLE["state"], argument="NAME", argument_help="State id, name or alias.",
             one_help="One state: its membership history and the events it hosted or took part in.\n\n\b\n"
                      "Example: ots state Hungary",
             many_help="All states, with the latest standing in the organization that the record holds.\n\n\b\n"
                       "Example: ots states --json | jq -r '.[].name'",
             events_of=events_with("states"),
             about_each=role_in),
    Registry(kind=BY_TABLE["city"], argument="NAME", argument_help="City name or alias.",
             one_help="One city and the events held there.\n\n\b\n"
                      "Example: ots city Baku --json | jq '.events | length'",
             many_help="All cities that events name.\n\n\b\nExample: ots cities",
             events_of=events_with("cities")),
    Registry(kind=BY_TABLE["source"], argument="ID", argument_help="Source id or title.",
             one_help="One source and every event that cites it.\n\n\b\nExample: ots source wikipedia-2024-ots-summit",
             many_help="All sources, with how many events cite each.\n\n\b\nExample: ots sources",
             events_of=citing),
)  # fmt: skip


def event_page_of(event: Event, catalog: Catalog) -> Callable[[Canvas], Drawing]:
    """The page of one event, its renderer imported only if it is drawn: JSON needs none."""

    def draw(canvas: Canvas) -> Drawing:
        from otscli.render import pages

        return pages.event_page(event, catalog, canvas)

    return draw


def page_of(kind: str, record: Any, events: list[Event], catalog: Catalog) -> Callable[[Canvas], Drawing]:
    """The page of an organ, state, city or source (`render.pages.<kind>_page`), imported only if it is drawn."""

    def draw(canvas: Canvas) -> Drawing:
        from otscli.render import pages

        page: Callable[[Any, list[Event], Catalog, Canvas], Drawing] = getattr(pages, f"{kind}_page")
        return page(record, events, catalog, canvas)

    return draw


def lookup_command(registry: Registry) -> Callable[..., None]:
    def lookup(
        ctx: typer.Context,
        name: str,
        filters: Criteria = NO_FILTERS,
        json: Json = False,
        pager: Pager = False,
    ) -> None:
        from otscli import query
        from otscli.render import json_output as json_out

        catalog = session(ctx).catalog()
        found = getattr(query, f"find_{registry.one}")(catalog, name)
        events = registry.events_of(catalog, found)
        if filters != NO_FILTERS:
            wanted = filters.resolve(catalog)
            events = [event for event in events if wanted.matches(event, catalog)]

        def data() -> dict[str, Any]:
            listed = json_out.records(events)
            if registry.about_each is not None:
                for item, event in zip(listed, events, strict=True):
                    item.update(registry.about_each(catalog, found, event))
            return {registry.one: json_out.record(found), "events": listed}

        nothing = None if events else NOTHING_MATCHES
        output(session(ctx).display, json, pager, data, page_of(registry.one, found, events, catalog), nothing=nothing)

    lookup.__doc__ = registry.one_help
    # Set here rather than written in the signature: the argument's help is this registry's, a closure value.
    lookup.__annotations__["name"] = Annotated[
        str,
        typer.Argument(metavar=registry.argument, help=registry.argument_help),
    ]
    return with_filters(lookup)


def listing_command(registry: Registry) -> Callable[..., None]:
    def listing(ctx: typer.Context, json: Json = False, pager: Pager = False) -> None:
        from otscli.render import json_output as json_out
        from otscli.render import tables

        catalog = session(ctx).catalog()
        table = getattr(tables, registry.many)
        output(
            session(ctx).display,
            json,
            pager,
            lambda: json_out.records(getattr(catalog, registry.many)),
            lambda canvas: table(catalog, canvas),
        )

    listing.__doc__ = registry.many_help
    return listing


for _registry in REGISTRIES:
    command(APPS, _registry.one)(lookup_command(_registry))
    command(APPS, _registry.many)(listing_command(_registry))
