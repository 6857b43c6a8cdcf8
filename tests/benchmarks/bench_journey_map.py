#!/usr/bin/env python
"""The journey map and the top paths on DuckDB: every journey (path) fetched and the top ones picked on the
client, against only the top ones fetched (issue 16, 14/15).

For ``--events`` synthetic events (:mod:`eventgen`) read from Parquet with two DuckDB threads, each way runs in
a fresh process (start-up not timed): ``every`` fetches :func:`journeys` (one row per distinct journey) and
folds it with :func:`usagelens.analytics.journeys.fold_journeys`, as the map did, or every path
(``top_paths_definition`` without ``top``, as top paths did); ``top`` fetches :func:`top_journeys` (the top ones
with the rest folded in the query), or the top paths and their ties. The rows fetched, wall and CPU seconds
(both threads) are printed, and the map's bands and table (the top paths) from both must be equal.

    python tests/benchmarks/bench_journey_map.py [--events 1000000 5000000] [--top 10] [--depth 4]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eventgen import dataset  # noqa: E402

ANCHOR = "event_00"


def child(way: str, n_events: int, top: int, depth: int, before: bool, out: str) -> None:
    """Fetch the journeys (``way`` "every" or "top") or the paths ("every paths", "top paths"), make the map's
    bands and table or the top paths (pickled to ``out``), and print the rows fetched and the seconds as JSON."""
    import pandas as pd

    from usagelens.analytics.definitions import duckdb_backend, view
    from usagelens.analytics.definitions.journeys import journeys, top_journeys
    from usagelens.analytics.definitions.paths import (
        PathParams,
        event_frequencies,
        frequency_facts,
        shape_top_paths,
        top_paths,
        top_paths_definition,
    )
    from usagelens.analytics.definitions.view import fetch
    from usagelens.analytics.journeys import fold_journeys
    from usagelens.workspace.analyses.journey_map import fold

    con = duckdb_backend.connect(threads=2)
    events = duckdb_backend.register_parquet(con, dataset(n_events), user="user_id", time="timestamp",
                                             event="event", properties=["platform"])
    sizes = []
    fetch_arrow = view.fetch_arrow
    view.fetch_arrow = lambda expr: sizes.append(len(answer := fetch_arrow(expr))) or answer  # type: ignore[assignment]
    began, cpu = time.perf_counter(), time.process_time()
    if way == "every":
        result = fold(fold_journeys(journeys(events, ANCHOR, depth=depth, before=before), top, before), before)
    elif way == "top":
        result = fold(top_journeys(events, ANCHOR, top=top, depth=depth, before=before), before)
    elif way == "every paths":  # as top_paths did: every path fetched, the top ones picked on the client
        frequencies = fetch(event_frequencies(events))
        params = PathParams(ANCHOR, depth, top, frequency_facts(frequencies, None, None).days, before)
        result = shape_top_paths(fetch(top_paths_definition(events, replace(params, top=None))), frequencies, params)
    else:
        result = top_paths(events, ANCHOR, depth=depth, top=top, before=before)
    print(json.dumps({"wall": time.perf_counter() - began, "cpu": time.process_time() - cpu, "rows": sizes[-1]}))
    pd.to_pickle(result if isinstance(result, tuple) else (result,), out)


def timed(way: str, n_events: int, top: int, depth: int, before: bool, out: Path) -> dict[str, float]:
    argv = [sys.executable, __file__, "--child", way, "--events", str(n_events), "--top", str(top), "--depth",
            str(depth), "--out", str(out), *(["--before"] if before else [])]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{way} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--before", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.events[0], args.top, args.depth, args.before, args.out)
    import pandas as pd

    print("| what | events | every one fetched: rows / wall / CPU (s) | the top ones fetched: rows / wall / "
          "CPU (s) | tables | load |")
    print("|---|---:|---:|---:|---|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for n_events in args.events:
            dataset(n_events)
            for kind, before in (("journeys", False), ("journeys", True), ("paths", False), ("paths", True)):
                load = os.getloadavg()[0]
                ways = ("every", "top") if kind == "journeys" else ("every paths", "top paths")
                runs = {way: timed(way, n_events, args.top, args.depth, before, Path(folder, f"{way}.pkl"))
                        for way in ways}
                tables = [pd.read_pickle(Path(folder, f"{way}.pkl")) for way in runs]
                same = all(a.equals(b) for a, b in zip(*tables, strict=True))
                cells = " | ".join(f"{r['rows']:,} / {r['wall']:.2f} / {r['cpu']:.2f}" for r in runs.values())
                print(f"| {kind} {'leading to' if before else 'from'} {ANCHOR}, {args.depth} steps, top {args.top} | "
                      f"{n_events:,} | {cells} | {'equal' if same else 'DIFFERENT'} | {load:.1f} |", flush=True)


if __name__ == "__main__":
    main()
