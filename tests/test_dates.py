"""Partial dates (otscli.dates): a date at each precision and the days it covers, its errors word for word, a value
never changed; equal dates are one object within a load, and no memo of them outlives it; how spans meet and are
written."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import edges, ots
from otscli import dates, store
from otscli.dates import PartialDate, display_span, meets


def test_no_memo_of_dates_outlives_a_load() -> None:
    store.load(cache=False)
    assert dates._shared_dates is None
    with dates.sharing_dates():
        assert dates.PartialDate.parse("1999-07") is dates.PartialDate.parse("1999-07")
    assert dates.PartialDate.parse("1999-07") is not dates.PartialDate.parse("1999-07")


def test_a_leap_day_is_a_date_and_the_29th_of_a_common_february_is_not(tmp_path: Path) -> None:
    for date, fine in (("2024-02-29", True), ("2000-02-29", True), ("1900-02-29", False), ("2023-02-29", False)):
        path = tmp_path / f"{date}.toml"
        path.write_text(f'[[event]]\nid = "x"\ndate = "{date}"\ntitle = "T"\nkind = "meeting"\n'
                        'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
        run = edges("--data", str(path), "validate")
        assert (run.code == 0) is fine, run.err
        if not fine:
            year = date[:4]
            assert f"event x: date: {date} does not exist: Feb {year} has 28 days" in run.err


def test_spans_are_written_as_short_as_they_can_be(corners: list[str]) -> None:
    lines = [" ".join(line.split()) for line in ots(*corners, "timeline", "--year", "2015..2020").out.splitlines()]
    assert "21–22 Dec 2015 ● Two days of talks in December" in lines
    assert "30 Sep – 2 Oct 2020 ● A forum from September into October" in lines
    assert "5 May 2016 ● A meeting whose end is its date" in lines  # an end equal to the date is one day


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_has_its_length(month: int) -> None:
    length = calendar.monthrange(2019, month)[1]
    assert edges("list", "--since", f"2019-{month:02d}-{length:02d}").code == 0
    name = calendar.month_abbr[month]
    run = edges("list", "--since", f"2019-{month:02d}-{length + 1:02d}")
    assert run.err == f"ots: --since: 2019-{month:02d}-{length + 1} does not exist: {name} 2019 has {length} days\n"


@pytest.mark.parametrize(
    ("value", "message"),
    [("2019-13", "month 13 does not exist"), ("2019-00", "month 0 does not exist"), ("0000", "year 0 is out of range"),
     ("2019-4", "'2019-4' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
     ("２０１９", "'２０１９' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")],
)  # fmt: skip
def test_dates_that_do_not_exist(value: str, message: str) -> None:
    assert edges("list", "--since", value).err == f"ots: --since: {message}\n"
    assert edges("list", "--since", "9999-12-31", "--json").json() == []
    assert edges("list", "--until", "0001-01-01", "--json").json() == []


@pytest.mark.parametrize(
    ("written", "problem"),
    [("2019-10-15", None), ("2019-10-15T10:00:00", "date: a date and time was given where a date belongs; write "
                                                   "YYYY, YYYY-MM or YYYY-MM-DD"),
     ("2019", "date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not int")],
)  # fmt: skip
def test_toml_dates_without_quotes(tmp_path: Path, written: str, problem: str | None) -> None:
    path = tmp_path / "bare.toml"
    path.write_text(f'[[event]]\nid = "bare"\ndate = {written}\ntitle = "T"\nkind = "meeting"\n'
                    'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    run = edges("--data", str(path), "list", "--json")
    if problem is None:
        assert [event["date"] for event in run.json() if event["id"] == "bare"] == ["2019-10-15"]
    else:
        assert run.err.endswith(f":3: event bare: {problem}\n"), run.err


def test_an_end_before_its_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "backwards.toml"
    path.write_text('[[event]]\nid = "back"\ndate = "2019-02"\nend = "2019-01-31"\ntitle = "T"\nkind = "meeting"\n'
                    'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    run = edges("--data", str(path), "validate")
    assert run.code == 1 and "event back: end 2019-01-31 is before date 2019-02" in run.err


def test_a_date_knows_its_parts() -> None:
    with pytest.raises(ValueError, match=r"^a day needs a month$"):
        PartialDate(2019, None, 5)
    with pytest.raises(ValueError, match=r"^year 10000 is out of range$"):
        PartialDate(10000)
    day = PartialDate.parse("2019-05-02")
    assert not day < day and hash(PartialDate(2019, 5, 2)) == hash(day)
    assert (day.start, day.end) == (PartialDate(2019, 5, 2).start, dt.date(2019, 5, 2))
    assert PartialDate.parse("2019").end == dt.date(2019, 12, 31) and PartialDate.parse("2019-02").end.day == 28


def test_dates_are_shown_at_their_own_precision() -> None:
    lines = [" ".join(line.split()) for line in edges("timeline").out.splitlines()]
    assert "2019 ● A summit known only by its year" in lines
    assert "Nov 2017 ● Elders meet in November" in lines
    assert "3 Oct 2009 ● Founding agreement signed" in lines


@pytest.mark.parametrize(
    ("text", "precision", "start", "end", "shown"),
    [("2019", "year", "2019-01-01", "2019-12-31", "2019"), ("2024-02", "month", "2024-02-01", "2024-02-29", "Feb 2024"),
     ("2019-10-05", "day", "2019-10-05", "2019-10-05", "5 Oct 2019"), ("0001", "year", "0001-01-01", "0001-12-31", "1"),
     ("9999-12", "month", "9999-12-01", "9999-12-31", "Dec 9999")],
)  # fmt: skip
def test_a_date_at_each_precision_stands_for_the_days_it_covers(
    text: str, precision: str, start: str, end: str, shown: str
) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, str(date.start), str(date.end), date.display(), str(date)) == (
        precision, start, end, shown, text
    )  # fmt: skip


@pytest.mark.parametrize(
    ("parts", "message"),
    [((0,), "year 0 is out of range"), ((10000,), "year 10000 is out of range"),
     ((2019, None, 5), "a day needs a month"), ((2019, 0), "month 0 does not exist"),
     ((2019, 13), "month 13 does not exist"),
     ((2019, 4, 0), "2019-04-00 does not exist: Apr 2019 has 30 days"),
     ((2019, 4, 31), "2019-04-31 does not exist: Apr 2019 has 30 days"),
     ((2023, 2, 29), "2023-02-29 does not exist: Feb 2023 has 28 days")],
)  # fmt: skip
def test_each_date_that_does_not_exist_is_refused_in_its_own_words(parts: tuple[int, ...], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        PartialDate(*parts)


def test_a_partial_date_is_a_value() -> None:
    date = PartialDate(2019, 10)
    assert date == PartialDate.parse("2019-10") and hash(date) == hash(PartialDate.parse("2019-10"))
    assert date != PartialDate(2019, 10, 1) and date != PartialDate(2019)
    assert date.__eq__((2019, 10, None)) is NotImplemented
    assert hash(date) != hash(PartialDate(2019, 10, 1)) and hash(date) != hash(PartialDate(2019))
    assert repr(date) == "PartialDate(year=2019, month=10, day=None)"
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"^cannot assign to field 'year'$"):
        date.year = 2020
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"^cannot delete field 'month'$"):
        del date.month
    assert (date.year, date.month, date.day) == (2019, 10, None)


def test_dates_sort_by_their_first_day_then_by_their_last() -> None:
    written = ["2019-10-31", "2019", "2019-10", "2018-12-31", "2019-01-01", "2019-01"]
    assert [str(date) for date in sorted(map(PartialDate.parse, written))] == [
        "2018-12-31", "2019-01-01", "2019-01", "2019", "2019-10", "2019-10-31"
    ]  # fmt: skip


def test_days_meet_a_span_when_they_end_on_or_after_its_first_day_and_start_on_or_before_its_last() -> None:
    october = PartialDate(2019, 10)
    september, november = (dt.date(2019, 9, 1), dt.date(2019, 9, 30)), (dt.date(2019, 11, 1), dt.date(2019, 11, 30))
    assert meets(september[0], dt.date(2019, 10, 1), october, None)  # ends on the first day
    assert not meets(*september, october, None)
    assert meets(dt.date(2019, 10, 31), november[1], None, october)  # starts on the last day
    assert not meets(*november, None, october)
    assert meets(september[0], november[1], october, october) and meets(*september, None, None)


def test_a_span_within_one_year_is_written_whole_unless_both_ends_are_days() -> None:
    assert display_span(PartialDate(2019, 3), PartialDate(2019, 5)) == "Mar 2019 – May 2019"
    assert display_span(PartialDate(2019, 3, 30), PartialDate(2019, 5)) == "30 Mar 2019 – May 2019"
    assert display_span(PartialDate(2019, 3, 30), PartialDate(2019, 4, 2)) == "30 Mar – 2 Apr 2019"
    assert display_span(PartialDate(2019, 12, 30), PartialDate(2020, 1, 2)) == "30 Dec 2019 – 2 Jan 2020"
    assert display_span(PartialDate(2019), PartialDate(2019)) == "2019" == display_span(PartialDate(2019), None)


def test_pydantic_reads_a_date_from_its_text_writes_it_back_as_text_and_describes_it() -> None:
    from pydantic import TypeAdapter, ValidationError

    adapter = TypeAdapter(PartialDate)  # built here, so the schema is asked of PartialDate in this test
    assert adapter.validate_python("2019-10") == PartialDate(2019, 10)
    assert adapter.validate_python(dt.date(2019, 10, 5)) == PartialDate(2019, 10, 5)
    assert adapter.dump_python(PartialDate(2019, 10), mode="json") == "2019-10"
    assert adapter.dump_json(PartialDate(2019, 10, 5)) == b'"2019-10-05"'
    with pytest.raises(ValidationError, match="month 13 does not exist"):
        adapter.validate_python("2019-13")
    assert adapter.json_schema() == {
        "type": "string",
        "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
        "description": "A date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.",
    }
