"""Reading TOML (otscli.toml_text): rtoml in pieces gives exactly tomli's tables, or leaves the file to tomli."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from otscli.toml_text import bounds, in_pieces, loads

HERE = Path(__file__).parent
FILES = [HERE.parent / "data" / "events.toml", *sorted((HERE / "data").glob("*.toml"))]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_file_reads_as_tomli_reads_it_whole_and_cut_before_every_event(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    reference = repr(tomli.loads(text))
    assert repr(loads(text)) == reference
    assert repr(in_pieces(text, piece_chars=1)) == reference  # a piece for each event


def test_pieces_start_before_the_first_array_header_then_at_one_every_so_many_characters() -> None:
    text = "format = 1\n[[source]]\nid = 's'\n" + "".join(f"[[event]]\nid = '{n}'\n" for n in range(6))
    headers = [index for index in range(len(text)) if text.startswith("[[", index)]
    assert headers[:3] == [11, 31, 50]  # the source's piece is 20 characters, each event's 19
    assert bounds(text, piece_chars=1) == [0, *headers, len(text)]
    assert bounds(text, piece_chars=10_000) == [0, 11, len(text)]
    assert bounds(text, piece_chars=40) == [0, 11, 69, 126, len(text)]
    assert bounds("a = 1\n", piece_chars=1) == [0, 6] and bounds("", piece_chars=1) == [0]
    assert bounds("[[a.b]]\nc = 1\n[[ d ]]\n", piece_chars=1) == [0, 22]  # only bare names, written tight


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("event = [{id = 'a'}]\n[[event]]\nid = 'b'\n", "a static array cannot be appended to"),
        ("[event.x]\ny = 1\n[[event]]\nid = 'b'\n", "a table cannot become an array of tables"),
        (
            "[[event]]\nid = 'a'\n[organ]\nid = 'o'\n[[event]]\nid = 'b'\n[organ]\nname = 'x'\n",
            "a table declared twice",
        ),
    ],
)
def test_what_only_the_whole_file_can_tell_is_left_to_tomli(text: str, why: str) -> None:
    assert in_pieces(text, piece_chars=1) is None, why
    with pytest.raises(tomli.TOMLDecodeError):
        tomli.loads(text)
    with pytest.raises(tomli.TOMLDecodeError):
        loads(text)


def test_arrays_of_tables_in_many_pieces_are_joined_and_what_they_cannot_tell_is_read_whole() -> None:
    interleaved = "[[source]]\nid = 's'\n[[event]]\nid = 'a'\n[[source]]\nid = 't'\n[[event]]\nid = 'b'\n"
    assert repr(in_pieces(interleaved, piece_chars=1)) == repr(tomli.loads(interleaved))
    assert [source["id"] for source in loads(interleaved)["source"]] == ["s", "t"]
    quoted = '[[event]]\nid = "a"\nsummary = """\nfirst\n[[event]]\nlast"""\n[[event]]\nid = "b"\n'
    assert in_pieces(quoted, piece_chars=1) is None  # the string is cut in two
    assert loads(quoted) == tomli.loads(quoted) and len(loads(quoted)["event"]) == 2
    later = "[[source]]\nid = 's'\n[[event]]\nid = 'a'\n[source.more]\nx = 1\n"  # the last source's table
    assert in_pieces(later, piece_chars=1) is None
    assert loads(later) == tomli.loads(later) and loads(later)["source"][-1]["more"] == {"x": 1}


def test_a_byte_order_mark_is_refused_as_tomli_refuses_it() -> None:
    assert in_pieces("\ufeffa = 1\n") is None
    with pytest.raises(tomli.TOMLDecodeError):
        loads("\ufeffa = 1\n")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_EVENT = st.fixed_dictionaries(
    {"id": _TEXT, "summary": _TEXT, "number": st.integers(-(2**70), 2**70), "tags": st.lists(_TEXT, max_size=3)},
    optional={"disputed": st.lists(st.fixed_dictionaries({"field": _TEXT, "note": _TEXT}), max_size=2)},
)


@settings(max_examples=examples(60), deadline=None)
@given(
    st.fixed_dictionaries(
        {"format": st.just(1)}, optional={"source": st.lists(st.fixed_dictionaries({"id": _TEXT}), max_size=2)}
    ),
    st.lists(_EVENT, max_size=6),
    st.sampled_from(["[[event]]\n", "\n[[event]]\n", "[[event]] # x\n"]),
    st.booleans(),
    st.integers(1, 200),
)
def test_any_file_of_events_reads_as_tomli_reads_it(
    head: dict[str, object], events: list[dict[str, object]], header_line: str, multiline: bool, piece_chars: int
) -> None:
    """Events whose texts hold anything, an `[[event]]` line inside a multi-line string among them, cut into pieces
    of any size: the tables are tomli's, or the file is left to tomli."""
    text = tomli_w.dumps(head, multiline_strings=multiline)
    for event in events:
        plain = {key: value for key, value in event.items() if key != "disputed"}
        text += "[[event]]\n" + tomli_w.dumps(plain, multiline_strings=multiline)
        for dispute in event.get("disputed", []):  # type: ignore[attr-defined]
            text += "[[event.disputed]]\n" + tomli_w.dumps(dispute, multiline_strings=multiline)
    if multiline:  # an event whose summary holds a header line
        text += f'[[event]]\nid = "quoted"\nsummary = """\n{header_line}"""\n'
    reference = repr(tomli.loads(text))
    assert repr(loads(text)) == reference
    pieces = in_pieces(text, piece_chars)
    assert pieces is None or repr(pieces) == reference
