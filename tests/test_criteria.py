"""What a person typed, parsed by the library: a bad value is an error value that names the field it came by and
the closest known names, and holds no command-line words. How `ots` words them (the option's name, "see 'ots
cities'") is tested in test_errors.py and test_corners.py."""

from __future__ import annotations

import pytest

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
