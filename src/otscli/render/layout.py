"""Hanging-indent lines: a head in a left column, wrapped text beside it, no trailing padding."""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from otscli.render.drawing import Measure, Styled

MIN_BODY_WIDTH = 24  # narrower than this beside its head, a body goes under the head instead
STACKED_INDENT = 2
TAB_SIZE = 8
Span = tuple[int, int]


class Plan(NamedTuple):
    """Where a head and its body are cut into lines, as spans of their text, and how far the body's lines after
    the first stand in; `stacked` when the head has lines of its own and the body starts under it."""

    head: list[Span]
    body: list[Span]
    indent: int
    stacked: bool


def plan(head: str, body: str, indent: int, width: int, measure: Measure) -> Plan:
    """The layout of every hanging text: `body` wrapped beside `head` in `width` columns; when too little room is
    left beside it, the head wrapped alone and the body under it, `STACKED_INDENT` in. A blank head never stands
    alone: the body is wrapped in what room there is."""
    if width - indent >= MIN_BODY_WIDTH or not head.strip():
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


def hang(head: Styled, body: Styled, indent: int, width: int) -> list[Styled]:
    """`body` wrapped beside `head` in `width` columns; lines after the first start `indent` columns in. A tab in
    the body is spaces to the next tab stop."""
    measure = columns_of(head.plain + body.plain)
    body = body.tabs_expanded(TAB_SIZE, measure)
    laid = plan(head.plain, body.plain, indent, width, measure)
    pieces = [body.cut(begin, end) for begin, end in laid.body]
    margin = " " * laid.indent
    if laid.stacked:
        lines = [*(head.cut(begin, end) for begin, end in laid.head), *(piece.after(margin) for piece in pieces)]
    else:
        lines = [head.followed_by(pieces[0]), *(piece.after(margin) for piece in pieces[1:])]
    return [line.rstrip() for line in lines]


# Characters known to take one column, as rich measures them: Latin with its extensions and spacing modifiers,
# Cyrillic letters, and the punctuation and marks ots itself prints.
_ONE_COLUMN = re.compile("[ -~\u00a0-\u02ff\u0400-\u0482\u048a-\u052f\u2010-\u2027\u2116●○×⚑─\t\n]*")


def columns_of(text: str) -> Measure:
    """How to measure pieces of `text` in terminal columns: by their length when every character is known to take
    one column, else as rich measures them (wide characters two, combining marks none)."""
    if _ONE_COLUMN.fullmatch(text):
        return len
    from rich.cells import cell_len

    return cell_len


_WORD = r"\s*\S+\s*"


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
            if offset:  # not the first word: offset is 0 only before it, as every word but the last ends in a space
                breaks.append(start)
            offset = measure(word)
    return breaks


_ADDRESS = re.compile(r"https?://[^\s<>\[\]\"]+")
_SENTENCE_END = ".,:;!?'"


def linked(text: Styled) -> Styled:
    """`text` with each web address in it a hyperlink (OSC 8), which rich writes only when it draws for a
    terminal: a plain drawing (a pipe, NO_COLOR, TERM=dumb) has the address as text alone. As GitHub links
    addresses in prose, punctuation that ends the sentence is left out, and a closing parenthesis unless the
    address opens one."""
    for found in _ADDRESS.finditer(text.plain):
        address = found.group()
        while address and (
            address[-1] in _SENTENCE_END or (address[-1] == ")" and address.count(")") > address.count("("))
        ):
            address = address[:-1]
        text = text.styled(f"link {address}", found.start(), found.start() + len(address))
    return text
