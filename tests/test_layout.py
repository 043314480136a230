"""Hanging text (otscli.render.layout): a body beside its head or under it, cut where rich would cut it; a tab in
prose is drawn as spaces, the same with colour and without."""

from __future__ import annotations

import re
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.text import Text

from conftest import edges
from otscli.render.drawing import Styled
from otscli.render.layout import (
    MIN_BODY_WIDTH,
    STACKED_INDENT,
    Plan,
    columns_of,
    hang,
    linked,
    plan,
    spans,
    word_breaks,
)

TABBED = 'format = 1\n[[event]]\nid = "2020-tabbed"\ndate = "2020"\ntitle = "Tabbed"\nkind = "meeting"\n' \
         'summary = "\\t0 and\\tmore"\nsources = ["test-source"]\n'  # fmt: skip


def test_a_tab_in_a_summary_is_spaces_in_a_pipe_as_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "tabbed.toml"
    path.write_text(TABBED, encoding="utf-8")
    piped = edges("--data", str(path), "show", "2020-tabbed").out
    coloured = edges("--color", "always", "--data", str(path), "show", "2020-tabbed").out
    summary = next(line for line in piped.splitlines() if line.startswith("summary"))
    assert "\t" not in piped
    assert summary == "summary          0 and   more"
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).replace("\x1b]8;", "").count("\t") == 0


HEAD = Styled.assemble(("3 Oct 2009", "cyan"), " ● ")  # 13 columns, as the timeline's
BODY = Styled.assemble(("Founding agreement signed", "bold"), ("\nNakhchivan, Azerbaijan · Council of Heads", "dim"))


def test_a_body_hangs_beside_its_head_while_it_has_min_body_width_columns() -> None:
    width = 13 + MIN_BODY_WIDTH
    assert hang(HEAD, BODY, 13, width) == [
        Styled("3 Oct 2009 ● Founding agreement", ((0, 10, "cyan"), (13, 31, "bold"))),
        Styled("             signed", ((13, 19, "bold"),)),
        Styled("             Nakhchivan, Azerbaijan ·", ((13, 37, "dim"),)),
        Styled("             Council of Heads", ((13, 29, "dim"),)),
    ]
    beside = Plan([(0, 13)], [(0, 19), (19, 25), (26, 51), (51, 67)], 13, stacked=False)
    assert plan(HEAD.plain, BODY.plain, 13, width, len) == beside


def test_with_one_column_less_the_head_stands_alone_and_the_body_goes_under_it() -> None:
    width = 13 + MIN_BODY_WIDTH - 1
    assert hang(HEAD, BODY, 13, width) == [
        Styled("3 Oct 2009 ●", ((0, 10, "cyan"),)),  # its trailing space gone
        Styled("  Founding agreement signed", ((2, 27, "bold"),)),
        Styled("  Nakhchivan, Azerbaijan · Council", ((2, 34, "dim"),)),
        Styled("  of Heads", ((2, 10, "dim"),)),
    ]
    stacked = Plan([(0, 12)], [(0, 25), (26, 59), (59, 67)], STACKED_INDENT, stacked=True)
    assert plan(HEAD.plain, BODY.plain, 13, width, len) == stacked


def test_a_head_wider_than_the_screen_is_wrapped_and_the_body_is_wrapped_two_columns_in() -> None:
    head = Styled.of("a long head that wraps ", "bold")
    assert hang(head, Styled("one two three"), 20, 12) == [
        Styled("a long head", ((0, 11, "bold"),)),
        Styled("that wraps", ((0, 10, "bold"),)),
        Styled("  one two"),  # "one two three" is 13 columns: wrapped at 10, the screen less the indent
        Styled("  three"),
    ]


def test_a_word_longer_than_a_line_stands_alone_and_runs_past_it() -> None:
    body = Styled("see https://example.org/a/long/address for more")
    assert [line.plain for line in hang(Styled("note  "), body, 6, 6 + MIN_BODY_WIDTH)] == [
        "note  see",
        "      https://example.org/a/long/address",
        "      for more",
    ]
    assert word_breaks("https://example.org/a/long/address", 10) == []
    assert word_breaks("  https://example.org/a/long/address x", 10) == [37]


