"""Where the XDG base-directory spec puts a user's data and cache."""

from __future__ import annotations

import os
from pathlib import Path


def base_folder(variable: str, *default: str) -> Path | None:
    """$variable when it is an absolute path (the spec says to ignore a relative one), else ~/<default>; None
    when there is no home folder either."""
    value = Path(os.environ.get(variable, ""))
    if value.is_absolute():
        return value
    if os.environ.get("HOME") == "":  # set but empty: no home, not the root folder
        return None
    try:
        home = Path("~").expanduser()
    except RuntimeError:  # no HOME and no entry in the password database (a container run under a bare uid)
        return None
    return home.joinpath(*default) if home.is_absolute() else None
