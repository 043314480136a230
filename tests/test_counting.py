"""Anniversaries (otscli.counting.on_this_day) through `ots on-this-day`, on edges.toml with more.toml."""

from __future__ import annotations

from conftest import EDGES, MORE, ots

DATA = ["--no-bundled", "--data", str(EDGES), "--data", str(MORE)]


def test_two_anniversaries_on_one_day_come_newest_first_a_cancelled_one_marked() -> None:
    run = ots(*DATA, "on-this-day", "--date", "11-11", "--json", env={"OTS_TODAY": "2026-12-06"})
    found = [(item["years_ago"], item["event"]["id"], item["event"]["status"]) for item in run.json()]
    assert found == [(4, "2022-11-11-samarkand-summit", "held"), (5, "2021-11-11-cancelled-forum", "cancelled")]
    text = ots(*DATA, "on-this-day", "--date", "11-11", env={"OTS_TODAY": "2026-12-06", "COLUMNS": "80"}).out
    assert text.index("4 years ago") < text.index("5 years ago")
    assert "A forum called off  [cancelled]" in text
