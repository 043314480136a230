"""`ots export -f svg-map`: the region on Natural Earth's base map, every city of the selection named with no name
over another, a legend, the record's as-of day; a picture that fetches nothing."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import headless_chromium, ots
from otscli.render.labels import ASCENT, DESCENT, PAD, Box, text_width
from otscli.render.svgmap import BASEMAP, FRAME, project

SVG = "{http://www.w3.org/2000/svg}"
SELECTIONS = [(), ("--organ", "CFM"), ("--since", "2022"), ("--host", "KZ"), ("--kind", "summit", "--until", "2015")]


def drawn(*args: str, store: Path | None = None) -> ElementTree.Element:
    data = ("--no-bundled", "--data", str(store)) if store else ()
    run = ots(*data, "export", "--format", "svg-map", *args)
    assert run.code == 0, run.err
    return ElementTree.fromstring(run.out)  # well-formed XML, or this raises


def cities(*args: str) -> dict[str, tuple[float, float, int]]:
    """The cities of the selection, from the GeoJSON export of the same filters: name -> (lon, lat, events)."""
    run = ots("export", "--format", "geojson", *args)
    assert run.code == 0, run.err
    found: dict[str, tuple[float, float, int]] = {}
    for feature in run.json()["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        name = feature["properties"]["city"]
        found[name] = (lon, lat, found.get(name, (0, 0, 0))[2] + 1)
    return found


def frame(svg: ElementTree.Element) -> Box:
    """The map's area: the sea's rectangle, the first one with the water colour."""
    sea = next(rect for rect in svg.iter(f"{SVG}rect") if rect.get("fill") == "#dce8f2")
    return Box(0, 0, float(sea.get("width", 0)), float(sea.get("height", 0)))


def label_boxes(svg: ElementTree.Element) -> dict[str, Box]:
    """Each city label's box as the renderer measures it: the text's estimated width and the font's height, with
    the padding around."""
    size = float(svg.get("font-size", 0))
    boxes = {}
    for text in svg.iter(f"{SVG}text"):
        if text.get("class") == "city-label":
            x, baseline, words = float(text.get("x", 0)), float(text.get("y", 0)), text.text or ""
            top = baseline - ASCENT * size - PAD
            boxes[words] = Box(x - PAD, top, x + text_width(words, size) + PAD, baseline + DESCENT * size + PAD)
    return boxes


def overlapping(boxes: dict[str, Box]) -> list[tuple[str, str]]:
    names = sorted(boxes)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if boxes[a].overlaps(boxes[b])]


@pytest.mark.parametrize("selection", SELECTIONS, ids=" ".join)
def test_every_city_of_the_selection_is_named_with_its_count_and_no_name_covers_another(
    selection: tuple[str, ...],
) -> None:
    svg = drawn(*selection)
    area = frame(svg)
    boxes = label_boxes(svg)
    west, south, east, north = FRAME
    expected = {f"{name} {count}" for name, (lon, lat, count) in cities(*selection).items()
                if west <= lon <= east and south <= lat <= north}  # fmt: skip
    assert expected and set(boxes) == expected
    assert overlapping(boxes) == []
    assert all(box.within(area) for box in boxes.values())


def test_names_are_placed_beside_their_own_circle() -> None:
    svg = drawn()
    circles = {
        c.findtext(f"{SVG}title", "").split(":")[0]: c
        for c in svg.iter(f"{SVG}circle")
        if c.find(f"{SVG}title") is not None
    }
    leaders = [tuple(float(line.get(k, 0)) for k in ("x1", "y1", "x2", "y2")) for line in svg.iter(f"{SVG}line")]
    for words, box in label_boxes(svg).items():
        circle = circles[words.rsplit(" ", 1)[0]]
        cx, cy, r = (float(circle.get(k, 0)) for k in ("cx", "cy", "r"))
        near = box.spaced(r + 4).overlaps(Box(cx, cy, cx, cy))
        led = any(abs(x1 - cx) ** 2 + abs(y1 - cy) ** 2 <= (r + 1) ** 2 and box.spaced(1).overlaps(Box(x2, y2, x2, y2))
                  for x1, y1, x2, y2 in leaders)  # fmt: skip
        assert near or led, words  # right by its circle, or a leader line runs from the circle to it


def test_circles_grow_with_the_events_and_the_legend_uses_the_same_scale() -> None:
    svg = drawn()
    radii = {c.findtext(f"{SVG}title", "").split(":")[0]: float(c.get("r", 0)) for c in svg.iter(f"{SVG}circle")
             if c.find(f"{SVG}title") is not None}  # fmt: skip
    assert radii["Baku"] > radii["Shusha"] > radii["Lankaran"]  # 67, 11 and 1 events
    texts = [text.text or "" for text in svg.iter(f"{SVG}text")]
    assert "Events held in a city" in texts
    untitled = [float(c.get("r", 0)) for c in svg.iter(f"{SVG}circle") if c.find(f"{SVG}title") is None]
    assert untitled[0] == radii["Lankaran"] and untitled == sorted(untitled)  # 1, 10, 50: the legend's circles
    assert [t for t in texts if t in {"1", "10", "50"}] == ["1", "10", "50"]


def test_the_caption_counts_the_selection_names_what_lies_outside_and_says_as_of_when() -> None:
    svg = drawn("--organ", "CoE")
    texts = [text.text or "" for text in svg.iter(f"{SVG}text")]
    run = ots("list", "--organ", "CoE", "--json")
    located = [event for event in run.json() if event["city"]]
    assert any(t.startswith(f"{len(located)} events in ") for t in texts), texts
    everything = [text.text or "" for text in drawn().iter(f"{SVG}text")]
    away = sum(count for name, (_, _, count) in cities().items() if name in {"Buenos Aires", "New York"})
    assert any(f"{away} held outside the frame (Buenos Aires, New York) are not drawn" in t for t in everything)
    alone = [text.text or "" for text in drawn("--city", "Buenos Aires").iter(f"{SVG}text")]
    assert "1 event in 1 city. 1 held outside the frame (Buenos Aires) is not drawn." in alone
    as_of = re.search(r"record as of (\S+)\)", ots("--version").out)
    assert as_of and f"Record as of {as_of[1]}." in everything


def test_an_empty_selection_draws_the_map_and_says_so() -> None:
    svg = drawn("--since", "2099")
    texts = [text.text or "" for text in svg.iter(f"{SVG}text")]
    assert "0 events in 0 cities." in texts and label_boxes(svg) == {}
    assert len(list(svg.iter(f"{SVG}path"))) > 40  # the base map all the same


def inside(point: tuple[float, float], d: str) -> bool:
    """Even-odd rule over the rings of an SVG path made of M, L and Z."""
    hit = False
    for ring in re.findall(r"M([^Z]*)Z", d):
        corners = [tuple(map(float, pair.split(","))) for pair in ring.split("L")]
        for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1], strict=True):
            if (y1 > point[1]) != (y2 > point[1]) and point[0] < x1 + (point[1] - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def test_the_base_map_is_natural_earth_credited_and_the_cities_fall_in_their_countries() -> None:
    svg = drawn()
    countries = {path.findtext(f"{SVG}title", ""): path.get("d", "") for path in svg.iter(f"{SVG}path")}
    circles = {c.findtext(f"{SVG}title", "").split(":")[0]: (float(c.get("cx", 0)), float(c.get("cy", 0)))
               for c in svg.iter(f"{SVG}circle") if c.find(f"{SVG}title") is not None}  # fmt: skip
    for city, country in [("Baku", "Azerbaijan"), ("Astana", "Kazakhstan"), ("Ankara", "Türkiye"),
                          ("Samarkand", "Uzbekistan"), ("Budapest", "Hungary"), ("Bishkek", "Kyrgyzstan")]:  # fmt: skip
        assert inside(circles[city], countries[country]), city
    seas = [project(50.5, 42.0), project(34.0, 43.0), project(25.0, 38.5)]  # the Caspian, Black and Aegean seas
    assert not any(inside(sea, d) for sea in seas for d in countries.values())
    texts = [text.text or "" for text in svg.iter(f"{SVG}text")]
    assert "Made with Natural Earth (naturalearthdata.com), public domain" in texts


def test_the_map_fetches_nothing() -> None:
    text = ots("export", "--format", "svg-map").out
    assert not re.search(r"href|@import|<image|<foreignObject|<script|url\((?!#frame\))", text)
    assert "http" not in text.replace("http://www.w3.org/2000/svg", "")


def test_the_shipped_base_map_is_small_and_covers_the_frame() -> None:
    basemap = json.loads(BASEMAP.read_text(encoding="utf-8"))
    assert BASEMAP.stat().st_size < 40_000
    west, south, east, north = basemap["bounds"]
    assert west < FRAME[0] and south < FRAME[1] and east > FRAME[2] and north > FRAME[3], (
        "the frame changed: run tools/basemap.py again"
    )
    assert "Natural Earth" in basemap["source"] and "Natural Earth" in basemap["attribution"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with headless_chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield driver


@pytest.mark.browser
@pytest.mark.parametrize("selection", SELECTIONS[:2], ids=" ".join)
def test_in_chromium_each_name_fits_its_measured_box_and_none_covers_another(
    browser: Any, tmp_path: Path, selection: tuple[str, ...]
) -> None:
    picture = tmp_path / "map.svg"
    run = ots("export", "--format", "svg-map", "-o", str(picture), *selection)
    assert run.code == 0, run.err
    browser.get(picture.as_uri())
    measured = browser.execute_script(
        "return Array.from(document.querySelectorAll('text.city-label'), t => {"
        "const b = t.getBBox(); return [t.textContent, b.x, b.y, b.x + b.width, b.y + b.height]; })"
    )
    estimated = label_boxes(ElementTree.fromstring(picture.read_text(encoding="utf-8")))
    real = {words: Box(left, top, right, bottom) for words, left, top, right, bottom in measured}
    assert set(real) == set(estimated) and len(real) > 5
    assert overlapping(real) == []
    too_big = [words for words, box in real.items() if not box.within(estimated[words])]
    assert too_big == [], [(words, real[words], estimated[words]) for words in too_big]


def crowded(tmp_path: Path, count: int) -> Path:
    """A store of `count` cities with long names packed near Baku, about 8 pixels apart, each with one event."""
    import tomli_w

    source = {
        "id": "s",
        "title": "A source",
        "publisher": "ots tests",
        "date": "2024-01-01",
        "url": "https://example.org/s",
    }
    store: dict[str, Any] = {
        "format": 1,
        "source": [source],
        "organ": [{"id": "CoE", "name": "Council of Elders", "kind": "principal"}],
        "state": [{"id": "AZ", "name": "Azerbaijan"}],
        "city": [
            {
                "id": f"town-{n}",
                "name": f"Townville Number {n}",
                "state": "AZ",
                "lat": 40.2 + (n % 4) * 0.12,
                "lon": 49.6 + (n // 4) * 0.15,
                "location_source": "s",
            }
            for n in range(count)
        ],
        "event": [
            {
                "id": f"2020-01-{n + 1:02d}-meeting",
                "date": f"2020-01-{n + 1:02d}",
                "title": "Elders meet",
                "kind": "meeting",
                "organs": ["CoE"],
                "city": f"town-{n}",
                "sources": ["s"],
            }
            for n in range(count)
        ],
    }
    path = tmp_path / "crowded.toml"
    path.write_text(tomli_w.dumps(store), encoding="utf-8")
    return path


def test_a_crowd_of_cities_on_one_spot_still_gets_every_name_apart(tmp_path: Path) -> None:
    svg = drawn(store=crowded(tmp_path, 10))
    boxes = label_boxes(svg)
    assert set(boxes) == {f"Townville Number {n} 1" for n in range(10)}
    assert overlapping(boxes) == []
    assert len(list(svg.iter(f"{SVG}line"))) >= 5  # half had to move away, each with a line to its circle
