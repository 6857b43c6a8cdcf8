"""Next month's export stacked under a table kept on disk, by DuckDB: neither table is ever read into pandas.

A big import's table is too big for memory, so :func:`usagelens.workspace.append.stack` (pandas) cannot take
it. Here the new export, already converted and protected as a refresh converts it, is matched against the kept
table with the very rules of the pandas stack: a new row already in the table (same key, nulls equal as pandas
compares them) or already earlier in the same export is left out, the first one kept; the table's rows come
first in their order, then the new rows in theirs; a column typed differently in the two becomes text (times of
two precisions stay times). The result is one anti-join and an ordered union, written streamed to a new
Parquet under its digest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from usagelens.io.event_parquet import _literal, _name
from usagelens.model import file_limits
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.workspace.personal_on_disk import ROW_NUMBER, write_kept

_NUMBERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
            "FLOAT", "DOUBLE", "DECIMAL")
_TIMES = ("TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S")


def stacks_on_disk(source: object) -> bool:
    """Whether files added to ``source`` are stacked by DuckDB: its table is kept on disk and pandas would refuse
    to decode it (:meth:`StoredTable.frame`); a table on disk that fits is stacked in memory as before."""
    stored = stored_table(source)
    return stored is not None and stored.path is not None and stored.cells > file_limits.MAX_CELLS


def stack_on_disk(old: StoredTable, new: StoredTable, key: Sequence[str], *, progress: Callable[[float], None],
                  cancelled: Callable[[], bool]) -> tuple[StoredTable, int]:
    """``old`` with the rows of ``new`` whose ``key`` it does not already have below it, as a new table kept on
    disk; (table, rows of ``new`` left out). :class:`~usagelens.workspace.personal_on_disk.RewriteCancelled`
    when the user cancels (nothing changed)."""
    from usagelens.analytics.definitions.duckdb_backend import connect

    assert old.path is not None and new.path is not None
    con = connect().con  # type: ignore[attr-defined]
    old_types, new_types = _types(con, old.path), _types(con, new.path)
    text = [c for c in new_types if c in old_types and old_types[c] != new_types[c]
            and not _same_kind(old_types[c], new_types[c])]
    columns = [*old_types, *(c for c in new_types if c not in old_types)]
    types = {**new_types, **old_types, **dict.fromkeys(text, "VARCHAR")}
    names = ", ".join(_name(c) for c in columns)
    matched = " AND ".join(f"o.{_name(c)} IS NOT DISTINCT FROM n.{_name(c)}" for c in key)
    query = (
        f"WITH o AS ({_scan(old.path, text)}), n AS ({_scan(new.path, text)}), "
        f"first AS (SELECT * FROM n QUALIFY row_number() OVER (PARTITION BY {', '.join(_name(c) for c in key)} "
        f"ORDER BY {ROW_NUMBER}) = 1), "
        f"kept AS (SELECT * FROM first AS n WHERE NOT EXISTS (SELECT 1 FROM o WHERE {matched})) "
        f"SELECT {names} FROM ("
        f"SELECT 0 AS part, {ROW_NUMBER}, {_select(columns, old_types, types)} FROM o UNION ALL "
        f"SELECT 1 AS part, {ROW_NUMBER}, {_select(columns, new_types, types)} FROM kept"
        f") ORDER BY part, {ROW_NUMBER}"
    )

    def write(target: Path) -> None:
        con.execute(f"COPY ({query}) TO {_literal(str(target))} (FORMAT parquet, COMPRESSION zstd)")

    stacked = write_kept(con, write, old.member, progress=progress, cancelled=cancelled)
    return stacked, new.rows - (stacked.rows - old.rows)


def _types(con: object, path: Path) -> dict[str, str]:
    """The file's columns and their DuckDB types, in order."""
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet({_literal(str(path))})").fetchall()  # type: ignore[attr-defined]
    return {str(row[0]): str(row[1]) for row in described}


def _same_kind(old: str, new: str) -> bool:
    """Whether the union can keep both types: numbers with numbers (as pandas does), and times with times of
    another precision (a project saved by pandas holds nanoseconds, DuckDB's conversion microseconds: the time
    column must stay times, where pandas would make it text)."""
    return (old.startswith(_NUMBERS) and new.startswith(_NUMBERS)) or (old in _TIMES and new in _TIMES)


def _scan(path: Path, text: Sequence[str]) -> str:
    """The file with its row number, the clashing columns as text (as pandas' ``astype(str)``)."""
    cast = f" REPLACE ({', '.join(f'CAST({_name(c)} AS VARCHAR) AS {_name(c)}' for c in text)})" if text else ""
    return f"SELECT *{cast} FROM read_parquet({_literal(str(path))}, file_row_number=true)"


def _select(columns: Sequence[str], present: dict[str, str], types: dict[str, str]) -> str:
    """Every column of the stacked table, null (of the other file's type) where this file lacks it."""
    return ", ".join(_name(c) if c in present else f"CAST(NULL AS {types[c]}) AS {_name(c)}" for c in columns)

