"""What drawings are made of (otscli.render.drawing): styled lines agree with rich's Text doing the same, and a
drawing is written as plain text or through rich."""

from __future__ import annotations

import re
from io import StringIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Span as RichSpan
from rich.text import Text

from otscli.render.drawing import (
    Canvas,
    Column,
    Grid,
    Styled,
    plain_text,
    print_drawing,
    rich_table,
    rich_text,
    tab_separated,
)

# Spans that overlap, touch, and one that covers nothing.
LINE = Styled("hello wide world", ((0, 5, "bold"), (3, 10, "red"), (10, 16, "blue"), (6, 6, "dim")))


def rich_of(line: Styled) -> Text:
    """The same line built by rich itself, not through `rich_text`."""
    return Text(line.plain, spans=[RichSpan(*span) for span in line.spans])


def agrees(ours: Styled, theirs: Text) -> None:
    assert ours.plain == theirs.plain
    assert list(ours.spans) == theirs.spans  # our spans and rich's are both (start, end, style)


def styles_by_character(plain: str, spans: list[tuple[int, int, str]]) -> list[set[str]]:
    return [{span[2] for span in spans if span[0] <= offset < span[1]} for offset in range(len(plain))]


def test_a_canvas_is_a_terminal_with_block_characters_unless_told() -> None:
    assert Canvas(80) == (80, False, True)


def test_of_styles_the_whole_text_or_nothing() -> None:
    assert Styled.of("Baku", "bold") == Styled("Baku", ((0, 4, "bold"),))
    assert Styled.of("Baku") == Styled("Baku", ())
    assert Styled.of("", "bold") == Styled("", ())


def test_assemble_joins_parts_as_rich_does() -> None:
    inner = Styled("xyz", ((1, 3, "red"),))
    parts = ("ab", ("cd", "bold"), ("", "dim"), inner, ("e", ""), ("fg", "blue"))
    theirs = Text.assemble("ab", ("cd", "bold"), ("", "dim"), rich_of(inner), ("e", ""), ("fg", "blue"))
    agrees(Styled.assemble(*parts), theirs)
    assert Styled.assemble(*parts) == Styled("abcdxyzefg", ((2, 4, "bold"), (5, 7, "red"), (8, 10, "blue")))
    assert Styled.assemble() == Styled("")


def test_of_segments_joins_texts_with_their_styles_as_rich_assembles_them() -> None:
    segments = [("ab", "bold"), ("", "dim"), (" ", ""), ("cd", "blue"), ("e", "")]
    agrees(Styled.of_segments(segments), Text.assemble(*segments))
    assert Styled.of_segments(segments) == Styled("ab cde", ((0, 2, "bold"), (3, 5, "blue")))
    assert Styled.of_segments(iter(segments)) == Styled.of_segments(segments)  # any iterable, read once
    assert Styled.of_segments([]) == Styled("")


def test_followed_by_joins_two_texts_each_with_its_styles_as_rich_does() -> None:
    head = Styled("2019 ● ", ((0, 4, "cyan"),))
    agrees(head.followed_by(LINE), Text.assemble(rich_of(head), rich_of(LINE)))
    assert head.followed_by(Styled("x", ((0, 1, "bold"),))) == Styled("2019 ● x", ((0, 4, "cyan"), (7, 8, "bold")))
    assert Styled("").followed_by(LINE) == LINE and LINE.followed_by(Styled("")) == LINE


def test_after_puts_an_unstyled_margin_before_the_text_as_rich_assembles_it() -> None:
    agrees(LINE.after("  "), Text.assemble("  ", rich_of(LINE)))
    assert Styled("ab", ((0, 1, "bold"), (1, 2, "red"))).after("   ") == Styled(
        "   ab", ((3, 4, "bold"), (4, 5, "red"))
    )
    assert LINE.after("") == LINE


