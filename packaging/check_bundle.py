"""Prove a built bundle works headless, as a user would use it: the GUI's ``--self-test`` and the command line on
each kind of input whose readers the bundle could lose to an exclusion.

    python packaging/check_bundle.py [--bundle dist/UsageLens] [--unused]

Runs the packaged executable (offscreen) on: ``--self-test`` (welcome page, every step, dark theme, help, CSV
and Parquet imports, DuckDB, the PDF, the translations); ``analyze`` on a CSV, on an Excel workbook (calamine)
and on a warehouse link to a DuckDB database file (Ibis' DuckDB backend and sqlglot); ``report`` writing the
PDF and an Excel workbook (openpyxl); ``analyze`` on a PostgreSQL link, refused in one sentence (no driver
bundled). It stops at the first failure, says which, and exits 1.

``--unused`` runs the same checks under ``strace`` and lists the bundle's files none of them opened, biggest
first: the candidates for the next exclusion (each still to be reasoned about: a file a feature outside these
checks loads is not unused). ``make package`` runs the checks after every build (packaging/build.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "UsageLens"
EVENT_ROLES = ["--user", "user_id", "--time", "timestamp", "--event", "event"]
SAMPLE_ROWS = 3000  # enough for every analysis below to have rows; small enough for a quick check


@dataclass(frozen=True)
class Check:
    """One run of the packaged executable: its arguments and what must exist afterwards."""

    name: str
    args: list[str]
    outputs: list[Path]
    refusal: str = ""  # for a run that must fail: what its one-sentence error says

    def problem(self, result: subprocess.CompletedProcess[str]) -> str | None:
        """Why this run failed (a non-zero exit or a missing or empty output; for a refusal, an exit 0, another
        message or a traceback), or None."""
        if self.refusal:
            said = (result.stderr + result.stdout).strip()
            if result.returncode and self.refusal in said and "Traceback" not in said:
                return None
            return f"exit {result.returncode}, expected a refusal saying {self.refusal!r}: {said[-2000:]}"
        if result.returncode:
            return f"exit {result.returncode}: {(result.stderr or result.stdout).strip()[-2000:]}"
        for path in self.outputs:
            if not path.is_file() or path.stat().st_size == 0:
                return f"{path.name} was not written"
        return None


def inputs(folder: Path) -> dict[str, Path]:
    """The checks' input files, made with this (the build's) Python from the sample events: a CSV, an Excel
    workbook and a DuckDB database file holding them as table ``events``."""
    import duckdb
    import pandas as pd

    events = pd.read_csv(ROOT / "samples" / "events.csv", nrows=SAMPLE_ROWS, dtype=str)
    paths = {"csv": folder / "events.csv", "xlsx": folder / "events.xlsx", "duckdb": folder / "events.duckdb"}
    events.to_csv(paths["csv"], index=False)
    events.to_excel(paths["xlsx"], index=False, sheet_name="Events")
    with duckdb.connect(str(paths["duckdb"])) as connection:
        connection.register("frame", events)
        connection.execute("CREATE TABLE events AS SELECT user_id, CAST(timestamp AS TIMESTAMP) AS timestamp, "
                           "event, platform FROM frame")
    return paths


def checks(folder: Path) -> list[Check]:
    """Every run, in order; the self-test first, since build.py reads its start-up line."""
    data, out = inputs(folder), folder / "out"
    funnel = ["--steps", "signup,create_project,invite_teammate"]
    return [
        Check("self-test", ["--self-test"], []),
        Check("analyze a CSV", ["analyze", str(data["csv"]), "funnel", *EVENT_ROLES, *funnel,
                                "--out", str(out / "funnel.csv")], [out / "funnel.csv"]),
        Check("analyze a CSV on DuckDB", ["analyze", str(data["csv"]), "paths", *EVENT_ROLES, "--from", "signup",
                                          "--engine", "duckdb", "--out", str(out / "paths.csv")], [out / "paths.csv"]),
        Check("analyze an Excel workbook", ["analyze", str(data["xlsx"]), "retention", *EVENT_ROLES,
                                            "--period", "week", "--out", str(out / "retention.csv")],
              [out / "retention.csv"]),
        Check("analyze a DuckDB warehouse link", ["analyze", f"duckdb:///{data['duckdb']}", "--table", "events",
                                                  "active-users", *EVENT_ROLES, "--period", "week",
                                                  "--out", str(out / "active.csv")], [out / "active.csv"]),
        Check("report a PDF and a workbook", ["report", str(ROOT / "samples" / "demo.ulens"),
                                              "--out", str(out / "summary.pdf"), "--xlsx", str(out / "summary.xlsx")],
              [out / "summary.pdf", out / "summary.xlsx"]),
        # The installer carries DuckDB's driver only: another warehouse is refused in one sentence that says which
        # warehouses it reads, not a traceback (port 9, discard, is closed here: nothing is reached even if a
        # driver were bundled).
        Check("refuse a PostgreSQL link", ["analyze", "postgres://analyst@127.0.0.1:9/app", "--table", "events",
                                           "active-users", *EVENT_ROLES, "--period", "week",
                                           "--out", str(out / "refused.csv")], [],
              refusal="reads warehouses through DuckDB only (DuckDB files and MotherDuck): reading PostgreSQL needs "
                      "its driver"),
    ]


def run_checks(binary: Path, wrap: Callable[[list[str], str], list[str]] = lambda argv, _name: argv,
               echo: bool = True) -> tuple[bool, str]:
    """Each check with the packaged ``binary`` (``wrap`` may prefix a tracer); whether all passed, and the
    self-test's standard output (its start-up line is what the build records)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ULENS_PASSWORD", None)
    self_test_output = ""
    with tempfile.TemporaryDirectory(prefix="usagelens-bundle-check-") as temporary:
        folder = Path(temporary)
        (folder / "out").mkdir()
        # A profile of its own, as the self-test uses: the checks neither read nor change the user's settings.
        env["USAGELENS_PROFILE_DIR"] = str(folder / "profile")
        for check in checks(folder):
            result = subprocess.run(wrap([str(binary), *check.args], check.name), env=env, capture_output=True,
                                    text=True, cwd=folder, timeout=600)
            if check.name == "self-test":
                self_test_output = result.stdout
            problem = check.problem(result)
            if echo or problem:
                print(f"bundle check {check.name}: {problem or 'ok'}", file=sys.stderr if problem else sys.stdout)
            if echo and check.name == "self-test":
                print(result.stdout, end="")
            if problem:
                return False, self_test_output
    return True, self_test_output


