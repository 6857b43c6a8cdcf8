#!/usr/bin/env python
"""The conformance properties at length, and the Ibis definitions' time on DuckDB at scale.

First runs ``tests/conformance/test_conformance_properties.py`` with ``USAGELENS_CONFORMANCE_EXAMPLES``
raised (funnels get three times as many), so every executor is compared with the Ibis definitions on DuckDB
over hundreds of random logs; exits 1 on any difference. Then times every definition on DuckDB (two
threads, as on a 2-core laptop) over ``--events`` synthetic events (:mod:`eventgen`) read from Parquet, the
way the app runs them: the definitions are the truth, so their speed is what a user waits for when a
source does not fit the numpy accelerators. With ``--write`` both sections of
``tests/benchmarks/RESULTS.md`` are replaced.

    python tests/benchmarks/bench_conformance.py [--examples 300] [--events 10000000] [--only NAME ...] [--write]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "desktop")]

from eventgen import dataset  # noqa: E402
from results_file import replace_section  # noqa: E402

SECTION = "# Conformance at length"
SPEED_SECTION = "# Definitions on DuckDB"
FUNNEL = ["event_00", "event_03", "event_07"]
COLUMNS = {"user": "user_id", "time": "timestamp", "event": "event"}


def properties(examples: int, write: bool) -> int:
    """Run the hypothesis properties with ``examples`` random logs each; their summary goes to RESULTS.md."""
    environment = {**os.environ, "USAGELENS_CONFORMANCE_EXAMPLES": str(examples), "QT_QPA_PLATFORM": "offscreen"}
    began = time.perf_counter()
    outcome = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/conformance/test_conformance_properties.py",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - began
    summary = outcome.stdout.strip().splitlines()[-1] if outcome.stdout.strip() else outcome.stderr.strip()
    print(outcome.stdout[-4000:], flush=True)
    if write:
        replace_section(
            SECTION,
            f"{SECTION}\n\nThe hypothesis properties of `tests/conformance/` with {examples} random logs per "
            f"metric family ({3 * examples} funnels), numpy kernels against the Ibis definitions on DuckDB: "
            f"`{summary}`, {seconds:.0f} s.",
        )
    return outcome.returncode


def calls() -> dict[str, Callable[[object], object]]:
    """Each definition as the GUI calls it by default, by name (one name per line of the results table)."""
    import usagelens.analytics.definitions as d

    return {
        "active users (week)": lambda v: d.active_users(v, "week"),
        "event counts": lambda v: d.event_counts(v),
        "feature adoption": lambda v: d.feature_adoption(v),
        "stickiness": lambda v: d.stickiness(v),
        "lifecycle (week)": lambda v: d.lifecycle(v, "week"),
        "retention (week)": lambda v: d.retention_table(v, "week"),
        "funnel, 3 steps": lambda v: d.funnel(v, FUNNEL),
        "funnel, 3 steps, 7d window": lambda v: d.funnel(v, FUNNEL, window="7d"),
        "funnel breakdown (platform)": lambda v: d.funnel_breakdown(v, FUNNEL, "platform", window="14d"),
        "transitions": lambda v: d.transitions(v),
        "top 3-step paths": lambda v: d.top_paths(v, "event_00"),
        "session summary (day)": lambda v: d.session_summary(v, "day"),
        "sessions": lambda v: d.sessions(v),
        "experiment (platform)": lambda v: d.experiment(v, "platform", "event_03"),
        "daily series": lambda v: d.daily_series(v),
    }


def speed(n_events: int, only: list[str], write: bool) -> None:
    """Time each definition once on a fresh view of the Parquet file (DuckDB, two threads)."""
    from usagelens.analytics.definitions import duckdb_backend

    path = dataset(n_events)
    con = duckdb_backend.connect(threads=2)
    view = duckdb_backend.register_parquet(con, path, **COLUMNS, properties=["platform"])
    rows, load = [], os.getloadavg()[0]
    for name, call in calls().items():
        if only and not any(word in name for word in only):
            continue
        began, cpu = time.perf_counter(), time.process_time()
        call(view)
        rows.append(f"| {name} | {time.perf_counter() - began:.2f} | {time.process_time() - cpu:.2f} |")
        print(rows[-1], flush=True)
    if write and not only:
        table = "\n".join(["| definition | wall (s) | CPU, both threads (s) |", "|---|---:|---:|", *rows])
        replace_section(
            SPEED_SECTION,
            f"{SPEED_SECTION}\n\nEach Ibis definition of `usagelens.analytics.definitions` once on DuckDB "
            f"(2 threads, memory limit half the RAM) over {n_events:,} events of `eventgen.py` read from "
            f"Parquet, result fetched and shaped. The machine is shared: wall times move by ±50 % with the other "
            f"work on it (load average {load:.1f} on 2 cores at the start of this run); the process's CPU "
            f"time moves less and is what to compare.\n\n{table}",
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300, help="random logs per property (0: skip)")
    parser.add_argument("--events", type=int, default=10_000_000, help="events for the timings (0: skip)")
    parser.add_argument("--only", nargs="*", default=[], help="time only definitions whose name has a word")
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    args = parser.parse_args()
    code = properties(args.examples, args.write) if args.examples else 0
    if args.events:
        speed(args.events, args.only, args.write)
    return code


if __name__ == "__main__":
    sys.exit(main())
