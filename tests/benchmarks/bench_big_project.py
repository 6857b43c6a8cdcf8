"""A project of N events end to end as the app runs it: import → save → reopen → recipe → every analysis → report.

Each stage runs in a fresh child process (as a user would meet it after reopening the app) and reports its
wall time and peak RSS. The export is `eventgen.py`'s CSV; it is imported the way the import dialog imports an
events export too big for memory (DuckDB, kept on disk), saved to a project file, reopened, given a recipe
(remove duplicates, rename an event, keep two platforms), and then the event log is built by DuckDB from the
stored table, every gallery analysis runs on it, and the PDF summary is written. DuckDB's memory limit is
``--memory-limit`` (default 3GB), as for a laptop that must stay within 4 GB.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_big_project.py [--events N] [--write]
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

from child_process import in_child, peak_rss_mb  # noqa: E402
from eventgen import dataset  # noqa: E402
from results_file import replace_section  # noqa: E402

SECTION = "## A big project in the app: import → save → reopen → recipe → every analysis → report"
ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
TARGET_GB = 4.0


def stage_import(csv: Path, project: Path) -> dict:
    from usagelens.io import detect_options
    from usagelens.model import Project, save_project
    from usagelens.workspace.big_import import import_big_events

    start = time.perf_counter()
    source = import_big_events(csv, detect_options(csv), ROLES, room_cells=0, progress=lambda _: None,
                               cancelled=lambda: False)
    imported = time.perf_counter() - start
    start = time.perf_counter()
    big = Project(name="big", sources=[source])
    big.recipes[source.id] = _recipe()
    save_project(big, project)
    return {"import_s": imported, "save_s": time.perf_counter() - start, "peak_mb": peak_rss_mb()}


def _with_recipe(project_path: Path):  # type: ignore[no-untyped-def]
    """The saved project, its recipe as saved with it (remove duplicates, rename an event, keep two platforms)."""
    from usagelens.model import load_project

    return load_project(project_path)


def stage_reopen_and_build(project_path: Path) -> dict:
    from usagelens.ui.data_cache import DataCache

    start = time.perf_counter()
    project = _with_recipe(project_path)
    opened = time.perf_counter() - start
    source = project.sources[0]
    start = time.perf_counter()
    cache = DataCache()
    log = cache.event_log(project, source)
    return {"open_s": opened, "build_s": time.perf_counter() - start, "events": log.n_events,
            "built": cache.origin(project, [source]).built, "peak_mb": peak_rss_mb()}


def stage_analyses(project_path: Path) -> dict:
    from usagelens.model import SavedAnalysis
    from usagelens.model.stored_table import stored_table
    from usagelens.ui.data_cache import DataCache
    from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, rerun

    project = _with_recipe(project_path)
    inputs = AnalysisInputs(project, DataCache())
    start = time.perf_counter()
    _ = inputs.log
    timings = {"(log mapped)": time.perf_counter() - start}
    start = time.perf_counter()
    _ = inputs.facts
    timings["(data facts: events, journey, properties)"] = time.perf_counter() - start
    for kind in ANALYSES:
        start = time.perf_counter()
        rerun(inputs, SavedAnalysis(kind=kind, name=kind, params={}))
        timings[kind] = time.perf_counter() - start
    return {"analyses": timings, "peak_mb": peak_rss_mb(), "decoded": stored_table(project.sources[0]).decoded}


def stage_report(project_path: Path, pdf: Path) -> dict:
    from usagelens.model import SavedAnalysis
    from usagelens.report.pdf import export_pdf
    from usagelens.ui.application import create_application
    from usagelens.workspace.analyses import ANALYSES
    from usagelens.workspace.summary import gather_summary

    create_application(event_loop=False)
    project = _with_recipe(project_path)
    project.analyses = [SavedAnalysis(kind=kind, name=ANALYSES[kind].title, params={}) for kind in ANALYSES]
    start = time.perf_counter()
    pages = export_pdf(gather_summary(project), pdf)
    return {"report_s": time.perf_counter() - start, "pages": pages, "peak_mb": peak_rss_mb()}


def _recipe() -> list:  # type: ignore[type-arg]
    from usagelens.model import RecipeStep

    return [
        RecipeStep("remove_duplicates", {}),
        RecipeStep("rename_events", {"mapping": {"event_00": "start"}}),
        RecipeStep("filter_rows", {"column": "platform", "operator": "one_of", "values": ["web", "ios"]}),
    ]


STAGES = {"import": stage_import, "build": stage_reopen_and_build, "analyses": stage_analyses,
          "report": stage_report}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000_000)
    parser.add_argument("--memory-limit", default="3GB")
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["USAGELENS_MEMORY_LIMIT"] = args.memory_limit
    if args.child:
        stage, *rest = args.child
        print(json.dumps(STAGES[stage](*(Path(value) for value in rest))))
        return 0
    csv = dataset(args.events, "csv")
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "big.ulens"
        results = {"import": in_child(__file__, "import", str(csv), str(project))}
        size_gb = project.stat().st_size / 1e9
        print(f"import {results['import']}", flush=True)
        results["build"] = in_child(__file__, "build", str(project))
        print(f"build {results['build']}", flush=True)
        results["analyses"] = in_child(__file__, "analyses", str(project))
        print(f"analyses {results['analyses']}", flush=True)
        results["report"] = in_child(__file__, "report", str(project), str(Path(folder) / "summary.pdf"))
        print(f"report {results['report']}", flush=True)
    peaks = {stage: result["peak_mb"] for stage, result in results.items()}
    rows = "\n".join(f"| {kind} | {seconds:.2f} |" for kind, seconds in results["analyses"]["analyses"].items())
    text = f"""{SECTION}

{args.events:,} synthetic events (`eventgen.py`, CSV of {csv.stat().st_size / 1e9:.1f} GB), DuckDB memory limit
{args.memory_limit}, each stage a fresh process. Project file {size_gb:.2f} GB. Peak RSS per stage (MB):
{", ".join(f"{stage} {mb:,.0f}" for stage, mb in peaks.items())} (target {TARGET_GB:.0f} GB).

| stage | seconds |
|---|---:|
| import (DuckDB conversion, kept on disk) | {results['import']['import_s']:.1f} |
| save the project (streamed into the zip) | {results['import']['save_s']:.1f} |
| reopen the project (its table already in the cache since the save) | {results['build']['open_s']:.1f} |
| build the event log with the recipe (DuckDB) | {results['build']['build_s']:.1f} |
| PDF summary (KPIs measured on the log) | {results['report']['report_s']:.1f} |

Every gallery analysis on the built log (seconds; the raw table decoded: {results['analyses']['decoded']}):

| analysis | seconds |
|---|---:|
{rows}
"""
    if args.write:
        replace_section(SECTION, text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
