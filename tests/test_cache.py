"""The cache of checked files and catalogs: used only when fresh, written whole, bypassed by --no-cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EDGES, edges, ots
from otscli import cache
from otscli import store as store_module


def large_store(path: Path, title: str = "Generated", count: int = 200) -> Path:
    """A file of generated events citing the test store's source."""
    blocks = [f"# {title} events for the cache tests\n"]
    for number in range(count):
        blocks.append(f'[[event]]\nid = "2021-gen-{number}"\ndate = "2021-03"\ntitle = "{title} {number}"\n'
                      f'kind = "meeting"\nsources = ["test-source"]\n')  # fmt: skip
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def titles(path: Path, *options: str) -> set[str]:
    run = edges(*options, "--data", str(path), "list", "--year", "2021", "--json")
    assert run.code == 0, run.err
    return {event["title"].split()[0] for event in run.json()}


def cache_folder() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "otscli"


def cache_files() -> list[str]:
    folder = cache_folder()
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def kinds(entries: list[str]) -> list[str]:
    return sorted(entry.split("-")[0] for entry in entries)


def test_a_file_is_cached_and_a_changed_one_is_read_afresh(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml")
    assert titles(store) == {"Generated"}
    entries = cache_files()
    assert kinds(entries) == ["catalog", "file", "file"]  # the test store, this file, and the two merged
    assert all(entry.endswith(".pickle") for entry in entries)
    assert titles(store) == {"Generated"}
    stat = store.stat()
    large_store(store, title="Changed")
    os.utime(store, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: size and ctime still differ
    assert titles(store) == {"Changed"}
    assert cache_files() == entries  # replaced, not added to


def test_a_catalog_entry_serves_only_the_same_files_in_the_same_order(tmp_path: Path) -> None:
    first = large_store(tmp_path / "first.toml", title="First", count=3)
    second = tmp_path / "second.toml"
    second.write_text(first.read_text(encoding="utf-8").replace("First", "Second").replace("gen-", "other-"))
    both = edges("--data", str(first), "--data", str(second), "list", "--year", "2021", "--json")
    assert {event["title"].split()[0] for event in both.json()} == {"First", "Second"}
    assert titles(first) == {"First"}
    assert titles(second) == {"Second"}
    reordered = edges("--data", str(second), "--data", str(first), "list", "--year", "2021", "--json")
    assert reordered.json() == both.json()  # events sort by date and id whatever the order of the files
    assert kinds(cache_files()) == ["catalog"] * 4 + ["file"] * 3


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml")
    assert titles(store, "--no-cache") == {"Generated"}
    assert cache_files() == []


def test_every_file_read_is_cached_the_bundled_one_too(tmp_path: Path) -> None:
    assert ots("list", "--year", "2009").code == 0
    assert kinds(cache_files()) == ["catalog", "file"]
    assert edges("list").code == 0
    assert kinds(cache_files()) == ["catalog", "catalog", "file", "file"]


def test_an_unreadable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    cache_folder().parent.mkdir(parents=True, exist_ok=True)
    cache_folder().write_text("a file where the folder should be", encoding="utf-8")
    assert titles(large_store(tmp_path / "big.toml")) == {"Generated"}


def test_a_same_size_edit_within_the_same_second_is_seen(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    assert titles(store) == {"Generated"}
    stat = store.stat()
    store.write_text(store.read_text(encoding="utf-8").replace("Generated", "Regulated"), encoding="utf-8")
    assert store.stat().st_size == stat.st_size
    os.utime(store, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert titles(store) == {"Regulated"}


def test_a_damaged_entry_is_ignored_and_replaced(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml")
    titles(store)
    for entry in cache_folder().iterdir():
        entry.write_bytes(b"not a pickle")
    assert titles(store) == {"Generated"}
    for entry in cache_folder().iterdir():
        assert entry.read_bytes() != b"not a pickle"


def test_problems_in_a_cached_file_still_name_their_line(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml")
    titles(store)
    clash = tmp_path / "clash.toml"
    clash.write_text('[[event]]\nid = "2021-gen-3"\ndate = "2021"\ntitle = "x"\nkind = "meeting"\n'
                     'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    run = edges("--data", str(store), "--data", str(clash), "list")
    assert run.code == 1
    line = store.read_text(encoding="utf-8").splitlines().index('id = "2021-gen-3"')
    assert f"first defined at {store}:{line}" in run.err


def test_an_entry_is_used_only_under_its_own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    assert titles(store) == {"Generated"}
    other = large_store(tmp_path / "other.toml", title="Planted", count=3)
    files = [key for key in (cache.key_for(path) for path in (EDGES, store)) if key is not None]
    planted = store_module.load_files([EDGES, other])
    cache.write("catalog", files, planted)  # a catalog of other events, under the key of this list of files
    assert titles(store) == {"Planted"}  # so a matching key is all it takes to be used ...
    monkeypatch.setattr(cache, "__version__", "0.0.0-another")
    assert titles(store) == {"Generated"}  # ... and another version of ots does not match
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert titles(store) == {"Generated"}
