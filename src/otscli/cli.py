"""The `ots` command: options -> query -> render, and the one place errors become exit codes."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import sys
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info, get_command_name

from otscli import __version__
from otscli.errors import DataError, OtsError, UsageError, printable

if TYPE_CHECKING:
    from rich.console import Console
    from typer._click import core as click

    from otscli.models import Catalog
    from otscli.query import Filter


class Boundary(TyperGroup):
    """Runs the command and turns every way it can end into one stderr line and an exit code.

    Its subcommands are built only when used: see LazyCommands.
    """

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.commands = LazyCommands(commands)

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> Any:
            return super(Boundary, self).main(
                args, prog_name or "ots", complete_var, False, windows_expand_args, **extra
            )

        code = guarded(run)
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as error:  # past typer, which would end a closed pipe with exit 1
            raise OutputFailed(error) from None


class OutputFailed(Exception):
    """A write failed inside a command; carries the OSError to the boundary."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class LazyCommands(MutableMapping[str, "click.Command"]):
    """The subcommands by name, each turned into a click command only when looked up. Typer would build all
    eighteen, with every option, on every run: a sixth of the start-up of `ots timeline --json`."""

    def __init__(self, registry: typer.Typer) -> None:
        self.registry = registry
        self.built: dict[str, click.Command] = {}
        self.infos = {
            info.name or get_command_name(info.callback.__name__): info
            for info in registry.registered_commands
            if info.callback is not None
        }

    def __getitem__(self, name: str) -> click.Command:
        if name not in self.built:
            self.built[name] = get_command_from_info(
                self.infos[name],
                pretty_exceptions_short=self.registry.pretty_exceptions_short,
                rich_markup_mode=self.registry.rich_markup_mode,
            )
        return self.built[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        self.built.pop(name, None)
        del self.infos[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.infos)

    def __len__(self) -> int:
        return len(self.infos)


def guarded(run: Callable[[], Any]) -> int:
    """The exit code of `run`, after reporting whatever went wrong in one line on stderr."""
    if sys.stdout is None:
        return report("standard output is closed", 1)
    if (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    try:
        result = run()
        sys.stdout.flush()
    except OtsError as error:
        prefix = "" if isinstance(error, DataError) else "ots: "
        return report_lines([prefix + line for line in error.message.splitlines()], error.exit_code)
    except typer.Exit as exit_:  # typer turns Ctrl-C into Exit(130)
        return report("interrupted", 130) if exit_.exit_code == 130 else exit_.exit_code
    except (typer.Abort, KeyboardInterrupt):
        return report("interrupted", 130)
    except typer.TyperException as error:  # click's usage errors: bad option, missing argument
        message = printable(error.format_message())
        return report(f"{message} (see 'ots --help')", getattr(error, "exit_code", 2))
    except OSError as error:
        return output_failed(error)
    except OutputFailed as failed:
        return output_failed(failed.error)
    except RecursionError:
        return report("input nested too deeply", 1)
    except Exception as error:
        if os.environ.get("OTS_DEBUG"):
            raise
        return report(
            f"internal error: {type(error).__name__}: {printable(str(error))} (set OTS_DEBUG=1 for details)", 1
        )
    if result == 130:  # typer returns Ctrl-C as an exit code when not standalone
        return report("interrupted", 130)
    return result if isinstance(result, int) else 0


def output_failed(error: OSError) -> int:
    """A write to stdout failed: quiet when the reader went away, one line otherwise."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())
    if error.errno == errno.EPIPE:
        return 0
    return report(f"cannot write output: {error.strerror or error}", 1)


def report(message: str, code: int) -> int:
    return report_lines([f"ots: {message}"], code)


def report_lines(lines: list[str], code: int) -> int:
    try:
        sys.stderr.write("".join(line + "\n" for line in lines))
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return code


commands = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)  # the subcommands; see Boundary
app = typer.Typer(
    cls=Boundary,
    name="ots",
    help="The history of the Organization of Turkic States: summits, councils, agreements, members.",
    epilog="Examples: ots timeline --since 2019 | ots organ CoE | ots state Hungary --json",
    invoke_without_command=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Session:
    """What the global options chose: which files to read. The catalog is loaded once, on demand."""

    extra: list[Path] = field(default_factory=list)
    bundled: bool = True
    cache: bool = True
    _catalog: Catalog | None = None

    def catalog(self) -> Catalog:
        if self._catalog is None:
            from otscli import store

            self._catalog = store.load(self.extra, bundled=self.bundled, cache=self.cache)
        return self._catalog


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"ots {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data", metavar="PATH", readable=False, help="Also read this data file (repeatable; OTS_DATA adds more)."
        ),
    ] = None,
    no_bundled: Annotated[bool, typer.Option("--no-bundled", help="Leave out the bundled data.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every file afresh; neither read nor write the cache.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    ctx.obj = Session(list(data or []), bundled=not no_bundled, cache=not no_cache)
    if ctx.invoked_subcommand is None:  # a bare `ots`: its help, as `ots --help` prints it
        typer.echo(ctx.get_help())


def session(ctx: typer.Context) -> Session:
    assert isinstance(ctx.obj, Session)
    return ctx.obj


def output(as_json: bool, pager: bool, data: Callable[[], Any], draw: Callable[[Console], None]) -> None:
    """Print `data()` as JSON, or let `draw` draw, through a pager if asked and on a terminal; JSON never loads rich."""
    if as_json:
        from otscli.render import json as json_out

        json_out.write(data())
        return
    from otscli.render.console import make_console

    console = make_console()
    if pager and console.is_terminal:
        os.environ.setdefault("LESS", "-FRX")  # keep colours, quit if one screen
        with console.pager(styles=True):
            draw(console)
    else:
        draw(console)


def completions(table: str) -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion from the data: ids, names and aliases that start like what was typed (in any case or
    accent), completed from the typed prefix so the shell keeps them; quiet when the data does not load."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        from otscli import store
        from otscli.names import fold

        try:
            catalog = store.load()
        except OtsError:
            return []
        wanted, size = fold(incomplete), len(incomplete)
        found = []
        for record in getattr(catalog, table):
            label = getattr(record, "name", None) or record.title
            texts = [record.id, label, *getattr(record, "aliases", [])]
            match = next((text for text in texts if fold(text[:size]) == wanted), None)
            if match is not None:
                found.append((incomplete + match[size:], label))
        return found

    return complete


# Options shared by the commands that list events.
Since = Annotated[str | None, typer.Option("--since", metavar="DATE", help="Events ending on or after DATE.")]
Until = Annotated[str | None, typer.Option("--until", metavar="DATE", help="Events starting on or before DATE.")]
Year = Annotated[
    list[int] | None, typer.Option("--year", metavar="YYYY", min=1, max=9999, help="Events in this year (repeatable).")
]
Organ = Annotated[
    list[str] | None,
    typer.Option(
        "--organ", metavar="NAME", autocompletion=completions("organs"), help="Organ id, name or alias (repeatable)."
    ),
]
City = Annotated[
    list[str] | None,
    typer.Option(
        "--city", metavar="NAME", autocompletion=completions("cities"), help="City name or alias (repeatable)."
    ),
]
State = Annotated[
    list[str] | None,
    typer.Option(
        "--state", metavar="NAME", autocompletion=completions("states"), help="Host or participant state (repeatable)."
    ),
]
Kind = Annotated[
    list[str] | None, typer.Option("--kind", metavar="KIND", help="summit, meeting, agreement, ... (repeatable).")
]
Status = Annotated[
    list[str] | None, typer.Option("--status", metavar="STATUS", help="held, planned or cancelled (repeatable).")
]
Reverse = Annotated[bool, typer.Option("--reverse", help="Newest first.")]
Limit = Annotated[int | None, typer.Option("--limit", metavar="N", min=0, help="At most N events.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
Pager = Annotated[bool, typer.Option("--pager", help="Page long output (only on a terminal).")]


def event_filter(
    catalog: Catalog,
    since: str | None,
    until: str | None,
    year: list[int] | None,
    organ: list[str] | None,
    city: list[str] | None,
    state: list[str] | None,
    kind: list[str] | None,
    status: list[str] | None,
    text: str = "",
) -> Filter:
    from otscli.query import Criteria

    criteria = Criteria(since, until, year or [], organ or [], city or [], state or [], kind or [], status or [], text)
    return criteria.resolve(catalog)


@commands.command()
def timeline(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    year: Year = None,
    organ: Organ = None,
    city: City = None,
    state: State = None,
    kind: Kind = None,
    status: Status = None,
    reverse: Reverse = False,
    limit: Limit = None,
    json: Json = False,
    pager: Pager = False,
) -> None:
    """The events as a vertical timeline, grouped by year.

    \b
    Example: ots timeline --since 2019 --organ CHS
    """
    from otscli.query import select
    from otscli.render import json as json_out
    from otscli.render import timeline as drawn

    catalog = session(ctx).catalog()
    where = event_filter(catalog, since, until, year, organ, city, state, kind, status)
    events = select(catalog, where, reverse=reverse, limit=limit)

    output(json, pager, lambda: json_out.records(events), lambda out: drawn.draw(out, events, catalog))


@commands.command("list")
def list_(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    year: Year = None,
    organ: Organ = None,
    city: City = None,
    state: State = None,
    kind: Kind = None,
    status: Status = None,
    reverse: Reverse = False,
    limit: Limit = None,
    json: Json = False,
    pager: Pager = False,
) -> None:
    """The events as a table, one row each.

    \b
    Example: ots list --year 2022 --kind summit
    """
    from otscli.query import select
    from otscli.render import json as json_out
    from otscli.render import tables

    catalog = session(ctx).catalog()
    where = event_filter(catalog, since, until, year, organ, city, state, kind, status)
    events = select(catalog, where, reverse=reverse, limit=limit)

    output(json, pager, lambda: json_out.records(events), lambda out: tables.draw_events(out, events, catalog))


@commands.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words that must all appear.")],
    since: Since = None,
    until: Until = None,
    year: Year = None,
    organ: Organ = None,
    city: City = None,
    state: State = None,
    kind: Kind = None,
    status: Status = None,
    reverse: Reverse = False,
    limit: Limit = None,
    json: Json = False,
    pager: Pager = False,
) -> None:
    """Events whose title, summary, outcomes or tags hold every word of TEXT.

    \b
    Example: ots search "vision 2040"
    """
    from otscli.query import select
    from otscli.render import json as json_out
    from otscli.render import timeline as drawn

    if not text.strip():
        raise UsageError("empty search text")
    catalog = session(ctx).catalog()
    where = event_filter(catalog, since, until, year, organ, city, state, kind, status, text)
    events = select(catalog, where, reverse=reverse, limit=limit)

    output(json, pager, lambda: json_out.records(events), lambda out: drawn.draw(out, events, catalog))


@commands.command()
def show(
    ctx: typer.Context,
    event_id: Annotated[
        str,
        typer.Argument(metavar="ID", autocompletion=completions("events"), help="An event id, or the start of one."),
    ],
    json: Json = False,
    pager: Pager = False,
) -> None:
    """One event, whole, with its sources and any disputed facts.

    \b
    Example: ots show 2018-09-03-summit-cholpon-ata
    """
    from otscli.query import find_event
    from otscli.render import json as json_out
    from otscli.render import pages

    catalog = session(ctx).catalog()
    event = find_event(catalog, event_id)

    output(json, pager, lambda: json_out.event_page(event, catalog), lambda out: pages.draw_event(out, event, catalog))


@commands.command()
def organ(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME", autocompletion=completions("organs"), help="Organ id, name or alias.")
    ],
    json: Json = False,
    pager: Pager = False,
) -> None:
    """One organ and its events.

    \b
    Example: ots organ CoE
    """
    from otscli.query import Filter, find_organ, select
    from otscli.render import json as json_out
    from otscli.render import pages

    catalog = session(ctx).catalog()
    found = find_organ(catalog, name)
    events = select(catalog, Filter(organs=frozenset([found.id])))

    output(
        json,
        pager,
        lambda: json_out.organ_page(found, events),
        lambda out: pages.draw_organ(out, found, events, catalog),
    )


@commands.command()
def organs(ctx: typer.Context, json: Json = False, pager: Pager = False) -> None:
    """All organs, related organizations and mechanisms.

    \b
    Example: ots organs
    """
    from otscli.render import json as json_out
    from otscli.render import tables

    catalog = session(ctx).catalog()

    output(json, pager, lambda: json_out.records(catalog.organs), lambda out: tables.draw_organs(out, catalog))


@commands.command()
def state(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME", autocompletion=completions("states"), help="State id, name or alias.")
    ],
    json: Json = False,
    pager: Pager = False,
) -> None:
    """One state: its membership history and the events it hosted or took part in.

    \b
    Example: ots state Hungary
    """
    from otscli.query import Filter, find_state, select
    from otscli.render import json as json_out
    from otscli.render import pages

    catalog = session(ctx).catalog()
    found = find_state(catalog, name)
    events = select(catalog, Filter(states=frozenset([found.id])))

    output(
        json,
        pager,
        lambda: json_out.state_page(found, events),
        lambda out: pages.draw_state(out, found, events, catalog),
    )


@commands.command()
def states(ctx: typer.Context, json: Json = False, pager: Pager = False) -> None:
    """All states, with their status in the organization today.

    \b
    Example: ots states --json | jq -r '.[].name'
    """
    from otscli.render import json as json_out
    from otscli.render import tables

    catalog = session(ctx).catalog()

    output(json, pager, lambda: json_out.records(catalog.states), lambda out: tables.draw_states(out, catalog))


@commands.command()
def city(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME", autocompletion=completions("cities"), help="City name or alias.")
    ],
    json: Json = False,
    pager: Pager = False,
) -> None:
    """One city and the events held there.

    \b
    Example: ots city Baku --json | jq '.events | length'
    """
    from otscli.query import Filter, find_city, select
    from otscli.render import json as json_out
    from otscli.render import pages

    catalog = session(ctx).catalog()
    found = find_city(catalog, name)
    events = select(catalog, Filter(cities=frozenset([found.id])))

    output(
        json, pager, lambda: json_out.city_page(found, events), lambda out: pages.draw_city(out, found, events, catalog)
    )


@commands.command()
def cities(ctx: typer.Context, json: Json = False, pager: Pager = False) -> None:
    """All cities that events name.

    \b
    Example: ots cities
    """
    from otscli.render import json as json_out
    from otscli.render import tables

    catalog = session(ctx).catalog()

    output(json, pager, lambda: json_out.records(catalog.cities), lambda out: tables.draw_cities(out, catalog))


@commands.command()
def source(
    ctx: typer.Context,
    source_id: Annotated[
        str, typer.Argument(metavar="ID", autocompletion=completions("sources"), help="Source id or title.")
    ],
    json: Json = False,
    pager: Pager = False,
) -> None:
    """One source and every event that cites it.

    \b
    Example: ots source wikipedia-2024-ots-summit
    """
    from otscli.query import events_citing, find_source
    from otscli.render import json as json_out
    from otscli.render import pages

    catalog = session(ctx).catalog()
    found = find_source(catalog, source_id)
    events = events_citing(catalog, found.id)

    output(
        json,
        pager,
        lambda: json_out.source_page(found, events),
        lambda out: pages.draw_source(out, found, events, catalog),
    )


@commands.command()
def sources(ctx: typer.Context, json: Json = False, pager: Pager = False) -> None:
    """All sources, with how many events cite each.

    \b
    Example: ots sources
    """
    from otscli.render import json as json_out
    from otscli.render import tables

    catalog = session(ctx).catalog()

    output(json, pager, lambda: json_out.records(catalog.sources), lambda out: tables.draw_sources(out, catalog))


@commands.command()
def export(
    ctx: typer.Context,
    format_name: Annotated[
        str | None, typer.Option("--format", "-f", metavar="FORMAT", help="json, jsonl, csv, md, ics, svg or html.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", readable=False, help="Write here; the extension can set the format."
        ),
    ] = None,
    since: Since = None,
    until: Until = None,
    year: Year = None,
    organ: Organ = None,
    city: City = None,
    state: State = None,
    kind: Kind = None,
    status: Status = None,
    reverse: Reverse = False,
    limit: Limit = None,
) -> None:
    """Write the matching events in another format, to stdout or to a file (replaced whole).

    \b
    Example: ots export --since 2019 -o summits.ics --kind summit
    """
    from otscli.query import select
    from otscli.render.exports import choose_exporter

    exporter = choose_exporter(format_name, output)
    catalog = session(ctx).catalog()
    where = event_filter(catalog, since, until, year, organ, city, state, kind, status)
    content = exporter.export(select(catalog, where, reverse=reverse, limit=limit), catalog).encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        from otscli.atomic import write_output

        write_output(output, content)


@commands.command()
def stats(
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", metavar="GROUP", help="year, organ, city, state or kind.")] = "year",
    since: Since = None,
    until: Until = None,
    year: Year = None,
    organ: Organ = None,
    city: City = None,
    state: State = None,
    kind: Kind = None,
    status: Status = None,
    limit: Annotated[int | None, typer.Option("--limit", metavar="N", min=0, help="At most N rows.")] = None,
    json: Json = False,
    pager: Pager = False,
) -> None:
    """How many events there are per year, organ, city, state or kind, as a bar chart.

    \b
    An event counts once for each organ it names and each state it involves.
    Example: ots stats --by city --kind summit
    """
    from otscli.query import count_by, select
    from otscli.render import json as json_out
    from otscli.render import stats as drawn

    catalog = session(ctx).catalog()
    where = event_filter(catalog, since, until, year, organ, city, state, kind, status)
    counts = count_by(catalog, select(catalog, where), by)[:limit]

    output(json, pager, lambda: json_out.counts(counts), lambda out: drawn.draw(out, counts))


@commands.command("on-this-day")
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


@commands.command()
def schema() -> None:
    """The JSON Schema (draft 2020-12) of every --json output; x-commands maps each command to its part.

    \b
    Example: ots schema > ots-output.schema.json
    """
    from otscli.render import json as json_out
    from otscli.render.schema import output_schema

    json_out.write(output_schema())


@commands.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(metavar="[PATH]...", readable=False, help="Data files to check too.")
    ] = None,
) -> None:
    """Check the data files: silent with exit 0 when clean, else every problem on stderr and exit 1.

    \b
    Checks the bundled data, your user file, OTS_DATA, --data and each PATH, together.
    Example: ots validate ~/notes/ots-events.toml
    """
    from otscli import store

    options = session(ctx)
    store.load([*options.extra, *(paths or [])], bundled=options.bundled)


@commands.command()
def add(
    ctx: typer.Context,
    date: Annotated[str, typer.Option("--date", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")],
    title: Annotated[str, typer.Option("--title", help="A short title, in your own words.")],
    kind: Annotated[str, typer.Option("--kind", metavar="KIND", help="summit, meeting, agreement, ...")],
    source: Annotated[list[str], typer.Option("--source", metavar="ID", help="A source id (repeatable, one or more).")],
    event_id: Annotated[str | None, typer.Option("--id", help="Default: the date and a slug of the title.")] = None,
    end: Annotated[str | None, typer.Option("--end", metavar="DATE", help="Last day, for events over days.")] = None,
    status: Annotated[str, typer.Option("--status", metavar="STATUS", help="held, planned or cancelled.")] = "held",
    organ: Annotated[list[str] | None, typer.Option("--organ", metavar="NAME", help="Organ (repeatable).")] = None,
    city: Annotated[str | None, typer.Option("--city", metavar="NAME", help="Where it was held.")] = None,
    state: Annotated[
        list[str] | None, typer.Option("--state", metavar="NAME", help="Participant (repeatable).")
    ] = None,
    online: Annotated[bool, typer.Option("--online", help="Held by video.")] = False,
    summary: Annotated[str, typer.Option("--summary", help="What happened, in your own words.")] = "",
    outcome: Annotated[list[str] | None, typer.Option("--outcome", help="A decision (repeatable).")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).")] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", metavar="PATH", readable=False, help="Default: $XDG_DATA_HOME/otscli/events.toml."),
    ] = None,
) -> None:
    """Append one event to your data file, safely; prints the new event's id.

    \b
    Names resolve like the filters; nothing is written unless the whole file still validates.
    Example: ots add --date 2024-05-02 --title "Elders meet in Baku" --kind meeting \\
               --organ CoE --city Baku --source ots-political-cooperation-2024
    """
    from otscli.append import Draft, append_event
    from otscli.store import user_data_path

    options = session(ctx)
    draft = Draft(
        date, title, kind, source, event_id, end, status, organ or [], city, state or [], online, summary,
        outcome or [], tag or [],
    )  # fmt: skip
    target = file or user_data_path()
    if target is None:
        raise UsageError("add: no home folder to keep your data file in; give --file PATH")
    event = append_event(target, draft, options.extra, options.bundled)
    typer.echo(event.id)


def run() -> None:
    """The console script `ots`, once imported (see otscli.__main__.main)."""
    # A run lasts well under a second and makes few reference cycles, but loading a large catalog makes
    # hundreds of thousands of objects that the cycle collector would walk again and again: for 10,000 events
    # that tripled the time to sort them. What cycles there are go when the process ends.
    gc.disable()
    app()
