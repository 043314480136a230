"""TOML files -> Catalog: read, parse, validate, merge; every problem reported with file:line."""

from __future__ import annotations

import bisect
import difflib
import errno
import itertools
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from otscli.errors import DataError, printable
from otscli.models import LANGUAGE_PATTERN, Catalog, DataFile, Event, sharing_dates
from otscli.names import NameIndex
from otscli.xdg import base_folder

if TYPE_CHECKING:
    from otscli.cache import Key

MAX_FILE_BYTES = 64 * 1024 * 1024
TABLES = ("source", "organ", "state", "city", "event", "claim")
TOP_LEVEL_KEYS = ("format", "as_of")  # the keys of a data file that are not tables
_HEADER = re.compile(r"\s*\[\[?\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(?:#.*)?$")
_ID_KEY = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
MAX_KEY_PARTS = 64  # tomllib's memory grows with the square of a dotted key's parts: 50,000 parts took 9.6 GB
_MANY_DOTS = re.compile(rf"\.(?:[^.\n]*+\.){{{MAX_KEY_PARTS}}}")  # more than that many dots on one line
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def bundled_path() -> Path:
    """The curated data file: inside the installed package, or in the source tree."""
    packaged = Path(__file__).parent / "data" / "events.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "events.toml"


def bundled_as_of() -> str | None:
    """The day up to which the bundled record was checked, read from the top of its file without loading it (for
    `ots --version`, which must stay quick)."""
    try:
        with bundled_path().open("rb") as stream:
            head = stream.read(8192).decode("utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r'(?m)^as_of\s*=\s*"?([0-9]{4}-[0-9]{2}-[0-9]{2})"?\s*(?:#.*)?$', head)
    return found.group(1) if found else None


def user_data_path() -> Path | None:
    """The default file for a user's own events: $XDG_DATA_HOME/otscli/events.toml, or under ~/.local/share;
    None when there is no home folder to put it in."""
    base = base_folder("XDG_DATA_HOME", ".local", "share")
    return None if base is None else base / "otscli" / "events.toml"


def env_data_paths() -> list[Path]:
    """The files named by OTS_DATA, a list separated like PATH."""
    return [Path(part) for part in os.environ.get("OTS_DATA", "").split(os.pathsep) if part]


def data_paths(extra: Sequence[Path], *, bundled: bool = True, user: bool = True) -> list[Path]:
    """Every file a command reads, in order: bundled, the user file if present, OTS_DATA, --data; a file named
    twice (under two spellings, or through a symlink) is read once."""
    user_file = user_data_path() if user else None
    candidates = [bundled_path()] if bundled else []
    if user_file is not None and user_file.is_file():
        candidates.append(user_file)
    paths: list[Path] = []
    seen: set[str] = set()
    for path in [*candidates, *env_data_paths(), *extra]:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            paths.append(path)
    return paths


def load(extra: Sequence[Path] = (), *, bundled: bool = True, user: bool = True, cache: bool = True) -> Catalog:
    """Load, check and merge the data files; a DataError lists every problem found."""
    return load_files(data_paths(extra, bundled=bundled, user=user), cache=cache)


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
            raise DataError(f"{self.shown}: larger than the {MAX_FILE_BYTES // 2**20} MiB limit for a data file")
        return decode(raw, self.shown)


def open_data_file(path: Path) -> OpenFile:
    """Opens a data file; refuses what is not a readable, reasonably sized regular file. Opening does not block
    on a FIFO, and what is read later is what this descriptor holds."""
    shown = printable(str(path))
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise DataError(f"{shown}: no such file") from None
    except PermissionError:
        raise DataError(f"{shown}: permission denied") from None
    except IsADirectoryError:
        raise DataError(f"{shown}: is a directory, not a data file") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise DataError(f"{shown}: a loop of symbolic links") from None
        raise DataError(f"{shown}: cannot read: {error.strerror or error}") from None
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
        raise DataError(f"{shown}: {problem}")
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
        raise DataError(f"{shown}:{line}:{column}: invalid UTF-8 (byte 0x{raw[error.start]:02x})") from None


def parse(text: str, shown: str) -> dict[str, Any]:
    """TOML text -> tables; syntax errors carry line and column."""
    import tomli  # the compiled build of the parser that became tomllib: same tables and messages, 2-3x faster

    refuse_long_dotted_keys(text, shown)
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        if position is None:
            raise DataError(f"{shown}: TOML syntax: {message}") from None
        line, column = position.groups()
        reason = message[: position.start()].strip()
        raise DataError(f"{shown}:{line}:{column}: TOML syntax: {printable(reason)}") from None
    except RecursionError:
        raise DataError(f"{shown}: TOML nested too deeply to read") from None


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
            raise DataError(f"{shown}:{number}: a key of more than {MAX_KEY_PARTS} dotted parts")


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


class LoadedFile:
    """A checked file, and where its records were written. The text is searched for lines only when a problem
    needs one, so a file without problems costs no line scanning at all."""

    def __init__(self, shown: str, data: DataFile, text: str, places: dict[tuple[str, int], int] | None = None):
        self.shown = shown
        self.data = data
        self.text = text
        self.places = places  # for a partly valid file: (table, index kept) -> index in the file
        self._locator: Locator | None = None
        self._repeats: dict[str, list[int]] = {}

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = Locator(self.text)
        return self._locator

    def origin(self, table: str, index: int) -> Origin:
        """The line where record `index` of `table` (counted among the records kept) starts."""
        written = index if self.places is None else self.places.get((table, index), index)
        records = getattr(self.data, table)
        if table not in self._repeats:
            self._repeats[table] = repeats([record.id for record in records])
        same_id_before = self._repeats[table][index]
        return Origin(self.shown, self.locator.record_line(table, written, {"id": records[index].id}, same_id_before))

    def line_of(self, origin: Origin, field: str) -> Origin:
        return Origin(origin.file, self.locator.key_line(origin.line, [field]))


def check_file(shown: str, text: str) -> tuple[LoadedFile | None, list[str]]:
    """Parse and validate one file (`shown` is its name, fit to print); returns it and the problems in it. A file
    with problems comes back with its valid records only, so that duplicates and references are checked too."""
    tables = parse(text, shown)
    share_strings(tables)
    unknown = [key for key in tables if key not in (*TOP_LEVEL_KEYS, *TABLES)]
    problems: list[str] = []
    locator: Locator | None = None
    if unknown:  # lines are looked for only when a problem needs one
        locator = Locator(text)
        expected = ", ".join((*TOP_LEVEL_KEYS, *TABLES))
        problems = [f"{shown}:{locator.record_line(key, 0, None)}: unknown table {printable(key)!r}; expected one "
                    f"of {expected}" for key in unknown]  # fmt: skip
    from pydantic import ValidationError

    from otscli import validation

    try:
        data = validation.data_file({key: value for key, value in tables.items() if key in (*TOP_LEVEL_KEYS, *TABLES)})
    except ValidationError as error:
        locator = locator or Locator(text)
        problems += [describe(error_item, tables, locator, shown) for error_item in error.errors()]
        partial, places = validation.valid_part(tables)  # still checked against the other files, in the same pass
        return LoadedFile(shown, partial, text, places), problems
    except RecursionError:
        return None, [f"{shown}: data nested too deeply to read"]
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


def describe(item: Any, tables: dict[str, Any], locator: Locator, shown: str) -> str:
    """One pydantic error as `file:line: event <id>: field: message`."""
    loc = item["loc"]
    message = printable(plain_message(item))
    if not loc or loc[0] not in TABLES or len(loc) < 2 or not isinstance(loc[1], int):
        where = locator.record_line(str(loc[0]), 0, None) if loc else 1
        return f"{shown}:{where}: {printable('.'.join(map(str, loc))) or 'file'}: {message}"
    table, index = loc[0], loc[1]
    record = tables[table][index]
    record_id = record.get("id") if isinstance(record, dict) else None
    if table not in locator.repeats:
        locator.repeats[table] = repeats([row.get("id") if isinstance(row, dict) else None for row in tables[table]])
    same_id_before = locator.repeats[table][index]
    origin = Origin(shown, locator.record_line(table, index, record, same_id_before))
    label = f"{table} {printable(record_id)}" if isinstance(record_id, str) else f"{table} #{index + 1}"
    path = field_path(record, loc[2:])
    if not path:
        return f"{origin}: {label}: {message}"
    line = locator.key_line(origin.line, [part for part in path if not part.isdigit()])
    return f"{shown}:{line}: {label}: {printable('.'.join(path))}: {message}"


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


def load_files(paths: Sequence[Path], *, cache: bool = False) -> Catalog:
    """Load every file, check ids and references across all, and merge them; from the cache when it is fresh."""
    from otscli import cache as cached

    problems: list[str] = []
    opened: list[OpenFile] = []
    try:
        for path in paths:
            try:
                opened.append(open_data_file(path))
            except DataError as error:
                problems.append(error.message)
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


MAX_PROBLEMS = 100  # listed in full; past it, a count: a hostile file must not flood the terminal
MAX_SUGGESTIONS = 10  # problems given a "did you mean": each costs a pass over every known id


def listed(problems: Sequence[str]) -> str:
    """The problems as lines, the first MAX_PROBLEMS of them, then how many more there are."""
    shown = list(problems[:MAX_PROBLEMS])
    if len(problems) > MAX_PROBLEMS:
        shown.append(f"… and {len(problems) - MAX_PROBLEMS:,} more problems")
    return "\n".join(shown)


def merge_files(opened: Sequence[OpenFile], problems: list[str]) -> Catalog:
    loaded: list[LoadedFile] = []
    with sharing_dates():
        for file in opened:
            try:
                checked, file_problems = check_file(file.shown, file.read_text())
            except DataError as error:
                problems.append(error.message)
                continue
            problems += file_problems
            if checked is not None:
                mark_origin(checked, "bundled" if file.path == bundled_path() else file.shown)
                loaded.append(checked)
    problems += cross_check(loaded)
    if problems:
        raise DataError(listed(problems))
    return combine(loaded)


def mark_origin(file: LoadedFile, origin: str) -> None:
    """Tells each event of `file` where it was read from (Event.origin): "bundled" is the default."""
    if origin != Event.origin:
        for event in file.data.event:
            object.__setattr__(event, "origin", origin)


def combine(loaded: Sequence[LoadedFile]) -> Catalog:
    """Checked files as one catalog, events sorted by interval, then id."""
    events = sorted((event for file in loaded for event in file.data.event), key=lambda event: event.sort_key)
    checked = [file.data.as_of for file in loaded if file.data.as_of is not None]
    return Catalog(
        as_of=min(checked, key=lambda date: date.start) if checked else None,
        files=tuple(file.shown for file in loaded if file.text),
        sources=[record for file in loaded for record in file.data.source],
        organs=[record for file in loaded for record in file.data.organ],
        states=[record for file in loaded for record in file.data.state],
        cities=[record for file in loaded for record in file.data.city],
        events=events,
        claims=[record for file in loaded for record in file.data.claim],
    )


def extend(catalog: Catalog, shown: str, text: str) -> Catalog:
    """`catalog` with one more file's text, checked on its own and against it; a DataError lists every problem."""
    with sharing_dates():
        checked, problems = check_file(shown, text)
    if checked is None or problems:
        raise DataError(listed(problems))
    mark_origin(checked, shown)
    tables = DataFile(
        as_of=catalog.as_of,
        source=catalog.sources,
        organ=catalog.organs,
        state=catalog.states,
        city=catalog.cities,
        event=catalog.events,
        claim=catalog.claims,
    )
    loaded = [LoadedFile("(the other data files)", tables, ""), checked]
    problems = cross_check(loaded)
    if problems:
        raise DataError(listed(problems))
    return combine(loaded)


class Place:
    """Where a record is, found in its file's text only when a message prints it."""

    __slots__ = ("file", "index", "table")

    def __init__(self, file: LoadedFile, table: str, index: int) -> None:
        self.file, self.table, self.index = file, table, index

    def __str__(self) -> str:
        return str(self.file.origin(self.table, self.index))

    def line_of(self, field: str) -> Origin:
        return self.file.line_of(self.file.origin(self.table, self.index), field)


def records(loaded: Sequence[LoadedFile], table: str) -> Iterator[tuple[Any, Place]]:
    for file in loaded:
        for index, record in enumerate(getattr(file.data, table)):
            yield record, Place(file, table, index)


def cross_check(loaded: Sequence[LoadedFile]) -> list[str]:
    """Duplicate ids, clashing names and dangling references, across all files."""
    problems: list[str] = []
    known: dict[str, dict[str, None]] = {}  # ordered, so that suggestions come in the order of the files
    for table in TABLES:
        known[table] = dict.fromkeys(record.id for file in loaded for record in getattr(file.data, table))
        if len(known[table]) == sum(len(getattr(file.data, table)) for file in loaded):
            continue
        seen: dict[str, Place] = {}
        for record, place in records(loaded, table):
            if record.id in seen:
                problems.append(f"{place}: {table} {record.id}: id: duplicate id, first defined at {seen[record.id]}")
            else:
                seen[record.id] = place

    for table in ("organ", "state", "city"):
        index = NameIndex(table)
        for record, place in records(loaded, table):
            for clash in index.add(record.id, record.name, record.aliases):
                problems.append(f"{place}: {table} {record.id}: aliases: {clash!r} already names another {table}")

    def dangling(place: Place, label: str, field: str, table: str, ids: Iterable[str | None]) -> None:
        for ref in ids:
            if ref is not None and ref not in known[table]:
                # Each suggestion compares with every known id: only the first few problems get one.
                suggest = len(problems) < MAX_SUGGESTIONS
                close = difflib.get_close_matches(ref, list(known[table]), n=3, cutoff=0.6) if suggest else []
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                problems.append(f"{place.line_of(field)}: {label}: {field}: unknown {table} {ref!r}{hint}")

    for city, place in records(loaded, "city"):
        dangling(place, f"city {city.id}", "state", "state", [city.state])
        dangling(place, f"city {city.id}", "location_source", "source", [city.location_source])
        if (city.lat is None) != (city.lon is None) or (city.lat is not None and city.location_source is None):
            problems.append(f"{place.line_of('lat')}: city {city.id}: lat: lat, lon and location_source go together")
    for claim, place in records(loaded, "claim"):
        dangling(place, f"claim {claim.id}", "organ", "organ", [claim.organ])
        dangling(place, f"claim {claim.id}", "source", "source", [claim.source])
    for state, place in records(loaded, "state"):
        refs = [entry.event for entry in state.membership]
        dangling(place, f"state {state.id}", "membership", "event", refs)
    problems += part_of_loops(loaded)
    if all(events_resolve(file.data.event, known) for file in loaded):
        return problems
    for event, place in records(loaded, "event"):
        assert isinstance(event, Event)
        label = f"event {event.id}"
        dangling(place, label, "organs", "organ", event.organs)
        dangling(place, label, "city", "city", [event.city])
        dangling(place, label, "states", "state", event.states)
        dangling(place, label, "sources", "source", event.sources)
        dangling(place, label, "source", "source", [dispute.source for dispute in event.disputed])
        dangling(place, label, "part_of", "event", [event.part_of])
        if event.part_of == event.id:
            problems.append(f"{place.line_of('part_of')}: {label}: part_of: an event cannot be part of itself")
    return problems


def part_of_loops(loaded: Sequence[LoadedFile]) -> list[str]:
    """Events whose part_of chain comes back to where it started (an event part of itself is reported apart):
    each loop once, at its first event in the files, in linear time."""
    parent = {event.id: event.part_of for file in loaded for event in file.data.event}
    order = {event_id: number for number, event_id in enumerate(parent)}
    state: dict[str, int] = {}  # 1: on the chain being followed, 2: done
    loops: dict[str, list[str]] = {}
    for start in parent:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in parent and current not in state:
            state[current] = 1
            chain.append(current)
            current = parent[current]
        if current is not None and state.get(current) == 1 and parent[current] != current:
            loop = chain[chain.index(current) :]
            loops[min(loop, key=order.__getitem__)] = loop
        for done in chain:
            state[done] = 2
    problems = []
    for event, place in records(loaded, "event"):
        if event.id in loops:
            loop = loops[event.id]
            shift = loop.index(event.id)
            path = " → ".join([*loop[shift:], *loop[:shift], event.id])
            problems.append(f"{place.line_of('part_of')}: event {event.id}: part_of: a loop of parts: {path}")
    return problems


def events_resolve(events: Sequence[Event], known: dict[str, dict[str, None]]) -> bool:
    """Whether every reference of these events names a known record, checked as sets: the events are looped over
    one by one, for the messages, only when one does not."""
    each = itertools.chain.from_iterable
    refs = {
        "organ": set(each(event.organs for event in events)),
        "city": {event.city for event in events if event.city is not None},
        "state": set(each(event.states for event in events)),
        "source": set(each(event.sources for event in events))
        | {dispute.source for event in events for dispute in event.disputed},
        "event": {event.part_of for event in events if event.part_of is not None},
    }
    return all(ids <= known[table].keys() for table, ids in refs.items()) and all(
        event.part_of != event.id for event in events
    )
