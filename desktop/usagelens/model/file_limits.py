"""What a project file may hold, checked before anything in it is unpacked.

A ``.ulens`` file can come from anyone, so opening one must end within seconds and in bounded memory
whatever it holds. Every size is read from what the file declares before the work it would cause: the zip's
central directory before :mod:`zipfile` parses it, each member's declared size and compression ratio before
it is inflated (:mod:`zipfile` never inflates past the declared size, so the declaration is a real bound),
each table's Parquet metadata (rows, columns, unpacked bytes) before it is decoded, and the nesting and
string lengths of ``project.json`` before the model is built from it.

The limits are well above any real project (the benchmarks' largest holds 10M events in 5 columns; the demo's
``project.json`` is 11 kB) and well below what would exhaust a laptop.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from usagelens.model.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # imported when a table is read: the GUI's start path reaches this module (issue 17)
    import pandas as pd
    import pyarrow as pa

KB, MB, GB = 1 << 10, 1 << 20, 1 << 30
MAX_DIRECTORY_BYTES = 1 * MB  # the zip's table of contents: ~10,000 members
MAX_JSON_BYTES = 16 * MB  # project.json; a real one is kilobytes, even with thousands of findings
MAX_MANIFEST_BYTES = 64 * KB
MAX_IMAGE_BYTES = 32 * MB  # a pinned chart's PNG
MAX_KEPT_RESULTS_BYTES = 64 * MB  # warehouse results kept in a project: a cache, the oldest go first
MAX_TABLE_BYTES = 1 * GB  # one table's Parquet read into memory (already compressed: ~100M events)
KEPT_ON_DISK_FROM = 256 * MB  # a bigger table's Parquet is unpacked into the user cache, never held as bytes
MAX_DISK_TABLE_BYTES = 16 * GB  # what one table kept on disk may unpack to: ~1.5 billion events
MAX_DISK_CELLS = 8_000_000_000  # rows × columns of a table kept on disk, which only DuckDB reads whole
MAX_RATIO = 200  # Parquet barely deflates; a big member growing more than 200× is a zip bomb
RATIO_CHECKED_FROM = MAX_JSON_BYTES  # below, sizes are bounded anyway (pasted repetitive text shrinks 1000×)
MAX_CELLS = 200_000_000  # rows × columns over all tables: 25M events in 8 columns, ~2 GB in memory
MAX_DECODED_BYTES = 4 * GB  # unpacked column data over all tables
MAX_JSON_DEPTH = 32  # the model nests ~8 deep; deeper JSON would only strain every recursive walk later
MAX_TEXT_CHARS = 100_000  # one string: ~30 pages, far beyond any note; longer is cut (a report prints it)
MAX_LABEL_CHARS = 500  # names and titles are one line; longer ones are cut (a 200k-char name took 102 s to lay out)
LABEL_KEYS = frozenset({"name", "title", "label", "kpi", "owner"})
ELLIPSIS = "…"
COMPRESSIONS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}  # the only two UsageLens writes


class LimitExceeded(ValueError):
    """The file declares more than UsageLens opens; the message completes "too large to open safely: …"."""


def cells_of(tables: Iterable[pd.DataFrame]) -> int:
    """The cells tables take of a project's budget (rows × columns, as a load counts them)."""
    return sum(len(table) * max(len(table.columns), 1) for table in tables)




def too_many_cells(name: str, rows: int, columns: int, room: int, *, about: bool = False) -> str:
    """Why a table of ``rows`` × ``columns`` cannot join a project that has ``room`` cells left, and what to do."""
    size = {(True, True): QT_TRANSLATE_NOOP("Import", "about {rows:,} rows in {columns:,} columns"),
            (True, False): QT_TRANSLATE_NOOP("Import", "about {rows:,} rows"),
            (False, True): QT_TRANSLATE_NOOP("Import", "{rows:,} rows in {columns:,} columns"),
            (False, False): QT_TRANSLATE_NOOP("Import", "{rows:,} rows")}[about, bool(columns)]
    return QT_TRANSLATE_NOOP(
        "Import", "{name} has {size}: more than this project has room for ({room:,} of the {cells:,} cells a project "
                  "file holds, about 25 million events in 8 columns). Import a shorter period or fewer columns, or "
                  "analyse the whole file on the command line (usagelens analyze), which reads it where it lies."
    ).format(name=name, size=size.format(rows=rows, columns=columns), room=max(room, 0), cells=MAX_CELLS)


def check_directory(handle: IO[bytes]) -> None:
    """Refuse a zip whose table of contents alone would take seconds and gigabytes to parse (a 90 MB file
    can list a million members). Reads only the end record, as :class:`zipfile.ZipFile` will."""
    end = zipfile._EndRecData(handle)  # noqa: SLF001 - the same parser ZipFile uses, zip64 included
    if end is not None and end[zipfile._ECD_SIZE] > MAX_DIRECTORY_BYTES:  # noqa: SLF001
        raise LimitExceeded(f"it lists {end[zipfile._ECD_ENTRIES_TOTAL]:,} parts")  # noqa: SLF001
    handle.seek(0)


