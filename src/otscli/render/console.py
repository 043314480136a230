"""The one rich Console of a run: colour and width follow the terminal, plain text elsewhere."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from typing import IO, TYPE_CHECKING

from otscli.render.display import Display

if TYPE_CHECKING:
    from rich.console import Console

    from otscli.render.drawing import Canvas, Drawing

PIPE_WIDTH = 10_000  # wide enough that nothing is wrapped or cut when the output is not a terminal


def make_console(display: Display, file: IO[str] | None = None) -> Console:
    """The console for stdout (or for `file`, drawn as stdout would be)."""
    from rich.console import Console

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:
            """rich would end the process with exit 1; a reader that has gone is the boundary's to judge."""
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    stream = sys.stdout
    is_terminal = stream.isatty()
    colour = wants_colour(display, is_terminal)
    return QuietConsole(
        file=file or stream,
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


def wants_colour(display: Display, is_terminal: bool) -> bool:
    """--color always or never, else: colour on a terminal or with FORCE_COLOR; never with NO_COLOR (it wins over
    FORCE_COLOR) or TERM=dumb."""
    if display.colour != "auto":
        return display.colour == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return is_terminal or bool(os.environ.get("FORCE_COLOR"))


def canvas(display: Display) -> Canvas:
    """What stdout can show: its width, whether it is another program's input, whether it has block characters."""
    from otscli.render.drawing import Canvas

    is_terminal = sys.stdout.isatty()
    piped = not is_terminal and not wants_colour(display, is_terminal)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    return Canvas(terminal_width(is_terminal), piped=piped, unicode=encoding.lower().startswith("utf"))


def show(drawing: Drawing, display: Display, *, forced: bool = False) -> None:
    """Writes the drawing to stdout; on a terminal, output taller than the screen goes through a pager, as git and
    gh do: $OTS_PAGER, else $PAGER, else less (with LESS=FRX unless LESS is set). --no-pager, or a pipe, writes
    directly. A terminal whose size cannot be read counts as 80 by 24 (shutil's fallback)."""
    import io

    if not sys.stdout.isatty() or not (display.pager or forced):
        write(drawing, display, sys.stdout)
        return
    buffer = io.StringIO()
    write(drawing, display, buffer)
    text = buffer.getvalue()
    if text.count("\n") < shutil.get_terminal_size().lines and not forced:
        sys.stdout.write(text)
        return
    if not page(text):
        sys.stdout.write(text)


def write(drawing: Drawing, display: Display, file: IO[str]) -> None:
    """The drawing as stdout shows it, written to `file`: its text alone without colour (rich is not imported
    unless the drawing holds a table), else through rich."""
    from otscli.render.drawing import plain_text, print_drawing

    text = None if wants_colour(display, sys.stdout.isatty()) else plain_text(drawing)
    if text is not None:
        file.write(text)
    else:
        print_drawing(make_console(display, file), drawing)


SHELL_SYNTAX = set("|&;<>()$`\\\"' \t\n*?[#~=%")  # what makes git run a pager through the shell


def pager_command() -> str:
    """$OTS_PAGER, else $PAGER, else less; the first of the two that is set wins, even when empty."""
    for variable in ("OTS_PAGER", "PAGER"):
        value = os.environ.get(variable)
        if value is not None:
            return value.strip()
    return "less"


def default_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def page(text: str) -> bool:
    """Shows `text` through the pager, as git does: run directly unless the command needs a shell, with Ctrl-C
    left to the pager while it runs. False when there is no pager to run (empty, `cat`) or it cannot start, so
    that the caller prints straight."""
    command = pager_command()
    if command in ("", "cat"):
        return False
    environment = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    direct = not SHELL_SYNTAX & set(command)
    # Ignored from before the pager starts (its first Ctrl-C may come at once); the pager gets the default back.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            pager = subprocess.Popen([command] if direct else command, shell=not direct, stdin=subprocess.PIPE,
                                     env=environment, preexec_fn=default_interrupt)  # fmt: skip
        except OSError:
            return False
        pager.communicate(text.encode("utf-8"))
    finally:
        signal.signal(signal.SIGINT, previous)
    return pager.returncode not in (126, 127)  # the shell could not find or run it (and said so)


def terminal_width(is_terminal: bool) -> int:
    """COLUMNS when set (so output can be drawn at a chosen width), else the terminal's, else no limit."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size().columns if is_terminal else PIPE_WIDTH
