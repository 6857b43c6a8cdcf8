"""Which path answers the metrics of an events file: the numpy accelerators in memory, or the definitions on DuckDB.

Both paths expose functions with the same names and parameters (:mod:`usagelens.analytics` and
:mod:`usagelens.analytics.definitions`, checked equal by the conformance suite), so a caller runs
``opened.metrics.funnel(opened.data, …)`` whichever path was chosen.

The choice (design §7): data held in memory is answered by the accelerators; a file is read into memory
when it is small enough for that to be the quicker way and to fit comfortably in RAM. Otherwise DuckDB reads
it where it lies — Parquet directly, delimited text converted once to cached Parquet
(:mod:`usagelens.io.event_parquet`) — so a file larger than memory never enters Python; and once its
memory-mapped accelerator log is built (``--engine memory``), the kernels answer from that.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import ModuleType

import pyarrow as pa
import pyarrow.parquet as pq

import usagelens.analytics as accelerators
from usagelens.analytics import AnalysisError, EventLog
from usagelens.io import parse_timestamps, read_table
from usagelens.io.errors import missing_columns_message
from usagelens.io.event_parquet import BY_USER, ROWS_ORDER, USABLE, USER_KEY, EventParquet, unsupported_reason
from usagelens.io.size_estimate import estimated_rows
from usagelens.model.entities import ImportOptions
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.paths import cache_folder, physical_memory

# Reading and encoding costs about 150 bytes per event in memory (tests/benchmarks/RESULTS.md, 10M events).
MEMORY_BYTES_PER_EVENT = 150
# From about here one analysis of a file is quicker on DuckDB than reading and encoding it in memory
# (tests/benchmarks/bench_cli_engine.py); below it, the in-memory path is quicker and reads every format.
DUCKDB_FROM_ROWS = 2_000_000


class Engine(StrEnum):
    AUTO = "auto"
    MEMORY = "memory"
    DUCKDB = "duckdb"


@dataclass(frozen=True)
class OpenedEvents:
    """Events ready for metrics: ``metrics.<name>(data, …)`` runs on the chosen path; ``notes`` are warnings."""

    data: object  # an EventLog (memory) or an Ibis standard view (duckdb)
    metrics: ModuleType
    engine: Engine
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Columns:
    user: str
    time: str
    event: str


def fits_in_memory(rows: int, memory: int | None = None) -> bool:
    """Whether reading ``rows`` events into memory stays within a quarter of the machine's RAM."""
    ram = memory if memory is not None else physical_memory()
    return ram is None or rows * MEMORY_BYTES_PER_EVENT <= ram // 4


def choose_engine(requested: Engine, *, rows: int, duckdb_reason: str | None, memory: int | None = None) -> Engine:
    """The path for a file of about ``rows`` events; ``duckdb_reason`` says why DuckDB cannot read it (or None).

    :class:`AnalysisError` when the requested path cannot take the file.
    """
    if requested is Engine.DUCKDB and duckdb_reason:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "the DuckDB engine cannot read this file ({reason}); use --engine memory").format(
            reason=duckdb_reason))
    if requested is not Engine.AUTO:
        return requested
    if duckdb_reason:
        return Engine.MEMORY
    return Engine.DUCKDB if rows >= DUCKDB_FROM_ROWS or not fits_in_memory(rows, memory) else Engine.MEMORY


