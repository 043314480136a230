"""The one writer of every file ots writes (`add`, `-o`, `site`, the cache).

- New files are created with O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable name, so a link planted at a
  name ots would use is never followed and never chosen by anyone else.
- A file is replaced whole or not at all: written beside it, synced, then renamed into place, keeping the mode
  (and the owner, where the caller asks). Only a regular file that the user named is replaced: a read-only file
  or one owned by another user is refused.
- What is not a regular file (a pipe, a device, a descriptor that ots inherited such as /dev/stdout) is written
  into as a stream, never replaced.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from otscli.errors import DataError, UsageError, printable

TEMP_SUFFIX = ".ots-tmp"
RENAME_EXCHANGE = 2  # renameat2(2): swap two names atomically
AT_FDCWD = -100
DESCRIPTOR_NAMES = r"/dev/(?:fd/(\d+)|std(out|err))|/proc/self/fd/(\d+)"  # compiled on first use: -o is rare


class Ownership(Protocol):
    @property
    def owner(self) -> tuple[int, int] | None: ...
    @property
    def mode(self) -> int | None: ...


def create_exclusive(folder: Path, stem: str, mode: int = 0o600) -> tuple[int, Path]:
    """A new file in `folder` under a name nobody can guess, opened for writing; never a link's target."""
    descriptor, name = create_exclusive_at(None, stem, mode, folder)
    return descriptor, folder / name


def create_exclusive_at(
    directory: int | None, stem: str, mode: int = 0o600, folder: Path | None = None
) -> tuple[int, str]:
    """The same in the folder open as `directory` (the cache's, opened once and checked), or in `folder`; returns
    the descriptor and the file's name."""
    import secrets  # here: its import (hmac, random) would cost every --json run, which writes no file

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(16):
        name = f".{stem}.{secrets.token_hex(8)}{TEMP_SUFFIX}"
        try:
            return os.open(folder / name if folder else name, flags, mode, dir_fd=directory), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder or 'the folder'}")


def write_atomically(
    path: Path,
    content: bytes,
    *,
    unchanged: Callable[[Path], bool] | None = None,
    like: Ownership | None = None,
) -> bool:
    """Write `content` beside `path` and put it in place, keeping the owner, group and mode of `like` (else the
    file's, else the umask's). When `unchanged` is given, it is asked of the file about to be replaced (at the
    path where that file then is) whether it is still the one the caller read: if it changed meanwhile, nothing
    is replaced and False is returned. On failure `path` is untouched and no temporary file is left."""
    shown = printable(str(path))
    temp: Path | None = None
    try:
        owner, mode = (like.owner, like.mode) if like is not None else (None, None)
        if mode is None:
            mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~current_umask()
        descriptor, temp = create_exclusive(path.parent, path.name)
        try:
            write_all(descriptor, content)
            if owner is not None and owner != (os.geteuid(), os.getegid()):
                keep_owner(descriptor, owner, shown)
            os.fchmod(descriptor, mode)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if unchanged is not None and not put_in_place_if(temp, path, unchanged, content):
            return False
        if unchanged is None:
            temp.replace(path)
    except OSError as error:
        raise DataError(f"{shown}: cannot write: {error.strerror or error}; file unchanged") from None
    finally:
        if temp is not None:
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


def put_in_place_if(temp: Path, path: Path, unchanged: Callable[[Path], bool], content: bytes) -> bool:
    """Rename `temp` (holding `content`) over `path` only if the file replaced is still the one the caller read.

    Checking and then renaming leaves a window in which an editor's save-by-rename is lost. Where the kernel
    can swap two names at once, the swap comes first and the file it took out is checked: if it is not the one
    expected, the swap is undone, so whatever reached `path` meanwhile stays, and what was appended to our file
    while it stood there is appended to the file put back."""
    if exchange(temp, path):
        if unchanged(temp):
            return True
        exchange(temp, path)
        ours = temp.read_bytes()
        if len(ours) > len(content) and ours.startswith(content):
            write_into(path, ours[len(content) :], os.O_APPEND)
        return False
    if not unchanged(path):
        return False
    temp.replace(path)
    return True


