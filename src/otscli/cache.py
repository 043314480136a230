"""A cache of checked catalogs under $XDG_CACHE_HOME/otscli: for each list of data files, the merged,
cross-checked and sorted catalog, so that a repeated command parses and validates nothing.

What it trusts, and what it does not:
- Entries are `marshal` data of plain tuples, strings and numbers, rebuilt into the record types here.
  Unlike pickle, reading one cannot run code, whatever the file holds.
- The folder is used only if it is a real directory (not a symlink), owned by the user running ots, and
  writable by nobody else; entries are opened without following symlinks, only regular files owned by that
  user are read, and new entries are created exclusively under a fresh name, then renamed into place.
- An entry is used only when its key matches: the entry format, the ots and Python versions, and for every
  file the name it was given, and the real path, device, inode, size, modification and change times, taken
  from the open descriptor that the loader reads the file through, so a file swapped during a run is never
  cached under the old key.
- Anything wrong (no home folder, a relative XDG_CACHE_HOME, a foreign or damaged entry, a full disk) is a
  miss: the files are parsed afresh, never an error.
"""

from __future__ import annotations

import contextlib
import fcntl
import marshal
import operator
import os
import stat
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from otscli import __version__, background
from otscli.dates import PartialDate
from otscli.kinds import KINDS
from otscli.models import DATE_FIELDS, NESTED_RECORDS, Catalog, Event
from otscli.xdg import base_folder

FORMAT = 11  # the layout of an entry; raise it when the records change shape
MAX_ENTRY_BYTES = 1 << 30

# real path, device, inode, size, mtime_ns, ctime_ns, and the name as shown: the catalog keeps that name
# (Catalog.files, Event.origin), so a file named another way is another entry.
Key = tuple[str, int, int, int, int, int, str]


def folder() -> Path | None:
    """$XDG_CACHE_HOME/otscli, or ~/.cache/otscli; None when there is no such place."""
    base = base_folder("XDG_CACHE_HOME", ".cache")
    return None if base is None else base / "otscli"


@contextlib.contextmanager
def our_folder(*, create: bool) -> Iterator[int | None]:
    """A descriptor of the cache folder if it is ours: a directory, not a symlink, owned by us, writable by no one
    else; None otherwise."""
    path = folder()
    if path is None:
        yield None
        return
    if create:
        with contextlib.suppress(OSError):
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        yield None
        return
    try:
        info = os.fstat(descriptor)
        yield descriptor if info.st_uid == os.geteuid() and not info.st_mode & 0o022 else None
    finally:
        os.close(descriptor)


def entry_name(files: Sequence[Key]) -> str:
    """One entry per list of real paths: a file edited again replaces its entry, it does not add one."""
    names = "\0".join(key[0] for key in files).encode("utf-8", "surrogateescape")
    # Two CRC-32s make a 64-bit name without importing hashlib; a clash is only a miss, as the key is compared.
    return f"catalog-{zlib.crc32(names):08x}{zlib.crc32(names[::-1]):08x}.marshal"


def full_key(files: Sequence[Key]) -> tuple[object, ...]:
    return (FORMAT, __version__, tuple(sys.version_info[:2]), tuple(files))


def read(files: Sequence[Key]) -> Catalog | None:
    """The catalog stored for these files, if the entry is ours and still theirs; else None. When the entry is
    being written by an ots that has just answered (see write), it is waited for."""
    found = read_entry(files)
    if found is None and wait_for_writer(files):
        found = read_entry(files)
    return found


def read_entry(files: Sequence[Key]) -> Catalog | None:
    with our_folder(create=False) as directory:
        if directory is None:
            return None
        try:
            descriptor = os.open(
                entry_name(files), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=directory
            )
        except OSError:
            return None
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_size > MAX_ENTRY_BYTES:
                return None
            with os.fdopen(descriptor, "rb", closefd=False) as stream:
                key, payload = marshal.loads(stream.read())
            return decode_catalog(payload) if key == full_key(files) else None
        except Exception:  # damaged, truncated or of another shape: a miss
            return None
        finally:
            os.close(descriptor)


