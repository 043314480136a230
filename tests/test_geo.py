"""`ots export -f geojson|map` (render/geo.py) on a store with one city that has coordinates."""

from __future__ import annotations

from conftest import DATA, edges

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
