#!/usr/bin/env python
"""Benchmark the analytics engine against DuckDB on seeded 1M / 10M event logs (``make bench``).

For each size: one-time load (Parquet file → memory) + encoding, then every analysis on the encoded log
with its caches cleared (each analysis pays for the derived arrays it needs), each next to the DuckDB
reference query of :mod:`duckdb_reference` on the same data in the same process. Peak memory is the
peak of memory allocated during the step (tracemalloc, in a second run). Results go to stdout and, with
``--write``, to ``tests/benchmarks/RESULTS.md``.

    python tests/benchmarks/bench_analytics.py [--sizes 1000000,10000000] [--write]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "analytics"), str(HERE.parents[1] / "desktop")]

import duckdb  # noqa: E402
import duckdb_reference as ref  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from child_process import peak_rss_mb  # noqa: E402
from eventgen import dataset  # noqa: E402

from usagelens.analytics import (  # noqa: E402
    EventLog,
    active_users,
    event_counts,
    feature_adoption,
    funnel,
    lifecycle,
    retention_table,
    session_summary,
    top_paths,
    transitions,
)

FUNNEL = ["event_00", "event_03", "event_07"]
PAGE = 4096
FINDINGS = "## Findings"
HEADER = (
    "| analysis | ours (s) | our peak alloc (MB) | DuckDB (s) | DuckDB ÷ ours |\n"
    "|---|---:|---:|---:|---:|"
)


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE


def measure(fn: Callable[[], object], repeat: int = 2) -> tuple[float, int]:
    """(best wall time of ``repeat`` runs, peak bytes allocated in one more run under tracemalloc).

    numpy and pandas report their buffers to tracemalloc; DuckDB's own memory is invisible to it.
    """
    seconds = min(_timed(fn) for _ in range(repeat))
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak


def rss_probe(n_events: int) -> None:
    """Run in a fresh process: load and encode, keep the frame (as the app does), print RSS in MB."""
    frame = pd.read_parquet(dataset(n_events), read_dictionary=["user_id", "event"])
    log = EventLog.from_frame(frame, user="user_id", time="timestamp", event="event")
    peak = peak_rss_mb()
    print(f"{_rss() / 2**20:.0f} {peak:.0f} {log.n_events}")


def fresh_process_rss(n_events: int) -> tuple[float, float]:
    """(RSS after load + encode, peak RSS) in MB, measured in a new interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, "--rss-probe", str(n_events)], capture_output=True, text=True, check=True
    )
    current, peak, _ = done.stdout.split()
    return float(current), float(peak)


