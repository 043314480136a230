"""The vertical timeline (otscli.render.timeline), drawn from the small test stores at fixed widths: year rules,
markers, status flags, disputed facts, highlighted words, a state page's column, anniversaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import CORNERS, DATA, EDGES, MORE
from otscli import store
from otscli.counting import Anniversary, on_this_day
from otscli.models import Catalog, Event
from otscli.render.drawing import Canvas, Styled
from otscli.render.pages import role_cell
from otscli.render.timeline import RULE_WIDTH, anniversaries, drawing


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTS_TODAY", "2026-12-07")  # the planned summit of 2030 is still ahead


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return store.load_files([EDGES, MORE, DATA / "sources.toml"])


def events(catalog: Catalog, *ids: str) -> list[Event]:
    return [catalog.event_by_id[event_id] for event_id in ids]


def rule(year: int, width: int) -> Styled:
    return Styled(f"{year} " + "─" * (width - 5), ((0, 5, "bold"), (5, width, "dim")))


INDENT = " " * 27  # "30 Dec 2018 – 2 Jan 2019", a space, the marker, a space


def test_each_year_has_a_rule_then_its_events_with_markers_flags_and_disputes(catalog: Catalog) -> None:
    chosen = events(
        catalog,
        "2018-12-30-new-year-forum",
        "2019-summit",
        "2020-05-06-two-sources",
        "2021-11-11-cancelled-forum",
        "2030-planned-summit",
    )
    assert drawing(chosen, catalog, Canvas(100)) == [
        rule(2018, RULE_WIDTH),
        Styled("30 Dec 2018 – 2 Jan 2019 ● Forum across the new year", ((0, 24, "cyan"), (27, 52, "bold"))),
        Styled(INDENT + "Baku, Azerbaijan · conference", ((27, 56, "dim"),)),
        rule(2019, RULE_WIDTH),
        Styled("2019                     ● A summit known only by its year", ((0, 24, "cyan"), (27, 58, "bold"))),
        Styled(INDENT + "Baku, Azerbaijan · Council of Heads of State · summit no. 7", ((27, 86, "dim"),)),
        Styled(INDENT + "⚑ disputed: date (ots show 2019-summit)", ((27, 66, "magenta"),)),
        rule(2020, RULE_WIDTH),
        Styled("6 May 2020               ● A meeting with two sources", ((0, 24, "cyan"), (27, 53, "bold"))),
        Styled(INDENT + "meeting", ((27, 34, "dim"),)),  # no place, no organ: the kind alone
        Styled(INDENT + "⚑ disputed: date, kind (ots show 2020-05-06-two-sources)", ((27, 83, "magenta"),)),
        rule(2021, RULE_WIDTH),
        Styled(
            "11 Nov 2021              × A forum called off  [cancelled]",
            ((0, 24, "cyan"), (27, 45, "bold"), (45, 58, "yellow")),
        ),
        Styled(INDENT + "conference", ((27, 37, "dim"),)),
        rule(2030, RULE_WIDTH),
        Styled(
            "2030                     ○ A summit announced for 2030  [planned]",
            ((0, 24, "cyan"), (27, 54, "bold"), (54, 65, "yellow")),
        ),
        Styled(INDENT + "İstanbul, Türkiye · Council of Heads of State · summit", ((27, 81, "dim"),)),
    ]


def test_dates_are_as_wide_as_the_widest(catalog: Catalog) -> None:
    chosen = events(catalog, "2022-11-11-samarkand-summit", "2023-07-05-shusha-summit", "2024-07-shusha-meeting")
    assert [line.plain for line in drawing(chosen, catalog, Canvas(40))] == [
        "2022 " + "─" * 35,
        "11 Nov 2022  ● A summit in Samarkand",
        "               Samarkand, Uzbekistan ·",
        "               Council of Heads of State",
        "               · summit",
        "2023 " + "─" * 35,
        "5–6 Jul 2023 ● A summit in Shusha",
        "               Shusha, Azerbaijan ·",
        "               Council of Heads of State",
        "               · summit",
        "2024 " + "─" * 35,
        "Jul 2024     ● A meeting in Shusha",
        "               Shusha, Azerbaijan ·",
        "               meeting",
    ]


def test_events_of_one_year_share_its_rule(tmp_path: Path) -> None:
    corners = tmp_path / "corners.toml"
    corners.write_text(CORNERS, encoding="utf-8")
    with_corners = store.load_files([EDGES, MORE, DATA / "sources.toml", corners])
    chosen = events(with_corners, "2023-07-05-shusha-summit", "2024-02-29-leap-meeting", "2024-07-shusha-meeting")
    assert [line.plain for line in drawing(chosen, with_corners, Canvas(100)) if "─" in line.plain] == [
        rule(2023, RULE_WIDTH).plain,
        rule(2024, RULE_WIDTH).plain,
    ]


def test_a_rule_is_as_wide_as_a_narrow_canvas_with_three_dashes_at_least(catalog: Catalog) -> None:
    founded = events(catalog, "2009-10-03-founded")
    assert drawing(founded, catalog, Canvas(RULE_WIDTH + 1))[0] == rule(2009, RULE_WIDTH)
    assert drawing(founded, catalog, Canvas(30))[0] == rule(2009, 30)
    assert drawing(founded, catalog, Canvas(9))[0] == rule(2009, 9)
    assert drawing(founded, catalog, Canvas(8))[0] == rule(2009, 8)
    assert drawing(founded, catalog, Canvas(7))[0] == rule(2009, 8)
    assert drawing(founded, catalog, Canvas(1))[0] == rule(2009, 8)


def test_highlighted_words_stand_out_in_any_case_wherever_they_occur(catalog: Catalog) -> None:
    chosen = events(catalog, "2019-summit", "2030-planned-summit")
    lines = drawing(chosen, catalog, Canvas(100), highlight=("SUMMIT", "", "baku"))
    reversed_text = [
        [line.plain[start:end] for start, end, style in line.spans if style == "reverse"] for line in lines
    ]
    assert reversed_text == [[], ["summit"], ["summit", "Baku"], ["summit"], [], ["summit"], ["summit"]]
    assert lines[1].spans[-1] == (9, 15, "reverse")  # "2019 ● A summit": after the date's four columns
    assert lines[2].spans[0] == (7, 66, "dim")  # the highlights come after the text's own styles
    assert drawing(chosen, catalog, Canvas(100)) == [
        line._replace(spans=tuple(span for span in line.spans if span[2] != "reverse")) for line in lines
    ]


def test_a_state_page_shows_the_states_part_beside_each_event(catalog: Catalog) -> None:
    chosen = events(catalog, "2009-10-03-founded", "2017-11-elders")
    column = role_cell(catalog.state_by_id["AZ"], catalog)
    indent = " " * (10 + 3 + len("host · founding member") + 1)
    assert drawing(chosen, catalog, Canvas(len(indent) + 24), column=column) == [
        rule(2009, 60),
        Styled(
            "3 Oct 2009 ● host · founding member Founding agreement",
            ((0, 10, "cyan"), (13, 36, "blue"), (36, 54, "bold")),
        ),
        Styled(indent + "signed", ((36, 42, "bold"),)),
        Styled(indent + "Nakhchivan, Azerbaijan ·", ((36, 60, "dim"),)),
        Styled(indent + "Council of Heads of", ((36, 55, "dim"),)),
        Styled(indent + "State · agreement", ((36, 53, "dim"),)),
        rule(2017, 60),
        Styled(
            "Nov 2017   ● founding member        Elders meet in November",
            ((0, 10, "cyan"), (13, 36, "blue"), (36, 59, "bold")),
        ),
        Styled(indent + "İstanbul, Türkiye ·", ((36, 55, "dim"),)),
        Styled(indent + "Council of Elders ·", ((36, 55, "dim"),)),
        Styled(indent + "meeting", ((36, 43, "dim"),)),
    ]
    stacked = drawing(chosen, catalog, Canvas(len(indent) + 23), column=column)
    assert stacked[1:3] == [
        Styled("3 Oct 2009 ● host · founding member", ((0, 10, "cyan"), (13, 35, "blue"))),
        Styled("  Founding agreement signed", ((2, 27, "bold"),)),
    ]


def test_anniversaries_say_how_long_ago_in_a_column_as_wide_as_the_longest(catalog: Catalog) -> None:
    items = on_this_day(catalog, 11, 11, dt.date(2023, 11, 11))
    assert anniversaries(items, catalog, Canvas(80)) == [
        Styled(
            "1 year ago   11 Nov 2022 ● A summit in Samarkand",
            ((0, 11, "bold"), (13, 24, "cyan"), (27, 48, "bold")),
        ),
        Styled(INDENT + "Samarkand, Uzbekistan · Council of Heads of State ·", ((27, 78, "dim"),)),
        Styled(INDENT + "summit", ((27, 33, "dim"),)),
        Styled(
            "2 years ago  11 Nov 2021 × A forum called off  [cancelled]",
            ((0, 11, "bold"), (13, 24, "cyan"), (27, 45, "bold"), (45, 58, "yellow")),
        ),
        Styled(INDENT + "conference", ((27, 37, "dim"),)),
    ]
    lines = anniversaries(on_this_day(catalog, 11, 11, dt.date(2025, 11, 11)), catalog, Canvas(51))
    assert [line.plain[:27] for line in lines if line.plain[0] != " "] == [
        "3 years ago  11 Nov 2022 ● ",
        "4 years ago  11 Nov 2021 × ",
    ]
    assert lines[1].plain == INDENT + "Samarkand, Uzbekistan ·"  # 24 columns beside the head


def test_a_plan_whose_date_has_passed_says_so(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTS_TODAY", "2031-01-01")
    lines = drawing(events(catalog, "2030-planned-summit"), catalog, Canvas(100))
    assert lines[1] == Styled(
        "2030 ○ A summit announced for 2030  [planned · date passed, no report]",
        ((0, 4, "cyan"), (7, 34, "bold"), (34, 70, "yellow")),
    )


def test_anniversary_dates_are_padded_after_them_like_the_years_ago(catalog: Catalog) -> None:
    items = [Anniversary(1, catalog.event_by_id["2022-11-11-samarkand-summit"]),
             Anniversary(7, catalog.event_by_id["2018-12-30-new-year-forum"])]  # fmt: skip
    assert [line.plain for line in anniversaries(items, catalog, Canvas(100)) if line.plain[0] != " "] == [
        "1 year ago   11 Nov 2022              ● A summit in Samarkand",
        "7 years ago  30 Dec 2018 – 2 Jan 2019 ● Forum across the new year",
    ]


def test_nothing_to_draw_is_no_lines(catalog: Catalog) -> None:
    assert drawing([], catalog, Canvas(80)) == []
    assert anniversaries([], catalog, Canvas(80)) == []
