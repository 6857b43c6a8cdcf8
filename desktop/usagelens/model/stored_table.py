"""A source's table as it lies in the project file, decoded into pandas only when something reads it.

Opening a project used to decode every table before the first page could draw (1.6 s for 10M events),
although the first chart of a saved project is answered from its memory-mapped event log and needs none of
them. A :class:`StoredTable` keeps the table's Parquet bytes (compressed: about a tenth of the decoded table),
knows its rows and columns from the Parquet footer, and decodes once, on first use, under a lock (several
workers may ask at once). Saving a table nobody replaced writes its bytes back as they were: no decode and
no re-encode, which is most of what saving a big project cost.

:class:`TableSlot` is the ``table`` field of :class:`~usagelens.model.entities.Source`: reading it gives a
DataFrame as it always did, while :func:`held_table` lets code that only needs rows, columns, identity or the
bytes look without decoding.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from usagelens.model import file_limits, table_identity
from usagelens.paths import hold

if TYPE_CHECKING:  # imported when a table is read: the GUI's start path reaches this module (issue 17)
    import pandas as pd
    import pyarrow as pa


class StoredTable:
    """The Parquet of one table (its bytes, or files for a table too big to hold as bytes), its shape from the
    footers, and the DataFrame once decoded.

    A table kept on disk may lie in several parts, the rows of each after those of the one before: appending
    an export to a big source writes only its new rows as a further part (:mod:`usagelens.model.parquet_parts`
    says how a part's columns follow the earlier parts' and how DuckDB scans them as one table)."""

    def __init__(self, data: bytes, member: str, *, path: Path | None = None, fingerprint: str | None = None,
                 more: Sequence[tuple[Path, str]] = ()) -> None:
        """``data`` are the Parquet bytes, or empty with ``path`` naming a Parquet file that nothing else
        changes (a file in the user cache named by its content) and ``fingerprint`` the digest of its bytes;
        ``more`` are the further parts of a table on disk, each file with its digest."""
        self.path = path  # the first part of a table kept on disk (scanners read every one of :attr:`parts`)
        self.parts: tuple[Path, ...] = () if path is None else (path, *(part for part, _ in more))
        self._data = data
        self.member = member
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            footers = [pq.ParquetFile(reader) for reader in self.readers()]
            schema = pa.unify_schemas([footer.schema_arrow for footer in footers], promote_options="permissive")
            self.part_rows: tuple[int, ...] = tuple(footer.metadata.num_rows for footer in footers)
        except (pa.ArrowException, OSError) as exc:
            raise ValueError(f"{member} is not a readable table") from exc
        self.fingerprint = fingerprint or table_identity.digest(data)
        self.part_fingerprints: tuple[str, ...] = (self.fingerprint, *(digest for _, digest in more))
        if more:  # the table's identity is that of its parts, in order
            self.fingerprint = table_identity.digest(" ".join(self.part_fingerprints).encode("ascii"))
        self.rows: int = sum(self.part_rows)
        self.schema: pa.Schema = schema
        self.columns: tuple[str, ...] = _pandas_columns(schema)
        self._lock = threading.Lock()
        self._frame: pd.DataFrame | None = None

    @classmethod
    def on_disk(cls, path: Path, member: str, fingerprint: str, *, more: Sequence[tuple[Path, str]] = ()
                ) -> StoredTable:
        """A table whose Parquet stays in the file at ``path`` (and the ``more`` parts after it, each with its
        digest), which no cache trim removes while it is held."""
        stored = cls(b"", member, path=path, fingerprint=fingerprint, more=more)
        for part in stored.parts:
            hold(part, stored)
        return stored

    def with_part(self, path: Path, fingerprint: str) -> StoredTable:
        """This table kept on disk with one more part after its own (its columns as
        :mod:`usagelens.model.parquet_parts` says)."""
        assert self.path is not None
        more = [*zip(self.parts[1:], self.part_fingerprints[1:], strict=True), (path, fingerprint)]
        return StoredTable.on_disk(self.path, self.member, self.part_fingerprints[0], more=more)

    @property
    def data(self) -> bytes:
        """The Parquet bytes (read from the file for a table kept on disk in one part: callers that can stream
        use :meth:`reader` or :attr:`parts`)."""
        if len(self.parts) > 1:
            raise ValueError(f"{self.member} is kept in {len(self.parts)} parts, not one Parquet")
        return self.path.read_bytes() if self.path is not None else self._data

    def reader(self) -> pa.NativeFile:
        """The Parquet, for pyarrow to read: the bytes in memory, or the (first) file memory-mapped."""
        return self.readers()[0]

    def readers(self) -> list[pa.NativeFile]:
        """Every part, for pyarrow to read."""
        import pyarrow as pa

        return [pa.memory_map(str(part)) for part in self.parts] if self.parts else [pa.BufferReader(self._data)]

    @property
    def cells(self) -> int:
        return self.rows * max(len(self.columns), 1)

    @property
    def decoded(self) -> bool:
        return self._frame is not None

    def frame(self) -> pd.DataFrame:
        """The table in pandas, decoded on the first call only (the same object every time after)."""
        with self._lock:
            if self._frame is None:
                self._frame = self._decode()
            return self._frame

    def column(self, name: str) -> pd.Series:
        """One column in pandas: the decoded table's when there is one, else read alone from the Parquet (a
        join check or a last date needs the user or time column, not the 10M-row table around it)."""
        with self._lock:
            if self._frame is not None:
                return self._frame[name]
        return self._read([name])[name]

    def _decode(self) -> pd.DataFrame:
        if self.cells > file_limits.MAX_CELLS:  # kept on disk for DuckDB: pandas would need more than a laptop has
            raise ValueError(
                f"This table holds {self.rows:,} rows in {len(self.columns):,} columns, too many to load into "
                "memory: this step works only on tables that fit (analyses, quality checks and the grid read it "
                "in place)"
            )
        frame = self._read(None)
        table_identity.remember(frame, self.fingerprint)
        return frame

    def _read(self, columns: list[str] | None) -> pd.DataFrame:
        import pandas as pd
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            if len(self.parts) <= 1:
                return pd.read_parquet(self.reader(), engine="pyarrow", columns=columns)
            wanted = self.schema.names if columns is None else columns
            tables = []
            for reader in self.readers():
                part = pq.ParquetFile(reader)
                tables.append(part.read(columns=[c for c in wanted if c in part.schema_arrow.names]))
            joined = pa.concat_tables(tables, promote_options="permissive")  # null before a later column came
            return joined.select(wanted).replace_schema_metadata(self.schema.metadata).to_pandas()
        except Exception as exc:  # noqa: BLE001 - damaged pages or pandas metadata fail in many exception types
            raise ValueError(f"{self.member} is not a readable table") from exc


def _pandas_columns(schema: pa.Schema) -> tuple[str, ...]:
    """The column labels pandas will give the table: the fields, minus a stored index (tables are written
    without one, but a file from elsewhere may carry it)."""
    index = set()
    if schema.pandas_metadata:
        index = {name for name in schema.pandas_metadata.get("index_columns", []) if isinstance(name, str)}
    return tuple(name for name in schema.names if name not in index)


class TableSlot:
    """Data descriptor behind ``Source.table``: holds a DataFrame or a :class:`StoredTable`, and reading it
    always gives a DataFrame (decoding a stored one the first time)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = f"_{name}_held"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        held = instance.__dict__[self._attribute]
        return held.frame() if isinstance(held, StoredTable) else held

    def __set__(self, instance: Any, value: pd.DataFrame | StoredTable | None) -> None:
        if isinstance(value, TableSlot):  # the dataclass default: a source was made without its table
            raise TypeError("a source needs its table")
        instance.__dict__[self._attribute] = value

    def held(self, instance: Any) -> pd.DataFrame | StoredTable | None:
        return instance.__dict__.get(self._attribute)


