"""ots: the history of the Organization of Turkic States as a typed event store."""

from __future__ import annotations

import sys

__version__ = "0.1.0"


def interrupted(signum: int, frame: object) -> None:
    """Ctrl-C: one line and exit 130, at once, whatever is being imported or done."""
    import os

    os.write(2, b"ots: interrupted\n")
    os._exit(130)


# The first code of ots that runs when it is started as a command (the `ots` script, or `python -m otscli`):
# from here on Ctrl-C gives one line, never a traceback. `_signal` is the built-in module behind `signal`, whose
# import loads `enum` first and would leave a window of milliseconds. Imported as a library, ots changes no signal.
if sys.argv[:1] == ["-m"] or (sys.argv[:1] or [""])[0].rpartition("/")[2] == "ots":
    import _signal  # type: ignore[import-not-found]  # no stubs for the C module; its API is that of signal

    _signal.signal(_signal.SIGINT, interrupted)
