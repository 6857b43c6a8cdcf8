"""Next month's export stacked under a table kept on disk, by DuckDB: neither table is ever read into pandas.

A big import's table is too big for memory, so :func:`usagelens.workspace.append.stack` (pandas) cannot take
it. Here the new export, already converted and protected as a refresh converts it, is matched against the kept
table with the very rules of the pandas stack: a new row already in the table (same key, nulls equal as pandas
compares them) or already earlier in the same export is left out, the first one kept; the table's rows come
first in their order, then the new rows in theirs; a column typed differently in the two becomes text (times of
two precisions stay times). The new rows are one anti-join, written streamed as a further part of the table
(:mod:`usagelens.model.parquet_parts`): appending 1M events to 100M writes 1M rows, not 101M. Only when a
column the two share changed type is the whole table rewritten, as an ordered union, into one new Parquet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from usagelens.io.event_parquet import _literal, _name
from usagelens.model import file_limits, parquet_parts
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.workspace.personal_on_disk import ROW_NUMBER, write_kept

_NUMBERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
            "FLOAT", "DOUBLE", "DECIMAL")
_TIMES = ("TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP", "TIMESTAMP_NS")  # coarsest first


def stacks_on_disk(source: object) -> bool:
    """Whether files added to ``source`` are stacked by DuckDB: its table is kept on disk and pandas would refuse
    to decode it (:meth:`StoredTable.frame`); a table on disk that fits is stacked in memory as before."""
    stored = stored_table(source)
    return stored is not None and stored.path is not None and stored.cells > file_limits.MAX_CELLS


def stack_on_disk(old: StoredTable, new: StoredTable, key: Sequence[str], *, progress: Callable[[float], None],
                  cancelled: Callable[[], bool]) -> tuple[StoredTable, int]:
    """``old`` with the rows of ``new`` whose ``key`` it does not already have below it, as a table kept on
    disk; (table, rows of ``new`` left out). The rows added become a further part of ``old`` when their columns
    can follow its own (:mod:`usagelens.model.parquet_parts`), so nothing of ``old`` is written again; a
    column whose type changed (say numbers that became text) rewrites the whole table in one part.
    :class:`~usagelens.workspace.personal_on_disk.RewriteCancelled` when the user cancels (nothing changed)."""
    from usagelens.analytics.definitions.duckdb_backend import connect

    assert old.path is not None and new.path is not None
    con = connect().con  # type: ignore[attr-defined]
    old_types, new_types = _types(con, old.parts), _types(con, new.parts)
    if _follows(old_types, new_types):
        return _added_part(con, old, new, key, old_types, new_types, progress=progress, cancelled=cancelled)
    text = [c for c in new_types if c in old_types and old_types[c] != new_types[c]
            and not _same_kind(old_types[c], new_types[c])]
    columns = [*old_types, *(c for c in new_types if c not in old_types)]
    types = {**new_types, **old_types, **dict.fromkeys(text, "VARCHAR")}
    names = ", ".join(_name(c) for c in columns)
    query = (
        f"WITH {_new_rows(old, new, key, text)} "
        f"SELECT {names} FROM ("
        f"SELECT 0 AS part, {ROW_NUMBER}, {_select(columns, old_types, types)} FROM o UNION ALL "
        f"SELECT 1 AS part, {ROW_NUMBER}, {_select(columns, new_types, types)} FROM kept"
        f") ORDER BY part, {ROW_NUMBER}"
    )

    def write(target: Path) -> None:
        con.execute(f"COPY ({query}) TO {_literal(str(target))} (FORMAT parquet, COMPRESSION zstd)")

    stacked = write_kept(con, write, old.member, progress=progress, cancelled=cancelled)
    return stacked, new.rows - (stacked.rows - old.rows)


def _added_part(con: object, old: StoredTable, new: StoredTable, key: Sequence[str], old_types: dict[str, str],
                new_types: dict[str, str], *, progress: Callable[[float], None], cancelled: Callable[[], bool]
                ) -> tuple[StoredTable, int]:
    """``old`` with the rows of ``new`` it lacks written as its next part: ``old``'s columns in its order and
    types (null where ``new`` lacks one), then the columns only ``new`` has; (table, rows left out)."""
    columns = [*old_types, *(c for c in new_types if c not in old_types)]
    types = {**new_types, **old_types}
    cells = ", ".join(
        (_name(c) if new_types[c] == types[c] else f"CAST({_name(c)} AS {types[c]}) AS {_name(c)}")
        if c in new_types else f"CAST(NULL AS {types[c]}) AS {_name(c)}"
        for c in columns
    )
    query = f"WITH {_new_rows(old, new, key, ())} SELECT {cells} FROM kept ORDER BY {ROW_NUMBER}"

    def write(target: Path) -> None:
        con.execute(f"COPY ({query}) TO {_literal(str(target))} (FORMAT parquet, COMPRESSION zstd)")  # type: ignore[attr-defined]

    part = write_kept(con, write, old.member, progress=progress, cancelled=cancelled)
    if not part.rows:  # every row was there already: the table stays as it was
        return old, new.rows
    assert part.path is not None
    return old.with_part(part.path, part.fingerprint), new.rows - part.rows


def _new_rows(old: StoredTable, new: StoredTable, key: Sequence[str], text: Sequence[str]) -> str:
    """The common table expressions ``o`` (the kept table) and ``kept`` (the rows of ``new`` that neither it nor
    an earlier row of ``new`` has, by ``key``, nulls equal), ``text`` columns read as text in both."""
    matched = " AND ".join(f"o.{_name(c)} IS NOT DISTINCT FROM n.{_name(c)}" for c in key)
    return (
        f"o AS ({_scan(old.parts, text)}), n AS ({_scan(new.parts, text)}), "
        f"first AS (SELECT * FROM n QUALIFY row_number() OVER (PARTITION BY {', '.join(_name(c) for c in key)} "
        f"ORDER BY {ROW_NUMBER}) = 1), "
        f"kept AS (SELECT * FROM first AS n WHERE NOT EXISTS (SELECT 1 FROM o WHERE {matched}))"
    )


def _types(con: object, parts: Sequence[Path]) -> dict[str, str]:
    """The table's columns and their DuckDB types, in order."""
    described = con.execute(f"DESCRIBE SELECT * FROM {parquet_parts.scan(parts)}").fetchall()  # type: ignore[attr-defined]
    return {str(row[0]): str(row[1]) for row in described if row[0] != ROW_NUMBER}


