"""Problems in a data file put on their lines, in its author's words (otscli.locator)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import KIND_ONE_OF, KINDS_LISTED, ONE_EVENT, edges

CITY = '[[city]]\nid = "c"\nname = "C"\nstate = "AZ"\nlon = 1.0\nlocation_source = "test-source"\n'


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (ONE_EVENT.replace('"meeting"', '"meetin"'), "5: event x: kind: unknown kind 'meetin'; did you mean meeting, "
                                                 "membership?"),
        (ONE_EVENT.replace('"meeting"', '"zzz"'), f"5: event x: kind: unknown kind 'zzz'; one of {KINDS_LISTED}"),
        (ONE_EVENT.replace('"meeting"', "5"), f"5: event x: kind: unknown kind 5; one of {KINDS_LISTED}"),
        (ONE_EVENT + 'status = "helt"\n', "7: event x: status: unknown status 'helt'; did you mean held?"),
        (ONE_EVENT + "number = 0\n", "7: event x: number: should be at least 1"),
        (CITY + "lat = 100.0\n", "7: city c: lat: should be at most 90.0"),
        (CITY + "lat = -100.0\n", "7: city c: lat: should be at least -90.0"),
        ("format = 2\n" + ONE_EVENT, "1: format: unknown format 2; one of 1"),
        ('format = 1\n\nevent = "x"\n', "3: event: should be a list, [ ... ]"),
        (ONE_EVENT.replace('["test-source"]', '["test-source", 5]'), "6: event x: sources.1: should be text in quotes"),
        (ONE_EVENT + '[[event.disputed]]\nfield = "date"\nvalue = "2018"\nsource = "test-source"\nnote = 5\n',
         "11: event x: disputed.0.note: should be text in quotes"),
        (ONE_EVENT.replace('title = "T"\n', ""), "1: event x: title: required"),
    ],
)  # fmt: skip
def test_what_a_data_file_gets_wrong_is_said_in_its_authors_words(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "wrong.toml"
    path.write_text(text, encoding="utf-8")
    run = edges("--data", str(path), "validate")
    assert (run.code, run.err) == (1, f"{path}:{problem}\n")


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ('format = 1\nsource = [\n  { id = "s1", title = "A" },\n  { id = "s2", title = 5 },\n]\n',
         ["4: source s2: title: should be text in quotes"]),
        ('format = 1\nsource = [\n  { id = "s1", title = "A" },\n  { id = "s1", title = "B" },\n]\n',
         ["4: source s1: id: duplicate id, first defined at FILE:3"]),
        ("  " + ONE_EVENT.replace("\n", "\n  ") + "\n  " + ONE_EVENT.replace('id = "x"\n', "").replace("\n", "\n  "),
         ["8: event #2: id: required"]),
        (ONE_EVENT.replace("[[event]]", '[["event"]]') + "\n" + ONE_EVENT.replace('id = "x"\n', "").replace(
            "[[event]]", '[[ "event" ]]'), ["8: event #2: id: required"]),
        (ONE_EVENT.replace('title = "T"\n', "") + "\n" + ONE_EVENT.replace('id = "x"', 'id = "y"'),
         ["1: event x: title: required"]),
        ('[[event]]\ndate = "2019"\ntitle = 5\nkind = "meeting"\nsources = ["test-source"]\n',
         ["1: event #1: id: required", "3: event #1: title: should be text in quotes"]),
        ('format = 1\ncolour = "red"\n',
         ["2: unknown table 'colour'; expected one of format, as_of, source, organ, state, city, event, claim"]),
        (ONE_EVENT.replace('"meeting"', '"zzz"') + "\n" + ONE_EVENT.replace('id = "x"', 'id = "y"').replace('"T"', "5"),
         [f"5: event x: kind: {KIND_ONE_OF}", "11: event y: title: should be text in quotes"]),
    ],
)  # fmt: skip
def test_every_problem_is_put_on_its_line(tmp_path: Path, text: str, problems: list[str]) -> None:
    path = tmp_path / "placed.toml"
    path.write_text(text, encoding="utf-8")
    run = edges("--data", str(path), "validate")
    assert (run.code, run.err) == (1, "".join(f"{path}:{problem}\n".replace("FILE", str(path)) for problem in problems))


def test_a_key_of_too_many_parts_is_refused_on_its_line_and_dots_elsewhere_are_not(tmp_path: Path) -> None:
    path = tmp_path / "dots.toml"
    too_long, longest = ".".join(["k"] * 66), ".".join(["k"] * 65)
    for text, line in ((f"format = 1\n{too_long} = 1\n", 2), (f"format = 1\n\n[{too_long}]\n", 3)):
        path.write_text(text, encoding="utf-8")
        assert edges("--data", str(path), "validate").err == f"{path}:{line}: a key of more than 64 dotted parts\n"
    path.write_text(f"format = 1\n{longest} = 1\n", encoding="utf-8")
    assert "dotted parts" not in edges("--data", str(path), "validate").err  # 65 parts are read (and unknown)
    dots = "." * 70
    for fine in (ONE_EVENT.replace('title = "T"', f'title = "T{dots}"'),
                 ONE_EVENT.replace('title = "T"', f'title = "T"\nsummary = """\n{dots}\n"""'),
                 ONE_EVENT.replace('title = "T"', f"title = \'T\'\nsummary = \'\'\'\n{dots}\n\'\'\'")):  # fmt: skip
        path.write_text(fine, encoding="utf-8")
        run = edges("--data", str(path), "validate")
        assert run.code == 0, run.err


LONG_KEY = ".".join(["k"] * 66)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"\nformat = 1\n{LONG_KEY} = 1\n", 3),  # an empty first line
        (f'format = 1\n"a b".{LONG_KEY} = 1\n', 2),  # a quoted part with a space
        (f'title = """\nclosed\n"""\n{LONG_KEY} = 1\n# """ in a comment after it\n', 4),
        (f"title = '''\nclosed\n'''\n{LONG_KEY} = 1\n", 4),
    ],
)  # fmt: skip
def test_a_long_key_is_found_wherever_it_stands(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    assert edges("--data", str(path), "validate").err == f"{path}:{line}: a key of more than 64 dotted parts\n"


def test_a_value_with_many_dots_and_an_equals_sign_is_no_key(tmp_path: Path) -> None:
    path = tmp_path / "value.toml"
    path.write_text(ONE_EVENT.replace('title = "T"', f'title = "T {"." * 70}=x"'), encoding="utf-8")
    assert edges("--data", str(path), "validate").code == 0
