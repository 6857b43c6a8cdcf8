"""Event logs of big saved sources built by DuckDB from their stored Parquet, never decoded into pandas.

The log of a saved source is normally stored once and mapped on every later open (:mod:`stored_logs`). But
the first open after a change of its recipe (or of the pseudonym key, or of its roles) has to clean and
encode again, and through pandas that meant decoding the whole raw table, running the recipe on it and
encoding the result: about 1.7 GB and half a minute at 10M events, and more memory than a laptop has at
100M. Here DuckDB does it instead: the stored table is scanned where it lies (a copy of its Parquet in the
user cache), the recipe runs as its compiled query (:mod:`usagelens.cleaning.compiled`), and the cleaned
rows stream, sorted, into the memory-mapped log (:func:`usagelens.analytics.mapped_log.build_mapped_log`),
with the running task's progress and cancel (:mod:`task_context`).

A source takes this path only when it is big, saved and not already decoded, its time column is stored as
timestamps, and its recipe compiles; anything else is left to pandas, which gives the same numbers (the
conformance suite and this module's tests hold the two paths equal) and its own messages.
"""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

import pyarrow as pa

from usagelens.analytics.mapped_log import build_mapped_log
from usagelens.model import Project, Source, unpacked_tables
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.paths import trim_cache
from usagelens.workspace import task_context

log = logging.getLogger(__name__)

ENGINE_FROM_ROWS = 2_000_000  # below this pandas cleans and encodes in a few seconds within little memory
ROW_NUMBER = "file_row_number"


def takes_engine_path(source: Source) -> bool:
    """Whether the source's log should be built by DuckDB: big, stored, not decoded, times stored as times."""
    stored = stored_table(source)
    if stored is None or stored.decoded or stored.rows < ENGINE_FROM_ROWS:
        return False
    time = source.column("timestamp")
    return time in stored.schema.names and pa.types.is_timestamp(stored.schema.field(time).type)


def build_with_engine(project: Project, source: Source, folder: Path, *, key: str) -> bool:
    """Build the source's cleaned, encoded log into ``folder`` with DuckDB; False when its recipe cannot be
    compiled or DuckDB fails (the caller then uses pandas). A cancel raises ``BuildCancelled``."""
    import duckdb  # DuckDB and Ibis load only when a big source needs them, never at start-up

    from usagelens.analytics.definitions.duckdb_backend import connect, read_parquet_rows
    from usagelens.analytics.definitions.view import standard_view
    from usagelens.cleaning.compiled import CannotCompile, compile_recipe

    stored = stored_table(source)
    assert stored is not None
    # The session is not closed here: the recipe's cached intermediate tables drop themselves when their
    # expressions are collected, and would fail on a closed session; it goes with them.
    con = connect()
    try:
        raw = read_parquet_rows(con, parquet_files(stored))
        steps = project.recipes.get(source.id, [])
        cleaned = compile_recipe(raw, steps, roles=source.roles, pseudonym_key=project.pseudonym_key,
                                 order=ROW_NUMBER).table
        user, time, event = (source.column(role) for role in ("user_id", "timestamp", "event"))
        if not {user, time, event} <= set(cleaned.columns):
            return False  # the recipe took a role's column away: pandas says so in its own words
        properties = [c for c in cleaned.columns if c not in {user, time, event, ROW_NUMBER}]
        view = standard_view(cleaned, user=user, time=time, event=event, properties=properties, tie_break=ROW_NUMBER)
        build_mapped_log(view, folder, key=key, properties=properties, progress=task_context.progress,
                         cancelled=task_context.cancelled)
    except CannotCompile as exc:
        log.info("The recipe of %s runs with pandas: %s", source.name, exc)
        return False
    except duckdb.Error as exc:
        log.warning("DuckDB could not build the log of %s, pandas will: %s", source.name, exc)
        return False
    return True


def parquet_files(stored: StoredTable) -> tuple[Path, ...]:
    """The stored table's Parquet as files DuckDB can scan (:func:`usagelens.analytics.definitions.
    duckdb_backend.read_parquet_rows` reads them as one table): a table kept on disk is its parts already;
    bytes are written once per content into the user cache (atomically, so a half-written copy is never
    read), touched on every use so the budget keeps it."""
    if stored.parts:
        for part in stored.parts:
            os.utime(part)
        return stored.parts
    folder = unpacked_tables.tables_folder()
    path = folder / f"{stored.fingerprint}.parquet"
    if path.exists():
        os.utime(path)
        return (path,)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{path.name}.{uuid.uuid4().hex}"
    try:
        partial.write_bytes(stored.data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    trim_cache(folder, unpacked_tables.TABLES_BUDGET, keep=path)
    return (path,)
