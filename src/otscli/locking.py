"""The lock of a user data file (`FILE.lock`, kept, never deleted) that add, edit and remove take, and the temp
files of writers that were killed, cleared under it."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from otscli.atomic import TEMP_SUFFIX
from otscli.errors import DataError, UsageError, printable

LOCK_TIMEOUT_SECONDS = 60.0  # a writer holds the lock for milliseconds; dozens may queue


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `<file>.lock` (kept, never deleted), waiting at most lock_timeout() seconds."""
    lock_path = path.with_name(path.name + ".lock")
    shown = printable(str(lock_path))
    try:  # the lock takes the data file's permissions, so that whoever may write the file may take its lock
        mode = stat.S_IMODE(path.stat().st_mode) & 0o666
    except OSError:
        mode = 0o644
    flags = os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(lock_path, os.O_RDWR | flags, mode)
    except PermissionError:  # a lock another user created: flock works on a descriptor opened to read
        try:
            descriptor = os.open(lock_path, os.O_RDONLY | flags, mode)
        except OSError as error:
            raise DataError(f"{shown}: cannot open lock: {error.strerror or error}") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise DataError(f"{shown}: cannot open lock: it is a symbolic link; remove it") from None
        raise DataError(f"{shown}: cannot open lock: {error.strerror or error}") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise DataError(f"{shown}: cannot open lock: not a regular file; remove it")
    if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) != mode:
        with contextlib.suppress(OSError):
            os.fchmod(descriptor, mode)
    try:
        timeout = lock_timeout()
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DataError(
                        f"{printable(str(path))}: not changed: locked by another writer for {timeout:g} s; try again"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(descriptor)


def lock_timeout() -> float:
    """How long to wait for the lock: OTS_LOCK_TIMEOUT seconds, else LOCK_TIMEOUT_SECONDS."""
    try:
        seconds = float(os.environ.get("OTS_LOCK_TIMEOUT", LOCK_TIMEOUT_SECONDS))
    except ValueError:
        raise UsageError("OTS_LOCK_TIMEOUT: give a number of seconds") from None
    return seconds if 0 <= seconds < 86400 else LOCK_TIMEOUT_SECONDS


def remove_stale_temp_files(path: Path) -> None:
    """Temp files of writers that were killed; safe to remove because we hold the lock."""
    for stale in path.parent.glob(f".{glob_escape(path.name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)
