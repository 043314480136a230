"""Writes the static site: an index with the timeline and in-browser filters and search, and a page for every
event, organ, state, city and source, all cross-linked with relative links so that it works from file:// and
from any static host. The same data always writes the same bytes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from otscli.errors import DataError, printable
from otscli.kinds import REGISTRIES
from otscli.models import Catalog, Event
from otscli.names import fold
from otscli.query import alias_index
from otscli.render.describe import current_status, kind_label, place, provenance, status_label

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
SECTIONS = ("events", *(kind.plural for kind in REGISTRIES))
TITLES = {"organ": "Organs and mechanisms", "state": "States", "city": "Cities", "source": "Sources"}  # by table
Pages = list[tuple[str, str, dict[str, Any]]]  # each page's path in the site, its template, and what it shows

if TYPE_CHECKING:
    from jinja2 import Environment

    from otscli.site.folder import Staging


@dataclass(frozen=True)
class Written:
    folder: Path
    pages: int
    size: int


def build(catalog: Catalog, events: Sequence[Event], folder: Path) -> Written:
    """Writes the site of `events` into `folder`: built whole beside it and swapped in (see site.folder)."""
    import gc

    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from otscli.site.folder import staged

    gc.freeze()  # the catalog lives to the end: the collector need not walk it again and again
    gc.enable()  # templates make reference cycles: without the collector, every page would stay in memory
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["page"] = page_name
    environment.globals.update(
        kind_label=kind_label,
        place=place,
        current_status=current_status,
        status_label=lambda e: status_label(e, catalog),
        provenance=provenance(catalog),
        involved=catalog.states_involved,
    )
    pages = plan(catalog, events)
    shown = shown_ids(events)
    try:
        with staged(folder) as staging:
            size = write_pages(staging, environment, catalog, pages, shown)
    except OSError as error:
        raise DataError(
            f"{printable(str(folder))}: cannot write the site: {error.strerror or error}; nothing was changed"
        ) from None
    return Written(folder, len(pages), size)


def write_pages(
    staging: Staging, environment: Environment, catalog: Catalog, pages: Pages, shown: frozenset[str]
) -> int:
    """Renders and writes every page and the static files, one page at a time; returns the bytes written."""
    size = 0
    for section in SECTIONS:
        staging.folder(section)
    for path, template, context in pages:
        render = environment.get_template(template).render
        html = render(root="../" * path.count("/"), catalog=catalog, shown=shown, **context)
        size += staging.file(path, html.encode("utf-8"))
    for asset in sorted(STATIC.iterdir()):
        size += staging.file(asset.name, asset.read_bytes())
    return size


def page_name(record_id: str) -> str:
    """The file name of a record's page: its id, except that `index` would replace the registry's own page (no
    id can start with an underscore)."""
    return "_index" if record_id == "index" else record_id


def shown_ids(events: Sequence[Event]) -> frozenset[str]:
    return frozenset(event.id for event in events)


def plan(catalog: Catalog, events: Sequence[Event]) -> Pages:
    """Every page: its path in the site, its template, and what it shows."""
    by_year: dict[int, list[Event]] = {}
    for event in events:
        by_year.setdefault(event.first_day.year, []).append(event)
    involved = {record_id for event in events for record_id in [*event.organs, *event.states, *event.sources]}
    involved |= {dispute.source for event in events for dispute in event.disputed}
    involved |= {event.city for event in events if event.city}
    involved |= {host.id for host in map(catalog.state_of, events) if host is not None}
    named_in: dict[str, Callable[[Event], Sequence[str]]] = {  # the ids of each registry an event names
        "organ": lambda e: e.organs,
        "state": catalog.states_involved,
        "city": lambda e: [e.city] if e.city else [],
        "source": lambda e: e.sources,
    }
    registries = [(kind.plural, kind.table, TITLES[kind.table], getattr(catalog, kind.plural), named_in[kind.table])
                  for kind in REGISTRIES]  # fmt: skip
    shown = {
        section: [record for record in records if record.id in involved] for section, _, _, records, _ in registries
    }
    index = {"years": sorted(by_year.items()), "events": events, "organs": shown["organs"], "states": shown["states"],
             "cities": shown["cities"], "search": search_texts(events),
             "other_names": other_names(catalog)}  # fmt: skip
    pages: Pages = [("index.html", "index.html", index)]
    pages += [(f"events/{page_name(event.id)}.html", "event.html", {"event": event}) for event in events]
    for section, template, title, _, keys in registries:
        pages.append((f"{section}/index.html", "registry.html", {"title": title, "section": section,
                                                                "records": shown[section]}))  # fmt: skip
        selected: dict[str, list[Event]] = {}
        for event in events:
            for key in dict.fromkeys(keys(event)):
                selected.setdefault(key, []).append(event)
        for record in shown[section]:
            pages.append((f"{section}/{page_name(record.id)}.html", f"{template}.html",
                          {template: record, "events": selected.get(record.id, [])}))  # fmt: skip
    return pages


def search_texts(events: Sequence[Event]) -> dict[str, str]:
    """What the in-browser search looks in, folded as the command line folds names: what `ots search` looks in
    (title, summary, outcomes, tags and id)."""
    return {event.id: fold(" ".join([event.title, event.summary, *event.outcomes, *event.tags, event.id]))
            for event in events}  # fmt: skip


def other_names(catalog: Catalog) -> dict[str, list[str]]:
    """Each folded name of a state, organ or city to the spellings `ots search` takes for it (Şuşa: Shusha, ...),
    for the page's script."""
    return {name: sorted(spellings) for name, spellings in sorted(alias_index(catalog).items()) if spellings}
