"""`ots` as a separate process: pipes, terminals, colour and what the JSON path imports."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from conftest import EDGES

OTS = [sys.executable, "-m", "otscli"]


def big_store(path: Path, count: int) -> Path:
    """A valid data file with `count` events, enough to overflow a pipe's buffer."""
    lines = [EDGES.read_text(encoding="utf-8")]
    for number in range(count):
        lines.append(
            f'[[event]]\nid = "2020-generated-{number}"\ndate = "2020-{number % 12 + 1:02d}"\n'
            f'title = "Generated meeting number {number} with a long enough title"\nkind = "meeting"\n'
            f'city = "baku"\nsources = ["test-source"]\n'
        )
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_piping_into_head_ends_quietly(tmp_path: Path) -> None:
    store = big_store(tmp_path / "big.toml", 3000)
    for command in (["timeline"], ["list"], ["list", "--json"]):
        process = subprocess.Popen(
            [*OTS, "--no-bundled", "--data", str(store), *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read()
        assert process.wait(timeout=60) == 0, error
        assert first
        assert error == b"", command


def test_shell_pipeline_into_head(tmp_path: Path) -> None:
    store = big_store(tmp_path / "big.toml", 3000)
    command = " ".join([*OTS, "--no-bundled", "--data", str(store), "timeline"]) + " | head -n 3"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, timeout=60)
    assert done.returncode == 0
    assert done.stderr == b""
    assert len(done.stdout.splitlines()) == 3


def run_in_terminal(args: list[str], env: dict[str, str], *, stdin_too: bool = False) -> bytes:
    """Run `ots ARGS` with a pseudo-terminal as stdout (and stdin) and return what it drew."""
    leader, follower = pty.openpty()
    stdin = follower if stdin_too else subprocess.DEVNULL
    process = subprocess.Popen([*OTS, *args], stdin=stdin, stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


def terminal_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env.update({"TERM": "xterm-256color", "PAGER": "cat", **extra})  # a pager that never waits for a key
    return env


def test_colour_on_a_terminal_and_none_with_no_color() -> None:
    args = ["--no-bundled", "--data", str(EDGES), "timeline"]
    assert b"\x1b[" in run_in_terminal(args, terminal_env())
    plain = run_in_terminal(args, terminal_env(NO_COLOR="1"))
    assert b"\x1b[" not in plain
    assert b"Founding agreement signed" in plain


def test_the_json_path_never_imports_rich() -> None:
    probe = (
        "import sys; from otscli.cli import run; sys.argv = ['ots', '--no-bundled', '--data', sys.argv[1], "
        "'timeline', '--json']\nrun()\n"
        "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(EDGES)], capture_output=True, text=True, timeout=60)
    assert done.stdout.startswith("[")
    assert done.stderr == ""


def test_the_piped_timeline_draws_without_rich() -> None:
    """A timeline into a pipe is plain text: only an entry too long for COLUMNS would need rich to wrap it."""
    probe = (
        "import sys; from otscli.cli import run; sys.argv = ['ots', '--no-bundled', '--data', sys.argv[1], "
        "'timeline']\nrun()\n"
        "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))"
    )
    environment = {**os.environ, "COLUMNS": "300"}
    done = subprocess.run([sys.executable, "-c", probe, str(EDGES)], capture_output=True, text=True, env=environment)
    assert "Founding agreement signed" in done.stdout
    assert done.stderr == ""


def test_importing_the_cli_does_no_heavy_work() -> None:
    probe = "import sys, otscli.cli; print(' '.join(m for m in ('rich', 'pydantic', 'tomllib') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == ""


def test_a_cached_json_run_imports_neither_pydantic_nor_the_toml_parser() -> None:
    probe = (
        "import sys; from otscli.cli import run; sys.argv = ['ots', 'timeline', '--since', '2019', '--json']\n"
        "run()\n"
        "heavy = ('pydantic', 'pydantic_core', 'tomllib', 'rich')\n"
        "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))"
    )
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert first.stdout.startswith("[") and "pydantic" in first.stderr  # a cache miss validates the file
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert second.stdout == first.stdout
    assert second.stderr == ""


def test_ending_without_the_interpreters_teardown_loses_no_output(tmp_path: Path) -> None:
    """ots ends with os._exit once a command is done; everything it wrote must have reached the pipe or file."""
    from conftest import ots

    store = big_store(tmp_path / "big.toml", 3000)
    args = ["--no-bundled", "--data", str(store)]
    piped = subprocess.run([*OTS, *args, "list", "--json"], capture_output=True, timeout=60)
    assert piped.returncode == 0, piped.stderr
    assert len(piped.stdout) > 2**20  # far more than a pipe holds
    assert piped.stdout.decode("utf-8") == ots(*args, "list", "--json").out
    written = tmp_path / "out.csv"
    exported = subprocess.run([*OTS, *args, "export", "--format", "csv", "-o", str(written)], capture_output=True)
    assert exported.returncode == 0, exported.stderr
    assert written.read_bytes() == ots(*args, "export", "--format", "csv").raw
    failed = subprocess.run([*OTS, *args, "organ", "Nowhere"], capture_output=True, text=True)
    assert (failed.returncode, failed.stdout) == (2, "")
    assert failed.stderr == "ots: unknown organ 'Nowhere'; see 'ots organs'\n"
