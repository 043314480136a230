"""Every way to break `ots` ends in the documented exit code and one clear line on stderr.

CASES is the table of docs/errors.md: each row is run here, and the table in that page is rendered from this
list (OTS_UPDATE_README=1 .venv/bin/pytest tests/test_errors.py rewrites it).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import EDGES, ROOT, edges, ots
from test_process import big_store

OTS = [sys.executable, "-m", "otscli"]
START, END = "<!-- errors:start -->", "<!-- errors:end -->"
VALID_EVENT = '[[event]]\nid = "2020-x"\ndate = "2020"\ntitle = "X"\nkind = "meeting"\nsources = ["test-source"]\n'

Outcome = tuple[int, str]


@dataclass(frozen=True)
class Case:
    group: str
    what: str
    example: str
    code: int
    message: str  # FILE stands for the file the case made; "" means stderr stays empty
    run: Callable[[Path], Outcome]


def cli(*args: str, env: dict[str, str] | None = None) -> Callable[[Path], Outcome]:
    def run(_: Path) -> Outcome:
        result = edges(*args, env=env)
        return result.code, result.err

    return run


def with_file(content: bytes | str) -> Callable[[Path], Outcome]:
    """Write FILE, then run `ots validate FILE` on the test store."""

    def run(tmp_path: Path) -> Outcome:
        path = tmp_path / "FILE.toml"
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        result = edges("validate", str(path))
        return result.code, result.err.replace(str(path), "FILE")

    return run


def on_path(path: str) -> Callable[[Path], Outcome]:
    def run(_: Path) -> Outcome:
        result = edges("validate", path)
        return result.code, result.err

    return run


def process(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    shell_env = {**os.environ, **(env or {})}
    ots_line = " ".join([*OTS, "--no-bundled", "--data", str(EDGES)])
    return subprocess.run(["bash", "-c", command.replace("OTS", ots_line)], capture_output=True, env=shell_env)


def markup_printed_literally(_: Path) -> Outcome:
    result = edges("show", "2019-summit")
    assert "Held [bold]somewhere[/] in :smile: Baku." in result.out
    return result.code, result.err


def into_head(tmp_path: Path) -> Outcome:
    store = big_store(tmp_path / "big.toml", 3000)
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", " ".join([*OTS, "--no-bundled", "--data", str(store), "list"]) + " | head -1"],
        capture_output=True,
    )
    return done.returncode, done.stderr.decode()


def closed_stdout(_: Path) -> Outcome:
    done = process("OTS timeline >&-")
    return done.returncode, done.stderr.decode()


def full_disk(_: Path) -> Outcome:
    done = process("OTS timeline > /dev/full")
    return done.returncode, done.stderr.decode()


def narrow_terminal(encoding: str) -> Callable[[Path], Outcome]:
    def run(_: Path) -> Outcome:
        done = process("OTS timeline; OTS list", env={"PYTHONIOENCODING": encoding})
        assert b"Forum across the new year" in done.stdout
        done.stdout.decode(encoding)  # nothing the terminal cannot show
        return done.returncode, done.stderr.decode()

    return run


def json_on_ascii(_: Path) -> Outcome:
    done = process("OTS state turkey --json", env={"PYTHONIOENCODING": "ascii"})
    assert '"name": "Türkiye"' in done.stdout.decode("utf-8")
    return done.returncode, done.stderr.decode()


def not_utf8_argument(_: Path) -> Outcome:
    done = subprocess.run([*OTS, "--no-bundled", "--data", str(EDGES), "city", b"Bak\xfd"], capture_output=True)
    return done.returncode, done.stderr.decode()


def interrupted(tmp_path: Path) -> Outcome:
    store = big_store(tmp_path / "big.toml", 40000)
    child = subprocess.Popen([*OTS, "--no-bundled", "--data", str(store), "list"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)  # fmt: skip
    time.sleep(0.6)
    child.send_signal(signal.SIGINT)
    _, error = child.communicate(timeout=60)
    return child.returncode, error.decode()


def unreadable(tmp_path: Path) -> Outcome:
    path = tmp_path / "FILE.toml"
    path.write_text(VALID_EVENT, encoding="utf-8")
    path.chmod(0)
    # root reads anything; drop the capabilities that let it, so the permission bits count
    drop = [] if os.geteuid() else ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    done = subprocess.run([*drop, *OTS, "--no-bundled", "--data", str(EDGES), "validate", str(path)],
                          capture_output=True)  # fmt: skip
    return done.returncode, done.stderr.decode().replace(str(path), "FILE")


def oversize(tmp_path: Path) -> Outcome:
    path = tmp_path / "FILE.toml"
    with path.open("wb") as handle:
        handle.truncate(65 * 2**20)
    result = edges("validate", str(path))
    return result.code, result.err.replace(str(path), "FILE")


def fifo(tmp_path: Path) -> Outcome:
    path = tmp_path / "FILE.toml"
    os.mkfifo(path)
    result = edges("validate", str(path))
    return result.code, result.err.replace(str(path), "FILE")


def directory(tmp_path: Path) -> Outcome:
    result = edges("validate", str(tmp_path))
    return result.code, result.err.replace(str(tmp_path), "FILE")


def export_into_directory(tmp_path: Path) -> Outcome:
    result = edges("export", "--format", "json", "-o", str(tmp_path))
    return result.code, result.err.replace(str(tmp_path), "FILE")


def timed(limit: float, run: Callable[[Path], Outcome]) -> Callable[[Path], Outcome]:
    """The outcome of `run`, which must also end within `limit` seconds."""

    def check(tmp_path: Path) -> Outcome:
        started = time.monotonic()
        outcome = run(tmp_path)
        assert time.monotonic() - started < limit, "too slow"
        return outcome

    return check


def inline_events(count: int) -> str:
    rows = ", ".join(f'{{ id = "2020-inline-{n}", date = "2020", title = "X", kind = "meeting", sources = '
                     f'["test-source"] }}' for n in range(count))  # fmt: skip
    return f"event = [{rows}]\n"


ADD_ARGS = ["add", "--date", "2024-05-02", "--title", "Elders meet", "--kind", "meeting", "--source", "test-source"]


def add_to(make: Callable[[Path], Path]) -> Callable[[Path], Outcome]:
    """Make a target with `make`, then `ots add --file` it; the target must be as it was."""

    def run(tmp_path: Path) -> Outcome:
        target = make(tmp_path)
        before = os.lstat(target) if os.path.lexists(target) else None
        done = subprocess.run([*OTS, "--no-bundled", "--data", str(EDGES), *ADD_ARGS, "--file", str(target)],
                              capture_output=True, timeout=30)  # fmt: skip
        after = os.lstat(target) if os.path.lexists(target) else None
        assert before is None or (
            after is not None and (before.st_mode, before.st_ino) == (after.st_mode, after.st_ino)
        )
        return done.returncode, done.stderr.decode().replace(str(target), "FILE")

    return run


def a_fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "FILE")
    return tmp_path / "FILE"


def a_loop(tmp_path: Path) -> Path:
    (tmp_path / "FILE").symlink_to(tmp_path / "other")
    (tmp_path / "other").symlink_to(tmp_path / "FILE")
    return tmp_path / "FILE"


def read_only(tmp_path: Path) -> Path:
    (tmp_path / "FILE").write_text(VALID_EVENT, encoding="utf-8")
    (tmp_path / "FILE").chmod(0o444)
    return tmp_path / "FILE"


def add_twice(_: Path) -> Outcome:
    first = edges(*ADD_ARGS)
    assert first.code == 0, first.err
    second = edges(*ADD_ARGS[:4], "Elders meet again", *ADD_ARGS[5:])
    assert second.out == "2024-05-02-elders-meet-again\n"
    return second.code, second.err


def add_not_utf8(tmp_path: Path) -> Outcome:
    done = subprocess.run([*OTS, "--no-bundled", "--data", str(EDGES), *ADD_ARGS[:4], b"Bak\xfd", *ADD_ARGS[5:],
                           "--file", str(tmp_path / "mine.toml")], capture_output=True)  # fmt: skip
    assert not (tmp_path / "mine.toml").exists()
    return done.returncode, done.stderr.decode()


def export_formula(_: Path) -> Outcome:
    done = process("OTS --data tests/data/hostile-export.toml export -f csv --year 2001")
    rows = done.stdout.decode().splitlines()
    assert '"\'=HYPERLINK(""http://x"")"' in rows[1] and ",'- 1. not a list," in rows[1], rows
    return done.returncode, done.stderr.decode()


def markdown_blocks(_: Path) -> Outcome:
    done = process("OTS --data tests/data/hostile-export.toml export -f md --year 2001")
    summary = done.stdout.decode().splitlines()[-2]  # then its sources
    assert summary == "  \\- 1. not a list", summary
    return done.returncode, done.stderr.decode()


def into_true(_: Path) -> Outcome:
    done = process("set -o pipefail; OTS list --json | true")
    return done.returncode, done.stderr.decode()


def export_to_stdout_pipe(_: Path) -> Outcome:
    done = process("set -o pipefail; OTS export -f json -o /dev/stdout | head -c 1")
    assert done.stdout == b"["
    return done.returncode, done.stderr.decode()


def bare(_: Path) -> Outcome:
    done = subprocess.run(OTS, capture_output=True)
    assert done.stdout.decode().startswith("Usage: ots [OPTIONS] COMMAND [ARGS]...\n")
    return done.returncode, done.stderr.decode()


def handler_line() -> int:
    """The line of otscli/__init__.py that installs the Ctrl-C handler."""
    lines = (ROOT / "src" / "otscli" / "__init__.py").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if "signal(" in line and "SIGINT" in line)


def before_ots_ran(code: int, text: str) -> bool:
    """Python's own answer to a Ctrl-C that came before ots's handler was in place: while the interpreter
    started, or delivered at the package's first lines (a pending signal is raised at the next line that runs,
    wherever it arrived)."""
    if (code, text) == (-signal.SIGINT, ""):
        return True
    if not text.rstrip().endswith("KeyboardInterrupt"):
        return False
    ours = [(name, int(line)) for name, line in re.findall(r'File "([^"]+)", line (\d+)', text) if "otscli" in name]
    return all(name.endswith("otscli/__init__.py") and line <= handler_line() for name, line in ours)


def early_interrupt(_: Path) -> Outcome:
    """Ctrl-C at 40 to 120 ms, while Python imports ots: from the package's handler on, one line and exit 130,
    never a traceback from ots's code; before it (the interpreter's own start, the documented window), Python's
    default."""
    outcomes: list[tuple[int, str]] = []
    started = time.perf_counter()
    subprocess.run([*OTS, "list", "--json"], stdout=subprocess.DEVNULL, check=True)
    whole = time.perf_counter() - started  # how long a run takes on this machine now: a busy one is slower
    # Delays from 40 ms to most of a run, then again, until one lands inside ots (at most 27 tries).
    for step in range(27):
        if step >= 9 and (130, "ots: interrupted\n") in outcomes:
            break
        child = subprocess.Popen([*OTS, "list", "--json"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(0.04 + (whole * 0.9 - 0.04) * (step % 9) / 8)
        child.send_signal(signal.SIGINT)
        _, error = child.communicate(timeout=60)
        text = error.decode()
        if before_ots_ran(child.returncode, text):
            continue
        assert "Traceback" not in text, text
        outcomes.append((child.returncode, text))
    assert set(outcomes) <= {(130, "ots: interrupted\n"), (0, "")}, outcomes
    return next((outcome for outcome in outcomes if outcome[0] == 130), outcomes[0] if outcomes else (0, ""))


def without_home(_: Path) -> Outcome:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("HOME", "XDG_"))}
    done = subprocess.run([*OTS, "list", "--json"], capture_output=True, env=environment)
    assert done.stdout.startswith(b"[")
    return done.returncode, done.stderr.decode()


def unchanged_tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() if path.is_file() else b"" for path in folder.rglob("*")}


def site_over_others(tmp_path: Path) -> Outcome:
    """A web root with an index.html and an events/ folder that ots did not write: nothing in it changes."""
    root = tmp_path / "www"
    (root / "events").mkdir(parents=True)
    (root / "index.html").write_text("<h1>my home page</h1>", encoding="utf-8")
    (root / "events" / "thesis.tex").write_text("chapter 1", encoding="utf-8")
    before = unchanged_tree(root)
    result = edges("site", "-o", str(root))
    assert unchanged_tree(root) == before
    return result.code, result.err.replace(str(root), "FILE")


def site_through_planted_link(tmp_path: Path) -> Outcome:
    """A link planted in a site that ots wrote, at site.css: the file it points at is never written."""
    root, victim = tmp_path / "site", tmp_path / "victim.txt"
    assert edges("site", "-o", str(root)).code == 0
    victim.write_text("precious", encoding="utf-8")
    (root / "site.css").unlink()
    (root / "site.css").symlink_to(victim)
    result = edges("site", "-o", str(root))
    assert victim.read_text(encoding="utf-8") == "precious" and (root / "site.css").is_symlink()
    return result.code, result.err.replace(str(root), "FILE")


def site_rebuilt(tmp_path: Path) -> Outcome:
    """A site that ots wrote is rebuilt whole: pages of events no longer selected go, nothing else is left."""
    root = tmp_path / "site"
    assert edges("site", "-o", str(root)).code == 0
    result = edges("site", "-o", str(root), "--kind", "summit")
    assert sorted(path.name for path in (root / "events").iterdir()) == ["2019-summit.html", "2030-planned-summit.html"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    return result.code, "" if result.code == 0 and "pages" in result.err else result.err


def to_stdout_appended(tmp_path: Path) -> Outcome:
    """`-o /dev/stdout` when the shell appends stdout to a log: written into it, never renamed over it."""
    log = tmp_path / "log.txt"
    log.write_text("earlier\n", encoding="utf-8")
    done = process(f"(echo before; OTS export -f jsonl --kind summit -o /dev/stdout; echo after) >> {log}")
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["earlier", "before"] and lines[-1] == "after" and '"2019-summit"' in lines[2]
    return done.returncode, done.stderr.decode()


def onto(make: Callable[[Path], Path]) -> Callable[[Path], Outcome]:
    """`ots export -o FILE` onto a file that must not be replaced: it keeps its bytes."""

    def run(tmp_path: Path) -> Outcome:
        target = make(tmp_path)
        result = edges("export", "-f", "csv", "-o", str(target))
        assert target.read_text(encoding="utf-8") == "someone else's"
        return result.code, result.err.replace(str(target), "FILE")

    return run


def read_only_output(tmp_path: Path) -> Path:
    target = tmp_path / "kept.csv"
    target.write_text("someone else's", encoding="utf-8")
    target.chmod(0o444)
    return target


def another_users_output(tmp_path: Path) -> Path:
    target = tmp_path / "theirs.csv"
    target.write_text("someone else's", encoding="utf-8")
    os.chown(target, 65534, 65534)  # the tests run as root here and in CI
    return target


def dash_is_stdout(tmp_path: Path) -> Outcome:
    done = subprocess.run([*OTS, "--no-bundled", "--data", str(EDGES), "export", "-f", "csv", "-o", "-"],
                          capture_output=True, cwd=tmp_path)  # fmt: skip
    assert done.stdout.startswith(b"id,date,") and list(tmp_path.iterdir()) == []
    return done.returncode, done.stderr.decode()


def trailing_slash(tmp_path: Path) -> Outcome:
    result = edges("list", "-o", f"{tmp_path}/x.csv/")
    assert list(tmp_path.iterdir()) == []
    return result.code, result.err.replace(str(tmp_path), "DIR")


HOSTILE_MARKUP = """\
[[source]]
id = "closing-brace"
title = "Report}, note = {injected"
author = "- Ann Author"
publisher = "Press}, howpublished = {forged"
date = "2024-01-01"
url = "https://example.org/a_(b)?q=<x>"

