"""Safe append of one event to a user data file: locked, validated, atomic, never reformatting."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from otscli.atomic import write_atomically, write_into
from otscli.citing import SourceDraft
from otscli.criteria import choose, parse_date
from otscli.errors import DataError, Gathered, UsageError, printable
from otscli.locator import Locator
from otscli.locking import exclusive_lock, remove_stale_temp_files
from otscli.models import KINDS, STATUSES, Catalog, Event, Source
from otscli.names import build_index, fold
from otscli.paths import data_paths
from otscli.query import find_source
from otscli.store import decode, extend, load_files, parse

CHANGE_RETRIES = 5


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
    cited: SourceDraft | None = None  # a source given by its address (--source-url)

    def resolve(self, catalog: Catalog, shown: str, cited_id: str | None = None) -> Event:
        """The event, with every name resolved against `catalog` (and citing `cited_id`, the source chosen for
        `cited`); a bad value is a UsageError."""
        from pydantic import ValidationError

        from otscli import validation

        if not self.sources and cited_id is None:
            raise UsageError("add: give at least one --source or --source-url")
        date = parse_date("date", self.date)
        assert date is not None
        gathered = Gathered()  # every unknown name of the command at once, not the first only
        named = [gathered.get(lambda name: find_source(catalog, name).id, name) for name in self.sources]
        organs, states = build_index("organ", catalog.organs), build_index("state", catalog.states)  # once an add
        fields: dict[str, Any] = {
            "id": self.event_id if self.event_id is not None else default_id(str(date), self.title),
            "date": str(date),
            "title": self.title,
            "kind": gathered.get(lambda kind: choose("kind", kind, KINDS), self.kind),
            "status": gathered.get(lambda status: choose("status", status, STATUSES), self.status),
            "organs": [gathered.get(organs.resolve, name) for name in self.organs],
            "states": [gathered.get(states.resolve, name) for name in self.states],
            "sources": [*named, *([cited_id] if cited_id is not None and cited_id not in named else [])],
            "summary": self.summary,
            "outcomes": list(self.outcomes),
            "tags": list(self.tags),
        }
        if self.end is not None:
            fields["end"] = gathered.get(lambda end: str(parse_date("end", end)), self.end)
        if self.city is not None:
            fields["city"] = gathered.get(build_index("city", catalog.cities).resolve, self.city)
        gathered.raise_any()
        if self.online:
            fields["online"] = True
        try:
            event = validation.event(fields)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "event"
            raise UsageError(f"add: {where}: {printable(str(first['msg']).removeprefix('Value error, '))}") from None
        if event.id in catalog.event_by_id:
            raise DataError(f"{shown}: not changed: an event with id {event.id!r} already exists; give another --id")
        return event


def default_id(date: str, title: str) -> str:
    """ "<date>-<title as a slug>", e.g. 2024-05-01-meeting-of-elders."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:60].rstrip("-")
    return f"{date}-{slug}" if slug else date


@dataclass(frozen=True)
class Snapshot:
    """What the target holds at one moment: its identity and its bytes (empty when it does not exist yet)."""

    identity: tuple[int, ...] | None
    content: bytes
    owner: tuple[int, int] | None = None
    mode: int | None = None

    @classmethod
    def take(cls, path: Path, shown: str) -> Snapshot:
        try:
            descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return cls(None, b"")
        except OSError as error:
            raise DataError(f"{shown}: not changed: cannot read: {error.strerror or error}") from None
        try:
            info = os.fstat(descriptor)
            refuse_unless_writable(info, shown)
            with os.fdopen(os.dup(descriptor), "rb") as stream:
                content = stream.read()
        finally:
            os.close(descriptor)
        identity = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        return cls(identity, content, (info.st_uid, info.st_gid), stat.S_IMODE(info.st_mode))

    def is_still(self, shown: str) -> Callable[[Path], bool]:
        """Asks, when called with a path, whether the file there is the one this snapshot saw, with the same
        bytes. The change time is left out: renaming a file (as a swap of names does) changes it."""

        def same(path: Path) -> bool:
            now = Snapshot.take(path, shown)
            return now.content == self.content and (now.identity or ())[:4] == (self.identity or ())[:4]

        return same


def refuse_unless_writable(info: os.stat_result, shown: str) -> None:
    """Only a regular file that its owner may write is appended to; root is held to the mode bits too."""
    if stat.S_ISDIR(info.st_mode):
        raise DataError(f"{shown}: not changed: is a directory, not a data file")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(f"{shown}: not changed: not a regular file; add writes only to a regular data file")
    if not info.st_mode & 0o222:
        raise DataError(f"{shown}: not changed: the file is read-only")


def resolve_target(target: Path, shown: str) -> Path:
    """The real file behind `target`, through any symlinks; a loop of links or a file we may not write is
    refused. A file that does not exist yet is created where the links lead."""
    try:
        target.stat()
    except FileNotFoundError:
        pass
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise DataError(f"{shown}: not changed: a loop of symbolic links") from None
        raise DataError(f"{shown}: not changed: {error.strerror or error}") from None
    real = Path(os.path.realpath(target))
    if real.exists() and not os.access(real, os.W_OK):
        raise DataError(f"{shown}: not changed: permission denied")
    return real


