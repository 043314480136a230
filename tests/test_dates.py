"""Partial dates (otscli.dates): equal dates are one object within a load, and no memo of them outlives it."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest

from conftest import edges, ots
from otscli import dates, store


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
    from otscli.dates import PartialDate

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
