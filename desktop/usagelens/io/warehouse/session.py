"""Backend settings in one place: what each engine's session needs before a metric definition runs on it.

The definitions (:mod:`usagelens.analytics.definitions`) are written once for every engine; what an engine
must be told so that they give the numbers of the reference lives here, and nowhere else:

- **UTC everywhere.** The standard view's ``ts`` is a naive timestamp holding UTC; an engine that reads a
  zoned column, or cuts a naive one into days, does so in its session time zone, so the session must be UTC
  or a day, an ISO week and a month would start at the warehouse's local midnight.
- **ClickHouse** pads the missing side of an outer join with the type's default (``''``, ``0``, the epoch)
  unless ``join_use_nulls = 1``, so a left join's "no match" would look like a match; ``grace_hash`` is a
  join algorithm that takes inequality conditions in ``ON`` (the funnel's "at or after the previous step")
  and spills to disk instead of failing on a big join. Its ``SELECT DISTINCT`` does not spill: a very large
  distinct set needs the server's memory.
- **Snowflake**'s ``DAYOFWEEK``, which Ibis compiles ``day_of_week`` to, counts from ``WEEK_START``: Ibis's
  ``(DAYOFWEEK(ts) + 6) % 7`` is 0 on Mondays only when ``WEEK_START`` is 0 or 1, so an account set to weeks
  starting on Sunday (7) would shift every ISO week by a day. The session pins it to Monday.
- **DuckDB** 2 refuses the ``x -> …`` lambdas Ibis 12 compiles array filters and maps to (the GA4 preset
  reads ``event_params`` with them) unless told to take the older syntax.
- **BigQuery** has no session time zone outside scripts; its ``TIMESTAMP`` is UTC and its date functions
  default to UTC, so nothing is set. (Ibis 12 cannot compile ``median`` for BigQuery: no definition uses it;
  medians are the exact middle values of :func:`usagelens.analytics.definitions.view.middle_values`.)

A backend is told these once, right after it connects, with :func:`prepare`.
"""

from __future__ import annotations

from contextlib import closing
from typing import Protocol

from usagelens.model.translatable import QT_TRANSLATE_NOOP

# Ibis backend name -> the statements that make its session fit the definitions, in order.
SESSION_STATEMENTS: dict[str, tuple[str, ...]] = {
    "duckdb": ("SET TimeZone = 'UTC'", "SET lambda_syntax = 'ENABLE_SINGLE_ARROW'"),
    "postgres": ("SET TIME ZONE 'UTC'",),
    "clickhouse": (
        "SET session_timezone = 'UTC'",
        "SET join_use_nulls = 1",
        "SET join_algorithm = 'grace_hash'",
    ),
    "snowflake": ("ALTER SESSION SET TIMEZONE = 'UTC', WEEK_START = 1",),
    "trino": ("SET TIME ZONE 'UTC'",),
    "databricks": ("SET TIME ZONE 'UTC'",),
    "pyspark": ("SET TIME ZONE 'UTC'",),
    "bigquery": (),
}


class UnsupportedBackend(ValueError):
    """A backend UsageLens does not know how to set up: its numbers could not be trusted."""


class Connection(Protocol):
    """What :func:`prepare` needs of an Ibis backend: its name and a way to run a statement."""

    name: str

    def raw_sql(self, query: str) -> object: ...


def prepare(con: Connection) -> Connection:
    """Apply the session settings of ``con``'s engine (see the module's docstring) and return it.

    Raises :class:`UnsupportedBackend` for an engine without an entry in :data:`SESSION_STATEMENTS`.
    """
    statements = SESSION_STATEMENTS.get(con.name)
    if statements is None:
        raise UnsupportedBackend(QT_TRANSLATE_NOOP("Warehouse", "UsageLens cannot run its metrics on a {engine} "
                                                                "connection").format(engine=con.name))
    for statement in statements:
        result = con.raw_sql(statement)
        # a cursor (PostgreSQL, Snowflake …) holds its connection until closed; DuckDB answers with its
        # connection itself, which must stay open
        if hasattr(result, "close") and result is not getattr(con, "con", None):
            with closing(result):  # type: ignore[type-var]
                pass
    return con
