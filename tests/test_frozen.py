"""Frozen records (otscli.frozen): made by keyword or in order, never changed, equal and shown by their fields; on the
records of ots and on records declared here with every kind of field."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import field

import pytest

from otscli.counting import Count
from otscli.frozen import Frozen, frozen_record
from otscli.kinds import Reference
from otscli.models import Dispute


def test_a_record_is_made_in_order_or_by_keyword_and_refuses_what_it_does_not_take() -> None:
    assert Count("TR", "Türkiye", 3) == Count(key="TR", label="Türkiye", count=3)
    assert Count("TR", "Türkiye", 3) != Count("TR", "Türkiye", 4)
    with pytest.raises(TypeError, match="takes 3 arguments, 4 were given"):
        Count("TR", "Türkiye", 3, 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'key'"):
        Count("TR", "Türkiye", 3, key="AZ")  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing argument 'count'"):
        Count("TR", "Türkiye")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="by keyword only"):
        Dispute("date", "2019", "a-source")  # type: ignore[call-arg]


def test_a_record_hashes_and_prints_by_the_fields_it_compares_and_shows() -> None:
    first, again = Reference(("organs",), "organ", "organs"), Reference(("organs",), "organ", "organs")
    assert first == again and hash(first) == hash(again) and first is not again
    assert first != Reference(("organs",), "organ", "organ")
    assert first.__eq__("organs") is NotImplemented
    assert repr(first) == "Reference(path=('organs',), target='organ', shown='organs')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.target = "state"  # type: ignore[misc]
    assert [field.name for field in dataclasses.fields(first)] == ["path", "target", "shown"]


@frozen_record
class Meeting(Frozen):
    """Keyword-only fields: one required, a default, a factory, one left out of equality and repr, one not taken but
    set after the others."""

    title: str
    year: int = 2019
    states: tuple[str, ...] = field(default_factory=lambda: ("TR",))
    note: str = field(default="", compare=False, repr=False)
    label: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", f"{self.title} ({self.year})")


@frozen_record(kw_only=False)
class Pair(Frozen):
    first: int
    second: int = 0


@frozen_record(kw_only=False)
class OtherPair(Frozen):
    first: int
    second: int = 0


def refused(call: str) -> str:
    return f"^{re.escape(call)}$"


def test_fields_are_filled_from_defaults_and_factories_and_then_by_post_init() -> None:
    meeting = Meeting(title="Summit")
    assert (meeting.title, meeting.year, meeting.states, meeting.note, meeting.label) == (
        "Summit", 2019, ("TR",), "", "Summit (2019)"
    )  # fmt: skip
    assert Meeting(title="Summit", year=2021, states=(), note="n").label == "Summit (2021)"
    assert Pair(1) == Pair(first=1, second=0) and Pair(1, 2) == Pair(1, second=2)


def test_what_a_record_does_not_take_is_refused_in_the_words_python_uses() -> None:
    with pytest.raises(TypeError, match=refused("Meeting() takes its fields by keyword only")):
        Meeting("Summit")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=refused("Pair() takes 2 arguments, 3 were given")):
        Pair(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=refused("Pair() got multiple values for argument 'first'")):
        Pair(1, first=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match=refused("Meeting() missing argument 'title'")):
        Meeting()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=refused("Meeting() got an unexpected keyword argument 'label'")):
        Meeting(title="Summit", label="set")  # type: ignore[call-arg]  # not taken: __post_init__ sets it
    with pytest.raises(TypeError, match=refused("Pair() got an unexpected keyword argument 'third'")):
        Pair(1, third=3, fourth=4)  # type: ignore[call-arg]


def test_a_field_out_of_comparison_counts_neither_for_equality_nor_for_the_hash_nor_shows() -> None:
    noted, plain = Meeting(title="Summit", note="postponed"), Meeting(title="Summit")
    assert noted == plain and hash(noted) == hash(plain)
    assert Meeting(title="Summit", year=2020) != plain
    assert hash(Pair(1, 2)) != hash(Pair(2, 1)) and hash(Pair(1, 2)) == hash(Pair(1, 2))
    assert repr(noted) == "Meeting(title='Summit', year=2019, states=('TR',), label='Summit (2019)')"
    assert repr(Pair(1)) == "Pair(first=1, second=0)"


def test_a_record_of_another_class_is_never_equal_even_with_the_same_fields() -> None:
    assert Pair(1, 2).__eq__(OtherPair(1, 2)) is NotImplemented
    assert Pair(1, 2) != OtherPair(1, 2) and Pair(1, 2) != (1, 2)


def test_no_field_is_set_or_deleted_once_made() -> None:
    meeting = Meeting(title="Summit")
    with pytest.raises(dataclasses.FrozenInstanceError, match=refused("cannot assign to field 'year'")):
        meeting.year = 2020  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match=refused("cannot delete field 'title'")):
        del meeting.title
    assert (meeting.title, meeting.year) == ("Summit", 2019)
    assert [(each.name, each.init) for each in dataclasses.fields(meeting)] == [
        ("title", True), ("year", True), ("states", True), ("note", True), ("label", False)
    ]  # fmt: skip
