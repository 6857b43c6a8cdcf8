"""Which engine the queries being built go to, and whether it takes an in-memory table along with one.

Both the metric definitions (a long list of users, the customers' attributes) and a recipe's compiled steps (a
note's reasons, the rows a sample draws) would send an ``ibis.memtable`` with a query, so both ask the one
question here. A linked source's queries are built on a stand-in view bound to no backend (its results are kept
in the project), so the engine cannot be read off the table: whoever builds them says it (:func:`queries_to`,
set by ``ViewEvents`` beside the fetcher, and by the kept results around a recipe's compile).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Engines that take an in-memory table along with a query without writing to the warehouse: DuckDB reads it
# in-process, PostgreSQL and Snowflake as a temporary table of the session, ClickHouse as external data sent with
# the query, BigQuery as a table of the query's session. Ibis would create a real table in Trino's current schema
# (which needs CREATE rights, and inserts its rows one by one) and upload a file to a Databricks volume: there,
# the values go into the SQL text and nothing else goes along.
TAKES_TABLES = frozenset({"duckdb", "postgres", "clickhouse", "snowflake", "bigquery"})

# Engines a list of ids goes to as one text value the query splits into rows, not as a temporary table:
# PostgreSQL refuses CREATE TEMP TABLE in a read-only transaction and on a hot standby, where read-only access
# for analysis often points (a read replica). One literal compiles in a tenth of a second, where 50,000 ids as
# an IN list took 16 s; the other engines repeat such a literal in their UNNEST (Trino, BigQuery, Snowflake:
# four times) or take the table without writing.
PACKS_LISTS = frozenset({"postgres"})

# The Ibis backend's name (``postgres``, ``trino``…, as ``io.warehouse.url.engine_of`` gives it) the queries
# being built go to, while set; None: the table's own backend.
querying: ContextVar[str | None] = ContextVar("querying_engine", default=None)


@contextmanager
def queries_to(engine: str | None) -> Iterator[None]:
    """Within this block, the queries built go to ``engine`` (nothing changes for None)."""
    token = querying.set(engine) if engine is not None else None
    try:
        yield
    finally:
        if token is not None:
            querying.reset(token)


def backend_name(table: object) -> str | None:
    """The name of the backend an Ibis ``table`` is bound to, None for an unbound one."""
    import ibis  # loaded already by whoever built the table
    from ibis.common.exceptions import IbisError

    try:
        return str(ibis.get_backend(table).name)  # type: ignore[arg-type]
    except IbisError:
        return None


def query_engine(table: object) -> str | None:
    """The engine a query on the Ibis ``table`` goes to: the one :func:`queries_to` set, else the table's own
    backend; None for an unbound table nobody named an engine for (compile-only snapshots)."""
    return querying.get() or backend_name(table)


def takes_tables(table: object) -> bool:
    """Whether the engine a query on the Ibis ``table`` goes to reads an in-memory table sent along with it
    without anything being written to the warehouse; an unbound table nobody named an engine for is taken to."""
    name = query_engine(table)
    return name is None or name in TAKES_TABLES


def packs_lists(table: object) -> bool:
    """Whether a long list of ids goes to the engine of a query on ``table`` as one text value split in the
    query (:data:`PACKS_LISTS`)."""
    return query_engine(table) in PACKS_LISTS
