"""Make src/otscli/render/basemap.json, the coastlines and borders under `ots export -f svg-map`, from Natural Earth.

The source is Natural Earth's 1:110m "Admin 0 - Countries" (public domain, naturalearthdata.com), as shipped
inside the geopandas 0.14.4 wheel on PyPI (geopandas/datasets/naturalearth_lowres), read with pyshp. Neither is
a dependency of ots; run this once in a scratch environment when the map's frame changes:

    python3 -m venv /tmp/ne && /tmp/ne/bin/pip install pyshp && /tmp/ne/bin/pip download geopandas==0.14.4 \
        --no-deps -d /tmp/ne/dl && unzip -q /tmp/ne/dl/geopandas-0.14.4-py3-none-any.whl -d /tmp/ne/gp
    /tmp/ne/bin/python tools/basemap.py /tmp/ne/gp/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Each country's rings are clipped to the map's frame (otscli.render.svgmap.FRAME, read from the source tree) widened
by MARGIN degrees, so the cut edges fall outside the picture, then thinned with Douglas-Peucker at TOLERANCE
degrees (about a pixel on the map) and rounded to two decimals. The 110m countries leave the Caspian Sea open, so
it shows as water; lakes (Aral, Issyk-Kul, Balkhash) are a separate Natural Earth layer, not shipped here.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import shapefile  # pyshp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from otscli.render.svgmap import FRAME  # noqa: E402

OUT = ROOT / "src" / "otscli" / "render" / "basemap.json"
MARGIN = 2.0
TOLERANCE = 0.08
Point = tuple[float, float]


def clip(ring: list[Point], west: float, south: float, east: float, north: float) -> list[Point]:
    """Sutherland-Hodgman against each side of the rectangle in turn."""
    edges = [
        (lambda p: p[0] >= west, lambda a, b: (west, a[1] + (b[1] - a[1]) * (west - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= east, lambda a, b: (east, a[1] + (b[1] - a[1]) * (east - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= south, lambda a, b: (a[0] + (b[0] - a[0]) * (south - a[1]) / (b[1] - a[1]), south)),
        (lambda p: p[1] <= north, lambda a, b: (a[0] + (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]), north)),
    ]
    for keeps, cross in edges:
        if not ring:
            break
        points, ring = ring, []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if keeps(current):
                if not keeps(previous):
                    ring.append(cross(previous, current))
                ring.append(current)
            elif keeps(previous):
                ring.append(cross(previous, current))
    return ring


def thin(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on an open line."""
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
    distances = [
        abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / length if length else ((x - ax) ** 2 + (y - ay) ** 2) ** 0.5
        for x, y in points[1:-1]
    ]
    farthest = max(range(len(distances)), key=distances.__getitem__)
    if distances[farthest] <= tolerance:
        return [points[0], points[-1]]
    split = farthest + 1
    return thin(points[: split + 1], tolerance)[:-1] + thin(points[split:], tolerance)


def rings(shape: shapefile.Shape) -> list[list[Point]]:
    starts = [*shape.parts, len(shape.points)]
    return [[(x, y) for x, y in shape.points[a:b]] for a, b in itertools.pairwise(starts)]


def main(source: str) -> None:
    west, south, east, north = FRAME
    bounds = (west - MARGIN, south - MARGIN, east + MARGIN, north + MARGIN)
    countries: dict[str, list[list[float]]] = {}
    for record in shapefile.Reader(source).iterShapeRecords():
        kept = []
        for ring in rings(record.shape):
            cut = clip(ring[:-1], *bounds)  # a shapefile ring repeats its first point at the end
            if len(cut) < 3:
                continue
            line = thin([*cut, cut[0]], TOLERANCE)
            kept.append([round(value, 2) for point in line[:-1] for value in point])
        if kept:
            countries[record.record["name"]] = kept
    basemap = {
        "source": "Natural Earth 1:110m Admin 0 - Countries, as shipped in geopandas 0.14.4; made by tools/basemap.py",
        "attribution": "Made with Natural Earth (naturalearthdata.com), public domain",
        "bounds": list(bounds),
        "countries": dict(sorted(countries.items())),
    }
    OUT.write_text(json.dumps(basemap, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    points = sum(len(ring) // 2 for country in countries.values() for ring in country)
    print(f"{OUT.relative_to(ROOT)}: {len(countries)} countries, {points} points, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
