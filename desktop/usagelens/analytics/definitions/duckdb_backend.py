"""DuckDB, the default executor: an embedded connection and the ways data becomes the standard view.

Everything DuckDB-specific about running the definitions lives here, not in the metrics: the session
settings (UTC, threads, a memory limit with a spill folder so that 100M events fit in a laptop's RAM), and
registering data without copying it — an :class:`EventLog` or a pandas/Arrow table as a scanned Arrow table,
a Parquet file through ``read_parquet`` with its row number as the tie-break column.

A warehouse backend (issue 15) is a sibling module of the same shape: a ``connect`` that opens an Ibis
backend with its session in UTC, and a function that turns the stored table or SELECT into the standard
view with :func:`usagelens.analytics.definitions.view.standard_view` (naming a tie-break column if the
source has one); its quirks (settings, casts) stay in that module. The metrics run unchanged on it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from pathlib import Path

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa

from usagelens.analytics.definitions.customers import customers_table
from usagelens.analytics.definitions.view import EVENT, TIE_BREAK, TIME, USER, standard_view
from usagelens.analytics.encoding import as_text, utc_nanoseconds
from usagelens.analytics.eventlog import EventLog
from usagelens.model import parquet_parts
from usagelens.paths import cache_folder, physical_memory

ibis.options.interactive = False


def spill_folder() -> Path:
    """Where DuckDB writes what does not fit in its memory limit: the user cache (the test profile in tests)."""
    return cache_folder("duckdb")


def connect(
    *, memory_limit: str | None = None, threads: int | None = None, spill: Path | None = None
) -> ibis.BaseBackend:
    """An in-memory DuckDB session in UTC with threads = cores and a memory limit of about half the RAM, or
    what ``USAGELENS_MEMORY_LIMIT`` says (e.g. ``3GB``: a machine shared with other work, or a benchmark
    standing in for a smaller laptop).

    DuckDB spills joins, sorts and aggregates beyond the limit to ``spill`` (created here: DuckDB no
    longer creates it itself), so a query bigger than memory slows down instead of failing.
    """
    folder = spill or spill_folder()
    folder.mkdir(parents=True, exist_ok=True)
    config: dict[str, object] = {"threads": threads or os.cpu_count() or 1, "temp_directory": str(folder)}
    ram = physical_memory()
    memory_limit = memory_limit or os.environ.get("USAGELENS_MEMORY_LIMIT")
    if memory_limit or ram:
        config["memory_limit"] = memory_limit or f"{max(ram // 2 // 2**20, 256)}MiB"
    con = ibis.duckdb.connect(**config)
    # The time zone is set once the session exists: as a connect option it is refused before ICU is loaded.
    con.raw_sql("SET TimeZone = 'UTC'")
    # DuckDB draws a progress bar on the terminal for long queries: the CLI's stderr is for one-line messages,
    # and the app shows its own progress.
    con.raw_sql("SET enable_progress_bar = false")
    return con


def _register(con: ibis.BaseBackend, data: pa.Table | str) -> ir.Table:
    """Expose an Arrow table (scanned in place, not copied) or a SQL relation under a fresh name."""
    name = f"usagelens_{uuid.uuid4().hex}"
    if isinstance(data, pa.Table):
        con.con.register(name, data)  # type: ignore[attr-defined]
    else:
        con.raw_sql(f'CREATE TEMPORARY VIEW "{name}" AS {data}')
    return con.table(name)


def register_event_log(con: ibis.BaseBackend, log: EventLog) -> ir.Table:
    """The encoded log as the standard view: codes become dictionary columns, times µs, ``seq`` its source row.

    Times are cut from nanoseconds to the view's microseconds (design §2: exports carry at most µs).
    """
    table = pa.table(
        {
            USER: pa.DictionaryArray.from_arrays(log.user_codes, pa.array(log.user_ids.astype(str), pa.string())),
            TIME: pa.array(log.times // 1000, pa.int64()).cast(pa.timestamp("us")),
            EVENT: pa.DictionaryArray.from_arrays(log.event_codes, pa.array(log.event_names, pa.string())),
            TIE_BREAK: pa.array(log.source_rows, pa.int64()),
            **{name: pa.array(log.properties[name].to_numpy(object)) for name in log.properties.columns},
        }
    )
    return standard_view(
        _register(con, table),
        user=USER,
        time=TIME,
        event=EVENT,
        properties=list(log.properties.columns),
        tie_break=TIE_BREAK,
    )


def register_frame(
    con: ibis.BaseBackend, frame: pd.DataFrame, *, user: str, time: str, event: str, properties: Sequence[str] = ()
) -> ir.Table:
    """A pandas table as the standard view, read by the same rules as :meth:`EventLog.from_frame`.

    Ids and names become text on the client (``7.0`` read from a numeric column is user ``7``, ``007`` stays
    ``007``), times UTC microseconds; ``seq`` is the row's position in ``frame``.
    """
    nanoseconds = utc_nanoseconds(frame[time], time)
    times = pa.array(nanoseconds // 1000, pa.int64(), mask=nanoseconds == np.iinfo(np.int64).min)
    table = pa.table(
        {
            USER: pa.array(as_text(frame[user]).to_numpy(object, na_value=None), pa.string()),
            TIME: times.cast(pa.timestamp("us")),
            EVENT: pa.array(as_text(frame[event]).to_numpy(object, na_value=None), pa.string()),
            TIE_BREAK: pa.array(np.arange(len(frame)), pa.int64()),
            **{name: pa.Array.from_pandas(frame[name]) for name in properties},
        }
    )
    return standard_view(
        _register(con, table), user=USER, time=TIME, event=EVENT, properties=properties, tie_break=TIE_BREAK
    )


def register_arrow(
    con: ibis.BaseBackend, table: pa.Table, *, user: str, time: str, event: str, properties: Sequence[str] = ()
) -> ir.Table:
    """An Arrow table as the standard view, scanned in place with its row position as the tie-break column;
    the view's casts make ids text and zoned times UTC."""
    numbered = table.append_column("file_row_number", pa.array(np.arange(table.num_rows), pa.int64()))
    return standard_view(
        _register(con, numbered), user=user, time=time, event=event, properties=properties, tie_break="file_row_number"
    )


