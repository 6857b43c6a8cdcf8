"""Opening a project whose events table is kept on disk: unpacked from the project file, or reused from the cache.

A table of 256 MB of Parquet or more is not held as bytes but unpacked into the user cache. Before issue 14's
fix every open read, hashed and wrote it again; now an unchanged file's tables are found by the index of
``model.unpacked_tables``. A child imports ``--events`` synthetic events the way the import dialog imports an
export too big for memory and saves the project; fresh children then open it (``load_project``, what File ▸ Open
does before any page draws): with the index emptied (a first open: the table is unpacked), again (reused), and,
with ``--baseline REV``, with the package as it was at REV, all in the same run.

    python tests/benchmarks/bench_open_big.py [--events 50000000] [--baseline REV] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_cli_engine import baseline_package  # noqa: E402
from child_process import in_child, peak_rss_mb  # noqa: E402
from eventgen import dataset  # noqa: E402
from results_file import replace_section  # noqa: E402

SECTION = "## Opening a big project: its table unpacked or reused"
RUNS = 3


def child_import(csv: Path, project: Path) -> dict:
    from bench_big_project import stage_import

    return stage_import(csv, project)


def child_open(project: Path) -> dict:
    from usagelens.model import load_project
    from usagelens.model.stored_table import held_table

    start = time.perf_counter()
    opened = load_project(project)
    seconds = time.perf_counter() - start
    return {"open_s": seconds, "on_disk": getattr(held_table(opened.sources[0]), "path", None) is not None,
            "peak_mb": peak_rss_mb()}


STAGES = {"import": child_import, "open": child_open}


def _opens(project: Path, *, forget: Path | None = None) -> list[float]:
    """Seconds of :data:`RUNS` opens, each a fresh process; with ``forget``, that index removed before each."""
    times = []
    for _ in range(RUNS):
        if forget is not None:
            shutil.rmtree(forget, ignore_errors=True)
        opened = in_child(__file__, "open", str(project))
        if not opened.get("on_disk", True):  # the baseline's package does not say
            raise SystemExit("the events table was held as bytes, not kept on disk: ask for more --events")
        times.append(opened["open_s"])
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000_000)  # 0.33 GB of Parquet: past the 256 MB
    parser.add_argument("--baseline", metavar="REV", help="also open with the package at this git revision")
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        stage, *rest = args.child
        print(json.dumps(STAGES[stage](*(Path(value) for value in rest))))
        return 0
    csv = dataset(args.events, "csv")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["USAGELENS_PROFILE_DIR"] = str(Path(folder) / "profile")
        project = Path(folder) / "big.ulens"
        imported = in_child(__file__, "import", str(csv), str(project))
        print(f"import {imported}", flush=True)
        from usagelens.model.unpacked_tables import index_path

        rows = {"first open (the table unpacked)": _opens(project, forget=index_path().parent),
                "reopen (the unpacked table reused)": _opens(project)}
        if args.baseline:
            package = baseline_package(args.baseline, Path(folder))
            os.environ["PYTHONPATH"] = os.pathsep.join([str(package), os.environ.get("PYTHONPATH", "")])
            rows[f"every open at {args.baseline}"] = _opens(project)
        size_gb = project.stat().st_size / 1e9
    table = "\n".join(f"| {name} | {statistics.median(times):.2f} | {', '.join(f'{t:.2f}' for t in times)} |"
                      for name, times in rows.items())
    text = f"""{SECTION}

{args.events:,} synthetic events (`eventgen.py`) imported as an export too big for memory (DuckDB, kept on
disk) and saved: project file {size_gb:.2f} GB, its events table past the 256 MB from which a table is unpacked
into the user cache rather than held as bytes. Each open is a fresh process timing `load_project` (File ▸ Open
before any page draws); {RUNS} runs each, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.

| open | median (s) | runs (s) |
|---|---:|---|
{table}
"""
    if args.write:
        replace_section(SECTION, text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
