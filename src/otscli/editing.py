"""`ots edit` and `ots remove`: change or take out one event of a user's file, every other byte kept, written back
only when the whole record still validates (as visudo and crontab -e do)."""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from otscli.append import Snapshot
from otscli.atomic import write_atomically
from otscli.errors import DataError, printable
from otscli.models import Catalog
from otscli.store import decode, parse
from otscli.userfile import Block, ChangedMeanwhile, Target, find_block, holding, put_in_place, split_mark


@dataclass(frozen=True)
class Edited:
    """What an edit came to: the event's id afterwards (None when nothing changed)."""

    event_id: str | None
    shown: str


def editor_command() -> list[str]:
    """$VISUAL, else $EDITOR, else vi; the value may hold arguments (`code --wait`), split as a shell would split
    them but run without one."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError as error:
                raise DataError(f"{name}: cannot read {printable(value)!r} as a command: {error}") from None
            if words:
                return words
    return ["vi"]


def run_editor(path: Path) -> None:
    """Opens `path` in the user's editor and waits for it; an editor that cannot start or fails is a DataError."""
    command = editor_command()
    try:
        finished = subprocess.run([*command, str(path)], check=False)
    except OSError as error:
        raise DataError(
            f"cannot start the editor {printable(command[0])!r}: {error.strerror or error}; set VISUAL or EDITOR"
        ) from None
    if finished.returncode != 0:
        raise DataError(f"the editor {printable(command[0])!r} ended with status {finished.returncode}")


def edit_event(
    event_id: str,
    file: Path | None,
    extra: Sequence[Path],
    *,
    bundled: bool,
    user: bool,
    editor: Callable[[Path], None] = run_editor,
    again: Callable[[str], bool] | None = None,
) -> Edited:
    """Opens a copy of the event's own lines in `editor` and puts the edited lines in their place once the whole
    file validates with the rest of the record; until then the file is not touched. When the edit does not
    validate, `again` (where one can ask the user) shows the problems and says whether to edit once more;
    without it, or when it says no, nothing is written."""
    target = holding(event_id, file, extra, bundled=bundled, user=user)
    before = Snapshot.take(target.real, target.shown)
    mark, content = split_mark(before.content)
    block = find_block(decode(content, target.shown), event_id, target.shown)
    folder = Path(tempfile.mkdtemp(prefix="ots-edit-"))
    copy = folder / f"{event_id}.toml"
    write_atomically(copy, block.text.encode("utf-8"))
    keep_copy = False
    try:
        while True:
            try:
                editor(copy)
            except DataError as error:
                raise DataError(f"{target.shown}: not changed: {error.message}") from None
            try:
                edited = copy.read_bytes()
            except OSError as error:
                raise DataError(f"{target.shown}: not changed: cannot read the edited copy: {error.strerror}") from None
            if edited == block.text.encode("utf-8"):
                return Edited(None, target.shown)
            try:
                updated, new_id = checked_edit(block, edited, target)
            except DataError as error:
                if again is None:
                    raise DataError(
                        f"{target.shown}: not changed: the edit does not validate:\n{error.message}"
                    ) from None
                if again(error.message):
                    continue
                raise DataError(f"{target.shown}: not changed") from None
            try:
                put_in_place(target, functools.partial(as_edited, mark + updated), expected=before)
            except ChangedMeanwhile:
                keep_copy = True
                raise DataError(
                    f"{target.shown}: not changed: another program changed the file while you edited; your edit is "
                    f"kept in {printable(str(copy))}"
                ) from None
            return Edited(new_id, target.shown)
    finally:
        if not keep_copy:
            shutil.rmtree(folder, ignore_errors=True)


def as_edited(content: bytes, _current: Snapshot) -> bytes:
    """What an edit puts in place, whatever the file holds now (put_in_place refuses when that changed)."""
    return content


def checked_edit(block: Block, edited: bytes, target: Target) -> tuple[bytes, str]:
    """The file with the edited lines in place of the event's, and the event's id now: the lines must hold one
    [[event]] and nothing else, and the file must load with the other files."""
    shown = target.shown
    text = decode(edited, f"{shown} (your edit)")
    tables = parse(text, f"{shown} (your edit)")
    events = tables.get("event")
    if set(tables) != {"event"} or not isinstance(events, list) or len(events) != 1:
        raise DataError(
            f"{shown} (your edit): hold one [[event]] and nothing else; to take the event out, use ots remove"
        )
    updated = block.replaced(text)
    target.record_with(updated)
    new_id = events[0].get("id")
    return updated.encode("utf-8"), str(new_id)


@dataclass(frozen=True)
class Removal:
    """The event taken out (or that would be), with the lines that go."""

    event_id: str
    shown: str
    lines: str


def remove_event(
    event_id: str, file: Path | None, extra: Sequence[Path], *, bundled: bool, user: bool, dry_run: bool = False
) -> Removal:
    """Takes the event out of the user file that holds it, with the comment lines directly above it; refuses when
    another record refers to it. With `dry_run`, only says what would go."""
    target = holding(event_id, file, extra, bundled=bundled, user=user)

    def without(current: Snapshot) -> tuple[bytes, Block]:
        mark, content = split_mark(current.content)
        text = decode(content, target.shown)
        refuse_if_referred_to(event_id, target.record_with(text), target.shown)
        block = find_block(text, event_id, target.shown)
        remaining = block.removed()
        target.record_with(remaining)
        return mark + remaining.encode("utf-8"), block

    _, block = without(Snapshot.take(target.real, target.shown))
    if not dry_run:
        put_in_place(target, lambda current: without(current)[0])
    return Removal(event_id, target.shown, block.with_comments)


def refuse_if_referred_to(event_id: str, catalog: Catalog, shown: str) -> None:
    """An event that others name (as the meeting they are part of, or a state's membership) stays."""
    referring = [f"event {event.id} (part_of)" for event in catalog.events if event.part_of == event_id]
    referring += [
        f"state {state.id} (membership)"
        for state in catalog.states
        if any(entry.event == event_id for entry in state.membership)
    ]
    if referring:
        raise DataError(
            f"{shown}: not changed: {printable(event_id)} is referred to by {', '.join(referring)}; "
            "change or remove those first"
        )
