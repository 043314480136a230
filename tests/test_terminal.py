"""Stats, on-this-day, and how `ots` behaves on terminals: colour rules, width, pager, completion."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EDGES, edges, examples, ots
from test_process import run_in_terminal, terminal_env

OTS = [sys.executable, "-m", "otscli", "--no-bundled", "--data", str(EDGES)]


def test_stats_by_year_counts_a_range_in_each_year_it_touches() -> None:
    counts = {item["key"]: item["count"] for item in edges("stats", "--json").json()}
    held = {"2009": 1, "2017": 1, "2018": 1, "2019": 2, "2030": 1}
    assert counts == {str(year): held.get(str(year), 0) for year in range(2009, 2031)}  # the empty years as 0


def test_stats_by_state_counts_host_and_participants_once_each() -> None:
    counts = {item["label"]: item["count"] for item in edges("stats", "--by", "state", "--json").json()}
    assert counts == {"Azerbaijan": 3, "Türkiye": 3, "Hungary": 1}


def test_stats_are_drawn_as_bars_and_follow_filters() -> None:
    out = edges("stats", "--by", "kind", "--status", "held").out
    assert out.splitlines() == [f"{kind:<10} 1 {'█' * 50}" for kind in ("agreement", "conference", "meeting", "summit")]
    by_year = edges("stats", "--by", "year", "--year", "2019").out.splitlines()
    assert by_year == [f"2018 1 {'█' * 25}", f"2019 2 {'█' * 50}"]  # the forum over new year counts in both
    assert edges("stats", "--by", "colour").code == 2


def test_on_this_day_counts_years_ago_and_ranges() -> None:
    this_year = dt.date.today().year
    founded = edges("on-this-day", "--date", "10-03", "--json").json()
    assert [(item["years_ago"], item["event"]["id"]) for item in founded] == [(this_year - 2009, "2009-10-03-founded")]
    new_year = edges("on-this-day", "--date", "01-01", "--json").json()
    assert [(item["years_ago"], item["event"]["id"]) for item in new_year] == [
        (this_year - 2019, "2018-12-30-new-year-forum")
    ]
    drawn = edges("on-this-day", "--date", "10-03").out
    assert drawn.startswith(f"{this_year - 2009} years ago  3 Oct 2009 ● Founding agreement signed")
    nothing = edges("on-this-day", "--date", "07-04")
    assert (nothing.out, nothing.err) == ("", "The record holds no event for this day in earlier years.\n")
    assert edges("on-this-day", "--date", "02-30").code == 2


def test_the_timeline_stays_readable_at_60_columns() -> None:
    out = edges("timeline", env={"COLUMNS": "60"}).out
    lines = out.splitlines()
    indent = len("30 Dec 2018 – 2 Jan 2019 ● ")  # the widest date sets the column
    assert max(len(line) for line in lines) <= 60
    assert "⚑ disputed: date (ots show 2019-summit)" in out.replace("\n" + " " * indent, " ")
    assert all(line.startswith((" " * indent, "20", "3 Oct", "Nov", "30 Dec")) for line in lines)


@pytest.mark.parametrize("columns", ["40", "60", "80", "100", "120", "300"])
@pytest.mark.parametrize("command", [["timeline"], ["on-this-day", "--date", "10-03"], ["state", "Hungary"]])
def test_plain_output_is_the_coloured_output_without_its_colours(command: list[str], columns: str) -> None:
    """Without colour, lines are written directly and entries that fit are not run through rich's wrapping;
    what comes out must be exactly what rich draws in colour, less the escape codes."""
    plain = ots(*command, env={"COLUMNS": columns}).out
    coloured = ots(*command, env={"COLUMNS": columns, "FORCE_COLOR": "1"}).out
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def run_on_terminal(args: list[str], env: dict[str, str], *, stdin_too: bool = False) -> bytes:
    return run_in_terminal(["--no-bundled", "--data", str(EDGES), *args], env, stdin_too=stdin_too)


def test_no_color_wins_over_force_color_and_force_color_colours_a_pipe() -> None:
    assert b"\x1b[" not in run_on_terminal(["timeline"], terminal_env(NO_COLOR="1", FORCE_COLOR="1"))
    piped = subprocess.run([*OTS, "timeline"], capture_output=True, env=terminal_env(FORCE_COLOR="1"))
    assert b"\x1b[" in piped.stdout
    both = subprocess.run([*OTS, "timeline"], capture_output=True, env=terminal_env(FORCE_COLOR="1", NO_COLOR="1"))
    assert b"\x1b[" not in both.stdout


def test_term_dumb_gives_plain_text_on_a_terminal() -> None:
    plain = run_on_terminal(["timeline"], terminal_env(TERM="dumb"))
    assert b"\x1b[" not in plain and b"Founding agreement signed" in plain


def test_the_pager_runs_only_when_asked_and_only_on_a_terminal(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env = terminal_env(PAGER=f"cat > {paged}")
    run_on_terminal(["timeline"], env, stdin_too=True)
    assert not paged.exists()
    run_on_terminal(["timeline", "--pager"], env, stdin_too=True)
    assert b"Founding agreement signed" in paged.read_bytes()
    paged.unlink()
    piped = subprocess.run([*OTS, "timeline", "--pager"], capture_output=True, env=env)
    assert b"Founding agreement signed" in piped.stdout and not paged.exists()


BASH_ASKS = """
source <(ots completion bash)
complete -p ots
COMP_LINE=$1; COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_ots_completion ots "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "${COMPREPLY[@]}"
"""


def bash_completes(line: str) -> tuple[str, list[str]]:
    """What real bash's completion function puts in COMPREPLY for LINE (typed up to the cursor), and how bash
    registered it."""
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", BASH_ASKS, "bash", line], capture_output=True, text=True, env=environment)
    assert done.returncode == 0, done.stderr
    registered, *replies = done.stdout.splitlines()
    return registered, [reply for reply in replies if reply]


def inserted(replies: list[str]) -> str:
    """What bash inserts for the word being completed: the one reply, or what all replies share."""
    return os.path.commonprefix(replies)  # noqa: RUF071 - bash compares characters too


def test_bash_completion_inserts_names_escaped_in_their_own_spelling() -> None:
    registered, replies = bash_completes("ots organ Counc")
    assert registered == "complete -F _ots_completion ots"
    assert "Council\\ of\\ Heads\\ of\\ State" in replies and inserted(replies) == "Council\\ of\\ "
    _, further = bash_completes("ots organ Council\\ of\\ H")
    assert further == ["Council\\ of\\ Heads\\ of\\ State", "Council\\ of\\ Heads\\ of\\ Muslim\\ Religious\\ Boards"]
    assert inserted(bash_completes("ots organ Council\\ of\\ Heads\\ of\\ S")[1]) == "Council\\ of\\ Heads\\ of\\ State"
    _, states = bash_completes("ots state türkish")
    assert states == ["Turkish\\ Republic\\ of\\ Northern\\ Cyprus"]  # its own spelling, not the typed one


@pytest.mark.slow  # seconds each: run by .ci/run
def test_bash_completes_every_closed_vocabulary_and_files_where_a_path_goes() -> None:
    assert bash_completes("ots list --kind inf")[1] == ["informal\\ summit", "informal\\ meeting"]
    assert bash_completes("ots list --status ")[1] == ["held", "planned", "cancelled"]
    assert bash_completes("ots stats --by st")[1] == ["state"]
    assert "geojson" in bash_completes("ots export --format ")[1]
    assert bash_completes("ots --color a")[1] == ["auto", "always"]
    assert bash_completes("ots cite 2019 -f b")[1] == ["bibtex"]
    assert bash_completes("ots ti")[1] == ["timeline"]
    assert bash_completes("ots timeline --si")[1] == ["--since"]
    assert bash_completes("ots --data ")[1] == []  # left to bash's file names (compopt -o default)
    assert bash_completes("ots list --city ist")[1] == ["istanbul"]
    assert bash_completes("ots show 2018-09-03-hu")[1] == ["2018-09-03-hu-observer"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_shell_has_a_script(shell: str) -> None:
    script = ots("completion", shell).out
    assert "OTS_COMPLETE=" in script and "OTS_COMP_LINE" in script
    assert ots("completion", "powershell").code == 2


@settings(max_examples=examples(40), deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab cdefgh  İəşğü–·XYZ0123456789-"), min_size=1, max_size=160).filter(str.strip),
    st.integers(20, 200),
)
def test_the_piped_timeline_is_the_coloured_one_without_its_colour(title: str, columns: int) -> None:
    """A pipe gets the drawing's text without rich; a terminal in colour gets it through rich: whatever the title
    and width, the characters must be the same."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "wrap.toml"
        path.write_text(f'[[event]]\nid = "2021-wrap"\ndate = "2021"\ntitle = {json.dumps(title)}\n'
                        'kind = "meeting"\nsources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
        plain = edges("--data", str(path), "timeline", env={"COLUMNS": str(columns)}).out
        coloured = edges("--data", str(path), "timeline", env={"COLUMNS": str(columns), "FORCE_COLOR": "1"}).out
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


@pytest.mark.slow
def test_real_bash_completes_a_name_holding_a_colon_or_equals_sign_without_doubling_it(tmp_path: Path) -> None:
    """Interactive bash splits the word at `:` and `=` and replaces only the last part: Tab, then Enter, runs
    the command with the name as written."""
    import pty
    import time

    data = tmp_path / "colon.toml"
    data.write_text('[[organ]]\nid = "colon-organ"\nname = "Council: Economy=Trade"\nkind = "mechanism"\n',
                    encoding="utf-8")  # fmt: skip
    answer = tmp_path / "answer.json"
    environment = {**os.environ, "OTS_DATA": str(data), "PS1": "$ ", "TERM": "dumb",
                   "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}  # fmt: skip
    leader, follower = pty.openpty()
    shell = subprocess.Popen(["bash", "--norc", "--noprofile", "-i"], stdin=follower, stdout=follower,
                             stderr=follower, env=environment, start_new_session=True)  # fmt: skip
    os.close(follower)
    for keys in ("source <(ots completion bash)\n", "ots organ Council:\\ Eco\t", f" --json > {answer}\n", "exit\n"):
        os.write(leader, keys.encode())
        time.sleep(1.0)
    shell.wait(timeout=30)
    os.close(leader)
    assert json.loads(answer.read_text(encoding="utf-8"))["organ"]["id"] == "colon-organ"


DRAWN_ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")
LABEL = re.compile(r"^[a-z ]+? {2,}")  # a field's label in `ots show` and the pages of a record
SHOWN = ["2024-11-06-bishkek-declaration", "2019-10-15-summit-baku", "2009-10-03-nakhchivan-agreement"]
DRAWN = [["timeline"], *(["show", event_id] for event_id in SHOWN), ["organs"], ["states"], ["cities"], ["sources"],
         ["list"], ["stats"], ["stats", "--by", "state"], ["coverage"], ["state", "Türkiye"], ["organ", "CoE"],
         ["source", "wikipedia-2024-ots-summit"], ["on-this-day", "--date", "10-03"], ["kinds"]]  # fmt: skip
HELPS = [["--help"], *([name, "--help"] for name in __import__("otscli.cli.registry").cli.registry.COMMANDS)]


def drawn_at(args: list[str], columns: int) -> list[str]:
    """The lines `ots ARGS` draws for a terminal COLUMNS wide (colour forced, then taken off again)."""
    run = ots(*args, env={"COLUMNS": str(columns), "FORCE_COLOR": "1"})
    assert run.code == 0, run.err
    return DRAWN_ESCAPES.sub("", run.out).splitlines()


def too_wide(lines: list[str], columns: int) -> list[str]:
    """Lines wider than the terminal, less those allowed to run past it: one word (a web address, an id) longer
    than the room it has, alone on its line or beside a field's label."""
    from rich.cells import cell_len

    return [line for line in lines if cell_len(line) > columns and len(LABEL.sub("", line).split()) != 1]


@pytest.mark.parametrize("args", [["timeline"], ["organs"], ["show", SHOWN[0]], ["coverage"], ["--help"]])
def test_nothing_drawn_at_40_columns_runs_past_the_terminal(args: list[str]) -> None:
    assert too_wide(drawn_at(args, 40), 40) == []


@pytest.mark.slow
@pytest.mark.parametrize("columns", [40, 60, 88, 120])
def test_no_command_draws_a_line_wider_than_the_terminal(columns: int) -> None:
    wide = {" ".join(args): too_wide(drawn_at(args, columns), columns) for args in [*DRAWN, *HELPS]}
    assert {command: lines for command, lines in wide.items() if lines} == {}


def words(lines: list[str]) -> set[str]:
    """The words of LINES, less rules, bars and the labels and separators of a table drawn a row a block."""
    return {word for line in lines for word in line.split() if not set(word) <= set("─━┃│╇█.·") and word[-1] != ":"}


@pytest.mark.parametrize("args", [["organs"], ["sources"], ["--help"], ["add", "--help"], ["state", "Türkiye"]])
def test_a_word_is_never_cut_across_lines(args: list[str]) -> None:
    """Every word drawn at 40 columns is a word of the same output drawn at 200 ("Minister" and "s" are not)."""
    narrow, wide = words(drawn_at(args, 40)), words(drawn_at(args, 200))
    assert {word for word in narrow - wide if not word.endswith("...")} == set()


def test_help_honours_columns_below_click_s_fifty() -> None:
    lines = ots("--help", env={"COLUMNS": "40"}).out.splitlines()
    assert too_wide(lines, 40) == [] and "  The history of the Organization of" in lines
    assert "                  ($XDG_DATA_HOME/otscli/events.toml)." in lines  # longer than the line, but whole


ADDRESS = "https://en.wikipedia.org/wiki/2024_Organization_of_Turkic_States_summit"


@pytest.mark.parametrize("columns", [40, 88, 120])
def test_a_source_address_is_never_broken_across_lines(columns: int) -> None:
    for args in (["source", "wikipedia-2024-ots-summit"], ["show", "2024-11-06-bishkek-declaration"]):
        for drawn in (ots(*args, env={"COLUMNS": str(columns)}).out, "\n".join(drawn_at(args, columns))):
            assert ADDRESS in drawn.replace("<", " ").replace(">", " ").split(), (args, columns)


def test_an_address_is_a_hyperlink_on_a_terminal_and_text_in_a_pipe() -> None:
    coloured = ots("source", "wikipedia-2024-ots-summit", env={"FORCE_COLOR": "1"}).out
    assert re.search(rf"\x1b\]8;[^;\x1b]*;{re.escape(ADDRESS)}\x1b\\{re.escape(ADDRESS)}\x1b\]8;;\x1b\\", coloured)
    on_terminal = run_in_terminal(["source", "wikipedia-2024-ots-summit"], terminal_env())
    assert b"\x1b]8;" in on_terminal and ADDRESS.encode() in on_terminal
    piped = subprocess.run([sys.executable, "-m", "otscli", "source", "wikipedia-2024-ots-summit"],
                           capture_output=True, env=terminal_env(), timeout=60)  # fmt: skip
    assert ADDRESS.encode() in piped.stdout and b"\x1b" not in piped.stdout
    no_color = run_in_terminal(["source", "wikipedia-2024-ots-summit"], terminal_env(NO_COLOR="1"))
    assert ADDRESS.encode() in no_color and b"\x1b" not in no_color
