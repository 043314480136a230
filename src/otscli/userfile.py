"""A user's own data file as `edit` and `remove` see it: which of the user's files holds an event, the lines that
are that event's own, and a new content put in place under add's lock, identity check and atomic replace."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from otscli.append import CHANGE_RETRIES, Snapshot, resolve_target
from otscli.atomic import write_atomically
from otscli.checks import cross_check
from otscli.dates import sharing_dates
from otscli.errors import DataError, printable
from otscli.locator import LoadedFile, Locator
from otscli.locking import exclusive_lock, remove_stale_temp_files
from otscli.models import Catalog
from otscli.paths import bundled_path, data_paths
from otscli.problems import InvalidData, Problem
from otscli.store import check_file, combine, load_files, mark_origin, open_data_file, parse

BYTE_ORDER_MARK = b"\xef\xbb\xbf"
LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")  # TOML's lines, each with its end ("\n" or "\r\n")


@dataclass(frozen=True)
class Target:
    """The user file that holds an event, and the other files it is checked with."""

    path: Path  # as the user named it
    real: Path  # the file behind any symlinks
    shown: str
    every: tuple[Path, ...]  # every file of the record, this one among them

    def record_with(self, text: str) -> Catalog:
        """The whole record as it would be with `text` in this file, every file checked together (the others may
        refer to this one's records); a DataError lists every problem."""
        loaded: list[LoadedFile] = []
        problems: list[Problem] = []
        with sharing_dates():
            for path in self.every:
                if os.path.realpath(path) == str(self.real):
                    shown, content = self.shown, text
                else:
                    try:
                        shown, content = read_text(path)
                    except InvalidData as error:
                        problems += error.problems
                        continue
                checked, found = check_file(shown, content)
                problems += found
                if checked is not None:
                    mark_origin(checked, "bundled" if path == bundled_path() else shown)
                    loaded.append(checked)
        problems += cross_check(loaded)
        if problems:
            raise InvalidData(problems)
        return combine(loaded)


def read_text(path: Path) -> tuple[str, str]:
    """A data file's name as shown, and its text."""
    opened = open_data_file(path)
    try:
        return opened.shown, opened.read_text()
    finally:
        os.close(opened.descriptor)


def own_files(file: Path | None, extra: Sequence[Path], *, bundled: bool, user: bool) -> list[Path]:
    """The files an event may be edited or taken out of: `file` if given, else every data file read besides the
    bundled record (the user file, OTS_DATA, --data)."""
    if file is not None:
        return [file]
    every = data_paths(extra, bundled=bundled, user=user)
    return [path for path in every if path != bundled_path()] if bundled else every


def holding(event_id: str, file: Path | None, extra: Sequence[Path], *, bundled: bool, user: bool) -> Target:
    """The user file whose [[event]] tables hold `event_id`; else a DataError that says where that id lives (the
    bundled record, another file, or nowhere, with the ids it resembles)."""
    candidates = own_files(file, extra, bundled=bundled, user=user)
    found = [path for path in candidates if event_id in event_ids(path)]
    if len(found) > 1:
        named = ", ".join(printable(str(path)) for path in found)
        raise DataError(f"{printable(event_id)}: not changed: this id is in more than one of your files: {named}")
    if not found:
        raise DataError(nowhere(event_id, file, extra, candidates, bundled=bundled, user=user))
    path = found[0]
    shown = printable(str(path))
    real = resolve_target(path, shown)
    every = data_paths([*extra, path], bundled=bundled, user=user)  # the file is read once, however it is named
    return Target(path, real, shown, tuple(every))


def event_ids(path: Path) -> list[str]:
    """The ids of the events a file holds; none if it does not exist."""
    if not path.exists():
        return []
    shown, text = read_text(path)
    events = parse(text, shown).get("event", [])
    listed = events if isinstance(events, list) else []
    return [str(record.get("id")) for record in listed if isinstance(record, dict)]


def nowhere(event_id: str, file: Path | None, extra: Sequence[Path], mine: Sequence[Path], **reads: bool) -> str:
    """Why `event_id` cannot be changed: where it lives instead, in one line."""
    from otscli.errors import UsageError
    from otscli.query import find_event

    named = [file] if file is not None and file.exists() else []
    catalog = load_files(data_paths([*extra, *named], **reads), cache=True)
    wanted = printable(event_id)
    event = catalog.event_by_id.get(event_id)
    if event is None:
        try:
            close = find_event(catalog, event_id)  # a case or a prefix away
        except UsageError as error:  # unknown, with the ids it resembles; or ambiguous
            return error.message
        return f"unknown event {wanted!r}; did you mean {close.id}?"
    yours = ", ".join(printable(str(path)) for path in mine) or "you have none yet"
    if event.origin == "bundled":
        return f"{wanted} is in the bundled record, not in your files ({yours}); only your own events can be changed"
    return f"{wanted} is in {event.origin}, not in {yours}; name that file with --file"


@dataclass(frozen=True)
class Block:
    """Where one event is in its file's text. lines[start:end] are its own: its [[event]] header, its keys and
    sub-tables, through its last line that is not blank or a comment; lines[above:start] are the comment lines
    directly above its header (no blank line between), which describe it."""

    lines: tuple[str, ...]
    above: int
    start: int
    end: int

    @property
    def text(self) -> str:
        return "".join(self.lines[self.start : self.end])

    @property
    def with_comments(self) -> str:
        return "".join(self.lines[self.above : self.end])

    def replaced(self, new: str) -> str:
        """The file's text with the event's own lines replaced by `new`; every other line as it was."""
        rest = "".join(self.lines[self.end :])
        if rest and new and not new.endswith("\n"):
            new += "\r\n" if self.text.endswith("\r\n") else "\n"
        return "".join(self.lines[: self.start]) + new + rest

    def removed(self) -> str:
        """The file's text without the event, the comments directly above it and the blank lines that followed it
        (or, at the end of the file, that preceded it); every other line as it was."""
        first, last = self.above, self.end
        while last < len(self.lines) and not self.lines[last].strip():
            last += 1
        if last == len(self.lines):
            while first > 0 and not self.lines[first - 1].strip():
                first -= 1
        return "".join(self.lines[:first]) + "".join(self.lines[last:])


def find_block(text: str, event_id: str, shown: str) -> Block:
    """The lines of the event `event_id` in `text`. The result is checked by parsing: the event's lines hold that
    event alone, and the text without them holds everything else, unchanged; else a DataError."""
    tables = parse(text, shown)
    events = tables.get("event", [])
    lines = tuple(LINES.findall(text))
    headers = headers_of(lines)
    starts = [number for number, name in headers if name == "event"]
    if not isinstance(events, list) or len(starts) < len(events):
        raise DataError(f"{shown}: not changed: its events are not all written as [[event]] tables; edit it by hand")
    unclear = DataError(
        f"{shown}: not changed: cannot tell the lines of event {printable(event_id)} apart; edit it by hand"
    )
    if len(starts) > len(events):  # a line inside a multi-line string that reads like a header
        raise unclear
    index = next((number for number, record in enumerate(events) if record.get("id") == event_id), None)
    if index is None:  # taken out by another program since the file was first read
        raise DataError(f"{shown}: not changed: it holds no event {printable(event_id)} any more")
    start = starts[index]
    following = next((number for number, name in headers if number > start and not name.startswith("event.")),
                     len(lines))  # fmt: skip
    end = start + 1
    for number in range(start + 1, following):
        if not is_blank_or_comment(lines[number]):
            end = number + 1
    above = start
    while above > 0 and lines[above - 1].lstrip().startswith("#"):
        above -= 1
    block = Block(lines, above, start, end)
    rest = without_event(tables, index)
    if parse(block.text, shown) != {"event": [events[index]]} or parse(block.removed(), shown) != rest:
        raise unclear
    return block


def headers_of(lines: Sequence[str]) -> list[tuple[int, str]]:
    """The index and table name of each header line ([[event]], [[event.disputed]], ...), as the loader reads
    them; line by line, so that the indexes are those of `lines` whatever other line breaks a comment holds."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        if line.lstrip().startswith("["):
            found += [(number, name) for line_number, name in Locator(line).headers if line_number == 1]
    return found


def is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def without_event(tables: dict[str, Any], index: int) -> dict[str, Any]:
    """The parsed tables of a file with its `index`-th event left out."""
    events = [record for number, record in enumerate(tables["event"]) if number != index]
    rest = {key: value for key, value in tables.items() if key != "event"}
    return {**rest, "event": events} if events else rest


def split_mark(content: bytes) -> tuple[bytes, bytes]:
    """A file's byte-order mark (kept as it was) and the rest."""
    if content.startswith(BYTE_ORDER_MARK):
        return BYTE_ORDER_MARK, content[len(BYTE_ORDER_MARK) :]
    return b"", content


def put_in_place(target: Target, change: Callable[[Snapshot], bytes], *, expected: Snapshot | None = None) -> None:
    """Writes what `change` makes of the file as it is, under the lock, replacing the file only if it is still
    the one `change` saw (and, when `expected` is given, the one the user started from: else it refuses)."""
    with exclusive_lock(target.real):
        for _ in range(CHANGE_RETRIES):
            remove_stale_temp_files(target.real)
            current = Snapshot.take(target.real, target.shown)
            if expected is not None and not expected.is_still(target.shown)(target.real):
                raise ChangedMeanwhile(target.shown)
            updated = change(current)
            if write_atomically(target.real, updated, unchanged=current.is_still(target.shown), like=current):
                return
    raise DataError(f"{target.shown}: not changed: another program kept changing the file; try again")


class ChangedMeanwhile(DataError):
    """The file changed after the user began: their change is not written over it."""

    def __init__(self, shown: str) -> None:
        super().__init__(f"{shown}: not changed: another program changed the file meanwhile")
