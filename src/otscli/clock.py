"""Today's date for everything ots says about time: overdue plans, `today` in filters, on-this-day.

OTS_TODAY=YYYY-MM-DD fixes the clock (the tests use it, and so can anyone who wants yesterday's answers);
otherwise it is the system's local date, read once a run."""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache

from otscli.errors import UsageError, printable


def today() -> dt.date:
    fixed = os.environ.get("OTS_TODAY", "").strip()
    if not fixed:
        return dt.date.today()
    return fixed_day(fixed)


@lru_cache(maxsize=4)  # asked once per event shown; a handful of distinct values at most
def fixed_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"OTS_TODAY: {printable(text)!r} is not a date of the form YYYY-MM-DD") from None


RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def relative_day(text: str) -> dt.date | None:
    """`today`, `yesterday` or `tomorrow` as a date; None for anything else."""
    offset = RELATIVE_DAYS.get(text.strip().lower())
    return None if offset is None else today() + dt.timedelta(days=offset)
