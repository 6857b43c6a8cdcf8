#!/usr/bin/env python
"""A typical cleaning recipe on both engines: pandas over the whole table vs the compiled recipe on DuckDB.

The recipe (dedupe, keep Feb–Nov, exclude test users, merge two events, pseudonymise the user id) runs over
``--events`` synthetic events (:mod:`eventgen`) stored as Parquet in a temp folder. Each engine runs in a
fresh process (so one's memory does not count for the other) that reads the Parquet file, applies the recipe
with its outcomes (row counts, notes) and writes the cleaned table back to Parquet. Time and the process's
peak RSS (VmHWM) are reported; with ``--write`` the section of ``tests/benchmarks/RESULTS.md`` is replaced.

    python tests/benchmarks/bench_recipe_engine.py [--events 10000000] [--write]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "desktop")]

from child_process import peak_rss_mb  # noqa: E402
from results_file import replace_section  # noqa: E402

SECTION = "# Cleaning recipe: pandas vs DuckDB"
MEMORY_LIMIT = "2GB"  # fixed, so the peak RSS does not follow the machine's RAM
ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
RECIPE = [
    ("remove_duplicates", {"columns": ["user_id", "timestamp", "event"]}),
    ("filter_rows", {"column": "timestamp", "operator": "date_range", "start": "2024-02-01", "end": "2024-11-30"}),
    ("exclude_users", {"pattern": "u00001*", "users": ["u000002"]}),
    ("rename_events", {"mapping": {"event_00": "app_open", "event_01": "app_open"}}),
    ("pseudonymise", {"columns": ["user_id"]}),
]



def _steps() -> list[object]:
    from usagelens.model import RecipeStep

    return [RecipeStep(op, params) for op, params in RECIPE]


def run_pandas(source: Path, target: Path) -> list[int]:
    import pandas as pd

    from usagelens.cleaning import apply_recipe

    result = apply_recipe(pd.read_parquet(source), _steps(), roles=ROLES, pseudonym_key="bench")
    result.frame.to_parquet(target, index=False)
    return [o.rows_after for o in result.outcomes]


def run_duckdb(source: Path, target: Path) -> list[int]:
    from usagelens.analytics.definitions.duckdb_backend import connect
    from usagelens.cleaning.compiled import compile_recipe

    con = connect(threads=2, memory_limit=MEMORY_LIMIT)
    con.raw_sql(f"CREATE TEMPORARY VIEW raw AS SELECT * FROM read_parquet('{source}', file_row_number=true)")
    compiled = compile_recipe(con.table("raw"), _steps(), roles=ROLES, pseudonym_key="bench")
    con.to_parquet(compiled.table.order_by("file_row_number").drop("file_row_number"), target)
    return [o.rows_after for o in compiled.outcomes]


ENGINES = {"pandas": run_pandas, "duckdb": run_duckdb}


def probe(engine: str, source: Path, target: Path) -> None:
    started = time.perf_counter()
    rows = ENGINES[engine](source, target)
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": peak_rss_mb(), "rows": rows}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    parser.add_argument("--probe", nargs=3, metavar=("ENGINE", "SOURCE", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        probe(args.probe[0], Path(args.probe[1]), Path(args.probe[2]))
        return 0
    from eventgen import event_frame

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "events.parquet"
        event_frame(args.events).to_parquet(source, index=False)
        results = {}
        for engine in ENGINES:
            out = subprocess.run([sys.executable, __file__, "--probe", engine, str(source),
                                  str(Path(folder) / f"{engine}.parquet")], check=True, capture_output=True, text=True)
            results[engine] = json.loads(out.stdout.strip().splitlines()[-1])
            print(engine, results[engine], flush=True)
    if results["pandas"]["rows"] != results["duckdb"]["rows"]:
        print("row counts differ:", results, file=sys.stderr)
        return 1
    table = "\n".join(
        ["| engine | time (s) | peak RSS (MB) |", "|---|---:|---:|"]
        + [f"| {name} | {r['seconds']:.1f} | {r['peak_mb']:,.0f} |" for name, r in results.items()]
    )
    if args.write:
        replace_section(SECTION, (
            f"{SECTION}\n\n`bench_recipe_engine.py`: dedupe, date filter, exclude test users, merge two events, "
            f"pseudonymise the user id, over {args.events:,} events of `eventgen.py` stored as Parquet; read, "
            f"clean (with each step's row count and notes) and write Parquet, each engine in a fresh process "
            f"(DuckDB: 2 threads, memory limit {MEMORY_LIMIT}). Rows kept after each step agree: "
            f"{results['duckdb']['rows']}. The machine is shared, so timings move by ±30 %.\n\n{table}"
        ))
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
