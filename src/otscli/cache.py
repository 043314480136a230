"""A cache of checked data under $XDG_CACHE_HOME/otscli: each file parsed and validated, and each set of files
merged, cross-checked and sorted into a catalog.

Every file is cached, the bundled one too: parsing TOML and importing pydantic to validate it cost more than
the rest of a command, and an entry holds plain records that load without either. A repeated command with the
same files reads one catalog entry and checks nothing again.

An entry is used only when, for every file it was made from, the real path, size, modification and change
times and inode match, and so do the ots version, the entry format and the Python version; anything else is a
miss. Entries are written whole (temp file + os.replace), and a damaged one is ignored.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

from otscli import __version__

FORMAT = 5  # the layout of an entry; raise it when the records change shape

Key = tuple[object, ...]


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "otscli"


def key_for(path: Path) -> Key | None:
    """What an entry made from this file must match, or None when the file cannot be looked at."""
    try:
        real = os.path.realpath(path)
        info = Path(real).stat()
    except OSError:
        return None
    return (real, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def entry_path(kind: str, files: Sequence[Key]) -> Path:
    """One entry per kind and list of real paths: a file edited again replaces its entry, it does not add one."""
    names = "\0".join(str(key[0]) for key in files).encode("utf-8", "surrogateescape")
    # Two CRC-32s make a 64-bit name without importing hashlib; a clash is only a miss, as the key is compared.
    digest = f"{zlib.crc32(names):08x}{zlib.crc32(names[::-1]):08x}"
    return folder() / f"{kind}-{digest}.pickle"


def full_key(files: Sequence[Key]) -> Key:
    return (FORMAT, __version__, sys.version_info[:2], *files)


def read(kind: str, files: Sequence[Key]) -> object | None:
    """The payload stored for these files, if it is still theirs; the key is read first, so a stale entry is cheap."""
    try:
        with entry_path(kind, files).open("rb") as stream:
            if pickle.load(stream) != full_key(files):
                return None
            payload: object = pickle.load(stream)
            return payload
    except Exception:  # missing, damaged, or written by another version: a miss
        return None


def write(kind: str, files: Sequence[Key], payload: object) -> None:
    """Best effort: a cache that cannot be written is no reason to fail a command."""
    target = entry_path(kind, files)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with temp.open("wb") as stream:
            pickle.dump(full_key(files), stream, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(payload, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(target)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
