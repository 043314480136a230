"""The cache of checked files and catalogs: used only when fresh, written whole, bypassed by --no-cache."""

from __future__ import annotations

import os
import subprocess
import sys
import time
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
    assert kinds(entries) == ["catalog"]  # one entry for the list of files read: the test store and this file
    assert all(entry.endswith(".marshal") for entry in entries)
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
    assert kinds(cache_files()) == ["catalog"] * 4


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml")
    assert titles(store, "--no-cache") == {"Generated"}
    assert cache_files() == []


def test_every_file_read_is_cached_the_bundled_one_too(tmp_path: Path) -> None:
    assert ots("list", "--year", "2009").code == 0
    assert kinds(cache_files()) == ["catalog"]
    assert edges("list").code == 0
    assert kinds(cache_files()) == ["catalog", "catalog"]


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


def plant_foreign_catalog(store: Path, title: str) -> Path:
    """Write an entry of other events under the key of [test store, store], as this user; returns its path."""
    other = large_store(store.with_name("other.toml"), title=title, count=3)
    with open_files([EDGES, store]) as keys:
        cache.write(keys, store_module.load_files([EDGES, other]))
    (entry,) = [path for path in cache_folder().iterdir() if path.name.endswith(".marshal")]
    return entry


class open_files:
    """The cache keys of some files, as the loader takes them from the open descriptors."""

    def __init__(self, paths: list[Path]) -> None:
        self.opened = [store_module.open_data_file(path) for path in paths]

    def __enter__(self) -> list[cache.Key]:
        return [file.key for file in self.opened]

    def __exit__(self, *_: object) -> None:
        for file in self.opened:
            os.close(file.descriptor)


def test_an_entry_is_used_only_under_its_own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    plant_foreign_catalog(store, "Planted")
    assert titles(store) == {"Planted"}  # an entry of our own, under the right key, is trusted ...
    monkeypatch.setattr(cache, "__version__", "0.0.0-another")
    assert titles(store) == {"Generated"}  # ... and another version of ots does not match
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert titles(store) == {"Generated"}


