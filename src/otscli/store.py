"""TOML files -> Catalog: read, parse, validate and merge the data files, every problem found kept as a Problem.

Where the files are is otscli.paths; where a problem is in a file's text, otscli.locator; the checks across
files, otscli.checks. A run answered from the cache imports none of those, nor the kinds of record.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from otscli.dates import sharing_dates
from otscli.errors import printable
from otscli.models import Catalog, Event
from otscli.paths import bundled_path, data_paths
from otscli.problems import InvalidData, Problem, refuse

if TYPE_CHECKING:
    from otscli.cache import Key
    from otscli.locator import LoadedFile

MAX_FILE_BYTES = 64 * 1024 * 1024
TOP_LEVEL_KEYS = ("format", "as_of")  # the keys of a data file that are not tables
MAX_KEY_PARTS = 64  # tomllib's memory grows with the square of a dotted key's parts: 50,000 parts took 9.6 GB
_MANY_DOTS = re.compile(rf"\.(?:[^.\n]*+\.){{{MAX_KEY_PARTS}}}")  # more than that many dots on one line
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def load(extra: Sequence[Path] = (), *, bundled: bool = True, user: bool = True, cache: bool = True) -> Catalog:
    """Load, check and merge the data files; an InvalidData error holds every problem found."""
    return load_files(data_paths(extra, bundled=bundled, user=user), cache=cache)


def check(extra: Sequence[Path] = (), *, bundled: bool = True, user: bool = True) -> tuple[Problem, ...]:
    """Every problem in the data files; none when they load clean."""
    try:
        load(extra, bundled=bundled, user=user)
    except InvalidData as error:
        return error.problems
    return ()


class OpenFile(NamedTuple):
    """A data file opened for reading, with the identity of what the descriptor holds."""

    path: Path
    shown: str
    descriptor: int
    key: Key

    def read_text(self) -> str:
        with os.fdopen(os.dup(self.descriptor), "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise refuse(self.shown, f"larger than the {MAX_FILE_BYTES // 2**20} MiB limit for a data file")
        return decode(raw, self.shown)


def open_data_file(path: Path) -> OpenFile:
    """Opens a data file; refuses what is not a readable, reasonably sized regular file. Opening does not block
    on a FIFO, and what is read later is what this descriptor holds."""
    shown = printable(str(path))
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise refuse(shown, "no such file") from None
    except PermissionError:
        raise refuse(shown, "permission denied") from None
    except IsADirectoryError:
        raise refuse(shown, "is a directory, not a data file") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise refuse(shown, "a loop of symbolic links") from None
        raise refuse(shown, f"cannot read: {error.strerror or error}") from None
    info = os.fstat(descriptor)
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = "is a directory, not a data file"
    elif not stat.S_ISREG(info.st_mode):
        problem = "not a regular file"
    elif info.st_size > MAX_FILE_BYTES:
        problem = f"larger than the {MAX_FILE_BYTES // 2**20} MiB limit for a data file"
    if problem is not None:
        os.close(descriptor)
        raise refuse(shown, problem)
    key = (os.path.realpath(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, shown)
    return OpenFile(path, shown, descriptor, key)


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 text without a byte-order mark; invalid bytes reported by line and column."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise refuse(shown, f"invalid UTF-8 (byte 0x{raw[error.start]:02x})", line, column) from None


def parse(text: str, shown: str) -> dict[str, Any]:
    """TOML text -> tables; syntax errors carry line and column (otscli.toml_text reads it as tomli does)."""
    import tomli

    from otscli import toml_text

    refuse_long_dotted_keys(text, shown)
    try:
        return toml_text.loads(text)
    except tomli.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        if position is None:
            raise refuse(shown, f"TOML syntax: {message}") from None
        line, column = position.groups()
        reason = message[: position.start()].strip()
        raise refuse(shown, f"TOML syntax: {printable(reason)}", int(line), int(column)) from None
    except RecursionError:
        raise refuse(shown, "TOML nested too deeply to read") from None


def refuse_long_dotted_keys(text: str, shown: str) -> None:
    """Refuses a key of more than MAX_KEY_PARTS dotted parts before the parser sees it."""
    if text.count(".") <= MAX_KEY_PARTS:
        return
    for found in _MANY_DOTS.finditer(text):  # only the lines with that many dots: a regex scan, not a Python loop
        start = text.rfind("\n", 0, found.start()) + 1
        line = text[start : found.end()]
        key = line.split("=", 1)[0]
        in_string = text.count('"""', 0, start) % 2 or text.count("'''", 0, start) % 2  # a multi-line one
        if key.count(".") > MAX_KEY_PARTS and not in_string and '"""' not in key and "'''" not in key:
            number = text.count("\n", 0, start) + 1
            raise refuse(shown, f"a key of more than {MAX_KEY_PARTS} dotted parts", number)


