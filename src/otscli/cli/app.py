"""The `ots` app: its global options, its subcommands loaded on demand, and the one place where every way a
command can end becomes one line on stderr and an exit code."""

from __future__ import annotations

import contextlib
import errno
import gc
import importlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from otscli import __version__
from otscli.cli.helptext import HelpContext, drawn_narrow
from otscli.cli.registry import COMMANDS
from otscli.errors import DataError, OtsError, UsageError, printable

if TYPE_CHECKING:
    from otscli.models import Catalog
    from otscli.render.display import Display


class Boundary(TyperGroup):
    """The root group. Its subcommands are built only when used, through click's `list_commands` and
    `get_command` hooks; every run goes through `guarded`."""

    context_class = HelpContext

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(module_name)
        return drawn_narrow(typer.main.get_command(module.APPS[cmd_name]))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def run_group() -> Any:
            return super(Boundary, self).main(
                args=args,
                prog_name=prog_name or "ots",
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )

        code = guarded(run_group)
        if standalone_mode:
            sys.exit(code)
        return code

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:  # --help and --version write while the command line is parsed
            return super().make_context(info_name, args, parent, **extra)
        except OSError as error:
            raise OutputFailed(error) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as error:  # past typer, which would end a closed pipe with exit 1
            raise OutputFailed(error) from None


class OutputFailed(Exception):
    """A write failed inside a command; carries the OSError to the boundary."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def guarded(run_group: Callable[[], Any]) -> int:
    """The exit code of `run_group`, after reporting whatever went wrong in one line on stderr."""
    if sys.stdout is None:
        return report("standard output is closed", 1)
    if (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "") != "utf8" and isinstance(
        sys.stdout, io.TextIOWrapper
    ):
        sys.stdout.reconfigure(errors="replace")
    try:
        result = run_group()
        sys.stdout.flush()
    except UsageError as error:
        return report_lines([f"ots: {line}" for line in worded(error).splitlines()], error.exit_code)
    except OtsError as error:
        prefix = "" if isinstance(error, DataError) else "ots: "
        return report_lines([prefix + line for line in error.message.splitlines()], error.exit_code)
    except typer.Exit as exit_:  # typer turns Ctrl-C into Exit(130)
        return report("interrupted", 130) if exit_.exit_code == 130 else exit_.exit_code
    except (typer.Abort, KeyboardInterrupt):
        return report("interrupted", 130)
    except typer.TyperException as error:  # click's usage errors: bad option, missing argument
        message = printable(error.format_message())
        context = getattr(error, "ctx", None)
        command = getattr(context, "command_path", None) or "ots"
        return report(f"{message} (see '{command} --help')", getattr(error, "exit_code", 2))
    except OSError as error:
        return output_failed(error)
    except OutputFailed as failed:
        return output_failed(failed.error)
    except RecursionError:
        return report("input nested too deeply", 1)
    except Exception as error:
        if os.environ.get("OTS_DEBUG"):
            raise
        return report(
            f"internal error: {type(error).__name__}: {printable(str(error))} (set OTS_DEBUG=1 for details)", 1
        )
    if result == 130:  # typer returns Ctrl-C as an exit code when not standalone
        return report("interrupted", 130)
    return result if isinstance(result, int) else 0


def worded(error: UsageError) -> str:
    """The library's words about a value, with the command line's: the option it came by, and the command that
    lists the names it could have been."""
    from otscli.cli.options import flag_of
    from otscli.criteria import EmptySpan
    from otscli.errors import UsageErrors
    from otscli.kinds import BY_TABLE

    if isinstance(error, UsageErrors):
        return "\n".join(map(worded, error.errors))
    if isinstance(error, EmptySpan):
        return f"{flag_of('since')} {error.since} is after {flag_of('until')} {error.until}; nothing can match"
    message = f"{flag_of(error.option)}: {error.message}" if error.option else error.message
    if error.listing == "event":
        return f"{message}; see 'ots list' for ids"
    if error.listing:
        return f"{message}; see 'ots {BY_TABLE[error.listing].plural}'"
    return message


def output_failed(error: OSError) -> int:
    """A write to stdout failed: quiet when the reader went away, one line otherwise."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())
    if error.errno == errno.EPIPE:
        return 0
    return report(f"cannot write output: {error.strerror or error}", 1)


