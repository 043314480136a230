"""Time `ots` as its users feel it: whole processes, each interleaved with a baseline, as medians and ratios.

Run from the project root with the project's environment:

    .venv/bin/python benchmarks/run.py            # the full run (the 100k-event file takes a few minutes)
    .venv/bin/python benchmarks/run.py --quick    # a smoke run: 3 samples, 1k and 10k events

Options: --runs N, --sizes 1000,10000,100000, --quick, --json (also print the results as JSON), --check (exit 1
when a target is missed). Only the standard library is used; `ots` is the console script beside this Python and
`jq` must be on PATH; peak memory is read through GNU time (/usr/bin/time) when it is there. See
benchmarks/README.md for what is measured, the targets, and how to read the output.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

PYTHON = sys.executable
OTS = str(Path(sys.executable).with_name("ots"))  # the console script of this same environment
MINIMAL_APP = [PYTHON, str(Path(__file__).with_name("minimal_typer_app.py")), "--since", "2019"]
PYTHON_ALONE = [PYTHON, "-c", "pass"]
GNU_TIME = "/usr/bin/time"
JQ_FILTER = '[.[] | select(.date >= "2020" and .date < "2021")]'
FIRST_YEAR, YEARS = 2015, 10  # generated events are spread over 2015-2024; --year 2020 selects a tenth

STARTUP_JSON_TARGET = 1.25  # x the minimal Typer app (benchmarks/minimal_typer_app.py)
STARTUP_DRAWN_TARGET = 1.5
REPEATED_10K_TARGET = 2.0  # x jq on the same events
FIRST_RUN_TARGET = 4.0  # x jq, at 10,000 and at 100,000 events
FIRST_RUN_SIZES = (10000, 100000)
# Peak memory of a first run before the work on first runs (commit 9754924 of 1 Dec 2026, through GNU
# time on the development VM): a first run may not use more.
FIRST_RUN_PEAK_MIB = {10000: 89.6, 100000: 568.7}
# Hostile inputs: each measured against the same command on the ordinary generated file of the same size.
HOSTILE_SIZE = 10000
HOSTILE_RATIO_TARGET = 2.0  # x the same command on ordinary input
SITE_RATIO_TARGET = 6.0  # `site` (11,224 pages) x `export -f html` (one page): mostly the creating of files
SITE_PEAK_MIB = 200.0
ERRORS_GROWTH_TARGET = 15.0  # reporting 80,000 broken tables x reporting 8,000: linear, with slack
STARTUP_CASES: tuple[tuple[str, list[str]], ...] = (
    ("timeline --since 2019 --json", ["timeline", "--since", "2019", "--json"]),
    ("list --json", ["list", "--json"]),
    ("show 2019-10-15-summit-baku --json", ["show", "2019-10-15-summit-baku", "--json"]),
    ("organ CoE --json", ["organ", "CoE", "--json"]),
    ("state Hungary --json", ["state", "Hungary", "--json"]),
    ("search summit --json", ["search", "summit", "--json"]),
)


# ── measuring one process ────────────────────────────────────────────────────────────────────────────────


@dataclass
class Sample:
    seconds: float
    peak_mib: float  # the child's own maximum resident set size


def run_once(command: Sequence[str], env: dict[str, str], cwd: Path) -> Sample:
    """One whole process, stdout to /dev/null: its wall time (and os.wait4's peak memory, which starts from this
    script's own size, so `peak_memory` measures memory instead)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=subprocess.DEVNULL, stderr=errors, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here; keep Popen from waiting again
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise SystemExit(f"benchmark: `{shown(command)}` exited {process.returncode}: {message}")
    return Sample(elapsed, usage.ru_maxrss / 1024)  # Linux reports ru_maxrss in KiB


def peak_memory(command: Sequence[str], env: dict[str, str], cwd: Path) -> float:
    """The peak resident memory of `command` alone, in MiB. A child's maximum resident set size starts from the
    size of the process that started it, so it is read through a small launcher: GNU time, a C program of a few
    MiB, when it is there; else a Python one (benchmarks/peak_memory.py), whose own ~8 MiB is then the floor."""
    if Path(GNU_TIME).is_file():
        launcher = [GNU_TIME, "-f", "%M", "-o", "/dev/stderr", "--"]
    else:
        launcher = [PYTHON, "-S", str(Path(__file__).with_name("peak_memory.py"))]
    done = subprocess.run([*launcher, *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                          cwd=cwd, text=True)  # fmt: skip
    last = done.stderr.strip().splitlines()[-1:] or [""]
    if done.returncode != 0 or not last[0].isdigit():
        raise SystemExit(f"benchmark: measuring the memory of `{shown(command)}` failed: {done.stderr.strip()}")
    return int(last[0]) / 1024  # KiB


def shown(command: Sequence[str]) -> str:
    return shlex.join(Path(part).name if part in (OTS, PYTHON) else part for part in command)


# ── interleaving a candidate with its baseline ───────────────────────────────────────────────────────────


@dataclass
class Result:
    case: str
    candidate: str
    baseline: str
    runs: int
    candidate_ms: float  # medians
    baseline_ms: float
    ratio: float
    target: float | None
    candidate_mib: float  # peaks over the memory samples, each read through a launcher (see peak_memory)
    baseline_mib: float
    memory_target_mib: float | None = None
    floor_ms: float | None = None  # `python -c pass`, for the start-up cases
    candidate_samples_ms: list[float] = field(default_factory=list)
    baseline_samples_ms: list[float] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        fast = self.target is None or self.ratio <= self.target
        small = self.memory_target_mib is None or self.candidate_mib <= self.memory_target_mib
        return fast and small

    @property
    def floor_ratio(self) -> float | None:
        return None if self.floor_ms is None else self.candidate_ms / self.floor_ms


Prepare = Callable[[], dict[str, str]]  # run before a sample (untimed); returns the environment to run it in


def interleaved(
    case: str,
    candidate: Sequence[str],
    baseline: Sequence[str],
    *,
    runs: int,
    target: float | None,
    cwd: Path,
    prepare_candidate: Prepare,
    prepare_baseline: Prepare,
    floor: Sequence[str] | None = None,
    memory_runs: int = 3,
    memory_target_mib: float | None = None,
) -> Result:
    """One warm-up each, then A B A B ... (A B C with a floor): drift in the machine (frequency, other load)
    touches all alike. Memory is measured afterwards, in runs of its own through a launcher."""
    run_once(candidate, prepare_candidate(), cwd)
    run_once(baseline, prepare_baseline(), cwd)
    ours: list[Sample] = []
    theirs: list[Sample] = []
    floors: list[Sample] = []
    for _ in range(runs):
        ours.append(run_once(candidate, prepare_candidate(), cwd))
        theirs.append(run_once(baseline, prepare_baseline(), cwd))
        if floor is not None:
            floors.append(run_once(floor, prepare_baseline(), cwd))
    a = statistics.median(sample.seconds for sample in ours)
    b = statistics.median(sample.seconds for sample in theirs)
    memory_runs = min(memory_runs, runs)
    return Result(
        case=case,
        candidate=shown(candidate),
        baseline=shown(baseline),
        runs=runs,
        candidate_ms=a * 1000,
        baseline_ms=b * 1000,
        ratio=a / b,
        target=target,
        candidate_mib=max(peak_memory(candidate, prepare_candidate(), cwd) for _ in range(memory_runs)),
        baseline_mib=max(peak_memory(baseline, prepare_baseline(), cwd) for _ in range(memory_runs)),
        memory_target_mib=memory_target_mib,
        floor_ms=statistics.median(sample.seconds for sample in floors) * 1000 if floors else None,
        candidate_samples_ms=[round(sample.seconds * 1000, 2) for sample in ours],
        baseline_samples_ms=[round(sample.seconds * 1000, 2) for sample in theirs],
    )


# ── generated user files ─────────────────────────────────────────────────────────────────────────────────

HEADER = """\
# Generated by benchmarks/run.py: {size} events that cite, and take place in, the records defined here.
format = 1

[[source]]
id = "bench-source"
title = "Benchmark source"
publisher = "benchmarks/run.py"
date = "2025"
url = "https://example.org/ots-benchmark"

[[organ]]
id = "bench-organ"
name = "Benchmark Council"
kind = "mechanism"
aliases = ["Bench Council"]

[[state]]
id = "bench-state"
name = "Benchmarkistan"

[[city]]
id = "bench-city"
name = "Bakı Bench"
state = "bench-state"
aliases = ["Bench City"]

"""
KINDS = ("meeting", "summit", "agreement", "document", "conference", "consultation")


def generated_events(size: int) -> list[dict[str, object]]:
    """`size` valid events over 2015-2024, with dates of all three precisions and some disputes."""
    events: list[dict[str, object]] = []
    for number in range(size):
        year = FIRST_YEAR + number % YEARS
        month, day = number % 12 + 1, number % 28 + 1
        date = (f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}")[number % 3]
        event: dict[str, object] = {
            "id": f"{date}-bench-{number}",
            "date": date,
            "title": f"Benchmark meeting no. {number} of the Bench Council, Bakı",
            "kind": KINDS[number % len(KINDS)],
            "organs": ["bench-organ"],
            "city": "bench-city",
            "states": ["bench-state"],
            "summary": "A generated event, one of many, for measuring how ots grows with a user's own file.",
            "outcomes": [f"Decision {number} adopted"],
            "tags": ["benchmark", f"batch-{number % 100}"],
            "sources": ["bench-source"],
        }
        if number % 10 == 0:
            event["disputed"] = [{"field": "date", "value": f"{year}", "source": "bench-source", "note": "Generated."}]
        events.append(event)
    return events


def toml_text(size: int, events: list[dict[str, object]]) -> str:
    """The events as TOML; JSON strings, lists, integers and booleans are valid TOML values as written."""
    lines = [HEADER.format(size=size)]
    for event in events:
        lines.append("[[event]]")
        for key, value in event.items():
            if key != "disputed":
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        disputes = event.get("disputed", [])
        for dispute in disputes if isinstance(disputes, list) else []:
            lines.append("[[event.disputed]]")
            lines.extend(f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in dispute.items())
        lines.append("")
    return "\n".join(lines)


@dataclass
class UserFile:
    size: int
    toml: Path
    json: Path
    toml_bytes: bytes
    json_bytes: bytes

    def rewrite(self) -> None:
        """Write both files anew (same bytes, new modification time), as after a user edits them."""
        self.toml.write_bytes(self.toml_bytes)
        self.json.write_bytes(self.json_bytes)


def write_user_file(folder: Path, size: int) -> UserFile:
    events = generated_events(size)
    user_file = UserFile(
        size=size,
        toml=folder / f"events-{size}.toml",
        json=folder / f"events-{size}.json",
        toml_bytes=toml_text(size, events).encode("utf-8"),
        json_bytes=json.dumps(events, ensure_ascii=False).encode("utf-8"),
    )
    user_file.rewrite()
    return user_file


def first_runs(user_file: UserFile, env: dict[str, str], folder: Path) -> Prepare:
    """Before each sample: the file written anew, and a cache folder nobody has used yet."""
    counter = itertools.count()

    def prepare() -> dict[str, str]:
        user_file.rewrite()
        return {**env, "XDG_CACHE_HOME": str(folder / f"{user_file.size}-{next(counter)}")}

    return prepare


def check_user_file(user_file: UserFile, ots: list[str], jq: list[str], env: dict[str, str], cwd: Path) -> int:
    """Abort unless ots loads the file and selects the same generated events as jq; returns how many."""
    validate = subprocess.run([OTS, "--data", str(user_file.toml), "validate"], env=env, cwd=cwd,
                              capture_output=True, text=True)  # fmt: skip
    if validate.returncode != 0:
        problems = validate.stderr.strip().splitlines()
        more = f"\n  ... and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise SystemExit(
            f"benchmark: the generated file of {user_file.size} events does not load "
            f"(`ots --data {user_file.toml} validate` exited {validate.returncode}):\n  "
            + "\n  ".join(problems[:10])
            + more
        )
    ours = subprocess.run(ots, env=env, cwd=cwd, capture_output=True, check=True).stdout
    theirs = subprocess.run(jq, env=env, cwd=cwd, capture_output=True, check=True).stdout
    ours_ids = {event["id"] for event in json.loads(ours) if "-bench-" in event["id"]}
    theirs_ids = {event["id"] for event in json.loads(theirs)}
    if ours_ids != theirs_ids:
        raise SystemExit(
            f"benchmark: for {user_file.size} events, ots selects {len(ours_ids)} generated events for 2020 and jq "
            f"{len(theirs_ids)}; the two would not be doing the same work"
        )
    return len(ours_ids)


# ── the run ──────────────────────────────────────────────────────────────────────────────────────────────


def hostile_files(folder: Path) -> dict[str, Path]:
    """Small files that once took quadratic time or unbounded memory, and the ordinary file they compare with."""
    events = generated_events(HOSTILE_SIZE)
    files = {"ordinary": folder / "ordinary.toml", "numbered": folder / "numbered.toml",
             "long-span": folder / "long-span.toml", "empty-8k": folder / "empty-8k.toml",
             "empty-80k": folder / "empty-80k.toml"}  # fmt: skip
    files["ordinary"].write_text(toml_text(HOSTILE_SIZE, events), encoding="utf-8")
    numbered = [*events[:-1], {**events[-1], "kind": "meeting", "number": 9999}]  # the highest ordinal allowed
    files["numbered"].write_text(toml_text(HOSTILE_SIZE, numbered), encoding="utf-8")
    spanning = [*events[:-1], {**events[-1], "date": "1000", "end": "9999", "id": "1000-bench-span"}]
    files["long-span"].write_text(toml_text(HOSTILE_SIZE, spanning), encoding="utf-8")
    files["empty-8k"].write_text("[[event]]\n" * 8000, encoding="utf-8")
    files["empty-80k"].write_text("[[event]]\n" * 80000, encoding="utf-8")
    return files


def failing_run(command: Sequence[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds for a command expected to exit 1 (a validation that finds problems)."""
    started = time.perf_counter()
    done = subprocess.run(list(command), env=env, cwd=cwd, capture_output=True)
    if done.returncode != 1:
        raise SystemExit(f"benchmark: `{shown(command)}` exited {done.returncode}, not 1")
    return time.perf_counter() - started


def hostile_cases(folder: Path, env: dict[str, str], cwd: Path, runs: int) -> list[Result]:
    """Bounded time and memory on hostile files: coverage of the highest ordinal, stats over a span of nine
    thousand years, a search of two thousand words, the site of 10,000 events, and error reports."""
    files = hostile_files(folder)
    ordinary = files["ordinary"]
    data = ["--no-bundled", "--no-cache", "--data"]
    words = " ".join(f"word{number}" for number in range(2000)) + " meeting"
    results = [
        interleaved(label, [OTS, *data, str(files[name]), *args], [OTS, *data, str(ordinary), *args], runs=runs,
                    target=HOSTILE_RATIO_TARGET, cwd=cwd, prepare_candidate=lambda: env, prepare_baseline=lambda: env)
        for label, name, args in (
            ("coverage, an event numbered 9999", "numbered", ["coverage", "--json"]),
            ("stats --by year, one event over 9,000 years", "long-span", ["stats", "--by", "year", "--json"]),
        )
    ]  # fmt: skip
    results.append(interleaved(
        "search, 2,000 words", [OTS, *data, str(ordinary), "search", words, "--json"],
        [OTS, *data, str(ordinary), "search", "meeting", "--json"], runs=runs, target=HOSTILE_RATIO_TARGET, cwd=cwd,
        prepare_candidate=lambda: env, prepare_baseline=lambda: env,
    ))  # fmt: skip
    site = folder / "site"
    site_runs = max(3, runs // 2)

    def fresh_site() -> dict[str, str]:
        shutil.rmtree(site, ignore_errors=True)
        return env

    results.append(interleaved(
        "site of 10,000 events", [OTS, *data, str(ordinary), "site", "-o", str(site)],
        [OTS, *data, str(ordinary), "export", "-f", "html"], runs=site_runs, target=SITE_RATIO_TARGET, cwd=cwd,
        prepare_candidate=fresh_site, prepare_baseline=lambda: env, memory_target_mib=SITE_PEAK_MIB,
    ))  # fmt: skip
    small = statistics.median(failing_run([OTS, *data, str(files["empty-8k"]), "validate"], env, cwd)
                              for _ in range(site_runs))  # fmt: skip
    large = statistics.median(failing_run([OTS, *data, str(files["empty-80k"]), "validate"], env, cwd)
                              for _ in range(site_runs))  # fmt: skip
    results.append(Result(
        case="errors of 80,000 empty tables", candidate="validate (80,000)", baseline="validate (8,000)",
        runs=site_runs, candidate_ms=large * 1000, baseline_ms=small * 1000, ratio=large / small,
        target=ERRORS_GROWTH_TARGET, candidate_mib=0.0, baseline_mib=0.0,
    ))  # fmt: skip
    return results


def samples_for(size: int, runs: int, quick: bool) -> int:
    """Fewer samples for the big files, whose runs take seconds."""
    if quick:
        return runs
    if size <= 1000:
        return runs
    if size <= 10000:
        return max(5, (runs * 2) // 3)
    return max(3, runs // 3)


def print_table(results: list[Result]) -> None:
    header = (f"{'case':36} {'ots ms':>7} {'base ms':>7} {'ratio':>6} {'target':>7} {'pass':>5} {'n':>3} "
              f"{'x pass':>7}  {'peak MiB ots/base':>17} {'limit':>6}")  # fmt: skip
    print(header)
    print("─" * len(header))
    for result in results:
        target = f"≤{result.target:.2f}" if result.target else "-"
        checked = result.target is not None or result.memory_target_mib is not None
        verdict = "-" if not checked else ("pass" if result.passed else "FAIL")
        floor = f"{result.floor_ratio:.2f}" if result.floor_ratio is not None else "-"
        memory = f"{result.candidate_mib:.0f} / {result.baseline_mib:.0f}"
        limit = f"≤{result.memory_target_mib:.0f}" if result.memory_target_mib is not None else "-"
        print(f"{result.case:36} {result.candidate_ms:7.0f} {result.baseline_ms:7.0f} {result.ratio:6.2f} "
              f"{target:>7} {verdict:>5} {result.runs:3d} {floor:>7}  {memory:>17} {limit:>6}")  # fmt: skip


def growth_report(times: dict[int, float], label: str) -> tuple[list[str], dict[str, object], bool]:
    """t(largest)/t(smallest) against the ratio of sizes, and the marginal cost per 1000 events per step."""
    sizes = sorted(times)
    small, large = sizes[0], sizes[-1]
    growth = times[large] / times[small]
    linear = growth <= large / small
    lines = [
        f"growth, {label}: t({large})/t({small}) = {times[large]:.0f}/{times[small]:.0f} ms = x{growth:.1f} for "
        f"x{large / small:g} events: {'at most linear, pass' if linear else 'MORE THAN LINEAR, FAIL'}"
    ]
    steps = []
    for before, after in itertools.pairwise(sizes):
        marginal = (times[after] - times[before]) / ((after - before) / 1000)
        steps.append({"from": before, "to": after, "ms_per_1000_events": round(marginal, 3)})
        lines.append(f"  marginal {before:>6} -> {after:<6} events: {marginal:7.2f} ms per 1000 events")
    lines.append(f"  per event at {small}: {times[small] / small * 1000:.1f} µs (start-up included); "
                 f"at {large}: {times[large] / large * 1000:.1f} µs")  # fmt: skip
    data: dict[str, object] = {
        "case": label,
        "ms": {str(size): round(times[size], 2) for size in sizes},
        "ratio": round(growth, 3),
        "size_ratio": large / small,
        "at_most_linear": linear,
        "marginal": steps,
    }
    return lines, data, linear


def compile_bytecode() -> None:
    """Write the package's .pyc files, as `pip install` of a wheel does. An editable install has none, and with
    PYTHONDONTWRITEBYTECODE set, as in some sandboxes, every run would compile otscli from source again."""
    where = [PYTHON, "-c", "import otscli, os; print(os.path.dirname(otscli.__file__))"]
    package = subprocess.run(where, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([PYTHON, "-m", "compileall", "-q", package], check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description="Time ots as whole processes against baselines, interleaved.")
    parser.add_argument("--runs", type=int, help="samples per start-up case (default 15; 3 with --quick)")
    parser.add_argument("--sizes", help="event counts of the generated user files (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 3 samples, files of 1k and 10k events")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    runs: int = options.runs if options.runs is not None else (3 if options.quick else 15)
    sizes_text: str = options.sizes or ("1000,10000" if options.quick else "1000,10000,100000")
    try:
        sizes = sorted({int(size) for size in sizes_text.split(",") if size.strip()})
    except ValueError:
        parser.error(f"--sizes: {sizes_text!r} is not a list of numbers such as 1000,10000,100000")
    if runs < 1 or not sizes or min(sizes) < 1:
        parser.error("--runs and --sizes must be positive")
    if not Path(OTS).is_file():
        raise SystemExit(f"benchmark: no `ots` beside {PYTHON}; install the package into this environment first")
    jq = shutil.which("jq")
    if jq is None:
        raise SystemExit("benchmark: jq is not on PATH; it is the baseline for the user files")
    compile_bytecode()
    jq_version = subprocess.run([jq, "--version"], capture_output=True, text=True).stdout.strip()
    ots_version = subprocess.run([OTS, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{ots_version} · Python {platform.python_version()} ({PYTHON}) · {jq_version} · "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs")  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="ots-bench-") as scratch:
        root = Path(scratch)
        for folder in ("data", "warm-cache", "cold", "files", "cwd"):
            (root / folder).mkdir()
        cwd = root / "cwd"
        env = {**os.environ, "XDG_DATA_HOME": str(root / "data"), "XDG_CACHE_HOME": str(root / "warm-cache")}
        for name in ("NO_COLOR", "FORCE_COLOR", "OTS_DATA", "OTS_DEBUG"):
            env.pop(name, None)
        drawn_env = {**env, "COLUMNS": "100"}

        def same(environment: dict[str, str]) -> Prepare:
            return lambda: environment

        results: list[Result] = []
        print(f"start-up, {runs} samples each ...", file=sys.stderr, flush=True)
        for label, arguments in STARTUP_CASES:
            results.append(interleaved(
                label, [OTS, *arguments], MINIMAL_APP, runs=runs, target=STARTUP_JSON_TARGET, cwd=cwd,
                prepare_candidate=same(env), prepare_baseline=same(env), floor=PYTHON_ALONE,
            ))  # fmt: skip
        results.append(interleaved(
            "timeline --since 2019 (drawn, piped)", [OTS, "timeline", "--since", "2019"], MINIMAL_APP,
            runs=runs, target=STARTUP_DRAWN_TARGET, cwd=cwd,
            prepare_candidate=same(drawn_env), prepare_baseline=same(env), floor=PYTHON_ALONE,
        ))  # fmt: skip

        first_ms: dict[int, float] = {}
        repeated_ms: dict[int, float] = {}
        selected: dict[int, int] = {}
        for size in sizes:
            user_file = write_user_file(root / "files", size)
            ours = [OTS, "--data", str(user_file.toml), "timeline", "--year", "2020", "--json"]
            theirs = [jq, JQ_FILTER, str(user_file.json)]
            selected[size] = check_user_file(user_file, ours, theirs, env, cwd)
            n = samples_for(size, runs, options.quick)
            mib = len(user_file.toml_bytes) / 2**20
            print(f"{size} events ({mib:.1f} MiB of TOML, {selected[size]} in 2020), {n} samples each ...",
                  file=sys.stderr, flush=True)  # fmt: skip
            first = interleaved(
                f"{size} events, first run", ours, theirs, runs=n,
                target=FIRST_RUN_TARGET if size in FIRST_RUN_SIZES else None, cwd=cwd,
                prepare_candidate=first_runs(user_file, env, root / "cold"), prepare_baseline=same(env),
                memory_target_mib=FIRST_RUN_PEAK_MIB.get(size),
            )  # fmt: skip
            # Repeated: the same file, the fixed cache folder; the warm-up fills the cache for the new file.
            repeated = interleaved(
                f"{size} events, repeated", ours, theirs, runs=n,
                target=REPEATED_10K_TARGET if size == 10000 else None, cwd=cwd,
                prepare_candidate=same(env), prepare_baseline=same(env),
            )  # fmt: skip
            results += [first, repeated]
            first_ms[size], repeated_ms[size] = first.candidate_ms, repeated.candidate_ms
            shutil.rmtree(root / "cold", ignore_errors=True)
            (root / "cold").mkdir()

        print("hostile inputs ...", file=sys.stderr, flush=True)
        (root / "hostile").mkdir()
        results += hostile_cases(root / "hostile", env, cwd, runs=3 if options.quick else 5)

    print()
    print_table(results)
    print("baselines: start-up against a minimal one-command Typer app on the same typer (benchmarks/"
          "minimal_typer_app.py), `x pass` against `python -c pass`; the user files against `jq` selecting the same "
          "2020 events from the same events as JSON. Peak memory of each process alone, through "
          + ("GNU time" if Path(GNU_TIME).is_file() else "benchmarks/peak_memory.py (8 MiB is its floor)"))  # fmt: skip
    growth: list[dict[str, object]] = []
    linear = True
    if len(sizes) > 1:
        print()
        for label, times, counts in (("repeated run", repeated_ms, True), ("first run", first_ms, False)):
            lines, data, ok = growth_report(times, label)
            print("\n".join(lines))
            growth.append(data)
            linear = linear and (ok or not counts)  # the target is on the repeated run
    failed = [result.case for result in results if not result.passed] + ([] if linear else ["growth"])
    print()
    print(f"targets: {'all met' if not failed else 'missed: ' + ', '.join(failed)}")
    if options.json:
        print(json.dumps({
            "ots": ots_version, "python": platform.python_version(), "jq": jq_version,
            "results": [{**asdict(result), "passed": result.passed, "floor_ratio": result.floor_ratio}
                        for result in results],
            "selected_in_2020": {str(size): count for size, count in selected.items()},
            "growth": growth, "failed": failed,
        }, indent=2, ensure_ascii=False))  # fmt: skip
    return 1 if options.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