def check_file(shown: str, text: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse and validate one file (`shown` is its name, fit to print); returns it and the problems in it. A file
    with problems comes back with its valid records only, so that duplicates and references are checked too."""
    from otscli.kinds import TABLES
    from otscli.locator import LoadedFile, Locator, describe

    tables = parse(text, shown)
    share_strings(tables)
    known_keys = (*TOP_LEVEL_KEYS, *TABLES)
    unknown = [key for key in tables if key not in known_keys]
    problems: list[Problem] = []
    locator: Locator | None = None
    if unknown:  # lines are looked for only when a problem needs one
        locator = Locator(text)
        expected = ", ".join(known_keys)
        problems = [Problem(shown, f"unknown table {printable(key)!r}; expected one of {expected}",
                            locator.record_line(key, 0, None)) for key in unknown]  # fmt: skip
    from pydantic import ValidationError

    from otscli import validation

    try:
        data = validation.data_file({key: value for key, value in tables.items() if key in known_keys})
    except ValidationError as error:
        locator = locator or Locator(text)
        problems += [describe(error_item, tables, locator, shown) for error_item in error.errors()]
        partial, places, rejected = validation.valid_part(tables)  # checked against the other files too
        return LoadedFile(shown, partial, text, places, tables, rejected), problems
    except RecursionError:
        return None, [Problem(shown, "data nested too deeply to read")]
    if problems:
        return None, problems
    return LoadedFile(shown, data, text), []


# The fields whose values repeat across thousands of records: lists of ids, and the short words of a record.
_SHARED_LISTS = ("organs", "states", "sources", "tags", "aliases")
_SHARED_WORDS = ("kind", "status", "city", "format", "state", "organ")


def share_strings(tables: dict[str, Any]) -> None:
    """Makes equal ids and words in the records one object, so that the cache stores and loads each of them once.
    Only the fields where they repeat are visited: a pass over every value cost 6% of a first run."""
    seen: dict[str, str] = {}
    share = seen.setdefault
    for records in tables.values():
        for record in records if type(records) is list else ():
            if type(record) is not dict:
                continue
            for key in _SHARED_LISTS:
                value = record.get(key)
                if type(value) is list:
                    try:  # noqa: SIM105 - contextlib.suppress here cost as much as the sharing itself
                        record[key] = list(map(share, value, value))
                    except TypeError:  # an item that cannot be a key is no string: validation reports it
                        pass
            for key in _SHARED_WORDS:
                value = record.get(key)
                if type(value) is str:
                    record[key] = share(value, value)


def load_files(paths: Sequence[Path], *, cache: bool = False) -> Catalog:
    """Load every file, check ids and references across all, and merge them; from the cache when it is fresh."""
    from otscli import cache as cached

    problems: list[Problem] = []
    opened: list[OpenFile] = []
    try:
        for path in paths:
            try:
                opened.append(open_data_file(path))
            except InvalidData as error:
                problems += error.problems
        keys = [file.key for file in opened]
        if cache and not problems:
            hit = cached.read(keys)
            if hit is not None:
                return hit
        catalog = merge_files(opened, problems)
    finally:
        for file in opened:
            os.close(file.descriptor)
    if cache:
        cached.write(keys, catalog)
    return catalog


def merge_files(opened: Sequence[OpenFile], problems: list[Problem]) -> Catalog:
    from otscli.checks import cross_check

    loaded: list[LoadedFile] = []
    with sharing_dates():
        for file in opened:
            try:
                checked, file_problems = check_file(file.shown, file.read_text())
            except InvalidData as error:
                problems += error.problems
                continue
            problems += file_problems
            if checked is not None:
                mark_origin(checked, "bundled" if file.path == bundled_path() else file.shown)
                loaded.append(checked)
    problems += cross_check(loaded)
    if problems:
        raise InvalidData(problems)
    return combine(loaded)


def mark_origin(file: LoadedFile, origin: str) -> None:
    """Tells each event of `file` where it was read from (Event.origin): "bundled" is the default."""
    if origin != Event.origin:
        for event in file.data.event:
            object.__setattr__(event, "origin", origin)


def combine(loaded: Sequence[LoadedFile]) -> Catalog:
    """Checked files as one catalog, events sorted by interval, then id."""
    from otscli.kinds import KINDS

    tables = {kind.plural: [record for file in loaded for record in getattr(file.data, kind.table)] for kind in KINDS}
    tables["events"].sort(key=lambda event: event.sort_key)
    checked = [file.data.as_of for file in loaded if file.data.as_of is not None]
    as_of = min(checked, key=lambda date: date.start) if checked else None
    return Catalog(as_of=as_of, files=tuple(file.shown for file in loaded if file.text), **tables)


def extend(catalog: Catalog, shown: str, text: str) -> Catalog:
    """`catalog` with one more file's text, checked on its own and against it; InvalidData lists every problem."""
    from otscli.checks import cross_check
    from otscli.kinds import KINDS, data_file_type
    from otscli.locator import LoadedFile

    with sharing_dates():
        checked, problems = check_file(shown, text)
    if checked is None or problems:
        raise InvalidData(problems)
    mark_origin(checked, shown)
    tables = data_file_type()(as_of=catalog.as_of, **{kind.table: getattr(catalog, kind.plural) for kind in KINDS})
    loaded = [LoadedFile("(the other data files)", tables, ""), checked]
    problems = cross_check(loaded)
    if problems:
        raise InvalidData(problems)
    return combine(loaded)
