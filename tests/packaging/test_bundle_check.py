"""The bundle's checks (packaging/check_bundle.py) without a bundle: a run fails on a non-zero exit or a missing
or empty output, and the list of files no check opened counts a symlink as opened with its target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from check_bundle import Check, checks, unused_files  # noqa: E402 - packaging/ is not a package


def finished(code: int, stderr: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(["usagelens"], code, stdout="", stderr=stderr)


def test_a_run_fails_on_its_exit_code_or_a_missing_or_empty_output(tmp_path: Path) -> None:
    report = tmp_path / "summary.pdf"
    check = Check("report", ["report"], [report])
    assert check.problem(finished(2, "usagelens report: no such project\n")) == (
        "exit 2: usagelens report: no such project")
    assert check.problem(finished(0)) == "summary.pdf was not written"
    report.write_bytes(b"")
    assert check.problem(finished(0)) == "summary.pdf was not written"
    report.write_bytes(b"%PDF-1.7")
    assert check.problem(finished(0)) is None


def test_files_never_opened_are_listed_biggest_first(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libbig.so.1").write_bytes(b"x" * 300)
    (tmp_path / "lib" / "libsmall.so.1").write_bytes(b"x" * 10)
    (tmp_path / "lib" / "libused.so.1").write_bytes(b"x" * 100)
    (tmp_path / "libused.so.1").symlink_to(tmp_path / "lib" / "libused.so.1")
    opened = {(tmp_path / "libused.so.1").resolve()}
    assert unused_files(tmp_path, opened) == [(300, Path("lib/libbig.so.1")), (10, Path("lib/libsmall.so.1"))]


def test_a_refusal_must_fail_with_its_sentence_and_no_traceback() -> None:
    check = Check("refuse", ["analyze"], [], refusal="needs its driver")
    assert check.problem(finished(2, "usagelens analyze: error: reading PostgreSQL needs its driver\n")) is None
    assert check.problem(finished(0)) is not None
    assert check.problem(finished(2, "usagelens analyze: error: cannot connect to 127.0.0.1:9\n")) is not None
    assert check.problem(finished(1, "Traceback (most recent call last):\nImportError: needs its driver")) is not None


def test_the_postgresql_check_says_why_it_is_skipped_and_passes_its_password_to_that_run_only(tmp_path: Path) -> None:
    (tmp_path / "without").mkdir()
    (tmp_path / "with").mkdir()
    by_name = {check.name: check for check in checks(tmp_path / "without", "no PostgreSQL binaries here")}
    assert by_name["analyze a PostgreSQL link"].skipped == "no PostgreSQL binaries here"
    address = "postgres://analyst@127.0.0.1:5555/postgres"
    by_name = {check.name: check for check in checks(tmp_path / "with", (address, "pw"))}
    postgres = by_name["analyze a PostgreSQL link"]
    assert not postgres.skipped and postgres.environment == {"ULENS_PASSWORD": "pw"}
    assert postgres.args[1] == address
    databricks = "refuse a Databricks link to a closed port"
    assert by_name[databricks].environment == {"DATABRICKS_TOKEN": "bundle-check"}
    assert all(not check.environment for name, check in by_name.items() if name not in (postgres.name, databricks))
    assert {"refuse a ClickHouse link to a closed port", "refuse a Trino link to a closed port", databricks,
            "refuse a Databricks link without a token", "refuse a BigQuery link"} <= set(by_name)
