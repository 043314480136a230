"""`--help` drawn at the terminal's width (COLUMNS too, however narrow), wrapped only at spaces: click's own
formatter keeps at least 50 columns and cuts a word that does not fit in two ("$XDG_D" / "ATA_HOME")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    import textwrap

MAX_WIDTH = 80  # as click: help text is easier to read in short lines, even on a wide terminal
MIN_WIDTH = 20
MIN_HELP_WIDTH = 10  # click's: narrower than this beside its option, an option's help goes under it
EXAMPLE_INDENT = "    "  # a line of an unwrapped block (an example command) continued on the next


def help_width(max_width: int | None) -> int:
    """Click's width, less its floor of 50 columns: the terminal's (or COLUMNS), at most MAX_WIDTH, less 2."""
    import shutil

    return max(min(shutil.get_terminal_size().columns, max_width or MAX_WIDTH) - 2, MIN_WIDTH)


def wrapper(width: int, indent: str, subsequent: str) -> textwrap.TextWrapper:
    import textwrap

    return textwrap.TextWrapper(
        max(width, 1),
        initial_indent=indent,
        subsequent_indent=subsequent,
        replace_whitespace=False,
        break_long_words=False,  # a word longer than the line runs past it whole
        break_on_hyphens=False,  # "Turkic-Speaking" is one word
    )


def wrap_text(text: str, width: int, indent: str = "", subsequent: str = "") -> str:
    """Click's paragraph wrapping (paragraphs apart by blank lines; one opened by a line holding "\\b" keeps its
    lines, each only wrapped at spaces when too long), with words never split."""
    paragraphs: list[tuple[int, bool, str]] = []
    lines: list[str] = []
    extra: int | None = None

    def flush() -> None:
        if lines:
            raw = lines[0].strip() == "\b"
            paragraphs.append((extra or 0, raw, "\n".join(lines[1:]) if raw else " ".join(lines)))
            lines.clear()

    for line in text.expandtabs().splitlines():
        if not line:
            flush()
            extra = None
            continue
        if extra is None:
            extra = len(line) - len(line.lstrip())
            line = line.lstrip()
        lines.append(line)
    flush()
    out = []
    for spaces, raw, paragraph in paragraphs:
        first, rest = indent + " " * spaces, subsequent + " " * spaces
        if not raw:
            out.append(wrapper(width, first, rest).fill(paragraph))
            continue
        kept = []
        for number, line in enumerate(paragraph.splitlines()):
            start = first if number == 0 else rest
            kept.append(wrapper(width, start, start + EXAMPLE_INDENT).fill(line) if line.strip() else start + line)
        out.append("\n".join(kept))
    return "\n\n".join(out)


ClickHelpFormatter: Any = typer.Context.formatter_class  # click's, which typer vendors: its public class attribute


class HelpFormatter(ClickHelpFormatter):  # type: ignore[misc]
    """Click's help formatter (reached through typer's public Context) with the width and wrapping above."""

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        super().__init__(indent_increment, width=width or help_width(max_width), max_width=max_width)

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent))
        self.write("\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_column = min(max((len(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            text_width = self.width - first_column - 2
            if text_width < MIN_HELP_WIDTH:  # where click would run past the screen: the help under its option
                first_column, text_width = self.indent_increment * 2, self.width - self.indent_increment * 2
                self.write("\n" + " " * (first_column + self.current_indent))
            elif len(first) <= first_column - col_spacing:
                self.write(" " * (first_column - len(first)))
            else:
                self.write("\n" + " " * (first_column + self.current_indent))
            wrapped = wrap_text(second, text_width).splitlines() or [""]
            self.write(f"{wrapped[0]}\n")
            for line in wrapped[1:]:
                self.write(f"{'':>{first_column + self.current_indent}}{line}\n")


class HelpContext(typer.Context):
    formatter_class = HelpFormatter


def drawn_narrow(command: Any) -> Any:
    """`command` with its help drawn by HelpFormatter."""
    command.context_class = HelpContext
    return command
