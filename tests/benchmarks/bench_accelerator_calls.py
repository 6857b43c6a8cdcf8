"""Gallery analyses on a big project's built accelerator log: each one's first and second call in a fresh process.

What a user meets on reopening a project whose log is in the cache: the log is mapped and the data facts read,
then the analysis runs twice. Each call's wall and CPU time, the bytes it read from disk (``read_bytes`` of
/proc/self/io, which counts the pages a memory map faults in from the disk) and the process's peak RSS.
``--cold-start`` drops the page cache first (``echo 1 > /proc/sys/vm/drop_caches``, root only), so the mapped
files are read from the disk; ``--baseline REV`` also runs each analysis with the package at git revision REV.
The project is e.g. ``bench_big_project.py``'s, its log built beforehand (its ``build`` stage), with
``XDG_CACHE_HOME`` pointing at the cache that holds it.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_accelerator_calls.py PROJECT.ulens \
        [--kinds sessions,trends] [--baseline REV] [--cold-start]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_cli_engine import baseline_package  # noqa: E402
from child_process import in_child, peak_rss_mb  # noqa: E402


def _read_bytes() -> int:
    with open("/proc/self/io") as handle:
        return int(next(line for line in handle if line.startswith("read_bytes")).split()[1])


def _timed(run) -> dict:  # type: ignore[no-untyped-def]
    wall, cpu, read = time.perf_counter(), time.process_time(), _read_bytes()
    run()
    return {"s": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
            "read_mb": (_read_bytes() - read) / 2**20}


def child(project: str, kind: str, cold: str) -> dict:
    """One analysis' two calls after the log and the data facts, in this (fresh) process."""
    from usagelens.model import SavedAnalysis, load_project
    from usagelens.ui.data_cache import DataCache
    from usagelens.workspace.analyses import AnalysisInputs, rerun

    if cold == "cold":
        Path("/proc/sys/vm/drop_caches").write_text("1")
    inputs = AnalysisInputs(load_project(Path(project)), DataCache())
    found = {"log": _timed(lambda: inputs.log), "facts": _timed(lambda: inputs.facts)}
    saved = SavedAnalysis(kind=kind, name=kind, params={})
    found["first"] = _timed(lambda: rerun(inputs, saved))
    found["again"] = _timed(lambda: rerun(inputs, saved))
    return {**found, "peak_mb": peak_rss_mb()}


def _row(kind: str, label: str, found: dict) -> str:
    first, again = found["first"], found["again"]
    before = found["log"]["read_mb"] + found["facts"]["read_mb"]
    return (f"| {kind} | {label} | {os.getloadavg()[0]:.1f} | {before:,.0f} | {first['s']:.2f} | {first['cpu']:.2f} | "
            f"{first['read_mb']:,.0f} | {again['s']:.2f} | {again['cpu']:.2f} | {found['peak_mb']:,.0f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?")
    parser.add_argument("--kinds", default="sessions,trends")
    parser.add_argument("--baseline", metavar="REV", help="also run each analysis at this git revision")
    parser.add_argument("--cold-start", action="store_true", help="drop the page cache before each process")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    cold = "cold" if args.cold_start else "warm"
    rows = ["| analysis | package | load | log and facts read (MB) | first call (s) | CPU (s) | read (MB) | "
            "second call (s) | CPU (s) | peak RSS (MB) |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as folder:
        packages = {"this": os.environ.get("PYTHONPATH", "")}
        if args.baseline:
            packages[args.baseline] = str(baseline_package(args.baseline, Path(folder)))
        for kind in args.kinds.split(","):
            for label, package in packages.items():
                os.environ["PYTHONPATH"] = package  # the children import the package from here first
                rows.append(_row(kind, label, in_child(__file__, args.project, kind, cold)))
                print(rows[-1], flush=True)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
