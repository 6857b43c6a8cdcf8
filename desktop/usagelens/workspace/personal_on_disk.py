"""Personal data in a table kept on disk: found and taken out by DuckDB over its Parquet, never in pandas.

A big events import lies in the user cache as Parquet (:mod:`big_import`); decoding it into pandas to hash one
column would need more memory than the laptop has, so pseudonymising it was refused. Here DuckDB reads the
file where it lies, replaces each pseudonymised column with the backend's SHA-256 of the same text under the
same key (:func:`usagelens.cleaning.compiled.pseudonymise.pseudonyms`: the very pseudonyms of the in-memory
path), leaves dropped columns out and writes, streamed, a new Parquet into the cache under its digest. Rows keep
their order: a scan, a projection and a ``COPY`` with DuckDB's insertion order preserved (its default), so the
tie-break between simultaneous events is the row's place as before.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from usagelens.model import ProtectedColumn, Protection, unpacked_tables
from usagelens.model.stored_table import StoredTable
from usagelens.model.table_identity import file_digest
from usagelens.paths import trim_cache
from usagelens.workspace.query_watch import QueryWatcher

if TYPE_CHECKING:
    import ibis.expr.types as ir

ROW_NUMBER = "file_row_number"  # the scan's row number (duckdb_backend.read_parquet_rows), not a column of the table
KEPT_DETECTIONS = 16  # tables whose personal columns are remembered (by content)
_detected: dict[str, dict[str, str]] = {}
_lock = threading.Lock()


def detected_on_disk(stored: StoredTable) -> dict[str, str]:
    """The personal columns of a table kept on disk (column -> kind), decided by queries as pandas decides;
    found once per content (:func:`remember_detected`)."""
    from usagelens.analytics.definitions.duckdb_backend import connect, read_parquet_rows
    from usagelens.cleaning.compiled.context import CompileContext
    from usagelens.cleaning.compiled.personal import detect_personal_columns

    assert stored.path is not None
    with _lock:
        known = _detected.get(stored.fingerprint)
    if known is not None:
        return dict(known)
    found = detect_personal_columns(read_parquet_rows(connect(), stored.parts), CompileContext(order=ROW_NUMBER))
    remember_detected(stored.fingerprint, found)
    return found


def remember_detected(fingerprint: str, found: dict[str, str]) -> None:
    """Keep what step 3's check found in the table with ``fingerprint`` (on a worker, interruptibly): its
    Pseudonymise button asks again on the UI thread, which three scans of a 100M-row column would freeze."""
    with _lock:
        _detected.pop(fingerprint, None)
        _detected[fingerprint] = dict(found)
        while len(_detected) > KEPT_DETECTIONS:
            del _detected[next(iter(_detected))]


class RewriteCancelled(Exception):
    """The user stopped the rewrite (the worker reports it as cancelled, by this name); nothing was changed."""


def protect_on_disk(stored: StoredTable, columns: Sequence[ProtectedColumn], *, key: str, one_way_key: str,
                    progress: Callable[[float], None] = lambda _share: None,
                    cancelled: Callable[[], bool] = lambda: False) -> StoredTable:
    """A new table kept on disk: ``stored`` with ``columns`` pseudonymised (with ``key``, or ``one_way_key`` for
    one-way ones) or dropped, as :func:`usagelens.cleaning.pseudonymise.protect_table` does in pandas; columns
    it lacks are skipped. DuckDB's progress is reported; a cancel interrupts it (:class:`RewriteCancelled`)."""
    from usagelens.analytics.definitions.duckdb_backend import connect, read_parquet_rows

    assert stored.path is not None
    con = connect()
    table = without_personal(read_parquet_rows(con, stored.parts), columns, key=key, one_way_key=one_way_key)
    return write_kept(con.con, lambda target: con.to_parquet(table.drop(ROW_NUMBER), target, compression="zstd"),  # type: ignore[attr-defined]
                      stored.member, progress=progress, cancelled=cancelled)


def without_personal(rows: ir.Table, columns: Sequence[ProtectedColumn], *, key: str, one_way_key: str) -> ir.Table:
    """``rows`` with ``columns`` pseudonymised (with ``key``, or ``one_way_key`` for one-way ones) or left out,
    in place and in order; columns it lacks are skipped. The one expression of both a rewrite of a table kept on
    disk and a big import's conversion (:mod:`big_import`), so their pseudonyms are pandas' (same key, same
    hash)."""
    from usagelens.cleaning.compiled.pseudonymise import pseudonyms

    present = [p for p in columns if p.column in rows.columns]
    dropped = {p.column for p in present if p.protection is Protection.DROPPED}
    hashed = {p.column: pseudonyms(rows[p.column], one_way_key if p.protection is Protection.ONE_WAY else key,
                                   p.length)
              for p in present if p.column not in dropped}
    return rows.mutate(**hashed).drop(*dropped)


def write_kept(con: object, write: Callable[[Path], None], member: str, *, progress: Callable[[float], None],
               cancelled: Callable[[], bool]) -> StoredTable:
    """The table ``write`` puts (by one DuckDB statement on ``con``) into the Parquet file it is given, kept on
    disk under its digest in the tables folder; DuckDB's progress is reported and a cancel interrupts it
    (:class:`RewriteCancelled`, nothing left behind)."""
    import duckdb

    folder = unpacked_tables.tables_folder()
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".rewrite-{uuid.uuid4().hex}.parquet"
    try:
        try:
            with QueryWatcher(con, progress, cancelled):
                write(partial)
        except duckdb.InterruptException:
            raise RewriteCancelled from None
        if cancelled():  # pressed as the rewrite ended: cancelling wins, as it does everywhere
            raise RewriteCancelled
        fingerprint = file_digest(partial)
        path = folder / f"{fingerprint}.parquet"
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    kept = StoredTable.on_disk(path, member, fingerprint)
    trim_cache(folder, unpacked_tables.TABLES_BUDGET, keep=path)
    return kept
