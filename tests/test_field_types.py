"""The checked field types (otscli.field_types): what one-line text, prose and addresses may hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ONE_EVENT, edges


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('"T"', '"T\\nX"'), "4: event x: title: control character U+000A at position 1"),
        (('"T"', '"T\\tX"'), "4: event x: title: control character U+0009 at position 1"),
        (('"T"', '"T\u202eX"'), "4: event x: title: bidirectional control character U+202E at position 1"),
        (('"T"', '"T\u200dX"'), "4: event x: title: invisible character U+200D at position 1"),
        (('"T"', '"   "'), "4: event x: title: must not be empty"),
        (('sources = ["test-source"]', 'sources = ["test-source"]\nsummary = "a\u200bb"'),
         "7: event x: summary: invisible character U+200B at position 1"),
    ],
)  # fmt: skip
def test_one_line_fields_refuse_what_prose_may_hold(tmp_path: Path, change: tuple[str, str], problem: str) -> None:
    path = tmp_path / "text.toml"
    path.write_text(ONE_EVENT.replace(*change), encoding="utf-8")
    assert edges("--data", str(path), "validate").err == f"{path}:{problem}\n"


def test_prose_may_hold_tabs_newlines_and_joiners(tmp_path: Path) -> None:
    path = tmp_path / "prose.toml"
    path.write_text(ONE_EVENT + 'summary = "a\\tb\\nc, a\u200db"\n', encoding="utf-8")
    assert edges("--data", str(path), "validate").code == 0


def test_addresses_and_the_years_at_the_ends(tmp_path: Path) -> None:
    path = tmp_path / "ends.toml"
    path.write_text('[[source]]\nid = "s"\ntitle = "S"\nurl = "ftp://x"\n', encoding="utf-8")
    assert (
        edges("--data", str(path), "validate").err == f"{path}:4: source s: url: 'ftp://x' is not an http(s) address\n"
    )
    for year in ("0001", "9999"):
        path.write_text(ONE_EVENT.replace('"2019"', f'"{year}"'), encoding="utf-8")
        assert edges("--data", str(path), "validate").code == 0, year
    assert len(edges("list", "--since", "0001", "--json").json()) == len(edges("list", "--json").json())