[[source]]
id = "opening-brace"
title = "An unbalanced { brace"
date = "2024-01-02"
url = "https://example.org/b"

[[organ]]
id = "forged-group"
name = "<img src=x onerror=alert(1)>"
kind = "principal"

[[event]]
id = "2024-01-02-markup"
date = "2024-01-02"
title = "Markup"
kind = "meeting"
organs = ["forged-group"]
summary = "Details at www.example.com, https://example.org/x or press@example.org"
sources = ["closing-brace", "opening-brace", "test-source"]
"""


def hostile_markup(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    data = tmp_path / "markup.toml"
    data.write_text(HOSTILE_MARKUP, encoding="utf-8")
    result = edges("--data", str(data), *args)
    return result.code, result.out, result.err


def bibtex_braces(tmp_path: Path) -> Outcome:
    """Every BibTeX reader counts braces: a brace in a field must neither close it nor swallow the next entry."""
    import bibtexparser

    code, out, err = hostile_markup(tmp_path, "export", "-f", "bibtex", "--year", "2024")
    entries = {entry["ID"]: entry for entry in bibtexparser.loads(out).entries}
    assert sorted(entries) == ["closing-brace", "opening-brace", "test-source"]
    assert "note" not in entries["closing-brace"] and "forged" not in entries["closing-brace"].get("howpublished", "")
    assert r"Report\textbraceright{}, note = \textbraceleft{}injected" in entries["closing-brace"]["title"]
    return code, err


def github_html(markdown: str) -> str:
    import cmarkgfm

    return cmarkgfm.github_flavored_markdown_to_html(markdown)


def markdown_citation(tmp_path: Path) -> Outcome:
    """In a Markdown citation an address is one link, whatever it holds, and an author is text, not a list."""
    code, out, err = hostile_markup(tmp_path, "cite", "2024-01-02-markup", "--format", "markdown")
    html = github_html(out)
    links = re.findall(r'<a href="([^"]*)"', html)
    assert links == ["https://example.org/a_(b)?q=%3Cx%3E", "https://example.org/b", "https://example.org/ots-tests"]
    assert "<img" not in html and html.count("<ul>") == 1 and "<li>- Ann Author" in html
    return code, err


def timelinejs_group(tmp_path: Path) -> Outcome:
    code, out, err = hostile_markup(tmp_path, "export", "-f", "timelinejs", "--year", "2024")
    assert json.loads(out)["events"][0]["group"] == "&lt;img src=x onerror=alert(1)&gt;"
    return code, err


def markdown_autolinks(tmp_path: Path) -> Outcome:
    code, out, err = hostile_markup(tmp_path, "export", "-f", "md", "--year", "2024")
    html = github_html(out)
    assert "www.example.com, https://example.org/x or press<!-- raw HTML omitted -->@example" in html
    links = re.findall(r'<a href="([^"]*)"', html)  # the sources' links only, none made from the summary
    assert links == ["https://example.org/a_(b)?q=%3Cx%3E", "https://example.org/b", "https://example.org/ots-tests"]
    return code, err


def on_terminal(args: list[str], **env: str) -> tuple[int, bytes, str]:
    """`ots ARGS` on the test store, with a pseudo-terminal as stdin and stdout: its exit, screen and stderr."""
    import pty

    leader, follower = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key not in ("PAGER", "OTS_PAGER", "LESS")}
    child = subprocess.Popen([*OTS, "--no-bundled", "--data", str(EDGES), *args], stdin=follower, stdout=follower,
                             stderr=subprocess.PIPE, env={**environment, "TERM": "xterm", **env},
                             start_new_session=True)  # fmt: skip
    os.close(follower)
    chunks = []
    with contextlib.suppress(OSError):
        while chunk := os.read(leader, 65536):
            chunks.append(chunk)
    error = child.stderr.read().decode() if child.stderr else ""
    child.wait(timeout=60)
    os.close(leader)
    return child.returncode, b"".join(chunks), error


def fake_pager(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "pager"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def pager_missing(_: Path) -> Outcome:
    code, screen, error = on_terminal(["timeline", "--pager"], OTS_PAGER="no-such-pager-here")
    assert b"Founding agreement signed" in screen
    return code, error


def pager_empty(tmp_path: Path) -> Outcome:
    """An empty PAGER is no pager, not less: a `less` first on PATH that would record its run is never run."""
    ran = tmp_path / "less-ran"
    fake_pager(tmp_path, f"touch {ran}; cat").rename(tmp_path / "less")
    code, screen, error = on_terminal(["timeline", "--pager"], PAGER="", PATH=f"{tmp_path}:{os.environ['PATH']}")
    assert b"Founding agreement signed" in screen and not ran.exists()
    return code, error


def pager_interrupted(tmp_path: Path) -> Outcome:
    """Ctrl-C reaches the whole foreground group while the pager shows the output: ots waits for the pager."""
    paged = tmp_path / "paged"
    pager = fake_pager(tmp_path, f"trap '' INT; kill -INT 0; sleep 0.2; cat > {paged}")
    code, _, error = on_terminal(["timeline", "--pager"], OTS_PAGER=str(pager))
    assert b"Founding agreement signed" in paged.read_bytes()
    return code, error


def early_readers(_: Path) -> Outcome:
    """A reader that leaves at once, after --version, --help and output that rich draws: exit 0 each time."""
    codes = set()
    for args in ("--version", "--help", "--color always timeline", "--color always show 2019-summit"):
        done = process(f"set -o pipefail; OTS {args} | true")
        codes.add((done.returncode, done.stderr.decode()))
    assert len(codes) == 1, codes
    return codes.pop()


def ascii_locale_arguments(_: Path) -> Outcome:
    done = process("OTS state Türkiye --json", env={"LC_ALL": "C", "PYTHONUTF8": "0"})
    assert b'"id": "TR"' in done.stdout
    return done.returncode, done.stderr.decode()


def uid_without_home(_: Path) -> Outcome:
    """A container's bare uid: no HOME and no entry in the password database."""
    from unittest import mock

    unset = {"HOME": None, "XDG_DATA_HOME": None, "XDG_CACHE_HOME": None}
    with mock.patch("pwd.getpwuid", side_effect=KeyError("uid not found")):
        result = ots("list", "--json", env=unset)  # type: ignore[arg-type]
    assert result.out.startswith("[")
    return result.code, result.err


