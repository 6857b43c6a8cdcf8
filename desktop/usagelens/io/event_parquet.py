"""An events export converted once to Parquet by DuckDB, streamed, for data too big to read into memory.

Reading a 10M-event CSV into pandas costs about 1.5 GB and most of a command's time; DuckDB's CSV reader
parses it in parallel straight into Parquet with bounded memory (design §7: "a file source is converted once
to Parquet, streamed"). Only the user, time and event columns are kept, user ids and event names as text
(DuckDB's sniffer would turn ``007`` into 7), times as UTC timestamps. The rows are stored by user, then time,
then their order in the export (DuckDB preserves insertion order while reading it), so the Parquet row number
orders each user's events and breaks ties between events at one instant as the export did.

Times DuckDB reads natively are ISO 8601 ones (with or without a UTC offset); a file whose times are in
another format (``31/12/2025``, Unix seconds, GA4's ``YYYYMMDDHH``) converts with those rows unread and
counted, and the caller decides (the CLI reads such a file in memory, where every format of
:mod:`usagelens.io.timestamps` is known). Conversions are cached by file, size, modification time and
options, so the next command on the same export starts at once; the cache keeps a size budget.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from usagelens.io.errors import ImportFailed, display_name, missing_columns_message
from usagelens.io.formats import GZIP_MAGIC, ZIP_MAGIC
from usagelens.model.entities import ImportOptions
from usagelens.model.translatable import QT_TRANSLATE_NOOP, said
from usagelens.paths import trim_cache

FORMAT_VERSION = 4  # 3: the user number column; 4: rows in each user's order (files of 3 read by (time, row))
# What DuckDB's CSV reader decodes without extensions (which it would download: no network here).
_ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "ascii": "utf-8", "utf-16": "utf-16", "latin-1": "latin-1"}
_NATIVE_TIMES = ("TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S", "DATE")
UNREAD = "__usagelens_unread_time"
USABLE = "__usagelens_usable"
# Each usable row's user numbered 1, 2, … in the order of the text ids (DuckDB compares text bytewise, which is
# code point order, as Python's): a window partitioned by this integer sorts in half the time of the text id.
USER_KEY = "__usagelens_user_key"
# The Parquet key-value metadata saying how a conversion's rows are ordered: BY_USER (with_user_numbers) when each
# user's events lie together in reading order, so the file's row number orders a user's events by itself.
ROWS_ORDER, BY_USER = "usagelens_rows", "user number, time, export row"
# What a blank user or event may consist of: the characters Ibis' strip() removes on DuckDB, which is how the
# standard view (analytics.definitions.view) tells a blank value; tests/workspace/test_engine.py holds them equal.
_BLANK = " \t\n\r\x0b\x0c"


@dataclass(frozen=True)
class EventParquet:
    """A converted export: the Parquet file (columns named as in the export) and how its times read."""

    path: Path
    rows: int
    read_times: int
    unread_times: int  # non-blank time values DuckDB could not read as ISO 8601; their rows are left out


def unsupported_reason(path: str | os.PathLike[str], options: ImportOptions) -> str | None:
    """Why DuckDB cannot convert this export itself (then it is read in memory), or None when it can: marked, as
    the import of a file too big for memory says it.

    DuckDB reads plain or gzipped delimited text with one header line in UTF-8, UTF-16 or Latin-1; archives,
    workbooks, JSON and other encodings go through the in-memory readers that know them.
    """
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head.startswith(ZIP_MAGIC):
        return QT_TRANSLATE_NOOP("Import", "a zip archive or workbook")
    if Path(path).suffix.lower() in {".json", ".jsonl", ".ndjson", ".xlsx", ".xls", ".xlsm", ".ods", ".parquet"}:
        return QT_TRANSLATE_NOOP("Import", "not delimited text")
    if head.startswith(GZIP_MAGIC) and not str(path).lower().endswith(".gz"):
        return QT_TRANSLATE_NOOP("Import", "gzipped without a .gz name")
    if (options.encoding or "utf-8").lower() not in _ENCODINGS:
        return QT_TRANSLATE_NOOP("Import", "encoded as {encoding}").format(encoding=options.encoding)
    if options.header_rows != 1:
        return QT_TRANSLATE_NOOP("Import", "a header of several lines")
    if not options.delimiter:
        return QT_TRANSLATE_NOOP("Import", "no delimiter found")
    return None


def cache_key(path: str | os.PathLike[str], options: ImportOptions, columns: tuple[str, str, str]) -> str:
    """What identifies a conversion: the file (absolute path, size, modification time), options and columns."""
    stat = os.stat(path)
    facts = [FORMAT_VERSION, os.path.abspath(path), stat.st_size, stat.st_mtime_ns, repr(options), list(columns)]
    return hashlib.sha256(json.dumps(facts).encode()).hexdigest()[:32]


def convert_events(
    con: duckdb.DuckDBPyConnection,
    path: str | os.PathLike[str],
    options: ImportOptions,
    *,
    user: str,
    time: str,
    event: str,
    folder: Path,
    budget_bytes: int = 20 << 30,
    say: Callable[[str], None] | None = None,
    with_properties: bool = False,
) -> EventParquet:
    """The export's events as Parquet in ``folder`` (reused when converted before), the cache then trimmed to
    ``budget_bytes``; :class:`ImportFailed` with DuckDB's reason when it cannot read the file. ``say`` hears
    that a conversion starts (a minute for 100M events: the wait deserves a line). ``with_properties`` keeps
    the export's other columns too (as DuckDB types them), in the file's order."""
    columns = (user, time, event)
    key = cache_key(path, options, (*columns, "with properties") if with_properties else columns)
    target = folder / f"{key}.parquet"
    if target.exists():
        os.utime(target)  # most recently used: the last to be trimmed
    else:
        if say is not None:
            say(f"converting {display_name(Path(path))} to Parquet for DuckDB (once; later runs reuse it)")
        folder.mkdir(parents=True, exist_ok=True)
        _write(con, path, options, columns, target, with_properties=with_properties)
        trim_cache(folder, budget_bytes, keep=target)
    return _described(con, target)


def _reader(path: str | os.PathLike[str], options: ImportOptions, types: dict[str, str], **more: object) -> str:
    """The ``read_csv`` call for the export, with our dialect (not DuckDB's guess), the given column types and
    ``more`` of DuckDB's settings."""
    settings = {
        "delim": options.delimiter,
        "quote": '"',
        "escape": '"',
        "header": True,
        "skip": options.header_row,
        "encoding": _ENCODINGS[(options.encoding or "utf-8").lower()],
        **({"types": types} if types else {}),
        **more,
    }
    return f"read_csv({_literal(str(path))}, {', '.join(f'{k} = {_literal(v)}' for k, v in settings.items())})"


def _write(
    con: duckdb.DuckDBPyConnection,
    path: str | os.PathLike[str],
    options: ImportOptions,
    columns: tuple[str, str, str],
    target: Path,
    *,
    with_properties: bool = False,
) -> None:
    """Convert into a temporary file renamed into place, so an interrupted conversion never looks complete.

    Times first go as DuckDB's sniffer typed them when that is an ISO type; a later value that does not fit
    (the sniffer samples the head) makes DuckDB refuse the file, and the conversion reruns with the column
    read as text and cast value by value, unreadable ones counted.
    """
    user, time, event = columns
    text = {user: "VARCHAR", event: "VARCHAR"}
    partial = target.with_name(f".{target.stem}.{uuid.uuid4().hex}.partial")
    try:
        types = _column_types(con, _reader(path, options, {}), columns)
        kept = list(types) if with_properties else list(columns)
        raw = _name(time)
        try:
            if types[time] not in _NATIVE_TIMES:
                raise _NotNative
            time_sql = (f"CAST({raw} AS TIMESTAMP)", "false")
            _copy(con, _reader(path, options, text), columns, kept, time_sql, partial)
        except (_NotNative, duckdb.ConversionException, duckdb.InvalidInputException):
            parsed = f"TRY_CAST(TRIM({raw}) AS TIMESTAMPTZ)::TIMESTAMP"
            time_sql = (parsed, f"(TRIM({raw}) <> '' AND {parsed} IS NULL)")
            _copy(con, _reader(path, options, {**text, time: "VARCHAR"}), columns, kept, time_sql, partial)
        os.replace(partial, target)
    except _MissingColumns as missing:
        raise ImportFailed(said(missing)) from None
    except duckdb.Error as error:
        raise ImportFailed(_not_read(path, error)) from None
    finally:
        partial.unlink(missing_ok=True)


def _not_read(path: str | os.PathLike[str], error: duckdb.Error) -> str:
    return QT_TRANSLATE_NOOP("Import", "{name} could not be read by DuckDB: {problem}").format(
        name=display_name(Path(path)), problem=_first_line(error))


class _NotNative(Exception):
    """The sniffer did not type the time column as a timestamp: read it as text."""


class _MissingColumns(Exception):
    """A role column is not in the file: the same message as the in-memory reader gives."""


def _column_types(con: duckdb.DuckDBPyConnection, reader: str, columns: tuple[str, ...]) -> dict[str, str]:
    types = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM {reader}").fetchall()}
    problem = missing_columns_message(columns, list(types))
    if problem:
        raise _MissingColumns(problem)
    return types


def _copy(
    con: duckdb.DuckDBPyConnection,
    reader: str,
    columns: tuple[str, str, str],
    kept: list[str],
    time_sql: tuple[str, str],
    target: Path,
) -> None:
    """Write the ``kept`` columns, the time as ``time_sql`` makes it (its value, and whether it was unread),
    with a flag per row saying whether it has a user, a time and an event, so that the standard view tests
    one boolean instead of trimming text on every query, and each usable row's user number (:data:`USER_KEY`)."""
    user, time, event = (_name(column) for column in columns)
    values = ", ".join(f"{time_sql[0]} AS {time}, {time_sql[1]} AS {UNREAD}" if _name(name) == time else _name(name)
                       for name in kept)
    blank = _literal(_BLANK)
    usable = (
        f"{user} IS NOT NULL AND {event} IS NOT NULL AND {time} IS NOT NULL "
        f"AND TRIM({user}, {blank}) <> '' AND TRIM({event}, {blank}) <> ''"
    )
    read = f"SELECT {values} FROM {reader}"
    # Two passes: the rows as read, then again with their numbers, in each user's order (see with_user_numbers: a
    # file to scan twice in the same order). The first file is snappy, not zstd: written and read once, it costs
    # less CPU than it saves.
    rows = target.with_name(f"{target.name}.rows")
    try:
        con.execute(f"COPY (SELECT *, ({usable}) AS {USABLE} FROM ({read})) TO {_literal(str(rows))} "
                    "(FORMAT parquet, COMPRESSION snappy)")
        select = with_user_numbers(f"SELECT * FROM read_parquet({_literal(str(rows))})", user, USABLE, time)
        con.execute(f"COPY ({select}) TO {_literal(str(target))} (FORMAT parquet, COMPRESSION zstd, "
                    f"KV_METADATA {{{ROWS_ORDER}: {_literal(BY_USER)}}})")
    finally:
        rows.unlink(missing_ok=True)


def with_user_numbers(rows: str, user: str, usable: str, time: str) -> str:
    """The query ``rows`` with :data:`USER_KEY` added, sorted by it, then by ``time``, then by their order in
    ``rows``: the users of the rows where the SQL condition ``usable`` holds numbered 1, 2, … in the order of
    their ids (null on the other rows, which come last). ``rows`` must give the same rows in the same order each
    time it is scanned (a Parquet file: it is read twice).

    Each user's events then lie together in reading order (time, then the export's order at one instant), and
    the file's row number is that order (:data:`ROWS_ORDER`): a window over each user's events that orders by
    it gets its input presorted, which DuckDB sorts in about half the CPU time of the export's time order by
    (user number, time, row). Sorting every column here costs the conversion a sort of all its rows, once.
    """
    users = f"SELECT DISTINCT {user} FROM ({rows}) WHERE {usable}"
    keys = f"SELECT {user}, CAST(row_number() OVER (ORDER BY {user}) AS INTEGER) AS {USER_KEY} FROM ({users})"
    numbered = f"SELECT *, row_number() OVER () AS __row FROM ({rows})"
    return (
        f"WITH keys AS ({keys}) SELECT numbered.* EXCLUDE (__row), keys.{USER_KEY} FROM ({numbered}) AS numbered "
        f"LEFT JOIN keys ON numbered.{user} = keys.{user} ORDER BY keys.{USER_KEY} NULLS LAST, numbered.{time}, __row"
    )


def _described(con: duckdb.DuckDBPyConnection, target: Path) -> EventParquet:
    """Rows and read times from the Parquet footer (free even at 100M rows: a count query scanned for seconds);
    the unread times are counted only when a row group's statistics say there are some."""
    metadata = pq.ParquetFile(target).metadata
    names = metadata.schema.names
    time_index, unread_index = 1, names.index(UNREAD)
    groups = [metadata.row_group(index) for index in range(metadata.num_row_groups)]
    times = [group.column(time_index).statistics for group in groups]
    flags = [group.column(unread_index).statistics for group in groups]
    if any(stats is None or not stats.has_null_count or not stats.has_min_max for stats in [*times, *flags]):
        rows, read, unread = con.execute(  # no statistics (never seen from DuckDB): count
            f"SELECT count(*), count({_name(names[time_index])}), count(*) FILTER (WHERE {UNREAD}) "
            f"FROM read_parquet({_literal(str(target))})"
        ).fetchone()
        return EventParquet(target, int(rows), int(read), int(unread))
    unread = 0
    if any(stats.max for stats in flags):
        unread = con.execute(f"SELECT count(*) FROM read_parquet({_literal(str(target))}) WHERE {UNREAD}").fetchone()[0]
    missing_times = sum(stats.null_count for stats in times)
    return EventParquet(target, metadata.num_rows, metadata.num_rows - missing_times, int(unread))


def _name(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    return "'" + str(value).replace("'", "''") + "'"


def _first_line(error: Exception) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0][:200]


@dataclass(frozen=True)
class WholeExport:
    """An export converted with all its columns, for a project to keep (:func:`convert_whole_export`)."""

    path: Path
    rows: int
    timeless: int  # rows whose time is blank or could not be read


def convert_whole_export(
    con: duckdb.DuckDBPyConnection, path: str | os.PathLike[str], options: ImportOptions, *, time: str, target: Path,
    shaped: Callable[[str], str] | None = None,
) -> WholeExport:
    """Every column of the export into ``target`` (Parquet, streamed): the time column as UTC timestamps, every
    other column as the text the file holds (``007`` stays ``007`` in any column, as the user column must).
    ``shaped`` turns the query of those rows into the query whose rows are written, in the same pass (personal
    columns pseudonymised or left out, so their values never reach a file).

    Only ISO 8601 times are read (the in-memory import knows other formats, but a file this big cannot go
    there): when most of the first 100,000 non-blank times are not ISO, :class:`ImportFailed` says so before a
    long conversion starts. ``target`` is written whole or not at all.
    """
    reader = _reader(path, options, {}, all_varchar=True)
    partial = target.with_name(f".{target.stem}.{uuid.uuid4().hex}.partial")
    try:
        _column_types(con, reader, (time,))
        raw = _name(time)
        parsed = f"TRY_CAST(TRIM({raw}) AS TIMESTAMPTZ)::TIMESTAMP"
        written, unread = con.execute(
            f"SELECT count(*) FILTER (WHERE TRIM({raw}) <> ''), count(*) FILTER (WHERE TRIM({raw}) <> '' AND "
            f"{parsed} IS NULL) FROM (SELECT {raw} FROM {reader} LIMIT 100000)"
        ).fetchone()
        if written and unread > written / 2:
            raise ImportFailed(QT_TRANSLATE_NOOP(
                "Import", "{name} is too big to read into memory, and its times in column '{column}' are not in the "
                          "ISO 8601 form a file this big needs (like 2025-12-31 10:00:00 or 2025-12-31T10:00:00Z). "
                          "Export them in that form, or import a shorter period.").format(
                name=display_name(Path(path)), column=time))
        rows = f"SELECT * REPLACE ({parsed} AS {raw}) FROM {reader}"
        con.execute(f"COPY ({shaped(rows) if shaped else rows}) TO {_literal(str(partial))} "
                    "(FORMAT parquet, COMPRESSION zstd)")
        os.replace(partial, target)
    except _MissingColumns as missing:
        raise ImportFailed(said(missing)) from None
    except duckdb.InterruptException:
        raise
    except duckdb.Error as error:
        raise ImportFailed(_not_read(path, error)) from None
    finally:
        partial.unlink(missing_ok=True)
    metadata = pq.ParquetFile(target).metadata
    index = metadata.schema.names.index(time)
    stats = [metadata.row_group(g).column(index).statistics for g in range(metadata.num_row_groups)]
    timeless = sum(s.null_count for s in stats) if all(s is not None and s.has_null_count for s in stats) else (
        con.execute(f"SELECT count(*) - count({raw}) FROM read_parquet({_literal(str(target))})").fetchone()[0])
    return WholeExport(target, metadata.num_rows, int(timeless))
