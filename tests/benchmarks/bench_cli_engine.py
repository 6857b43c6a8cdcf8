"""`usagelens analyze` end to end on big CSV exports: each engine against DuckDB's own time on the same file.

Issue 14's target: a 10M-event CSV through ``usagelens analyze`` in no more than DuckDB's own time, and 100M
events within 4 GB of peak RSS. Every run is a fresh process, timed on the wall clock from start to exit
(Python start-up and imports included, as a user waits for them) with its own peak RSS (``os.wait4``):

- **memory**: the export read into pandas, times parsed, encoded, the numpy kernel;
- **duckdb, cold**: the export converted to Parquet (cache emptied first), then the Ibis definition;
- **duckdb, warm**: the conversion reused (the next command on the same export);
- **DuckDB's own**: a Python process loading the same CSV into DuckDB and running the independent reference
  SQL of ``tests/analytics/duckdb_reference.py`` (what a data engineer would write by hand);
- **at BASELINE** (``--baseline REV``): our DuckDB path with the package as it was at git revision REV, in the
  same run, so a change to a definition is measured against its former self on the same (noisy) machine.

    python tests/benchmarks/bench_cli_engine.py [--sizes 10000000,100000000] [--analyses funnel,transitions]
        [--baseline REV] [--write]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventgen import CHUNK, DATA_DIR, dataset  # noqa: E402
from results_file import replace_section  # noqa: E402

HEADING = "## `usagelens analyze` end to end on a CSV export (engines)"
ROLES = ["--user", "user_id", "--time", "timestamp", "--event", "event"]
ANALYSES = {  # name -> (CLI arguments, reference SQL call)
    "active users (week)": (["active-users", "--period", "week"], "ref.active_users(con, 'week')"),
    "funnel, 3 steps": (
        ["funnel", "--steps", "event_00,event_01,event_02"],
        "ref.funnel_users(con, ['event_00', 'event_01', 'event_02'], None)",
    ),
    "retention (week, on)": (["retention", "--period", "week"], "ref.retention(con, 'week', 'on')"),
    "transitions": (["transitions"], "ref.transitions(con)"),
}
REFERENCE = """
import sys; sys.path.insert(0, {tests!r})
import duckdb, duckdb_reference as ref
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
con.execute("SET enable_progress_bar = false")
ref.load(con, "read_csv({csv!r}, types={{'user_id': 'VARCHAR', 'event': 'VARCHAR'}})",
         user="user_id", time="timestamp", event="event")
{call}
"""


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; an error if it fails."""
    seconds, peak, _ = timed_with_cpu(argv, env)
    return seconds, peak


def timed_with_cpu(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system, every thread) of one child process; an
    error if it fails. CPU time moves less than wall time on a machine shared with other work. Its stderr goes
    to a file (a pipe read only at the end would block a child that writes more than the pipe holds)."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stderr=errors, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(argv[:6])}… failed: {errors.read()[-2000:].strip()}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def baseline_package(revision: str, folder: Path) -> Path:
    """The ``desktop`` folder of the repository at ``revision``, extracted into ``folder`` (for PYTHONPATH)."""
    root = Path(__file__).resolve().parents[2]
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", revision, "desktop/usagelens"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "desktop"


def run_size(
    n_events: int, analyses: dict[str, tuple[list[str], str]], baseline: Path | None = None
) -> tuple[list[dict[str, object]], dict[str, tuple[float, float]]]:
    """Per analysis: DuckDB's own, our DuckDB path (conversion reused), the same at the baseline revision if
    given, and the accelerators: reading the export into memory when it fits, else its memory-mapped log;
    plus the one-off costs (conversion, the accelerator build), each timed as a whole run of the first
    analysis."""
    csv = dataset(n_events, "csv")
    tests = str(Path(__file__).resolve().parents[1] / "analytics")
    fits = n_events <= CHUNK  # 100M events would need ~15 GB in memory: that is what the accelerator is for
    rows, once = [], {}
    with tempfile.TemporaryDirectory() as profile:
        env = {**os.environ, "USAGELENS_PROFILE_DIR": profile, "QT_QPA_PLATFORM": "offscreen"}
        out = str(Path(profile) / "out.csv")
        cli = [sys.executable, "-m", "usagelens", "analyze", str(csv), *ROLES]
        first = next(iter(analyses.values()))[0]
        once["duckdb, converting the export first"] = timed([*cli, *first, "--engine", "duckdb", "--out", out], env)
        if not fits:
            once["memory, building the accelerator first"] = timed(
                [*cli, *first, "--engine", "memory", "--out", out], env
            )
        for name, (arguments, call) in analyses.items():
            row: dict[str, object] = {"analysis": name}
            own = REFERENCE.format(tests=tests, csv=str(csv), call=call)
            row["duckdb_own"] = timed([sys.executable, "-c", own], env)
            if baseline is not None:
                before = {**env, "PYTHONPATH": os.pathsep.join([str(baseline), env.get("PYTHONPATH", "")])}
                row["baseline"] = timed([*cli, *arguments, "--engine", "duckdb", "--out", out], before)
            if fits:
                row["duckdb"] = timed([*cli, *arguments, "--engine", "duckdb", "--out", out], env)
                row["accelerators"] = timed([*cli, *arguments, "--engine", "memory", "--out", out], env)
            else:  # auto: the accelerator once built; DuckDB forced
                row["duckdb"] = timed([*cli, *arguments, "--engine", "duckdb", "--out", out], env)
                row["accelerators"] = timed([*cli, *arguments, "--engine", "auto", "--out", out], env)
            print(row, flush=True)
            rows.append(row)
    return rows, once


