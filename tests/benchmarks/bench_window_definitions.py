#!/usr/bin/env python
"""The definitions built on each user's order of events, on DuckDB, against their former selves.

Paths, transitions, journeys, time at each touchpoint, sessions, the funnel's views and lifecycle, each as the
gallery calls it by default, over ``--events`` synthetic events (:mod:`eventgen`) read from Parquet with two
DuckDB threads. Each run is a fresh process (start-up not timed); with ``--baseline REV`` the package at git
revision REV runs each definition just before the working tree's, so both meet the same load on a shared
machine, and their tables must be equal. With ``--user-key`` the working tree runs each definition on a copy
of the events as an export's conversion stores them (with the usable-row flag and the user number of
:func:`usagelens.io.event_parquet.with_user_numbers`, in each user's order), read as the app reads it, by the
text id and just after by the number and that order. CPU time (both
threads) moves less with other work than wall time.

    python tests/benchmarks/bench_window_definitions.py [--events 1000000 5000000] [--baseline REV | --user-key]
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
KEYED_HEADING = "## Definitions on each user's order of events by the stored user number (issue 14)"
STEPS = ["event_00", "event_01", "event_02"]
CALLS = {  # name -> (module of usagelens.analytics.definitions, function, arguments after the view, options)
    "transitions": ("paths", "transitions", [], {}),
    "top 3-step paths": ("paths", "top_paths", ["event_00"], {}),
    "top paths leading to": ("paths", "top_paths", ["event_00"], {"before": True}),
    # the journey map's query: its 10 most common journeys, the others folded
    "top journeys, 4 steps": ("journeys", "top_journeys", ["event_00"], {"depth": 4, "top": 10}),
    "top journeys leading to": ("journeys", "top_journeys", ["event_00"], {"depth": 4, "top": 10, "before": True}),
    "time at each touchpoint": ("touchpoint_time", "touchpoint_times", [], {}),
    "sessions": ("usage", "sessions", [], {}),
    "session summary (week)": ("usage", "session_summary", ["week"], {}),
    "funnel over time": ("funnel_views", "funnel_over_time", [STEPS], {}),
    "time to convert": ("funnel_views", "time_to_convert", [STEPS], {}),
    "next after dropping": ("funnel_views", "next_after_dropping", [STEPS], {}),
    "strict funnel": ("funnels", "funnel", [STEPS], {"order": "strict"}),
    "lifecycle (week)": ("activity", "lifecycle", ["week"], {}),
}


def keyed_dataset(n_events: int) -> Path:
    """The events of :func:`eventgen.dataset` with the user number column, made once beside them."""
    import duckdb

    from usagelens.io.event_parquet import USABLE, with_user_numbers

    plain = dataset(n_events)
    target = plain.with_name(f"{plain.stem}-user-key.parquet")
    if not target.exists():
        flagged = f"SELECT *, user_id IS NOT NULL AS {USABLE} FROM read_parquet('{plain}')"
        rows = with_user_numbers(flagged, '"user_id"', USABLE, '"timestamp"')
        partial = target.with_suffix(".partial")
        duckdb.connect().execute(f"COPY ({rows}) TO '{partial}' (FORMAT parquet, COMPRESSION zstd)")
        partial.rename(target)
    return target


def child(name: str, n_events: int, out: str, mode: str) -> None:
    """Run one definition once and print its wall and CPU seconds as JSON; its table goes to ``out``. ``mode``:
    "plain" reads :func:`eventgen.dataset`, "text" and "number" the :func:`keyed_dataset` by either key."""
    import importlib

    from usagelens.analytics.definitions import duckdb_backend
    from usagelens.io.event_parquet import USABLE, USER_KEY

    module, function, args, options = CALLS[name]
    call = getattr(importlib.import_module(f"usagelens.analytics.definitions.{module}"), function)
    con = duckdb_backend.connect(threads=2)
    columns = {"user": "user_id", "time": "timestamp", "event": "event", "properties": ["platform"]}
    if mode == "plain":
        view = duckdb_backend.register_parquet(con, dataset(n_events), **columns)
    else:
        numbered = mode == "number"  # by the number and the stored order, as the app reads a conversion
        view = duckdb_backend.register_parquet(con, keyed_dataset(n_events), **columns, usable=USABLE,
                                               user_key=USER_KEY if numbered else None, in_user_order=numbered)
    began, cpu = time.perf_counter(), time.process_time()
    table = call(view, *args, **options)
    print(json.dumps({"wall": time.perf_counter() - began, "cpu": time.process_time() - cpu}))
    table.to_pickle(out)


def timed(name: str, n_events: int, package: Path | None, out: Path, mode: str = "plain") -> dict[str, float]:
    env = {**os.environ}
    if package is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(package), env.get("PYTHONPATH", "")])
    argv = [sys.executable, __file__, "--child", name, "--events", str(n_events), "--out", str(out), "--mode", mode]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--baseline", metavar="REV", help="also time each definition at this git revision")
    parser.add_argument("--user-key", action="store_true", help="time each definition without and with the user number")
    parser.add_argument("--only", nargs="*", default=[], help="only definitions whose name has one of these words")
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="plain", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.events[0], args.out, args.mode)
    import pandas as pd

    chosen = [name for name in CALLS if not args.only or any(word in name for word in args.only)]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        old = baseline_package(args.baseline, Path(folder)) if args.baseline else None
        compared = old is not None or args.user_key
        for n_events in args.events:
            keyed_dataset(n_events) if args.user_key else dataset(n_events)
            for name in chosen:
                load = os.getloadavg()[0]
                now = timed(name, n_events, None, Path(folder, "new.pkl"), "number" if args.user_key else "plain")
                cell = f"{now['wall']:.2f} / {now['cpu']:.2f}"
                if not compared:
                    rows.append(f"| {name} | {n_events:,} | {cell} | {load:.1f} |")
                else:
                    before = timed(name, n_events, old, Path(folder, "old.pkl"), "text" if args.user_key else "plain")
                    same = pd.read_pickle(Path(folder, "old.pkl")).equals(pd.read_pickle(Path(folder, "new.pkl")))
                    rows.append(f"| {name} | {n_events:,} | {before['wall']:.2f} / {before['cpu']:.2f} | {cell} | "
                                f"{'equal' if same else 'DIFFERENT'} | {load:.1f} |")
                print(rows[-1], flush=True)
    if args.write:
        header = (["| definition | events | before: wall / CPU (s) | after: wall / CPU (s) | tables | load |",
                   "|---|---:|---:|---:|---|---:|"] if compared else
                  ["| definition | events | wall / CPU (s) | load |", "|---|---:|---:|---:|"])
        heading = KEYED_HEADING if args.user_key else HEADING
        replace_section(heading, "\n".join([heading, "", *header, *rows]))


if __name__ == "__main__":
    main()
