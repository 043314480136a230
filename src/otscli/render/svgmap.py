"""The SVG map of where events took place: Natural Earth's coastlines and borders, a circle per city sized by its
events, every city named, a legend and the day the record was checked to. Self-contained: no font or image to
fetch."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from otscli.models import Catalog, Event
from otscli.render.geo import Place, located
from otscli.render.labels import Box, Dot, Label, place, text_width

# The map's frame: the Turkic world from Budapest to Almaty, in degrees (west, south, east, north).
# tools/basemap.py clips the coastlines to it: run it again when it changes.
FRAME = (17.0, 33.5, 82.0, 57.5)
WIDTH = 1100
# A degree of longitude is cos(latitude) of one of latitude: taken at the frame's middle, shapes look right.
STRETCH = 1 / math.cos(math.radians((FRAME[1] + FRAME[3]) / 2))
HEIGHT = round(WIDTH * (FRAME[3] - FRAME[1]) / (FRAME[2] - FRAME[0]) * STRETCH)
STRIP = 44  # below the map: what is drawn and as of when
FONT = 11.0  # the cities' names
FAMILY = "Arial, Helvetica, 'Liberation Sans', sans-serif"  # what labels.text_width measures
BASEMAP = Path(__file__).parent / "basemap.json"  # from Natural Earth, made by tools/basemap.py
LEGEND = Box(8, 8, 196, 112)
SAMPLES = (1, 10, 50)  # the circles the legend shows
INK, FAINT, CIRCLE, EDGE = "#1c2833", "#5d6d7e", "#c0392b", "#922b21"
HALO = 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'  # text that reads over lines


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular, degrees of latitude stretched by STRETCH."""
    west, south, east, north = FRAME
    return (round((lon - west) / (east - west) * WIDTH, 1), round((north - lat) / (north - south) * HEIGHT, 1))


def radius(count: int) -> float:
    """A circle's area grows with the number of events held in its city."""
    return round(2.5 + 2.2 * math.sqrt(count), 1)


def land(basemap: dict[str, Any], catalog: Catalog) -> list[str]:
    """Each country as one filled path: the sea shows between them (the Caspian too), borders where two meet. A
    country the record knows under another name (Natural Earth's Turkey) is called by the record's (Türkiye)."""
    called = {alias: state.name for state in catalog.states for alias in (state.name, *state.aliases)}
    paths = ['<g fill="#f4f1e8" stroke="#a89f8c" stroke-width="0.7" stroke-linejoin="round" clip-path="url(#frame)">']
    for name, rings in basemap["countries"].items():
        moves = []
        for ring in rings:
            points = [project(ring[i], ring[i + 1]) for i in range(0, len(ring), 2)]
            moves.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
        paths.append(f'<path d="{"".join(moves)}"><title>{escape(called.get(name, name))}</title></path>')
    paths.append("</g>")
    return paths


def attribution(basemap: dict[str, Any]) -> tuple[str, Box]:
    """Natural Earth's credit, in the map's lower right corner, and the room it takes."""
    text = basemap["attribution"]
    box = Box(WIDTH - 8 - text_width(text, 10), HEIGHT - 18, WIDTH, HEIGHT)
    drawn = (f'<text x="{WIDTH - 6}" y="{HEIGHT - 6}" text-anchor="end" font-size="10" fill="{FAINT}" {HALO}>'
             f"{escape(text)}</text>")  # fmt: skip
    return drawn, box


