"""The writer of every JSON output (render/indented.py): the standard library's indented text, written by orjson,
with U+2028 and U+2029 escaped."""

from __future__ import annotations

import json
from typing import Any

import pytest

from otscli.render import indented


def standard(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def test_records_are_written_as_the_standard_library_writes_them_with_their_letters() -> None:
    data = [{"id": "2009-10-03-founded", "title": "Türkiye and Azərbaycan", "number": 7, "share": 0.5,
             "online": False, "end": None, "organs": ["CHS", "CoE"], "disputed": []}]  # fmt: skip
    assert indented.dumps(data) == standard(data)
    assert indented.dumps_bytes(data) == standard(data).encode("utf-8")


def test_a_float_under_1e_4_is_written_without_an_exponent() -> None:
    """The one difference from the standard library that the module's docstring names: the same number."""
    assert indented.dumps([0.00001]) == "[\n  0.00001\n]"
    assert json.loads(indented.dumps([0.00001])) == [1e-05]


def test_what_orjson_refuses_is_written_as_the_standard_library_writes_it() -> None:
    beyond_64_bits = {"count": 2**70, "title": "İstanbul"}
    keys_not_text = {1: "one", None: "none", 2.5: "two and a half", "ok": [True]}
    for data in (beyond_64_bits, keys_not_text):
        assert indented.dumps(data) == standard(data)
        assert indented.dumps_bytes(data) == standard(data).encode("utf-8")


def test_what_neither_writer_can_write_is_refused_with_a_type_error() -> None:
    with pytest.raises(TypeError, match="set is not JSON serializable"):
        indented.dumps({"ids": {"a"}})


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a\u2028b", "a\\u2028b"),
        ("a\u2029b", "a\\u2029b"),
        ("\u2029a\u2028b\u2028", "\\u2029a\\u2028b\\u2028"),
        ("a\u2027b\u2030c", "a\u2027b\u2030c"),  # the characters beside them stay as they are
    ],
)
def test_line_and_paragraph_separators_in_text_are_escaped_and_read_back_the_same(text: str, escaped: str) -> None:
    for data in ({"summary": text}, {"summary": text, "count": 2**70}):  # through orjson, and the fallback
        written = indented.dumps(data)
        assert written == standard(data).replace(text, escaped)
        assert json.loads(written) == data
        assert indented.dumps_bytes(data) == written.encode("utf-8")
