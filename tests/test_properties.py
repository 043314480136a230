"""Laws that hold for any input: filters obey the interval semantics, data files load or fail cleanly,
and name folding is idempotent and blind to case and accents."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from conftest import EDGES, Run, edges, examples, ots
from otscli.criteria import Criteria
from otscli.dates import PartialDate
from otscli.errors import UsageError
from otscli.models import KINDS, STATUSES, Event
from otscli.names import fold
from otscli.query import select
from otscli.render import indented
from otscli.store import load

SETTINGS = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ORGANS = ["CHS", "CFM", "CoE", "SOC", "secretariat", "TURKPA"]
STATES = ["AZ", "KZ", "KG", "TR", "UZ", "HU", "TM", "TRNC"]


@st.composite
def partial_dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(1990, 2030))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return f"{year}"
    month = draw(st.integers(1, 12))
    if precision == "month":
        return f"{year}-{month:02d}"
    return str(PartialDate(year, month, draw(st.integers(1, 28))))


filters = st.fixed_dictionaries(
    {},
    optional={
        "--since": partial_dates(),
        "--until": partial_dates(),
        "--year": st.lists(st.integers(1990, 2030).map(str), min_size=1, max_size=2),
        "--organ": st.lists(st.sampled_from(ORGANS), min_size=1, max_size=2),
        "--state": st.lists(st.sampled_from(STATES), min_size=1, max_size=2),
        "--kind": st.lists(st.sampled_from(KINDS), min_size=1, max_size=2),
        "--status": st.lists(st.sampled_from(STATUSES), min_size=1, max_size=2),
    },
)


def arguments(chosen: dict[str, Any]) -> list[str]:
    args: list[str] = []
    for option, value in chosen.items():
        for item in value if isinstance(value, list) else [value]:
            args += [option, item]
    return args


def listed(*args: str) -> Run:
    return ots("list", "--json", *args)


def interval(event: dict[str, Any]) -> tuple[Any, Any]:
    start = PartialDate.parse(event["date"])
    return start.start, PartialDate.parse(event["end"] or event["date"]).end


EVENTS_SCHEMA = json.loads(ots("schema").out)
EVENTS_VALIDATOR = Draft202012Validator({"$ref": "#/$defs/events", "$defs": EVENTS_SCHEMA["$defs"]})


CATALOG = load(user=False, cache=False)
FIELDS = {"--since": "since", "--until": "until", "--year": "years", "--organ": "organs", "--state": "states",
          "--kind": "kinds", "--status": "statuses"}  # fmt: skip


def selected(chosen: dict[str, Any]) -> list[Event]:
    """The library's answer to the options `chosen`, as `ots list` asks it."""
    return select(CATALOG, Criteria(**{FIELDS[option]: value for option, value in chosen.items()}).resolve(CATALOG))


@SETTINGS
@given(filters)
def test_random_filters_keep_sorted_events_within_their_dates(chosen: dict[str, Any]) -> None:
    since, until = chosen.get("--since"), chosen.get("--until")
    if since and until and PartialDate.parse(since).start > PartialDate.parse(until).end:
        with pytest.raises(UsageError):
            selected(chosen)
        return
    events = selected(chosen)
    keys = [(event.first_day, event.last_day, event.id) for event in events]
    assert keys == sorted(keys)
    for event in events:
        assert since is None or event.last_day >= days(since)[0]
        assert until is None or event.first_day <= days(until)[1]


def test_the_command_prints_what_the_library_selects_as_valid_json() -> None:
    chosen = {"--since": "2019-09", "--until": "2022", "--organ": ["CHS", "CFM"], "--status": ["held"]}
    run = listed(*arguments(chosen))
    assert run.code == 0, run.err
    assert not list(EVENTS_VALIDATOR.iter_errors(run.json()))
    assert [event["id"] for event in run.json()] == [event.id for event in selected(chosen)] != []


