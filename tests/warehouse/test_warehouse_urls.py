"""Warehouse URLs, and what ``usagelens analyze URL …`` refuses before it connects: each one sentence, no secret."""

from __future__ import annotations

import importlib.util
import socket
import sys
from pathlib import Path

import ibis
import pytest

from usagelens import app
from usagelens.io.warehouse.connect import check_select, connect, read_here, reason
from usagelens.io.warehouse.url import WarehouseError, looks_like_url, parse_url

SECRET = "Pw-Heron$Quartz!771"
ROLES = ["--user", "u", "--time", "t", "--event", "e"]


@pytest.mark.parametrize(("text", "where", "account"), [
    ("postgres://ana@db.example.com:6543/app/public", "PostgreSQL at db.example.com:6543, database app",
     "ana@db.example.com:6543"),
    ("postgresql://ana@db.example.com/app", "PostgreSQL at db.example.com:5432, database app",
     "ana@db.example.com:5432"),
    ("clickhouse://default@ch.local/posthog", "ClickHouse at ch.local:8123, database posthog",
     "default@ch.local:8123"),
    ("bigquery://my-project/analytics_123", "BigQuery at my-project, database analytics_123", "@my-project"),
    ("snowflake://ana@xy12345.eu-west-1/SEGMENT/PROD?warehouse=WH", "Snowflake at xy12345.eu-west-1, database "
     "SEGMENT", "ana@xy12345.eu-west-1"),
    ("trino://ana@trino.local:8443/hive/events", "Trino at trino.local:8443, database hive", "ana@trino.local:8443"),
    ("databricks://dbc-1.cloud.databricks.com/sql/1.0/warehouses/abc?catalog=main",
     "Databricks at dbc-1.cloud.databricks.com:443, database sql/1.0/warehouses/abc",
     "@dbc-1.cloud.databricks.com:443"),
])
def test_urls_are_read_shown_and_keyed_without_a_secret(text: str, where: str, account: str) -> None:
    url = parse_url(text)
    assert looks_like_url(text)
    assert url.where == where and url.keychain_account == account
    assert url.display.startswith(f"{url.scheme}://") and "?" not in url.display


def test_a_duckdb_url_names_an_existing_file(tmp_path: Path) -> None:
    database = tmp_path / "events.duckdb"
    database.write_bytes(b"")
    assert parse_url(f"duckdb://{database}").path == str(database)
    assert not parse_url(f"duckdb://{database}").needs_secret
    with pytest.raises(WarehouseError, match="no DuckDB database file at"):
        parse_url(f"duckdb://{tmp_path}/missing.duckdb")
    assert not looks_like_url(str(database)) and not looks_like_url("C:\\exports\\events.csv")


@pytest.mark.parametrize("text", [
    f"postgres://ana:{SECRET}@db.example.com/app",
    f"postgres://ana@db.example.com/app?password={SECRET}",
    f"snowflake://ana@acct/db?private_key={SECRET}",
    f"databricks://host/sql/1.0/warehouses/abc?access_token={SECRET}",
])
def test_a_secret_in_the_url_is_refused_without_repeating_it(text: str) -> None:
    with pytest.raises(WarehouseError) as refused:
        parse_url(text)
    assert "usagelens secret set" in str(refused.value) and "ULENS_PASSWORD" in str(refused.value)
    assert SECRET not in str(refused.value)


@pytest.mark.parametrize(("text", "message"), [
    ("mysql://ana@db/app", "cannot read mysql:// warehouses"),
    ("postgres:///app", "names no host"),
    ("bigquery://my-project", "names no dataset"),
    ("postgres://ana@db:99999/app", "check its host and port"),
])
def test_unusable_urls_are_one_sentence(text: str, message: str) -> None:
    with pytest.raises(WarehouseError, match=message):
        parse_url(text)


def test_a_missing_driver_names_the_pip_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    if "trino" in vars(ibis):  # loaded already: Ibis keeps a backend as a module attribute
        monkeypatch.delattr(ibis, "trino")
    monkeypatch.setitem(sys.modules, "ibis.backends.trino", None)  # as if its driver were not installed
    with pytest.raises(WarehouseError, match=r"reading Trino needs its driver: pip install 'ibis-framework\[trino\]'"):
        connect(parse_url("trino://ana@trino.local/hive/events"))


