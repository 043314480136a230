"""The one rich Console of a run: colour and width follow the terminal, plain text elsewhere."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

PIPE_WIDTH = 10_000  # wide enough that nothing is wrapped or cut when the output is not a terminal


def make_console() -> Console:
    from rich.console import Console

    stream = sys.stdout
    is_terminal = stream.isatty()
    colour = wants_colour(is_terminal)
    return Console(
        file=stream,
        width=terminal_width(is_terminal),
        color_system="auto" if colour else None,
        force_terminal=colour,
        no_color=not colour,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def plain_width() -> int | None:
    """The width to write plain text at, when standard output is not a terminal and gets no colour; None when
    output goes to a terminal or in colour, and so through rich."""
    if sys.stdout.isatty() or wants_colour(is_terminal=False):
        return None
    return terminal_width(is_terminal=False)


def wants_colour(is_terminal: bool) -> bool:
    """Colour on a terminal or with FORCE_COLOR; never with NO_COLOR (it wins) or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return is_terminal or bool(os.environ.get("FORCE_COLOR"))


def terminal_width(is_terminal: bool) -> int:
    """COLUMNS when set (so output can be drawn at a chosen width), else the terminal's, else no limit."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size((80, 24)).columns if is_terminal else PIPE_WIDTH
