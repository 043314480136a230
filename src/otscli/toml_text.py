"""TOML text -> tables, exactly as tomli reads them, in a third of the time where it can.

tomli (the compiled build of the parser that became tomllib) is the reference: its tables, its messages. rtoml
(Rust) reads a valid file two to four times as fast, but whole it holds the file twice over while it builds the
tables: a first run of 100,000 events peaked at 985 MiB against tomli's 362. So rtoml reads the file in pieces
of about 64 KiB, each but the first starting at an `[[array]]` header, and the pieces' arrays of tables are
joined: as fast, and within a few MiB of tomli's peak.

The join is exact: after a header, every key of a piece belongs to a table that a header of that piece opened,
so a name that is a list in two pieces was an array of tables in both, as in the whole file. Whatever else a
name is in two pieces (a table, or a key of the first piece, which may be a static array), whatever rtoml
refuses, and a file that starts with a byte order mark (which rtoml skips but TOML does not allow), is read
again, whole, by tomli.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

PIECE_CHARS = 1 << 16
# A line that is an `[[array]]` header of a bare name and nothing else, ended by LF or CRLF. Inside a multi-line
# string such a line would cut the string in two, and the piece before could not be read: the file goes to tomli.
_ARRAY_HEADER = re.compile(r"^\[\[[A-Za-z0-9_-]+\]\][ \t]*(?:#[^\r\n]*)?\r?$", re.MULTILINE)


def loads(text: str) -> dict[str, Any]:
    """The tables of `text`; tomli's TOMLDecodeError (or RecursionError) for a file tomli refuses."""
    tables = in_pieces(text)
    if tables is not None:
        return tables
    import tomli

    return tomli.loads(text)


def in_pieces(text: str, piece_chars: int = PIECE_CHARS) -> dict[str, Any] | None:
    """The tables of `text` read by rtoml piece by piece; None when rtoml refuses a piece or the pieces might not
    join as the whole file reads."""
    if text.startswith("\ufeff"):
        return None
    import rtoml

    tables: dict[str, Any] = {}
    first: set[str] = set()
    try:
        for number, (begin, end) in enumerate(itertools.pairwise(bounds(text, piece_chars))):
            for key, value in rtoml.loads(text[begin:end]).items():
                if number == 0:
                    first.add(key)
                    tables[key] = value
                elif key not in tables:
                    tables[key] = value
                elif key in first or not (isinstance(value, list) and isinstance(tables[key], list)):
                    return None
                else:
                    tables[key] += value
    except Exception:  # rtoml's error, or anything its Rust side raises: tomli has the last word
        return None
    return tables


def bounds(text: str, piece_chars: int) -> list[int]:
    """Where the pieces start, then the end: the first before the first `[[array]]` header, each following one at a
    header at least `piece_chars` characters on."""
    starts = [0]
    position = 0
    while (line := line_opening_brackets(text, position)) >= 0:
        if _ARRAY_HEADER.match(text, line):  # found at `position` or after: `piece_chars` on from the last start
            starts.append(line)
            position = line + piece_chars
        else:
            position = line + 1
    return [*starts, len(text)] if starts[-1] < len(text) else starts


def line_opening_brackets(text: str, position: int) -> int:
    """Where the first line at or after `position` that opens with `[[` starts; -1 for none. `str.find` skips to
    it at once: a regular expression tried at every line took longer than rtoml's reading of a large file."""
    if position == 0 and text.startswith("[["):
        return 0
    found = text.find("\n[[", max(position - 1, 0))
    return found + 1 if found >= 0 else -1