def write(files: Sequence[Key], catalog: Catalog) -> None:
    """Best effort: a cache that cannot be written is no reason to fail a command. From the console script the
    entry is written after the command has answered (otscli.background), under a lock that a reader waits on."""
    if not background.enabled:
        write_entry(files, catalog)
        return
    lock = lock_entry(files)  # taken now, before the command ends, so that no later run misses the entry

    def write_then_unlock() -> None:
        try:
            write_entry(files, catalog)
        finally:
            if lock is not None:
                os.close(lock)

    background.later(write_then_unlock)


WRITER_WAIT_SECONDS = 30.0  # the longest a reader waits for an entry being written (100k events take ~1 s)


def lock_name(files: Sequence[Key]) -> str:
    return entry_name(files) + ".lock"


def lock_entry(files: Sequence[Key]) -> int | None:
    """An exclusive lock on the entry's lock file, held until the descriptor is closed; None if it cannot be."""
    with our_folder(create=True) as directory:
        if directory is None:
            return None
        try:
            flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
            descriptor = os.open(lock_name(files), flags, 0o600, dir_fd=directory)
        except OSError:
            return None
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # a FIFO or device planted at the lock's name
            os.close(descriptor)
            return None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another ots is writing the same entry: it will do
            os.close(descriptor)
            return None
        return descriptor


def wait_for_writer(files: Sequence[Key]) -> bool:
    """Whether an entry for these files was being written; if so, returns once it is done (or after a while)."""
    with our_folder(create=False) as directory:
        if directory is None:
            return False
        try:
            flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC  # a FIFO must not block the open
            descriptor = os.open(lock_name(files), flags, dir_fd=directory)
        except OSError:
            return False
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            return False
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return False  # nobody is writing
        except BlockingIOError:
            pass
        deadline = time.monotonic() + WRITER_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.005)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                continue
        return False
    except OSError:
        return False
    finally:
        os.close(descriptor)


def write_entry(files: Sequence[Key], catalog: Catalog) -> None:
    from otscli.atomic import create_exclusive_at, write_all  # only a miss writes: not imported on every run

    with our_folder(create=True) as directory:
        if directory is None:
            return
        target = entry_name(files)
        temp = ""
        try:
            data = marshal.dumps((full_key(files), encode_catalog(catalog)))  # type: ignore[arg-type]
            descriptor, temp = create_exclusive_at(directory, target)
            try:
                write_all(descriptor, data)
            finally:
                os.close(descriptor)
            os.replace(temp, target, src_dir_fd=directory, dst_dir_fd=directory)
        except (OSError, ValueError):
            if temp:
                with contextlib.suppress(OSError):
                    os.unlink(temp, dir_fd=directory)


# Records as plain tuples of their field values, in field order. Dates become (year, month, day), one tuple
# for each distinct date, so that marshal stores each once and reading builds each once; nested records become
# tuples too. Rebuilding sets the fields directly, as pickle did: the values were checked when parsed.

_TABLES: tuple[tuple[str, type[Any]], ...] = tuple((kind.plural, kind.record_type) for kind in KINDS)
DateParts = tuple[int, int | None, int | None]


def _names(record_type: type[Any]) -> tuple[str, ...]:
    return tuple(field.name for field in fields(record_type))


def _encoder(record_type: type[Any], dates: dict[int, DateParts]) -> Callable[[Any], tuple[object, ...]]:
    names = _names(record_type)
    values_of = operator.attrgetter(*names)  # every field in one C call; only dates and nested records are redone

    def date_parts(value: PartialDate | None) -> DateParts | None:
        if value is None:
            return None
        parts = dates.get(id(value))  # by identity: equal dates are mostly one object, and hashing one is slow
        if parts is None:
            parts = dates[id(value)] = (value.year, value.month, value.day)
        return parts

    special = _conversions(names, date_parts, lambda nested: _encoder(nested, dates))

    def encode(record: Any) -> tuple[object, ...]:
        values = values_of(record)
        if not special:
            return values
        items = list(values)
        for index, convert in special:
            items[index] = convert(items[index])
        return tuple(items)

    return encode