def days(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day a stored date stands for, worked out here without otscli's own date code."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return dt.date(*parts), dt.date(*parts)


EVERY_EVENT = [(event.id, days(str(event.date))[0], days(str(event.end or event.date))[1]) for event in CATALOG.events]


def ids_for(**criteria: Any) -> set[str]:
    return {event.id for event in select(CATALOG, Criteria(**criteria).resolve(CATALOG))}


@SETTINGS
@given(partial_dates(), partial_dates())
def test_since_keeps_exactly_the_events_ending_on_or_after_it(earlier: str, later: str) -> None:
    for since in (earlier, later):
        expected = {event_id for event_id, _, last in EVERY_EVENT if last >= days(since)[0]}
        assert ids_for(since=since) == expected


@SETTINGS
@given(partial_dates())
def test_until_keeps_exactly_the_events_starting_on_or_before_its_end(until: str) -> None:
    expected = {event_id for event_id, first, _ in EVERY_EVENT if first <= days(until)[1]}
    assert ids_for(until=until) == expected


@SETTINGS
@given(st.integers(1990, 2030), st.integers(1990, 2030))
def test_year_keeps_exactly_the_events_that_touch_those_years(start: int, end: int) -> None:
    start, end = min(start, end), max(start, end)
    for option, low, high in ((str(start), start, start), (f"{start}..{end}", start, end),
                              (f"{start}..", start, 9999), (f"..{end}", 1, end)):  # fmt: skip
        expected = {event_id for event_id, first, last in EVERY_EVENT if first.year <= high and last.year >= low}
        assert ids_for(years=[option]) == expected, option


@pytest.mark.parametrize(("option", "value"), [("--since", "2015-06"), ("--until", "2012"), ("--year", "2016..2018")])
def test_ots_list_gives_the_library_answer_for_a_date_filter(option: str, value: str) -> None:
    wanted = {"--since": {"since": value}, "--until": {"until": value}, "--year": {"years": [value]}}[option]
    assert {event["id"] for event in listed(option, value).json()} == ids_for(**wanted) != set()


VALID = EDGES.read_text(encoding="utf-8")
LOCATED = re.compile(r"^FILE(:\d+){0,2}: ")


@settings(max_examples=examples(80), deadline=None)
@given(st.data())
def test_damaged_data_files_load_or_fail_with_a_located_message(data: st.DataObject) -> None:
    text = VALID
    for _ in range(data.draw(st.integers(1, 3))):
        position = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 12))
        insert = data.draw(st.text(alphabet=st.sampled_from('[]{}="\'#.,\n\r\t 0123456789az-\\\u00e9\u202e\x07'),
                                   max_size=6))  # fmt: skip
        text = text[:position] + insert + text[position + cut :]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "FILE.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        run = ots("--no-bundled", "validate", str(path))
    assert run.code in (0, 1)
    assert run.out == ""
    if run.code == 0:
        assert run.err == ""
    else:
        lines = run.err.replace(str(path), "FILE").splitlines()
        assert lines and all(LOCATED.match(line) for line in lines), lines


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def disguise(name: str, data: st.DataObject) -> str:
    """The name in random case, with or without its accents."""
    if data.draw(st.booleans()):
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in name)


@pytest.mark.slow
@SETTINGS
@given(st.data())
def test_every_registry_name_matches_across_case_and_accents(data: st.DataObject) -> None:
    command = data.draw(st.sampled_from(["organ", "state", "city"]))
    records = ots(f"{command}s" if command != "city" else "cities", "--json").json()
    record = data.draw(st.sampled_from(records))
    name = data.draw(st.sampled_from([record["id"], record["name"], *record["aliases"]]))
    run = ots(command, disguise(name, data), "--json")
    assert run.code == 0, run.err
    assert run.json()[command]["id"] == record["id"]


# Floats under 1e-4 are left out of the exact comparison: orjson writes 0.00001 where json writes 1e-05.
json_floats = st.floats(allow_nan=False, allow_infinity=False).filter(lambda number: number == 0 or abs(number) >= 1e-4)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | json_floats | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@SETTINGS
@given(json_values)
def test_the_fast_json_writer_writes_what_the_standard_library_writes(value: Any) -> None:
    """The same text, but for U+2028 and U+2029, which it escapes so that line-splitting readers keep records whole."""
    standard = json.dumps(value, ensure_ascii=False, indent=2)
    written = indented.dumps(value)
    assert written == standard.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    assert json.loads(written) == json.loads(standard) and "\u2028" not in written and "\u2029" not in written


