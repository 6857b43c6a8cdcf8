"""Ibis's ClickHouse backend running on chdb, ClickHouse's engine embedded in this process: no server.

Ibis compiles every expression for ClickHouse exactly as it would for a server; only the transport differs:
the SQL goes to a chdb session instead of clickhouse-connect's HTTP client, and results come back as Arrow.
Tables are created with ClickHouse DDL and filled from a Parquet file through ClickHouse's own reader.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import ibis.expr.operations as ops
import ibis.expr.schema as sch
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.parquet as pq
from chdb import session as chdb_session
from ibis.backends.clickhouse import Backend as ClickHouseBackend


def _plain(column: pa.ChunkedArray) -> pa.ChunkedArray | pa.Array:
    """A ``Variant`` column (ClickHouse's common type of, e.g., a union of ``Int64`` and ``UInt64`` parts: its
    ``count()`` is unsigned) arrives as an Arrow union; clickhouse-connect decodes it to plain Python values,
    so the same values are given here, typed by the expression's schema afterwards."""
    return pa.array(column.to_pylist()) if pa.types.is_union(column.type) else column


@cache
def _folder() -> Path:
    """chdb's one data folder in this process (its embedded server takes a single path), deleted at exit."""
    folder = Path(tempfile.mkdtemp(prefix="usagelens-chdb-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


class ChdbBackend(ClickHouseBackend):
    """The ClickHouse backend with a chdb session as its connection; each session has settings of its own."""

    def __init__(self) -> None:
        super().__init__()
        self._session = chdb_session.Session(str(_folder()))

    @property
    def version(self) -> str:
        return str(self._session.query("SELECT version()", "CSV")).strip().strip('"')

    def raw_sql(self, query: Any, **_: Any) -> pa.Table:
        """Run a statement (text or sqlglot) in the session; settings (``SET …``) last for the session."""
        return self._session.query(query if isinstance(query, str) else query.sql(self.dialect), "ArrowTable")

    def to_pyarrow(self, expr: ir.Expr, /, *, params: Any = None, limit: Any = None, **_: Any) -> Any:
        table = expr.as_table()
        for memtable in table.op().find(ops.InMemoryTable):
            self._send_along(memtable)
        result = self.raw_sql(self.compile(table, params=params, limit=limit)).rename_columns(table.columns)
        return expr.__pyarrow_result__(pa.table([_plain(column) for column in result.columns], names=table.columns))

    def _send_along(self, memtable: ops.InMemoryTable) -> None:
        """An in-memory table as the server gets it, external data that lives for the query: chdb takes none, so it
        becomes a ``Memory`` table of the memtable's name in the session, once (a memtable's name is unique)."""
        if self.raw_sql(f"EXISTS TABLE `{memtable.name}`").column(0)[0].as_py():
            return
        self._create(memtable.name, memtable.data.to_pyarrow(memtable.schema))

    def get_schema(self, table_name: str, *, catalog: str | None = None, database: str | None = None) -> sch.Schema:
        described = self.raw_sql(f"DESCRIBE TABLE `{table_name}`")
        names, types = described.column("name").to_pylist(), described.column("type").to_pylist()
        return sch.Schema(dict(zip(names, map(self.compiler.type_mapper.from_string, types), strict=True)))

    def upload(self, table: pa.Table) -> ir.Table:
        """``table`` as a new ClickHouse ``Memory`` table; as in a warehouse's own tables, only a column that
        holds missing values is ``Nullable`` (ClickHouse pads with a type's default, not NULL, elsewhere)."""
        name = f"usagelens_{uuid.uuid4().hex}"
        self._create(name, table)
        return ops.DatabaseTable(name, schema=self.get_schema(name), source=self, namespace=ops.Namespace()).to_expr()

    def _create(self, name: str, table: pa.Table) -> None:
        schema = sch.Schema.from_pyarrow(table.schema)
        columns = ", ".join(
            f"`{column}` {self.compiler.type_mapper.to_string(dtype.copy(nullable=table[column].null_count > 0))}"
            for column, dtype in schema.items()
        )
        self.raw_sql(f"CREATE TABLE `{name}` ({columns}) ENGINE = Memory")
        path = _folder() / f"{name}.parquet"
        pq.write_table(table, path)
        self.raw_sql(f"INSERT INTO `{name}` SELECT * FROM file('{path}', Parquet)")
        path.unlink()

    def disconnect(self) -> None:
        self._session.close()