def test_an_entry_owned_by_another_user_is_not_trusted(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    entry = plant_foreign_catalog(store, "Forged")
    os.chown(entry, 65534, 65534)  # as if another user of a shared XDG_CACHE_HOME had written it
    assert titles(store) == {"Generated"}


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_folder_others_may_write_is_neither_read_nor_written(tmp_path: Path, mode: int) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    plant_foreign_catalog(store, "Forged")
    cache_folder().chmod(mode)
    assert titles(store) == {"Generated"}
    cache_folder().chmod(0o700)
    assert titles(store) == {"Forged"}  # the entry was left as it was: nothing was written into that folder


def test_a_folder_owned_by_another_user_or_reached_by_a_symlink_is_not_used(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    plant_foreign_catalog(store, "Forged")
    os.chown(cache_folder(), 65534, 65534)
    assert titles(store) == {"Generated"}
    os.chown(cache_folder(), os.geteuid(), os.getegid())
    moved = cache_folder().rename(tmp_path / "elsewhere")
    cache_folder().symlink_to(moved)
    assert titles(store) == {"Generated"}


def test_a_pickle_planted_as_an_entry_runs_no_code(tmp_path: Path) -> None:
    import pickle

    store = large_store(tmp_path / "big.toml", count=3)
    entry = plant_foreign_catalog(store, "Planted")
    marker = tmp_path / "code-ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (Path.touch, (marker,))

    entry.write_bytes(pickle.dumps(Payload()))
    assert titles(store) == {"Generated"}
    assert not marker.exists()


def test_a_fifo_or_a_symlink_planted_as_an_entry_is_not_followed(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    entry = plant_foreign_catalog(store, "Planted")
    entry.unlink()
    os.mkfifo(entry)
    command = [sys.executable, "-m", "otscli", "--no-bundled", "--data", str(EDGES), "--data", str(store), "list"]
    finished = subprocess.run([*command, "--json"], capture_output=True, timeout=30, env=os.environ.copy())
    assert finished.returncode == 0, finished.stderr
    with open_files([EDGES, store]) as keys:
        cache.wait_for_writer(keys)  # the entry that run writes after it has answered
    entry.unlink()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    entry.symlink_to(victim)
    assert titles(store) == {"Generated"}
    assert victim.read_text(encoding="utf-8") == "keep me"  # the link was replaced, not written through
    assert not entry.is_symlink()


def test_a_relative_cache_home_is_ignored_and_no_home_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert titles(store) == {"Generated"}
    assert not (tmp_path / "relative-cache").exists()
    assert (tmp_path / "home" / ".cache" / "otscli").is_dir()  # the spec's default instead
    command = [sys.executable, "-m", "otscli", "--no-bundled", "--data", str(EDGES), "list", "--json"]
    environment = {
        key: value for key, value in os.environ.items() if key not in ("HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")
    }
    finished = subprocess.run(command, capture_output=True, env=environment, timeout=60)
    assert (finished.returncode, finished.stderr) == (0, b"")


def test_the_key_is_taken_from_the_file_that_was_read(tmp_path: Path) -> None:
    first = large_store(tmp_path / "first.toml", title="First", count=3)
    second = large_store(tmp_path / "second.toml", title="Second", count=3)
    link = tmp_path / "current.toml"
    link.symlink_to(first)
    opened = store_module.open_data_file(link)
    try:
        link.unlink()
        link.symlink_to(second)  # switched while the command runs
        assert "First" in opened.read_text()
        assert opened.key[2] == first.stat().st_ino != second.stat().st_ino
    finally:
        os.close(opened.descriptor)


OTS_COMMAND = [sys.executable, "-m", "otscli", "--no-bundled", "--data", str(EDGES)]


def test_the_entry_of_a_first_run_is_written_after_it_answers_and_the_next_run_uses_it(tmp_path: Path) -> None:
    """The console script writes a first run's entry in a detached child; the next run, even at once, either
    finds it or waits for it, and so parses nothing."""
    big = large_store(tmp_path / "big.toml", count=3000)
    command = [*OTS_COMMAND, "--data", str(big), "list", "--json"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], capture_output=True, text=True)
    assert second.stdout == first.stdout
    assert "pydantic" not in second.stderr and "tomli" not in second.stderr
    assert any(name.endswith(".marshal") for name in cache_files())


def test_a_run_waits_for_an_entry_being_written(tmp_path: Path) -> None:
    """While another ots holds the entry's lock, a run that misses waits; once it is free, it goes on."""
    keys = [store_module.open_data_file(EDGES).key]
    lock = cache.lock_entry(keys)
    assert lock is not None
    try:
        waiting = subprocess.Popen([*OTS_COMMAND, "list", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(1.0)
        assert waiting.poll() is None  # still waiting for the entry
    finally:
        os.close(lock)
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert out.decode() == edges("list", "--json").out


def test_no_cache_reads_no_entry(tmp_path: Path) -> None:
    store = large_store(tmp_path / "big.toml", count=3)
    plant_foreign_catalog(store, "Planted")
    assert titles(store) == {"Planted"}  # the entry is believed when read: it is the user's own
    assert titles(store, "--no-cache") == {"Generated"}


def test_a_catalog_from_the_cache_rebuilds_a_table_only_when_it_is_asked_for_and_equals_the_parsed_one(
    tmp_path: Path,
) -> None:
    """Reading an entry rebuilds the events; the sources, organs, states, cities and claims stay marshal bytes
    until a command asks for them (932 sources are read by no listing)."""
    from otscli.models import DEFERRED
    from otscli.names import fold
    from otscli.query import FOLDED_TEXTS, folded_texts

    parsed = store_module.load_files([EDGES], cache=False)
    store_module.load_files([EDGES], cache=True)  # writes the entry
    cached = store_module.load_files([EDGES], cache=True)
    assert set(cached.__dict__[DEFERRED]) == {"sources", "organs", "states", "cities", "claims", FOLDED_TEXTS}
    assert cached.events == parsed.events and "sources" not in cached.__dict__
    assert cached.source_by_id == parsed.source_by_id  # the index asks for its table, which is rebuilt then
    assert set(cached.__dict__[DEFERRED]) == {"organs", "states", "cities", "claims", FOLDED_TEXTS}
    assert cached == parsed  # comparing asks for every table
    assert set(cached.__dict__[DEFERRED]) == {FOLDED_TEXTS}
    # the events' folded texts, kept for a search, are those folding gives, each once
    assert folded_texts(cached) == folded_texts(parsed) and len(folded_texts(parsed)) == len(parsed.events)
    event = next(event for event in parsed.events if event.outcomes or event.tags)
    text = " ".join([event.title, event.summary, *event.outcomes, *event.tags, event.id])
    assert folded_texts(cached)[event.id] == fold(text) and cached.__dict__[DEFERRED] == {}


def test_an_entry_with_one_damaged_table_is_a_miss_not_a_later_error(tmp_path: Path) -> None:
    """Each table is stored with its CRC-32 and every one is checked on reading, so that damage to a table no
    command has asked for yet is found while the files can still be parsed afresh."""
    import marshal

    store = large_store(tmp_path / "big.toml")
    titles(store)
    (entry,) = cache_folder().iterdir()
    key, (tables, checksums, *rest) = marshal.loads(entry.read_bytes())
    sources = bytearray(tables[0])
    sources[len(sources) // 2] ^= 0x01  # one bit of the sources' bytes
    damaged = (bytes(sources), *tables[1:])
    entry.write_bytes(marshal.dumps((key, (damaged, checksums, *rest))))
    assert cache.decode_catalog((tables, checksums, *rest)).events  # the undamaged payload reads
    with pytest.raises(ValueError, match="damaged"):
        cache.decode_catalog((damaged, checksums, *rest))
    assert titles(store) == {"Generated"}
    assert edges("--data", str(store), "sources", "--json").code == 0
