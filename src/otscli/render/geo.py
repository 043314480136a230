"""Where events took place: the cities of events with coordinates, and a GeoJSON FeatureCollection (RFC 7946)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from otscli.models import Catalog, City, Event
from otscli.render.describe import organ_names


@dataclass(frozen=True)
class Place:
    city: City
    lon: float
    lat: float


def located(events: Sequence[Event], catalog: Catalog) -> list[tuple[Event, Place]]:
    """Events with a city that has coordinates."""
    found = []
    for event in events:
        city = catalog.city_by_id.get(event.city or "")
        if city is not None and city.lat is not None and city.lon is not None:
            found.append((event, Place(city, city.lon, city.lat)))
    return found


def feature(event: Event, where: Place, catalog: Catalog) -> dict[str, Any]:
    first = catalog.sources_of(event)[0]
    city = where.city
    state = catalog.state_by_id.get(city.state)
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [where.lon, where.lat]},  # RFC 7946: longitude first
        "properties": {
            "id": event.id,
            "title": event.title,
            "date": str(event.date),
            "end": str(event.end) if event.end else None,
            "display_date": event.display_date,
            "kind": event.kind,
            "status": event.status,
            "overdue": event.overdue,
            "organs": organ_names(event, catalog),
            "city": city.name,
            "state": state.name if state else city.state,
            "source": first.url or first.title,
        },
    }


def export_geojson(events: Sequence[Event], catalog: Catalog) -> str:
    from otscli.render.describe import provenance
    from otscli.render.indented import dumps

    collection = {
        "type": "FeatureCollection",
        "as_of": None if catalog.as_of is None else str(catalog.as_of),  # a foreign member (RFC 7946, 6.1)
        "provenance": provenance(catalog),
        "features": [feature(e, p, catalog) for e, p in located(events, catalog)],
    }
    return dumps(collection) + "\n"
