"""A cache of data files, already parsed and validated, under $XDG_CACHE_HOME/otscli.

Every file is cached, the bundled one too: parsing TOML and importing pydantic to validate it cost more than
the rest of a command, and an entry holds plain records that load without either.

An entry is used only when the file's real path, size, modification and change times, inode, the ots
version, the entry format and the Python version all match what was recorded; anything else is a miss. Entries are
written whole (temp file + os.replace) and a damaged one is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from otscli import __version__

FORMAT = 3  # the layout of an entry; raise it when the records change shape


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "otscli"


def key_for(path: Path) -> tuple[object, ...] | None:
    """What an entry must match, or None when the file cannot be looked at."""
    try:
        real = os.path.realpath(path)
        info = Path(real).stat()
    except OSError:
        return None
    versions = (FORMAT, __version__, sys.version_info[:2])
    return (real, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, *versions)


def entry_path(key: tuple[object, ...]) -> Path:
    return folder() / (hashlib.sha256(str(key[0]).encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".pickle")


def read(key: tuple[object, ...]) -> object | None:
    """The payload stored under `key`; the key is read first, so a stale entry costs little."""
    try:
        with entry_path(key).open("rb") as stream:
            if pickle.load(stream) != key:
                return None
            payload: object = pickle.load(stream)
            return payload
    except Exception:  # missing, damaged, or written by another version: a miss
        return None


def write(key: tuple[object, ...], payload: object) -> None:
    """Best effort: a cache that cannot be written is no reason to fail a command."""
    target = entry_path(key)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with temp.open("wb") as stream:
            pickle.dump(key, stream, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(payload, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(target)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
