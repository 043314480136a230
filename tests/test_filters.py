"""DESIGN §3 through `ots --json`: partial dates are intervals, filters OR within and AND across."""

from __future__ import annotations

import pytest

from conftest import edges, ids

ALL = ["2009-10-03-founded", "2017-11-elders", "2018-12-30-new-year-forum", "2019-summit", "2030-planned-summit"]


def test_no_filter_lists_everything_sorted_by_interval() -> None:
    assert ids(edges("list", "--json")) == ALL


def test_year_precision_event_is_in_since_a_month_of_that_year() -> None:
    assert "2019-summit" in ids(edges("list", "--since", "2019-06", "--json"))


def test_month_precision_event_is_not_in_since_the_next_month() -> None:
    assert "2017-11-elders" not in ids(edges("list", "--since", "2017-12", "--json"))
    assert "2017-11-elders" in ids(edges("list", "--since", "2017-11-30", "--json"))


def test_until_keeps_events_starting_on_or_before_the_end_of_the_bound() -> None:
    assert ids(edges("list", "--until", "2017-11-01", "--json")) == ["2009-10-03-founded", "2017-11-elders"]
    assert ids(edges("list", "--until", "2017-10", "--json")) == ["2009-10-03-founded"]


@pytest.mark.parametrize("year", ["2018", "2019"])
def test_a_range_across_new_year_is_in_both_years(year: str) -> None:
    assert "2018-12-30-new-year-forum" in ids(edges("list", "--year", year, "--json"))


def test_year_equals_since_and_until_that_year() -> None:
    assert ids(edges("list", "--year", "2019", "--json")) == ids(
        edges("list", "--since", "2019", "--until", "2019", "--json")
    )


def test_repeating_a_filter_ors_and_different_filters_and() -> None:
    assert ids(edges("list", "--year", "2009", "--year", "2030", "--json")) == [
        "2009-10-03-founded",
        "2030-planned-summit",
    ]
    assert ids(edges("list", "--kind", "summit", "--city", "istanbul", "--json")) == ["2030-planned-summit"]


def test_state_matches_the_host_or_a_participant() -> None:
    hosted_in_azerbaijan = ["2009-10-03-founded", "2018-12-30-new-year-forum", "2019-summit"]
    assert ids(edges("list", "--state", "AZ", "--json")) == hosted_in_azerbaijan
    assert ids(edges("list", "--state", "Hungary", "--json")) == ["2018-12-30-new-year-forum"]
    assert ids(edges("list", "--state", "Turkey", "--json")) == [
        "2009-10-03-founded",
        "2017-11-elders",
        "2030-planned-summit",
    ]


def test_organ_status_and_kind_filters() -> None:
    assert ids(edges("list", "--organ", "aksakals council", "--json")) == ["2017-11-elders"]
    assert ids(edges("list", "--status", "planned", "--json")) == ["2030-planned-summit"]
    assert ids(edges("list", "--kind", "Summit", "--status", "held", "--json")) == ["2019-summit"]


def test_reverse_and_limit() -> None:
    assert ids(edges("list", "--reverse", "--limit", "2", "--json")) == ["2030-planned-summit", "2019-summit"]
    assert ids(edges("timeline", "--limit", "0", "--json")) == []


def test_an_empty_result_is_success_with_an_empty_array() -> None:
    run = edges("timeline", "--year", "1999", "--json")
    assert (run.code, run.out) == (0, "[]\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2019-13"], "--since: month 13 does not exist"),
        (["--since", "2023-02-30"], "--since: 2023-02-30 does not exist"),
        (["--until", "someday"], "--until: 'someday' is not a date"),
        (["--kind", "sumit"], "unknown kind 'sumit'; did you mean summit?"),
        (["--status", "done"], "unknown status 'done'"),
        (["--year", "0"], "--year"),
        (["--limit", "-1"], "--limit"),
    ],
)
def test_bad_filter_values_exit_2_with_one_line(args: list[str], message: str) -> None:
    run = edges("list", *args)
    assert run.code == 2
    assert message in run.err
    assert len(run.err.strip().splitlines()) == 1
    assert run.out == ""


def test_search_needs_every_word() -> None:
    assert ids(edges("search", "summit vision", "--json")) == ["2019-summit"]
    assert ids(edges("search", "SUMMIT", "--status", "planned", "--json")) == ["2030-planned-summit"]
    assert edges("search", "   ").code == 2