def test_no_line_ends_in_spaces_and_empty_lines_are_kept() -> None:
    lines = hang(Styled("head  "), Styled("first   \n\nthird  "), 6, 40)
    assert [line.plain for line in lines] == ["head  first", "", "      third"]


def test_a_tab_in_the_body_stops_every_eight_columns_from_the_bodys_start() -> None:
    lines = hang(Styled("head "), Styled("x\ty\tz", ((1, 2, "red"),)), 5, 40)
    assert lines == [Styled("head x       y       z", ((6, 13, "red"),))]


WRAPPED = [
    "one two three four five six seven",
    "  leading spaces and  two  spaces between words  ",
    "exactly ten and then",
    "abcdefghij klmnopqrstuvwxyz ab",
    "Türkiye · İstanbul · Naxçıvan · Oʻzbekiston",
    "東京都 大阪府 京都府 奈良県 福岡県",
    "e\u0301te\u0301 cafe\u0301 re\u0301sume\u0301 na\u0131ve",
    "",
]


def test_lines_are_cut_where_rich_wraps_them() -> None:
    console = Console(width=200)
    for text in WRAPPED:
        measure = columns_of(text)
        for width in (1, 4, 7, 10, 11, 15):
            theirs = [line.plain.rstrip() for line in Text(text).wrap(console, width, overflow="crop")]
            ours = [text[begin:end].rstrip() for begin, end in spans(text, width, measure)]
            assert [set_cell_size(line, width).rstrip() if cell_len(line) > width else line for line in ours] == theirs


def test_wide_characters_are_measured_in_columns() -> None:
    lines = hang(Styled("名前 "), Styled("東京都 大阪府 京都府 奈良県 福岡県 札幌市"), 5, 30)
    assert [line.plain for line in lines] == [
        "名前 東京都 大阪府 京都府",
        "     奈良県 福岡県 札幌市",
    ]  # 6 + 1 + 6 + … = 20
    assert columns_of("東京") is cell_len
    assert columns_of("Naxçıvan · Oʻzbekiston ●○×⚑─") is len  # every one a column: no need to ask rich


def test_each_web_address_is_a_link_ending_before_a_space_or_an_angle_bracket() -> None:
    text = Styled("see https://a.org/x and <http://b.example/p?q=1> not ftp://c", ((0, 3, "dim"),))
    assert linked(text) == text._replace(
        spans=((0, 3, "dim"), (4, 19, "link https://a.org/x"), (25, 47, "link http://b.example/p?q=1"))
    )
    assert linked(Styled("no address")) == Styled("no address")


def test_an_address_ends_before_the_punctuation_and_brackets_that_close_the_sentence_around_it() -> None:
    """As GitHub links addresses in prose: a final stop, comma or colon is the sentence's, a closing parenthesis
    is the address's only when it opens one too, and square brackets are never in an address."""
    prose = "Read https://x.org/a_(b), then (https://y.org/c). Or [link=https://z.org]this[/link]: https://w.org/d?"
    addresses = [prose[start:end] for start, end, _ in linked(Styled(prose)).spans]
    assert addresses == ["https://x.org/a_(b)", "https://y.org/c", "https://z.org", "https://w.org/d"]
    assert linked(Styled(prose)).spans[0][2] == "link https://x.org/a_(b)"


def test_a_body_with_no_head_is_wrapped_to_the_screen_however_narrow() -> None:
    body = Styled.of("Council of Heads of State", "bold")
    assert hang(Styled(""), body, 0, 12) == [
        Styled.of("Council of", "bold"),
        Styled.of("Heads of", "bold"),
        Styled.of("State", "bold"),
    ]
    assert [line.plain for line in hang(Styled("  "), Styled("a few words here"), 2, 10)] == [
        "  a few",
        "  words",
        "  here",
    ]
