"""The real engines the definitions are checked on besides DuckDB: PostgreSQL (a throw-away cluster) and
ClickHouse (chdb), each one session per test process, prepared by :mod:`usagelens.io.warehouse.session`.

A frame is loaded as a warehouse holds events: a table of raw columns (text ids, a naive UTC timestamp, the
row's position as ``seq``, properties) that :func:`~usagelens.analytics.definitions.view.standard_view`
turns into the standard view on the engine itself. Tables are kept per content, so the many metrics asked of
one fixture load it once.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from functools import cache

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa
from chdb_backend import ChdbBackend
from postgres_cluster import cluster

from usagelens.analytics.definitions import standard_view
from usagelens.io.warehouse.session import prepare

Upload = Callable[[pa.Table], ir.Table]


def arrow(frame: pd.DataFrame) -> pa.Table:
    """``frame`` as Arrow, text columns typed as text even when empty or all missing (NaN is missing too)."""
    return pa.table(
        {
            name: pa.array(column.to_numpy(object), pa.string(), from_pandas=True)
            if column.dtype == object or pd.api.types.is_string_dtype(column)
            else pa.Array.from_pandas(column)
            for name, column in frame.items()
        }
    )


@cache
def postgres() -> ibis.BaseBackend:
    return prepare(ibis.postgres.connect(**cluster().connection))


def upload_postgres(table: pa.Table) -> ir.Table:
    return postgres().create_table(f"usagelens_{uuid.uuid4().hex}", table, temp=True)


@cache
def clickhouse() -> ChdbBackend:
    return prepare(ChdbBackend())


def upload_clickhouse(table: pa.Table) -> ir.Table:
    return clickhouse().upload(table)


def _uploaded(upload: Upload) -> Callable[[pd.DataFrame], ir.Table]:
    """``upload`` of a frame, once per distinct content (names, types and values) in this process."""
    tables: dict[str, ir.Table] = {}

    def load(frame: pd.DataFrame) -> ir.Table:
        digest = hashlib.sha256(repr((list(frame.columns), list(frame.dtypes.astype(str)))).encode())
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
        key = digest.hexdigest()
        if key not in tables:
            tables[key] = upload(arrow(frame))
        return tables[key]

    return load


def events_loader(upload: Upload) -> Callable[[pd.DataFrame, Sequence[str]], ir.Table]:
    """Events (``user_id``, ``timestamp``, ``event``, properties) as the standard view on an engine."""
    load = _uploaded(upload)

    def events(frame: pd.DataFrame, properties: Sequence[str]) -> ir.Table:
        table = load(frame.assign(seq=np.arange(len(frame), dtype=np.int64)))
        return standard_view(
            table, user="user_id", time="timestamp", event="event", properties=properties, tie_break="seq"
        )

    return events


def customers_loader(upload: Upload) -> Callable[[pd.DataFrame], ir.Table]:
    """Customers (``user_id`` and attributes) as the definitions read them: ``seq`` is the row (the last
    row of a user counts)."""
    load = _uploaded(upload)
    return lambda frame: load(frame.assign(seq=np.arange(len(frame), dtype=np.int64)))