def _follows(old: dict[str, str], new: dict[str, str]) -> bool:
    """Whether rows with the ``new`` columns can be a further part after ``old``'s: each column both have is of
    one type, or times the old type holds without loss (a project saved by pandas holds nanoseconds, DuckDB's
    conversion microseconds)."""
    return all(old[c] == kind or (old[c] in _TIMES and kind in _TIMES and _TIMES.index(old[c]) >= _TIMES.index(kind))
               for c, kind in new.items() if c in old)


def _same_kind(old: str, new: str) -> bool:
    """Whether the union can keep both types: numbers with numbers (as pandas does), and times with times of
    another precision (a project saved by pandas holds nanoseconds, DuckDB's conversion microseconds: the time
    column must stay times, where pandas would make it text)."""
    return (old.startswith(_NUMBERS) and new.startswith(_NUMBERS)) or (old in _TIMES and new in _TIMES)


def _scan(parts: Sequence[Path], text: Sequence[str]) -> str:
    """The table with its row number, the clashing columns as text (as pandas' ``astype(str)``)."""
    cast = f" REPLACE ({', '.join(f'CAST({_name(c)} AS VARCHAR) AS {_name(c)}' for c in text)})" if text else ""
    return f"SELECT *{cast} FROM {parquet_parts.scan(parts)}"


def _select(columns: Sequence[str], present: dict[str, str], types: dict[str, str]) -> str:
    """Every column of the stacked table, null (of the other file's type) where this file lacks it."""
    return ", ".join(_name(c) if c in present else f"CAST(NULL AS {types[c]}) AS {_name(c)}" for c in columns)