def empty_home(tmp_path: Path) -> Outcome:
    """HOME set but empty is no home, not the root folder: nothing is created in /."""
    stray = Path("/.cache/otscli")
    if stray.is_dir():  # left by the bug this case guards against
        shutil.rmtree(stray)
    environment = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    done = subprocess.run([*OTS, "list", "--json"], capture_output=True, env={**environment, "HOME": ""},
                          cwd=tmp_path)  # fmt: skip
    assert done.stdout.startswith(b"[") and not stray.exists() and list(tmp_path.iterdir()) == []
    return done.returncode, done.stderr.decode()


PART_LOOP = (
    VALID_EVENT.replace("2020-x", "2020-a")
    + 'part_of = "2020-b"\n\n'
    + VALID_EVENT.replace("2020-x", "2020-b")
    + 'part_of = "2020-a"\n'
)


def fifo_cache_lock(tmp_path: Path) -> Outcome:
    """A FIFO planted where a cache entry's lock goes: the next run neither blocks on it nor fails."""
    cache = tmp_path / "cache"
    env = {"XDG_CACHE_HOME": str(cache)}
    first = subprocess.run([*OTS, "list", "--json"], capture_output=True, env={**os.environ, **env}, timeout=60)
    assert first.returncode == 0
    time.sleep(0.5)  # the entry is written by a child once the command has answered
    for entry in (cache / "otscli").glob("*.marshal"):
        entry.unlink()
        lock = entry.with_name(entry.name + ".lock")
        lock.unlink(missing_ok=True)
        os.mkfifo(lock)
    done = subprocess.run([*OTS, "list", "--json"], capture_output=True, env={**os.environ, **env}, timeout=20)
    assert done.stdout.startswith(b"[")
    return done.returncode, done.stderr.decode()


