"""Which events a search finds (otscli.query): tags count as text, and a name in any spelling of a state finds
what its other names find, the Uzbek ʻ folded away."""

from __future__ import annotations

import pytest

from conftest import EDGES, MORE, ids, ots

DATA = ["--no-bundled", "--data", str(EDGES), "--data", str(MORE)]


def test_search_finds_an_event_by_its_tag() -> None:
    assert ids(ots(*DATA, "search", "climate", "--json")) == ["2022-11-11-samarkand-summit"]


@pytest.mark.parametrize("typed", ["Oʻzbekiston", "O'zbekiston", "Ozbekiston", "ozbekiston"])
def test_an_alias_with_an_okina_finds_what_the_name_finds(typed: str) -> None:
    assert ids(ots(*DATA, "search", typed, "--json")) == ["2022-11-11-samarkand-summit"]


def test_a_cancelled_event_is_kept_and_found_by_its_status() -> None:
    assert ids(ots(*DATA, "list", "--status", "cancelled", "--json")) == ["2021-11-11-cancelled-forum"]
