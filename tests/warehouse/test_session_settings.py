"""The session settings of io/warehouse/session.py, read back from real engines (DuckDB, PostgreSQL, ClickHouse
through chdb) and, for warehouses that need credentials, the statements each is sent."""

from __future__ import annotations

import ibis
import pytest
from cases import CASES
from chdb_backend import ChdbBackend
from executors import REFERENCE, assert_same, difference, run
from postgres_cluster import SERVER_TIME_ZONE, cluster
from warehouse_engines import events_loader

from usagelens.analytics.definitions import active_users
from usagelens.io.warehouse.session import SESSION_STATEMENTS, UnsupportedBackend, prepare


def _value(con: ChdbBackend, sql: str) -> str:
    return con.raw_sql(sql).column(0)[0].as_py()


def test_clickhouse_gets_nulls_from_outer_joins_inequality_joins_and_utc() -> None:
    con = ChdbBackend()
    try:
        assert _value(con, "SELECT getSetting('join_use_nulls')") is False
        assert prepare(con) is con
        assert _value(con, "SELECT getSetting('join_use_nulls')") is True
        assert _value(con, "SELECT toString(getSetting('join_algorithm'))") == "grace_hash"
        assert _value(con, "SELECT timezone()") == "UTC"
    finally:
        con.disconnect()


def test_a_clickhouse_session_in_another_time_zone_counts_other_days_until_prepared() -> None:
    """ClickHouse cuts a naive DateTime64 into days in the session's time zone: prepare() makes that UTC."""
    frame = CASES["microseconds"]
    con = ChdbBackend()
    try:
        con.raw_sql("SET session_timezone = 'Asia/Tokyo'")
        view = events_loader(con.upload)(frame, ["plan"])
        local = active_users(view, "day")
        prepare(con)
        utc = active_users(view, "day")
    finally:
        con.disconnect()
    reference = run(REFERENCE, frame, "active_users", "day")
    assert_same(utc, reference, "active users per day on a prepared ClickHouse session")
    assert difference(local, reference) is not None


def test_postgres_sessions_run_in_utc_on_a_server_that_does_not() -> None:
    con = ibis.postgres.connect(**cluster().connection)
    try:
        with con.raw_sql("SELECT reset_val FROM pg_settings WHERE name = 'TimeZone'") as cursor:
            assert cursor.fetchone()[0] == SERVER_TIME_ZONE
        con.raw_sql("SET TIME ZONE 'Asia/Tokyo'").close()  # as a role's default would
        prepare(con)
        with con.raw_sql("SHOW TIME ZONE") as cursor:
            assert cursor.fetchone()[0] == "UTC"
    finally:
        con.disconnect()


def test_duckdb_sessions_run_in_utc() -> None:
    con = ibis.duckdb.connect()
    con.raw_sql("SET TimeZone = 'Asia/Tokyo'")
    prepare(con)
    assert con.raw_sql("SELECT current_setting('TimeZone')").fetchone()[0] == "UTC"


class RecordingConnection:
    """Stands for a warehouse that needs credentials: records what it is sent."""

    def __init__(self, name: str) -> None:
        self.name, self.sent = name, []

    def raw_sql(self, query: str) -> None:
        self.sent.append(query)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("snowflake", ["ALTER SESSION SET TIMEZONE = 'UTC', WEEK_START = 1"]),
        ("trino", ["SET TIME ZONE 'UTC'"]),
        ("databricks", ["SET TIME ZONE 'UTC'"]),
        ("bigquery", []),
    ],
)
def test_warehouses_are_sent_their_statements(name: str, expected: list[str]) -> None:
    con = RecordingConnection(name)
    prepare(con)
    assert con.sent == expected


def test_an_unknown_backend_is_refused_in_one_sentence() -> None:
    with pytest.raises(UnsupportedBackend, match="^UsageLens cannot run its metrics on a mssql connection$"):
        prepare(RecordingConnection("mssql"))


def test_every_backend_the_app_offers_has_settings() -> None:
    offered = {"postgres", "clickhouse", "bigquery", "snowflake", "databricks", "trino", "duckdb"}  # issue 15
    assert offered <= set(SESSION_STATEMENTS)
