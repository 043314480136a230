"""Replacing a file whole or not at all: temp file beside it, fsync, os.replace, fsync the folder."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from otscli.errors import DataError, printable

TEMP_SUFFIX = ".ots-tmp"


def write_atomically(path: Path, content: bytes, check: Callable[[Path], object] | None = None) -> None:
    """Write `content` beside `path`, let `check` read it, then put it in place; on failure `path` is untouched."""
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~current_umask()
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fchmod(descriptor, mode)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if check is not None:
            check(temp)
        temp.replace(path)
        fsync_folder(path.parent)
    except OSError as error:
        raise DataError(f"{printable(str(path))}: cannot write: {error.strerror or error}; file unchanged") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_output(path: Path, content: bytes) -> None:
    """Write an output file the user named: a regular file (or a new one) is replaced whole through any
    symlink; a FIFO or a device (/dev/stdout, a named pipe) is written into, never replaced."""
    real = Path(os.path.realpath(path))
    try:
        is_special = real.exists() and not stat.S_ISREG(real.stat().st_mode) and not real.is_dir()
        if is_special:
            with real.open("wb") as stream:
                stream.write(content)
            return
    except OSError as error:
        raise DataError(f"{printable(str(path))}: cannot write: {error.strerror or error}") from None
    write_atomically(real, content)
