"""The options that several commands share, each declared once, and the glue every command ends with."""

from __future__ import annotations

import functools
import inspect
import sys
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from otscli.criteria import Criteria

if TYPE_CHECKING:
    from otscli.render.display import Display
    from otscli.render.drawing import Canvas, Drawing

Since = Annotated[str | None, typer.Option("--since", metavar="DATE", help="Events ending on or after DATE.")]
Until = Annotated[str | None, typer.Option("--until", metavar="DATE", help="Events starting on or before DATE.")]
# Spelled out as types: --organ, which `ots coverage` takes alone, and --number, whose values are whole numbers.
Organ = Annotated[
    list[str] | None, typer.Option("--organ", metavar="NAME", help="Organ id, name or alias (repeatable).")
]
Number = Annotated[
    list[int] | None, typer.Option("--number", metavar="N", min=1, help="Meetings with this ordinal (repeatable).")
]
Reverse = Annotated[bool, typer.Option("--reverse", "-r", help="Newest first.")]
Limit = Annotated[int | None, typer.Option("--limit", "-n", metavar="N", min=0, help="At most N events.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
Fields = Annotated[
    str | None,
    typer.Option("--fields", metavar="LIST", help="Only these event fields, e.g. id,date,title (tables, --json, -o)."),
]
OutputFile = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", readable=False, help="Write to FILE, in the format its extension names."
    ),
]
Pager = Annotated[bool, typer.Option("--pager", help="Page even output that fits the screen (only on a terminal).")]


def repeatable(flag: str, metavar: str, description: str) -> Any:
    """A filter option that may be given again and again: typer gathers its values in a list (None if not given)."""
    return Annotated[list[str] | None, typer.Option(flag, metavar=metavar, help=description)]


# The filter options, by the Criteria field each fills: a command takes one `filters: Criteria` parameter, and
# `with_filters` shows typer one option per field, so a new filter is one Criteria field and one line here.
FILTER_OPTIONS: dict[str, Any] = {
    "since": Since,
    "until": Until,
    "years": repeatable(
        "--year", "YYYY[..YYYY]", "Events in this year, or span: 2019..2021, 2019.., ..2015 (repeatable)."
    ),
    "organs": Organ,
    "cities": repeatable("--city", "NAME", "City name or alias (repeatable)."),
    "states": repeatable("--state", "NAME", "Held in this state, or with it taking part (repeatable)."),
    "hosts": repeatable("--host", "NAME", "Held in this state, whoever took part (repeatable)."),
    "kinds": repeatable("--kind", "KIND", "summit, informal summit, meeting, ... (repeatable; see 'ots kinds')."),
    "statuses": repeatable("--status", "STATUS", "held, planned or cancelled (repeatable)."),
    "tags": repeatable("--tag", "TAG", "Events with this tag (repeatable)."),
    "numbers": Number,
}
NO_FILTERS = Criteria()
assert list(FILTER_OPTIONS) == [name for name in Criteria._fields if name != "text"]


class Listing(NamedTuple):
    """How a listing of events is shown, as typed: the options timeline, list and search share."""

    reverse: bool = False
    limit: int | None = None
    json: bool = False
    fields: str | None = None
    output: str | None = None
    pager: bool = False


LISTING_OPTIONS: dict[str, Any] = {
    "reverse": Reverse,
    "limit": Limit,
    "json": Json,
    "fields": Fields,
    "output": OutputFile,
    "pager": Pager,
}
assert list(LISTING_OPTIONS) == list(Listing._fields)


def criteria_from(given: dict[str, Any]) -> Criteria:
    """Criteria from typer's values: the repeatable options as tuples."""
    repeated: dict[str, Any] = {
        name: tuple(value or ()) for name, value in given.items() if name not in ("since", "until")
    }
    return Criteria(since=given["since"], until=given["until"], **repeated)


def flag_of(field: str) -> str:
    """The option a value came by, named as the user typed it: "--year" for the Criteria field "years"."""
    declared = FILTER_OPTIONS.get(field)
    option = typing.get_args(declared)[1] if declared is not None else None
    # In an Annotated declaration typer takes the first positional value ("--year") as the option's name.
    names = [name for name in (getattr(option, "default", None), *getattr(option, "param_decls", ())) if name]
    return next((name for name in names if isinstance(name, str) and name.startswith("--")), f"--{field}")


# The parameter types that commands take whole and typer sees as one option per field, with how to build them.
EXPANDED: dict[type, tuple[dict[str, Any], Callable[[dict[str, Any]], Any]]] = {
    Criteria: (FILTER_OPTIONS, criteria_from),
    Listing: (LISTING_OPTIONS, lambda given: Listing(**given)),
}


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """`command` with its `Criteria` (and `Listing`) parameters shown to typer as one option per field."""
    signature = inspect.signature(command)
    hints = typing.get_type_hints(command, include_extras=True)
    parameters: list[inspect.Parameter] = []
    expanded: dict[str, tuple[dict[str, Any], Callable[[dict[str, Any]], Any]]] = {}
    for parameter in signature.parameters.values():
        hint = hints[parameter.name]
        if hint in EXPANDED:
            options = EXPANDED[hint][0]
            expanded[parameter.name] = EXPANDED[hint]
            defaults = hint()
            parameters += [
                inspect.Parameter(
                    name, inspect.Parameter.KEYWORD_ONLY, default=getattr(defaults, name), annotation=annotation
                )
                for name, annotation in options.items()
            ]
        else:
            parameters.append(parameter.replace(annotation=hint, kind=inspect.Parameter.KEYWORD_ONLY))

    @functools.wraps(command)
    def typed(**given: Any) -> None:
        for name, (options, build) in expanded.items():
            given[name] = build({option: given.pop(option) for option in options})
        command(**given)

    typed.__signature__ = signature.replace(parameters=parameters, return_annotation=None)  # type: ignore[attr-defined]
    typed.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
    return typed


def command(apps: dict[str, typer.Typer], name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Registers a command function under `name` in its module's APPS: one Typer each, so that running one
    command builds only its own options."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        single = apps[name] = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)
        single.command(name)(function)
        return function

    return register


NOTHING_MATCHES = "The record holds no event that matches."


def say(note: str | None) -> None:
    """A note on stderr (an empty result), so that stdout holds data only: exit 0 still."""
    if note is not None:
        sys.stderr.write(note + "\n")


def output(
    display: Display,
    as_json: bool,
    pager: bool,
    data: Callable[[], Any],
    draw: Callable[[Canvas], Drawing],
    nothing: str | None = None,
) -> None:
    """Print `data()` as JSON, or what `draw` makes for stdout's canvas, through a pager if asked and on a
    terminal, then say `nothing` (when what was asked for came out empty). JSON never loads rich."""
    if as_json:
        from otscli.render import json_output as json_out

        json_out.write(data())
        return
    from otscli.render.console import canvas, show

    show(draw(canvas(display)), display, forced=pager)
    say(nothing)
