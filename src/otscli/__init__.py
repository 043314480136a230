"""ots: the history of the Organization of Turkic States as a typed event store."""

from __future__ import annotations

import os
import signal
import sys

__version__ = "0.1.0"


def interrupted(signum: int, frame: object) -> None:
    """Ctrl-C: one line and exit 130, at once, whatever is being imported or done."""
    os.write(2, b"ots: interrupted\n")
    os._exit(130)


# The first code of ots that runs when it is started as a command (the `ots` script, or `python -m otscli`):
# from here on Ctrl-C gives one line, never a traceback. Imported as a library, the package changes no signal.
if sys.argv[:1] == ["-m"] or (sys.argv[:1] or [""])[0].rpartition("/")[2] == "ots":
    signal.signal(signal.SIGINT, interrupted)
