"""A stored table's rows as a grid asks for them, answered by DuckDB so a 100M-row source is never decoded.

The grid of a DataFrame sorts and filters an array of row positions (``ui/row_index``). A big source that
nobody decoded gets the same answers from DuckDB over its Parquet, scanned where it lies in the user cache: a
sort or filter is one query that stores the kept rows' file row numbers, in order, as a table of the session
(:class:`RowOrder`); a page of the grid is then a few hundred rows read by those numbers. Each query runs on
a cursor of its own, watched by a thread that interrupts it once its caller gives up, so a newer request
never waits for a stale one.

The rules are the in-memory grid's: a text filter keeps rows whose cell, as text, contains the filter text
ignoring case (numbers as Arrow writes them, flags as yes/no, missing cells never match); a sort is stable
(the file row number breaks ties) with missing values last in both directions.
"""

from __future__ import annotations

import csv
import itertools
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from usagelens.io import ExportCancelled, ExportFailed, write_xlsx
from usagelens.io.callbacks import Cancelled, Progress, never_cancelled, no_progress
from usagelens.io.writers import _PLAIN_NUMBER, CSV_FORMULA_STARTS, EXCEL_MAX_ROWS
from usagelens.model import parquet_parts
from usagelens.model.atomic_file import replacing
from usagelens.model.stored_table import StoredTable
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace.engine_logs import parquet_files

if TYPE_CHECKING:
    import duckdb

ROW = "file_row_number"
IN_LIST_ROWS = 2_000  # up to this many wanted rows are named in the query; more are joined from a table
WATCH_SECONDS = 0.05
ColumnFilter = tuple[int | None, str]  # (column position, or None for any column; the text to contain)


@dataclass(frozen=True)
class TableQuery:
    """What the grid asks for: an optional sort (column position, ascending) and filters that all apply."""

    sort: tuple[int, bool] | None = None
    filters: tuple[ColumnFilter, ...] = ()

    @property
    def keeps_all(self) -> bool:
        return self.sort is None and not self.filters


@dataclass(frozen=True)
class RowOrder:
    """The rows a query keeps, in order: ``count`` of them, their file row numbers listed in the session table
    ``table`` (by its rowid), or every row as stored when ``table`` is None."""

    count: int
    table: str | None = None


@dataclass(frozen=True)
class Page:
    """Rows as the decoded table would hold them, and where each lies in the stored table."""

    frame: pd.DataFrame
    source_rows: np.ndarray


def decoded_dtypes(stored: StoredTable) -> list[Any]:
    """The dtype each column would have in pandas, read from the Parquet footer: what an empty table decodes
    to, except that integer and flag columns holding missing values decode as float and object."""
    empty = stored.schema.empty_table().to_pandas()
    parts = [pq.ParquetFile(reader).metadata for reader in stored.readers()]
    dtypes = []
    for name in stored.columns:
        dtype = empty[name].dtype
        if isinstance(dtype, np.dtype) and dtype.kind in "iub" and any(_has_nulls(part, name) for part in parts):
            dtype = np.dtype("float64") if dtype.kind in "iu" else np.dtype("object")
        dtypes.append(dtype)
    return dtypes


def _has_nulls(metadata: pq.FileMetaData, name: str) -> bool:
    """Whether a part may hold missing values in column ``name`` (it has rows but not the column: an earlier
    part of a table whose later export gained it)."""
    positions = {metadata.schema.column(i).name: i for i in range(metadata.num_columns)}
    if name not in positions:
        return metadata.num_rows > 0
    stats = [metadata.row_group(g).column(positions[name]).statistics for g in range(metadata.num_row_groups)]
    return any(s is None or not s.has_null_count or s.null_count for s in stats)