def report(message: str, code: int) -> int:
    return report_lines([f"ots: {message}"], code)


LINE_LIMIT = 1000  # characters of one message line: a huge argument is not echoed whole


def shortened(line: str) -> str:
    """A line cut in the middle when it is too long, keeping its start and its end (where a hint stands)."""
    if len(line) <= LINE_LIMIT:
        return line
    return f"{line[: LINE_LIMIT // 2]}…({len(line) - LINE_LIMIT:,} characters left out)…{line[-LINE_LIMIT // 2 :]}"


def report_lines(lines: list[str], code: int) -> int:
    try:
        sys.stderr.write("".join(shortened(line) + "\n" for line in lines))
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return code


app = typer.Typer(
    cls=Boundary,
    name="ots",
    help="The history of the Organization of Turkic States: summits, councils, agreements, members.",
    epilog="Examples: ots timeline --since 2019 | ots organ CoE | ots state Hungary --json\n\n"
    "\b\nManual: docs/README.md in the source of ots (its repository or its sdist).",
    invoke_without_command=True,
    add_completion=False,  # `ots completion SHELL` instead: see otscli.cli.complete
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Session:
    """What the global options chose: which files to read, and how to draw. The catalog is loaded once, on
    demand."""

    def __init__(
        self, extra: list[Path], display: Display, *, bundled: bool = True, user: bool = True, cache: bool = True
    ) -> None:
        self.extra = extra
        self.display = display
        self.bundled = bundled
        self.user = user
        self.cache = cache
        self.loaded: Catalog | None = None

    def catalog(self) -> Catalog:
        if self.loaded is None:
            from otscli import store

            try:
                self.loaded = store.load(self.extra, bundled=self.bundled, user=self.user, cache=self.cache)
            except DataError as error:
                raise DataError(error.message + user_file_hint(error.message, self.user)) from None
        return self.loaded


def user_file_hint(message: str, user: bool) -> str:
    """A way past a broken personal file, when the problem is in it."""
    from otscli.paths import user_data_path

    path = user_data_path()
    if (
        not user
        or path is None
        or not any(line.startswith(f"{printable(str(path))}:") for line in message.splitlines())
    ):
        return ""
    return f"\nots: the problem is in your data file; add --no-user-data to leave it out, or fix it ({path})"


def session(ctx: typer.Context) -> Session:
    assert isinstance(ctx.obj, Session)
    return ctx.obj


def show_version(value: bool) -> None:
    if value:
        from otscli.paths import bundled_as_of

        as_of = bundled_as_of()
        typer.echo(f"ots {__version__}" + (f" (record as of {as_of})" if as_of else ""))
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data", metavar="PATH", readable=False, help="Also read this data file (repeatable; OTS_DATA adds more)."
        ),
    ] = None,
    no_bundled: Annotated[bool, typer.Option("--no-bundled", help="Leave out the bundled data.")] = False,
    no_user_data: Annotated[
        bool, typer.Option("--no-user-data", help="Leave out your data file ($XDG_DATA_HOME/otscli/events.toml).")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every file afresh; neither read nor write the cache.")
    ] = False,
    colour: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="auto (the default), always or never; beats NO_COLOR.",
        ),
    ] = "auto",
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page; write straight to the terminal.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    from otscli.criteria import choose
    from otscli.render.display import COLOUR_CHOICES, Display

    choice = choose("--color value", colour, ("auto", "always", "never"))
    display = Display(colour=COLOUR_CHOICES[choice], pager=not no_pager)
    ctx.obj = Session(list(data or []), display, bundled=not no_bundled, user=not no_user_data, cache=not no_cache)
    if ctx.invoked_subcommand is None:  # a bare `ots`: its help, as `ots --help` prints it
        typer.echo(ctx.get_help())


def run() -> int:
    """The console script `ots`, once imported (see otscli.__main__): runs the command line, returns its exit
    code."""
    # A run lasts well under a second and makes few reference cycles, but loading a large catalog makes
    # hundreds of thousands of objects that the cycle collector would walk again and again: for 10,000 events
    # that tripled the time to sort them. What cycles there are go when the process ends.
    gc.disable()
    code: int = app(standalone_mode=False)
    return code
