"""The console script `ots` and `python -m otscli`.

Ctrl-C ends ots at once with one line and exit 130, from the first line of ots that runs (the package's
__init__), even while its modules are still being imported. Before that, while the interpreter itself starts
(a few tens of milliseconds), Python's own default applies. Stopping abruptly is safe: output files and
`add` are written to a temp file and renamed into place, so an interrupted write leaves the old file whole.

When a command is done, ots flushes its output and ends the process at once, skipping the interpreter's
teardown, which frees every module and object one by one: that took 14 ms of an 83 ms run. Nothing is lost:
every file ots writes is closed (and renamed into place) before the command returns, the pager has exited, and
ots registers no exit handlers.
"""

import gc
import os
import signal
import sys

from otscli import interrupted


def main() -> None:
    signal.signal(signal.SIGINT, interrupted)
    gc.disable()
    utf8_arguments()  # see otscli.cli.app.run: and importing the command line would run it a dozen times
    if os.environ.get("OTS_COMPLETE"):  # a shell asking for completions (see `ots completion`)
        from otscli.cli.complete import run as complete

        complete()
        return
    from otscli import background
    from otscli.cli import run

    background.enabled = True
    code = run()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a reader that has gone: what could be written was written
            pass
    background.finish()
    os._exit(code)


def utf8_arguments() -> None:
    """Arguments as UTF-8 even where the locale says ASCII (LC_ALL=C with Python's UTF-8 mode off), so that
    `ots state Türkiye` matches: the bytes the shell passed are decoded again."""
    if sys.getfilesystemencoding().replace("-", "").lower() != "utf8":
        sys.argv = [os.fsencode(argument).decode("utf-8", "surrogateescape") for argument in sys.argv]


if __name__ == "__main__":
    main()
