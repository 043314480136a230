"""`ots edit` and `ots remove` on real files, with a real editor process: a user's own events change only as a
whole valid record, every other byte of the file stays, and nothing of the bundled record is touched."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from conftest import EDGES, Run, edges, ots

MINE = """\
# My own events.   Odd  spacing stays.
format = 1

# The elders' first meeting: noted by hand.
[[event]]   # a comment after a header
id    = "2023-01-mine"
date  = "2023-01"
title = 'Written by hand'
kind  = "meeting"
sources = [ "test-source" ]  # trailing comment

# A comment that stands apart, above the second event.

[[event]]
id = "2023-02-part"
date = "2023-02"
title = "An act done at it"
kind = "document"
sources = ["test-source"]
part_of = "2023-01-mine"

[[event]]
id = "2023-03-last"
date = "2023-03"
title = "The last one"
kind = "meeting"
sources = ["test-source"]
# The end of my file.
"""


def script(tmp_path: Path, name: str, body: str) -> str:
    """A small Python program to stand in for the editor, as a command line for $EDITOR."""
    path = tmp_path / f"{name}.py"
    path.write_text("import pathlib, sys\nedited = pathlib.Path(sys.argv[-1])\n" + body, encoding="utf-8")
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(path))}"


def mine(tmp_path: Path, content: str = MINE, name: str = "mine.toml") -> Path:
    target = tmp_path / name
    target.write_bytes(content.encode("utf-8"))
    return target


def run(target: Path, *args: str, **env: str) -> Run:
    return edges("--data", str(target), *args, env=env)


RETITLE = "edited.write_text(edited.read_text().replace('Written by hand', 'Retitled'))\n"
BREAK = "edited.write_text(edited.read_text().replace('\"meeting\"', '\"picnic\"'))\n"


def test_edit_changes_only_the_event_s_own_lines(tmp_path: Path) -> None:
    target = mine(tmp_path)
    result = run(target, "edit", "2023-01-mine", EDITOR=script(tmp_path, "retitle", RETITLE))
    assert (result.code, result.out) == (0, "2023-01-mine\n"), result.err
    assert target.read_text(encoding="utf-8") == MINE.replace("'Written by hand'", "'Retitled'")
    assert run(target, "show", "2023-01-mine", "--json").json()["event"]["title"] == "Retitled"


def test_the_editor_sees_only_the_event_and_visual_beats_editor_and_may_hold_arguments(tmp_path: Path) -> None:
    seen = tmp_path / "seen.toml"
    record = f"pathlib.Path({str(seen)!r}).write_bytes(edited.read_bytes())\n"
    visual = script(
        tmp_path, "record", record + "edited.write_text(edited.read_text().replace(sys.argv[1], sys.argv[2]))\n"
    )
    target = mine(tmp_path)
    result = run(target, "edit", "2023-03-last", VISUAL=f"{visual} 'The last one' 'Now: the last'",
                 EDITOR=script(tmp_path, "wrong", "raise SystemExit(3)\n"))  # fmt: skip
    assert result.code == 0, result.err
    assert seen.read_text(encoding="utf-8") == MINE[MINE.index('[[event]]\nid = "2023-03-last"') :].removesuffix(
        "# The end of my file.\n"
    )
    assert target.read_text(encoding="utf-8") == MINE.replace("The last one", "Now: the last")


def test_an_edit_that_does_not_validate_is_refused_and_the_file_stays_byte_for_byte(tmp_path: Path) -> None:
    target = mine(tmp_path)
    before = target.stat()
    result = run(target, "edit", "2023-01-mine", EDITOR=script(tmp_path, "break", BREAK))
    assert result.code == 1
    assert "not changed: the edit does not validate" in result.err and "unknown kind 'picnic'" in result.err
    assert "Edit again" not in result.err  # no terminal: nobody to ask
    after = target.stat()
    assert target.read_bytes() == MINE.encode() and (after.st_ino, after.st_mtime_ns) == (
        before.st_ino,
        before.st_mtime_ns,
    )


def test_an_edit_that_breaks_a_reference_from_another_event_is_refused(tmp_path: Path) -> None:
    target = mine(tmp_path)
    rename = "edited.write_text(edited.read_text().replace('2023-01-mine', '2023-01-renamed'))\n"
    result = run(target, "edit", "2023-01-mine", EDITOR=script(tmp_path, "rename", rename))
    assert result.code == 1 and "2023-02-part: part_of: unknown event '2023-01-mine'" in result.err
    assert target.read_bytes() == MINE.encode()


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("edited.write_text(edited.read_text() * 2)\n", "hold one [[event]] and nothing else"),
        ("edited.write_text('')\n", "to take the event out, use ots remove"),
        ("edited.write_text('[[event]\\n')\n", "TOML syntax"),
        ("edited.write_bytes(b'title = \"\\xff\"')\n", "invalid UTF-8"),
    ],
)
def test_an_edit_must_still_be_one_event(tmp_path: Path, body: str, problem: str) -> None:
    target = mine(tmp_path)
    result = run(target, "edit", "2023-03-last", EDITOR=script(tmp_path, "odd", body))
    assert result.code == 1 and problem in result.err, result.err
    assert target.read_bytes() == MINE.encode()


def test_an_unchanged_edit_says_so_and_leaves_the_file_alone(tmp_path: Path) -> None:
    target = mine(tmp_path)
    before = target.stat()
    result = run(target, "edit", "2023-02-part", EDITOR=script(tmp_path, "look", "edited.read_text()\n"))
    assert (result.code, result.out) == (0, "")
    assert result.err == f"ots: nothing changed; {target} left as it was\n"
    assert (target.stat().st_ino, target.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_an_editor_that_fails_or_cannot_start_changes_nothing(tmp_path: Path) -> None:
    target = mine(tmp_path)
    failed = run(target, "edit", "2023-01-mine", EDITOR=script(tmp_path, "fail", RETITLE + "raise SystemExit(2)\n"))
    assert failed.code == 1 and "ended with status 2" in failed.err
    missing = run(target, "edit", "2023-01-mine", EDITOR=str(tmp_path / "no-such-editor"))
    assert missing.code == 1 and "cannot start the editor" in missing.err
    deleted = run(target, "edit", "2023-01-mine", EDITOR=script(tmp_path, "delete", "edited.unlink()\n"))
    assert (deleted.code, deleted.err) == (
        1,
        f"{target}: not changed: cannot read the edited copy: No such file or directory\n",
    )
    assert target.read_bytes() == MINE.encode()


def test_a_file_changed_while_the_editor_ran_is_kept_and_so_is_the_edit(tmp_path: Path) -> None:
    target = mine(tmp_path)
    meanwhile = f"open({str(target)!r}, 'a').write('# saved by someone else\\n')\n" + RETITLE
    result = run(target, "edit", "2023-01-mine", EDITOR=script(tmp_path, "race", meanwhile))
    assert result.code == 1 and "another program changed the file while you edited" in result.err
    assert target.read_text(encoding="utf-8") == MINE + "# saved by someone else\n"
    kept = Path(result.err.rsplit("your edit is kept in ", 1)[1].strip())
    assert "title = 'Retitled'" in kept.read_text(encoding="utf-8")
    shutil.rmtree(kept.parent)


def test_crlf_and_a_byte_order_mark_are_kept(tmp_path: Path) -> None:
    original = b"\xef\xbb\xbf" + MINE.replace("\n", "\r\n").encode()
    target = tmp_path / "mine.toml"
    target.write_bytes(original)
    in_bytes = "edited.write_bytes(edited.read_bytes().replace(b'Written by hand', b'Retitled'))\n"
    assert run(target, "edit", "2023-01-mine", EDITOR=script(tmp_path, "retitle", in_bytes)).code == 0
    assert target.read_bytes() == original.replace(b"'Written by hand'", b"'Retitled'")


def test_an_id_of_the_bundled_record_or_an_unknown_one_is_refused_in_one_line(tmp_path: Path) -> None:
    target = mine(tmp_path)
    bundled_ids = mine(tmp_path, MINE.replace("test-source", "ots-political-cooperation-2024"), "bundled-ids.toml")
    for command in ("edit", "remove"):
        unknown = run(target, command, "2023-01-mien", EDITOR="false")
        assert (unknown.code, unknown.err) == (1, "unknown event '2023-01-mien'; did you mean 2023-01-mine?\n")
        bundled = ots("--data", str(bundled_ids), command, "2018-09-03-summit-cholpon-ata", env={"EDITOR": "false"})
        assert (bundled.code, bundled.err) == (
            1,
            f"2018-09-03-summit-cholpon-ata is in the bundled record, not in your files ({bundled_ids}); only your "
            "own events can be changed\n",
        )
    assert target.read_bytes() == MINE.encode()


def test_edit_asks_again_on_a_terminal_and_saves_the_second_try(tmp_path: Path) -> None:
    import pty
    import subprocess

    target = mine(tmp_path)
    tries = tmp_path / "tries"
    body = (  # the first try breaks the kind; the second finds that broken copy again, mends it and retitles
        f"tries = pathlib.Path({str(tries)!r}); tries.write_text(tries.read_text() + 'x' if tries.exists() else 'x')\n"
        "if tries.read_text() == 'x': edited.write_text(edited.read_text().replace('meeting', 'picnic'))\n"
        "else: edited.write_text(edited.read_text().replace('picnic', 'meeting').replace('The last', 'Second try'))\n"
    )
    leader, follower = pty.openpty()
    env = {**os.environ, "EDITOR": script(tmp_path, "twice", body)}
    process = subprocess.Popen([sys.executable, "-m", "otscli", "--no-bundled", "--data", str(EDGES), "--data",
                                str(target), "edit", "2023-03-last"], stdin=follower, stdout=follower,
                               stderr=follower, env=env)  # fmt: skip
    os.close(follower)
    seen = b""
    while b"Edit again? [Y/n]" not in seen:
        seen += os.read(leader, 4096)
    os.write(leader, b"\n")
    assert process.wait(timeout=60) == 0
    assert b"unknown kind 'picnic'" in seen
    os.close(leader)
    assert tries.read_text() == "xx"
    assert target.read_text(encoding="utf-8") == MINE.replace("The last one", "Second try one")


def test_remove_takes_the_event_and_the_comments_right_above_it_and_keeps_every_other_byte(tmp_path: Path) -> None:
    target = mine(tmp_path)
    removed = run(target, "remove", "2023-02-part")
    assert (removed.code, removed.out) == (0, "2023-02-part\n"), removed.err
    start = MINE.index('[[event]]\nid = "2023-02-part"')
    assert target.read_text(encoding="utf-8") == MINE[:start] + MINE[MINE.index('[[event]]\nid = "2023-03-last"') :]
    first = run(target, "remove", "2023-01-mine")
    assert first.code == 0, first.err
    last = MINE[MINE.index('[[event]]\nid = "2023-03-last"') :]
    head = "# My own events.   Odd  spacing stays.\nformat = 1\n\n"
    assert (
        target.read_text(encoding="utf-8") == head + "# A comment that stands apart, above the second event.\n\n" + last
    )


def test_removing_the_last_event_leaves_no_blank_lines_behind(tmp_path: Path) -> None:
    content = MINE.removesuffix("# The end of my file.\n")
    target = mine(tmp_path, content)
    assert run(target, "remove", "2023-03-last").code == 0
    assert target.read_text(encoding="utf-8") == content[: content.index('\n\n[[event]]\nid = "2023-03-last"') + 1]


def test_remove_refuses_an_event_that_others_refer_to_naming_them(tmp_path: Path) -> None:
    target = mine(tmp_path)
    refused = run(target, "remove", "2023-01-mine")
    assert (refused.code, refused.err) == (
        1,
        f"{target}: not changed: 2023-01-mine is referred to by event 2023-02-part (part_of); change or remove those "
        "first\n",
    )
    founded = edges("remove", "2009-10-03-founded", "--file", str(EDGES))
    assert founded.code == 1 and "state AZ (membership), state TR (membership)" in founded.err
    assert target.read_bytes() == MINE.encode()


def test_remove_refuses_when_another_file_refers_to_the_event(tmp_path: Path) -> None:
    target = mine(tmp_path)
    other = tmp_path / "other.toml"
    other.write_text(
        '[[event]]\nid = "2024-x"\ndate = "2024"\ntitle = "X"\nkind = "document"\nsources = ["test-source"]\n'
        'part_of = "2023-03-last"\n',
        encoding="utf-8",
    )
    refused = run(target, "--data", str(other), "remove", "2023-03-last", "--file", str(target))
    assert refused.code == 1 and "referred to by event 2024-x (part_of)" in refused.err
    assert target.read_bytes() == MINE.encode()


def test_remove_dry_run_prints_the_lines_that_would_go_and_changes_nothing(tmp_path: Path) -> None:
    target = mine(tmp_path)
    before = target.stat()
    dry = run(target, "remove", "2023-01-mine", "--dry-run")
    assert dry.code == 1  # referred to: refused even as a dry run
    dry = run(target, "remove", "2023-02-part", "--dry-run")
    assert dry.code == 0 and dry.out == MINE[MINE.index('[[event]]\nid = "2023-02-part"') :].split("\n\n")[0] + "\n"
    assert target.read_bytes() == MINE.encode() and target.stat().st_mtime_ns == before.st_mtime_ns


def test_remove_finds_the_event_in_whichever_of_the_users_files_holds_it(tmp_path: Path) -> None:
    target = mine(tmp_path)
    default = Path(os.environ["XDG_DATA_HOME"]) / "otscli" / "events.toml"
    default.parent.mkdir(parents=True)
    default.write_text(
        'format = 1\n\n[[event]]\nid = "2024-in-default"\ndate = "2024"\ntitle = "D"\nkind = "meeting"\n'
        'sources = ["test-source"]\n',
        encoding="utf-8",
    )
    assert run(target, "remove", "2024-in-default").code == 0
    assert default.read_text(encoding="utf-8") == "format = 1\n"
    wrong = run(target, "remove", "2023-03-last", "--file", str(default))
    assert (wrong.code, wrong.err) == (
        1,
        f"2023-03-last is in {target}, not in {default}; name that file with --file\n",
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('event = [{ id = "2023-01-mine", date = "2023", title = "T", kind = "meeting", sources = ["test-source"] }]\n',
         "not all written as [[event]] tables"),
        (MINE.replace("title = 'Written by hand'", 'title = "W"\nsummary = """\n[[event]]\nid = "x"\n"""'),
         "cannot tell the lines of event 2023-03-last apart"),
    ],
)  # fmt: skip
def test_a_file_whose_event_lines_cannot_be_told_apart_is_left_to_the_hand(
    tmp_path: Path, content: str, problem: str
) -> None:
    target = mine(tmp_path, content)
    event_id = "2023-01-mine" if content.startswith("event") else "2023-03-last"
    for command in ("edit", "remove"):
        result = run(target, command, event_id, EDITOR=script(tmp_path, "retitle", RETITLE))
        assert result.code == 1 and problem in result.err, result.err
    assert target.read_text(encoding="utf-8") == content


def test_other_line_breaks_in_a_comment_do_not_shift_the_event_s_lines(tmp_path: Path) -> None:
    content = MINE.replace("# My own events.", "# My own events\u2028(a line separator)\x85(next line).")
    target = mine(tmp_path, content)
    assert run(target, "remove", "2023-03-last").code == 0
    kept = content[: content.index('[[event]]\nid = "2023-03-last"')]
    assert target.read_text(encoding="utf-8") == kept + "# The end of my file.\n"


def test_edit_and_remove_wait_for_add_s_lock_and_give_up_with_the_file_as_it_was(tmp_path: Path) -> None:
    import fcntl

    target = mine(tmp_path)
    with (tmp_path / "mine.toml.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        removed = run(target, "remove", "2023-03-last", OTS_LOCK_TIMEOUT="0.3")
        edited = run(target, "edit", "2023-01-mine", OTS_LOCK_TIMEOUT="0.3", EDITOR=script(tmp_path, "r", RETITLE))
    for result in (removed, edited):
        assert (result.code, result.err) == (
            1,
            f"{target}: not changed: locked by another writer for 0.3 s; try again\n",
        )
    assert target.read_bytes() == MINE.encode()
