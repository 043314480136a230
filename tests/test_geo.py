"""`ots export -f geojson|svg-map` (render/geo.py) on stores with cities that have coordinates."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA, edges
from otscli.render.svgmap import FRAME

SOURCES = DATA / "sources.toml"


def geojson() -> dict[str, object]:
    run = edges("--data", str(SOURCES), "export", "-f", "geojson")
    assert run.code == 0, run.err
    collection: dict[str, object] = run.json()
    return collection


def test_each_event_in_a_city_with_coordinates_is_a_point_with_its_facts() -> None:
    collection = geojson()
    assert collection["type"] == "FeatureCollection"
    assert collection["as_of"] is None  # the test stores say to no day they were checked
    assert str(collection["provenance"]).startswith("From your own files only: ")
    assert collection["features"] == [
        {
            "type": "Feature",
            "id": "2023-07-05-shusha-summit",
            "geometry": {"type": "Point", "coordinates": [46.75, 39.76]},
            "properties": {
                "id": "2023-07-05-shusha-summit",
                "title": "A summit in Shusha",
                "date": "2023-07-05",
                "end": "2023-07-06",
                "display_date": "5–6 Jul 2023",
                "kind": "summit",
                "status": "held",
                "overdue": False,
                "organs": "Council of Heads of State",
                "city": "Shusha",
                "state": "Azerbaijan",
                "source": "https://example.org/ots-tests",
            },
        },
        {
            "type": "Feature",
            "id": "2024-07-shusha-meeting",
            "geometry": {"type": "Point", "coordinates": [46.75, 39.76]},
            "properties": {
                "id": "2024-07-shusha-meeting",
                "title": "A meeting in Shusha",
                "date": "2024-07",
                "end": None,
                "display_date": "Jul 2024",
                "kind": "meeting",
                "status": "held",
                "overdue": False,
                "organs": "",
                "city": "Shusha",
                "state": "Azerbaijan",
                "source": "Annual report, volume X",  # no address: the title
            },
        },
    ]


WEST, SOUTH, EAST, NORTH = FRAME
EDGES_OF_THE_FRAME = f"""\
[[city]]
id = "south-west"
name = "South West"
state = "TR"
lat = {SOUTH}
lon = {WEST}
location_source = "test-source"

[[city]]
id = "north-east"
name = "North East"
state = "AZ"
lat = {NORTH}
lon = {EAST}
location_source = "test-source"

[[event]]
id = "2021-01-01-south-west"
date = "2021-01-01"
title = "At the south-west corner"
kind = "meeting"
city = "south-west"
sources = ["test-source"]

[[event]]
id = "2021-02-01-north-east"
date = "2021-02-01"
title = "At the north-east corner"
kind = "meeting"
city = "north-east"
sources = ["test-source"]
"""


def test_a_city_on_the_edge_of_the_frame_is_drawn_on_the_map(tmp_path: Path) -> None:
    store = tmp_path / "corners.toml"
    store.write_text(EDGES_OF_THE_FRAME, encoding="utf-8")
    run = edges("--data", str(store), "export", "-f", "svg-map")
    assert run.code == 0, run.err
    assert ">2 events in 2 cities.</text>" in run.out
    assert "outside the frame" not in run.out
    assert run.out.count("</title></circle>") == 2  # the cities' circles; the legend's have no title
