"""Commands on data files: validate, add."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from otscli.cli.app import session
from otscli.cli.options import command
from otscli.errors import DataError, UsageError, printable

APPS: dict[str, typer.Typer] = {}


@command(APPS, "validate")
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(metavar="[PATH]...", readable=False, help="Data files to check too.")
    ] = None,
    json: Annotated[
        bool,
        typer.Option("--json", help="Print the problems as a JSON list for scripts ([] when clean); same exit code."),
    ] = False,
) -> None:
    """Check the data files: silent with exit 0 when clean, else every problem on stderr and exit 1.

    \b
    Checks the bundled data, your user file, OTS_DATA, --data and each PATH, together.
    With --json, prints the problems as a list of {file, line, table, id, field, message}.
    Example: ots validate ~/notes/ots-events.toml
    """
    from otscli import store
    from otscli.problems import InvalidData

    options = session(ctx)
    problems = store.check([*options.extra, *(paths or [])], bundled=options.bundled, user=options.user)
    if json:
        from otscli.render import json_output as json_out

        json_out.write([problem.as_json() for problem in problems])
    elif problems:
        raise InvalidData(problems)
    if problems:
        raise typer.Exit(1)


@command(APPS, "add")
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
    from otscli.paths import user_data_path

    options = session(ctx)
    draft = Draft(
        date=date, title=title, kind=kind, sources=source, event_id=event_id, end=end, status=status,
        organs=organ or [], city=city, states=state or [], online=online, summary=summary, outcomes=outcome or [],
        tags=tag or [],
    )  # fmt: skip
    target = file or user_data_path()
    if target is None:
        raise UsageError("add: no home folder to keep your data file in; give --file PATH")
    event = append_event(target, draft, options.extra, options.bundled, user=options.user)
    try:
        sys.stdout.write(event.id + "\n")
        sys.stdout.flush()
    except OSError as error:
        raise DataError(
            f"{printable(str(target))}: event {event.id} was added, but its id could not be printed: "
            f"{error.strerror or error}"
        ) from None