def dangling_lock_link(tmp_path: Path) -> Outcome:
    """A FILE.lock that is a link to nowhere: add does not create what it points at."""
    target, elsewhere = tmp_path / "mine.toml", tmp_path / "planted"
    (tmp_path / "mine.toml.lock").symlink_to(elsewhere)
    result = edges(*ADD_ARGS, "--file", str(target))
    assert not elsewhere.exists() and not target.exists()
    return result.code, result.err.replace(str(tmp_path / "mine.toml.lock"), "FILE")


def repeated_fields(tmp_path: Path) -> Outcome:
    result = edges("list", "-o", str(tmp_path / "x.csv"), "--fields", "id,title,id", "--kind", "summit")
    header, row, *_ = (tmp_path / "x.csv").read_text(encoding="utf-8").splitlines()
    assert header == "id,title" and row.count(",") == 1, (header, row)
    return result.code, result.err


def huge_argument(_: Path) -> Outcome:
    result = edges("city", "B" * 130_000)
    assert len(result.err) < 1100 and result.err.endswith("B'; see 'ots cities'\n")
    return result.code, result.err


def add_into_full_disk(tmp_path: Path) -> Outcome:
    target = tmp_path / "mine.toml"
    done = process(" ".join(["OTS", shlex.join([*ADD_ARGS, "--file", str(target)]), "> /dev/full"]))
    assert "2024-05-02-elders-meet" in target.read_text(encoding="utf-8")
    return done.returncode, done.stderr.decode().replace(str(target), "FILE")