def run_watched(cursor: duckdb.DuckDBPyConnection, sql: str, *, progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled, arrow: bool = False) -> Any:
    """Run ``sql`` while a watcher thread reports DuckDB's progress and interrupts the query once
    ``cancelled()`` turns true; its rows (as an Arrow table when ``arrow``), or None when interrupted."""
    import duckdb

    if cancelled():
        return None
    done = threading.Event()

    def watch() -> None:
        while not done.wait(WATCH_SECONDS):
            if cancelled():
                cursor.interrupt()
                return
            share = cursor.query_progress()
            if share >= 0:
                progress(min(share / 100, 0.99))

    watcher = threading.Thread(target=watch, name="query-watch", daemon=True)
    watcher.start()
    try:
        return cursor.sql(sql).to_arrow_table() if arrow else cursor.execute(sql).fetchall()
    except duckdb.InterruptException:
        return None
    finally:
        done.set()
        watcher.join()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _contains_pattern(text: str) -> str:
    """``text`` as an ILIKE pattern that finds it anywhere, with LIKE's own wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return _literal(f"%{escaped}%")


def _arrow_text(field_type: pa.DataType) -> Callable[[pa.Array], pa.Array]:
    """The cell text of a number or time column as the in-memory grid filters it: the values in their stored
    type (DuckDB hands zoned times over in UTC) cast to text by Arrow, NaN missing."""

    def text(values: pa.Array) -> pa.Array:
        values = values.cast(field_type)
        if pa.types.is_floating(field_type):
            values = pc.if_else(pc.is_nan(values), pa.scalar(None, field_type), values)
        return pc.cast(values, pa.string())

    return text


def check_excel_rows(rows: int) -> None:
    """:class:`ExportFailed` when ``rows`` (and a header) are more than an Excel sheet holds."""
    if rows + 1 > EXCEL_MAX_ROWS:
        raise ExportFailed(QT_TRANSLATE_NOOP("Export", "the table shows {rows:,} rows and an Excel sheet holds "
                                                       "{most:,}. Filter it to fewer rows, or export it as CSV.")
                           .format(rows=rows, most=EXCEL_MAX_ROWS - 1))


class TablePages:
    """One stored table's rows for a grid: orders for queries, pages of an order, exports. Thread-safe: the
    session opens once (on first use, off the UI thread) and every call runs on a cursor of its own."""

    def __init__(self, stored: StoredTable) -> None:
        self.stored = stored
        self.columns = list(stored.columns)
        self.dtypes = decoded_dtypes(stored)
        self._lock = threading.Lock()
        self._backend: Any = None  # the Ibis DuckDB backend: it owns the connection
        self._scan = ""
        self._names: list[str] = []  # the columns as DuckDB names them (it renames names equal but for case)
        self._texts: list[str] = []  # each column's cell text for filters, as SQL
        self._text_columns: set[int] = set()  # columns DuckDB reads as text
        self._sort_keys: list[str] = []
        self._tables = itertools.count()

    # --- the session ---------------------------------------------------------------------------------
    def _cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._backend is None:
                self._open()
            return self._backend.con.cursor()

    def _open(self) -> None:
        import duckdb

        from usagelens.analytics.definitions.duckdb_backend import connect

        backend = connect()
        self._scan = parquet_parts.scan(parquet_files(self.stored))
        described = backend.con.execute(f"DESCRIBE SELECT * FROM {self._scan}").fetchall()
        kinds = {name: kind for name, kind, *_ in described}
        fields = {field.name: field.type for field in self.stored.schema}
        duck_names = [name for name, *_ in described if name != ROW]
        by_arrow_name = dict(zip(self.stored.schema.names, duck_names, strict=True))
        self._names = [by_arrow_name[name] for name in self.columns]
        for position, (name, duck) in enumerate(zip(self.columns, self._names, strict=True)):
            column, kind, field_type = _quoted(duck), kinds[duck], fields[name]
            self._sort_keys.append(f"(CASE WHEN isnan({column}) THEN NULL ELSE {column} END)"
                                   if kind in ("DOUBLE", "FLOAT") else column)
            if kind == "VARCHAR":
                self._texts.append(column)
                self._text_columns.add(position)
            elif kind == "BOOLEAN":  # yes/no, or Python's words where gaps make pandas hold the flags as objects
                yes, no = ("yes", "no") if pd.api.types.is_bool_dtype(self.dtypes[position]) else ("True", "False")
                self._texts.append(f"(CASE WHEN {column} THEN '{yes}' WHEN NOT {column} THEN '{no}' END)")
            elif pa.types.is_integer(field_type):
                self._texts.append(f"CAST({column} AS VARCHAR)")
            else:
                function = f"grid_text_{position}"
                try:
                    text = _arrow_text(field_type)
                    text(pa.array([], field_type))
                    backend.con.create_function(function, text, [duckdb.sqltype(kind)], duckdb.sqltype("VARCHAR"),
                                                type="arrow", side_effects=False)
                    self._texts.append(f"{function}({column})")
                except (pa.ArrowException, duckdb.Error):  # a type Arrow cannot write as text: DuckDB's text
                    self._texts.append(f"CAST({column} AS VARCHAR)")
        self._backend = backend

    def close(self) -> None:
        """End the session (its order tables go with it)."""
        with self._lock:
            if self._backend is not None:
                self._backend.disconnect()
                self._backend = None

    # --- queries -------------------------------------------------------------------------------------
    def _where(self, filters: Sequence[ColumnFilter]) -> str:
        tests = []
        for column, text in filters:
            columns = range(len(self.columns)) if column is None else [column]
            pattern = _contains_pattern(text)
            tests.append("(" + " OR ".join(f"coalesce({self._texts[c]} ILIKE {pattern} ESCAPE '\\', false)"
                                           for c in columns) + ")")
        return f"WHERE {' AND '.join(tests)}" if tests else ""

    def _order_by(self, sort: tuple[int, bool] | None) -> str:
        if sort is None:  # DuckDB keeps the scan's order (its preserve_insertion_order): no sort needed
            return ""
        column, ascending = sort
        return f"ORDER BY {self._sort_keys[column]} {'ASC' if ascending else 'DESC'} NULLS LAST, {ROW}"

    def _select(self, query: TableQuery, columns: str) -> str:
        return f"SELECT {columns} FROM {self._scan} {self._where(query.filters)} {self._order_by(query.sort)}"

    def order(self, query: TableQuery, cancelled: Cancelled = never_cancelled) -> RowOrder | None:
        """The rows ``query`` keeps, in order; None once ``cancelled()`` (the query is interrupted)."""
        if query.keeps_all:
            return RowOrder(self.stored.rows)
        cursor = self._cursor()
        try:
            table = f"grid_rows_{next(self._tables)}"
            result = run_watched(cursor, f"CREATE TABLE {table} AS {self._select(query, f'{ROW} AS source_row')}",
                                 cancelled=cancelled)
            if result is None:
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
                return None
            return RowOrder(int(result[0][0]), table)
        finally:
            cursor.close()

    def drop(self, order: RowOrder) -> None:
        """Forget an order nobody shows any more."""
        if order.table is not None and self._backend is not None:
            cursor = self._cursor()
            try:
                cursor.execute(f"DROP TABLE IF EXISTS {order.table}")
            finally:
                cursor.close()

    def page(self, order: RowOrder, start: int, stop: int) -> Page:
        """The rows at positions ``start`` to ``stop`` (excluded) of ``order``."""
        return self.rows(order, np.arange(start, min(stop, order.count)))

    def rows(self, order: RowOrder, positions: np.ndarray) -> Page:
        """The rows at ``positions`` of ``order`` (ascending), for a page or a copied selection."""
        cursor = self._cursor()
        try:
            if order.table is None or not len(positions):
                source = positions.astype(np.int64)
            else:
                low, high = int(positions[0]), int(positions[-1])
                listed = cursor.execute(f"SELECT source_row FROM {order.table} WHERE rowid BETWEEN {low} AND {high} "
                                        "ORDER BY rowid").fetchnumpy()["source_row"]
                source = np.asarray(listed, dtype=np.int64)[positions - low]
            return Page(self._stored_rows(cursor, source), source)
        finally:
            cursor.close()

    def _stored_rows(self, cursor: duckdb.DuckDBPyConnection, source: np.ndarray) -> pd.DataFrame:
        """The stored table's rows at file row numbers ``source``, in that order."""
        wanted, back = np.unique(source, return_inverse=True)
        columns = ", ".join(_quoted(name) for name in self._names)
        if not len(wanted):
            where = "WHERE false"
        elif wanted[-1] - wanted[0] + 1 == len(wanted):
            where = f"WHERE {ROW} BETWEEN {wanted[0]} AND {wanted[-1]}"
        elif len(wanted) <= IN_LIST_ROWS:
            where = f"WHERE {ROW} IN ({', '.join(map(str, wanted))})"
        else:
            cursor.register("grid_wanted", pa.table({"row": wanted}))
            where = f"WHERE {ROW} BETWEEN {wanted[0]} AND {wanted[-1]} AND {ROW} IN (SELECT row FROM grid_wanted)"
        table = cursor.sql(f"SELECT {columns}, {ROW} FROM {self._scan} {where}").to_arrow_table()
        table = table.sort_by(ROW)
        return self._decoded(table.drop_columns([ROW])).take(back).reset_index(drop=True)

    def _decoded(self, table: pa.Table) -> pd.DataFrame:
        """DuckDB's columns in their stored Arrow types, then in pandas as the decoded table has them."""
        arrays = []
        for column, field in zip(table.columns, (self.stored.schema.field(name) for name in self.columns),
                                 strict=True):
            try:
                arrays.append(column.cast(field.type))
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                arrays.append(column)
        frame = pa.Table.from_arrays(arrays, names=self.columns).to_pandas()
        frame.columns = pd.Index(self.columns)  # the labels as the decoded table has them
        return frame

    # --- exports -------------------------------------------------------------------------------------
    def write_csv(self, query: TableQuery, path: str | Path, *, progress: Progress = no_progress,
                  cancelled: Cancelled = never_cancelled) -> None:
        """The kept rows, in order, streamed by DuckDB to a UTF-8 CSV with a header (atomically). Text that a
        spreadsheet would run as a formula gets a leading apostrophe, as in :func:`usagelens.io.write_csv`."""
        names = [self._inert(name) for name in self.columns]
        # DuckDB renames output columns equal but for case ("Flag", "flag"): then the header is written here.
        own_header = len({name.casefold() for name in names}) < len(names)
        cells = ", ".join(f"{self._csv_cell(c)} AS {_quoted(name)}" for c, name in enumerate(names))
        cursor = self._cursor()
        try:
            cursor.execute("SET enable_progress_bar = true")
            cursor.execute("SET enable_progress_bar_print = false")
            with replacing(path) as temporary:
                body = temporary.with_name(temporary.name + ".rows") if own_header else temporary
                target = str(body).replace("'", "''")
                copy = f"COPY ({self._select(query, cells)}) TO '{target}' (FORMAT csv, HEADER {not own_header})"
                try:
                    if run_watched(cursor, copy, progress=progress, cancelled=cancelled) is None:
                        raise ExportCancelled
                    if own_header:
                        with open(temporary, "w", encoding="utf-8", newline="") as handle, open(body) as rows:
                            csv.writer(handle, lineterminator="\n").writerow(names)
                            shutil.copyfileobj(rows, handle)
                finally:
                    if own_header:
                        body.unlink(missing_ok=True)
        finally:
            cursor.close()
        progress(1.0)

    def _csv_cell(self, column: int) -> str:
        name = _quoted(self._names[column])
        if column not in self._text_columns:  # numbers and times as they are, NaN as missing
            return self._sort_keys[column]
        starts = " OR ".join(f"starts_with({name}, {_literal(start)})" for start in CSV_FORMULA_STARTS)
        return (f"(CASE WHEN ({starts}) AND NOT regexp_full_match({name}, {_literal(_PLAIN_NUMBER.pattern)}) "
                f"THEN '''' || {name} ELSE {name} END)")

    @staticmethod
    def _inert(name: str) -> str:
        return "'" + name if name.startswith(CSV_FORMULA_STARTS) else name

    def write_xlsx(self, query: TableQuery, rows: int, path: str | Path, sheet: str, *,
                   progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> None:
        """The ``rows`` kept rows, in order, as one Excel sheet by the app's writer; refused, before anything is
        read, when they are more than a sheet holds."""
        check_excel_rows(rows)
        cursor = self._cursor()
        try:
            columns = ", ".join(_quoted(name) for name in self._names)
            table = run_watched(cursor, self._select(query, columns), progress=lambda share: progress(0.2 * share),
                                cancelled=cancelled, arrow=True)
        finally:
            cursor.close()
        if table is None:
            raise ExportCancelled
        write_xlsx({sheet: self._decoded(table)}, path, progress=lambda share: progress(0.2 + 0.8 * share),
                   cancelled=cancelled)