def append_event(target: Path, draft: Draft, extra: Sequence[Path], bundled: bool, *, user: bool = True) -> Event:
    """Append `draft` to `target`. Names are resolved and the event checked before the lock is taken; under the
    lock, the file as it is then is checked again with the event added, and replaced only if nobody changed it
    in the meantime (else read again and retried), so that nothing anyone wrote is lost."""
    shown = printable(str(target))
    real = resolve_target(target, shown)
    others = [path for path in data_paths(extra, bundled=bundled, user=user) if os.path.realpath(path) != str(real)]
    others_catalog = load_files(others, cache=True)
    before = Snapshot.take(real, shown)
    catalog = others_catalog
    if before.content:
        refuse_unless_appendable(before.content, shown)
        catalog = extend(others_catalog, shown, decode(before.content, shown))
    cited, is_new = draft.cited.choose(catalog) if draft.cited is not None else (None, False)
    event = draft.resolve(catalog, shown, cited.id if cited is not None else None)
    new_source = cited if is_new else None
    real.parent.mkdir(parents=True, exist_ok=True)
    with exclusive_lock(real):
        ours: bytes | None = None  # what the last replace put in place
        late: bytes = b""  # and what the file it replaced held afterwards
        for _ in range(CHANGE_RETRIES):
            remove_stale_temp_files(real)
            current = Snapshot.take(real, shown)
            base = current.content
            if ours is not None and current.content.startswith(ours):
                # What reached the file we replaced goes back in, with what was added to ours since, then the event.
                base = late + current.content[len(ours) :]
            if base:
                refuse_unless_appendable(base, shown)
            updated = base + new_block(event, base, new_source)
            try:
                extend(others_catalog, shown, decode(updated, shown))
            except DataError as error:
                raise DataError(
                    f"{shown}: not changed: the file would not load with the event:\n{error.message}"
                ) from None
            with held_open(real) as replaced:  # the file the rename is about to take the place of
                if not write_atomically(real, updated, unchanged=current.is_still(shown), like=current):
                    continue
                late = read_whole(replaced)
            if late == current.content:
                return event
            if late.startswith(current.content):  # an append reached the file we replaced: add it to ours too
                append_in_place(real, late[len(current.content) :], shown)
                return event
            ours = updated  # the file we replaced was rewritten after our last look: rebuild on what it holds
    if ours is not None:
        raise DataError(
            f"{shown}: the event was added, but another program wrote to the file at the same moment and what it "
            "wrote could not be put back; check the end of the file"
        )
    raise DataError(f"{shown}: not changed: another program kept changing the file while ots add ran; try again")


@contextlib.contextmanager
def held_open(path: Path) -> Iterator[int | None]:
    """A descriptor of the file at `path` now (None if there is none), which stays that file when it is renamed
    over: what is written to it after the rename can still be read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        yield None
        return
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def append_in_place(path: Path, content: bytes, shown: str) -> None:
    """Appends `content` to the file at `path`, as the program that wrote it meant to."""
    try:
        write_into(path, content, os.O_APPEND)
    except OSError as error:
        raise DataError(
            f"{shown}: the event was added, but what another program appended at the same moment could not be "
            f"put back ({error.strerror or error})"
        ) from None


def read_whole(descriptor: int | None) -> bytes:
    if descriptor is None:
        return b""
    chunks = []
    offset = 0
    while chunk := os.pread(descriptor, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def refuse_unless_appendable(original: bytes, shown: str) -> None:
    """The target must load now, and keep its events as [[event]] tables we can add one to."""
    text = decode(original, shown)
    tables = parse(text, shown)
    events = tables.get("event", [])
    headers = sum(1 for _, name in Locator(text).headers if name == "event")
    if not isinstance(events, list) or headers < len(events):
        raise DataError(f"{shown}: holds an inline 'event = [...]' array; add [[event]] tables by hand instead")


def new_block(event: Event, original: bytes, source: Source | None = None) -> bytes:
    """The new [[event]] table (after the new [[source]] it cites, if any), written by tomli-w, in the file's own
    line-ending style."""
    import tomli_w

    from otscli import validation

    data = validation.event_as_toml_data(event)
    data = {"id": data.pop("id"), **data}
    block = tomli_w.dumps({"event": [data]})
    if source is not None:
        cited = validation.adapter(Source).dump_python(source, mode="json", exclude_defaults=True)
        block = tomli_w.dumps({"source": [{"id": cited.pop("id"), **cited}]}) + "\n" + block
    newline = b"\r\n" if b"\r\n" in original else b"\n"
    lead = b""
    if original:
        lead = b"" if original.endswith((b"\n", b"\r")) else newline
        lead += newline
    return lead + block.encode("utf-8").replace(b"\n", newline)
