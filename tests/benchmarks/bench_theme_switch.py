"""Switching the theme (View ▸ Theme) with a big project open on the DuckDB path (issue 14): how long it takes, and
whether it asks anything of the data (a query, a page of the grid, an event log, an analysis) or only repaints.

A child imports ``--events`` synthetic events as the import dialog imports an export too big for memory (kept on
disk, read by DuckDB) and saves the project. A fresh child opens it, shows step 2 (its grid pages rows from
DuckDB) and step 4 (the default analysis on the log DuckDB built), then switches to dark and back to light on
each of the two pages, as the menu does (``theme.choose_theme``), waiting until the window is idle and painted.
It counts the calls into the data made during each switch, and times the same switches in an empty window for
comparison. Wall and process CPU time (every thread); the load average is printed (the machine is shared).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_theme_switch.py [--events N] [--project P]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_analysis_page import _wait, _window  # noqa: E402
from child_process import in_child, peak_rss_mb  # noqa: E402
from eventgen import dataset  # noqa: E402

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
SWITCHES = ("dark", "light")


def child_prepare(csv: str, project: str) -> dict:
    """Import ``csv`` on disk (DuckDB) and save it as the one source of ``project``."""
    from usagelens.io import detect_options
    from usagelens.model import Project, save_project
    from usagelens.workspace.big_import import import_big_events

    start = time.perf_counter()
    source = import_big_events(Path(csv), detect_options(csv), ROLES, room_cells=0, progress=lambda _: None,
                               cancelled=lambda: False)
    save_project(Project(name="big", sources=[source]), project)
    return {"seconds": time.perf_counter() - start}


def _counting(calls: Counter[str]) -> None:
    """Count every call into the data: the grid's DuckDB queries, event logs and cleaned tables (analyses are
    counted at step 4's page)."""
    from usagelens.ui.data_cache import DataCache
    from usagelens.ui.workers import TaskRunner
    from usagelens.workspace import table_pages

    def counted(owner: object, name: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[f"{getattr(owner, '__name__', owner)}.{name}"] += 1
            return original(*args, **kwargs)

        setattr(owner, name, wrapper)

    for name in ("order", "rows", "write_csv"):
        counted(table_pages.TablePages, name)
    counted(table_pages, "run_watched")
    for name in ("cleaned", "event_log", "analysed_log"):
        counted(DataCache, name)
    counted(TaskRunner, "run")


def _switch(window, calls: Counter[str]) -> dict:  # type: ignore[no-untyped-def]
    """Dark, then light again, as View ▸ Theme does; each until the window is idle and repainted."""
    from usagelens.ui.qt import QApplication
    from usagelens.ui.theme import choose_theme

    timings = {}
    for scheme in SWITCHES:
        calls.clear()
        start, cpu = time.perf_counter(), time.process_time()
        choose_theme(scheme)
        applied, busy = time.perf_counter() - start, window.runner.has_running()
        _wait(None, window, lambda: True)
        window.repaint()
        QApplication.processEvents()
        timings[scheme] = {"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
                           "restyle_s": applied, "task_started": busy, "data_calls": dict(calls)}
    return timings


def child_switch(project: str) -> dict:
    """Open ``project`` (or nothing), show steps 2 and 4, and switch the theme on each."""
    calls: Counter[str] = Counter()
    _counting(calls)
    window = _window()
    results: dict[str, object] = {"empty window": _switch(window, calls)}
    if project:
        assert window.open_path(Path(project), ask=False)
        window.go_to_step(2)
        grid = window.pages[1].preview
        _wait(None, window, lambda: hasattr(grid.model, "row_label") and grid.model.row_label(0) != "")  # page read
        results["step 2 (grid from DuckDB)"] = _switch(window, calls)
        page = window.pages[3]
        window.go_to_step(4)
        _wait(page, window, lambda: page.result is not None)
        runs = page.run

        def counted_run(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls["analysis page.run"] += 1
            return runs(*args, **kwargs)

        page.run = counted_run
        results["step 4 (" + page.result.kind + ")"] = _switch(window, calls)
        results["origin"] = page.summary.toolTip()
    window.runner.wait_all()
    window.close()
    results["peak_rss_mb"] = peak_rss_mb()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--project", type=Path, help="a project saved by this script before (else a new one)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        print(json.dumps(child_prepare(*rest) if kind == "prepare" else child_switch(*rest)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("USAGELENS_PROFILE_DIR", folder)  # the children's settings and cache
        project = args.project
        if project is None:
            project = Path(folder) / "big.ulens"
            in_child(__file__, "prepare", str(dataset(args.events, "csv")), str(project))
        print(f"load {os.getloadavg()}")
        result = in_child(__file__, "switch", str(project))
        print(json.dumps(result, indent=1))
        print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