def read_member(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    """A member's bytes once its declaration is safe (:func:`checked_member`). KeyError when it is missing."""
    return archive.read(checked_member(archive, member, limit))


def checked_member(archive: zipfile.ZipFile, member: str, limit: int) -> zipfile.ZipInfo:
    """A member whose declaration is safe to unpack: not encrypted, a method UsageLens writes, at most
    ``limit`` bytes unpacked and no zip bomb. KeyError when it is missing."""
    info = archive.getinfo(member)
    if info.flag_bits & 0x1:
        raise ValueError(f"{member} is encrypted, which UsageLens never does")
    if info.compress_type not in COMPRESSIONS:
        raise ValueError(f"{member} uses a compression method UsageLens never writes")
    if info.file_size > limit:
        raise LimitExceeded(f"{member} would unpack to {_size(info.file_size)} (the limit is {_size(limit)})")
    if info.file_size >= RATIO_CHECKED_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise LimitExceeded(
            f"{member} would grow from {_size(info.compress_size)} to {_size(info.file_size)} when unpacked"
        )
    return info


@dataclass
class TableBudget:
    """What the tables of one project may still unpack to, spent table by table from Parquet metadata."""

    cells: int = MAX_CELLS
    decoded_bytes: int = MAX_DECODED_BYTES

    def spend(self, data: pa.Buffer | bytes | pa.NativeFile, member: str, *, on_disk: bool = False) -> None:
        """Charge a table before it is decoded; LimitExceeded when the project would go over. A table kept
        ``on_disk`` is never decoded whole (DuckDB scans it; pandas refuses beyond :data:`MAX_CELLS`), so it
        only has to be a sane size of its own."""
        import pyarrow as pa
        import pyarrow.parquet as pq  # here, not at import: the GUI's start path reaches this module

        try:
            meta = pq.ParquetFile(data if isinstance(data, pa.NativeFile) else pa.BufferReader(data)).metadata
        except (pa.ArrowException, OSError) as exc:
            raise ValueError(f"{member} is not a readable table") from exc
        nested = [field.name for field in meta.schema.to_arrow_schema() if pa.types.is_nested(field.type)]
        if nested:  # list or struct columns could hide any number of values behind few rows
            raise ValueError(f"{member} has a nested column, {nested[0]}, which UsageLens never writes")
        cells = meta.num_rows * max(meta.num_columns, 1)
        if on_disk:
            if cells > MAX_DISK_CELLS:
                raise LimitExceeded(f"{member} holds {meta.num_rows:,} rows in {meta.num_columns:,} columns")
            return
        decoded = sum(meta.row_group(index).total_byte_size for index in range(meta.num_row_groups))
        if cells > self.cells:
            columns = f"{meta.num_columns:,} column{'' if meta.num_columns == 1 else 's'}"
            raise LimitExceeded(f"{member} holds {meta.num_rows:,} rows in {columns} "
                                f"(a project may hold {MAX_CELLS:,} cells)")
        if decoded > self.decoded_bytes:
            raise LimitExceeded(
                f"{member} would unpack to {_size(decoded)} (a project may hold {_size(MAX_DECODED_BYTES)})"
            )
        self.cells -= cells
        self.decoded_bytes -= decoded


def tame_json(payload: Any) -> None:
    """Refuse JSON nested deeper than the model could be; cut strings longer than any text a person writes,
    and names and titles to one long line. Cutting, not refusing: such text can only have been pasted or
    forged, and the rest of the project stays usable (refusing would lock out a user who pasted a book into
    a note). Iterative, so a hostile depth cannot exhaust the stack here."""
    stack: list[tuple[Any, int, bool]] = [(payload, 0, False)]  # (container, depth, inside parameters)
    while stack:
        node, depth, in_params = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise LimitExceeded(f"its project.json is nested more than {MAX_JSON_DEPTH} levels deep")
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            if isinstance(value, str):
                # A "name" among parameters may be a column, which must match exactly: only text limits there.
                limit = MAX_LABEL_CHARS if key in LABEL_KEYS and not in_params else MAX_TEXT_CHARS
                if len(value) > limit:
                    node[key] = value[: limit - 1] + ELLIPSIS
            elif isinstance(value, dict | list):
                stack.append((value, depth + 1, in_params or key == "params"))


def _size(count: int) -> str:
    for unit, size in (("GB", GB), ("MB", MB), ("kB", KB)):
        if count >= size:
            return f"{count / size:,.1f} {unit}"
    return f"{count} bytes"
