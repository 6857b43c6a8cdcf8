"""Step 3's check of a big saved source (quality before and after the recipe, outcomes, suspects, outliers,
personal data): DuckDB over the stored Parquet vs pandas on the decoded table, time and peak RSS.

A child process saves a project of the events in ``--parquet`` (or of ``--events`` synthetic ones); fresh
children then open it, set a recipe and run ``workspace.quality_check.check_source`` as step 3's worker does,
once by each path, and say how long it took, the process's peak RSS and whether the table was decoded.

    python tests/benchmarks/bench_clean_check.py [--parquet FILE | --events N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from child_process import in_child, peak_rss_mb  # noqa: E402

RECIPES = {
    "no recipe": [],
    "4 steps": [
        ("remove_duplicates", {}),
        ("exclude_users", {"pattern": "u00001*"}),
        ("rename_events", {"mapping": {"event_00": "start"}}),
        ("filter_rows", {"column": "platform", "operator": "one_of", "values": ["web", "ios"]}),
    ],
}


def child_prepare(path: Path, parquet: str, n_events: int) -> dict:
    import pandas as pd

    from usagelens.model import Project, Source, SourceKind, save_project

    if parquet:
        frame = pd.read_parquet(parquet)
    else:
        from eventgen import event_frame

        frame = event_frame(n_events)
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    save_project(Project(name="bench", sources=[Source("Events", SourceKind.EVENTS, frame, roles=roles)]), path)
    return {"events": len(frame)}


def child_check(path: Path, engine: str, recipe: str) -> dict:
    from usagelens.model import RecipeStep, load_project
    from usagelens.model.stored_table import stored_table
    from usagelens.workspace import engine_logs
    from usagelens.workspace.quality_check import check_source

    engine_logs.ENGINE_FROM_ROWS = 1 if engine == "duckdb" else 10**12  # each path at any size
    project = load_project(path)
    source = project.sources[0]
    project.recipes[source.id] = [RecipeStep(op, params) for op, params in RECIPES[recipe]]
    start = time.perf_counter()
    check = check_source(project, source, max_suspects=500, progress=lambda _: None, cancelled=lambda: False)
    return {"seconds": time.perf_counter() - start, "decoded": stored_table(source).decoded,
            "peak_rss_mb": peak_rss_mb(),
            "rows_after": check.cleaned.rows, "suspects": check.cleaned.suspect_total + check.cleaned.unusually_active,
            "note": check.note}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parquet", default="", help="events with user_id, timestamp, event, platform")
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        command, path, *rest = args.child
        result = (child_prepare(Path(path), rest[0], int(rest[1])) if command == "prepare"
                  else child_check(Path(path), rest[0], rest[1]))
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.ulens"
        events = in_child(__file__, "prepare", str(path), args.parquet, str(args.events))["events"]
        print(f"{events:,} events, project file {path.stat().st_size / 1e6:.0f} MB", flush=True)
        print("| recipe | checked by | seconds | peak RSS (MB) | table decoded | rows after | suspects |")
        print("|---|---|---:|---:|:---:|---:|---:|")
        for recipe in RECIPES:
            for engine in ("duckdb", "pandas"):
                run = in_child(__file__, "check", str(path), engine, recipe)
                print(f"| {recipe} | {engine} | {run['seconds']:.1f} | {run['peak_rss_mb']:,.0f} | "
                      f"{'yes' if run['decoded'] else 'no'} | {run['rows_after']:,} | {run['suspects']:,} |"
                      + (f" {run['note']}" if run["note"] else ""), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
