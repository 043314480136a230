"""The two errors a user can meet: bad data (exit 1) and bad usage (exit 2)."""

from __future__ import annotations

from collections.abc import Callable
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
    """An option, a value or a name the user gave is wrong."""

    exit_code = 2


def printable(text: str) -> str:
    """Text safe to echo to a terminal: control, format and undecodable characters shown escaped."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


class Gathered:
    """Usage errors gathered while a command's values are resolved, to report them all at once."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def get(self, find: Callable[[str], T], value: str) -> T | None:
        """`find(value)`, or None with its UsageError kept."""
        try:
            return find(value)
        except UsageError as error:
            self.messages.append(error.message)
            return None

    def raise_any(self) -> None:
        if self.messages:
            raise UsageError("\n".join(self.messages))
