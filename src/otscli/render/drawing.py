"""What every drawing is made of: lines of text with styled spans, and tables that rich lays out.

A renderer returns a `Drawing` sized from the `Canvas` it is given; where the drawing goes (stdout, a pager, a
picture) is the command layer's. Without colour a drawing of lines is written as its text alone, so rich is
imported only for colour and for tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

Style = str  # a rich style definition: "bold", "dim cyan", "link https://…"
Measure = Callable[[str], int]


class Canvas(NamedTuple):
    """What a drawing is made for: its width in columns, whether it goes to another program (tables become
    tab-separated lines), and whether the output's encoding has block characters."""

    width: int
    piped: bool = False
    unicode: bool = True


Span = tuple[int, int, Style]  # start, end, style: plain tuples, made by the thousand for a long timeline


class Styled(NamedTuple):
    """A line (or a paragraph, before it is wrapped) with styles over parts of it: rich's Text as plain values."""

    plain: str
    spans: tuple[Span, ...] = ()

    @classmethod
    def of(cls, text: str, style: Style = "") -> Styled:
        return cls(text, ((0, len(text), style),) if style and text else ())

    @classmethod
    def assemble(cls, *parts: str | tuple[str, Style] | Styled) -> Styled:
        """The parts one after another, each text with its style, as rich's Text.assemble joins them."""
        texts: list[str] = []
        spans: list[Span] = []
        offset = 0
        for part in parts:
            if isinstance(part, str):
                text = part
            elif isinstance(part, Styled):
                text = part.plain
                spans += [(start + offset, end + offset, style) for start, end, style in part.spans]
            else:
                text, style = part
                if style and text:
                    spans.append((offset, offset + len(text), style))
            texts.append(text)
            offset += len(text)
        return cls("".join(texts), tuple(spans))

    @classmethod
    def of_segments(cls, segments: Iterable[tuple[str, Style]]) -> Styled:
        """Texts with their styles ("" for none), one after another: `assemble` for segments alone, without asking
        what each part is (a timeline makes thousands)."""
        texts: list[str] = []
        spans: list[Span] = []
        offset = 0
        for text, style in segments:
            end = offset + len(text)
            if style and end > offset:
                spans.append((offset, end, style))
            texts.append(text)
            offset = end
        return cls("".join(texts), tuple(spans))

    def followed_by(self, other: Styled) -> Styled:
        """This text, then `other`, each with its styles."""
        shift = len(self.plain)
        moved = tuple((start + shift, end + shift, style) for start, end, style in other.spans)
        return Styled(self.plain + other.plain, self.spans + moved)

    def after(self, margin: str) -> Styled:
        """The text with `margin` (unstyled) before it."""
        shift = len(margin)
        return Styled(
            margin + self.plain, tuple((start + shift, end + shift, style) for start, end, style in self.spans)
        )

    def cut(self, begin: int, end: int) -> Styled:
        """The text from `begin` to `end`, each style kept over what of it falls there."""
        spans: list[Span] = []
        for start, stop, style in self.spans:
            first, last = (start if start > begin else begin), (stop if stop < end else end)
            if first < last:
                spans.append((first - begin, last - begin, style))
        return Styled(self.plain[begin:end], tuple(spans))

    def rstrip(self) -> Styled:
        if not self.plain[-1:].isspace():
            return self
        return self.cut(0, len(self.plain.rstrip()))

    def styled(self, style: Style, start: int, end: int) -> Styled:
        return Styled(self.plain, (*self.spans, (start, end, style)))

    def highlighted(self, pattern: re.Pattern[str], style: Style) -> Styled:
        """Each non-empty match of `pattern` given `style` as well."""
        found = [(match.start(), match.end(), style) for match in pattern.finditer(self.plain) if match.group()]
        return Styled(self.plain, self.spans + tuple(found))

    def tabs_expanded(self, size: int, measure: Measure) -> Styled:
        """Each tab as spaces to the next stop, `size` columns apart, counted from the line's start; a style over a
        tab covers its spaces."""
        if "\t" not in self.plain:
            return self
        moved: list[int] = []  # where each character, then the end, stands in the new text
        pieces: list[str] = []
        length = column = 0
        for character in self.plain:
            moved.append(length)
            if character == "\t":
                character = " " * (size - column % size)
            pieces.append(character)
            length += len(character)
            column = 0 if character == "\n" else column + measure(character)
        moved.append(length)
        return Styled("".join(pieces), tuple((moved[start], moved[end], style) for start, end, style in self.spans))


class Column(NamedTuple):
    """A column of a `Grid`, with how rich may size it."""

    header: str
    width: int | None = None
    max_width: int | None = None
    no_wrap: bool = False


class Grid(NamedTuple):
    """A table with rules between its columns, for rich to lay out in the canvas's width."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Styled, ...], ...]


Drawing = list[Styled | Grid]  # lines and tables, top to bottom


def plain_text(drawing: Drawing) -> str | None:
    """The drawing without colour, made without rich; None when it holds a table, which rich must lay out."""
    if any(isinstance(part, Grid) for part in drawing):
        return None
    return "".join(line.plain + "\n" for line in drawing if isinstance(line, Styled))


def rich_text(line: Styled) -> Text:
    from rich.text import Span as RichSpan
    from rich.text import Text

    return Text(line.plain, spans=[RichSpan(start, end, style) for start, end, style in line.spans])


def rich_table(grid: Grid) -> Table:
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    for column in grid.columns:
        table.add_column(column.header, overflow="fold", width=column.width, max_width=column.max_width,
                         no_wrap=column.no_wrap)  # fmt: skip
    for row in grid.rows:
        table.add_row(*map(rich_text, row))
    return table


def print_drawing(console: Console, drawing: Drawing) -> None:
    """The drawing on `console`, which has its width: lines as they are (rich neither wraps nor crops them) and
    tables laid out by rich."""
    from rich.text import Text

    text = plain_text(drawing) if console.no_color or console.color_system is None else None
    if text is not None:
        console.file.write(text)
        return
    lines: list[Styled] = []
    for part in [*drawing, None]:
        if isinstance(part, Styled):
            lines.append(part)
            continue
        if lines:
            console.print(Text("\n").join(map(rich_text, lines)), soft_wrap=True)
            lines = []
        if part is not None:
            console.print(rich_table(part))


def tab_separated(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Drawing:
    """gh's convention for a table in a pipe: a header, then one line a row, cells separated by tabs."""

    def cell(text: str) -> str:
        return " ".join(text.split())

    return [Styled("\t".join(headers)), *(Styled("\t".join(cell(value) for value in row)) for row in rows)]
