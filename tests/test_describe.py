"""The phrases shared by the views (render/describe.py), seen through the commands that print them."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA, edges

SOURCES = DATA / "sources.toml"


def test_a_standing_that_ended_gives_both_ends_and_leaves_the_state_with_none_today() -> None:
    state = edges("--data", str(SOURCES), "state", "XK")
    assert state.code == 0, state.err
    assert "membership  observer May 2013 – 3 Sep 2018\n" in state.out
    states = edges("--data", str(SOURCES), "states")
    assert states.code == 0, states.err
    assert "XK\tFormer Observer\t—\t0\n" in states.out
    assert "HU\tHungary\tobserver\t1\n" in states.out  # a standing still held: its status, "since" not shown here


def test_the_states_of_an_event_are_named_in_one_line() -> None:
    run = edges("show", "2009-10-03-founded")
    assert run.code == 0, run.err
    assert "states   Azerbaijan, Türkiye\n" in run.out


ONLINE = """\
[[event]]
id = "2021-03-01-online"
date = "2021-03-01"
title = "A meeting held online"
kind = "meeting"
online = true
sources = ["test-source"]

[[event]]
id = "2021-04-01-baku-and-online"
date = "2021-04-01"
title = "A meeting in Baku and online"
kind = "meeting"
city = "baku"
online = true
organs = ["CHS", "CoE"]
sources = ["test-source"]
"""


def test_an_events_kind_number_place_and_organs_read_as_phrases(tmp_path: Path) -> None:
    summit = edges("show", "2019-summit")
    assert summit.code == 0, summit.err
    assert "kind      summit no. 7\n" in summit.out
    assert "place     Baku, Azerbaijan\n" in summit.out
    store = tmp_path / "online.toml"
    store.write_text(ONLINE, encoding="utf-8")
    online = edges("--data", str(store), "show", "2021-03-01-online")
    assert "kind     meeting\n" in online.out
    assert "place    online\n" in online.out
    both = edges("--data", str(store), "show", "2021-04-01-baku-and-online")
    assert "place    Baku, Azerbaijan and online\n" in both.out
    assert "organs   Council of Heads of State, Council of Elders\n" in both.out