def held_table(source: Any) -> pd.DataFrame | StoredTable | None:
    """What ``source.table`` holds right now, without decoding it."""
    slot = type(source).__dict__["table"]
    return slot.held(source)


def stored_table(source: Any) -> StoredTable | None:
    """The stored table behind ``source.table`` (decoded or not), or None for a table held only in pandas."""
    held = held_table(source)
    return held if isinstance(held, StoredTable) else None


def table_column(source: Any, name: str) -> pd.Series:
    """One column of the source's table, without decoding the rest of a stored table."""
    held = held_table(source)
    return held.column(name) if isinstance(held, StoredTable) else held[name]


def room_left(sources: Iterable[Any]) -> int:
    """The cells a project with ``sources`` still has for tables pandas decodes: tables kept on disk are not
    charged (DuckDB reads them), and nothing is decoded to count."""
    charged = 0
    for source in sources:
        table = held_table(source)
        if isinstance(table, StoredTable):
            charged += 0 if table.path is not None else table.cells
        else:
            charged += len(table) * max(len(table.columns), 1)
    return file_limits.MAX_CELLS - charged


def row_count(source: Any) -> int:
    """The table's rows, from the Parquet footer when it has not been decoded."""
    held = held_table(source)
    return held.rows if isinstance(held, StoredTable) else len(held)


def column_names(source: Any) -> list[str]:
    """The table's column labels as text, from the Parquet schema when it has not been decoded."""
    held = held_table(source)
    return list(held.columns) if isinstance(held, StoredTable) else [str(c) for c in held.columns]


def fingerprint(source: Any) -> str | None:
    """The digest of the table's stored bytes: known for a stored table without hashing or decoding, and
    for a DataFrame that was read from or written to a project file (:mod:`table_identity`)."""
    held = held_table(source)
    return held.fingerprint if isinstance(held, StoredTable) else table_identity.fingerprint(held)