def test_every_json_output_is_in_the_standard_indented_form() -> None:
    shown = (edges("show", "2019-summit", "--json"), ots("show", "2019-10-15-summit-baku", "--json"))
    for args in (["timeline"], ["organs"], ["states"], ["state", "Hungary"],
                 ["stats"], ["on-this-day", "--date", "10-03"], ["sources"], ["search", "summit"]):  # fmt: skip
        for run in (edges(*args, "--json"), ots(*args, "--json"), *shown):
            assert run.code == 0, run.err
            assert run.out == json.dumps(json.loads(run.out), ensure_ascii=False, indent=2) + "\n"


def is_clean(text: str) -> bool:
    """Nothing a terminal would act on: no control character but newlines, no escape, no bidi control."""
    return all(char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp") for char in text)


def check_contract(run: Run, path: Path, before: bytes) -> None:
    assert run.code in (0, 1, 2)
    assert is_clean(run.err), run.err
    assert path.read_bytes() == before  # reading a file never changes it


@settings(max_examples=examples(60), deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_as_a_data_file_are_answered_cleanly(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "FILE.toml"
        path.write_bytes(raw)
        run = ots("--no-bundled", "validate", str(path))
        check_contract(run, path, raw)
    assert run.code in (0, 1) and run.out == ""
    assert (run.code == 0) == (run.err == "")


toml_values = st.recursive(
    st.none().map(lambda _: '""') | st.integers().map(str) | st.text(max_size=8).map(json.dumps)
    | st.booleans().map(lambda value: "true" if value else "false"),
    lambda inner: st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
    max_leaves=6,
)  # fmt: skip
toml_keys = st.sampled_from(["id", "date", "end", "title", "kind", "sources", "states", "organs", "city", "x.y"])


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["event", "source", "city", "claim", "organ"]),
                          st.lists(st.tuples(toml_keys, toml_values), max_size=6)), max_size=4))  # fmt: skip
def test_random_toml_tables_load_or_fail_with_located_lines(tables: list[tuple[str, list[tuple[str, str]]]]) -> None:
    text = "".join(f"[[{table}]]\n" + "".join(f"{key} = {value}\n" for key, value in dict(rows).items())
                   for table, rows in tables)  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "FILE.toml"
        path.write_text(text, encoding="utf-8")
        run = edges("validate", str(path))
        check_contract(run, path, text.encode("utf-8"))
    assert run.code in (0, 1)
    lines = run.err.replace(str(path), "FILE").splitlines()
    assert all(LOCATED.match(line) or line.startswith(f"{EDGES}:") for line in lines), lines


EXPORT_FORMATS = ["json", "jsonl", "csv", "md", "ics", "svg", "html"]


@settings(max_examples=examples(40), deadline=None)
@given(st.text(min_size=1, max_size=30), st.text(max_size=60))
def test_random_unicode_in_a_title_reaches_every_output_cleanly(title: str, summary: str) -> None:
    event = {"id": "2020-random", "date": "2020", "title": title, "kind": "meeting", "summary": summary,
             "sources": ["test-source"]}  # fmt: skip
    text = "[[event]]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in event.items())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "FILE.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        before = path.read_bytes()
        loaded = edges("--data", str(path), "show", "2020-random")
        check_contract(loaded, path, before)
        if loaded.code != 0:
            assert loaded.code == 1 and len(loaded.err.splitlines()) >= 1
            return
        assert is_clean(loaded.out), loaded.out  # drawn for a person: nothing raw
        for name in EXPORT_FORMATS:
            run = edges("--data", str(path), "export", "--format", name, "--year", "2020")
            check_contract(run, path, before)
            assert run.code == 0, (name, run.err)
            assert "\u2028" not in run.out and "\u2029" not in run.out
        shown = edges("--data", str(path), "list", "--json", "--year", "2020").json()
        assert [item["title"] for item in shown if item["id"] == "2020-random"] == [title]
