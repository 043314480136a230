"""Safe append of one event to a user data file: locked, validated, atomic, never reformatting."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from otscli.atomic import TEMP_SUFFIX, write_atomically
from otscli.errors import DataError, UsageError, printable
from otscli.models import KINDS, STATUSES, Event
from otscli.names import build_index, fold
from otscli.query import choose, find_source, parse_date
from otscli.store import Locator, data_paths, decode, load_files, parse, read_text

LOCK_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class Draft:
    """An event as the user typed it: names, aliases and dates as text."""

    date: str
    title: str
    kind: str
    sources: Sequence[str]
    event_id: str | None = None
    end: str | None = None
    status: str = "held"
    organs: Sequence[str] = ()
    city: str | None = None
    states: Sequence[str] = ()
    online: bool = False
    summary: str = ""
    outcomes: Sequence[str] = ()
    tags: Sequence[str] = ()

    def resolve(self, extra: Sequence[Path], bundled: bool, target: str) -> Event:
        """The event, with every name resolved against the loaded data; a bad value is a UsageError."""
        from pydantic import ValidationError

        from otscli import validation

        catalog = load_files(data_paths(extra, bundled=bundled))
        if not self.sources:
            raise UsageError("add: give at least one --source")
        date = parse_date("--date", self.date)
        assert date is not None
        fields: dict[str, Any] = {
            "id": self.event_id if self.event_id is not None else default_id(str(date), self.title),
            "date": str(date),
            "title": self.title,
            "kind": choose("kind", self.kind, KINDS),
            "status": choose("status", self.status, STATUSES),
            "organs": [build_index("organ", catalog.organs).resolve(name) for name in self.organs],
            "states": [build_index("state", catalog.states).resolve(name) for name in self.states],
            "sources": [find_source(catalog, name).id for name in self.sources],
            "summary": self.summary,
            "outcomes": list(self.outcomes),
            "tags": list(self.tags),
        }
        if self.end is not None:
            fields["end"] = str(parse_date("--end", self.end))
        if self.city is not None:
            fields["city"] = build_index("city", catalog.cities).resolve(self.city)
        if self.online:
            fields["online"] = True
        try:
            event = validation.event(fields)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "event"
            raise UsageError(f"add: {where}: {printable(str(first['msg']).removeprefix('Value error, '))}") from None
        if event.id in catalog.event_by_id:
            raise DataError(f"{target}: not changed: an event with id {event.id!r} already exists; give another --id")
        return event


def default_id(date: str, title: str) -> str:
    """ "<date>-<title as a slug>", e.g. 2024-05-01-meeting-of-elders."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:60].rstrip("-")
    return f"{date}-{slug}" if slug else date


def append_event(target: Path, draft: Draft, extra: Sequence[Path], bundled: bool) -> Event:
    """Append `draft` to `target` under an exclusive lock; the file is replaced whole or not at all."""
    real = Path(os.path.realpath(target))
    real.parent.mkdir(parents=True, exist_ok=True)
    with exclusive_lock(real):
        remove_stale_temp_files(real)
        original = real.read_bytes() if real.exists() else b""
        shown = printable(str(target))
        if original:
            refuse_unless_appendable(real, original, shown)
        others = [path for path in extra if Path(os.path.realpath(path)) != real]
        event = draft.resolve([*others, real] if original else others, bundled, shown)
        updated = original + new_block(event, original)
        write_atomically(real, updated, lambda temp: load_files(data_paths([*others, temp], bundled=bundled)))
    return event


def refuse_unless_appendable(path: Path, original: bytes, shown: str) -> None:
    """The target must load now, and keep its events as [[event]] tables we can add one to."""
    text = decode(original, shown)
    tables = parse(text, shown)
    events = tables.get("event", [])
    headers = sum(1 for _, name in Locator(text).headers if name == "event")
    if not isinstance(events, list) or headers < len(events):
        raise DataError(f"{shown}: holds an inline 'event = [...]' array; add [[event]] tables by hand instead")
    read_text(path)


def new_block(event: Event, original: bytes) -> bytes:
    """The new [[event]] table, written by tomli-w, in the file's own line-ending style."""
    import tomli_w

    from otscli import validation

    data = validation.event_as_toml_data(event)
    data = {"id": data.pop("id"), **data}
    block = tomli_w.dumps({"event": [data]})
    newline = b"\r\n" if b"\r\n" in original else b"\n"
    lead = b""
    if original:
        lead = b"" if original.endswith((b"\n", b"\r")) else newline
        lead += newline
    return lead + block.encode("utf-8").replace(b"\n", newline)


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `<file>.lock` (kept, never deleted), waiting at most a few seconds."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise DataError(f"{printable(str(lock_path))}: cannot open lock: {error.strerror or error}") from None
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DataError(
                        f"{printable(str(path))}: locked by another writer for {LOCK_TIMEOUT_SECONDS:g} s; try again"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(descriptor)


def remove_stale_temp_files(path: Path) -> None:
    """Temp files of writers that were killed; safe to remove because we hold the lock."""
    for stale in path.parent.glob(f".{glob_escape(path.name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)