def test_cut_keeps_what_of_each_style_falls_in_the_piece_as_rich_slicing_does() -> None:
    for begin, end in [(0, 16), (0, 5), (5, 16), (2, 12), (6, 10), (10, 16), (4, 4), (12, 14)]:
        agrees(LINE.cut(begin, end), rich_of(LINE)[begin:end])
    assert LINE.cut(5, 12) == Styled(" wide w", ((0, 5, "red"), (5, 7, "blue")))


def test_rstrip_drops_trailing_spaces_and_the_styles_that_fall_only_on_them() -> None:
    line = Styled("ab c   ", ((0, 7, "bold"), (3, 5, "red"), (4, 7, "blue"), (5, 6, "dim")))
    theirs = rich_of(line)
    theirs.rstrip()
    agrees(line.rstrip(), theirs)
    assert line.rstrip() == Styled("ab c", ((0, 4, "bold"), (3, 4, "red")))
    assert LINE.rstrip() is LINE  # nothing to strip: the same line
    assert Styled("ab ", ((0, 3, "bold"),)).rstrip() == Styled("ab", ((0, 2, "bold"),))  # one space alone
    assert Styled("   ", ((0, 3, "bold"),)).rstrip() == Styled("")


def test_styled_adds_a_style_over_a_part() -> None:
    theirs = rich_of(LINE)
    theirs.stylize("italic", 2, 7)
    agrees(LINE.styled("italic", 2, 7), theirs)


def test_highlighted_styles_every_non_empty_match_as_rich_does() -> None:
    for pattern in (re.compile("l+"), re.compile("o*"), re.compile("WIDE", re.IGNORECASE), re.compile("zzz")):
        theirs = rich_of(LINE)
        theirs.highlight_regex(pattern, "reverse")
        agrees(LINE.highlighted(pattern, "reverse"), theirs)
    assert LINE.highlighted(re.compile("o*"), "reverse").spans[-2:] == ((4, 5, "reverse"), (12, 13, "reverse"))


def test_tabs_are_spaces_to_the_next_stop_as_rich_expands_them() -> None:
    cases = [
        Styled("a\tbc\tde\n\tx", ((0, 2, "bold"), (4, 5, "red"), (8, 9, "dim"), (9, 10, "blue"))),
        Styled("abcd\tx\t\ty", ((4, 5, "red"), (6, 8, "bold"))),  # a tab at a stop is a whole stop
        Styled("漢字\tx"),  # wide characters: two columns each
        Styled("a\u0301\tb"),  # a combining mark: no column
        Styled("\t", ((0, 1, "red"),)),
    ]
    for size in (4, 8):
        for line in cases:
            theirs = rich_of(line)
            theirs.expand_tabs(size)
            ours = line.tabs_expanded(size, cell_len)
            assert ours.plain == theirs.plain
            # rich cuts a style over two tabs in two; each character has the same styles
            assert styles_by_character(ours.plain, list(ours.spans)) == styles_by_character(theirs.plain, theirs.spans)
    assert cases[0].tabs_expanded(4, len) == Styled(
        "a   bc  de\n    x", ((0, 4, "bold"), (6, 8, "red"), (11, 15, "dim"), (15, 16, "blue"))
    )
    assert cases[2].tabs_expanded(4, cell_len).plain == "漢字    x"
    assert cases[2].tabs_expanded(4, len).plain == "漢字  x"  # counted by the measure it is given
    assert LINE.tabs_expanded(4, len) is LINE


def test_plain_text_is_each_line_and_a_newline_or_none_with_a_table() -> None:
    assert plain_text([Styled("one", ((0, 3, "bold"),)), Styled(""), Styled("two")]) == "one\n\ntwo\n"
    assert plain_text([]) == ""
    assert plain_text([Styled("one"), Grid((Column("a"),), ())]) is None


def test_rich_text_keeps_the_text_and_every_span() -> None:
    text = rich_text(LINE)
    assert text.plain == LINE.plain
    assert text.spans == [RichSpan(*span) for span in LINE.spans]
    assert text.style == ""