def opened_files(binary: Path) -> tuple[bool, set[Path]]:
    """The checks run under ``strace``: whether they passed, and every file of the bundle they opened."""
    traces = Path(tempfile.mkdtemp(prefix="usagelens-strace-"))

    def traced(argv: list[str], name: str) -> list[str]:
        log = traces / (name.replace(" ", "-") + ".log")
        return ["strace", "-f", "-qq", "-e", "trace=open,openat,execve", "-e", "signal=none", "-o", str(log), *argv]

    passed, _ = run_checks(binary, traced, echo=False)
    bundle = binary.parent.resolve()
    opened: set[Path] = set()
    for log in traces.glob("*.log"):
        for line in log.read_text(errors="replace").splitlines():
            if "ENOENT" in line or '"' not in line:
                continue
            path = Path(line.split('"', 2)[1])
            if path.is_absolute() and bundle in path.resolve().parents:
                opened.add(path.resolve())
    shutil.rmtree(traces)
    return passed, opened


def unused_files(bundle: Path, opened: set[Path]) -> list[tuple[int, Path]]:
    """The bundle's files not in ``opened`` (a symlink counts as opened with its target), biggest first."""
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    return sorted(((path.stat().st_size, path.relative_to(bundle)) for path in files if path.resolve() not in opened),
                  reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=DIST, help="the one-folder app (default: dist/UsageLens)")
    parser.add_argument("--unused", action="store_true", help="list the bundle's files no check opened")
    args = parser.parse_args()
    binary = args.bundle.resolve() / ("usagelens.exe" if os.name == "nt" else "usagelens")
    if not binary.exists():
        print(f"no packaged app at {binary}: run `make package` first", file=sys.stderr)
        return 2
    if not args.unused:
        return 0 if run_checks(binary)[0] else 1
    if not shutil.which("strace"):
        print("--unused needs strace (Linux)", file=sys.stderr)
        return 2
    passed, opened = opened_files(binary)
    unused = unused_files(args.bundle, opened)
    print(f"{len(opened)} files of the bundle opened; {len(unused)} never, {sum(s for s, _ in unused) / 1e6:.1f} MB:")
    for size, path in unused:
        print(f"{size / 1e6:8.2f} MB  {path}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
