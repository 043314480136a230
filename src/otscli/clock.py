"""Today's date for everything ots says about time: overdue plans, `today` in filters, on-this-day.

OTS_TODAY=YYYY-MM-DD fixes the clock (the tests use it, and so can anyone who wants yesterday's answers);
otherwise it is the system's local date, read once a run."""

from __future__ import annotations

import datetime as dt
import os
from functools import cache

from otscli.errors import UsageError, printable


@cache
def today() -> dt.date:
    fixed = os.environ.get("OTS_TODAY", "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise UsageError(f"OTS_TODAY: {printable(fixed)!r} is not a date of the form YYYY-MM-DD") from None


RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def relative_day(text: str) -> dt.date | None:
    """`today`, `yesterday` or `tomorrow` as a date; None for anything else."""
    offset = RELATIVE_DAYS.get(text.strip().lower())
    return None if offset is None else today() + dt.timedelta(days=offset)
