"""Habits users bring from gh, git, hledger and ripgrep: names and ids as they type them, periods, pipes."""

from __future__ import annotations

import pytest

from conftest import ots


def test_ids_match_in_any_case_and_an_ambiguous_prefix_lists_the_matches() -> None:
    assert (
        ots("show", "2018-09-03-SUMMIT-Cholpon-Ata", "--json").json()["event"]["id"] == "2018-09-03-summit-cholpon-ata"
    )
    run = ots("show", "2021-11")
    starting = [e["id"] for e in ots("list", "--json").json() if e["id"].startswith("2021-11")]
    assert run.code == 2 and len(starting) > 1
    assert (
        run.err == f"ots: ambiguous event id '2021-11': {len(starting)} events start with it: {', '.join(starting)}\n"
    )


@pytest.mark.parametrize("name", ["OTS", "TDT", "Turkic Council", "organization of turkic states"])
def test_a_name_of_the_organization_itself_says_so(name: str) -> None:
    run = ots("organ", name)
    assert (run.code, run.err) == (
        2,
        f"ots: '{name}' is the organization itself, not one of its organs; see 'ots organs'\n",
    )


def test_a_name_differing_by_punctuation_does_not_match() -> None:
    assert ots("organ", "OTS+", "--json").json()["organ"]["id"] == "ots-plus"
    assert ots("organ", "tdt+", "--json").json()["organ"]["id"] == "ots-plus"
    assert "did you mean" not in ots("organ", "OTS").err  # not taken for OTS+


@pytest.mark.parametrize(("name", "city"), [("Bişkek", "bishkek"), ("Taşkent", "tashkent"), ("Budapeşte", "budapest"),
                                            ("Nursultan", "astana"), ("BAKÜ", "baku")])  # fmt: skip
def test_turkish_and_native_spellings_of_cities_resolve(name: str, city: str) -> None:
    assert ots("city", name, "--json").json()["city"]["id"] == city
