"""What a person typed, as values: dates, years, kinds, names and groupings parsed, and Criteria resolved into
the Filter they name; a bad value is a UsageError."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from otscli.dates import PartialDate
from otscli.errors import UsageError, printable
from otscli.models import KIND_LABELS, KINDS, MEETING_FORMATS, STATUSES, Catalog
from otscli.names import Named, build_index
from otscli.query import Filter, KindLabel, YearSpan, search_terms

if TYPE_CHECKING:
    from otscli.counting import Grouping


class EmptySpan(UsageError):
    """`since` falls after `until`: no day is in between."""

    def __init__(self, since: PartialDate, until: PartialDate) -> None:
        super().__init__(f"{since} is after {until}; nothing can match", option="since")
        self.since = since
        self.until = until


class Criteria(NamedTuple):
    """Filter values as a person typed them: dates as text, names, ids or aliases."""

    since: str | None = None
    until: str | None = None
    years: Sequence[str | int] = ()  # 2019, "2019..2021", "2019..", "..2015"
    organs: Sequence[str] = ()
    cities: Sequence[str] = ()
    states: Sequence[str] = ()
    hosts: Sequence[str] = ()
    kinds: Sequence[str] = ()
    statuses: Sequence[str] = ()
    tags: Sequence[str] = ()
    numbers: Sequence[int] = ()
    text: str = ""

    def resolve(self, catalog: Catalog) -> Filter:
        """The Filter these words name; a bad date or an unknown name is a UsageError."""
        since, until = parse_date("since", self.since), parse_date("until", self.until)
        if since and until and since.start > until.end:
            raise EmptySpan(since, until)
        return Filter(
            since=since,
            until=until,
            years=tuple(map(parse_years, self.years)),
            organs=resolve_names("organ", catalog.organs, self.organs),
            cities=resolve_names("city", catalog.cities, self.cities),
            states=resolve_names("state", catalog.states, self.states),
            hosts=resolve_names("state", catalog.states, self.hosts),
            kinds=frozenset(map(parse_kind, self.kinds)),
            statuses=frozenset(choose("status", status, STATUSES) for status in self.statuses),
            tags=frozenset(tag.strip().lower() for tag in self.tags),
            numbers=frozenset(self.numbers),
            terms=search_terms(self.text, catalog) if self.text else (),
        )


def resolve_names(what: str, records: Sequence[Named], names: Sequence[str]) -> frozenset[str]:
    """The ids that `names` name; the index of names is built only when there is a name to look up."""
    if not names:
        return frozenset()
    return frozenset(map(build_index(what, records).resolve, names))


def parse_date(option: str, value: str | None) -> PartialDate | None:
    # `option`: the field the value came by, named in an error
    """YYYY, YYYY-MM, YYYY-MM-DD, or today, yesterday or tomorrow (see otscli.clock)."""
    if value is None:
        return None
    from otscli.clock import relative_day

    day = relative_day(value)
    if day is not None:
        return PartialDate.parse(day.isoformat())
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise UsageError(printable(str(error)), option=option) from None


def parse_kind(value: str) -> KindLabel:
    """A kind as the Kind column prints it: "summit", or with its format, "informal summit"."""
    words = value.strip().lower().split()
    if len(words) == 2 and words[0] in MEETING_FORMATS:
        return choose("kind", words[1], KINDS), words[0]
    if len(words) < 2:
        return choose("kind", value, KINDS), None
    return choose("kind", value, KIND_LABELS[len(KINDS) :]), None  # a misspelt label: the error names the closest


_YEARS = r"([0-9]{4})?(\.\.)?([0-9]{4})?"


def parse_years(value: str | int) -> YearSpan:
    """A year or a span of years: "2019", "2019..2021", "2019.." (from), "..2015" (up to), ends included; `today`
    and `yesterday` stand for their year ("2019..today")."""
    from otscli.clock import relative_day

    text = re.sub(
        r"(?i)today|yesterday|tomorrow", lambda word: f"{relative_day(word[0]) or ''}"[:4], str(value).strip()
    )
    match = re.fullmatch(_YEARS, text)
    start, dots, end = match.groups() if match else (None, None, None)
    if match is None or not (start or end) or (start and end and not dots) or (not dots and not start):
        raise UsageError(
            f"{printable(text)!r} is not a year or a span of years (2019, 2019..2021, 2019.., ..2015)", option="years"
        )
    first = int(start) if start else None
    last = (int(end) if end else None) if dots else first
    if first is not None and last is not None and first > last:
        raise UsageError(f"{printable(text)!r} ends before it starts", option="years")
    return first, last


def choose(what: str, value: str, allowed: Sequence[str]) -> str:
    """`value` if it is one of `allowed` (any case); else a UsageError naming the closest."""
    if value.strip().lower() in allowed:
        return value.strip().lower()
    close = difflib.get_close_matches(value.lower(), allowed, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else f"one of {', '.join(allowed)}"
    raise UsageError(f"unknown {what} {printable(value)!r}; {hint}")


GROUPING_WORDS = {"country": "state", "countries": "state", "nation": "state", "member": "state", "body": "organ",
                  "place": "city", "town": "city", "type": "kind", "date": "year"}  # fmt: skip


def grouping(value: str) -> Grouping:
    """The grouping `value` names (any case); else a UsageError naming the closest, by meaning first."""
    meant = GROUPING_WORDS.get(value.strip().lower())
    if meant is not None:
        raise UsageError(f"unknown --by value {printable(value)!r}; did you mean {meant}?")
    from otscli.counting import GROUPINGS

    chosen = choose("--by value", value, GROUPINGS)
    return next(name for name in GROUPINGS if name == chosen)


def parse_month_day(value: str | None, today: dt.date) -> tuple[int, int]:
    """MM-DD (default: today), or today or yesterday, as (month, day); 02-29 is allowed."""
    from otscli.clock import relative_day

    if value is None:
        return today.month, today.day
    relative = relative_day(value)
    if relative is not None:
        return relative.month, relative.day
    match = re.fullmatch(r"([0-9]{2})-([0-9]{2})", value.strip())
    try:
        if match is None:
            raise ValueError
        month, day = int(match.group(1)), int(match.group(2))
        dt.date(2000, month, day)  # a leap year, so 02-29 passes
    except ValueError:
        raise UsageError(f"{printable(value)!r} is not a day of the year as MM-DD", option="date") from None
    return month, day
