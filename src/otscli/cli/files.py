"""Commands on data files: validate, add, edit, remove."""

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
    source: Annotated[
        list[str] | None, typer.Option("--source", metavar="ID", help="A source id (repeatable; this or --source-url).")
    ] = None,
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
    source_url: Annotated[
        str | None, typer.Option("--source-url", metavar="URL", help="Cite this address: a known source, or a new one.")
    ] = None,
    source_title: Annotated[str | None, typer.Option("--source-title", help="The new source's title.")] = None,
    source_date: Annotated[
        str | None, typer.Option("--source-date", metavar="DATE", help="The new source's date.")
    ] = None,
    source_publisher: Annotated[
        str | None, typer.Option("--source-publisher", metavar="NAME", help="The new source's publisher.")
    ] = None,
) -> None:
    """Append one event to your data file, safely; prints the new event's id.

    \b
    Names resolve like the filters; nothing is written unless the whole file still validates.
    --source-url cites the source the record has for that address (a trailing slash aside), else
    adds a [[source]] to the same file: give --source-title (and --source-date, --source-publisher).
    Example: ots add --date 2024-05-02 --title "Elders meet in Baku" --kind meeting \\
               --organ CoE --city Baku --source ots-political-cooperation-2024
    """
    from otscli.append import Draft, append_event
    from otscli.citing import SourceDraft
    from otscli.paths import user_data_path

    options = session(ctx)
    cited = None
    if source_url is not None:
        cited = SourceDraft(source_url, title=source_title, date=source_date, publisher=source_publisher)
    elif source_title is not None or source_date is not None or source_publisher is not None:
        raise UsageError("add: --source-title, --source-date and --source-publisher describe a --source-url")
    draft = Draft(
        date=date, title=title, kind=kind, sources=source or [], event_id=event_id, end=end, status=status,
        organs=organ or [], city=city, states=state or [], online=online, summary=summary, outcomes=outcome or [],
        tags=tag or [], cited=cited,
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


HoldingFile = Annotated[
    Path | None,
    typer.Option("--file", metavar="PATH", readable=False, help="Default: the one of your files that holds ID."),
]


@command(APPS, "edit")
def edit(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The id of one of your events.")],
    file: HoldingFile = None,
) -> None:
    """Change one of your events in your editor ($VISUAL, else $EDITOR, else vi); prints its id.

    \b
    Opens a copy of the event's lines; the file is changed only when the whole record still validates,
    else the problems are shown and (on a terminal) you may edit again. Every other line stays as it was.
    Example: ots edit 2024-05-02-elders-meet-in-baku
    """
    from otscli.editing import edit_event

    options = session(ctx)
    asks = sys.stdin.isatty() and sys.stderr.isatty()
    edited = edit_event(
        event_id, file, options.extra, bundled=options.bundled, user=options.user, again=edit_again if asks else None
    )
    if edited.event_id is None:
        sys.stderr.write(f"ots: nothing changed; {edited.shown} left as it was\n")
        return
    sys.stdout.write(edited.event_id + "\n")


def edit_again(problems: str) -> bool:
    """Shows why an edit was not saved and asks whether to edit again (Enter: yes)."""
    sys.stderr.write(problems + "\nEdit again? [Y/n] ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer != "" and answer.strip().lower() in ("", "y", "yes")


@command(APPS, "remove")
def remove(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The id of one of your events.")],
    file: HoldingFile = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the lines that would go; change nothing.")] = False,
) -> None:
    """Take one of your events out of your data file; prints its id (with --dry-run, the lines that would go).

    \b
    Its lines go, with the comment lines directly above it; every other line stays as it was.
    An event that another record refers to (part_of, a membership) is not taken out.
    Example: ots remove 2024-05-02-elders-meet-in-baku --dry-run
    """
    from otscli.editing import remove_event

    options = session(ctx)
    removal = remove_event(event_id, file, options.extra, bundled=options.bundled, user=options.user, dry_run=dry_run)
    shown = "".join("\t".join(map(printable, line.split("\t"))) + "\n" for line in removal.lines.splitlines())
    sys.stdout.write(shown if dry_run else removal.event_id + "\n")