def open_events(
    path: str | os.PathLike[str],
    options: ImportOptions,
    columns: Columns,
    engine: Engine,
    *,
    say: Callable[[str], None] = lambda _text: None,
    with_properties: bool = False,
) -> OpenedEvents:
    """The events of an export on the path ``engine`` asks for (``auto``: :func:`choose_engine`).

    The accelerators read a file that fits in memory as it is; one too big for that is read by DuckDB, and
    ``memory`` then encodes it once into a memory-mapped log in the user cache (:mod:`usagelens.analytics.
    accelerator_cache`), which ``auto`` uses from then on instead of DuckDB. ``say`` hears of the one-off
    work (a conversion, an accelerator build) before it starts. ``with_properties`` keeps the export's other
    columns as event properties (a gallery analysis may break down by one).
    """
    rows = estimated_rows(path) or 0
    parquet = _is_parquet(path)
    reason = _parquet_reason(path, columns) if parquet else unsupported_reason(path, options)
    chosen = choose_engine(engine, rows=rows, duckdb_reason=reason)
    if chosen is Engine.MEMORY and (reason or fits_in_memory(rows)):
        return in_memory(path, options, columns, with_properties=with_properties)
    # Imported here: Ibis and DuckDB take half a second to load, which a small file read in memory never needs.
    import usagelens.analytics.definitions as definitions
    from usagelens.analytics import accelerator_cache
    from usagelens.analytics.definitions import duckdb_backend
    from usagelens.analytics.mapped_log import UnusableLog, open_mapped_log
    from usagelens.io.event_parquet import convert_events

    con = duckdb_backend.connect()
    if parquet:
        stored, notes, usable = Path(path), (), None
        identity = accelerator_cache.file_fingerprint(stored)
    else:
        roles = {"user": columns.user, "time": columns.time, "event": columns.event}
        converted = convert_events(con.con, path, options, **roles, folder=cache_folder("converted"), say=say,
                                   with_properties=with_properties)
        if converted.unread_times and engine is not Engine.DUCKDB and fits_in_memory(converted.rows):
            # other date formats: the in-memory reader knows them all
            return in_memory(path, options, columns, with_properties=with_properties)
        stored, notes, usable = converted.path, _time_notes(converted, columns.time), USABLE
        identity = f"converted {stored.name}"  # named by the export it came from (its use touches its mtime)
    roles = {columns.user, columns.time, columns.event, USABLE, USER_KEY}
    schema = pq.read_schema(stored)
    stored_columns = schema.names
    properties = [name for name in stored_columns if name not in roles] if with_properties else []
    # a conversion cached before the user number existed (or a Parquet passed as it is) reads by the text id
    user_key = USER_KEY if usable is not None and USER_KEY in stored_columns else None
    in_user_order = (schema.metadata or {}).get(ROWS_ORDER.encode()) == BY_USER.encode()
    view = duckdb_backend.register_parquet(
        con, stored, user=columns.user, time=columns.time, event=columns.event, properties=properties,
        usable=usable, user_key=user_key, in_user_order=in_user_order,
    )
    if engine is Engine.DUCKDB:
        return OpenedEvents(view, definitions, Engine.DUCKDB, notes)
    key = accelerator_cache.cache_key(identity, None, properties)
    try:
        log = open_mapped_log(accelerator_cache.cache_folder(key), key=key)
    except UnusableLog:
        if chosen is not Engine.MEMORY:
            return OpenedEvents(view, definitions, Engine.DUCKDB, notes)
        say(f"encoding {Path(path).name} for the accelerators (once; later runs map it from the cache)")
        log = accelerator_cache.accelerated_log(key, lambda: view, properties=properties)
    return OpenedEvents(log, accelerators, Engine.MEMORY, notes)


def _time_notes(converted: EventParquet, time: str) -> tuple[str, ...]:
    if converted.unread_times and not converted.read_times:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "no value in column {time!r} could be read as an ISO date and time").format(time=time))
    if not converted.unread_times:
        return ()
    return (
        f"{converted.unread_times} value(s) in column {time!r} are not ISO dates; rows skipped "
        "(--engine memory reads other date formats)",
    )


def in_memory(path: str | os.PathLike[str], options: ImportOptions, columns: Columns, *,
              with_properties: bool = False) -> OpenedEvents:
    """The export read whole, its times parsed by every rule of :mod:`usagelens.io.timestamps`, and encoded
    (with its other columns as event properties when asked)."""
    frame = read_table(path, options, times=[columns.time])
    _require(columns, list(frame.columns))
    present = int(frame[columns.time].notna().sum())
    times, failed = parse_timestamps(frame[columns.time], options.date_order)
    if present and failed >= present:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "no value in column {column!r} could be read as a date and time").format(column=columns.time))
    notes = (f"{failed} value(s) in column {columns.time!r} are not dates; rows skipped",) if failed else ()
    properties = [c for c in frame.columns if c not in {columns.user, columns.time, columns.event}]
    log = EventLog.from_frame(
        frame.assign(**{columns.time: times}), user=columns.user, time=columns.time, event=columns.event,
        properties=properties if with_properties else (),
    )
    return OpenedEvents(log, accelerators, Engine.MEMORY, notes)


def _require(columns: Columns, known: list[str]) -> None:
    problem = missing_columns_message((columns.user, columns.time, columns.event), known)
    if problem:
        raise AnalysisError(problem)


def _is_parquet(path: str | os.PathLike[str]) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"PAR1"


def _parquet_reason(path: str | os.PathLike[str], columns: Columns) -> str | None:
    """Why DuckDB cannot read the Parquet file as events itself: a missing column, or times stored as text (the
    in-memory reader knows every text format; DuckDB only ISO)."""
    schema = pq.read_schema(path)
    _require(columns, schema.names)
    kind = schema.field(columns.time).type
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        return None
    stored = "text" if pa.types.is_string(kind) or pa.types.is_large_string(kind) else str(kind)
    return f"column {columns.time!r} holds {stored}, not timestamps"