def legend() -> list[str]:
    left, top = LEGEND.left, LEGEND.top
    parts = [
        f'<rect x="{left}" y="{top}" width="{LEGEND.right - left}" height="{LEGEND.bottom - top}" rx="4" '
        f'fill="#ffffff" fill-opacity="0.88" stroke="#a89f8c" stroke-width="0.7"/>',
        f'<text x="{left + 10}" y="{top + 18}" font-weight="bold" fill="{INK}">Events held in a city</text>',
    ]
    bottom = top + 70
    for index, count in enumerate(SAMPLES):
        x = left + 28 + 58 * index
        size = radius(count)
        parts.append(f'<circle cx="{x}" cy="{bottom - size}" r="{size}" fill="{CIRCLE}" fill-opacity="0.45" '
                     f'stroke="{EDGE}"/>')  # fmt: skip
        parts.append(f'<text x="{x}" y="{bottom + 14}" text-anchor="middle" fill="{INK}">{count}</text>')
    parts.append(f'<text x="{left + 10}" y="{LEGEND.bottom - 8}" font-size="10" fill="{FAINT}">'
                 "Each city is named with its count</text>")  # fmt: skip
    return parts


def caption(counts: Counter[str], outside: Sequence[Place], catalog: Catalog) -> list[str]:
    from otscli.render.describe import provenance

    total = sum(counts.values())
    said = f"{total} event{'s' if total != 1 else ''} in {len(counts)} cit{'ies' if len(counts) != 1 else 'y'}."
    if outside:
        away = sum(counts[where.city.id] for where in outside)
        names = ", ".join(sorted(where.city.name for where in outside))
        said += f" {away} held outside the frame ({names}) {'is' if away == 1 else 'are'} not drawn."
    return [
        f'<text x="6" y="{HEIGHT + 17}" fill="{INK}">{escape(said)}</text>',
        f'<text x="6" y="{HEIGHT + 35}" fill="{FAINT}">{escape(provenance(catalog))}</text>',
    ]


def city_label(label: Label) -> list[str]:
    """The name over a white halo, so that it reads over borders and circles; `labels` measured its box."""
    parts = []
    if label.leader is not None:
        x1, y1, x2, y2 = label.leader
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{FAINT}" stroke-width="0.8"/>')
    parts.append(f'<text class="city-label" x="{label.x}" y="{label.baseline}" fill="{INK}" {HALO}>'
                 f"{escape(label.text)}</text>")  # fmt: skip
    return parts


def export_map(events: Sequence[Event], catalog: Catalog) -> str:
    west, south, east, north = FRAME
    places = {where.city.id: where for _, where in located(events, catalog)}
    counts = Counter(where.city.id for _, where in located(events, catalog))
    inside = [p for p in places.values() if west <= p.lon <= east and south <= p.lat <= north]
    outside = [p for p in places.values() if p not in inside]
    ranked = sorted(inside, key=lambda where: (-counts[where.city.id], where.city.name))
    dots = [Dot(f"{p.city.name} {counts[p.city.id]}", *project(p.lon, p.lat), radius(counts[p.city.id]))
            for p in ranked]  # fmt: skip
    basemap: dict[str, Any] = json.loads(BASEMAP.read_text(encoding="utf-8"))
    credit, credit_box = attribution(basemap)
    labels = place(dots, FONT, Box(0, 0, WIDTH, HEIGHT), obstacles=(LEGEND, credit_box))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + STRIP}" width="{WIDTH}" '
        f'height="{HEIGHT + STRIP}" font-family="{FAMILY}" font-size="{FONT:g}">',
        "<title>Where the events took place</title>",
        f'<defs><clipPath id="frame"><rect width="{WIDTH}" height="{HEIGHT}"/></clipPath></defs>',
        f'<rect width="{WIDTH}" height="{HEIGHT + STRIP}" fill="#ffffff"/>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#dce8f2"/>',
        *land(basemap, catalog),
    ]
    for where, dot in zip(ranked, dots, strict=True):
        count = counts[where.city.id]
        hover = f"{where.city.name}: {count} event{'s' if count != 1 else ''}"
        parts.append(f'<circle cx="{dot.x}" cy="{dot.y}" r="{dot.radius}" fill="{CIRCLE}" fill-opacity="0.45" '
                     f'stroke="{EDGE}"><title>{escape(hover)}</title></circle>')  # fmt: skip
    for label in labels:
        parts.extend(city_label(label))
    parts += [*legend(), credit, *caption(counts, outside, catalog), "</svg>"]
    return "\n".join(parts) + "\n"
