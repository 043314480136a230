"""Where the data files are: the bundled record, the user's own file, OTS_DATA, and the order they are read in."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from otscli.xdg import base_folder


def bundled_path() -> Path:
    """The curated data file: inside the installed package, or in the source tree."""
    packaged = Path(__file__).parent / "data" / "events.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "events.toml"


def bundled_as_of() -> str | None:
    """The day up to which the bundled record was checked, read from the top of its file without loading it (for
    `ots --version`, which must stay quick)."""
    try:
        with bundled_path().open("rb") as stream:
            head = stream.read(8192).decode("utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r'(?m)^as_of\s*=\s*"?([0-9]{4}-[0-9]{2}-[0-9]{2})"?\s*(?:#.*)?$', head)
    return found.group(1) if found else None


def user_data_path() -> Path | None:
    """The default file for a user's own events: $XDG_DATA_HOME/otscli/events.toml, or under ~/.local/share;
    None when there is no home folder to put it in."""
    base = base_folder("XDG_DATA_HOME", ".local", "share")
    return None if base is None else base / "otscli" / "events.toml"


def env_data_paths() -> list[Path]:
    """The files named by OTS_DATA, a list separated like PATH."""
    return [Path(part) for part in os.environ.get("OTS_DATA", "").split(os.pathsep) if part]


def data_paths(extra: Sequence[Path], *, bundled: bool = True, user: bool = True) -> list[Path]:
    """Every file a command reads, in order: bundled, the user file if present, OTS_DATA, --data; a file named
    twice (under two spellings, or through a symlink) is read once."""
    user_file = user_data_path() if user else None
    candidates = [bundled_path()] if bundled else []
    if user_file is not None and user_file.is_file():
        candidates.append(user_file)
    paths: list[Path] = []
    seen: set[str] = set()
    for path in [*candidates, *env_data_paths(), *extra]:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            paths.append(path)
    return paths