def _cell(value: object, own: tuple[float, float]) -> str:
    if not isinstance(value, tuple):
        return "—"
    seconds, rss = value
    return f"{seconds:.1f} s, {rss:,.0f} MB ({seconds / own[0]:.2f}×)"


def section(
    results: dict[int, tuple[list[dict[str, object]], dict[str, tuple[float, float]]]], baseline: str | None = None
) -> str:
    from bench_analytics import machine

    limit = os.environ.get("USAGELENS_MEMORY_LIMIT")
    lines = [HEADING, "", machine() + (f"; our DuckDB memory limit {limit}" if limit else ""), ""]
    lines += [
        "Each cell: wall time of a fresh `usagelens analyze` process (start-up included), its peak RSS, and its "
        "time ÷ DuckDB's own on the same file. The DuckDB path reuses the export's Parquet conversion; the "
        "accelerators read the export into memory when it fits (10M) and map its accelerator log otherwise "
        "(100M, `auto` once `--engine memory` built it). One-off costs are whole runs of the first analysis.",
        "",
    ]
    for n_events, (rows, once) in results.items():
        size = (DATA_DIR / f"events_{n_events}.csv").stat().st_size
        lines += [f"### {n_events:,} events ({size / 2**30:.1f} GiB of CSV)", ""]
        columns = ["duckdb_own", *(["baseline"] if baseline else []), "duckdb", "accelerators"]
        titles = {
            "duckdb_own": "DuckDB's own",
            "baseline": f"our DuckDB path at {baseline}",
            "duckdb": "our DuckDB path",
            "accelerators": "accelerators",
        }
        lines += [
            "| analysis | " + " | ".join(titles[k] for k in columns) + " |",
            "|---|" + "---:|" * len(columns),
        ]
        for row in rows:
            own = row["duckdb_own"]
            cells = [_cell(row.get(k), own) for k in columns]
            lines.append(f"| {row['analysis']} | " + " | ".join(cells) + " |")
        lines.append("")
        for label, (seconds, rss) in once.items():
            lines.append(f"- {label}: {seconds:.1f} s, peak RSS {rss:,.0f} MB")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000000,100000000")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--analyses", help="comma-separated words picking analyses by name, e.g. funnel,transitions")
    parser.add_argument("--baseline", metavar="REV", help="also time our DuckDB path at this git revision")
    parser.add_argument(
        "--memory-limit", default="3GB", help="DuckDB's limit in our runs (default 3GB, as on an 8 GB laptop)"
    )
    args = parser.parse_args()
    if args.memory_limit:
        os.environ["USAGELENS_MEMORY_LIMIT"] = args.memory_limit
    words = [word.strip() for word in (args.analyses or "").split(",") if word.strip()]
    analyses = {name: value for name, value in ANALYSES.items() if not words or any(w in name for w in words)}
    if not analyses:
        parser.error(f"no analysis is named by {args.analyses!r}; they are: {', '.join(ANALYSES)}")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        baseline = baseline_package(args.baseline, Path(folder)) if args.baseline else None
        for n_events in (int(size) for size in args.sizes.split(",")):
            results[n_events] = run_size(n_events, analyses, baseline)
    text = section(results, args.baseline)
    print(text)
    if args.write:
        replace_section(HEADING, text)


if __name__ == "__main__":
    main()
