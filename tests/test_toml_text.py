"""Reading TOML (otscli.toml_text): rtoml in pieces gives exactly tomli's tables, or leaves the file to tomli."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from otscli.toml_text import bounds, in_pieces, line_opening_brackets, loads

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


def test_a_piece_ends_at_the_first_header_at_least_piece_chars_on_not_one_sooner() -> None:
    text = "format = 1\n[[source]]\nid = 's'\n" + "".join(f"[[event]]\nid = '{n}'\n" for n in range(6))
    assert bounds(text, piece_chars=19) == [0, 11, 31, 50, 69, 88, 107, 126, 145]  # every header
    assert bounds(text, piece_chars=20) == [0, 11, 31, 69, 107, 145]  # 31 is exactly 20 on from 11
    assert bounds(text, piece_chars=21) == [0, 11, 50, 88, 126, 145]
    assert bounds(text, piece_chars=39) == [0, 11, 50, 107, 145]  # 88 is 38 on from 50: too soon


def test_a_line_opening_brackets_is_found_at_the_very_start_and_at_the_position_itself() -> None:
    text = "[[a]]\n[[b]]\nx = '[['\n"
    assert line_opening_brackets(text, 0) == 0
    assert line_opening_brackets(text, 1) == 6
    assert line_opening_brackets(text, 6) == 6  # a line that starts at the position counts
    assert line_opening_brackets(text, 7) == -1  # "[[" inside a line is no line opening with it
    assert line_opening_brackets("x = 1\n[[a]]\n", 0) == 6
    assert line_opening_brackets("\n[[a]]\n", 0) == 1 and line_opening_brackets("\n[[a]]\n", 1) == 1


def test_a_file_that_starts_with_a_header_is_cut_there_and_read_the_same() -> None:
    text = "[[event]]\nid = 'a'\n[[event]]\nid = 'b'\n[[event]]\nid = 'c'\n"
    assert bounds(text, piece_chars=1) == [0, 0, 19, 38, 57]  # the first piece, before the first header, is empty
    assert in_pieces(text, piece_chars=1) == {"event": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}  # in order


def test_a_header_with_a_comment_is_cut_before_and_one_with_more_than_a_bare_name_is_not() -> None:
    text = "[[event]] # one\nid = 'a'\n[[event]]\t# two\nid = 'b'\n[[event]] x\n"
    assert bounds(text, piece_chars=1) == [0, 0, 25, len(text)]
    joined = "[[event]]  # one\nid = 'a'\n[[event]]\nid = 'b'\n[[event.sub]]\nx = 1\n"
    assert bounds(joined, piece_chars=1) == [0, 0, 26, len(joined)]
    assert repr(in_pieces(joined, piece_chars=1)) == repr(tomli.loads(joined))


def test_a_file_with_crlf_line_ends_reads_as_tomli_reads_it() -> None:
    text = "format = 1\r\n[[event]]\r\nid = 'a'\r\n[[event]] # b\r\nid = 'b'\r\n[[event]]\r\nid = 'c'\r\n"
    assert repr(loads(text)) == repr(tomli.loads(text))
    assert [event["id"] for event in loads(text)["event"]] == ["a", "b", "c"]
    first = text.index("[[event]]")
    assert bounds(text, piece_chars=1) == [0, first, text.index("[[event]] # b"), text.rindex("[[event]]"), len(text)]
    assert repr(in_pieces(text, piece_chars=1)) == repr(tomli.loads(text))  # cut as a file with LF ends is


def test_a_header_line_inside_a_literal_multi_line_string_leaves_the_file_to_tomli() -> None:
    text = "[[event]]\nid = 'a'\nsummary = '''\n[[event]]\n'''\n[[event]]\nid = 'b'\n"
    assert in_pieces(text, piece_chars=1) is None
    assert loads(text) == tomli.loads(text) and loads(text)["event"][0]["summary"] == "[[event]]\n"


def test_a_table_in_two_pieces_is_left_to_tomli_which_merges_it() -> None:
    text = "[[event]]\nid = 'a'\n[organ.x]\nn = 1\n[[event]]\nid = 'b'\n[organ.y]\nn = 2\n"
    assert in_pieces(text, piece_chars=1) is None
    assert loads(text) == tomli.loads(text) and loads(text)["organ"] == {"x": {"n": 1}, "y": {"n": 2}}
    assert repr(in_pieces(text, piece_chars=10_000)) == repr(tomli.loads(text))  # one piece after the first


def test_a_key_of_the_first_piece_repeated_later_is_left_to_tomli() -> None:
    text = "event = []\n[[source]]\nid = 's'\n[[event]]\nid = 'a'\n"
    assert in_pieces(text, piece_chars=1) is None
    with pytest.raises(tomli.TOMLDecodeError):
        loads(text)


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
