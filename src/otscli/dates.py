"""Partial dates: a date known to the year, the month or the day, standing for the days it covers; how two
spans of days meet, and how a span is written for people. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import FrozenInstanceError
from typing import Any, Literal

_PARTIAL_DATE = r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"  # ASCII digits only; compiled on first use
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Equal dates are one object within a load (see sharing_dates); no memo outlives the load.
_shared_dates: dict[str, PartialDate] | None = None


@contextmanager
def sharing_dates() -> Iterator[None]:
    """Within the block, equal date texts parse to one PartialDate: thousands of events share a few hundred
    dates, and the cache then stores and loads each once. Outside every block nothing is kept."""
    global _shared_dates
    outer = _shared_dates
    _shared_dates = {} if outer is None else outer
    try:
        yield
    finally:
        _shared_dates = outer


class PartialDate:
    """A date known to the year, the month or the day; it stands for the interval it covers. A value: equal by
    year, month and day, and never changed once made.

    Written out rather than a frozen dataclass: thousands are made when the cache is read, and the dataclass
    would compile six methods at every start of ots."""

    __slots__ = ("day", "end", "month", "start", "year")
    year: int
    month: int | None
    day: int | None
    # The first and the last day of the interval this date stands for, set once here: sorting and filtering ask
    # for them again and again, and equal dates are one object (see sharing_dates and the cache).
    start: dt.date
    end: dt.date

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        for name, value in (("year", year), ("month", month), ("day", day)):
            object.__setattr__(self, name, value)
        self._check()
        object.__setattr__(self, "start", dt.date(year, month or 1, day or 1))
        last_month = month or 12
        object.__setattr__(self, "end", dt.date(year, last_month, day or days_in_month(year, last_month)))

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, PartialDate)
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __repr__(self) -> str:
        return f"PartialDate(year={self.year!r}, month={self.month!r}, day={self.day!r})"

    def _check(self) -> None:
        if not dt.MINYEAR <= self.year <= dt.MAXYEAR:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None:
            last = days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                raise ValueError(f"{self} does not exist: {_MONTHS[self.month - 1]} {self.year} has {last} days")

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read "YYYY", "YYYY-MM", "YYYY-MM-DD" or a TOML date; anything else is a ValueError."""
        memo = _shared_dates
        if memo is not None and type(value) is str and value in memo:
            return memo[value]
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("a date and time was given where a date belongs; write YYYY, YYYY-MM or YYYY-MM-DD")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not {type(value).__name__}")
        match = re.fullmatch(_PARTIAL_DATE, value.strip())
        if match is None:
            raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        parsed = cls(year, month, day)
        if memo is not None:
            memo[value] = parsed
        return parsed

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def display(self) -> str:
        """The date for a person, at the precision it has: "2017", "Nov 2017", "3 Nov 2017"."""
        if self.month is None:
            return str(self.year)
        month = _MONTHS[self.month - 1]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __lt__(self, other: PartialDate) -> bool:
        return (self.start, self.end) < (other.start, other.end)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "A date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.",
        }


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def meets(first: dt.date, last: dt.date, since: PartialDate | None, until: PartialDate | None) -> bool:
    """Whether the days first..last meet the span from `since` to `until` (None: an open end): they end on or
    after its first day and start on or before its last."""
    return (since is None or last >= since.start) and (until is None or first <= until.end)


def display_span(first: PartialDate, last: PartialDate | None) -> str:
    """A date or a range for a person: "21–22 Dec 2015", "30 Sep – 2 Oct 2020", "2019"."""
    if last is None or last == first:
        return first.display()
    if first.precision == last.precision == "day" and first.year == last.year:
        if first.month == last.month:
            return f"{first.day}–{last.display()}"
        assert first.month is not None
        return f"{first.day} {_MONTHS[first.month - 1]} – {last.display()}"
    return f"{first.display()} – {last.display()}"
