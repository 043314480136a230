"""Hanging-indent lines: a head in a left column, wrapped text beside it, no trailing padding."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

MIN_BODY_WIDTH = 24


def hang(console: Console, head: Text, body: Text, indent: int) -> list[Text]:
    """`body` wrapped beside `head`; lines after the first start `indent` columns in."""
    from rich.cells import cell_len
    from rich.text import Text

    width = max(console.width - indent, MIN_BODY_WIDTH)
    plain = body.plain
    fits = "\t" not in plain and all(cell_len(line) <= width for line in plain.split("\n"))
    # Most entries fit; splitting them gives what wrapping would, in a fraction of the time.
    pieces = body.split("\n", allow_blank=True) if fits else body.wrap(console, width, overflow="fold")
    out = []
    for number, line in enumerate(pieces):
        line.rstrip()
        out.append(Text.assemble(head if number == 0 else " " * indent, line))
    return out


# Characters known to take one column, as rich measures them: Latin with its extensions and spacing modifiers,
# Cyrillic letters, and the punctuation and marks ots itself prints. Compiled on first use.
_ONE_COLUMN = "[ -~\u00a0-\u02ff\u0400-\u0482\u048a-\u052f\u2010-\u2027\u2116●○×⚑─]*"
_WORD = r"\s*\S+\s*"


def plain_hang(head: str, body: str, indent: int, width: int) -> list[str] | None:
    """What `hang` makes of plain text, without rich: the same lines, wrapped the way rich wraps them (greedy, by
    words, folding a word longer than a line). None when a character might not be one column wide."""
    lines = body.split("\n")
    if not all(re.fullmatch(_ONE_COLUMN, line) for line in lines):
        return None
    room = max(width - indent, MIN_BODY_WIDTH)
    pieces = [piece for line in lines for piece in wrap_words(line, room)]
    return [(head if number == 0 else " " * indent) + piece.rstrip() for number, piece in enumerate(pieces)]


def wrap_words(line: str, width: int) -> list[str]:
    """`line` cut where rich's divide_line cuts it, for text of one-column characters."""
    breaks: list[int] = []
    offset = 0
    for found in re.finditer(_WORD, line):
        start, word = found.start(), found.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded across lines, `width` characters each
            chunks = [word[index : index + width] for index in range(0, len(word), width)]
            for number, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if number == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    bounds = [0, *breaks, len(line)]
    return [line[begin:end] for begin, end in itertools.pairwise(bounds)]


def print_lines(console: Console, lines: list[Text]) -> None:
    """The lines, one after another. Without colour they are written as they are: rich would only
    turn them into segments and back into the same characters."""
    from rich.text import Text

    if console.no_color or console.color_system is None:
        console.file.write("".join(line.plain + "\n" for line in lines))
        return
    console.print(Text("\n").join(lines), soft_wrap=True)
