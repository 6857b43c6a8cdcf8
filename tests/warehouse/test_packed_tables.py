"""A table carried in a query's text (PostgreSQL's long lists and customers, where a read replica refuses a
temporary table) reads back exactly: every value and type, missing ones too, on DuckDB and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import ibis
import pyarrow as pa
import pytest

from usagelens.analytics.definitions.packed import FIELDS, can_pack, packed_table

TABLE = pa.table({
    "user_id": ["a", "b", None, "d'x"],
    "visits": pa.array([1, None, 3, 4], pa.int64()),
    "score": [0.1, 2.5, None, 1e-7],
    "paying": [True, False, None, True],
    "signed_up": pa.array([dt.date(2024, 1, 1), None, dt.date(2024, 3, 1), dt.date(2024, 12, 31)]),
    "seen": pa.array([dt.datetime(2024, 1, 1, 12, 30, 1, 5), None, dt.datetime(2024, 1, 2), dt.datetime(2024, 1, 3)],
                     pa.timestamp("us", tz="UTC")),
})  # fmt: skip


@pytest.fixture(params=["duckdb", "postgres"])
def con(request: pytest.FixtureRequest) -> ibis.BaseBackend:
    if request.param == "duckdb":
        return ibis.duckdb.connect()
    import postgres_cluster

    return ibis.postgres.connect(**postgres_cluster.cluster().connection)


def test_a_packed_table_reads_back_every_value_and_type(con: ibis.BaseBackend) -> None:
    assert can_pack(TABLE)
    got = con.to_pyarrow(packed_table(TABLE))
    assert got.schema == TABLE.schema
    assert got.equals(TABLE)


def test_a_value_holding_a_separator_or_no_rows_is_not_packed() -> None:
    assert not can_pack(pa.table({"user_id": [f"a{FIELDS}b"]}))
    assert not can_pack(TABLE.slice(0, 0))
