"""Hanging-indent lines: a head in a left column, wrapped text beside it, no trailing padding."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

MIN_BODY_WIDTH = 24


def hang(console: Console, head: Text, body: Text, indent: int) -> list[Text]:
    """`body` wrapped beside `head`; lines after the first start `indent` columns in."""
    from rich.text import Text

    width = max(console.width - indent, MIN_BODY_WIDTH)
    out = []
    for number, line in enumerate(body.wrap(console, width, overflow="fold")):
        line.rstrip()
        out.append(Text.assemble(head if number == 0 else " " * indent, line))
    return out


def print_lines(console: Console, lines: list[Text]) -> None:
    from rich.text import Text

    console.print(Text("\n").join(lines), soft_wrap=True)
