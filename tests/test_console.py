"""Where a drawing goes (otscli.render.console): colour and width from the environment and the terminal, the
canvas a renderer is given, and the pager, run as git runs it. stdout is a stream of the test's own that says
whether it is a terminal; the pagers are small programs written by the tests."""

from __future__ import annotations

import io
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from otscli.render import console
from otscli.render.console import Display, canvas, make_console, page, pager_command, show, terminal_width, write
from otscli.render.drawing import Canvas, Column, Grid, Styled


class Stdout(io.StringIO):
    """A stdout that is a terminal or not, in an encoding."""

    def __init__(self, *, terminal: bool, encoding: str | None = "utf-8") -> None:
        super().__init__()
        self.terminal, self.named_encoding = terminal, encoding

    def isatty(self) -> bool:
        return self.terminal

    @property
    def encoding(self) -> str | None:  # type: ignore[override]
        return self.named_encoding


StdoutMaker = Callable[..., Stdout]


@pytest.fixture
def stdout_of(monkeypatch: pytest.MonkeyPatch) -> Iterator[StdoutMaker]:
    """Makes stdout a stream of the test's own (set in the test's body: pytest's capture sets sys.stdout again
    before each phase), in a session where the terminal's own size cannot be read (so the fallback is used)."""

    def make(*, terminal: bool = False, encoding: str | None = "utf-8") -> Stdout:
        stream = Stdout(terminal=terminal, encoding=encoding)
        monkeypatch.setattr(sys, "stdout", stream)
        return stream

    for name in ("LINES", "OTS_PAGER", "PAGER", "LESS"):
        monkeypatch.delenv(name, raising=False)
    with Path(os.devnull).open("w") as nowhere:
        monkeypatch.setattr(sys, "__stdout__", nowhere)
        yield make


