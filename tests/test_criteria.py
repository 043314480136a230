"""What a person typed, parsed by the library: a bad value is an error value that names the field it came by and
the closest known names, and holds no command-line words. How `ots` words them (the option's name, "see 'ots
cities'") is tested in test_errors.py and in the lower half of this file."""

from __future__ import annotations

import pytest

from conftest import edges
from otscli.criteria import Criteria, EmptySpan, parse_years
from otscli.errors import UnknownName, UsageError
from otscli.query import find_event
from otscli.store import load


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    return load(user=False, cache=False)


def test_an_unknown_state_is_a_value_with_the_closest_names(catalog) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownName) as raised:
        Criteria(states=("Turky",)).resolve(catalog)
    error = raised.value
    assert (error.what, error.value) == ("state", "Turky")
    assert "Türkiye" in error.suggestions
    assert "ots" not in error.message and error.listing is None


def test_an_unknown_name_with_nothing_close_asks_for_its_listing(catalog) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownName) as raised:
        Criteria(cities=("Qqqqqq",)).resolve(catalog)
    assert raised.value.suggestions == () and raised.value.listing == "city"
    assert "see" not in raised.value.message


def test_an_unknown_event_points_at_the_list_of_ids(catalog) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownName) as raised:
        find_event(catalog, "zzzz-no-such-event")
    assert raised.value.listing == "event"


def test_a_bad_year_names_its_field_and_ots_names_the_option() -> None:
    with pytest.raises(UsageError) as raised:
        parse_years("2021..2019")
    assert raised.value.option == "years" and "--" not in raised.value.message


def test_since_after_until_carries_both_dates(catalog) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EmptySpan) as raised:
        Criteria(since="2020", until="2019").resolve(catalog)
    assert (str(raised.value.since), str(raised.value.until)) == ("2020", "2019")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "informal sumit"], "unknown kind 'sumit'; did you mean summit?"),
        (["--kind", "informal summit extra"], "unknown kind 'informal summit extra'; did you mean informal summit, "
                                              "informal meeting?"),
        (["--year", "20192021"], "--year: '20192021' is not a year or a span of years (2019, 2019..2021, 2019.., "
                                 "..2015)"),
        (["--year", ".."], "--year: '..' is not a year or a span of years (2019, 2019..2021, 2019.., ..2015)"),
        (["--year", "2021..2019"], "--year: '2021..2019' ends before it starts"),
        (["--since", "2019-02", "--until", "2019-01"], "--since 2019-02 is after --until 2019-01; nothing can match"),
    ],
)  # fmt: skip
def test_filter_values_that_name_nothing(args: list[str], message: str) -> None:
    run = edges("list", *args)
    assert (run.code, run.out, run.err) == (2, "", f"ots: {message}\n")


def test_since_and_until_may_be_the_same_year_and_a_two_word_kind_needs_its_format() -> None:
    assert [event["id"] for event in edges("list", "--since", "2019", "--until", "2019", "--json").json()] == [
        "2018-12-30-new-year-forum",
        "2019-summit",
    ]
    assert edges("list", "--kind", "informal meeting", "--json").json() == []
    assert [event["id"] for event in edges("list", "--kind", "ordinary summit", "--json").json()] == [
        "2019-summit",
        "2030-planned-summit",
    ]


@pytest.mark.parametrize(("given", "meant"), [("organs", "organ"), ("years", "year"), ("country", "state")])
def test_stats_by_a_near_word_says_the_right_one(given: str, meant: str) -> None:
    assert edges("stats", "--by", given).err == f"ots: unknown --by value '{given}'; did you mean {meant}?\n"


def test_more_filter_and_lookup_messages() -> None:
    assert edges("list", "--kind", "big summit").err == (
        "ots: unknown kind 'big summit'; did you mean informal summit, extraordinary summit?\n"
    )
    assert edges("source", "nothing-like-it").err == "ots: unknown source 'nothing-like-it'; see 'ots sources'\n"
    assert edges("on-this-day", "--date", "13-01").err == "ots: --date: '13-01' is not a day of the year as MM-DD\n"


def test_filter_names_that_name_nothing_say_what_they_are() -> None:
    for option, what in (("--organ", "organ"), ("--city", "city"), ("--state", "state")):
        assert edges("list", option, "Xyzzy").err == f"ots: unknown {what} 'Xyzzy'; see 'ots {what}s'\n".replace(
            "citys", "cities"
        )
    assert edges("list", "--status", "zzz").err == "ots: unknown status 'zzz'; one of held, planned, cancelled\n"
    assert (
        edges("list", "--kind", "ment").err == "ots: unknown kind 'ment'; did you mean document, agreement, meeting?\n"
    )
