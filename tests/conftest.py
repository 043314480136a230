"""Every test runs `ots` as a user would, in a clean environment with no user data file."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from otscli.cli import app

# In CI every run draws the same examples, so a red build can be run again and seen again.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
MUTATION_TESTING = "MUTANT_UNDER_TEST" in os.environ  # set by mutmut for every mutant it tries


def examples(count: int) -> int:
    """How many examples a property test draws: fewer, and the same each time, under mutation testing, where the
    suite runs once for each of about two thousand mutants (CONTRIBUTING.md)."""
    return min(count, 8) if MUTATION_TESTING else count


if MUTATION_TESTING:
    settings.register_profile("mutation", derandomize=True, database=None)
    settings.load_profile("mutation")

DATA = Path(__file__).parent / "data"
EDGES = DATA / "edges.toml"
MORE = DATA / "more.toml"  # beside EDGES: a cancelled event, a tag, two anniversaries on one day, an ʻokina
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("home")  # beside tmp_path, so a test sees only its own files there
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    for name in ("OTS_DATA", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "OTS_DEBUG", "TERM"):
        monkeypatch.delenv(name, raising=False)


@dataclass
class Run:
    code: int
    out: str
    err: str
    raw: bytes = b""  # stdout as written: the runner's text turns CRLF into LF

    def json(self) -> Any:
        return json.loads(self.out)


def ots(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run `ots` in-process through its real entry point and error boundary."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)


def edges(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run `ots` on the small test store only."""
    return ots("--no-bundled", "--data", str(EDGES), *args, env=env)


def ids(run: Run) -> list[str]:
    assert run.code == 0, run.err
    return [event["id"] for event in run.json()]


ONE_EVENT = '[[event]]\nid = "x"\ndate = "2019"\ntitle = "T"\nkind = "meeting"\nsources = ["test-source"]\n'


KINDS_LISTED = ("summit, meeting, consultation, training, observation, agreement, document, membership, renaming, "
                "institution, designation, award, chairmanship, appointment, conference, publication")  # fmt: skip


KIND_ONE_OF = f"unknown kind 'zzz'; one of {KINDS_LISTED}"


ADD_ONE = ["add", "--date", "2024-05-02", "--title", "Elders meet", "--kind", "meeting", "--source", "test-source"]


CORNERS = """\
format = 1

[[event]]
id = "2024-02-29-leap-meeting"
date = "2024-02-29"
title = "A meeting on a leap day"
kind = "meeting"
states = ["HU"]
sources = ["test-source"]

[[event]]
id = "2020-09-30-autumn-forum"
date = "2020-09-30"
end = "2020-10-02"
title = "A forum from September into October"
kind = "conference"
city = "baku"
sources = ["test-source"]

[[event]]
id = "2015-12-21-winter-talks"
date = "2015-12-21"
end = "2015-12-22"
title = "Two days of talks in December"
kind = "consultation"
sources = ["test-source"]

[[event]]
id = "2016-05-05-one-day"
date = "2016-05-05"
end = "2016-05-05"
title = "A meeting whose end is its date"
kind = "meeting"
sources = ["test-source"]
"""


@pytest.fixture
def corners(tmp_path: Path) -> list[str]:
    """Options that read edges.toml and a store of corner cases: a leap day, spans within and across months."""
    path = tmp_path / "corners.toml"
    path.write_text(CORNERS, encoding="utf-8")
    return ["--no-bundled", "--data", str(EDGES), "--data", str(path)]


CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"  # Debian's chromium and chromium-driver


@contextlib.contextmanager
def headless_chromium(profile: Path) -> Iterator[Any]:
    """Chromium through Selenium, headless, with the flags a closed network needs (no background connections)
    and the browser's console log kept; for the `browser` tests."""
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    assert shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER), "apt-get install chromium chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1200,900", f"--user-data-dir={profile}"):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
