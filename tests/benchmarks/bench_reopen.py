"""Reopening a saved big project: File ▸ Open to the first chart of step 4 drawn (issue 14's target: 2 s).

A child process builds a project of ``--events`` synthetic events, saves it and shows step 4 once, which
stores the encoded event log in the user cache as any session would. Fresh child processes then start the
window and, timed from the open, run ``MainWindow.open_path`` (the menu's own path), go to step 4 and wait
until the default analysis is drawn and painted. Each run also says which tables were decoded into pandas
on the way (the point of decoding lazily is that none need be) and the process's peak RSS.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_reopen.py [--events N] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_analysis_page import _wait, _window, synthetic_project  # noqa: E402
from child_process import in_child, peak_rss_mb  # noqa: E402
from results_file import replace_section  # noqa: E402

SECTION = "## Reopening a saved project: File ▸ Open → first chart of step 4"
RUNS = 3
TARGET_S = 2.0


def child_prepare(path: Path, n_events: int) -> dict:
    """Save the project, then open it and show step 4 once, so its event log is stored as in real use."""
    from usagelens.model import save_project

    save_project(synthetic_project(n_events), path)
    return child_open(path)


def child_open(path: Path) -> dict:
    from usagelens.model import stored_table

    decoded: list[str] = []
    original = stored_table.StoredTable._decode

    def noting(self: stored_table.StoredTable):  # type: ignore[no-untyped-def]
        decoded.append(self.member)
        return original(self)

    stored_table.StoredTable._decode = noting  # type: ignore[method-assign]
    window = _window()
    page = window.pages[3]
    start = time.perf_counter()
    opened = window.open_path(path, ask=False)
    loaded = time.perf_counter() - start
    window.go_to_step(4)
    _wait(page, window, lambda: page.result is not None)
    page.chart.repaint()
    page.table.repaint()
    drawn = time.perf_counter() - start
    origin = page.summary.toolTip()
    window.runner.wait_all()
    window.close()
    return {
        "opened": opened, "load_s": loaded, "chart_s": drawn, "decoded": decoded, "kind": page.result.kind,
        "peak_rss_mb": peak_rss_mb(), "origin": origin,
    }


def child_rebuild(path: Path, engine: str) -> dict:
    """The first log after a recipe change, built by DuckDB from the stored table or by pandas."""
    from usagelens.model import RecipeStep, load_project
    from usagelens.ui.data_cache import DataCache
    from usagelens.workspace import engine_logs

    if engine == "pandas":
        engine_logs.ENGINE_FROM_ROWS = 10**12
    project = load_project(path)
    source = project.sources[0]
    project.recipes[source.id] = [
        RecipeStep("remove_duplicates", {}),
        RecipeStep("rename_events", {"mapping": {"event_00": "start"}}),
        RecipeStep("filter_rows", {"column": "platform", "operator": "one_of", "values": ["web", "ios"]}),
    ]
    cache = DataCache()
    start = time.perf_counter()
    log = cache.event_log(project, source)
    return {"seconds": time.perf_counter() - start, "events": log.n_events,
            "built": cache.origin(project, [source]).built,
            "peak_rss_mb": peak_rss_mb()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        command, path, *rest = args.child
        if command == "prepare":
            result = child_prepare(Path(path), int(rest[0]))
        elif command == "rebuild":
            result = child_rebuild(Path(path), rest[0])
        else:
            result = child_open(Path(path))
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.ulens"
        first = in_child(__file__, "prepare", str(path), str(args.events))
        print(f"first open after saving (log encoded and stored): {first['chart_s']:.2f} s", flush=True)
        runs = [in_child(__file__, "open", str(path)) for _ in range(RUNS)]
        rebuilt = {engine: in_child(__file__, "rebuild", str(path), engine) for engine in ("duckdb", "pandas")}
        size_mb = path.stat().st_size / 1e6
    for run in runs:
        print(f"open {run['load_s']:.2f} s, first chart {run['chart_s']:.2f} s ({run['kind']}), "
              f"decoded {run['decoded'] or 'nothing'}, peak RSS {run['peak_rss_mb']:.0f} MB", flush=True)
    best = min(run["chart_s"] for run in runs)
    rows = "\n".join(
        f"| {i + 1} | {run['load_s']:.2f} | {run['chart_s']:.2f} | {'yes' if run['chart_s'] <= TARGET_S else '**no**'} "
        f"| {len(run['decoded'])} | {run['peak_rss_mb']:,.0f} |"
        for i, run in enumerate(runs)
    )
    for engine, run in rebuilt.items():
        print(f"rebuild after a recipe change, {engine}: {run['seconds']:.1f} s, peak RSS {run['peak_rss_mb']:.0f} MB",
              flush=True)
    duck, pandas = rebuilt["duckdb"], rebuilt["pandas"]
    text = f"""{SECTION}

{args.events:,} synthetic events (tests/benchmarks/eventgen.py), project file {size_mb:.0f} MB. Each run is a
fresh process with the window already up; timed from `MainWindow.open_path` (File ▸ Open) to the default
step-4 analysis drawn and painted. The project was saved and shown once before (first chart then
{first['chart_s']:.1f} s: cleaning and encoding, and the encoded log stored in the user cache), as any
session leaves it. Tables are decoded into pandas only when something reads them; the column says how many
were. Target {TARGET_S:.0f} s; best of {RUNS}: {best:.2f} s.

| run | project read (s) | first chart (s) | within target | tables decoded | peak RSS (MB) |
|---:|---:|---:|:---:|---:|---:|
{rows}

After a change of the recipe (remove duplicates, rename an event, keep two platforms) the log must be built
again; in a fresh process, from the project read to the log ready (and stored for the next open):

| built by | seconds | peak RSS (MB) | events kept |
|---|---:|---:|---:|
| DuckDB, recipe compiled (`engine_logs`) | {duck['seconds']:.1f} | {duck['peak_rss_mb']:,.0f} | {duck['events']:,} |
| pandas: decode, recipe, encode | {pandas['seconds']:.1f} | {pandas['peak_rss_mb']:,.0f} | {pandas['events']:,} |
"""
    if args.write:
        replace_section(SECTION, text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