def test_the_installed_app_names_what_it_reads_and_how_to_read_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the installer is built (packaging/bundle_rules.WAREHOUSE_BACKENDS): the SDKs of BigQuery and Snowflake
    are left out; the sentence names the rest from what the build carries."""
    for backend in ("bigquery", "snowflake"):
        if backend in vars(ibis):
            monkeypatch.delattr(ibis, backend)
        monkeypatch.setitem(sys.modules, f"ibis.backends.{backend}", None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the installed app: nothing can be pip-installed there
    if importlib.util.find_spec("ibis.backends.databricks") is None:  # the test extra does not install it
        pytest.skip("Ibis' Databricks backend is not installed here (pip install 'ibis-framework[databricks]')")
    assert read_here() == "DuckDB files, MotherDuck, PostgreSQL, ClickHouse, Trino and Databricks"
    said = (r"^this installed UsageLens reads DuckDB files, MotherDuck, PostgreSQL, ClickHouse, Trino and "
            r"Databricks: reading Snowflake needs its driver, which UsageLens installed from its source with pip "
            r"and its warehouses extra brings \(pip install '\.\[warehouses\]'\)$")
    with pytest.raises(WarehouseError, match=said):
        connect(parse_url("snowflake://ana@acme-xy12345/analytics/public"))


def test_databricks_without_a_token_says_how_to_give_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a token Databricks' connector would sign in with OAuth in a browser: one sentence instead, before
    anything is sent (the packaged app's check, packaging/check_bundle.py, asks the same)."""
    pytest.importorskip("databricks.sql")
    for name in ("ULENS_PASSWORD", "DATABRICKS_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("usagelens.io.warehouse.credentials.keychain_available", lambda: False)
    with pytest.raises(WarehouseError, match=r"^Databricks needs a personal access token: keep it in the OS "
                                             r"keychain with `usagelens secret set URL` .* DATABRICKS_TOKEN or "
                                             r"ULENS_PASSWORD environment variable$"):
        connect(parse_url("databricks://dbc-1.cloud.databricks.com/sql/1.0/warehouses/abc"))


def test_a_databricks_host_that_does_not_answer_is_one_sentence(monkeypatch: pytest.MonkeyPatch,
                                                                capfd: pytest.CaptureFixture[str]) -> None:
    """The URL's port is the one reached; the token comes from Databricks' own variable; the connector's retries
    (up to 15 minutes by default, for a warehouse that is starting) are cut to one, without its second's wait,
    by URL parameters; its log line of the failed request is not shown."""
    pytest.importorskip("databricks.sql")
    monkeypatch.delenv("ULENS_PASSWORD", raising=False)
    monkeypatch.setenv("DATABRICKS_TOKEN", SECRET)
    monkeypatch.setattr("usagelens.io.warehouse.credentials.keychain_available", lambda: False)
    port = closed_port()
    with pytest.raises(WarehouseError) as refused:
        connect(parse_url(f"databricks://127.0.0.1:{port}/sql/1.0/warehouses/abc?_retry_stop_after_attempts_count=1"
                          "&_retry_delay_min=0.1&_retry_delay_max=5"))
    assert str(refused.value) == (f"cannot connect to Databricks at 127.0.0.1:{port}, database "
                                  "sql/1.0/warehouses/abc: Connection refused")
    assert capfd.readouterr().err == ""


def closed_port() -> int:
    """A loopback port nothing listens on (asked of the system, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("said", [
    # clickhouse-connect and trino quote urllib3's error after its pool, URL and a request id
    'Error HTTPConnectionPool(host=\'127.0.0.1\', port=9): Max retries exceeded with url: /?query_id=c51e (Caused by '
    'NewConnectionError("HTTPConnection(host=\'127.0.0.1\', port=9): Failed to establish a new connection: [Errno '
    '111] Connection refused")) executing HTTP request attempt 1 (http://127.0.0.1:9)',
    'failed to execute: HTTPConnectionPool(host=\'127.0.0.1\', port=9): Max retries exceeded with url: /v1/statement '
    '(Caused by NewConnectionError("HTTPConnection(host=\'127.0.0.1\', port=9): Failed to establish a new '
    'connection: [Errno 111] Connection refused"))',
    # psycopg's
    'connection failed: connection to server at "127.0.0.1", port 9 failed: Connection refused\n\tIs the server '
    'running on that host and accepting TCP/IP connections?',
])
def test_a_server_that_does_not_answer_is_said_in_the_drivers_own_words_only(said: str) -> None:
    assert reason(RuntimeError(said)) == "Connection refused"


@pytest.mark.parametrize("dialect", ["postgres", "clickhouse", "bigquery", "snowflake", "trino", "databricks"])
def test_only_one_select_passes_in_every_dialect(dialect: str) -> None:
    assert check_select("WITH a AS (SELECT 1 AS x) SELECT x FROM a;", dialect).startswith("WITH")
    for query in ("INSERT INTO t SELECT 1", "SELECT 1; SELECT 2", "DROP TABLE t", "CREATE TABLE t AS SELECT 1"):
        with pytest.raises(WarehouseError, match="--sql takes"):
            check_select(query, dialect)


@pytest.mark.parametrize(("argv", "message"), [
    (["events"], "needs either --table NAME or --sql QUERY"),
    (["--table", "t", "--sql", "SELECT 1", "events"], "needs either --table NAME or --sql QUERY"),
    (["--table", "t", "--engine", "memory", "events"], "--engine memory does not apply to a warehouse"),
    (["--sql", "DELETE FROM t", "events"], "--sql takes a SELECT"),
    (["--table", "t", "nps", "--score", "s"], "nps reads a survey export file"),
    (["--table", "t", "survey", "--score", "s"], "survey has no warehouse definition (it reads a survey export)"),
    (["--table", "t", "revenue", "--revenue", "pay.csv", "--amount", "a"], "revenue has no warehouse definition"),
    (["--table", "t", "segments", "--feature", "x", "--by", "plan", "--customers", "c.csv"],
     "--customers reads a file"),
    (["--table", "t", "anomalies", "--metric", "sessions"], "--metric names a column of a metrics export"),
])
def test_what_cannot_run_on_a_warehouse_is_refused_before_connecting(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgres://ana@127.0.0.1:1/app"  # nothing listens on port 1: a connection attempt would say so
    assert app.main(["analyze", url, *ROLES, *argv, "--out", "never.csv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err


def test_warehouse_options_with_a_file_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "events.csv"
    data.write_text("u,t,e\na,2024-01-01,x\n")
    assert app.main(["analyze", str(data), *ROLES, "--table", "t", "events", "--out", str(tmp_path / "o.csv")]) == 2
    assert "--table is for a warehouse URL; DATA here is a file" in capsys.readouterr().err


@pytest.mark.parametrize(("url", "where"), [
    ("postgres://ana@127.0.0.1:1/app", "PostgreSQL at 127.0.0.1:1, database app"),
    # over HTTP: clickhouse-connect logs the failed request and Trino's client connects on the first statement
    ("clickhouse://ana@127.0.0.1:1/default", "ClickHouse at 127.0.0.1:1, database default"),
    ("trino://ana@127.0.0.1:1/hive/default", "Trino at 127.0.0.1:1, database hive"),
])
def test_an_unreachable_server_is_one_sentence_naming_it(url: str, where: str, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("ULENS_PASSWORD", raising=False)  # Trino's client takes a password over HTTPS only
    assert app.main(["analyze", url, "--table", "t", *ROLES, "events", "--out", "never.csv"]) == 2
    err = capsys.readouterr().err
    assert err == f"usagelens analyze: error: cannot connect to {where}: Connection refused\n"


def test_a_missing_column_reads_as_for_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import duckdb

    database = tmp_path / "events.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE ev AS SELECT 'a' AS u, TIMESTAMP '2024-01-01' AS t, 'x' AS e")
    for data in (f"duckdb://{database}", None):
        if data is None:
            data = str(tmp_path / "events.csv")
            Path(data).write_text("u,t,e\na,2024-01-01,x\n")
        argv = ["analyze", data, "--user", "who", "--time", "t", "--event", "e"]
        argv += ["--table", "ev"] if data.startswith("duckdb") else []
        assert app.main([*argv, "events", "--out", str(tmp_path / "o.csv")]) == 2
    first, second = capsys.readouterr().err.splitlines()
    assert first == second == "usagelens analyze: error: no column 'who' in the data (columns: u, t, e)"