def run_size(n_events: int) -> tuple[list[dict[str, object]], dict[str, object]]:
    path = dataset(n_events)
    rows: list[dict[str, object]] = []
    con = duckdb.connect()
    # the first load of the process is the one a user waits for: timed cold, once
    started = time.perf_counter()
    frame = pd.read_parquet(path, read_dictionary=["user_id", "event"])
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    log = EventLog.from_frame(frame, user="user_id", time="timestamp", event="event")
    encode_seconds = time.perf_counter() - started
    duck_seconds = _timed(
        lambda: ref.load(con, f"read_parquet('{path}')", user="user_id", time="timestamp", event="event")
    )
    rows.append(_row("load: Parquet → pandas (cold)", read_seconds, None, None))
    rows.append(_row("encode (cold)", encode_seconds, None, None))
    rows.append(_row("load + encode (cold)", read_seconds + encode_seconds, None, duck_seconds))
    del frame
    seconds, peak = measure(
        lambda: EventLog.from_frame(
            pd.read_parquet(path, read_dictionary=["user_id", "event"]),
            user="user_id",
            time="timestamp",
            event="event",
        )
    )
    duck_seconds = min(
        _timed(
            lambda: ref.load(con, f"read_parquet('{path}')", user="user_id", time="timestamp", event="event")
        )
        for _ in range(2)
    )
    rows.append(_row("load + encode (warm, best of 2)", seconds, peak, duck_seconds))
    current, peak_rss = fresh_process_rss(n_events)
    facts = {"events": log.n_events, "users": log.n_users, "event types": len(log.event_names),
             "rss": current, "peak_rss": peak_rss}  # fmt: skip

    analyses: list[tuple[str, Callable[[], object], Callable[[], object] | None]] = [
        ("active users (day)", lambda: active_users(log, "day"), lambda: ref.active_users(con, "day")),
        ("active users (week)", lambda: active_users(log, "week"), lambda: ref.active_users(con, "week")),
        ("active users (month)", lambda: active_users(log, "month"), lambda: ref.active_users(con, "month")),
        ("event counts", lambda: event_counts(log), lambda: ref.event_counts(con)),
        ("adoption (all events)", lambda: feature_adoption(log), None),
        ("funnel, 3 steps", lambda: funnel(log, FUNNEL), lambda: ref.funnel_users(con, FUNNEL, None)),
        ("funnel, 3 steps, 7d window", lambda: funnel(log, FUNNEL, window="7d"),
         lambda: ref.funnel_users(con, FUNNEL, 7 * 86400)),
        ("retention week, on", lambda: retention_table(log, "week"),
         lambda: ref.retention(con, "week", "on")),
        ("retention week, on or after", lambda: retention_table(log, "week", mode="on_or_after"),
         lambda: ref.retention(con, "week", "on_or_after")),
        ("transitions", lambda: transitions(log), lambda: ref.transitions(con)),
        ("sessions per day (30 min)", lambda: session_summary(log, "day"),
         lambda: ref.sessions_per_day(con, 1800)),
        ("top 3-step paths", lambda: top_paths(log, "event_00"), None),
        ("lifecycle (week)", lambda: lifecycle(log, "week"), None),
    ]  # fmt: skip
    for name, ours, theirs in analyses:  # every run clears the caches: it pays for its derived arrays
        seconds, peak = measure(partial(_uncached, log, ours))
        duck = min(_timed(theirs) for _ in range(2)) if theirs else None
        rows.append(_row(name, seconds, peak, duck))
        print(_format(rows[-1]), flush=True)
    for row in rows[:4]:
        print(_format(row))
    return rows, facts


def _uncached(log: EventLog, analysis: Callable[[], object]) -> object:
    log._cache.clear()
    return analysis()


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _row(name: str, seconds: float, peak: int | None, duck: float | None) -> dict[str, object]:
    peak_mb = peak / 2**20 if peak is not None else None
    speedup = duck / seconds if duck else None
    return {"analysis": name, "seconds": seconds, "peak_mb": peak_mb, "duckdb_seconds": duck,
            "speedup": speedup}  # fmt: skip


def _format(row: dict[str, object]) -> str:
    duck = f"{row['duckdb_seconds']:.3f}" if row["duckdb_seconds"] is not None else "—"
    ratio = f"{row['speedup']:.1f}×" if row["speedup"] is not None else "—"
    peak = f"{row['peak_mb']:.0f}" if row["peak_mb"] is not None else "—"
    return f"| {row['analysis']} | {row['seconds']:.3f} | {peak} | {duck} | {ratio} |"


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
        "?",
    )
    memory = (
        next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")) / 2**20
    )
    return (
        f"{cpu}, {os.cpu_count()} cores (shared with other work), {memory:.0f} GiB RAM; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, numpy {np.__version__}, "
        f"pandas {pd.__version__}, DuckDB {duckdb.__version__} (threads: default)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--write", action="store_true", help="write tests/benchmarks/RESULTS.md")
    parser.add_argument("--rss-probe", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_probe:
        rss_probe(args.rss_probe)
        return
    header = HEADER
    sections = [f"Machine: {machine()}\n"]
    for n in (int(float(size)) for size in args.sizes.split(",")):
        print(f"\n## {n:,} events\n\n{header}", flush=True)
        rows, facts = run_size(n)
        sections.append(
            f"## {n:,} events ({facts['users']:,} users, {facts['event types']} event types, one year)\n\n"
            f"Fresh process, Parquet read into pandas and encoded, frame and encoded log both held: "
            f"RSS {facts['rss']:.0f} MB, peak RSS {facts['peak_rss']:.0f} MB.\n\n"
            + header
            + "\n"
            + "\n".join(_format(row) for row in rows)
            + "\n"
        )
    if args.write:  # the hand-written findings at the end of RESULTS.md survive a re-run
        results = HERE / "RESULTS.md"
        old = results.read_text(encoding="utf-8") if results.exists() else ""
        findings = old[old.index(FINDINGS) :] if FINDINGS in old else ""
        text = "# Analytics benchmarks\n\n" + "\n".join(sections) + ("\n" + findings if findings else "")
        results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
