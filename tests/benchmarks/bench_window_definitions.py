#!/usr/bin/env python
"""The definitions built on each user's order of events, on DuckDB, against their former selves.

Paths, transitions, journeys, time at each touchpoint, sessions, the funnel's views and lifecycle, each as the
gallery calls it by default, over ``--events`` synthetic events (:mod:`eventgen`) read from Parquet with two
DuckDB threads. Each run is a fresh process (start-up not timed); with ``--baseline REV`` the package at git
revision REV runs each definition just before the working tree's, so both meet the same load on a shared
machine, and their tables must be equal. CPU time (both threads) moves less with other work than wall time.

    python tests/benchmarks/bench_window_definitions.py [--events 1000000 5000000] [--baseline REV]
        [--only NAME ...] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_cli_engine import baseline_package  # noqa: E402
from eventgen import dataset  # noqa: E402
from results_file import replace_section  # noqa: E402

HEADING = "## Definitions on each user's order of events, before and after (issue 14)"
STEPS = ["event_00", "event_01", "event_02"]
CALLS = {  # name -> (module of usagelens.analytics.definitions, function, arguments after the view, options)
    "transitions": ("paths", "transitions", [], {}),
    "top 3-step paths": ("paths", "top_paths", ["event_00"], {}),
    "top paths leading to": ("paths", "top_paths", ["event_00"], {"before": True}),
    "journeys, 4 steps": ("journeys", "journeys", ["event_00"], {"depth": 4}),
    "journeys leading to": ("journeys", "journeys", ["event_00"], {"depth": 4, "before": True}),
    "time at each touchpoint": ("touchpoint_time", "touchpoint_times", [], {}),
    "sessions": ("usage", "sessions", [], {}),
    "session summary (week)": ("usage", "session_summary", ["week"], {}),
    "funnel over time": ("funnel_views", "funnel_over_time", [STEPS], {}),
    "time to convert": ("funnel_views", "time_to_convert", [STEPS], {}),
    "next after dropping": ("funnel_views", "next_after_dropping", [STEPS], {}),
    "strict funnel": ("funnels", "funnel", [STEPS], {"order": "strict"}),
    "lifecycle (week)": ("activity", "lifecycle", ["week"], {}),
}


def child(name: str, n_events: int, out: str) -> None:
    """Run one definition once and print its wall and CPU seconds as JSON; its table goes to ``out``."""
    import importlib

    from usagelens.analytics.definitions import duckdb_backend

    module, function, args, options = CALLS[name]
    call = getattr(importlib.import_module(f"usagelens.analytics.definitions.{module}"), function)
    con = duckdb_backend.connect(threads=2)
    view = duckdb_backend.register_parquet(con, dataset(n_events), user="user_id", time="timestamp",
                                           event="event", properties=["platform"])
    began, cpu = time.perf_counter(), time.process_time()
    table = call(view, *args, **options)
    print(json.dumps({"wall": time.perf_counter() - began, "cpu": time.process_time() - cpu}))
    table.to_pickle(out)


def timed(name: str, n_events: int, package: Path | None, out: Path) -> dict[str, float]:
    env = {**os.environ}
    if package is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(package), env.get("PYTHONPATH", "")])
    argv = [sys.executable, __file__, "--child", name, "--events", str(n_events), "--out", str(out)]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--baseline", metavar="REV", help="also time each definition at this git revision")
    parser.add_argument("--only", nargs="*", default=[], help="only definitions whose name has one of these words")
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.events[0], args.out)
    import pandas as pd

    chosen = [name for name in CALLS if not args.only or any(word in name for word in args.only)]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        old = baseline_package(args.baseline, Path(folder)) if args.baseline else None
        for n_events in args.events:
            dataset(n_events)
            for name in chosen:
                load = os.getloadavg()[0]
                now = timed(name, n_events, None, Path(folder, "new.pkl"))
                cell = f"{now['wall']:.2f} / {now['cpu']:.2f}"
                if old is None:
                    rows.append(f"| {name} | {n_events:,} | {cell} | {load:.1f} |")
                else:
                    before = timed(name, n_events, old, Path(folder, "old.pkl"))
                    same = pd.read_pickle(Path(folder, "old.pkl")).equals(pd.read_pickle(Path(folder, "new.pkl")))
                    rows.append(f"| {name} | {n_events:,} | {before['wall']:.2f} / {before['cpu']:.2f} | {cell} | "
                                f"{'equal' if same else 'DIFFERENT'} | {load:.1f} |")
                print(rows[-1], flush=True)
    if args.write:
        header = (["| definition | events | before: wall / CPU (s) | after: wall / CPU (s) | tables | load |",
                   "|---|---:|---:|---:|---|---:|"] if old else
                  ["| definition | events | wall / CPU (s) | load |", "|---|---:|---:|---:|"])
        replace_section(HEADING, "\n".join([HEADING, "", *header, *rows]))


if __name__ == "__main__":
    main()
