"""Completion as a user meets it: what each shell offers for a line, keyed by the options and arguments as typed,
and what real bash, zsh and fish insert on Tab for names in their own letters and of several words."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from test_terminal import bash_completes, inserted

BIN = str(Path(sys.executable).parent)


def offered(shell: str, line: str) -> list[str]:
    """What `ots` answers a SHELL's completion script for LINE (typed up to the cursor)."""
    environment = {**os.environ, "OTS_COMPLETE": shell, "OTS_COMP_LINE": line}
    done = subprocess.run([sys.executable, "-m", "otscli"], capture_output=True, text=True, env=environment, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout.splitlines()


@pytest.mark.slow  # seconds each: run by .ci/run
def test_a_name_beyond_ascii_is_never_shortened_to_what_the_candidates_share() -> None:
    """bash replaces the word with what all replies share: Türkiye and Turkmenistan share only "T"."""
    _, replies = bash_completes("ots state Türk")
    assert replies == ["Türkiye", "Türkmenistan"] and inserted(replies) == "Türk"  # Turkmenistan by its alias
    assert bash_completes("ots state Türki")[1] == ["Türkiye"]
    assert bash_completes("ots city İst")[1] == ["İstanbul"]
    assert bash_completes("ots city Şu")[1] == ["Şuşa"]
    assert bash_completes("ots list --city Biş")[1] == ["Bişkek"]
    _, typed_plain = bash_completes("ots state turk")
    assert typed_plain and all(reply.startswith("Turk") for reply in typed_plain)
    assert bash_completes("ots state türkish")[1] == ["Turkish\\ Republic\\ of\\ Northern\\ Cyprus"]


@pytest.mark.slow  # seconds each: run by .ci/run
def test_every_argument_and_option_that_takes_a_source_or_a_name_completes() -> None:
    sources = bash_completes("ots source wikipedia-2024")[1]
    assert sources == ["wikipedia-2024-ots-summit"]
    assert bash_completes("ots add --date 2024 --source wikipedia-2024")[1] == sources
    assert bash_completes("ots sources ")[1] == []  # a listing takes no argument
    assert bash_completes("ots add --organ CoE --state Kaz")[1] == ["Kazakhstan"]
    assert bash_completes("ots add --city Sama")[1] == ["Samarkand"]
    assert bash_completes("ots timeline --host Hung")[1] == ["Hungary"]
    heads = "Council\\ of\\ Heads\\ of\\ State"
    assert bash_completes("ots coverage --organ Council\\ of\\ Heads\\ of\\ St")[1] == [heads]
    assert bash_completes("ots cite 2018-09-03-hu")[1] == ["2018-09-03-hu-observer"]
    assert bash_completes("ots completion ")[1] == ["bash", "zsh", "fish"]
    assert bash_completes("ots export -f geo")[1] == ["geojson"]
    assert bash_completes("ots cite 2019 --format c")[1] == ["csl-json"]  # the same option name, another vocabulary
    assert "agriculture" in bash_completes("ots list --tag agri")[1]


def test_an_option_that_takes_a_new_value_completes_nothing_and_a_path_completes_file_names() -> None:
    assert offered("bash", "ots add --id 2018-09-03-hu") == []  # a new event's id: no existing one fits
    assert offered("bash", "ots search Summ") == []  # free text
    for line in ("ots add --file ", "ots --data ", "ots validate ", "ots site -o ", "ots stats -o ", "ots list -o "):
        assert offered("bash", line) == ["__files__"], line


def test_every_option_and_argument_with_a_closed_vocabulary_or_a_record_name_has_its_completion() -> None:
    """Read off the commands' own declarations: a new option that takes a name or a vocabulary and completes
    nothing fails here."""
    from otscli.cli.app import app
    from otscli.cli.complete import _command, is_argument, value_completion
    from otscli.cli.registry import COMMANDS

    named = {"NAME", "ID", "KIND", "STATUS", "STYLE", "FORMAT", "GROUP", "WHEN", "SHELL", "TAG"}
    root = _command(app)
    declared = [("", param) for param in root.params]
    declared += [(name, param) for name in COMMANDS for param in root.get_command(None, name).params]
    missing = [
        (name, param.metavar if is_argument(param) else param.opts[0])
        for name, param in declared
        if param.metavar in named and value_completion(param, name) is None
    ]
    assert missing == []
    assert len([1 for name, param in declared if value_completion(param, name) is not None]) > 40


# Each shell started interactively on a pseudo-terminal, with ots's completion loaded as a user loads it.
SHELLS = {
    "bash": (["bash", "--norc", "--noprofile", "-i"], "source <(ots completion bash)\n"),
    "zsh": (["zsh", "-f", "-i"], "autoload -Uz compinit && compinit -u -D && source <(ots completion zsh)\n"),
    "fish": (["fish", "--no-config", "-i"], "ots completion fish | source\n"),
}
# What is typed before Tab, and the record the completed command line then finds.
TYPED = [
    ("ots state Türki", "TR"),
    ("ots city Şu", "shusha"),
    ("ots city Biş", "bishkek"),
    ("ots city İst", "istanbul"),
    ("ots organ Council\\ of\\ Heads\\ of\\ S", "CHS"),
    ("ots organ 'Council of Heads of S", "CHS"),
    ('ots organ "Council of Heads of Mu', "religious-heads"),
    ("ots source wikipedia-2024", "wikipedia-2024-ots-summit"),
]


def take_terminal() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # fish wants a controlling terminal


def type_in(shell: str, lines: list[str], folder: Path) -> list[Path]:
    """Types each line, Tab, then ` --json > FILE` and Enter into a real interactive SHELL; the files written."""
    argv, setup = SHELLS[shell]
    environment = {**os.environ, "PS1": "$ ", "TERM": "dumb", "LC_ALL": "C.UTF-8", "HOME": str(folder),
                   "XDG_CONFIG_HOME": str(folder), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}  # fmt: skip
    answers = [folder / f"answer-{number}.json" for number in range(len(lines))]
    keys = [setup]
    for line, answer in zip(lines, answers, strict=True):
        keys += [line + "\t", f" --json > {answer}\n"]
    leader, follower = pty.openpty()
    process = subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower, env=environment,
                               start_new_session=True, preexec_fn=take_terminal)  # fmt: skip
    os.close(follower)
    try:
        for key in [*keys, "exit\n"]:
            os.write(leader, key.encode())
            deadline = time.monotonic() + 1.0  # the shell's echo, completion and command take well under this
            while time.monotonic() < deadline:
                if select.select([leader], [], [], 0.1)[0]:
                    try:
                        os.read(leader, 65536)
                    except OSError:
                        break
        process.wait(timeout=30)
    finally:
        process.kill()
        os.close(leader)
    return answers


@pytest.mark.programs
@pytest.mark.parametrize("shell", list(SHELLS))
def test_tab_in_a_real_shell_inserts_the_name_quoted_so_the_command_finds_it(shell: str, tmp_path: Path) -> None:
    if shutil.which(shell) is None:
        pytest.fail(f"{shell} is not installed (.ci/run installs it)")
    answers = type_in(shell, [line for line, _ in TYPED], tmp_path)
    found = []
    for answer in answers:
        record = json.loads(answer.read_text(encoding="utf-8")) if answer.exists() else {}
        found.append(next((value["id"] for key, value in record.items() if key != "events"), None))
    assert found == [wanted for _, wanted in TYPED]


@pytest.mark.programs
def test_fish_lists_what_ots_answers() -> None:
    asked = "ots completion fish | source; complete -C'ots state Türk'; complete -C'ots add --source wikipedia-2024'"
    done = subprocess.run(["fish", "--no-config", "-c", asked], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"})  # fmt: skip
    assert done.stdout.splitlines() == ["Türkiye", "Türkmenistan", "wikipedia-2024-ots-summit"]
