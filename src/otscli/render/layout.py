"""Hanging-indent lines: a head in a left column, wrapped text beside it, no trailing padding."""

from __future__ import annotations

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


def print_lines(console: Console, lines: list[Text]) -> None:
    """The lines, one after another. Without colour they are written as they are: rich would only
    turn them into segments and back into the same characters."""
    from rich.text import Text

    if console.no_color or console.color_system is None:
        console.file.write("".join(line.plain + "\n" for line in lines))
        return
    console.print(Text("\n").join(lines), soft_wrap=True)