def _decoder(record_type: type[Any], dates: dict[DateParts, PartialDate]) -> Callable[[tuple[object, ...]], Any]:
    names = _names(record_type)

    def date(parts: DateParts | None) -> PartialDate | None:
        if parts is None:
            return None
        found = dates.get(parts)
        if found is None:
            found = dates[parts] = PartialDate(*parts)  # checked again: a damaged entry is a miss
        return found

    special = [
        (names[index], convert) for index, convert in _conversions(names, date, lambda nested: _decoder(nested, dates))
    ]
    count, new, set_attribute = len(names), object.__new__, object.__setattr__

    def decode(values: tuple[object, ...]) -> Any:
        if len(values) != count:
            raise ValueError(f"a {record_type.__name__} of another shape")
        fields = dict(zip(names, values, strict=False))  # as many: checked above
        for name, convert in special:
            fields[name] = convert(fields[name])
        record = new(record_type)
        set_attribute(record, "__dict__", fields)
        return record

    return decode


def _conversions(
    names: tuple[str, ...], date: Callable[[Any], Any], nested: Callable[[type[Any]], Callable[[Any], Any]]
) -> list[tuple[int, Callable[[Any], Any]]]:
    """The values of a record that are not stored as they are, by their index in `names`, each with its
    conversion: a date by `date`, the records of a nested field each by `nested(their record type)`."""
    return [
        (index, date if name in DATE_FIELDS else _many(nested(NESTED_RECORDS[name])))
        for index, name in enumerate(names)
        if name in DATE_FIELDS or name in NESTED_RECORDS
    ]


def _many(convert: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    """`convert` for each nested record of a field."""
    return lambda values: tuple(map(convert, values))


def encode_catalog(catalog: Catalog) -> tuple[object, ...]:
    """The catalog as marshal data: each table marshalled apart, then the events' folded texts that a search
    reads (otscli.query.folded_texts), each with its CRC-32, so that reading the entry can leave what a command
    does not ask for as bytes (see decode_catalog)."""
    from otscli.query import folded_texts

    dates: dict[int, DateParts] = {}  # the catalog keeps every date alive, so no id is reused meanwhile
    tables = (
        *(marshal.dumps(tuple(map(_encoder(record_type, dates), getattr(catalog, table))))  # type: ignore[arg-type]
          for table, record_type in _TABLES),
        marshal.dumps(folded_texts(catalog)),
    )  # fmt: skip
    origins = tuple(event.origin for event in catalog.events)  # one string object per file: marshal stores it once
    checksums = tuple(map(zlib.crc32, tables))
    return (tables, checksums, None if catalog.as_of is None else str(catalog.as_of), catalog.files, origins)


def decode_catalog(payload: Any) -> Catalog:
    """The catalog of an entry. Every table's checksum is checked now, so that damage is a miss here and not an
    error later; the events are rebuilt now (every command but the registries' reads them), the other tables
    (932 sources in the bundled record alone) only when a command first asks for them (models.DeferredTable)."""
    from otscli.query import FOLDED_TEXTS

    tables, checksums, as_of, files, origins = payload
    if len(tables) != len(_TABLES) + 1 or tuple(map(zlib.crc32, tables)) != checksums:
        raise ValueError("a catalog of another shape, or damaged")
    dates: dict[DateParts, PartialDate] = {}

    def decoded(record_type: type[Any], data: bytes) -> Callable[[], list[Any]]:
        return lambda: list(map(_decoder(record_type, dates), marshal.loads(data)))

    *table_data, folded = tables
    deferred = {
        table: decoded(record_type, data) for (table, record_type), data in zip(_TABLES, table_data, strict=True)
    }
    deferred[FOLDED_TEXTS] = lambda: marshal.loads(folded)
    events: list[Event] = deferred.pop("events")()
    for event, origin in zip(events, origins, strict=True):
        if origin != Event.origin:
            object.__setattr__(event, "origin", str(origin))
    as_of_date = None if as_of is None else PartialDate.parse(str(as_of))
    return Catalog.with_deferred_tables(deferred, events=events, as_of=as_of_date, files=tuple(map(str, files)))