GRID = Grid(
    (Column("id", no_wrap=True), Column("name", max_width=8), Column("n", width=3)),
    (
        (Styled("AZ"), Styled("Azerbaijan Republic"), Styled("12", ((0, 2, "cyan"),))),
        (Styled("HU"), Styled.of("Hungary", "bold"), Styled("1")),
    ),
)


def written(drawing: list[Styled | Grid], **console: object) -> str:
    out = StringIO()
    print_drawing(Console(file=out, width=30, **console), drawing)  # type: ignore[arg-type]
    return out.getvalue()


def test_a_grid_is_a_table_with_rules_between_columns_and_folded_cells() -> None:
    out = StringIO()
    Console(file=out, width=40, color_system=None).print(rich_table(GRID))
    assert out.getvalue().splitlines() == [
        "id ┃ name     ┃ n  ",
        "━━━╇━━━━━━━━━━╇━━━━",
        "AZ │ Azerbaij │ 12 ",
        "   │ an       │    ",
        "   │ Republic │    ",
        "HU │ Hungary  │ 1  ",
    ]


def test_a_column_that_must_not_wrap_keeps_its_cells_whole_when_others_give_way() -> None:
    def drawn(grid: Grid) -> list[str]:
        out = StringIO()
        Console(file=out, width=10, color_system=None).print(rich_table(grid))
        return out.getvalue().splitlines()

    assert drawn(GRID) == ["id ┃ ┃ n  ", "━━━╇━╇━━━━", "AZ │ │ 12 ", "HU │ │ 1  "]
    free = drawn(GRID._replace(columns=(Column("id"), *GRID.columns[1:])))
    assert [line[:2] for line in free] == ["i ", "d ", "━━", "A ", "Z ", "H ", "U "]  # the same, free to fold


def test_a_table_is_drawn_with_a_bold_header_and_its_cells_styles() -> None:
    out = StringIO()
    Console(file=out, width=40, force_terminal=True, color_system="standard").print(rich_table(GRID))
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("\x1b[1mid\x1b[0m")
    assert "\x1b[36m12\x1b[0m" in lines[2]
    assert "\x1b[1mHungary\x1b[0m" in lines[5]


def test_without_colour_a_drawing_of_lines_is_its_text_tabs_and_all() -> None:
    drawing = [*tab_separated(["id", "name"], [["AZ", "Azerbaijan"]]), Styled.of("end", "bold")]
    assert written(drawing, color_system=None) == "id\tname\nAZ\tAzerbaijan\nend\n"
    # NO_COLOR on a terminal: rich would still write bold; the plain text has no escape at all.
    assert written(drawing, force_terminal=True, no_color=True, color_system="standard") == (
        "id\tname\nAZ\tAzerbaijan\nend\n"
    )


def test_with_colour_lines_around_a_table_are_written_in_order_through_rich() -> None:
    line = Styled("a line much longer than thirty columns", ((0, 1, "bold"),))
    out = written([line, Styled("two"), GRID, Styled.of("after", "green")], force_terminal=True,
                  color_system="standard")  # fmt: skip
    lines = out.splitlines()
    assert lines[0] == "\x1b[1ma\x1b[0m line much longer than thirty columns"  # never wrapped nor cropped
    assert lines[1] == "two"
    assert lines[2].startswith("\x1b[1mid\x1b[0m")
    assert len(lines) == 9
    assert lines[-1] == "\x1b[32mafter\x1b[0m"
    assert written([GRID], force_terminal=True, color_system="standard").count("Hungary") == 1
    assert written([], force_terminal=True, color_system="standard") == ""
    assert written([Styled.of("bold", "bold"), Styled("x")], force_terminal=True, color_system="standard") == (
        "\x1b[1mbold\x1b[0m\nx\n"
    )


def test_a_table_in_a_pipe_is_one_line_a_row_with_whitespace_in_cells_made_single_spaces() -> None:
    assert tab_separated(["id", "title"], [["a", " two\twords\n and  more "], ["b", ""]]) == [
        Styled("id\ttitle"),
        Styled("a\ttwo words and more"),
        Styled("b\t"),
    ]
