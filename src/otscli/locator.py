"""Where a problem is in a data file's text: the line of a record or of a key in it; pydantic's errors told as
Problems located there, in the words of a data file's author; and a checked file (LoadedFile) that finds the
lines of its records when a problem needs them."""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from otscli.errors import printable
from otscli.field_types import LANGUAGE_PATTERN
from otscli.kinds import TABLES
from otscli.problems import Problem

if TYPE_CHECKING:
    from otscli.validation import Rejected

_HEADER = re.compile(r"\s*\[\[?\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(?:#.*)?$")
_ID_KEY = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class Locator:
    """Finds the line of a record, or of a key inside it, in the text it was parsed from. Each kind of lookup
    scans the text once, the first time it is needed, so locating every record stays linear."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str]] = []
        self.starts: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, 1):
            if line.lstrip().startswith("["):
                match = _HEADER.match(line)
                if match:
                    name = match.group(1).replace(" ", "").strip("\"'")
                    self.headers.append((number, name))
                    self.starts.setdefault(name, []).append(number)
        self._id_lines: dict[str, list[int]] | None = None
        self.repeats: dict[str, list[int]] = {}  # per table, filled by describe
        self.record_starts = [number for number, name in self.headers if "." not in name]  # not [[event.disputed]]

    def id_line(self, record_id: str, occurrence: int = 0) -> int | None:
        """The line of the `occurrence`-th `id = "..."` with this id (0: the first)."""
        if self._id_lines is None:
            self._id_lines = {}
            for number, line in enumerate(self.lines, 1):
                for found in _ID_KEY.finditer(line):
                    self._id_lines.setdefault(found.group(1) or found.group(2), []).append(number)
        lines = self._id_lines.get(record_id, [])
        return lines[occurrence] if occurrence < len(lines) else None

    def record_line(self, table: str, index: int, record: object, occurrence: int = 0) -> int:
        """The line where record `index` of `table` starts: its header, else (in an inline array) the line of its
        id, the `occurrence`-th time that id is written, else the line that opens the table."""
        starts = self.starts.get(table, [])
        if index < len(starts):
            return starts[index]
        record_id = record.get("id") if isinstance(record, dict) else None
        if isinstance(record_id, str):
            line = self.id_line(record_id, occurrence)
            if line is not None:
                return line
        return next((number for number, line in enumerate(self.lines, 1) if re.match(rf"\s*{table}\s*=", line)), 1)

    def row_line(self, table: str, rows: Sequence[object], index: int) -> int:
        """The line where row `index` of the parsed `table` starts, told from rows of the same id before it."""
        if table not in self.repeats:
            self.repeats[table] = repeats([row.get("id") if isinstance(row, dict) else None for row in rows])
        return self.record_line(table, index, rows[index], self.repeats[table][index])

    def key_line(self, start: int, keys: Sequence[str]) -> int:
        """The line of the deepest of `keys` found in the record that starts at `start`."""
        following = bisect.bisect_right(self.record_starts, start)
        end = self.record_starts[following] if following < len(self.record_starts) else len(self.lines) + 1
        found = start
        for key in keys:
            pattern = re.compile(rf"""\s*["']?{re.escape(key)}["']?\s*=|\s*\[\[?\s*[\w.]*\b{re.escape(key)}\s*\]""")
            hit = next((n for n in range(found, end) if pattern.match(self.lines[n - 1])), None)
            if hit is not None:
                found = hit
        return found


class Origin(NamedTuple):
    """Where a record was written: its file and line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


# pydantic's messages, in the words of a data file's author.
_PLAIN_MESSAGES = {
    "extra_forbidden": "unknown key",
    "unexpected_keyword_argument": "unknown key",
    "missing": "required",
    "string_type": "should be text in quotes",
    "int_type": "should be a whole number",
    "float_type": "should be a number",
    "bool_type": "should be true or false",
    "tuple_type": "should be a list, [ ... ]",
    "list_type": "should be a list, [ ... ]",
    "dict_type": "should be a table, { ... }",
    "string_pattern_mismatch": "not an id: use letters, digits, '.', '_' and '-', starting with a letter or digit",
    "string_too_long": "too long",
}


def plain_message(item: Any) -> str:
    kind, context = item["type"], item.get("ctx") or {}
    if kind == "string_pattern_mismatch" and context.get("pattern") == LANGUAGE_PATTERN:
        return "not a language tag: write a BCP 47 tag such as en, tr, kk or uz-Cyrl"
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind]
    if kind == "too_short":
        return "needs at least one value"
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        allowed = re.findall(r"'([^']*)'", expected) or [expected]  # a literal number is not quoted: format 1
        given = item.get("input")
        close = difflib.get_close_matches(str(given), allowed, n=3, cutoff=0.5) if isinstance(given, str) else []
        hint = f"did you mean {', '.join(close)}?" if close else f"one of {', '.join(allowed)}"
        field = next((part for part in reversed(item["loc"]) if isinstance(part, str)), "value")
        return f"unknown {field} {given!r}; {hint}"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = context.get("ge", context.get("le"))
        return f"should be {'at least' if kind == 'greater_than_equal' else 'at most'} {bound}"
    return str(item["msg"]).removeprefix("Value error, ")


def repeats(ids: Sequence[object]) -> list[int]:
    """For each position, how many times its id was written before it: which occurrence of the id it is."""
    seen: dict[object, int] = {}
    counts = []
    for record_id in ids:
        key = record_id if isinstance(record_id, str) else None
        counts.append(seen.get(key, 0) if key is not None else 0)
        if key is not None:
            seen[key] = counts[-1] + 1
    return counts


def describe(item: Any, tables: dict[str, Any], locator: Locator, shown: str) -> Problem:
    """One pydantic error as a Problem: `file:line: event <id>: field: message`."""
    loc = item["loc"]
    message = printable(plain_message(item))
    if not loc or loc[0] not in TABLES or len(loc) < 2 or not isinstance(loc[1], int):
        where = locator.record_line(str(loc[0]), 0, None) if loc else 1
        return Problem(shown, message, where, field=".".join(map(str, loc)) or "file")
    table, index = loc[0], loc[1]
    record = tables[table][index]
    record_id = record.get("id") if isinstance(record, dict) else None
    named = record_id if isinstance(record_id, str) else None
    line = locator.row_line(table, tables[table], index)
    path = field_path(record, loc[2:])
    if not path:
        return Problem(shown, message, line, table=table, id=named, number=index + 1)
    line = locator.key_line(line, [part for part in path if not part.isdigit()])
    return Problem(shown, message, line, table=table, id=named, number=index + 1, field=".".join(path))


def field_path(record: object, loc: Iterable[object]) -> list[str]:
    """The parts of a pydantic location that name keys and indexes present in the input."""
    path: list[str] = []
    node = record
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(str(part))
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and not path:
            path.append(part)
            break
    return path


@dataclass(eq=False)
class LoadedFile:
    """A checked file, and where its records were written. The text is searched for lines only when a problem
    needs one, so a file without problems costs no line scanning at all. A file that failed validation keeps its
    valid records (`places` maps each to its index in the file) and its tables as parsed, for the records refused
    (`rejected`), whose references are still checked."""

    shown: str
    data: Any  # a record of otscli.kinds.data_file_type()
    text: str
    places: dict[tuple[str, int], int] | None = None
    parsed: dict[str, Any] | None = None
    rejected: Sequence[Rejected] = ()
    _repeats: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def locator(self) -> Locator:
        return Locator(self.text)

    def written(self, table: str, index: int) -> int:
        """The index in the file of record `index` of `table`, counted among the records kept."""
        return index if self.places is None else self.places.get((table, index), index)

    def origin(self, table: str, index: int) -> Origin:
        """The line where record `index` of `table` (counted among the records kept) starts."""
        records = getattr(self.data, table)
        if table not in self._repeats:
            self._repeats[table] = repeats([record.id for record in records])
        same_id_before = self._repeats[table][index]
        line = self.locator.record_line(table, self.written(table, index), {"id": records[index].id}, same_id_before)
        return Origin(self.shown, line)

    def rejected_origin(self, table: str, written: int) -> Origin:
        """The line where the refused record at index `written` of `table` in the file starts."""
        assert self.parsed is not None
        return Origin(self.shown, self.locator.row_line(table, self.parsed[table], written))

    def line_of(self, origin: Origin, field: str) -> Origin:
        return Origin(origin.file, self.locator.key_line(origin.line, [field]))