def register_parquet(
    con: ibis.BaseBackend,
    path: Path,
    *,
    user: str,
    time: str,
    event: str,
    properties: Sequence[str] = (),
    usable: str | None = None,
    user_key: str | None = None,
    in_user_order: bool = False,
) -> ir.Table:
    """A Parquet file as the standard view, scanned where it lies; its row number is the tie-break column, and
    with ``in_user_order`` (rows stored by user, then time, then source order) the view's ``__user_order`` too.

    Columns keep their stored types until the view casts them, so a text user id ``007`` stays ``007``
    (only DuckDB's CSV sniffer would turn it into a number, and CSV never comes here untyped). ``usable``
    and ``user_key``: see :func:`usagelens.analytics.definitions.view.standard_view`.
    """
    raw = read_parquet_rows(con, path)
    return standard_view(
        raw, user=user, time=time, event=event, properties=properties, tie_break="file_row_number", usable=usable,
        user_key=user_key, user_order="file_row_number" if in_user_order else None,
    )


def read_parquet_rows(con: ibis.BaseBackend, path: Path | Sequence[Path]) -> ir.Table:
    """A Parquet file (or a table's parts, :mod:`usagelens.model.parquet_parts`) as it is, scanned where it lies,
    with its row number as ``file_row_number`` (SQL tables have no order: a recipe's "keep the first duplicate"
    and the tie-break between simultaneous events need it)."""
    return _register(con, f"SELECT * FROM {parquet_parts.scan([path] if isinstance(path, Path) else path)}")


def query_rows(con: ibis.BaseBackend, query: str) -> ir.Table:
    """The rows of a DuckDB query (an export being converted, say) as a table to build expressions on; Ibis'
    own ``con.sql`` cannot describe a query with the DuckDB this app ships."""
    return _register(con, query)


def register_customers(con: ibis.BaseBackend, frame: pd.DataFrame, *, user: str) -> ir.Table:
    """A customers table as a view for breakdowns (:func:`customers_table`), registered in DuckDB."""
    return _register(con, customers_table(frame, user=user))
