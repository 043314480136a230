"""Commands that write the record in other forms: export, schema, site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from otscli.cli.app import session
from otscli.cli.options import NO_FILTERS, NOTHING_MATCHES, Fields, Limit, Reverse, command, say, with_filters
from otscli.criteria import Criteria

APPS: dict[str, typer.Typer] = {}


@command(APPS, "export")
@with_filters
def export(
    ctx: typer.Context,
    format_name: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json, jsonl, csv, tsv, excel-csv, md, ics, svg, html, geojson, svg-map, csl-json, bibtex or "
            "timelinejs.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", readable=False, help="Write here; the extension can set the format."
        ),
    ] = None,
    filters: Criteria = NO_FILTERS,
    reverse: Reverse = False,
    limit: Limit = None,
    fields: Fields = None,
) -> None:
    """Write the matching events in another format, to stdout or to a file (replaced whole).

    \b
    Example: ots export --since 2019 -o summits.ics --kind summit
    """
    from otscli.query import select
    from otscli.render.exports import choose_exporter
    from otscli.render.json_output import choose_fields

    exporter = choose_exporter(format_name, output)
    chosen = choose_fields(fields) if fields is not None else None
    catalog = session(ctx).catalog()
    events = select(catalog, filters.resolve(catalog), reverse=reverse, limit=limit)
    if not events and exporter.module == "otscli.render.picture":  # a picture of nothing: say why it is empty
        say(NOTHING_MATCHES)
    from otscli.atomic import write_output

    write_output(output, exporter.export(events, catalog, chosen).encode("utf-8"))


@command(APPS, "schema")
def schema() -> None:
    """The JSON Schema (draft 2020-12) of every --json output; x-commands maps each command to its part.

    \b
    Example: ots schema > ots-output.schema.json
    """
    from otscli.render import json_output as json_out
    from otscli.render.schema import output_schema

    json_out.write(output_schema())


@command(APPS, "site")
@with_filters
def site(
    ctx: typer.Context,
    folder: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="The folder to write the site into.", readable=False)
    ],
    filters: Criteria = NO_FILTERS,
) -> None:
    """A static website of the selected record: a timeline with filters and search, a page for every event,
    organ, state, city and source. Works from file:// and any static host.

    \b
    Example: ots site -o site/ --since 2009
    """
    from otscli.query import select
    from otscli.site.build import build

    catalog = session(ctx).catalog()
    written = build(catalog, select(catalog, filters.resolve(catalog)), folder)
    typer.echo(f"{written.pages} pages, {written.size / 1024:.0f} KiB, in {written.folder}", err=True)
