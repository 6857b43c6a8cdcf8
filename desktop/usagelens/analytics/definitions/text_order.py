"""Text compared by its code points on every engine, where an order of text decides a result.

DuckDB (as the app connects it), ClickHouse and Trino compare text byte by byte, which for UTF-8 is the order
of its code points, the order Python and so the numpy path sort in. A PostgreSQL database compares text by its
collation, usually a language's (``en_US.UTF-8``, ICU's ``en-US``: ``a`` before ``B``, where bytes put ``B``
first), so a tie broken by text there would be broken differently. There the text is compared as its UTF-8
bytes (``convert_to``, a ``bytea``, compared byte by byte whatever the database's collation).
BigQuery, Snowflake and Databricks compare bytes too unless a default collation was set on the dataset,
schema or table: not undone here.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from usagelens.model.query_engine import query_engine

COLLATING = frozenset({"postgres"})  # engines whose plain text comparison follows a database's locale


@ibis.udf.scalar.builtin(name="convert_to")
def _encoded(text: str, encoding: str) -> bytes:  # type: ignore[empty-body]
    """PostgreSQL's ``convert_to``: the text's bytes in ``encoding``."""


def code_point_order(text: ir.Value, table: ir.Table) -> ir.Value:
    """What to order ``text`` (a column of ``table``) by so that it sorts by code point on the engine the
    query goes to (:func:`usagelens.model.query_engine.queries_to`, else ``table``'s own backend); a column
    that is not text (events already coded as numbers) as it is."""
    if text.type().is_string() and query_engine(table) in COLLATING:
        return _encoded(text, "UTF8")
    return text
