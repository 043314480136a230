"""Counts drawn as a horizontal bar chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from otscli.counting import Count
from otscli.render.layout import hang, print_lines

if TYPE_CHECKING:
    from rich.console import Console

MAX_BAR = 50
MIN_BAR = 12  # below this, bars could not tell counts apart


def draw(console: Console, counts: Sequence[Count]) -> None:
    from rich.text import Text

    if not counts:
        return
    label_width = max(len(count.label) for count in counts)
    number_width = max(len(str(count.count)) for count in counts)
    beside = console.width - label_width - number_width - 3 >= MIN_BAR  # else each label on a line of its own
    room = min(MAX_BAR, console.width - (label_width + 1 if beside else 2) - number_width - 2)
    biggest = max(count.count for count in counts)
    block = "█" if console.encoding.lower().startswith("utf") else "#"
    lines = []
    for count in counts:
        bar = block * max(round(count.count * max(room, 1) / biggest), 1) if count.count else ""
        number = (str(count.count).rjust(number_width), "cyan")
        if beside:
            label = (count.label.ljust(label_width), "bold")
            lines.append(Text.assemble(label, " ", number, *((" ", (bar, "green")) if bar else ())))
        else:
            lines += hang(console, Text(""), Text(count.label, style="bold"), 0)  # wrapped to the screen
            lines.append(Text.assemble("  ", number, *((" ", (bar, "green")) if bar else ())))
    print_lines(console, lines)
