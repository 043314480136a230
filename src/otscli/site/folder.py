"""The folder a site is written into: built whole in a fresh folder beside it, then swapped into place.

A manifest (`.ots-site`) lists every file and folder a build wrote. An existing folder is replaced only when it
is empty or holds exactly what its manifest lists, and only those entries of the old site are deleted, so a
folder holding anyone else's files is never touched. Nothing is written through a link: the new folder is
made fresh with mode 0700 and every file in it is created exclusively.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from otscli.atomic import exchange, write_all
from otscli.errors import DataError, printable

MANIFEST = ".ots-site"
MANIFEST_HEADER = "# written by `ots site`: the files and folders it may replace\n"


class Staging:
    """A fresh folder that a build writes into, and the list of what it wrote."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".ots-new", dir=target.parent))
        self.written: list[str] = []

    def folder(self, relative: str) -> None:
        (self.path / relative).mkdir()
        self.written.append(relative + "/")

    def file(self, relative: str, content: bytes) -> int:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        descriptor = os.open(self.path / relative, flags, 0o644)
        try:
            write_all(descriptor, content)
        finally:
            os.close(descriptor)
        self.written.append(relative)
        return len(content)

    def finish(self) -> None:
        """Writes the manifest, opens the folder to readers as a site folder should be, and swaps it in."""
        self.file(MANIFEST, (MANIFEST_HEADER + "".join(f"{name}\n" for name in sorted(self.written))).encode())
        self.path.chmod(0o755)
        old = owned_entries(self.target)
        if old is None:
            self.path.rename(self.target)
            return
        if exchange(self.path, self.target):
            remove_listed(self.path, old)
            return
        aside = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", suffix=".ots-old", dir=self.target.parent))
        self.target.rename(aside / "site")
        self.path.rename(self.target)
        remove_listed(aside / "site", old)
        with contextlib.suppress(OSError):
            aside.rmdir()

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


@contextlib.contextmanager
def staged(target: Path) -> Iterator[Staging]:
    """A Staging for `target`, swapped into place when the block ends well and removed whole when it fails."""
    check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Staging(target)
    try:
        yield staging
        staging.finish()
    except BaseException:
        staging.discard()
        raise


def check_replaceable(target: Path) -> None:
    """Refuses a target that is not a folder, or holds anything an earlier `ots site` did not write."""
    shown = printable(str(target))
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise DataError(f"{shown}: not a folder; give -o a new folder, or one that ots site wrote")
    if owned_entries(target) is None and target.exists() and any(target.iterdir()):
        raise DataError(f"{shown}: holds files that ots did not write; give -o an empty or new folder")
    strangers = unlisted(target)
    if strangers:
        raise DataError(
            f"{shown}: holds files that ots did not write ({printable(strangers[0])}"
            f"{f' and {len(strangers) - 1} more' if len(strangers) > 1 else ''}); nothing was changed"
        )


def owned_entries(target: Path) -> list[str] | None:
    """What the manifest of `target` lists (an empty list for an empty folder); None with no manifest."""
    try:
        empty = not any(target.iterdir())
    except FileNotFoundError:
        return None
    if empty:
        return []
    manifest = target / MANIFEST
    if manifest.is_symlink() or not manifest.is_file():
        return None
    lines = manifest.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines[1:] if line] if lines[:1] == [MANIFEST_HEADER.rstrip("\n")] else None


def unlisted(target: Path) -> list[str]:
    """Every entry below `target` that its manifest does not list as what it is (a folder or a regular file)."""
    listed = owned_entries(target)
    if listed is None:
        return []
    allowed = {*listed, MANIFEST}
    strangers = []
    for root, folders, files in os.walk(target):
        relative = Path(root).relative_to(target)
        for name in folders:
            path = (relative / name).as_posix()
            if f"{path}/" not in allowed or (Path(root) / name).is_symlink():
                strangers.append(path + "/")
        for name in files:
            path = (relative / name).as_posix()
            full = Path(root) / name
            if path not in allowed or full.is_symlink() or not full.is_file():
                strangers.append(path)
        folders[:] = [name for name in folders if not (Path(root) / name).is_symlink()]
    return sorted(strangers)


def remove_listed(folder: Path, listed: list[str]) -> None:
    """Deletes what a manifest lists, deepest first, never through a link; whatever else is there stays."""
    for name in sorted([*listed, MANIFEST], key=lambda entry: entry.count("/") - entry.endswith("/"), reverse=True):
        path = folder / name.rstrip("/")
        with contextlib.suppress(OSError):
            if name.endswith("/"):
                path.rmdir()
            elif not path.is_symlink():
                path.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
