"""The wheel, installed into a fresh virtual environment, runs from any folder with its bundled data."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs_elsewhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("otscli-*.whl")
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    ots = env_dir / "bin" / "ots"
    done = subprocess.run(
        [str(ots), "timeline", "--since", "2019"], cwd=elsewhere, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "7th Summit" in done.stdout and "Baku" in done.stdout
    module = subprocess.run(
        [str(python), "-m", "otscli", "organ", "CoE", "--json"], cwd=elsewhere, capture_output=True, text=True
    )
    assert module.returncode == 0 and '"name": "Council of Elders"' in module.stdout
    drawn = subprocess.run([str(ots), "export", "-f", "svg-map"], cwd=elsewhere, capture_output=True, text=True)
    assert drawn.returncode == 0, drawn.stderr  # the Natural Earth base map travels in the wheel
    assert drawn.stdout.count("<path d=") > 40 and "Made with Natural Earth" in drawn.stdout
    site = subprocess.run([str(ots), "site", "-o", "site"], cwd=elsewhere, capture_output=True, text=True, timeout=300)
    assert site.returncode == 0, site.stderr  # the templates and styles travel in the wheel
    assert (elsewhere / "site" / "site.css").is_file() and (elsewhere / "site" / "events").is_dir()
