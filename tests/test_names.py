"""Names match by id, name or alias; case, accents and Turkish dotted/dotless i do not matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ONE_EVENT, edges, ots


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


def test_an_unknown_name_with_nothing_close_points_to_the_listing() -> None:
    assert edges("city", "Zzyzx").err == "ots: unknown city 'Zzyzx'; see 'ots cities'\n"
    assert edges("state", "Qqq").err == "ots: unknown state 'Qqq'; see 'ots states'\n"
    assert edges("organ", "Xyzzy").err == "ots: unknown organ 'Xyzzy'; see 'ots organs'\n"


def test_an_empty_name_is_refused_with_exit_2() -> None:
    for what in ("city", "organ", "state"):
        run = edges(what, "  ")
        assert (run.code, run.out, run.err) == (2, "", f"ots: empty {what} name\n")


def test_several_close_names_are_all_offered() -> None:
    run = edges("organ", "Council")
    assert run.err == "ots: unknown organ 'Council'; did you mean Council of Elders, Council of Heads of State?\n"


def test_apostrophes_and_underscores_in_names() -> None:
    assert edges("state", "T'urkiye", "--json").json()["state"]["id"] == "TR"
    assert edges("state", "Türk_iye").err == "ots: unknown state 'Türk_iye'; did you mean Türkiye?\n"


def test_at_most_three_names_are_offered_the_closest_first() -> None:
    assert ots("organ", "Council").err == (
        "ots: unknown organ 'Council'; did you mean Council of Elders, Council of Heads of State, "
        "Council of Foreign Ministers?\n"
    )


def test_three_letters_are_enough_to_find_a_name_they_are_part_of() -> None:
    assert edges("city", "Nak").err == "ots: unknown city 'Nak'; did you mean Nakhchivan?\n"
    assert edges("city", "Na").err == "ots: unknown city 'Na'; see 'ots cities'\n"


def test_suggestions_name_records_not_spellings(tmp_path: Path) -> None:
    """Three spellings of one city closer than another city's name: both cities are offered, once each."""
    path = tmp_path / "alike.toml"
    path.write_text('[[city]]\nid = "aaa"\nname = "Alphz"\nstate = "AZ"\naliases = ["Alphy", "Alphx"]\n\n'
                    '[[city]]\nid = "bbb"\nname = "Alpha"\nstate = "AZ"\n', encoding="utf-8")  # fmt: skip
    assert edges("--data", str(path), "city", "Alphq").err == "ots: unknown city 'Alphq'; did you mean Alphz, Alpha?\n"


def test_search_folds_letters_beyond_latin_and_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.toml"
    path.write_text(ONE_EVENT.replace('"T"', '"Қазақстан форумы"'), encoding="utf-8")
    found = edges("--data", str(path), "search", "ҚАЗАҚСТАН", "--json").json()
    assert [event["id"] for event in found] == ["x"]
    assert edges("--data", str(path), "search", "xxxx", "--json").json() == []
