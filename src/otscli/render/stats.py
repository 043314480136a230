"""Counts drawn as a horizontal bar chart."""

from __future__ import annotations

from collections.abc import Sequence

from otscli.counting import Count
from otscli.render.drawing import Canvas, Drawing, Styled
from otscli.render.layout import hang

MAX_BAR = 50
MIN_BAR = 12  # below this, bars could not tell counts apart


def bars(counts: Sequence[Count], canvas: Canvas) -> Drawing:
    """A bar a count, as long as the count is against the largest; each label on a line of its own when the
    canvas is too narrow for label, number and bar side by side."""
    if not counts:
        return []
    label_width = max(len(count.label) for count in counts)
    number_width = max(len(str(count.count)) for count in counts)
    beside = canvas.width - label_width - number_width - 3 >= MIN_BAR
    room = min(MAX_BAR, canvas.width - (label_width + 1 if beside else 2) - number_width - 2)
    biggest = max(count.count for count in counts)
    block = "█" if canvas.unicode else "#"
    lines: Drawing = []
    for count in counts:
        bar = block * max(round(count.count * max(room, 1) / biggest), 1) if count.count else ""
        number = (str(count.count).rjust(number_width), "cyan")
        if beside:
            label = (count.label.ljust(label_width), "bold")
            lines.append(Styled.assemble(label, " ", number, *((" ", (bar, "green")) if bar else ())))
        else:
            lines += hang(Styled(""), Styled.of(count.label, "bold"), 0, canvas.width)  # wrapped to the screen
            lines.append(Styled.assemble("  ", number, *((" ", (bar, "green")) if bar else ())))
    return lines
