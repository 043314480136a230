"""Where events took place: a GeoJSON FeatureCollection (RFC 7946) and an SVG map of the region."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from otscli.models import Catalog, City, Event
from otscli.render.describe import organ_names

# The map's frame: the Turkic world from Budapest to Almaty, in degrees (west, south, east, north).
FRAME = (16.0, 34.0, 86.0, 58.0)
WIDTH, HEIGHT = 1000, 480
LABELLED = 16  # the busiest places get their names written


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


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular, stretched by the cosine of the frame's middle latitude so that shapes look right."""
    west, south, east, north = FRAME
    return (round((lon - west) / (east - west) * WIDTH, 1), round((north - lat) / (north - south) * HEIGHT, 1))


def export_map(events: Sequence[Event], catalog: Catalog) -> str:
    """Circles sized by how many of the events took place in each city, over a graticule of the region."""
    west, south, east, north = FRAME
    places = located(events, catalog)
    counts = Counter(where.city.id for _, where in places)
    inside = {p.city.id: p for _, p in places if west <= p.lon <= east and south <= p.lat <= north}
    elsewhere = sum(count for city_id, count in counts.items() if city_id not in inside)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + 40}" width="{WIDTH}" '
        f'height="{HEIGHT + 40}" font-family="sans-serif" font-size="12">',
        "<title>Where the events took place</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f4f7fb"/>',
    ]
    for lon in range(int(west) + 4, int(east) + 1, 10):
        x, _ = project(lon, north)
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{HEIGHT}" stroke="#d5dde8"/>')
        parts.append(f'<text x="{x + 3}" y="{HEIGHT - 4}" fill="#8a97a8">{lon}°E</text>')
    for lat in range(int(south) + 6, int(north) + 1, 10):
        _, y = project(west, lat)
        parts.append(f'<line x1="0" y1="{y}" x2="{WIDTH}" y2="{y}" stroke="#d5dde8"/>')
        parts.append(f'<text x="4" y="{y - 3}" fill="#8a97a8">{lat}°N</text>')
    ranked = sorted(inside.values(), key=lambda where: (-counts[where.city.id], where.city.id))
    for where in ranked:
        city = where.city
        x, y = project(where.lon, where.lat)
        radius = round(3 + 3 * math.sqrt(counts[city.id]), 1)
        label = f"{city.name}: {counts[city.id]} event{'s' if counts[city.id] != 1 else ''}"
        parts.append(f'<circle cx="{x}" cy="{y}" r="{radius}" fill="#c0392b" fill-opacity="0.45" stroke="#922b21">'
                     f"<title>{escape(label)}</title></circle>")  # fmt: skip
    placed: list[tuple[float, float, float, float]] = []
    for where in ranked[:LABELLED]:
        x, y = project(where.lon, where.lat)
        label = f"{where.city.name} {counts[where.city.id]}"
        box = (x + 6, y - 18, x + 6 + 7 * len(label), y - 4)  # about 7 px a character at 12 px
        if any(box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3] for other in placed):
            continue  # would cover a busier city's label; its circle still says it on hover
        placed.append(box)
        parts.append(f'<text x="{x + 6}" y="{y - 6}" fill="#1c2833">{escape(label)}</text>')
    total = sum(counts.values())
    caption = f"{total} events in {len(counts)} cities; circles grow with the number of events held in a city."
    if elsewhere:
        caption += f" {elsewhere} held outside the frame (e.g. at the UN in New York) are not drawn."
    parts.append(f'<text x="4" y={quoteattr(str(HEIGHT + 26))} fill="#1c2833">{escape(caption)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
