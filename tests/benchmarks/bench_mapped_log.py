#!/usr/bin/env python
"""The memory-mapped accelerator at scale: cache build time and peak memory, then kernel times on the map.

Writes ``--events`` synthetic events (:mod:`eventgen`) to Parquet in chunks of 10M rows, so 100M events are
never held in pandas; then, each in a fresh child process so that its peak resident memory is its own,
builds the mapped log from the Parquet file's standard view (DuckDB, 2 threads, 2 GB memory limit) and
opens it to time the kernels a user runs first. Peak RSS counts the mapped pages a process touched, so it
is an honest upper bound of what the accelerator holds. With ``--write`` the section of
``tests/benchmarks/RESULTS.md`` is replaced.

    python tests/benchmarks/bench_mapped_log.py [--events 10000000 100000000] [--write]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "desktop")]

from child_process import in_child, peak_rss_mb  # noqa: E402
from eventgen import DATA_DIR, dataset  # noqa: E402
from results_file import replace_section  # noqa: E402

SECTION = "# Memory-mapped accelerator"
FUNNEL = ["event_00", "event_03", "event_07"]
COLUMNS = {"user": "user_id", "time": "timestamp", "event": "event"}


def kernels() -> dict[str, Callable[[object], object]]:
    """The analyses timed on the map, as the GUI calls them by default."""
    import usagelens.analytics as a

    return {
        "active users (day)": lambda log: a.active_users(log, "day"),
        "active users (week)": lambda log: a.active_users(log, "week"),
        "retention (week)": lambda log: a.retention_table(log, "week"),
        "funnel, 3 steps": lambda log: a.funnel(log, FUNNEL),
        "funnel, 3 steps, 7d window": lambda log: a.funnel(log, FUNNEL, window="7d"),
        "transitions": lambda log: a.transitions(log),
        "lifecycle (week)": lambda log: a.lifecycle(log, "week"),
        "event counts": lambda log: a.event_counts(log),
    }


def child_build(parquet: Path, folder: Path) -> dict:
    from usagelens.analytics.definitions import duckdb_backend
    from usagelens.analytics.mapped_log import build_mapped_log

    con = duckdb_backend.connect(memory_limit="2GB", threads=2)
    view = duckdb_backend.register_parquet(con, parquet, **COLUMNS)
    info = build_mapped_log(view, folder)
    return {"seconds": info.seconds, "bytes": info.bytes_on_disk, "events": info.n_events, "users": info.n_users}


def peak_rss_since_reset() -> int:
    """This process's peak RSS (bytes) since the last :func:`reset_peak_rss`."""
    return int(peak_rss_mb() * 2**20)


def reset_peak_rss() -> None:
    """Start a new peak: writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0)."""
    Path("/proc/self/clear_refs").write_text("5")


def child_kernels(folder: Path) -> dict:
    from usagelens.analytics.mapped_log import open_mapped_log

    began = time.perf_counter()
    log = open_mapped_log(folder)
    times, peaks = {"open": time.perf_counter() - began}, {"open": peak_rss_since_reset()}
    for name, call in kernels().items():
        reset_peak_rss()
        began = time.perf_counter()
        call(log)
        times[name], peaks[name] = time.perf_counter() - began, peak_rss_since_reset()
    again = {"open": times["open"]}
    for name, call in kernels().items():
        began = time.perf_counter()
        call(log)
        again[name] = time.perf_counter() - began
    return {"seconds": times, "again": again, "peaks": peaks}


def measure(n_events: int) -> dict:
    parquet = dataset(n_events)
    folder = DATA_DIR / f"mapped_{n_events}"
    shutil.rmtree(folder, ignore_errors=True)
    build = in_child(__file__, "build", str(parquet), str(folder))
    print(f"{n_events:,}: build {build}", flush=True)
    run = in_child(__file__, "kernels", str(folder))
    print(f"{n_events:,}: kernels {run}", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    return {"events": n_events, "build": build, "kernels": run}


def report(results: list[dict]) -> str:
    gib = 2**30
    lines = [
        SECTION,
        "",
        "`build_mapped_log` over the Parquet file of `eventgen.py` events (DuckDB, 2 threads, memory limit 2 GB), "
        "then `open_mapped_log` and each kernel in that order in a fresh process, twice: first calls build the "
        "shared derived arrays (day numbers, distinct user-days) and fault in fresh memory; calls again are what "
        "later analyses of the session cost. Peak RSS includes the mapped pages touched; "
        "a kernel's peak is the process's highest RSS during that call (so it includes what earlier calls left). "
        "The machine is shared, so timings move by ±30 %.",
        "",
        "| events | build (s) | build peak RSS (GB) | cache size (GB) | bytes/event | kernels peak RSS (GB) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        build, run = result["build"], result["kernels"]
        lines.append(
            f"| {result['events']:,} | {build['seconds']:.1f} | {build['peak_rss'] / gib:.2f} | "
            f"{build['bytes'] / gib:.2f} | {build['bytes'] / max(result['events'], 1):.1f} | "
            f"{run['peak_rss'] / gib:.2f} |"
        )
    names = list(results[0]["kernels"]["seconds"])
    heads = [f"{r['events']:,}: {what}" for r in results for what in ("first (s)", "again (s)", "peak RSS (GB)")]
    lines += ["", "| kernel | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
    for name in names:
        cells = [
            f"{r['kernels']['seconds'][name]:.2f} | {r['kernels']['again'][name]:.2f} | "
            f"{r['kernels']['peaks'][name] / gib:.2f}"
            for r in results
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="*", default=[10_000_000], help="sizes to measure")
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        phase, *paths = args.child
        result = child_build(Path(paths[0]), Path(paths[1])) if phase == "build" else child_kernels(Path(paths[0]))
        result["peak_rss"] = peak_rss_since_reset()
        print(json.dumps(result))
        return 0
    results = [measure(n) for n in args.events]
    text = report(results)
    print(text)
    if args.write:
        replace_section(SECTION, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
