"""Adding next month's export to a big source kept on disk (issue 14): the new rows written as a further part of
the table, against the whole table rewritten (what appending did before); and, on a smaller case, proof that every
gallery analysis of the source appended in parts equals that of the two exports converted at once.

The base export (``--events``, the benchmarks' shared CSV) is imported as the import dialog imports a file too
big for memory and saved in a project; each timed run is a fresh process that opens the project and adds the
next export (``--added`` events of the following year, the same users): the whole of step 2's Add files (the
export's conversion included), and the stacking alone. Wall and CPU time (every DuckDB thread) and peak RSS;
the least of ``--repeat`` runs is kept (the machine is shared: the load average is printed).

    python tests/benchmarks/bench_append_parts.py [--events N] [--added N] [--check-events N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from child_process import in_child, peak_rss_mb  # noqa: E402
from eventgen import dataset, event_frame  # noqa: E402

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
MODES = {"whole table rewritten (before)": "rewrite", "new rows as a further part (after)": "part"}


def write_csv(path: Path, frames: list[pd.DataFrame]) -> Path:
    """The frames one after the other as one CSV export."""
    with pa.OSFile(str(path), "wb") as sink:
        writer = None
        for frame in frames:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            writer = writer or pacsv.CSVWriter(sink, table.schema)
            writer.write_table(table)
        if writer is not None:
            writer.close()
    return path


def next_export(rows: int, seed: int) -> pd.DataFrame:
    """About ``rows`` events of the year after the base export's, by the same users; none twice (the generator
    piles events up at its last instant, and appending counts a repeated row once, where converting the two
    exports at once would keep both)."""
    frame = event_frame(rows, seed=seed)
    shifted = frame.assign(timestamp=(frame["timestamp"] + pd.Timedelta(days=366)).dt.floor("us"))
    return shifted.drop_duplicates(ignore_index=True)


def _import(csv: str):  # type: ignore[no-untyped-def]
    from usagelens.io import detect_options
    from usagelens.workspace.big_import import import_big_events

    return import_big_events(Path(csv), detect_options(csv), ROLES, room_cells=0, progress=lambda _: None,
                             cancelled=lambda: False)


def child_import(csv: str, project: str) -> dict:
    """Import ``csv`` on disk and save it as the one source of ``project``."""
    from usagelens.model import Project, save_project

    start, cpu = time.perf_counter(), time.process_time()
    source = _import(csv)
    save_project(Project(name="big", sources=[source]), project)
    return {"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu, "peak_mb": peak_rss_mb()}


def child_append(project: str, csv: str, mode: str) -> dict:
    """Open ``project`` and add ``csv`` to its source as step 2 does, in ``mode`` (``rewrite``: as before parts)."""
    from usagelens.model import file_limits, load_project, project_file
    from usagelens.workspace import append, big_append

    if mode == "rewrite":
        big_append._follows = lambda _old, _new: False  # noqa: SLF001 - every append rewrites, as before parts
    # kept on disk and stacked there, as a table too big for memory is (10M events in 4 columns would fit)
    file_limits.MAX_CELLS = project_file.KEPT_ON_DISK_FROM = 0
    source = load_project(project).sources[0]
    stacking = {"seconds": 0.0, "cpu_s": 0.0}
    stack = big_append.stack_on_disk

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return stack(*args, **kwargs)
        finally:
            stacking["seconds"] += time.perf_counter() - start
            stacking["cpu_s"] += time.process_time() - cpu

    append.stack_on_disk = timed
    start, cpu = time.perf_counter(), time.process_time()
    appended = append.append_files(source, [csv], key="")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    table = appended.fields["table"]
    written = table.parts[-1].stat().st_size  # type: ignore[attr-defined]
    return {"seconds": seconds, "cpu_s": cpu, "stack_s": stacking["seconds"], "stack_cpu_s": stacking["cpu_s"],
            "peak_mb": peak_rss_mb(), "rows": table.rows, "parts": len(table.parts),  # type: ignore[attr-defined]
            "written_mb": written / 2**20}


def child_check(base: str, added: str, both: str) -> dict:
    """Every gallery analysis (defaults, log built by DuckDB) of ``base`` with ``added`` appended in parts, and of
    ``both`` (the two exports as one file) imported at once: equal tables and messages."""
    from usagelens.model import Project, SavedAnalysis, file_limits
    from usagelens.model.stored_table import stored_table
    from usagelens.ui.data_cache import DataCache
    from usagelens.workspace import engine_logs, stored_logs
    from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, rerun
    from usagelens.workspace.append import append_files

    stored_logs.STORE_FROM_ROWS = engine_logs.ENGINE_FROM_ROWS = 1  # built by DuckDB from the stored parts
    cells = file_limits.MAX_CELLS
    file_limits.MAX_CELLS = 0
    source = _import(base)
    source.table = append_files(source, [added], key="").fields["table"]
    file_limits.MAX_CELLS = cells
    at_once = _import(both)
    parts, whole = stored_table(source), stored_table(at_once)
    assert parts is not None and whole is not None and len(parts.parts) == 2 and len(whole.parts) == 1
    results = []
    for one in (source, at_once):
        project = Project(name="check", sources=[one])
        inputs = AnalysisInputs(project, DataCache())
        results.append({kind: rerun(inputs, SavedAnalysis(kind=kind, name=kind, params={})) for kind in ANALYSES})
    for kind, result in results[1].items():
        assert results[0][kind].message == result.message, kind
        pd.testing.assert_frame_equal(results[0][kind].table, result.table, obj=kind)
    pd.testing.assert_frame_equal(parts.frame(), whole.frame())
    answered = sum(1 for result in results[1].values() if len(result.table))
    return {"rows": parts.rows, "analyses": len(ANALYSES), "with_rows": answered, "equal": True}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--added", type=int, default=1_000_000)
    parser.add_argument("--check-events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        print(json.dumps({"import": child_import, "append": child_append, "check": child_check}[kind](*rest)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("USAGELENS_PROFILE_DIR", folder)  # the children's cache: thrown away after
        work = Path(folder)
        print(f"load {os.getloadavg()}")
        if args.check_events:
            base = write_csv(work / "base.csv", [event_frame(args.check_events, seed=7)])
            added = next_export(args.check_events // 5, seed=98)
            write_csv(work / "added.csv", [added])
            write_csv(work / "both.csv", [event_frame(args.check_events, seed=7), added])
            check = in_child(__file__, "check", str(base), str(work / "added.csv"), str(work / "both.csv"))
            print(f"check: {check}", flush=True)
        if args.events:
            csv = dataset(args.events, "csv")
            project = work / "big.ulens"
            imported = in_child(__file__, "import", str(csv), str(project))
            print(f"{args.events:,} events imported and saved in {imported['seconds']:.0f} s", flush=True)
            added_csv = write_csv(work / "next.csv", [next_export(args.added, seed=99)])
            print(f"| adding {args.added:,} events | Add files s | CPU s | stacking s | stacking CPU s | written MB "
                  "| peak RSS MB | load |\n|---|---:|---:|---:|---:|---:|---:|---|")
            for label, mode in MODES.items():
                runs = [in_child(__file__, "append", str(project), str(added_csv), mode) for _ in range(args.repeat)]
                assert len({r["rows"] for r in runs}) == 1
                print(f"| {label} | {min(r['seconds'] for r in runs):.1f} | {min(r['cpu_s'] for r in runs):.1f} "
                      f"| {min(r['stack_s'] for r in runs):.1f} | {min(r['stack_cpu_s'] for r in runs):.1f} "
                      f"| {runs[0]['written_mb']:.0f} | {max(r['peak_mb'] for r in runs):,.0f} "
                      f"| {os.getloadavg()[0]:.1f} |", flush=True)
        print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
