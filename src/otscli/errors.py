"""The two errors a user can meet: bad data (exit 1) and bad usage (exit 2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


class OtsError(Exception):
    """An error with a message fit for a user and the exit code it ends in."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DataError(OtsError):
    """A data file is missing, unreadable, malformed or invalid."""

    exit_code = 1


class UsageError(OtsError):
    """An option, a value or a name the user gave is wrong. The library says what is wrong with the value; the
    command layer names the option it came by (`option`, a Criteria field such as "since") and, when `listing`
    names a kind of record, the command that lists them."""

    exit_code = 2

    def __init__(self, message: str, *, option: str | None = None, listing: str | None = None) -> None:
        super().__init__(message)
        self.option = option
        self.listing = listing


class UnknownName(UsageError):
    """No record of this kind has this name or id: the name as typed and the closest known ones, best first."""

    def __init__(self, what: str, value: str, suggestions: Sequence[str] = (), *, shown: str | None = None) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {what} {shown or repr(value)}{hint}", listing=None if suggestions else what)
        self.what = what
        self.value = value
        self.suggestions = tuple(suggestions)


def printable(text: str) -> str:
    """Text safe to echo to a terminal: control, format and undecodable characters shown escaped."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


class UsageErrors(UsageError):
    """Several usage errors of one command, reported together; the command layer words each."""

    def __init__(self, errors: Sequence[UsageError]) -> None:
        super().__init__("\n".join(error.message for error in errors))
        self.errors = tuple(errors)


class Gathered:
    """Usage errors gathered while a command's values are resolved, to report them all at once."""

    def __init__(self) -> None:
        self.errors: list[UsageError] = []

    def get(self, find: Callable[[str], T], value: str) -> T | None:
        """`find(value)`, or None with its UsageError kept."""
        try:
            return find(value)
        except UsageError as error:
            self.errors.append(error)
            return None

    def raise_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise UsageErrors(self.errors)
