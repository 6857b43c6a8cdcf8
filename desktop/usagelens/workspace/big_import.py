"""Importing an events export too big for memory: DuckDB converts it, streamed, into Parquet the project keeps.

The in-memory import reads a table into pandas, and a project holds at most what pandas can decode (200M
cells, about 25M events in 8 columns). A bigger events export is instead converted by DuckDB, never whole in
memory, into Parquet stored under its digest in the user cache; the source holds it as a table kept on disk
(:class:`usagelens.model.stored_table.StoredTable`), which the project file streams in and out, the analyses
read through the DuckDB-built event log (:mod:`engine_logs`), and step 2's grid and step 3's checks query
where it lies. The user id, the event and every other column stay the text the file holds; times must be
ISO 8601 (the in-memory import's other date formats need the file in memory). Personal columns the user chose
to pseudonymise or drop are taken out by the conversion itself, so their plain values never reach a file.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from usagelens.io.errors import ImportFailed, display_name
from usagelens.io.event_parquet import convert_whole_export, unsupported_reason
from usagelens.io.refresh import Refreshed
from usagelens.io.size_estimate import estimated_rows
from usagelens.io.source_builder import NO_DATA_ROWS, ROLE_LABELS
from usagelens.io.tables import read_preview
from usagelens.model import ImportOptions, ProtectedColumn, Source, SourceKind
from usagelens.model.file_limits import too_many_cells
from usagelens.model.stored_table import StoredTable, column_names, held_table, row_count
from usagelens.model.table_identity import file_digest
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.paths import cache_folder
from usagelens.workspace.personal_on_disk import without_personal
from usagelens.workspace.query_watch import QueryWatcher


def needs_engine_import(path: str | os.PathLike[str], options: ImportOptions, kind: SourceKind, columns: int,
                        room_cells: int) -> bool:
    """Whether an export must go through DuckDB: an events export whose estimated size, with its ``columns``,
    does not fit the cells the project has left for tables in memory."""
    if kind is not SourceKind.EVENTS:
        return False
    rows = estimated_rows(path)
    return rows is not None and rows * max(columns, 1) > room_cells


def import_big_events(
    path: str | os.PathLike[str],
    options: ImportOptions,
    roles: Mapping[str, str],
    *,
    room_cells: int,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
    protected: Sequence[ProtectedColumn] = (),
    key: str = "",
    one_way_key: str = "",
) -> Source:
    """The export as an events source whose table is kept on disk; :class:`ImportFailed` when DuckDB cannot
    read it (saying why the in-memory import cannot take it either), :class:`ImportCancelled` when the user
    cancels (DuckDB interrupted, nothing left behind).

    The ``protected`` personal columns are pseudonymised (with ``key``, or ``one_way_key`` for one-way ones) or
    left out by the conversion itself, so their values are never written anywhere; the source records those
    the export has, as the in-memory import does (:func:`usagelens.workspace.personal_data.protect_new_source`).
    """
    import duckdb
    import ibis

    from usagelens.analytics.definitions.duckdb_backend import connect, query_rows

    reason = unsupported_reason(path, options)
    if reason is not None:
        rows = estimated_rows(path) or 0
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{problem} (A file this big is read by DuckDB, which cannot "
                                                       "read this one: {reason}.)").format(
            problem=too_many_cells(display_name(path), rows, 0, room_cells, about=True), reason=reason))
    folder = cache_folder("tables")
    folder.mkdir(parents=True, exist_ok=True)
    converted = folder / f".import-{os.getpid()}-{threading.get_ident()}.parquet"
    backend = connect()
    con = backend.con  # type: ignore[attr-defined]
    exported: list[str] = []  # the export's columns, as DuckDB reads them

    def shaped(rows: str) -> str:
        table = query_rows(backend, rows)
        exported.extend(table.columns)
        return str(ibis.to_sql(without_personal(table, protected, key=key, one_way_key=one_way_key),
                               dialect="duckdb"))

    try:
        with QueryWatcher(con, lambda share: progress(share * 0.95), cancelled):
            whole = convert_whole_export(con, path, options, time=roles["timestamp"], target=converted,
                                         shaped=shaped if protected else None)
    except duckdb.InterruptException:
        raise ImportCancelled from None
    try:
        if cancelled():  # pressed as the conversion ended: cancelling wins, as it does everywhere
            raise ImportCancelled
        if whole.rows == 0:
            raise ImportFailed(NO_DATA_ROWS.format(name=display_name(path)))
        fingerprint = file_digest(converted)
        kept = folder / f"{fingerprint}.parquet"
        os.replace(converted, kept)
    finally:
        converted.unlink(missing_ok=True)
    progress(1.0)
    stored = StoredTable.on_disk(kept, f"{display_name(path)}", fingerprint)
    return Source(
        name=Path(path).stem, kind=SourceKind.EVENTS, table=stored, file_name=Path(path).name,
        roles=dict(roles), options=options, imported_at=datetime.now(UTC), failed_timestamps=whole.timeless,
        protected=[p for p in protected if p.column in exported],
    )


def refresh_big_events(
    source: Source,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
    key: str = "",
    one_way_key: str = "",
) -> Refreshed:
    """:func:`usagelens.io.refresh.refresh_source` for a source whose table is kept on disk: the new export is
    converted by DuckDB as the first was (its options and roles, its personal columns taken out with ``key`` or
    ``one_way_key``), never read into pandas, and the old table is only counted from its Parquet footer;
    :class:`ImportFailed` when a role's column is missing from the new export (checked on its first rows, before
    a long conversion), so the old table is never replaced by a wrong one."""
    header = {str(c) for c in read_preview(path, source.options, rows=1).columns}
    for role, column in source.roles.items():
        if column not in header:
            raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} has no column '{column}' for {role}; export it with "
                                                           "the columns of the first.").format(
                name=display_name(path), column=column, role=ROLE_LABELS.get(role, role)))
    fresh = import_big_events(path, source.options, source.roles, room_cells=0, progress=progress,
                              cancelled=cancelled, protected=source.protected, key=key, one_way_key=one_way_key)
    old_columns, new_columns = column_names(source), column_names(fresh)
    fields: dict[str, object] = {
        "table": held_table(fresh),
        "file_name": display_name(path),
        "files": [],  # the new export replaces every file the source held
        "imported_at": fresh.imported_at or datetime.now(UTC),
        "failed_timestamps": fresh.failed_timestamps,
    }
    return Refreshed(
        fields=fields,
        rows_before=row_count(source),
        rows_after=row_count(fresh),
        added_columns=[c for c in new_columns if c not in old_columns],
        removed_columns=[c for c in old_columns if c not in new_columns],
    )


class ImportCancelled(Exception):
    """The user stopped the conversion (the worker reports it as cancelled, by this name)."""
