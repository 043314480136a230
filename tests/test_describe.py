"""The phrases shared by the views (render/describe.py), seen through the commands that print them."""

from __future__ import annotations

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
