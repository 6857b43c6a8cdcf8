"""Prove a built bundle works headless, as a user would use it: the GUI's ``--self-test`` and the command line on
each kind of input whose readers the bundle could lose to an exclusion.

    python packaging/check_bundle.py [--bundle dist/UsageLens] [--unused]

Runs the packaged executable (offscreen) on: ``--self-test`` (welcome page, every step, dark theme, help, CSV
and Parquet imports, DuckDB, the PDF, the translations); ``analyze`` on a CSV, on an Excel workbook (calamine)
and on a warehouse link to a DuckDB database file (Ibis' DuckDB backend and sqlglot); ``report`` writing the
PDF and an Excel workbook (openpyxl); ``analyze`` on a PostgreSQL link to a throw-away local cluster (psycopg,
its libpq on the bundle's OpenSSL, a password checked by SCRAM; skipped with the reason where Debian's
postgresql binaries are missing); ``analyze`` on ClickHouse, Trino and Databricks links to a port nothing
listens on, refused in one sentence (their drivers are reached), on a Databricks link without a token (told how to
give one), and on a BigQuery link, refused in the sentence naming the
warehouses the bundle reads (no driver bundled). It stops at the first failure, says which, and exits 1.

``--unused`` runs the same checks under ``strace`` and lists the bundle's files none of them opened, biggest
first: the candidates for the next exclusion (each still to be reasoned about: a file a feature outside these
checks loads is not unused). ``make package`` runs the checks after every build (packaging/build.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    environment: dict[str, str] = field(default_factory=dict)  # variables of this run only (a password)
    skipped: str = ""  # why this machine cannot run it (said, never silent)

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


@contextmanager
def postgres_events(csv: Path) -> Iterator[tuple[str, str] | str]:
    """The events of ``csv`` as table ``events`` of a throw-away local PostgreSQL cluster (as the warehouse tests
    start one, tests/warehouse/postgres_cluster.py), readable by a role that logs in with a password: its address
    and password; or, where Debian's postgresql binaries are missing, why not. The cluster is deleted after."""
    import pandas as pd

    sys.path.insert(0, str(ROOT / "tests" / "warehouse"))
    import postgres_cluster

    if postgres_cluster.binaries() is None:
        yield f"no PostgreSQL binaries here (/usr/lib/postgresql/*/bin/initdb): {postgres_cluster.INSTALL_HINT}"
        return
    events = pd.read_csv(csv, nrows=SAMPLE_ROWS, parse_dates=["timestamp"])
    password = "bundle-check"
    try:
        yield postgres_cluster.password_protected_table("events", events, "analyst", password), password
    finally:
        postgres_cluster.stop()


def unused_port() -> int:
    """A loopback port nothing listens on (asked of the system, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def checks(folder: Path, postgres: tuple[str, str] | str) -> list[Check]:
    """Every run, in order; the self-test first, since build.py reads its start-up line. ``postgres`` is the
    address and password of a cluster holding the events, or why there is none."""
    data, out = inputs(folder), folder / "out"
    funnel = ["--steps", "signup,create_project,invite_teammate"]
    postgres_ok = not isinstance(postgres, str)
    ports = unused_port(), unused_port(), unused_port()
    # one attempt: the connector retries a refused connection for up to 15 minutes (a warehouse starting up)
    databricks = f"databricks://127.0.0.1:{ports[2]}/sql/1.0/warehouses/check?_retry_stop_after_attempts_count=1"
    week = ["active-users", *EVENT_ROLES, "--period", "week", "--out", str(out / "refused.csv")]
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
        Check("analyze a PostgreSQL link", ["analyze", postgres[0], "--table", "events", "active-users",
                                            *EVENT_ROLES, "--period", "week", "--out", str(out / "postgres.csv")],
              [out / "postgres.csv"], environment={"ULENS_PASSWORD": postgres[1]} if postgres_ok else {},
              skipped="" if postgres_ok else str(postgres)),
        # ClickHouse's and Trino's drivers reached: nothing listens on the port, which they say in one sentence
        *(Check(f"refuse a {title} link to a closed port", ["analyze", link, "--table", "events", "active-users",
                                                              *EVENT_ROLES, "--period", "week",
                                                              "--out", str(out / "refused.csv")], [],
                refusal=f"cannot connect to {title} at 127.0.0.1:{port}, database {database}: Connection refused")
          for title, link, port, database in (
              ("ClickHouse", f"clickhouse://analyst@127.0.0.1:{ports[0]}/default", ports[0], "default"),
              ("Trino", f"trino://analyst@127.0.0.1:{ports[1]}/hive/default", ports[1], "hive"))),
        # Databricks' connector reached: without a token it is told how to give one (it would sign in in a
        # browser), with one, that nothing listens
        Check("refuse a Databricks link without a token", ["analyze", databricks, "--table", "events", *week], [],
              refusal="Databricks needs a personal access token"),
        Check("refuse a Databricks link to a closed port", ["analyze", databricks, "--table", "events", *week], [],
              refusal=f"cannot connect to Databricks at 127.0.0.1:{ports[2]}, database sql/1.0/warehouses/check: "
                      "Connection refused", environment={"DATABRICKS_TOKEN": "bundle-check"}),
        # BigQuery's SDK is not bundled: refused in one sentence saying which warehouses the bundle reads
        Check("refuse a BigQuery link", ["analyze", "bigquery://project/dataset", "--table", "events",
                                         "active-users", *EVENT_ROLES, "--period", "week",
                                         "--out", str(out / "refused.csv")], [],
              refusal="reads DuckDB files, MotherDuck, PostgreSQL, ClickHouse, Trino and Databricks: reading "
                      "BigQuery needs its driver"),
    ]


def run_checks(binary: Path, wrap: Callable[[list[str], str], list[str]] = lambda argv, _name: argv,
               echo: bool = True) -> tuple[bool, str]:
    """Each check with the packaged ``binary`` (``wrap`` may prefix a tracer); whether all passed, and the
    self-test's standard output (its start-up line is what the build records)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for secret in ("ULENS_PASSWORD", "DATABRICKS_TOKEN"):  # a run is given its secret, or none
        env.pop(secret, None)
    with tempfile.TemporaryDirectory(prefix="usagelens-bundle-check-") as temporary:
        folder = Path(temporary)
        (folder / "out").mkdir()
        # A profile of its own, as the self-test uses: the checks neither read nor change the user's settings.
        env["USAGELENS_PROFILE_DIR"] = str(folder / "profile")
        with postgres_events(ROOT / "samples" / "events.csv") as postgres:
            return _run_all(checks(folder, postgres), binary, wrap, env, folder, echo)


def _run_all(runs: list[Check], binary: Path, wrap: Callable[[list[str], str], list[str]], env: dict[str, str],
             folder: Path, echo: bool) -> tuple[bool, str]:
    """:func:`run_checks`' runs in ``folder``, stopping at the first that fails."""
    self_test_output = ""
    for check in runs:
        if check.skipped:
            print(f"bundle check {check.name}: skipped ({check.skipped})")
            continue
        # no terminal: a warehouse's password is never prompted for
        result = subprocess.run(wrap([str(binary), *check.args], check.name), env={**env, **check.environment},
                                capture_output=True, text=True, cwd=folder, timeout=600, stdin=subprocess.DEVNULL)
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