def exchange(first: Path, second: Path) -> bool:
    """Swap two names in one step (Linux's renameat2); False where the system or file system cannot."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    done = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (2, 22, 38, 95):  # ENOENT (nothing to swap with), EINVAL, ENOSYS, EOPNOTSUPP (not supported here)
        return False
    raise OSError(error, os.strerror(error))


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


def inherited_descriptor(name: str) -> int | None:
    """The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N names, or None."""
    match = re.fullmatch(DESCRIPTOR_NAMES, name)
    if match is None:
        return None
    number, standard, proc = match.groups()
    if standard is not None:
        return 1 if standard == "out" else 2
    return int(number or proc)


def write_standard_output(content: bytes) -> None:
    """Print bytes as they are, after the text printed before them. A reader that went away (EPIPE) is left to
    the error boundary, which ends quietly."""
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()


def write_output(name: str | None, content: bytes) -> None:
    """Write to standard output (`name` None), or to the file the user named with -o. `-` is standard output
    too, written as a stream. A descriptor ots inherited, a pipe, a FIFO or a device is written into as a
    stream; a regular file (or a new one) is replaced whole, through a symlink the user named, keeping its mode;
    a read-only file or another user's is refused."""
    if name is None:
        write_standard_output(content)
        return
    shown = printable(name)
    if name == "-":
        write_stream(1, content, shown)
        return
    if name.endswith("/"):
        raise UsageError(f"-o {shown}: names a folder; give a file name")
    descriptor = inherited_descriptor(name)
    if descriptor is not None:
        write_stream(descriptor, content, shown)
        return
    path = Path(name)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise DataError(f"{shown}: cannot write: {error.strerror or error}") from None
    if info is None:
        write_atomically(Path(os.path.realpath(path)), content)
        return
    if stat.S_ISDIR(info.st_mode):
        raise DataError(f"{shown}: cannot write: is a directory")
    standard = standard_stream_of(info)
    if standard is not None:
        write_stream(standard, content, shown)
        return
    if not stat.S_ISREG(info.st_mode):
        write_stream(path, content, shown)
        return
    refuse_unless_ours(info, shown)
    write_atomically(Path(os.path.realpath(path)), content)


def refuse_unless_ours(info: os.stat_result, shown: str) -> None:
    if info.st_uid != os.geteuid():
        raise DataError(f"{shown}: not changed: the file belongs to another user")
    if not info.st_mode & stat.S_IWUSR:
        raise DataError(f"{shown}: not changed: the file is read-only")


def standard_stream_of(info: os.stat_result) -> int | None:
    """1 or 2 when `info` is the very file that standard output or error is open on (a shell's redirection)."""
    for descriptor in (1, 2):
        try:
            stream = os.fstat(descriptor)
        except OSError:
            continue
        if (stream.st_dev, stream.st_ino) == (info.st_dev, info.st_ino):
            return descriptor
    return None


def write_stream(stream: int | Path, content: bytes, shown: str) -> None:
    """Writes all of `content` into a stream: a descriptor ots inherited (1 and 2 after what Python printed to
    them), or the pipe, FIFO or device at a path, opened as it is."""
    if stream in (1, 2):
        (sys.stdout if stream == 1 else sys.stderr).flush()
    try:
        if isinstance(stream, Path):
            write_into(stream, content, os.O_NOCTTY)
        else:
            write_all(stream, content)
    except OSError as error:
        raise DataError(f"{shown}: cannot write: {error.strerror or error}") from None


def write_into(path: Path, content: bytes, flags: int) -> None:
    """Opens the file at `path` as it is (no create, no replace) with `flags` and writes all of `content`."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CLOEXEC | flags)
    try:
        write_all(descriptor, content)
    finally:
        os.close(descriptor)
