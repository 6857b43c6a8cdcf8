"""A table kept on disk as several Parquet parts, scanned by DuckDB as the one table they make together.

Adding next month's export to a big source used to rewrite its whole table (minutes and twice the disk at 100M
events). It now writes only the new rows, as a further part (:mod:`usagelens.workspace.big_append`). Readers
scan the parts in order as one table whose ``file_row_number`` runs on across them (the rows of part 2 are
numbered after those of part 1), because that number is the table's row order: a recipe's "keep the first
duplicate", the tie-break between events at one instant and the grid's order all read it. Each part holds the
columns of the parts before it, in their order and types, and maybe more after them (an export that gained a
column); a part lacking a later column reads it as null.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

ROW_NUMBER = "file_row_number"  # DuckDB's name for the scan's row number


def scan(files: Sequence[Path]) -> str:
    """SQL to put after ``FROM``: the rows of ``files`` in order, every column, and their running row number as
    ``file_row_number``. One file is scanned exactly as before parts existed."""
    if len(files) == 1:
        return f"read_parquet({_quoted(files[0])}, file_row_number=true)"
    import pyarrow.parquet as pq  # the model is on the GUI's start path

    scans, start = [], 0
    for path in files:
        # A constant offset, not one looked up per file: DuckDB then moves it to the other side of a filter on
        # the number and skips the row groups (and parts) outside it, as for one file (the grid's pages: 0.02
        # CPU s a page at 10M rows, 0.24 s with the offset looked up).
        scans.append(f"SELECT * REPLACE ({ROW_NUMBER} + {start} AS {ROW_NUMBER}) "
                     f"FROM read_parquet({_quoted(path)}, file_row_number=true)")
        start += pq.ParquetFile(path).metadata.num_rows
    return f"({' UNION ALL BY NAME '.join(scans)})"  # in order: DuckDB keeps the order of a union's inputs


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
