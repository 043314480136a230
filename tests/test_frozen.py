"""Frozen records (otscli.frozen): made by keyword or in order, never changed, equal and shown by their fields."""

from __future__ import annotations

import dataclasses

import pytest

from otscli.counting import Count
from otscli.dates import PartialDate
from otscli.kinds import Reference
from otscli.models import Dispute


def test_a_record_is_made_in_order_or_by_keyword_and_refuses_what_it_does_not_take() -> None:
    assert Count("TR", "Türkiye", 3) == Count(key="TR", label="Türkiye", count=3)
    assert Count("TR", "Türkiye", 3) != Count("TR", "Türkiye", 4)
    with pytest.raises(TypeError, match="takes 3 arguments, 4 were given"):
        Count("TR", "Türkiye", 3, 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'key'"):
        Count("TR", "Türkiye", 3, key="AZ")  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing argument 'count'"):
        Count("TR", "Türkiye")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="by keyword only"):
        Dispute("date", "2019", "a-source")  # type: ignore[misc]


def test_a_record_hashes_and_prints_by_the_fields_it_compares_and_shows() -> None:
    first, again = Reference(("organs",), "organ", "organs"), Reference(("organs",), "organ", "organs")
    assert first == again and hash(first) == hash(again) and first is not again
    assert first != Reference(("organs",), "organ", "organ")
    assert first.__eq__("organs") is NotImplemented
    assert repr(first) == "Reference(path=('organs',), target='organ', shown='organs')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.target = "state"  # type: ignore[misc]
    assert [field.name for field in dataclasses.fields(first)] == ["path", "target", "shown"]


def test_a_partial_date_is_a_value() -> None:
    date = PartialDate(2019, 10)
    assert date == PartialDate.parse("2019-10") and hash(date) == hash(PartialDate.parse("2019-10"))
    assert date != PartialDate(2019, 10, 1) and date.__eq__((2019, 10, None)) is NotImplemented
    assert (str(date.start), str(date.end)) == ("2019-10-01", "2019-10-31")
    assert repr(date) == "PartialDate(year=2019, month=10, day=None)"
    with pytest.raises(dataclasses.FrozenInstanceError, match="'year'"):
        date.year = 2020
    with pytest.raises(dataclasses.FrozenInstanceError, match="'month'"):
        del date.month
    with pytest.raises(ValueError, match="Feb 2023 has 28 days"):
        PartialDate(2023, 2, 29)
