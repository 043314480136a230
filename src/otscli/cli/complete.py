"""Shell completion, done by ots itself so that names come back in their own spelling and quoted as each
shell needs. `ots completion SHELL` prints the script; the script runs `ots` with OTS_COMPLETE=bash|zsh|fish
and OTS_COMP_LINE (the line up to the cursor), and ots prints one candidate a line, or FILES for file names."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable, Sequence
from typing import Any

from otscli.cli.candidates import (
    choices,
    citation_styles,
    colour_choices,
    completions,
    export_formats,
    groupings,
    kind_labels,
    publishers,
    statuses,
    tags,
)
from otscli.kinds import REGISTRIES

FILES = "__files__"
SCRIPTS = {
    "bash": """\
_ots_completion() {
    local IFS=$'\\n'
    local candidates
    candidates=( $(OTS_COMPLETE=bash OTS_COMP_LINE="${COMP_LINE:0:COMP_POINT}" "$1" 2>/dev/null) )
    if [[ "${candidates[0]}" == __files__ ]]; then
        compopt -o default
        COMPREPLY=()
    else
        COMPREPLY=( "${candidates[@]}" )
    fi
}
complete -F _ots_completion ots
""",
    "zsh": """\
#compdef ots
_ots() {
    # The words before this one as typed, then this one as zsh has it unquoted (inside an open quote, BUFFER
    # loses the quote), quoted again for ots to read.
    local line="${(j: :)words[1,CURRENT-1]} ${(q)PREFIX}"
    local -a candidates
    candidates=( ${(f)"$(OTS_COMPLETE=zsh OTS_COMP_LINE="$line" ots 2>/dev/null)"} )
    if [[ "$candidates[1]" == __files__ ]]; then
        _files
        return
    fi
    # A name found in another spelling (turkish: Turkish Republic of ...) would be filtered out by zsh: -U
    # takes the candidates as they are, and only then, for -U drops the quote the word was opened with.
    local candidate
    for candidate in "${candidates[@]}"; do
        if [[ "$candidate" != "$PREFIX"* ]]; then
            compadd -U -- "${candidates[@]}"
            return
        fi
    done
    compadd -- "${candidates[@]}"
}
compdef _ots ots
""",
    "fish": """\
function __ots_complete
    set -l candidates (env OTS_COMPLETE=fish OTS_COMP_LINE=(commandline -cp) ots 2>/dev/null)
    if test "$candidates[1]" = __files__
        __fish_complete_path (commandline -ct)
    else
        printf '%s\\n' $candidates
    end
