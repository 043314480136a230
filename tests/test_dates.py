"""Partial dates (otscli.dates): equal dates are one object within a load, and no memo of them outlives it."""

from __future__ import annotations

from otscli import dates, store


def test_no_memo_of_dates_outlives_a_load() -> None:
    store.load(cache=False)
    assert dates._shared_dates is None
    with dates.sharing_dates():
        assert dates.PartialDate.parse("1999-07") is dates.PartialDate.parse("1999-07")
    assert dates.PartialDate.parse("1999-07") is not dates.PartialDate.parse("1999-07")