CASES = [
    Case("Data on the screen", "Rich markup in a title or summary", "`ots show ID`", 0, "",
         markup_printed_literally),
    Case("Data on the screen", "A control character in a data file", "`title = \"a\\u0007b\"`", 1,
         "FILE:4: event 2020-x: title: control character U+0007 at position 1",
         with_file(VALID_EVENT.replace('title = "X"', 'title = "a\\u0007b"'))),
    Case("Data on the screen", "A bidi override in a data file", "`title = \"a\\u202eb\"`", 1,
         "FILE:4: event 2020-x: title: bidirectional control character U+202E at position 1",
         with_file(VALID_EVENT.replace('title = "X"', 'title = "a\\u202eb"'))),
    Case("Data on the screen", "An escape sequence in a path", "`ots --data $'x\\e[2J.toml' list`", 1,
         "x\\x1b[2J.toml: no such file", cli("--data", "x\x1b[2J.toml", "list")),
    Case("Data on the screen", "An escape sequence in an argument", "`ots city $'\\e[31mBaku'`", 2,
         "ots: unknown city '\\x1b[31mBaku'; did you mean Baku?", cli("city", "\x1b[31mBaku")),
    Case("Arguments", "A malformed date", "`ots list --since 2019-1`", 2,
         "ots: --since: '2019-1' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
         cli("list", "--since", "2019-1")),
    Case("Arguments", "An impossible date", "`ots list --until 2023-02-30`", 2,
         "ots: --until: 2023-02-30 does not exist: Feb 2023 has 28 days", cli("list", "--until", "2023-02-30")),
    Case("Arguments", "A year out of range", "`ots list --year 10000`", 2,
         "ots: --year: '10000' is not a year or a span of years", cli("list", "--year", "10000")),
    Case("Arguments", "A negative or non-numeric limit", "`ots list --limit -1`", 2,
         "ots: Invalid value for '--limit'", cli("list", "--limit", "-1")),
    Case("Arguments", "`--since` after `--until`", "`ots list --since 2020 --until 2019`", 2,
         "ots: --since 2020 is after --until 2019; nothing can match",
         cli("list", "--since", "2020", "--until", "2019")),
    Case("Arguments", "An empty or blank query", "`ots search ' '`", 2, "ots: empty search text", cli("search", " ")),
    Case("Arguments", "An empty or blank id or name", "`ots show ''`", 2, "ots: empty event id", cli("show", "")),
    Case("Arguments", "An unknown choice", "`ots list --kind sumit`", 2,
         "ots: unknown kind 'sumit'; did you mean summit?", cli("list", "--kind", "sumit")),
    Case("Arguments", "An unknown format", "`ots export --format pdf`", 2,
         "ots: --format: unknown format 'pdf'", cli("export", "--format", "pdf")),
    Case("Arguments", "An unknown option", "`ots list --colour`", 2,
         "ots: No such option: --colour (see 'ots list --help')", cli("list", "--colour")),
    Case("Arguments", "An argument that is not valid UTF-8", "`ots city $'Bak\\xfd'`", 2,
         "ots: unknown city 'Bak\\udcfd'; did you mean Baku?", not_utf8_argument),
    Case("Streams", "The reader of a pipe stops early", "`ots list \\| head -1`", 0, "", into_head),
    Case("Streams", "Standard output closed", "`ots timeline >&-`", 1, "ots: standard output is closed",
         closed_stdout),
    Case("Streams", "A full disk", "`ots timeline > /dev/full`", 1,
         "ots: cannot write output: No space left on device", full_disk),
    Case("Streams", "An ASCII-only terminal", "`PYTHONIOENCODING=ascii ots timeline`", 0, "",
         narrow_terminal("ascii")),
    Case("Streams", "A Latin-1 terminal", "`PYTHONIOENCODING=latin-1 ots timeline`", 0, "",
         narrow_terminal("latin-1")),
    Case("Streams", "JSON on an ASCII terminal (still UTF-8)", "`PYTHONIOENCODING=ascii ots state TR --json`", 0, "",
         json_on_ascii),
    Case("Streams", "Ctrl-C", "Ctrl-C during `ots list`", 130, "ots: interrupted", interrupted),
    Case("Files", "A missing file", "`ots --data nope.toml list`", 1, "nope.toml: no such file",
         cli("--data", "nope.toml", "list")),
    Case("Files", "A directory", "`ots validate /tmp`", 1, "FILE: is a directory, not a data file", directory),
    Case("Files", "A FIFO", "`ots validate pipe`", 1, "FILE: not a regular file", fifo),
    Case("Files", "A device", "`ots validate /dev/zero`", 1, "/dev/zero: not a regular file", on_path("/dev/zero")),
    Case("Files", "An unreadable file", "`chmod 0 FILE; ots validate FILE`", 1, "FILE: permission denied", unreadable),
    Case("Files", "An empty file (no events)", "`ots validate empty.toml`", 0, "", with_file("")),
    Case("Files", "A byte-order mark", "UTF-8 with BOM", 0, "", with_file(b"\xef\xbb\xbf" + VALID_EVENT.encode())),
    Case("Files", "CRLF line ends", "Windows line ends", 0, "", with_file(VALID_EVENT.replace("\n", "\r\n"))),
    Case("Files", "A lone CR", "`a = 1\\rb = 2`", 1, "FILE:1:6: TOML syntax:", with_file("a = 1\rb = 2\n")),
    Case("Files", "Invalid UTF-8", "a Latin-1 byte", 1, "FILE:4:13: invalid UTF-8 (byte 0xfd)",
         with_file(VALID_EVENT.replace('title = "X"', 'title = "Bak\xfd"').encode("latin-1"))),
    Case("Files", "Very deep nesting", "`x = [[[[…]]]]`", 1, "FILE: TOML nested too deeply to read",
         with_file("x = " + "[" * 100_000 + "]" * 100_000 + "\n")),
    Case("Files", "A file over 64 MiB", "a 65 MiB file", 1, "FILE: larger than the 64 MiB limit for a data file",
         oversize),
    Case("Files", "A TOML date-time where a date belongs", "`date = 2020-01-01T10:00:00`", 1,
         "FILE:3: event 2020-x: date: a date and time was given where a date belongs",
         with_file(VALID_EVENT.replace('date = "2020"', "date = 2020-01-01T10:00:00"))),
    Case("Files", "A duplicate key", "`id = …` twice", 1, "FILE:3:14: TOML syntax: Cannot overwrite a value",
         with_file('[[event]]\nid = "2020-x"\nid = "2020-y"\n')),
    Case("Files", "An id that clashes with the bundled data", "`id = \"2019-summit\"`", 1,
         "FILE:1: event 2019-summit: id: duplicate id, first defined at",
         with_file(VALID_EVENT.replace("2020-x", "2019-summit"))),
    Case("Files", "An unknown key", "`colour = \"red\"`", 1, "FILE:7: event 2020-x: colour: unknown key",
         with_file(VALID_EVENT + 'colour = "red"\n')),
    Case("Files", "Exporting onto a directory", "`ots export -f json -o /tmp`", 1,
         "FILE: cannot write: is a directory", export_into_directory),
    Case("Hostile files", "An escape sequence in a key", "`\"\\e[2J\" = 1`", 1,
         "FILE:1: event 2020-x: \\x1b[2J: unknown key", with_file(VALID_EVENT + '"\\u001b[2J" = 1\n')),
    Case("Hostile files", "An invisible character in a name", "`title = \"Ba\\u200bku\"`", 1,
         "FILE:4: event 2020-x: title: invisible character U+200B at position 2",
         with_file(VALID_EVENT.replace('title = "X"', 'title = "Ba\\u200bku"'))),
    Case("Hostile files", "A line separator in a summary", "`summary = \"a\\u2028b\"`", 1,
         "FILE:7: event 2020-x: summary: invisible character U+2028 at position 1",
         with_file(VALID_EVENT + 'summary = "a\\u2028b"\n')),
    Case("Hostile files", "A key of 50,000 dotted parts (100 KB)", "`a.b.b.b…b = 1`", 1,
         "FILE:7: a key of more than 64 dotted parts",
         timed(10, with_file(VALID_EVENT + "a." + ".".join(["b"] * 50_000) + " = 1\n"))),
    Case("Hostile files", "4,000 events in one inline array", "`event = [{…}, …]`", 0, "",
         timed(20, with_file(inline_events(4000)))),
    Case("Hostile files", "Digits of another script in a date", "`date = \"٢٠٢٠\"`", 1,
         "FILE:3: event 2020-x: date: '٢٠٢٠' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
         with_file(VALID_EVENT.replace('date = "2020"', 'date = "٢٠٢٠"'))),
    Case("Adding", "`add` twice to the default file", "`ots add …; ots add …`", 0, "", add_twice),
    Case("Adding", "`add` to a FIFO", "`ots add --file pipe …`", 1,
         "FILE: not changed: not a regular file; add writes only to a regular data file", add_to(a_fifo)),
    Case("Adding", "`add` to a directory", "`ots add --file /tmp …`", 1,
         "FILE: not changed: is a directory, not a data file", add_to(lambda tmp_path: tmp_path)),
    Case("Adding", "`add` to a device", "`ots add --file /dev/null …`", 1,
         "FILE: not changed: not a regular file", add_to(lambda _: Path("/dev/null"))),
    Case("Adding", "`add` to a loop of symlinks", "`ln -s a b; ln -s b a`", 1,
         "FILE: not changed: a loop of symbolic links", add_to(a_loop)),
    Case("Adding", "`add` to a read-only file", "`chmod 444 FILE`", 1, "FILE: not changed: the file is read-only",
         add_to(read_only)),
    Case("Adding", "`add` with an argument that is not UTF-8", "`ots add --title $'Bak\\xfd' …`", 2,
         "ots: add: title: bytes that are not valid UTF-8 at position 3", add_not_utf8),
    Case("Exports", "A CSV cell that a spreadsheet would run", "`title = \"=HYPERLINK(…)\"`", 0, "",
         export_formula),
    Case("Exports", "Markdown that would become a list", "`summary = \"- 1. not a list\"`", 0, "",
         markdown_blocks),
    Case("Streams", "A reader that reads nothing", "`ots list --json \\| true`", 0, "", into_true),
    Case("Streams", "Exporting to /dev/stdout in a pipe", "`ots export -o /dev/stdout \\| head -c 1`", 0, "",
         export_to_stdout_pipe),
    Case("Streams", "A bare `ots`", "`ots`", 0, "", bare),
    Case("Streams", "Ctrl-C while ots starts", "Ctrl-C 40–120 ms after `ots` starts", 130, "ots: interrupted",
         early_interrupt),
    Case("Streams", "No home folder", "`env -u HOME ots list`", 0, "", without_home),
    Case("Writing files", "`site -o` on a folder ots did not write", "`ots site -o ~/www` (an index.html of yours)",
         1, "FILE: holds files that ots did not write", site_over_others),
    Case("Writing files", "A link planted in a site folder", "`ln -s ~/.bashrc site/site.css`", 1,
         "FILE: holds files that ots did not write (site.css); nothing was changed", site_through_planted_link),
    Case("Writing files", "Rebuilding a site ots wrote", "`ots site -o site; ots site -o site --kind summit`", 0, "",
         site_rebuilt),
    Case("Writing files", "`-o /dev/stdout` appended to a log", "`ots export -o /dev/stdout >> log`", 0, "",
         to_stdout_appended),
    Case("Writing files", "`-o` onto a read-only file", "`chmod 444 FILE; ots export -o FILE`", 1,
         "FILE: not changed: the file is read-only", onto(read_only_output)),
    Case("Writing files", "`-o` onto another user's file", "`ots export -o /tmp/theirs.csv`", 1,
         "FILE: not changed: the file belongs to another user", onto(another_users_output)),
    Case("Writing files", "`-o -`", "`ots export -f csv -o -`", 0, "", dash_is_stdout),
    Case("Writing files", "`-o` naming a folder", "`ots list -o x.csv/`", 2,
         "ots: -o DIR/x.csv/: names a folder; give a file name", trailing_slash),
    Case("Exports", "A brace in a BibTeX field", "`title = \"Report}, note = {x\"`", 0, "", bibtex_braces),
    Case("Exports", "Markup in a cited address or author", "`url = \"https://x/a_(b)\"`, `author = \"- A\"`", 0, "",
         markdown_citation),
    Case("Exports", "HTML in a TimelineJS group", "`name = \"<img …>\"`", 0, "", timelinejs_group),
    Case("Exports", "An address in Markdown text", "`summary = \"see www.example.com\"`", 0, "",
         markdown_autolinks),
    Case("Streams", "A pager that cannot start", "`OTS_PAGER=nonexistent ots timeline`", 0, "", pager_missing),
    Case("Streams", "An empty PAGER", "`PAGER= ots timeline`", 0, "", pager_empty),
    Case("Streams", "Ctrl-C while the pager runs", "Ctrl-C in `less`", 0, "", pager_interrupted),
    Case("Streams", "A reader that leaves at once", "`ots --version \\| true`", 0, "", early_readers),
    Case("Arguments", "UTF-8 arguments in an ASCII locale", "`LC_ALL=C PYTHONUTF8=0 ots state Türkiye`", 0, "",
         ascii_locale_arguments),
    Case("Streams", "A uid with no home and no passwd entry", "`docker run --user 54321 …`", 0, "", uid_without_home),
    Case("Streams", "An empty HOME", "`HOME= ots list`", 0, "", empty_home),
    Case("Hostile files", "A blank letter in a name", "`title = \"Ba\\u3164ku\"` (a Hangul filler)", 1,
         "FILE:4: event 2020-x: title: invisible character U+3164 at position 2",
         with_file(VALID_EVENT.replace('title = "X"', 'title = "Ba\\u3164ku"'))),
    Case("Hostile files", "A variation selector in a summary", "`summary = \"a\\ufe0fb\"`", 1,
         "FILE:7: event 2020-x: summary: invisible character U+FE0F at position 1",
         with_file(VALID_EVENT + 'summary = "a\\ufe0fb"\n')),
    Case("Hostile files", "A loop of part_of", "`a` part of `b`, `b` part of `a`", 1,
         "FILE:7: event 2020-a: part_of: a loop of parts: 2020-a → 2020-b → 2020-a", with_file(PART_LOOP)),
    Case("Hostile files", "A FIFO planted as a cache lock", "`mkfifo ~/.cache/otscli/catalog-….lock`", 0, "",
         fifo_cache_lock),
    Case("Adding", "`add` with a dangling lock link", "`ln -s /elsewhere FILE.lock`", 1,
         "FILE: cannot open lock: it is a symbolic link; remove it", dangling_lock_link),
    Case("Adding", "`add` into a full disk", "`ots add … > /dev/full`", 1,
         "FILE: event 2024-05-02-elders-meet was added, but its id could not be printed: No space left on device",
         add_into_full_disk),
    Case("Arguments", "A field given twice", "`ots list --fields id,title,id -o x.csv`", 0, "", repeated_fields),
    Case("Arguments", "A 130 KB argument", "`ots city $(head -c 130000 …)`", 2, "characters left out", huge_argument),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.what for case in CASES])
