"""Running the same table through pandas and through the compiled engine (DuckDB), and comparing.

Both engines start from the same Arrow table: pandas converts it, DuckDB scans it in place with a row-number
column, as it scans the project's Parquet with its ``file_row_number`` (:func:`stored` goes through a Parquet
file, for the tests that pin that path; writing one per example would dominate the property tests).
Results are compared column by column after normalising each value to a plain
Python one (missing → None, numbers → float, times → naive UTC ``Timestamp``, yes/no → bool), with the
compiled rows sorted by the row number, which is the pandas row order.
"""

from __future__ import annotations

import math
import uuid
from pathlib import Path
from typing import Any

import ibis
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from usagelens.analytics.definitions.duckdb_backend import connect

ORDER = "file_row_number"


def duckdb_session(spill: Path) -> ibis.BaseBackend:
    return connect(threads=1, memory_limit="512MiB", spill=spill)


def registered(con: ibis.BaseBackend, frame: pd.DataFrame) -> tuple[pd.DataFrame, ibis.Table]:
    """``frame`` as Arrow, converted back for pandas and registered in DuckDB with its row numbers."""
    arrow = pa.Table.from_pandas(frame, preserve_index=False)
    name = f"t{uuid.uuid4().hex}"
    con.con.register(name, arrow.append_column(ORDER, pa.array(range(len(frame)), pa.int64())))
    return arrow.to_pandas(), con.table(name)


def stored(con: ibis.BaseBackend, frame: pd.DataFrame, folder: Path) -> tuple[pd.DataFrame, ibis.Table]:
    """``frame`` written to Parquet, read back by pandas and scanned by DuckDB with its row numbers."""
    path = folder / f"t{uuid.uuid4().hex}.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    return pd.read_parquet(path), scan(con, path)


def scan(con: ibis.BaseBackend, path: Path) -> ibis.Table:
    """A Parquet file as a table with its row numbers (a view: ``con.sql`` cannot describe a query on
    DuckDB 2 yet)."""
    quoted = str(path).replace("'", "''")
    con.raw_sql(f"CREATE TEMPORARY VIEW \"{path.stem}\" AS "
                f"SELECT * FROM read_parquet('{quoted}', file_row_number=true)")
    return con.table(path.stem)


def plain(value: Any) -> Any:
    """One cell as a comparable Python value."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp) or hasattr(value, "tzinfo"):
        stamp = pd.Timestamp(value)
        return stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, int | float) or hasattr(value, "dtype"):
        return float(value)
    return value


def rows(frame: pd.DataFrame) -> dict[str, list[Any]]:
    return {str(c): [plain(v) for v in frame[c].astype(object)] for c in frame.columns}


def compiled_rows(table: ibis.Table) -> dict[str, list[Any]]:
    """The compiled table's rows in source order, fetched through Arrow (which holds year -1, as pandas does)."""
    return rows(table.order_by(ORDER).drop(ORDER).to_pyarrow().to_pandas())


def outcome_view(outcomes: list[Any]) -> list[tuple[Any, ...]]:
    return [(o.description, str(o.status), o.rows_before, o.rows_after, o.error, o.notes) for o in outcomes]
