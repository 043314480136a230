"""Writes the static site: an index with the timeline and in-browser filters and search, and a page for every
event, organ, state, city and source, all cross-linked with relative links so that it works from file:// and
from any static host. The same data always writes the same bytes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from otscli.errors import DataError, printable
from otscli.models import Catalog, Event
from otscli.names import fold
from otscli.render.describe import current_status, kind_label, place

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
SECTIONS = ("events", "organs", "states", "cities", "sources")


@dataclass(frozen=True)
class Written:
    folder: Path
    pages: int
    size: int


def build(catalog: Catalog, events: Sequence[Event], folder: Path) -> Written:
    """Writes the site of `events` into `folder` (created, or emptied of what an earlier build wrote)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(
        kind_label=kind_label,
        place=place,
        current_status=current_status,
        involved=lambda e: involved_states(catalog, e),
    )
    pages = plan(catalog, events)
    prepare(folder)
    size = 0
    for path, template, context in pages:
        depth = path.count("/")
        html = environment.get_template(template).render(
            root="../" * depth, catalog=catalog, shown=shown_ids(events), **context
        )
        size += write(folder / path, html)
    for asset in sorted(STATIC.iterdir()):
        shutil.copyfile(asset, folder / asset.name)
        size += asset.stat().st_size
    return Written(folder, len(pages), size)


def involved_states(catalog: Catalog, event: Event) -> list[str]:
    """The state it was held in, then its participants: what the state filter matches, as on the command line."""
    host = catalog.state_of(event)
    return list(dict.fromkeys([*([host.id] if host else []), *event.states]))


def shown_ids(events: Sequence[Event]) -> frozenset[str]:
    return frozenset(event.id for event in events)


def plan(catalog: Catalog, events: Sequence[Event]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every page: its path in the site, its template, and what it shows."""
    by_year: dict[int, list[Event]] = {}
    for event in events:
        by_year.setdefault(event.first_day.year, []).append(event)
    involved = {record_id for event in events for record_id in [*event.organs, *event.states, *event.sources]}
    involved |= {dispute.source for event in events for dispute in event.disputed}
    involved |= {event.city for event in events if event.city}
    involved |= {host.id for host in map(catalog.state_of, events) if host is not None}
    registries: tuple[tuple[str, str, str, list[Any], Callable[[Event, Any], bool]], ...] = (
        ("organs", "organ", "Organs and mechanisms", catalog.organs, lambda e, organ: organ.id in e.organs),
        ("states", "state", "States", catalog.states, lambda e, state: state.id in involved_states(catalog, e)),
        ("cities", "city", "Cities", catalog.cities, lambda e, city: e.city == city.id),
        ("sources", "source", "Sources", catalog.sources, lambda e, source: source.id in e.sources),
    )
    shown = {
        section: [record for record in records if record.id in involved] for section, _, _, records, _ in registries
    }
    index = {"years": sorted(by_year.items()), "events": events, "organs": shown["organs"], "states": shown["states"],
             "cities": shown["cities"], "search": search_texts(events)}  # fmt: skip
    pages: list[tuple[str, str, dict[str, Any]]] = [("index.html", "index.html", index)]
    pages += [(f"events/{event.id}.html", "event.html", {"event": event}) for event in events]
    for section, template, title, _, matches in registries:
        pages.append((f"{section}/index.html", "registry.html", {"title": title, "section": section,
                                                                "records": shown[section]}))  # fmt: skip
        for record in shown[section]:
            selected = [event for event in events if matches(event, record)]
            pages.append((f"{section}/{record.id}.html", f"{template}.html", {template: record, "events": selected}))
    return pages


def search_texts(events: Sequence[Event]) -> dict[str, str]:
    """What the in-browser search looks in, folded as the command line folds names: title, summary, outcomes."""
    return {event.id: fold(" ".join([event.title, event.summary, *event.outcomes])) for event in events}


def prepare(folder: Path) -> None:
    """The output folder, new or one that an earlier `ots site` wrote; anything else is left alone."""
    shown = printable(str(folder))
    if folder.exists() and not folder.is_dir():
        raise DataError(f"{shown}: not a folder; give -o a folder to write the site into")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "index.html").is_file():
        raise DataError(f"{shown}: holds files that ots did not write; give -o an empty or new folder")
    for section in SECTIONS:
        if (folder / section).is_dir():
            shutil.rmtree(folder / section)
    for section in SECTIONS:
        (folder / section).mkdir(parents=True, exist_ok=True)


def write(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_bytes(data)
    temp.replace(path)
    return len(data)
