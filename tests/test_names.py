"""Names match by id, name or alias; case, accents and Turkish dotted/dotless i do not matter."""

from __future__ import annotations

import pytest

from conftest import edges


@pytest.mark.parametrize("name", ["İstanbul", "istanbul", "ISTANBUL", "Istanbul", "ıstanbul"])
def test_istanbul_in_every_spelling(name: str) -> None:
    run = edges("city", name, "--json")
    assert run.code == 0, run.err
    assert run.json()["city"]["id"] == "istanbul"


@pytest.mark.parametrize("name", ["Naxçıvan", "naxcivan", "NAXÇIVAN", "Nakhichevan", "nakhchivan"])
def test_nakhchivan_by_alias_and_folding(name: str) -> None:
    assert edges("city", name, "--json").json()["city"]["id"] == "nakhchivan"


@pytest.mark.parametrize(("name", "state"), [("türkiye", "TR"), ("TURKEY", "TR"), ("azerbaycan", "AZ"), ("az", "AZ")])
def test_states_by_id_name_or_alias(name: str, state: str) -> None:
    assert edges("state", name, "--json").json()["state"]["id"] == state


def test_unknown_name_exits_2_with_did_you_mean() -> None:
    run = edges("city", "Istanbol")
    assert run.code == 2
    assert run.err == "ots: unknown city 'Istanbol'; did you mean İstanbul?\n"
    assert run.out == ""


def test_unknown_filter_name_is_never_guessed() -> None:
    run = edges("timeline", "--organ", "Council of Elder")
    assert run.code == 2
    assert "did you mean Council of Elders" in run.err
    assert run.out == ""


def test_at_most_three_suggestions() -> None:
    run = edges("organ", "Council")
    assert run.code == 2
    suggestions = run.err.split("did you mean ", 1)[1].rstrip("?\n").split(", ")
    assert 1 <= len(suggestions) <= 3
