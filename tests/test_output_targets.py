"""`export -o` writes through what the user named: devices, FIFOs and symlinks stay what they are."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from conftest import edges


def test_export_into_a_fifo_streams_and_keeps_the_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run = edges("export", "--format", "jsonl", "-o", str(fifo))
    reader.join(timeout=30)
    assert run.code == 0, run.err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received[0].count(b"\n") == 5


def test_export_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert edges("export", "-o", str(link)).code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("[\n")


def test_export_to_a_full_device_fails_and_leaves_the_device() -> None:
    run = edges("export", "--format", "json", "-o", "/dev/full")
    assert (run.code, run.err) == (1, "/dev/full: cannot write: No space left on device\n")
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)
