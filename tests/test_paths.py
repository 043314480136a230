"""Where ots finds the user's data file (otscli.paths), with and without a home folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ONE_EVENT, edges


def test_the_default_personal_file_is_under_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    personal = tmp_path / ".local" / "share" / "otscli" / "events.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(ONE_EVENT.replace('id = "x"', 'id = "mine"'), encoding="utf-8")
    assert "mine" in [event["id"] for event in edges("list", "--json").json()]
    assert "mine" not in [event["id"] for event in edges("--no-user-data", "list", "--json").json()]


def test_no_home_at_all_is_no_user_file_and_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    run = edges("list", "--json")
    assert run.code == 0 and len(run.json()) == 5
