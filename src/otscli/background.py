"""Work a command need not wait for: once its output is out, the console script hands it to a child process.

Only the cache entry of a first run goes this way (see cache.write): the command ends for whoever called it
while the entry is written, and a run that comes meanwhile waits for that entry rather than parse again.
Callers in-process (the tests, a library user) have the work done at once: `enabled` is set only by the
console script.
"""

from __future__ import annotations

import os
from collections.abc import Callable

enabled = False
_pending: list[Callable[[], None]] = []


def later(work: Callable[[], None]) -> None:
    """Do `work` after the command, in the background; at once when the background is not enabled."""
    if enabled:
        _pending.append(work)
    else:
        work()


def finish() -> None:
    """Start the pending work in a detached child with no terminal and no output; the caller may exit at once."""
    work = list(_pending)
    _pending.clear()
    if not work:
        return
    try:
        child = os.fork()
    except OSError:  # no process to spare: the caller waits, as it would have without a background
        for item in work:
            item()
        return
    if child:
        return
    try:
        os.setsid()  # a Ctrl-C at the terminal is for the command that has already ended, not for this
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):  # a reader of the command's output sees its end now
            os.dup2(quiet, stream)
        for item in work:
            item()
    finally:
        os._exit(0)