def test_error_case(case: Case, tmp_path: Path) -> None:
    code, err = case.run(tmp_path)
    assert code == case.code, err
    assert "Traceback" not in err
    if case.message:
        assert case.message in err
        assert len(err.splitlines()) == 1, err
    else:
        assert err == ""


def errors_table() -> str:
    lines = [START, "", "| | Case | Example | Exit | On stderr |", "|---|---|---|---|---|"]
    group = ""
    for case in CASES:
        escaped = case.message.replace("|", "\\|")
        shown = f"`{escaped}`" if case.message else "nothing"
        lines.append(f"| {case.group if case.group != group else ''} | {case.what} | {case.example} | {case.code} "
                     f"| {shown} |")  # fmt: skip
        group = case.group
    return "\n".join([*lines, "", END])


def test_the_manuals_errors_table_is_this_list() -> None:
    page = ROOT / "docs" / "errors.md"
    text = page.read_text(encoding="utf-8")
    start, end = text.index(START), text.index(END) + len(END)
    fresh = text[:start] + errors_table() + text[end:]
    if os.environ.get("OTS_UPDATE_README"):
        page.write_text(fresh, encoding="utf-8")
    assert fresh == text, "docs/errors.md: table is stale: OTS_UPDATE_README=1 .venv/bin/pytest tests/test_errors.py"
