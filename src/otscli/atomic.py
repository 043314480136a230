"""Replacing a file whole or not at all: temp file beside it, fsync, os.replace, fsync the folder."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from otscli.errors import DataError, printable

TEMP_SUFFIX = ".ots-tmp"


class Ownership(Protocol):
    @property
    def owner(self) -> tuple[int, int] | None: ...
    @property
    def mode(self) -> int | None: ...


def write_atomically(
    path: Path,
    content: bytes,
    *,
    unchanged: Callable[[], bool] | None = None,
    like: Ownership | None = None,
) -> bool:
    """Write `content` beside `path` and put it in place, keeping the owner, group and mode of `like` (else the
    file's, else the umask's). When `unchanged` is given, it is asked just before the replace; if it says the
    file changed meanwhile, nothing is replaced and False is returned. On failure `path` is untouched."""
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    shown = printable(str(path))
    try:
        owner, mode = (like.owner, like.mode) if like is not None else (None, None)
        if mode is None:
            mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~current_umask()
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            write_all(descriptor, content)
            if owner is not None and owner != (os.geteuid(), os.getegid()):
                keep_owner(descriptor, owner, shown)
            os.fchmod(descriptor, mode)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if unchanged is not None and not unchanged():
            return False
        temp.replace(path)
    except OSError as error:
        raise DataError(f"{shown}: cannot write: {error.strerror or error}; file unchanged") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    try:
        fsync_folder(path.parent)
    except OSError as error:
        raise DataError(
            f"{shown}: written, but its folder could not be synced to disk ({error.strerror or error}); "
            "the change may not survive a power cut"
        ) from None
    return True


def write_all(descriptor: int, content: bytes) -> None:
    """All of `content`, however many writes it takes."""
    view = memoryview(content)
    while view:
        view = view[os.write(descriptor, view) :]


def keep_owner(descriptor: int, owner: tuple[int, int], shown: str) -> None:
    try:
        os.fchown(descriptor, *owner)
    except PermissionError:
        raise DataError(f"{shown}: not changed: cannot keep the file's owner and group") from None


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
    symlink; a FIFO, a device or a pipe (/dev/stdout) is written into, never replaced."""
    shown = printable(str(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise DataError(f"{shown}: cannot write: {error.strerror or error}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise DataError(f"{shown}: cannot write: is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        try:
            with open(path, "wb") as stream:  # noqa: PTH123 - a device or pipe, opened as it is
                stream.write(content)
        except OSError as error:
            raise DataError(f"{shown}: cannot write: {error.strerror or error}") from None
        return
    write_atomically(Path(os.path.realpath(path)), content)