end
complete -c ots -f -a '(__ots_complete)'
""",
}

Complete = Callable[[str], list[tuple[str, str]]]
# What the value of an option or argument completes, keyed as the user types it: an option by any of its names
# ("-f" finds "--format"), "COMMAND --option" where two commands give one option different values, and
# "COMMAND METAVAR" for a command's argument (the metavar its help shows). Whatever takes a path completes file
# names (see takes_path); the rest completes nothing.
VALUES: dict[str, Complete] = {
    **{f"--{kind.table}": completions(kind.plural) for kind in REGISTRIES},  # --organ, --state, --city, --source
    "--host": completions("states"),
    "--source-publisher": choices(publishers),
    "--kind": choices(kind_labels),
    "--status": choices(statuses),
    "--tag": choices(tags),
    "--by": choices(groupings),
    "--color": choices(colour_choices),
    "export --format": choices(export_formats),
    "cite --format": choices(citation_styles),
    "show ID": completions("events"),
    "cite ID": completions("events"),
    "edit ID": completions("events"),
    "remove ID": completions("events"),
    **{f"{kind.table} {'NAME' if kind.named else 'ID'}": completions(kind.plural) for kind in REGISTRIES},
    "completion SHELL": choices(tuple(SCRIPTS)),
}


def split_line(line: str) -> tuple[list[str], str]:
    """The words before the cursor and the one being typed, as the shell will pass them (quotes and escapes
    undone); an unclosed quote is closed."""
    sentinel = "\x00"
    for closing in ("", '"', "'"):
        try:
            words = shlex.split(line + sentinel + closing)
        except ValueError:
            continue
        last = words.pop() if words else sentinel
        return words, last.removesuffix(sentinel)
    return line.split(), ""


def typed_word(line: str) -> str:
    """The word being typed as it stands on the line (quotes and escapes kept): what follows the last blank that
    no quote or backslash protects."""
    start, quote, escaped = 0, "", False
    for position, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char.isspace():
            start = position + 1
    return line[start:]


def after_word_breaks(found: list[str], typed: str) -> list[str]:
    """bash splits the word being completed at `:` and `=` (COMP_WORDBREAKS) and replaces only its last part, so
    each candidate loses what comes up to its last such character, as bash-completion's own scripts do; a
    quoted word is not split."""
    breaks = sum(typed.count(char) for char in ":=")
    if not breaks or typed[:1] in ("'", '"'):
        return found
    trimmed = []
    for value in found:
        cut = -1
        for _ in range(breaks):
            cut = min((index for index in (value.find(":", cut + 1), value.find("=", cut + 1)) if index >= 0),
                      default=len(value))  # fmt: skip
        trimmed.append(value[cut + 1 :])
    return trimmed


def candidates(words: Sequence[str], current: str) -> list[str]:
    """What may follow `words` (the first is the program) where `current` is being typed."""
    from otscli.cli.app import app
    from otscli.cli.registry import COMMANDS

    root = _command(app)
    position = 1
    position, expecting = _skip_options(root, words, position)
    if expecting is not None:
        return _values(expecting, "", current)
    if position >= len(words):
        if current.startswith("-"):
            return _matching(_option_names(root), current)
        return _matching(list(COMMANDS), current)
    name = words[position]
    command = root.get_command(None, name)
    if command is None:
        return []
    rest = list(words[position + 1 :])
    arguments, expecting = _arguments_before(command, rest)
    if expecting is not None:
        return _values(expecting, name, current)
    if current.startswith("-"):
        return _matching(_option_names(command), current)
    positional = [param for param in command.params if is_argument(param)]
    if not positional:
        return []
    index = min(arguments, len(positional) - 1)
    if arguments >= len(positional) and positional[-1].nargs != -1:
        return []
    return _values(positional[index], name, current)


def is_argument(param: Any) -> bool:
    from typer.core import TyperArgument

    return isinstance(param, TyperArgument)


def _command(app: Any) -> Any:
    import typer

    return typer.main.get_command(app)


def _option_names(command: Any) -> list[str]:
    names = [opt for param in command.params if not is_argument(param) for opt in param.opts]
    return [*names, "--help"]


def _option(command: Any, word: str) -> Any | None:
    return next((param for param in command.params if not is_argument(param) and word in param.opts), None)


def _skip_options(command: Any, words: Sequence[str], position: int) -> tuple[int, Any | None]:
    """Past the options (and their values) that come before a subcommand."""
    while position < len(words) and words[position].startswith("-"):
        option = _option(command, words[position])
        position += 1
        if option is not None and not option.is_flag:
            if position == len(words):
                return position, option
            position += 1
    return position, None


def _arguments_before(command: Any, words: Sequence[str]) -> tuple[int, Any | None]:
    """How many positional arguments `words` holds, and the option whose value is being typed, if any."""
    count, index = 0, 0
    while index < len(words):
        word = words[index]
        option = _option(command, word) if word.startswith("-") else None
        if option is not None and not option.is_flag:
            if index + 1 == len(words):
                return count, option
            index += 2
            continue
        if not word.startswith("-"):
            count += 1
        index += 1
    return count, None


def _values(param: Any, command: str, current: str) -> list[str]:
    complete = value_completion(param, command)
    if complete is None:
        return [FILES] if takes_path(param) else []
    return [value for value, _ in complete(current)]


def value_completion(param: Any, command: str) -> Complete | None:
    """How the value of `param` of `command` ("" for the global options) completes, from VALUES."""
    if is_argument(param):
        return VALUES.get(f"{command} {param.metavar}")
    for name in param.opts:
        found = VALUES.get(f"{command} {name}") or VALUES.get(name)
        if found is not None:
            return found
    return None


def takes_path(param: Any) -> bool:
    """Whether `param` names a file or folder: a path type, or a metavar that says so (FILE, FILE.svg, PATH, DIR)."""
    import re

    from typer.models import TyperPath

    return isinstance(param.type, TyperPath) or re.search(r"\b(FILE|PATH|DIR)\b", param.metavar or "") is not None


def _matching(names: Sequence[str], current: str) -> list[str]:
    return [name for name in names if name.startswith(current)]


def run() -> None:
    """Answer one completion request from a shell script, then exit."""
    shell = os.environ.get("OTS_COMPLETE", "")
    words, current = split_line(os.environ.get("OTS_COMP_LINE", ""))
    os.environ["_OTS_COMPLETE"] = f"complete_{shell}"  # completion.shell_word escapes for bash
    try:
        found = candidates(words, current)
    except Exception:  # a completion must never print a traceback into the shell
        found = []
    if shell == "bash":
        found = after_word_breaks(found, typed_word(os.environ.get("OTS_COMP_LINE", "")))
    sys.stdout.write("".join(f"{value}\n" for value in found))
