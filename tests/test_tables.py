"""The registry tables (`ots states`, `ots cities`), line for line, drawn on a terminal and as TSV in a pipe, on
edges.toml with more.toml: a state that only hosts counts its events, and every column holds its own value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA as DATA_DIR
from conftest import EDGES, MORE, ots
from otscli.models import Catalog, Event
from otscli.render import tables
from otscli.render.drawing import Canvas, Column, Grid, Styled
from otscli.render.tables import fitted_widths, table_layout
from otscli.store import load

DATA = ["--no-bundled", "--data", str(EDGES), "--data", str(MORE)]


def drawn(*args: str) -> list[str]:
    run = ots("--color", "always", *DATA, *args, env={"COLUMNS": "80"})
    assert run.code == 0, run.err
    return [line.rstrip() for line in re.sub(r"\x1b\[[0-9;]*m", "", run.out).splitlines()]


def test_states_count_the_events_held_in_them_and_those_they_took_part_in() -> None:
    assert drawn("states") == [
        "Id ┃ Name       ┃ Status          ┃ Events",
        "━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━",
        "AZ │ Azerbaijan │ founding member │ 3",
        "TR │ Türkiye    │ founding member │ 4",
        "HU │ Hungary    │ observer        │ 1",
        "UZ │ Uzbekistan │ member          │ 1",
    ]
    assert ots(*DATA, "states").out.splitlines()[-1] == "UZ\tUzbekistan\tmember\t1"  # hosted only, not named


def test_cities_give_id_name_state_and_events_in_that_order() -> None:
    assert drawn("cities") == [
        "Id         ┃ Name       ┃ State      ┃ Events",
        "━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━",
        "istanbul   │ İstanbul   │ Türkiye    │ 2",
        "nakhchivan │ Nakhchivan │ Azerbaijan │ 1",
        "baku       │ Baku       │ Azerbaijan │ 2",
        "samarkand  │ Samarkand  │ Uzbekistan │ 1",
    ]
    assert ots(*DATA, "cities").out.splitlines() == [
        "Id\tName\tState\tEvents",
        "istanbul\tİstanbul\tTürkiye\t2",
        "nakhchivan\tNakhchivan\tAzerbaijan\t1",
        "baku\tBaku\tAzerbaijan\t2",
        "samarkand\tSamarkand\tUzbekistan\t1",
    ]


# The renderers themselves (otscli.render.tables), called on the small stores: what each draws, line by line and
# span by span, at the widths where a layout gives way to the next.

STORES = [EDGES, MORE, DATA_DIR / "sources.toml"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load(STORES, bundled=False, user=False, cache=False)


def event(catalog: Catalog, event_id: str) -> Event:
    return catalog.event_by_id[event_id]


def plain(text: str) -> Styled:
    return Styled(text)


SHORT_IDS = ("2019-summit", "2030-planned-summit")  # ids of 11 and 19 characters, dates of 4


@pytest.mark.parametrize(
    ("width", "layout"),
    [(139, "kind-place-id"), (138, "id"), (97, "id"), (96, "date"), (54, "date"), (53, "lines")],
)
def test_every_event_widens_the_layout_by_the_longest_id_and_the_longest_date(
    catalog: Catalog, width: int, layout: str
) -> None:
    # The longest id (27, the Samarkand summit) and the longest date (24, the forum over new year) are two events'.
    assert table_layout(catalog.events, width) == layout


@pytest.mark.parametrize(
    ("width", "layout"),
    [(111, "kind-place-id"), (110, "id"), (69, "id"), (68, "date"), (27, "date"), (26, "lines")],
)
def test_beside_a_short_id_the_title_keeps_twenty_columns(catalog: Catalog, width: int, layout: str) -> None:
    assert table_layout([event(catalog, name) for name in SHORT_IDS], width) == layout


KIND_PLACE_ID_COLUMNS = (
    Column("Date", no_wrap=True),
    Column("Event"),
    Column("Kind", max_width=16),
    Column("Place", max_width=20),
    Column("Id", no_wrap=True),
)


def test_a_wide_list_has_a_column_each_for_kind_place_and_id_and_flags_a_planned_and_a_disputed_title(
    catalog: Catalog,
) -> None:
    chosen = [event(catalog, name) for name in SHORT_IDS]
    assert tables.events(chosen, catalog, Canvas(111)) == [
        Grid(
            KIND_PLACE_ID_COLUMNS,
            (
                tuple(
                    map(
                        plain,
                        (
                            "2019",
                            "A summit known only by its year ⚑",
                            "summit no. 7",
                            "Baku, Azerbaijan",
                            "2019-summit",
                        ),
                    )
                ),
                tuple(
                    map(
                        plain,
                        (
                            "2030",
                            "A summit announced for 2030 [planned]",
                            "summit",
                            "İstanbul, Türkiye",
                            "2030-planned-summit",
                        ),
                    )
                ),
            ),
        )
    ]


def test_at_middle_width_kind_and_place_go_dim_under_the_title_and_the_id_keeps_its_column(catalog: Catalog) -> None:
    chosen = [event(catalog, name) for name in SHORT_IDS]
    assert tables.events(chosen, catalog, Canvas(110)) == [
        Grid(
            (Column("Date", no_wrap=True), Column("Event"), Column("Id", no_wrap=True)),
            (
                (
                    plain("2019"),
                    Styled("A summit known only by its year ⚑\nsummit no. 7 · Baku, Azerbaijan", ((33, 65, "dim"),)),
                    plain("2019-summit"),
                ),
                (
                    plain("2030"),
                    Styled("A summit announced for 2030 [planned]\nsummit · İstanbul, Türkiye", ((37, 64, "dim"),)),
                    plain("2030-planned-summit"),
                ),
            ),
        )
    ]


def test_narrower_the_id_goes_cyan_under_kind_and_place_and_an_event_with_no_place_has_its_kind_alone(
    catalog: Catalog,
) -> None:
    chosen = [event(catalog, "2019-summit"), event(catalog, "2020-05-06-two-sources")]
    assert tables.events(chosen, catalog, Canvas(68)) == [
        Grid(
            (Column("Date", no_wrap=True), Column("Event")),
            (
                (
                    plain("2019"),
                    Styled(
                        "A summit known only by its year ⚑\nsummit no. 7 · Baku, Azerbaijan\n2019-summit",
                        ((33, 65, "dim"), (65, 77, "cyan")),
                    ),
                ),
                (
                    plain("6 May 2020"),
                    Styled(
                        "A meeting with two sources ⚑\nmeeting\n2020-05-06-two-sources",
                        ((28, 36, "dim"), (36, 59, "cyan")),
                    ),
                ),
            ),
        )
    ]


def test_too_narrow_for_columns_each_event_is_lines_its_title_beside_the_widest_date(catalog: Catalog) -> None:
    chosen = [event(catalog, "2019-summit"), event(catalog, "2020-05-06-two-sources")]
    assert tables.table_layout(chosen, 35) == "date"
    assert tables.events(chosen, catalog, Canvas(34)) == [
        plain("2019"),  # too little room beside the date: the title under it
        plain("  A summit known only by its year"),
        plain("  ⚑"),
        Styled("  summit no. 7 · Baku, Azerbaijan", ((2, 33, "dim"),)),
        Styled("2019-summit", ((0, 11, "cyan"),)),
        plain("6 May 2020"),
        plain("  A meeting with two sources ⚑"),
        Styled("  meeting", ((2, 9, "dim"),)),
        Styled("2020-05-06-two-sources", ((0, 22, "cyan"),)),
    ]


def test_in_a_pipe_every_event_is_a_tab_separated_line_of_all_five_cells(catalog: Catalog) -> None:
    chosen = [event(catalog, "2030-planned-summit"), event(catalog, "2020-05-06-two-sources")]
    assert tables.events(chosen, catalog, Canvas(40, piped=True)) == [
        plain("Date\tEvent\tKind\tPlace\tId"),
        plain("2030\tA summit announced for 2030 [planned]\tsummit\tİstanbul, Türkiye\t2030-planned-summit"),
        plain("6 May 2020\tA meeting with two sources ⚑\tmeeting\t\t2020-05-06-two-sources"),
    ]
    assert tables.events([], catalog, Canvas(40)) == []
    assert tables.events([], catalog, Canvas(40, piped=True)) == []


def test_one_column_is_as_wide_as_its_widest_cell_and_narrows_to_its_longest_word() -> None:
    assert fitted_widths(["Word"], [["alpha beta"]], 80) == [10]
    assert fitted_widths(["Word"], [["alpha beta"]], 6) == [6]
    assert fitted_widths(["Word"], [["alpha beta"]], 5) == [5]
    assert fitted_widths(["Word"], [["alpha beta"]], 4) is None


def test_columns_narrow_widest_first_padding_counted_and_never_below_their_longest_word() -> None:
    headers, rows = ["A", "B", "C"], [["aa bb", "cccc dddd", "e"]]
    assert fitted_widths(headers, rows, 21) == [5, 9, 1]  # a rule between columns, padding 1 at the edges, 2 inside
    assert fitted_widths(headers, rows, 100) == [5, 9, 1]
    assert fitted_widths(headers, rows, 20) == [5, 8, 1]
    assert fitted_widths(headers, rows, 16) == [5, 4, 1]
    assert fitted_widths(headers, rows, 15) == [4, 4, 1]  # B is down to "cccc", A gives way next
    assert fitted_widths(headers, rows, 13) == [2, 4, 1]
    assert fitted_widths(headers, rows, 12) is None


def test_of_two_columns_as_wide_the_later_narrows_first() -> None:
    assert fitted_widths(["A", "B"], [["aaa bbb", "ccc ddd"]], 17) == [7, 7]
    assert fitted_widths(["A", "B"], [["aaa bbb", "ccc ddd"]], 16) == [7, 6]
    assert fitted_widths(["A", "B"], [["aaa bbb", "ccc ddd"]], 15) == [6, 6]
    assert fitted_widths(["Id", "Wide"], [["x", "東京 大阪"]], 9) == [2, 4]  # wide characters take two columns


def test_a_table_on_a_terminal_is_a_grid_of_fitted_widths_else_a_block_a_row(catalog: Catalog) -> None:
    headers, rows = ("Id", "Title", "Note"), [("a1", "First title", ""), ("b22", "Second", "kept here")]
    assert tables.table(headers, rows, Canvas(40)) == [
        Grid(
            (Column("Id", width=3), Column("Title", width=11), Column("Note", width=9)),
            ((plain("a1"), plain("First title"), plain("")), (plain("b22"), plain("Second"), plain("kept here"))),
        )
    ]
    long = [("a1", "Extraordinarily long-winded title", ""), ("b22", "Second", "kept here and there")]
    assert fitted_widths(headers, long, 29) == [3, 15, 5]
    assert fitted_widths(headers, long, 28) is None  # "Extraordinarily" and "there" cannot stand side by side
    assert tables.table(headers, long, Canvas(26)) == [
        Styled("a1", ((0, 2, "bold"),)),
        plain("  Title: Extraordinarily"),  # an empty value left out
        plain("  long-winded title"),
        Styled("b22", ((0, 3, "bold"),)),
        plain("  Title: Second · Note:"),
        plain("  kept here and there"),
    ]
    assert tables.table(headers, rows, Canvas(16, piped=True)) == [
        plain("Id\tTitle\tNote"),
        plain("a1\tFirst title\t"),
        plain("b22\tSecond\tkept here"),
    ]


def test_the_registries_count_each_records_events(catalog: Catalog) -> None:
    assert tables.organs(catalog, Canvas(80, piped=True)) == [
        plain("Id\tName\tKind\tEvents"),
        plain("CHS\tCouncil of Heads of State\tprincipal\t5"),
        plain("CoE\tCouncil of Elders\tprincipal\t1"),
    ]
    assert tables.states(catalog, Canvas(80, piped=True)) == [
        plain("Id\tName\tStatus\tEvents"),
        plain("AZ\tAzerbaijan\tfounding member\t5"),
        plain("TR\tTürkiye\tfounding member\t4"),
        plain("HU\tHungary\tobserver\t1"),
        plain("UZ\tUzbekistan\tmember\t1"),
        plain("XK\tFormer Observer\t—\t0"),
    ]
    assert tables.cities(catalog, Canvas(80, piped=True)) == [
        plain("Id\tName\tState\tEvents"),
        plain("istanbul\tİstanbul\tTürkiye\t2"),
        plain("nakhchivan\tNakhchivan\tAzerbaijan\t1"),
        plain("baku\tBaku\tAzerbaijan\t2"),
        plain("samarkand\tSamarkand\tUzbekistan\t1"),
        plain("shusha\tShusha\tAzerbaijan\t2"),
    ]
    assert tables.sources(catalog, Canvas(80, piped=True)) == [
        plain("Id\tTitle\tPublisher\tDate\tEvents"),
        plain("test-source\tA source for the tests\tots tests\t2024-01-01\t9"),
        plain("bare-source\tAnnual report, volume X\t\t\t3"),
    ]


def test_a_registry_on_a_terminal_is_one_grid_as_wide_as_its_cells(catalog: Catalog) -> None:
    [grid] = tables.sources(catalog, Canvas(80))
    assert isinstance(grid, Grid)
    assert [(column.header, column.width) for column in grid.columns] == [
        ("Id", 11), ("Title", 23), ("Publisher", 9), ("Date", 10), ("Events", 6)
    ]  # fmt: skip
    assert [[cell.plain for cell in row] for row in grid.rows] == [
        ["test-source", "A source for the tests", "ots tests", "2024-01-01", "9"],
        ["bare-source", "Annual report, volume X", "", "", "3"],
    ]


FOLDED = """\
[[event]]
id = "2020-folded"
date = "2020"
title = "Folded"
kind = "meeting"
summary = "one\\ttwo\\n three"
sources = ["test-source"]
"""


def test_chosen_fields_are_the_values_as_csv_writes_them_tabs_and_newlines_folded_in_a_pipe(
    catalog: Catalog, tmp_path: Path
) -> None:
    chosen = [event(catalog, "2009-10-03-founded"), event(catalog, "2018-12-30-new-year-forum")]
    assert tables.chosen_fields(chosen, ["id", "states", "end"], Canvas(80, piped=True)) == [
        plain("id\tstates\tend"),
        plain("2009-10-03-founded\tAZ; TR\t"),
        plain("2018-12-30-new-year-forum\tHU\t2019-01-02"),
    ]
    store = tmp_path / "folded.toml"
    store.write_text(FOLDED, encoding="utf-8")
    folded = load([EDGES, store], bundled=False, user=False, cache=False).event_by_id["2020-folded"]
    assert tables.chosen_fields([folded], ["summary"], Canvas(80, piped=True)) == [
        plain("summary"),
        plain("one two three"),
    ]
    assert tables.chosen_fields([folded], ["id", "summary"], Canvas(80)) == [
        Grid(
            (Column("id", width=11), Column("summary", width=12)), ((plain("2020-folded"), plain("one\ttwo\n three")),)
        )
    ]


def test_a_narrow_list_hangs_what_wraps_under_the_title_beside_the_date(catalog: Catalog) -> None:
    samarkand = [event(catalog, "2022-11-11-samarkand-summit")]  # an id of 27: lines up to 40 columns
    assert table_layout(samarkand, 40) == "lines"
    assert tables.events(samarkand, catalog, Canvas(36)) == [
        plain("11 Nov 2022 A summit in Samarkand"),
        Styled("            summit · Samarkand,", ((12, 31, "dim"),)),
        Styled("            Uzbekistan", ((12, 22, "dim"),)),
        Styled("2022-11-11-samarkand-summit", ((0, 27, "cyan"),)),
    ]


def test_a_plan_whose_day_has_passed_says_so_in_its_title(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTS_TODAY", "2031-06-01")
    catalog = load(STORES, bundled=False, user=False, cache=False)
    assert tables.events([event(catalog, "2030-planned-summit")], catalog, Canvas(40, piped=True))[1] == plain(
        "2030\tA summit announced for 2030 [planned · date passed, no report]\tsummit\tİstanbul, Türkiye"
        "\t2030-planned-summit"
    )


def test_a_disputed_fact_is_written_as_field_value_and_source(catalog: Catalog) -> None:
    assert tables.chosen_fields([event(catalog, "2019-summit")], ["id", "disputed"], Canvas(40, piped=True)) == [
        plain("id\tdisputed"),
        plain("2019-summit\tdate=2018 (test-source)"),
    ]


def test_a_column_with_no_word_still_takes_one_column_and_a_ragged_row_is_refused() -> None:
    assert fitted_widths(["", "B"], [["", "b"]], 5) == [0, 1]
    assert fitted_widths(["", "B"], [["", "b"]], 4) is None
    with pytest.raises(ValueError, match="zip"):
        fitted_widths(["A", "B"], [["a"]], 80)
    with pytest.raises(ValueError, match="zip"):
        tables.row_blocks(["A", "B"], [["a", "b", "c"]], 80)
