"""The registry tables (`ots states`, `ots cities`), line for line, drawn on a terminal and as TSV in a pipe, on
edges.toml with more.toml: a state that only hosts counts its events, and every column holds its own value."""

from __future__ import annotations

import re

from conftest import EDGES, MORE, ots

DATA = ["--no-bundled", "--data", str(EDGES), "--data", str(MORE)]


def drawn(*args: str) -> list[str]:
    run = ots("--color", "always", *DATA, *args, env={"COLUMNS": "80"})
    assert run.code == 0, run.err
    return [line.rstrip() for line in re.sub(r"\x1b\[[0-9;]*m", "", run.out).splitlines()]


def test_states_count_the_events_held_in_them_and_those_they_took_part_in() -> None:
    assert drawn("states") == [
        "Id ┃ Name       ┃ Status          ┃ Events",
        "━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━",
        "AZ │ Azerbaijan │ founding member │ 3",
        "TR │ Türkiye    │ founding member │ 4",
        "HU │ Hungary    │ observer        │ 1",
        "UZ │ Uzbekistan │ member          │ 1",
    ]
    assert ots(*DATA, "states").out.splitlines()[-1] == "UZ\tUzbekistan\tmember\t1"  # hosted only, not named


def test_cities_give_id_name_state_and_events_in_that_order() -> None:
    assert drawn("cities") == [
        "Id         ┃ Name       ┃ State      ┃ Events",
        "━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━",
        "istanbul   │ İstanbul   │ Türkiye    │ 2",
        "nakhchivan │ Nakhchivan │ Azerbaijan │ 1",
        "baku       │ Baku       │ Azerbaijan │ 2",
        "samarkand  │ Samarkand  │ Uzbekistan │ 1",
    ]
    assert ots(*DATA, "cities").out.splitlines() == [
        "Id\tName\tState\tEvents",
        "istanbul\tİstanbul\tTürkiye\t2",
        "nakhchivan\tNakhchivan\tAzerbaijan\t1",
        "baku\tBaku\tAzerbaijan\t2",
        "samarkand\tSamarkand\tUzbekistan\t1",
    ]
