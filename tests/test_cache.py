"""The cache of large files: used only when fresh, written whole, bypassed by --no-cache."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import edges
from otscli import cache


def large_store(path: Path, title: str = "Generated") -> Path:
    """A file of events above the cache's size threshold, citing the test store's source."""
    blocks = [f"# {title} events for the cache tests\n"]
    number = 0
    while sum(map(len, blocks)) < cache.MIN_BYTES + 1024:
        blocks.append(f'[[event]]\nid = "2021-gen-{number}"\ndate = "2021-03"\ntitle = "{title} {number}"\n'
                      f'kind = "meeting"\nsources = ["test-source"]\n')  # fmt: skip
        number += 1
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def titles(path: Path, *options: str) -> set[str]:
    run = edges(*options, "--data", str(path), "list", "--year", "2021", "--json")
    assert run.code == 0, run.err
    return {event["title"].split()[0] for event in run.json()}


def cache_files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "xdg-cache" / "otscli"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_a_large_file_is_cached_and_a_changed_one_is_read_afresh(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml")
    assert titles(store) == {"Generated"}
    entries = cache_files(tmp_path)
    assert len(entries) == 1 and entries[0].endswith(".pickle")
    assert titles(store) == {"Generated"}
    stat = store.stat()
    large_store(store, title="Changed")
    os.utime(store, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: size and ctime still differ
    assert titles(store) == {"Changed"}


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml")
    assert titles(store, "--no-cache") == {"Generated"}
    assert cache_files(tmp_path) == []


def test_small_files_are_not_cached(tmp_path: Path) -> None:
    assert edges("list").code == 0
    assert cache_files(tmp_path) == []


def test_a_damaged_entry_is_ignored_and_replaced(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml")
    titles(store)
    (entry,) = (tmp_path / "xdg-cache" / "otscli").iterdir()
    entry.write_bytes(b"not a pickle")
    assert titles(store) == {"Generated"}
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