@pytest.mark.parametrize(
    ("choice", "terminal", "environment", "coloured"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, {"FORCE_COLOR": ""}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # an empty NO_COLOR asks for nothing
        ("auto", False, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins
        ("auto", True, {"TERM": "dumb"}, False),
        ("auto", False, {"TERM": "dumb", "FORCE_COLOR": "1"}, False),
        ("auto", True, {"TERM": "xterm-256color"}, True),
        ("always", False, {"NO_COLOR": "1", "TERM": "dumb"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_follows_the_option_then_no_color_term_the_terminal_and_force_color(
    monkeypatch: pytest.MonkeyPatch, choice: console.ColourChoice, terminal: bool, environment: dict[str, str],
    coloured: bool,
) -> None:  # fmt: skip
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert console.wants_colour(Display(colour=choice), terminal) is coloured


def test_the_width_is_columns_when_set_else_the_terminals_else_no_limit(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout_of()
    assert terminal_width(False) == 10_000
    assert terminal_width(True) == 80  # the fallback, as the session has no terminal to measure
    monkeypatch.setenv("COLUMNS", "72")
    assert (terminal_width(False), terminal_width(True)) == (72, 72)
    monkeypatch.setenv("COLUMNS", "1")
    assert terminal_width(False) == 1
    for unusable in ("0", "-5", "wide", ""):
        monkeypatch.setenv("COLUMNS", unusable)
        assert terminal_width(False) == 10_000


def test_the_canvas_is_piped_unless_stdout_is_a_terminal_or_colour_is_asked_for(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout = stdout_of()
    assert canvas(Display()) == Canvas(10_000, piped=True, unicode=True)
    assert canvas(Display(colour="always")) == Canvas(10_000, piped=False, unicode=True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert canvas(Display()) == Canvas(10_000, piped=False, unicode=True)
    assert canvas(Display(colour="never")) == Canvas(10_000, piped=True, unicode=True)
    stdout.terminal = True
    assert canvas(Display(colour="never")) == Canvas(80, piped=False, unicode=True)  # the fallback size
    monkeypatch.setenv("COLUMNS", "64")
    assert canvas(Display(colour="never")) == Canvas(64, piped=False, unicode=True)


class BareStdout:
    """A stdout that says nothing of its encoding."""

    def write(self, text: str) -> int:
        return len(text)

    def isatty(self) -> bool:
        return False


def test_a_stdout_without_an_encoding_is_taken_for_utf_8(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", BareStdout())
    assert canvas(Display()) == Canvas(10_000, piped=True, unicode=True)


@pytest.mark.parametrize(
    ("encoding", "unicode"), [("utf-8", True), ("UTF-8", True), ("utf_8", True), (None, True), ("latin-1", False),
                              ("ascii", False), ("ANSI_X3.4-1968", False)],
)  # fmt: skip
def test_block_characters_only_in_a_unicode_encoding(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch, encoding: str | None, unicode: bool
) -> None:
    stdout_of(terminal=True, encoding=encoding)
    assert canvas(Display()).unicode is unicode


BOLD_A = [Styled("a", ((0, 1, "bold"),)), Styled("b c")]


def test_without_colour_a_drawing_is_its_text_and_with_colour_its_styles_too(stdout_of: StdoutMaker) -> None:
    stdout = stdout_of()
    written = io.StringIO()
    write(BOLD_A, Display(), written)
    assert written.getvalue() == "a\nb c\n"
    coloured = io.StringIO()
    write(BOLD_A, Display(colour="always"), coloured)
    assert coloured.getvalue() == "\x1b[1ma\x1b[0m\nb c\n"
    stdout.terminal = True
    on_terminal = io.StringIO()
    write(BOLD_A, Display(), on_terminal)
    assert on_terminal.getvalue() == "\x1b[1ma\x1b[0m\nb c\n"


def test_plain_text_is_written_without_rich(stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    stdout_of()
    for name in ("rich", "rich.console", "rich.text", "rich.table"):
        monkeypatch.setitem(sys.modules, name, None)  # importing it would fail
    written = io.StringIO()
    write(BOLD_A, Display(), written)
    assert written.getvalue() == "a\nb c\n"


def test_a_table_without_colour_is_laid_out_by_rich_in_plain_text(stdout_of: StdoutMaker) -> None:
    stdout_of()
    grid = Grid((Column("Id", width=2), Column("Name", width=5)), ((Styled("AZ"), Styled("Baku")),))
    written = io.StringIO()
    write([Styled("before"), grid], Display(), written)
    assert written.getvalue() == "before\nId ┃ Name \n━━━╇━━━━━━\nAZ │ Baku \n"


def test_the_console_draws_text_as_written_at_the_width_in_the_colours_chosen(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout = stdout_of()
    monkeypatch.setenv("COLUMNS", "12")
    plain = make_console(Display())
    assert plain.file is stdout
    assert (plain.width, plain.color_system, plain.no_color, plain.is_terminal) == (12, None, True, False)
    plain.print("[b]x[/b] :smile: 12 aaa bbb ccc")  # neither markup nor emoji; wrapped, not cropped
    assert stdout.getvalue() == "[b]x[/b] \n:smile: 12 \naaa bbb ccc\n"
    monkeypatch.delenv("COLUMNS")
    assert make_console(Display()).width == 10_000  # not rich's guess: nothing is wrapped in a pipe
    stdout.terminal = True
    assert make_console(Display()).width == 80
    into = io.StringIO()
    coloured = make_console(Display(colour="always"), into)
    assert (coloured.file, coloured.no_color, coloured.is_terminal) == (into, False, True)
    assert coloured.color_system is not None
    coloured.print("x 12 True")  # not highlighted
    assert into.getvalue() == "x 12 True\n"


class GoneReader(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError


def test_a_reader_that_has_gone_is_an_error_to_handle_not_an_exit(stdout_of: StdoutMaker) -> None:
    stdout_of()
    with pytest.raises(BrokenPipeError) as raised:
        make_console(Display(), GoneReader()).print("x")
    assert str(raised.value) == "[Errno 32] Broken pipe"


def test_the_pager_is_ots_pager_else_pager_else_less_and_an_empty_one_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTS_PAGER", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    assert pager_command() == "less"
    monkeypatch.setenv("PAGER", " more -s ")
    assert pager_command() == "more -s"
    monkeypatch.setenv("OTS_PAGER", "most")
    assert pager_command() == "most"
    monkeypatch.setenv("OTS_PAGER", "")
    assert pager_command() == ""


PAGER_SCRIPT = """\
#!{python}
import os, signal, sys
report = {{"text": sys.stdin.buffer.read().decode("utf-8"), "less": os.environ.get("LESS"),
          "interrupt": signal.getsignal(signal.SIGINT) is signal.default_int_handler}}
os.kill(os.getppid(), signal.SIGINT)  # a Ctrl-C while the pager runs is the pager's alone
open({out!r}, "w", encoding="utf-8").write(repr(report))
"""


def pager_program(folder: Path) -> tuple[Path, Path]:
    """A pager that writes what it was given (its input, LESS, whether Ctrl-C would stop it) to a file."""
    out = folder / "paged"
    program = folder / "pager"
    program.write_text(PAGER_SCRIPT.format(python=sys.executable, out=str(out)), encoding="utf-8")
    program.chmod(0o755)
    return program, out


@pytest.fixture
def interrupts() -> list[int]:
    """The Ctrl-Cs that reach ots, counted by a handler of the test's own."""
    caught: list[int] = []

    def handler(number: int, frame: FrameType | None) -> None:
        caught.append(number)

    previous = signal.signal(signal.SIGINT, handler)
    yield caught
    signal.signal(signal.SIGINT, previous)


def test_a_pager_without_shell_syntax_runs_directly_with_less_options_and_ctrl_c_left_to_it(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, interrupts: list[int]
) -> None:
    stdout_of()
    program, out = pager_program(tmp_path)
    monkeypatch.setenv("OTS_PAGER", str(program))
    handler = signal.getsignal(signal.SIGINT)
    assert page("Türkiye ●\n") is True
    assert eval(out.read_text(encoding="utf-8")) == {"text": "Türkiye ●\n", "less": "FRX", "interrupt": True}
    assert interrupts == []
    assert signal.getsignal(signal.SIGINT) is handler  # given back
    monkeypatch.setenv("LESS", "-R")
    assert page("x\n") is True
    assert eval(out.read_text(encoding="utf-8"))["less"] == "-R"


def test_a_pager_with_shell_syntax_runs_through_the_shell(stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:  # fmt: skip
    paged = tmp_path / "paged"
    monkeypatch.setenv("PAGER", f"cat > {paged}")
    assert page("Türkiye ●\n") is True
    assert paged.read_text(encoding="utf-8") == "Türkiye ●\n"
    monkeypatch.setenv("PAGER", "exit 1")
    assert page("x\n") is True  # the pager ran, whatever it ended with


# ":" is a shell builtin, no program: a command without shell syntax is not handed to the shell
@pytest.mark.parametrize("command", ["", "cat", "  cat ", "exit 126", "exit 127", "no-such-pager-anywhere", ":"])
def test_no_pager_when_it_is_empty_cat_or_cannot_start(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch, command: str, interrupts: list[int]
) -> None:
    stdout_of()
    monkeypatch.setenv("OTS_PAGER", command)
    handler = signal.getsignal(signal.SIGINT)
    assert page("x\n") is False
    assert signal.getsignal(signal.SIGINT) is handler


TALL = [Styled("one"), Styled("two"), Styled("three")]


def test_output_taller_than_the_terminal_goes_through_the_pager_shorter_straight_out(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stdout = stdout_of()
    paged = tmp_path / "paged"
    monkeypatch.setenv("OTS_PAGER", f"cat > {paged}")
    stdout.terminal = True
    monkeypatch.setenv("LINES", "4")
    show(TALL, Display())
    assert (stdout.getvalue(), paged.exists()) == ("one\ntwo\nthree\n", False)
    monkeypatch.setenv("LINES", "3")
    show(TALL, Display())
    assert (stdout.getvalue(), paged.read_text(encoding="utf-8")) == ("one\ntwo\nthree\n", "one\ntwo\nthree\n")


def test_a_terminal_whose_size_cannot_be_read_has_24_lines(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stdout = stdout_of(terminal=True)
    paged = tmp_path / "paged"
    monkeypatch.setenv("OTS_PAGER", f"cat > {paged}")
    show([Styled(str(number)) for number in range(23)], Display())
    assert (stdout.getvalue().count("\n"), paged.exists()) == (23, False)
    show([Styled(str(number)) for number in range(24)], Display())
    assert (stdout.getvalue().count("\n"), paged.read_text(encoding="utf-8").count("\n")) == (23, 24)


def test_the_pager_is_left_out_by_no_pager_and_a_pipe_and_forced_by_pager(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stdout = stdout_of()
    paged = tmp_path / "paged"
    monkeypatch.setenv("OTS_PAGER", f"cat > {paged}")
    monkeypatch.setenv("LINES", "2")
    show(TALL, Display(), forced=True)  # a pipe: never paged
    stdout.terminal = True
    show(TALL, Display(pager=False))
    assert (stdout.getvalue(), paged.exists()) == ("one\ntwo\nthree\n" * 2, False)
    monkeypatch.setenv("LINES", "40")
    show(TALL, Display(pager=False), forced=True)
    assert (stdout.getvalue(), paged.read_text(encoding="utf-8")) == ("one\ntwo\nthree\n" * 2, "one\ntwo\nthree\n")


def test_when_the_pager_cannot_run_the_output_is_written_straight(
    stdout_of: StdoutMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout = stdout_of()
    monkeypatch.setenv("OTS_PAGER", "exit 127")
    monkeypatch.setenv("LINES", "2")
    stdout.terminal = True
    show(BOLD_A, Display(colour="never"), forced=True)
    assert stdout.getvalue() == "a\nb c\n"
