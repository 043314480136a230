"""Hanging-indent lines: a head in a left column, wrapped text beside it, no trailing padding."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

MIN_BODY_WIDTH = 24  # narrower than this beside its head, a body goes under the head instead
STACKED_INDENT = 2
TAB_SIZE = 8
Measure = Callable[[str], int]
Span = tuple[int, int]


class Plan(NamedTuple):
    """Where a head and its body are cut into lines, as spans of their text, and how far the body's lines after
    the first stand in; `stacked` when the head has lines of its own and the body starts under it."""

    head: list[Span]
    body: list[Span]
    indent: int
    stacked: bool


def plan(head: str, body: str, indent: int, width: int, measure: Measure) -> Plan:
    """The one layout both drawings follow: `body` wrapped beside `head` in `width` columns; when too little room
    is left beside it, the head wrapped alone and the body under it, `STACKED_INDENT` in."""
    if width - indent >= MIN_BODY_WIDTH:
        return Plan([(0, len(head))], spans(body, width - indent, measure), indent, stacked=False)
    stripped = head.rstrip()
    return Plan(spans(stripped, width, measure), spans(body, width - STACKED_INDENT, measure), STACKED_INDENT, True)


def spans(text: str, width: int, measure: Measure) -> list[Span]:
    """`text` cut into lines at its newlines and, to fit `width`, at its spaces."""
    out: list[Span] = []
    start = 0
    for line in text.split("\n"):
        bounds = [0, *(word_breaks(line, width, measure) if measure(line) > width else ()), len(line)]
        out += [(start + begin, start + end) for begin, end in itertools.pairwise(bounds)]
        start += len(line) + 1
    return out


def hang(console: Console, head: Text, body: Text, indent: int) -> list[Text]:
    """`body` wrapped beside `head`; lines after the first start `indent` columns in."""
    from rich.cells import cell_len
    from rich.text import Text

    if "\t" in body.plain:  # prose may hold tabs: spaces to the next tab stop, drawn alike with colour or without
        body = body.copy()
        body.expand_tabs(TAB_SIZE)
    laid = plan(head.plain, body.plain, indent, console.width, cell_len)
    pieces = [body[begin:end] for begin, end in laid.body]
    heads = [head[begin:end] for begin, end in laid.head]
    if laid.stacked:
        lines = [*heads, *(Text.assemble(" " * laid.indent, piece) for piece in pieces)]
    else:
        lines = [Text.assemble(heads[0] if number == 0 else " " * laid.indent, piece)
                 for number, piece in enumerate(pieces)]  # fmt: skip
    for line in lines:
        line.rstrip()
    return lines


# Characters known to take one column, as rich measures them: Latin with its extensions and spacing modifiers,
# Cyrillic letters, and the punctuation and marks ots itself prints. Compiled on first use.
_ONE_COLUMN = "[ -~\u00a0-\u02ff\u0400-\u0482\u048a-\u052f\u2010-\u2027\u2116●○×⚑─]*"
_WORD = r"\s*\S+\s*"


def plain_hang(head: str, body: str, indent: int, width: int) -> list[str] | None:
    """What `hang` makes of plain text, without rich: the same lines, from the same plan. None when a character
    might not be one column wide, so that rich measures it."""
    if not re.fullmatch(_ONE_COLUMN, head + body.replace("\n", " ")):
        return None
    laid = plan(head, body, indent, width, len)
    pieces = [body[begin:end] for begin, end in laid.body]
    if laid.stacked:
        lines = [head[begin:end] for begin, end in laid.head] + [" " * laid.indent + piece for piece in pieces]
    else:
        lines = [(head if number == 0 else " " * laid.indent) + piece for number, piece in enumerate(pieces)]
    return [line.rstrip() for line in lines]


def word_breaks(line: str, width: int, measure: Measure = len) -> list[int]:
    """Where `line` is cut to fit `width` columns, greedily at spaces, as rich's divide_line cuts it; a word longer
    than a line stands alone on one and runs past it, never split (an address cut in two no longer works)."""
    breaks: list[int] = []
    offset = 0
    for found in re.finditer(_WORD, line):
        start, word = found.start(), found.group()
        length = measure(word.rstrip())
        if width - offset >= length:
            offset += measure(word)
        else:
            if offset and start:
                breaks.append(start)
            offset = measure(word)
    return breaks


_ADDRESS = r"https?://[^\s<>]+"


def linked(text: Text) -> Text:
    """`text` with each web address in it a hyperlink (OSC 8), which rich writes only when it draws for a
    terminal: a plain drawing (a pipe, NO_COLOR, TERM=dumb) has the address as text alone."""
    from rich.style import Style

    for found in re.finditer(_ADDRESS, text.plain):
        text.stylize(Style(link=found.group()), found.start(), found.end())
    return text


def print_lines(console: Console, lines: list[Text]) -> None:
    """The lines, one after another. Without colour they are written as they are: rich would only
    turn them into segments and back into the same characters."""
    from rich.text import Text

    if console.no_color or console.color_system is None:
        console.file.write("".join(line.plain + "\n" for line in lines))
        return
    console.print(Text("\n").join(lines), soft_wrap=True)
