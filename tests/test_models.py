"""The records (otscli.models): equality, hashing and repr by their fields, and the acts of a meeting."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ONE_EVENT, edges


def test_a_meeting_shows_the_acts_adopted_at_it(tmp_path: Path) -> None:
    path = tmp_path / "acts.toml"
    path.write_text(
        ONE_EVENT.replace('id = "x"', 'id = "2001-05-meeting"')
        + "\n"
        + ONE_EVENT.replace('id = "x"', 'id = "2001-05-act"').replace('"meeting"', '"document"')
        + 'part_of = "2001-05-meeting"\n',
        encoding="utf-8",
    )
    page = edges("--data", str(path), "show", "2001-05-meeting", "--json").json()
    assert [part["id"] for part in page["parts"]] == ["2001-05-act"]
    assert edges("--data", str(path), "show", "2001-05-act", "--json").json()["part_of"]["id"] == "2001-05-meeting"


def test_records_compare_hash_and_print_by_their_fields() -> None:
    """The library's records behave as the dataclasses they are: two loads give equal catalogs."""
    from otscli import store
    from otscli.dates import PartialDate

    first, second = store.load(cache=False), store.load(cache=False)
    assert first == second and first.events[0] is not second.events[0]
    assert {first.events[0], second.events[0]} == {first.events[0]}
    assert first.events[0] != first.events[1]
    assert repr(first.sources[0]).startswith(f"Source(id={first.sources[0].id!r}, title=")
    earlier, later = PartialDate.parse("2019-05"), PartialDate.parse("2019-05-02")
    assert sorted([later, earlier]) == [earlier, later] and not later < earlier  # the month starts first


def test_a_validator_built_afresh_applies_the_rules() -> None:
    """The pydantic hooks of the types, run again (the command line builds them once per process)."""
    from pydantic import TypeAdapter, ValidationError

    from otscli.dates import PartialDate
    from otscli.models import Event

    adapter = TypeAdapter(Event)
    good = {"id": "e", "date": "2019-05", "title": "T", "kind": "meeting", "sources": ["s"]}
    event = adapter.validate_python(good)
    assert event.date == PartialDate(2019, 5) and adapter.dump_python(event, mode="json")["date"] == "2019-05"
    for field, value, kind in (("title", "T\x07", "value_error"), ("id", "-e", "string_pattern_mismatch"),
                               ("title", 5, "string_type"), ("date", "2019-13", "value_error")):  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            adapter.validate_python({**good, field: value})
        assert [error["type"] for error in refused.value.errors()] == [kind]


def test_different_records_hash_apart() -> None:
    from otscli import store

    events = store.load(cache=False).events
    assert len({hash(event) for event in events[:50]}) == 50


def test_a_record_made_in_code_takes_keywords_fills_defaults_checks_itself_and_stays_unchanged() -> None:
    """Records are made by keyword, as frozen dataclasses are: defaults filled (a fresh tuple or list each time),
    unknown or missing keywords refused, `__post_init__` run, and no field assigned or deleted afterwards."""
    import dataclasses

    from otscli.dates import PartialDate
    from otscli.models import Catalog, Event

    made = Event(id="x", date=PartialDate.parse("2020-05"), title="T", kind="summit", sources=("s",))
    assert (made.status, made.states, made.end, made.summary) == ("held", (), None, "")
    assert dataclasses.replace(made, title="U").title == "U" and dataclasses.replace(made) == made
    with pytest.raises(dataclasses.FrozenInstanceError, match="'title'"):
        made.title = "V"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="'title'"):
        del made.title  # type: ignore[misc]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Event(id="x", date=PartialDate.parse("2020"), title="T", kind="summit", sources=("s",), colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="missing argument 'title'"):
        Event(id="x", date=PartialDate.parse("2020"), kind="summit", sources=("s",))  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="before date"):
        Event(id="x", date=PartialDate.parse("2020"), end=PartialDate.parse("2019"), title="T", kind="summit",
              sources=("s",))  # fmt: skip
    first, second = Catalog(), Catalog()
    assert first == second and first.events is not second.events  # each its own list
    assert Catalog(files=("a.toml",)).files == ("a.toml",) and first != Catalog(files=("a.toml",))


def test_every_record_is_frozen_and_takes_its_fields_by_name() -> None:
    """Record makes each record class a frozen dataclass with keyword-only fields: a checked record never
    changes, and no field can be given by position."""
    import dataclasses

    from otscli import store
    from otscli.kinds import KINDS, data_file_type
    from otscli.models import Dispute, Membership

    catalog = store.load(cache=False)
    records = [getattr(catalog, kind.plural)[0] for kind in KINDS]
    records += [next(state for state in catalog.states if state.membership).membership[0]]
    records += [next(event for event in catalog.events if event.disputed).disputed[0], data_file_type()()]
    every_type = {kind.record_type for kind in KINDS} | {Membership, Dispute, data_file_type()}
    assert {type(record) for record in records} == every_type
    for record in records:
        fields = dataclasses.fields(record)
        assert all(field.kw_only for field in fields), type(record)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, fields[0].name, None)
    with pytest.raises(TypeError):
        Dispute("date", "2019", "a-source")  # type: ignore[call-arg]


def test_the_catalog_finds_every_record_by_id_and_builds_each_index_once() -> None:
    from otscli import store
    from otscli.kinds import KINDS

    catalog = store.load(cache=False)
    for kind in KINDS:
        records, index = getattr(catalog, kind.plural), getattr(catalog, kind.index)
        assert len(index) == len(records) and all(index[record.id] is record for record in records), kind.table
        assert getattr(catalog, kind.index) is index, kind.table  # kept from the first use, not built again
