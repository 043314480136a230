"""Counts drawn as a horizontal bar chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from otscli.query import Count
from otscli.render.layout import print_lines

if TYPE_CHECKING:
    from rich.console import Console

MAX_BAR = 50


def draw(console: Console, counts: Sequence[Count]) -> None:
    from rich.text import Text

    if not counts:
        console.print(Text("No events match.", style="dim"))
        return
    label_width = max(len(count.label) for count in counts)
    number_width = max(len(str(count.count)) for count in counts)
    room = max(min(MAX_BAR, console.width - label_width - number_width - 3), 1)
    biggest = max(count.count for count in counts)
    block = "█" if console.encoding.lower().startswith("utf") else "#"
    lines = []
    for count in counts:
        bar = block * max(round(count.count * room / biggest), 1)
        label = (count.label.ljust(label_width), "bold")
        lines.append(Text.assemble(label, " ", (str(count.count).rjust(number_width), "cyan"), " ", (bar, "green")))
    print_lines(console, lines)
