"""Which events a search finds (otscli.query): tags count as text, and a name in any spelling of a state finds
what its other names find, the Uzbek ʻ folded away."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EDGES, MORE, ONE_EVENT, edges, ids, ots

DATA = ["--no-bundled", "--data", str(EDGES), "--data", str(MORE)]


def test_search_finds_an_event_by_its_tag() -> None:
    assert ids(ots(*DATA, "search", "climate", "--json")) == ["2022-11-11-samarkand-summit"]


@pytest.mark.parametrize("typed", ["Oʻzbekiston", "O'zbekiston", "Ozbekiston", "ozbekiston"])
def test_an_alias_with_an_okina_finds_what_the_name_finds(typed: str) -> None:
    assert ids(ots(*DATA, "search", typed, "--json")) == ["2022-11-11-samarkand-summit"]


def test_a_cancelled_event_is_kept_and_found_by_its_status() -> None:
    assert ids(ots(*DATA, "list", "--status", "cancelled", "--json")) == ["2021-11-11-cancelled-forum"]


def test_an_unknown_event_id_offers_the_three_closest_or_the_listing() -> None:
    assert ots("show", "2019-10-15-summit-bakuu").err == (
        "ots: unknown event '2019-10-15-summit-bakuu'; did you mean 2019-10-15-summit-baku, 2019-10-14-cfm-baku, "
        "2014-06-05-summit-bodrum?\n"
    )
    assert edges("show", "zzz").err == "ots: unknown event 'zzz'; see 'ots list' for ids\n"


def test_an_ambiguous_prefix_lists_ten_ids_then_an_ellipsis(tmp_path: Path) -> None:
    blocks = [
        f'[[event]]\nid = "2001-{group}-{number:02d}"\ndate = "2001"\ntitle = "T"\nkind = "meeting"\n'
        'sources = ["test-source"]\n'
        for group, count in (("ten", 10), ("more", 11))
        for number in range(count)
    ]
    path = tmp_path / "many.toml"
    path.write_text("\n".join(blocks), encoding="utf-8")
    ten = ", ".join(f"2001-ten-{number:02d}" for number in range(10))
    assert edges("--data", str(path), "show", "2001-ten").err == (
        f"ots: ambiguous event id '2001-ten': 10 events start with it: {ten}\n"
    )
    first_ten = ", ".join(f"2001-more-{number:02d}" for number in range(10))
    assert edges("--data", str(path), "show", "2001-more").err == (
        f"ots: ambiguous event id '2001-more': 11 events start with it: {first_ten}, …\n"
    )


def test_an_id_that_begins_another_is_found_exactly_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "prefix.toml"
    text = ONE_EVENT.replace('id = "x"', 'id = "2001-x"') + "\n" + ONE_EVENT.replace('id = "x"', 'id = "2001-x-more"')
    path.write_text(text, encoding="utf-8")
    assert edges("--data", str(path), "show", "2001-X", "--json").json()["event"]["id"] == "2001-x"


SEARCHED = """\
[[city]]
id = "turkey-city"
name = "Turkey"
state = "TR"

[[event]]
id = "2002-talks-in-turkiye"
date = "2002"
title = "Talks in Türkiye"
kind = "meeting"
sources = ["test-source"]

[[event]]
id = "2002-treaty"
date = "2002"
title = "A treaty signed"
kind = "agreement"
sources = ["test-source"]

[[event]]
id = "2002-coe-meets"
date = "2002"
title = "The CoE meets"
kind = "meeting"
sources = ["test-source"]
"""


def test_search_finds_every_name_of_what_a_word_names_and_nothing_by_accident(tmp_path: Path) -> None:
    path = tmp_path / "searched.toml"
    path.write_text(SEARCHED, encoding="utf-8")
    found = {event["id"] for event in edges("--data", str(path), "search", "Turkey", "--year", "2002", "--json").json()}
    assert found == {"2002-talks-in-turkiye"}  # the state's name, though a city is called Turkey too; not "tr"eaty
    elders = edges("--data", str(path), "search", '"Council of Elders"', "--year", "2002", "--json").json()
    assert [event["id"] for event in elders] == ["2002-coe-meets"]  # a three-letter id counts
    assert edges("search", "xx", "--json").json() == []  # the fields are joined by spaces, nothing more
    assert edges("search", "— summit", "--json").json() == edges("search", "summit", "--json").json()
