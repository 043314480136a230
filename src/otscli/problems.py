"""A problem found in the data files, as a value: where it is (file, line, record, field) and what it is.

The loader and the checks return Problems; they become text (`file:line: event <id>: field: message`) or JSON
only at the edge, so that `ots validate` and `ots validate --json` tell the same problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from otscli.errors import DataError, printable

MAX_PROBLEMS = 100  # listed in full; past it, a count: a hostile file must not flood the terminal


class Problem(NamedTuple):
    """One problem. `file` is the file's name fit to print; `line` and `column` count from 1; a record is named by
    its table and id, or by its position in the table (`number`) when it has no usable id. A tuple: a file of
    many problems makes many of them."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    table: str | None = None
    id: str | None = None
    number: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file + "".join(f":{part}" for part in (self.line, self.column) if part is not None)
        parts = [where]
        if self.table is not None:
            parts.append(f"{self.table} {printable(self.id) if self.id is not None else f'#{self.number}'}")
        if self.field is not None:
            parts.append(printable(self.field))
        parts.append(self.message)
        return ": ".join(parts)

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "table": self.table,
            "id": self.id,
            "field": self.field,
            "message": self.message,
        }


def listed(problems: Sequence[Problem]) -> str:
    """The problems as lines, the first MAX_PROBLEMS of them, then how many more there are."""
    shown = [str(problem) for problem in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        shown.append(f"… and {len(problems) - MAX_PROBLEMS:,} more problems")
    return "\n".join(shown)


class InvalidData(DataError):
    """The data files hold problems; the message lists them, the exception keeps them as values."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(listed(problems))
        self.problems = tuple(problems)


def refuse(file: str, message: str, line: int | None = None, column: int | None = None) -> InvalidData:
    """The error for one problem of a whole file: unreadable, not UTF-8, not TOML."""
    return InvalidData([Problem(file, message, line, column)])
