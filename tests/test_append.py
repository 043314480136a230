"""`ots add` into a file that already has problems: every problem listed, nothing changed."""

from __future__ import annotations

from pathlib import Path

from conftest import ADD_ONE, KIND_ONE_OF, ONE_EVENT, edges


def test_add_to_a_file_with_problems_lists_them_all_and_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    broken = (
        ONE_EVENT.replace('"meeting"', '"zzz"') + "\n" + ONE_EVENT.replace('id = "x"', 'id = "y"').replace('"T"', "5")
    )
    target.write_text(broken, encoding="utf-8")
    run = edges(*ADD_ONE, "--file", str(target))
    assert run.code == 1
    assert run.err.splitlines() == [
        f"{target}:5: event x: kind: {KIND_ONE_OF}",
        f"{target}:11: event y: title: should be text in quotes",
    ]
    assert target.read_text(encoding="utf-8") == broken


def test_add_to_a_file_that_repeats_an_id_of_the_other_files(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(ONE_EVENT.replace('id = "x"', 'id = "2019-summit"'), encoding="utf-8")
    run = edges(*ADD_ONE, "--file", str(target))
    assert run.code == 1
    assert run.err == (f"{target}:1: event 2019-summit: id: duplicate id, first defined at (the other data files):1\n")


def test_bytes_that_are_not_utf8_in_an_added_summary(tmp_path: Path) -> None:
    run = edges(*ADD_ONE, "--file", str(tmp_path / "add.toml"), "--summary", "bad \udcff bytes")
    assert (run.code, run.err) == (2, "ots: add: summary: bytes that are not valid UTF-8 at position 4\n")
