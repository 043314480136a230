"""The JSON that Knight Lab's TimelineJS3 reads, so that a newsroom can embed the record.

Format: https://timeline.knightlab.com/docs/json-format.html. Dates carry only the precision stored; the text
is HTML, escaped, with the sources linked; each event's group is its first organ when a principal organ, else
that organ's family: eight groups at most (and events with no organ in none)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from otscli.dates import PartialDate
from otscli.models import Catalog, Event
from otscli.render.describe import provenance


def date_object(date: PartialDate) -> dict[str, int]:
    parts = {"year": date.year, "month": date.month, "day": date.day}
    return {name: value for name, value in parts.items() if value is not None}


def slide(event: Event, catalog: Catalog) -> dict[str, Any]:
    sources = []
    for source in catalog.sources_of(event):
        title = escape(source.title)
        sources.append(f'<a href="{escape(source.url)}">{title}</a>' if source.url else title)
    text = f"<p>{escape(event.summary)}</p>" if event.summary else ""
    text += "<p>Sources: " + "; ".join(sources) + "</p>"
    item: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": date_object(event.date),
        "display_date": event.display_date,
        "text": {"headline": escape(event.title), "text": text},
    }
    if event.end is not None:
        item["end_date"] = date_object(event.end)
    if event.organs:
        item["group"] = escape(group_of(event, catalog))
    return item


FAMILIES = {
    "related": "Related organizations",
    "mechanism": "Cooperation mechanisms and ministerial meetings",
    "predecessor": "Before the Council: summits of Turkic-speaking states",
}


def group_of(event: Event, catalog: Catalog) -> str:
    """The row of the timeline: a principal organ by name (five of them), else the family of its first organ,
    so that the whole record fits in a navigable number of rows (TimelineJS stacks one row per group)."""
    organ = catalog.organ_by_id[event.organs[0]]
    return organ.name if organ.kind == "principal" else FAMILIES[organ.kind]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def export(events: Sequence[Event], catalog: Catalog) -> str:
    from otscli.render.indented import dumps

    timeline = {
        "title": {
            "text": {
                "headline": "Organization of Turkic States",
                "text": f"<p>{plural(len(events), 'event')} from the ots record, with sources. "
                f"{escape(provenance(catalog))}</p>",
            }
        },
        "events": [slide(event, catalog) for event in events],
    }
    return dumps(timeline) + "\n"
