"""`ots add` and `ots validate` on real files: nothing a user wrote is ever lost, half-written or reformatted."""

from __future__ import annotations

import fcntl
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EDGES, edges, ots

OTS = [sys.executable, "-m", "otscli"]
ADD = ["add", "--date", "2024-05-02", "--title", "Elders meet", "--kind", "meeting", "--source", "test-source"]

HAND_WRITTEN = """\
# My own events — kept by hand.   Odd  spacing stays.
format = 1

[[event]]   # a comment after a header
id    = "2023-01-mine"
date  = "2023-01"
title = 'Written by hand'
kind  = "meeting"
sources = [ "test-source" ]  # trailing comment
"""


def add(target: Path, *args: str) -> tuple[int, str]:
    run = edges("add", "--file", str(target), *ADD[1:], *args)
    return run.code, run.out + run.err


def loads(path: Path) -> list[str]:
    run = edges("--data", str(path), "list", "--json")
    assert run.code == 0, run.err
    return [event["id"] for event in run.json() if event["id"].startswith(("2023-", "2024-", "2025-"))]


def test_add_appends_after_the_original_bytes_and_keeps_them(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    code, out = add(target, "--organ", "Aksakals Council", "--city", "Naxçıvan", "--state", "turkey")
    assert (code, out) == (0, "2024-05-02-elders-meet\n")
    content = target.read_text(encoding="utf-8")
    assert content.startswith(HAND_WRITTEN + "\n[[event]]\n")
    assert 'organs = [\n    "CoE",\n]' in content and 'city = "nakhchivan"' in content
    assert loads(target) == ["2023-01-mine", "2024-05-02-elders-meet"]


def test_crlf_files_get_crlf_and_a_missing_final_newline_is_added(tmp_path: Path) -> None:
    target = tmp_path / "crlf.toml"
    original = HAND_WRITTEN.replace("\n", "\r\n").rstrip("\r\n").encode("utf-8")
    target.write_bytes(original)
    assert add(target)[0] == 0
    content = target.read_bytes()
    assert content.startswith(original + b"\r\n\r\n[[event]]\r\n")
    assert b"\n" not in content.replace(b"\r\n", b"")
    assert loads(target) == ["2023-01-mine", "2024-05-02-elders-meet"]


def test_the_default_file_and_folder_are_created_and_loaded(tmp_path: Path) -> None:
    run = edges("add", *ADD[1:], "--id", "2024-05-02-mine")
    assert (run.code, run.out) == (0, "2024-05-02-mine\n")
    assert (Path(os.environ["XDG_DATA_HOME"]) / "otscli" / "events.toml").is_file()
    assert "2024-05-02-mine" in [event["id"] for event in edges("list", "--json").json()]


def test_a_symlinked_file_is_written_through_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text(HAND_WRITTEN, encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    real.chmod(0o600)
    assert add(link)[0] == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith(HAND_WRITTEN)
    assert real.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("content", "args", "code", "message"),
    [
        ("[[event]\nbroken", [], 1, "TOML syntax"),
        ('event = [{ id = "2023-x", date = "2023", title = "x", kind = "meeting", sources = ["test-source"] }]\n', [],
         1, "inline 'event = [...]' array"),
        (HAND_WRITTEN, ["--id", "2023-01-mine"], 1, "already exists"),
        (HAND_WRITTEN, ["--id", "2019-summit"], 1, "already exists"),
        (HAND_WRITTEN, ["--city", "Atlantis"], 2, "unknown city 'Atlantis'"),
        (HAND_WRITTEN, ["--kind", "party"], 2, "unknown kind 'party'"),
        (HAND_WRITTEN, ["--end", "2024-04-01"], 2, "is before date"),
        (HAND_WRITTEN, ["--source", "nowhere"], 2, "unknown source 'nowhere'"),
        (HAND_WRITTEN, ["--title", "bad \u202e title"], 2, "bidirectional control character"),
    ],
)  # fmt: skip
def test_refusals_leave_the_file_byte_identical(
    tmp_path: Path, content: str, args: list[str], code: int, message: str
) -> None:
    target = tmp_path / "mine.toml"
    target.write_bytes(content.encode("utf-8"))
    before = target.read_bytes()
    result, out = add(target, *args)
    assert result == code, out
    assert message in out
    assert len(out.splitlines()) == 1
    assert target.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine.toml"]  # refused before taking the lock


def test_add_names_every_unknown_name_at_once_and_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    run = edges("add", "--file", str(target), *ADD[1:], "--state", "Atlantis", "--state", "AZ", "--state", "Qqq",
                "--organ", "Xyzzy", "--city", "Gotham", "--source", "nowhere")  # fmt: skip
    assert (run.code, run.out) == (2, "")
    assert run.err.splitlines() == [
        "ots: unknown source 'nowhere'; see 'ots sources'",
        "ots: unknown organ 'Xyzzy'; see 'ots organs'",
        "ots: unknown state 'Atlantis'; see 'ots states'",
        "ots: unknown state 'Qqq'; see 'ots states'",
        "ots: unknown city 'Gotham'; see 'ots cities'",
    ]
    assert target.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_failure_between_write_and_replace_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")

    def failing_replace(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    monkeypatch.setattr("otscli.atomic.exchange", failing_replace)
    code, out = add(target)
    assert code == 1
    assert out == f"{target}: cannot write: No space left on device; file unchanged\n"
    assert target.read_text(encoding="utf-8") == HAND_WRITTEN
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine.toml", "mine.toml.lock"]


@pytest.mark.slow
def test_a_held_lock_makes_add_give_up_after_its_timeout(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    with (tmp_path / "mine.toml.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        started = time.monotonic()
        run = edges("add", "--file", str(target), *ADD[1:], env={"OTS_LOCK_TIMEOUT": "3"})
        waited = time.monotonic() - started
    assert run.code == 1 and "locked by another writer for 3 s" in run.err
    assert 2.5 <= waited < 10
    assert target.read_text(encoding="utf-8") == HAND_WRITTEN


def spawn_add(target: Path, event_id: str) -> subprocess.Popen[bytes]:
    command = [*OTS, "--no-bundled", "--data", str(EDGES), *ADD, "--file", str(target), "--id", event_id]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_many_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    target = tmp_path / "shared.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    wanted = [f"2024-05-02-writer-{writer}-event-{number}" for number in range(6) for writer in range(4)]
    pending = list(wanted)
    while pending:
        batch, pending = pending[:4], pending[4:]
        processes = [spawn_add(target, event_id) for event_id in batch]
        for process in processes:
            assert process.stderr is not None
            error = process.stderr.read()
            assert process.wait(timeout=60) == 0, error
    assert sorted(loads(target)) == sorted(["2023-01-mine", *wanted])
    assert target.read_text(encoding="utf-8").startswith(HAND_WRITTEN)


@pytest.mark.slow
def test_writers_killed_at_random_moments_leave_a_loadable_file(tmp_path: Path) -> None:
    target = tmp_path / "killed.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    chance = random.Random(20091003)
    for number in range(12):
        process = spawn_add(target, f"2024-05-02-killed-{number}")
        time.sleep(chance.uniform(0.0, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        assert process.stderr is not None
        process.stderr.close()
        content = target.read_text(encoding="utf-8")
        assert content.startswith(HAND_WRITTEN)
        ids = loads(target)
        assert ids[0] == "2023-01-mine"
        assert all(event_id.startswith("2024-05-02-killed-") for event_id in ids[1:])
    assert add(target, "--id", "2025-after-the-kills")[0] == 0
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_validate_is_silent_when_clean() -> None:
    run = ots("validate")
    assert (run.code, run.out, run.err) == (0, "", "")


def test_validate_reports_every_problem_in_every_file(tmp_path: Path) -> None:
    first = tmp_path / "first.toml"
    first.write_text('[[event]]\nid = "2019-summit"\ndate = "2019"\ntitle = "Dup"\nkind = "summit"\n'
                     'sources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    second = tmp_path / "second.toml"
    second.write_text("[[event]\n", encoding="utf-8")
    run = edges("validate", str(first), str(second))
    assert run.code == 1
    assert run.out == ""
    lines = run.err.splitlines()
    assert lines[0].startswith(f"{second}:1:") and "TOML syntax" in lines[0]
    assert lines[1].startswith(f"{first}:1: event 2019-summit: id: duplicate id, first defined at {EDGES}:")


def test_a_users_source_may_leave_out_its_language_but_not_misspell_it(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    source = '[[source]]\nid = "mine"\ntitle = "Mine"\nurl = "https://example.org/m"\n'
    mine.write_text(source, encoding="utf-8")
    assert edges("validate", str(mine)).code == 0
    for tag in ("en", "uz-Cyrl", "pt-BR", "es-419"):
        mine.write_text(source + f'language = "{tag}"\n', encoding="utf-8")
        assert edges("validate", str(mine)).code == 0, tag
    for tag in ("English", "EN", "en_US", "e", "tr-", ""):
        mine.write_text(source + f'language = "{tag}"\n', encoding="utf-8")
        run = edges("validate", str(mine))
        assert run.code == 1, tag
        assert (
            run.err == f"{mine}:5: source mine: language: not a language tag: write a BCP 47 tag such as en, "
            "tr, kk or uz-Cyrl\n"
        ), run.err


def test_validate_accepts_a_bom_and_crlf(tmp_path: Path) -> None:
    target = tmp_path / "bom.toml"
    target.write_bytes(b"\xef\xbb\xbf" + HAND_WRITTEN.replace("\n", "\r\n").encode("utf-8"))
    assert edges("validate", str(target)).code == 0


def test_validate_reports_invalid_utf8_by_line_and_column(tmp_path: Path) -> None:
    target = tmp_path / "latin1.toml"
    target.write_bytes(HAND_WRITTEN.encode("utf-8") + b'summary = "Bak\xfd"\n')
    run = edges("validate", str(target))
    assert (run.code, run.err) == (1, f"{target}:10:15: invalid UTF-8 (byte 0xfd)\n")


def test_validate_survives_deep_nesting(tmp_path: Path) -> None:
    target = tmp_path / "deep.toml"
    target.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    run = edges("validate", str(target))
    assert run.code == 1
    assert len(run.err.splitlines()) == 1 and str(target) in run.err


def test_validate_refuses_an_oversize_file(tmp_path: Path) -> None:
    target = tmp_path / "huge.toml"
    with target.open("wb") as handle:
        handle.truncate(65 * 2**20)
    run = edges("validate", str(target))
    assert (run.code, run.err) == (1, f"{target}: larger than the 64 MiB limit for a data file\n")


def test_validate_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, message in (
        (tmp_path, "is a directory, not a data file"),
        (fifo, "not a regular file"),
        (Path("/dev/zero"), "not a regular file"),
    ):
        run = edges("validate", str(path))
        assert (run.code, run.err) == (1, f"{path}: {message}\n")


def default_file() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "otscli" / "events.toml"


def test_add_twice_to_the_default_file_as_the_manual_says() -> None:
    assert edges(*ADD, "--id", "2024-05-02-first").out == "2024-05-02-first\n"
    second = edges(*ADD, "--id", "2024-05-02-second")
    assert (second.code, second.out, second.err) == (0, "2024-05-02-second\n", "")
    assert loads(default_file()) == ["2024-05-02-first", "2024-05-02-second"]


@pytest.mark.parametrize("spelling", ["same", "relative", "symlink"])
def test_a_target_also_named_in_ots_data_or_by_another_spelling_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(target)
    monkeypatch.chdir(tmp_path)
    named = {"same": str(target), "relative": "mine.toml", "symlink": str(tmp_path / "link.toml")}[spelling]
    run = edges("--data", named, "add", "--file", str(target), *ADD[1:], env={"OTS_DATA": named})
    assert (run.code, run.err) == (0, "")
    assert loads(target) == ["2023-01-mine", "2024-05-02-elders-meet"]


def test_an_ots_data_file_that_does_not_exist_yet_can_be_the_first_add(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    run = edges("add", "--file", str(target), *ADD[1:], env={"OTS_DATA": str(target)})
    assert (run.code, run.err) == (0, "")
    assert "2024-05-02-elders-meet" in target.read_text(encoding="utf-8")


def test_root_keeps_the_owner_group_and_mode_of_a_users_file(tmp_path: Path) -> None:
    target = tmp_path / "theirs.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    os.chown(target, 65534, 65534)
    target.chmod(0o640)
    assert add(target)[0] == 0
    info = target.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o7777) == (65534, 65534, 0o640)


def test_a_change_saved_while_add_runs_is_kept(tmp_path: Path) -> None:
    """An editor appending lines the whole time `ots add` runs: every line it wrote is still there."""
    target = tmp_path / "edited.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    writer = subprocess.Popen([*OTS, "--no-bundled", "--data", str(EDGES), *ADD, "--file", str(target)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    written = []
    while writer.poll() is None and len(written) < 5000:
        line = f"# saved by an editor, line {len(written)}\n"
        with target.open("a", encoding="utf-8") as editor:
            editor.write(line)
        written.append(line)
        time.sleep(0.001)
    out, err = writer.communicate(timeout=60)
    content = target.read_text(encoding="utf-8")
    assert all(line in content for line in written), "an edit made while ots add ran was lost"
    if writer.returncode == 0:
        assert out == b"2024-05-02-elders-meet\n" and '[[event]]\nid = "2024-05-02-elders-meet"' in content
    else:  # refusing is allowed, discarding never
        assert b"kept changing the file" in err and "2024-05-02-elders-meet" not in content


def write_at_the_last_moment(monkeypatch: pytest.MonkeyPatch, edit: Callable[[Path], None]) -> None:
    """Makes `edit` happen to the file once, after ots add's last look at it and just before it swaps its new
    file in."""
    import otscli.atomic

    real_exchange = otscli.atomic.exchange

    def edit_then_exchange(first: Path, second: Path) -> bool:
        monkeypatch.setattr(otscli.atomic, "exchange", real_exchange)
        edit(second)
        return real_exchange(first, second)

    monkeypatch.setattr(otscli.atomic, "exchange", edit_then_exchange)


@pytest.mark.parametrize("late", [b"# appended by an editor\n", b'[[event]]\nid = "2024-06-late"\n'])
def test_an_append_between_the_last_look_and_the_rename_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, late: bytes
) -> None:
    """An editor's append that lands after ots last checked the file, just before the swap: ots sees that the
    file it took out is not the one it read and puts it back. It adds the event after what the editor wrote when
    the whole still loads; when the editor's half-written event does not, it says so and adds nothing."""
    target = tmp_path / "edited.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")

    def append(path: Path) -> None:
        with path.open("ab") as editor:
            editor.write(late)

    write_at_the_last_moment(monkeypatch, append)
    run = edges(*ADD, "--file", str(target))
    content = target.read_bytes()
    assert content.startswith(HAND_WRITTEN.encode() + late)
    if late.startswith(b"#"):
        assert run.code == 0, run.err
        assert content.count(b'id = "2024-05-02-elders-meet"') == 1
    else:
        assert run.code == 1 and "not changed: the file would not load with the event" in run.err
        assert content == HAND_WRITTEN.encode() + late


def test_a_rewrite_between_the_last_look_and_the_rename_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor that saves the whole file in place at that moment: ots adds the event to what the editor saved."""
    target = tmp_path / "edited.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    saved = HAND_WRITTEN.replace("Odd  spacing stays", "Edited while ots add ran").encode()
    write_at_the_last_moment(monkeypatch, lambda path: path.write_bytes(saved))
    run = edges(*ADD, "--file", str(target))
    assert run.code == 0, run.err
    content = target.read_bytes()
    assert content.startswith(saved)
    assert content.count(b'id = "2024-05-02-elders-meet"') == 1


@pytest.mark.slow
def test_sixteen_writers_at_once_all_succeed(tmp_path: Path) -> None:
    target = tmp_path / "busy.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    rounds = int(os.environ.get("OTS_TEST_ADD_ROUNDS", "4"))  # 50 for the full contention run (CONTRIBUTING.md)

    def writer(number: int) -> subprocess.Popen[bytes]:
        ids = " ".join(f"2024-05-02-w{number}-{k}" for k in range(rounds))
        loop = f'for id in {ids}; do "$@" --id "$id" || exit 1; done'
        return subprocess.Popen(["bash", "-c", loop, "writer", *OTS, "--no-bundled", "--data", str(EDGES), *ADD,
                                 "--file", str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip

    writers = [writer(number) for number in range(16)]
    failures = [process.communicate(timeout=600)[1] for process in writers if process.wait(timeout=600) != 0]
    assert failures == []
    assert len(loads(target)) == 1 + 16 * rounds


def test_a_folder_that_cannot_be_synced_says_the_event_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat as stat_module

    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if stat_module.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(5, "Input/output error")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    code, out = add(target)
    assert code == 1
    assert "written, but its folder could not be synced" in out and "unchanged" not in out
    assert "2024-05-02-elders-meet" in target.read_text(encoding="utf-8")


def test_a_save_by_rename_just_before_the_swap_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor that saves by renaming a new file over the data file, after ots add's last look and before its
    own rename, keeps what it saved: ots sees the swap took out a file it did not read, undoes it and retries."""
    import otscli.atomic

    target = tmp_path / "edited.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    real_exchange = otscli.atomic.exchange
    saved = HAND_WRITTEN + "# saved by an editor\n"

    def save_then_exchange(first: Path, second: Path) -> bool:
        monkeypatch.setattr(otscli.atomic, "exchange", real_exchange)
        edited = tmp_path / ".edited.toml.swp"
        edited.write_text(saved, encoding="utf-8")
        edited.replace(target)
        return real_exchange(first, second)

    monkeypatch.setattr(otscli.atomic, "exchange", save_then_exchange)
    code, out = add(target)
    assert (code, out) == (0, "2024-05-02-elders-meet\n")
    content = target.read_text(encoding="utf-8")
    assert content.startswith(saved) and '[[event]]\nid = "2024-05-02-elders-meet"' in content


def test_every_event_says_where_it_was_read_from_even_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN.replace("test-source", "ots-political-cooperation-2024"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    spellings = ("mine.toml", "mine.toml", f"../{tmp_path.name}/mine.toml", str(target))
    for number, spelling in enumerate(spellings):  # the second run reads the first one's cache entry
        if number == 1:
            assert list((Path(os.environ["XDG_CACHE_HOME"]) / "otscli").glob("catalog-*.marshal"))
        events = ots("--data", spelling, "list", "--json").json()
        origins = {event["id"]: event["origin"] for event in events}
        assert origins.pop("2023-01-mine") == spelling
        assert set(origins.values()) == {"bundled"}
    shown = ots("--data", "mine.toml", "show", "2023-01-mine").out
    assert shown.splitlines()[-1].split() == ["from", "your", "file", "mine.toml"]
    bundled = ots("show", "2018-09-03-summit-cholpon-ata").out
    assert bundled.splitlines()[-1].split() == ["from", "the", "bundled", "record"]
    chosen = ots("--data", "mine.toml", "list", "--year", "2023", "--fields", "id,origin", "--json").json()
    assert {"id": "2023-01-mine", "origin": "mine.toml"} in chosen
    import csv

    exported = ots("--data", "mine.toml", "export", "--format", "csv", "--year", "2023").out
    rows = list(csv.DictReader(exported.splitlines(keepends=True)))
    assert list(rows[0])[-1] == "origin"
    assert {row["id"]: row["origin"] for row in rows if row["origin"] != "bundled"} == {"2023-01-mine": "mine.toml"}


def test_add_with_a_new_source_address_records_the_source_in_the_same_file(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    code, out = add(target, "--source-url", "https://www.aa.com.tr/en/elders/", "--source-title", "Elders meet",
                    "--source-date", "2024-05-03", "--source-publisher", "Anadolu Agency")  # fmt: skip
    assert (code, out) == (0, "2024-05-02-elders-meet\n")
    added = target.read_text(encoding="utf-8").removeprefix(HAND_WRITTEN)
    assert added.startswith(
        '\n[[source]]\nid = "aa-2024-05-03-elders-meet"\ntitle = "Elders meet"\npublisher = "Anadolu Agency"\n'
        'date = "2024-05-03"\nurl = "https://www.aa.com.tr/en/elders/"\n\n[[event]]\nid = "2024-05-02-elders-meet"\n'
    )
    page = edges("--data", str(target), "show", "2024-05-02-elders-meet", "--json").json()
    assert [source["id"] for source in page["sources"]] == ["test-source", "aa-2024-05-03-elders-meet"]


def add_without_source(target: Path, *args: str) -> tuple[int, str]:
    run = edges("add", "--file", str(target), "--date", "2024-05-02", "--kind", "meeting", *args)
    return run.code, run.out + run.err


def test_add_with_a_known_address_cites_the_known_source_and_adds_none(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    for number, url in enumerate(["https://EXAMPLE.org/ots-tests/", "https://example.org/ots-tests"]):
        code, out = add_without_source(target, "--title", f"Known {number}", "--source-url", url,
                                       "--source-title", "ignored: the source is known")  # fmt: skip
        assert code == 0, out
    content = target.read_text(encoding="utf-8")
    assert "[[source]]" not in content and content.count('sources = [\n    "test-source",\n]') == 2


def test_a_new_source_address_is_refused_without_a_title_or_when_it_is_no_address(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    code, out = add_without_source(target, "--title", "T", "--source-url", "https://example.org/new")
    assert (code, out) == (
        2,
        "ots: add: no source has the address 'https://example.org/new' yet; give --source-title too\n",
    )
    code, out = add(target, "--source-url", "example.org/new", "--source-title", "T")
    assert code == 2 and "--source-url" in out
    code, out = add_without_source(target, "--title", "T", "--source-title", "T")
    assert code == 2 and "describe a --source-url" in out
    assert target.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_new_source_id_taken_already_gets_a_number(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    for day in ("03", "04"):
        code, out = add_without_source(target, "--title", f"On the {day}", "--source-url", f"https://24.kg/{day}",
                                       "--source-title", "Same title", "--source-date", "2024-05")  # fmt: skip
        assert code == 0, out
    sources = edges("--data", str(target), "sources", "--json").json()
    assert [source["id"] for source in sources if source["id"] != "test-source"] == [
        "24-2024-05-same-title",
        "24-2024-05-same-title-2",
    ]
