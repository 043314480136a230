"""The export formats, registered in one place: `--format NAME` and `-o FILE.EXT` both look here."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from otscli.errors import UsageError, printable
from otscli.models import Catalog, Event


@dataclass(frozen=True)
class Exporter:
    """A format: its name, the file extensions that imply it, and the module whose export() writes it."""

    name: str
    extensions: tuple[str, ...]
    module: str
    function: str = "export"

    takes_fields: bool = False

    def export(self, events: Sequence[Event], catalog: Catalog, fields: Sequence[str] | None = None) -> str:
        if fields is not None and not self.takes_fields:
            fielded = ", ".join(name for name, exporter in EXPORTERS.items() if exporter.takes_fields)
            raise UsageError(f"--fields: the {self.name} format has no fields to choose; {fielded} do")
        function = getattr(importlib.import_module(self.module), self.function)
        rendered: str = function(events, catalog, fields) if self.takes_fields else function(events, catalog)
        return rendered


EXPORTERS = {
    exporter.name: exporter
    for exporter in (
        Exporter("json", (".json",), "otscli.render.json_output", takes_fields=True),
        Exporter("jsonl", (".jsonl", ".ndjson"), "otscli.render.jsonl", takes_fields=True),
        Exporter("csv", (".csv",), "otscli.render.csvfile", takes_fields=True),
        Exporter("tsv", (".tsv", ".tab"), "otscli.render.csvfile", "export_tsv", takes_fields=True),
        Exporter("excel-csv", (), "otscli.render.csvfile", "export_excel", takes_fields=True),
        Exporter("md", (".md", ".markdown"), "otscli.render.markdown"),
        Exporter("ics", (".ics", ".ical"), "otscli.render.icalendar_out"),
        Exporter("svg", (".svg",), "otscli.render.picture", "export_svg"),
        Exporter("html", (".html", ".htm"), "otscli.render.picture", "export_html"),
        Exporter("geojson", (".geojson",), "otscli.render.geo", "export_geojson"),
        Exporter("svg-map", (), "otscli.render.svgmap", "export_map"),
        Exporter("csl-json", (), "otscli.render.citations", "export_csl_json"),
        Exporter("bibtex", (".bib",), "otscli.render.citations", "export_bibtex"),
        Exporter("timelinejs", (), "otscli.render.timelinejs"),
    )
}


def choose_exporter(name: str | None, output: str | None) -> Exporter:
    """The exporter `--format` names, else the one the output file's extension implies."""
    if name is not None:
        exporter = EXPORTERS.get(name.strip().lower())
        if exporter is None:
            raise UsageError(f"--format: unknown format {name!r}; one of {', '.join(EXPORTERS)}")
        return exporter
    if output is None:
        raise UsageError(f"export: give --format ({', '.join(EXPORTERS)}) or -o FILE with one of their extensions")
    if output.endswith("/"):
        raise UsageError(f"-o {printable(output)}: names a folder; give a file name")
    if output == "-":
        raise UsageError(f"-o -: give --format ({', '.join(EXPORTERS)}) to write to standard output")
    suffix = Path(output).suffix.lower()
    for exporter in EXPORTERS.values():
        if suffix in exporter.extensions:
            return exporter
    name = printable(Path(output).name)
    raise UsageError(f"-o: cannot tell the format from {name!r}; add --format ({', '.join(EXPORTERS)})")
