"""Commands that report on the record: coverage, cite."""

from __future__ import annotations

from typing import Annotated

import typer

from otscli.cli.app import session
from otscli.cli.options import Json, Organ, Pager, command, output
from otscli.criteria import choose

APPS: dict[str, typer.Typer] = {}
CITATION_STYLES = ("text", "markdown", "bibtex", "csl-json", "ris")


@command(APPS, "coverage")
def coverage(ctx: typer.Context, organ: Organ = None, json: Json = False, pager: Pager = False) -> None:
    """What the record holds per organ, what sources count, and which numbers are missing.

    \b
    ✓ or ✗ says whether the record's count agrees with a source's (exactly, at least or more than, as the source
    says). A source's count is set beside the events of its series: the organ that held them (listed first), of
    the kind and format it names. An act done at a meeting counts with the meeting, not on its own.
    Example: ots coverage --organ CoE --json | jq '.[].gaps'
    """
    from otscli import coverage as covered
    from otscli.names import build_index
    from otscli.render import coverage_out

    catalog = session(ctx).catalog()
    chosen = frozenset(map(build_index("organ", catalog.organs).resolve, organ or []))
    rows = covered.coverage(catalog, chosen)
    from otscli.render.describe import provenance

    header = provenance(catalog)
    output(
        session(ctx).display,
        json,
        pager,
        lambda: coverage_out.records(rows),
        lambda canvas: coverage_out.drawing(rows, canvas, header),
    )


@command(APPS, "cite")
def cite(
    ctx: typer.Context,
    event_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="An event id, or the start of one."),
    ],
    style: Annotated[
        str,
        typer.Option("--format", "-f", metavar="STYLE", help="text, markdown, bibtex, csl-json or ris."),
    ] = "text",
) -> None:
    """The record's entry for an event, and the event's sources, as citations to paste.

    \b
    Example: ots cite 2018-09-03-summit-cholpon-ata --format bibtex
    """
    from otscli.query import find_event
    from otscli.render.citations import cite as citation

    chosen = choose("citation format", style, CITATION_STYLES)
    catalog = session(ctx).catalog()
    typer.echo(citation(find_event(catalog, event_id), catalog, chosen), nl=False)


@command(APPS, "kinds")
def kinds(ctx: typer.Context, json: Json = False) -> None:
    """The vocabularies that filters take: kinds (as the Kind column prints them), statuses and tags.

    \b
    Example: ots kinds
    """
    from otscli.render import vocabularies

    found = vocabularies.collect(session(ctx).catalog())
    output(session(ctx).display, json, False, lambda: found, lambda canvas: vocabularies.drawing(found, canvas))


@command(APPS, "completion")
def completion(
    shell: Annotated[str, typer.Argument(metavar="SHELL", help="bash, zsh or fish.")],
) -> None:
    """The shell completion script for SHELL, to load from its start-up file.

    \b
    Example: ots completion bash >> ~/.bashrc    (zsh: ~/.zshrc; fish: ~/.config/fish/completions/ots.fish)
    """
    from otscli.cli.complete import SCRIPTS

    typer.echo(SCRIPTS[choose("shell", shell, tuple(SCRIPTS))], nl=False)
