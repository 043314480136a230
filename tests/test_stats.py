"""Counts as bars (otscli.render.stats), drawn from the counts of the small test stores: bars against the largest,
zero counts, block characters or '#', and narrow canvases where each label stands on a line of its own."""

from __future__ import annotations

import pytest

from conftest import DATA, EDGES, MORE
from otscli import store
from otscli.counting import Count, count_by
from otscli.models import Catalog
from otscli.render.drawing import Canvas, Styled
from otscli.render.stats import MAX_BAR, MIN_BAR, bars


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return store.load_files([EDGES, MORE, DATA / "sources.toml"])


def kinds(catalog: Catalog) -> list[Count]:
    counts = count_by(catalog, catalog.events, "kind")
    assert [(count.label, count.count) for count in counts] == [
        ("summit", 4), ("meeting", 3), ("conference", 2), ("agreement", 1)
    ]  # fmt: skip
    return counts


def line(label: str, number: str, bar: str) -> Styled:
    return Styled.assemble((label, "bold"), " ", (number, "cyan"), " ", (bar, "green"))


def test_each_count_is_a_bar_as_long_against_the_largest_as_the_count(catalog: Catalog) -> None:
    assert bars(kinds(catalog), Canvas(80)) == [
        Styled("summit     4 " + "█" * MAX_BAR, ((0, 10, "bold"), (11, 12, "cyan"), (13, 63, "green"))),
        line("meeting   ", "3", "█" * 38),  # 37.5 rounded to even
        line("conference", "2", "█" * 25),
        line("agreement ", "1", "█" * 12),  # 12.5 rounded to even
    ]


def test_without_block_characters_bars_are_hashes(catalog: Catalog) -> None:
    assert [drawn.plain for drawn in bars(kinds(catalog), Canvas(27, unicode=False))] == [
        "summit     4 #############",  # 13 columns left: 27 less the label, a space, the number and two
        "meeting    3 ##########",  # 9.75
        "conference 2 ######",  # 6.5 rounded to even
        "agreement  1 ###",  # 3.25
    ]


def test_side_by_side_while_min_bar_columns_are_left_then_each_label_on_its_own_line(catalog: Catalog) -> None:
    width = len("conference") + len("4") + 3 + MIN_BAR
    assert bars(kinds(catalog), Canvas(width))[0] == line("summit    ", "4", "█" * MIN_BAR)
    assert bars(kinds(catalog), Canvas(width - 1)) == [
        Styled.of("summit", "bold"),
        Styled("  4 " + "█" * 20, ((2, 3, "cyan"), (4, 24, "green"))),  # 25 less "  ", "4" and two
        Styled.of("meeting", "bold"),
        Styled.assemble("  ", ("3", "cyan"), " ", ("█" * 15, "green")),
        Styled.of("conference", "bold"),
        Styled.assemble("  ", ("2", "cyan"), " ", ("█" * 10, "green")),
        Styled.of("agreement", "bold"),
        Styled.assemble("  ", ("1", "cyan"), " ", ("█" * 5, "green")),
    ]


def test_a_long_label_on_a_narrow_canvas_is_wrapped_and_a_bar_is_never_empty(catalog: Catalog) -> None:
    organs = count_by(catalog, catalog.events, "organ")
    assert [drawn.plain for drawn in bars(organs, Canvas(12, unicode=False))] == [
        "Council of",
        "Heads of",
        "State",
        "  5 #######",  # 12 less "  ", "5" and two
        "(no organ)",
        "  4 ######",  # 5.6
        "Council of",
        "Elders",
        "  1 #",
    ]
    narrowest = [drawn.plain for drawn in bars(organs, Canvas(3, unicode=False))]
    assert narrowest == ["Council", "of", "Heads", "of", "State", "  5 #", "(no", "organ)", "  4 #", "Council", "of",
                         "Elders", "  1 #"]  # fmt: skip


def test_a_count_far_below_the_largest_still_has_a_block() -> None:
    counts = [Count("baku", "Baku", 1000), Count("shusha", "Shusha", 9)]
    assert [drawn.plain for drawn in bars(counts, Canvas(80))] == ["Baku   1000 " + "█" * 50, "Shusha    9 █"]


def test_an_empty_year_has_its_number_and_no_bar(catalog: Catalog) -> None:
    years = bars(count_by(catalog, catalog.events, "year"), Canvas(40))
    assert years[:2] == [line("2009", "1", "█" * 16), Styled.assemble(("2010", "bold"), " ", ("0", "cyan"))]
    assert [drawn.plain for drawn in years[9:11]] == ["2018 1 " + "█" * 16, "2019 2 " + "█" * 32]
    stacked = bars([Count(None, "(no city)", 0), Count("baku", "Baku", 2)], Canvas(12))
    assert stacked[:2] == [Styled.of("(no city)", "bold"), Styled.assemble("  ", ("0", "cyan"))]


def test_no_counts_no_lines() -> None:
    assert bars([], Canvas(80)) == []
