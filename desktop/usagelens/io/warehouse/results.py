"""Warehouse results kept with their time, so that asking again costs nothing (issue 15.3).

A result is keyed by where the events are (the source, as shown to people: never a secret), what was asked
(the query: an analysis, or the SQL of one of its queries) and its parameters. It is kept as Parquet, the key
itself and the time it was computed in the file's metadata (:func:`result_bytes`, :func:`read_result`), either
in the user cache folder (the command line: one file named by the key's hash, :func:`cached_result` and
:func:`refresh`) or in the project file (the app: :mod:`usagelens.workspace.warehouse_results`). Bytes that
cannot be read (cut short, from another version, under another key) are treated as absent: a result can always
be computed again. The folder keeps at most :data:`BUDGET` bytes, the results least recently used going first.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from usagelens.paths import cache_folder, trim_cache

FOLDER = "warehouse-results"
FORMAT = "usagelens-result/1"
METADATA = b"usagelens"
BUDGET = 256 * 2**20  # result tables are small: this holds thousands


@dataclass(frozen=True)
class ResultKey:
    """What a result answers. ``source`` must be printable: a URL's display form, a table or SELECT."""

    source: str
    query: str
    parameters: Mapping[str, object] = field(default_factory=dict)

    def described(self) -> dict[str, object]:
        """The key as JSON-ready data (values that JSON lacks, like durations, as their text)."""
        return json.loads(json.dumps({"source": self.source, "query": self.query, "parameters": self.parameters},
                                     sort_keys=True, default=str))

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.described(), sort_keys=True).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class CachedResult:
    """A result table and when it was computed (UTC)."""

    table: pd.DataFrame
    computed_at: datetime


@dataclass(frozen=True)
class KeptTable:
    """A kept result as Arrow, as it was fetched (the app's queries give Arrow tables) and when (UTC)."""

    table: pa.Table
    computed_at: datetime


def results_folder() -> Path:
    return cache_folder(FOLDER)


def _path(key: ResultKey, folder: Path | None) -> Path:
    return (folder or results_folder()) / f"{key.digest}.parquet"


def result_bytes(key: ResultKey, table: pa.Table, computed_at: datetime) -> bytes:
    """``table`` as Parquet with ``key`` and ``computed_at`` in its metadata: one kept result."""
    kept = {"format": FORMAT, "key": key.described(), "computed_at": computed_at.isoformat()}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), METADATA: json.dumps(kept)})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def read_result(key: ResultKey, data: pa.NativeFile | bytes | str) -> KeptTable | None:
    """The result kept in ``data`` (bytes, a file or its path) when it is ``key``'s and readable, else None."""
    try:
        stored = pq.read_table(pa.BufferReader(data) if isinstance(data, bytes) else data)
        kept = json.loads(stored.schema.metadata[METADATA])
        if kept.get("format") != FORMAT or kept.get("key") != key.described():
            return None
        computed_at = datetime.fromisoformat(kept["computed_at"])
    except (OSError, KeyError, TypeError, ValueError, AttributeError, pa.ArrowException):
        return None
    plain = stored.replace_schema_metadata({k: v for k, v in stored.schema.metadata.items() if k != METADATA})
    return KeptTable(plain, computed_at)


def cached_result(key: ResultKey, *, folder: Path | None = None) -> CachedResult | None:
    """The kept result of ``key``, or None when there is none (or it cannot be read)."""
    path = _path(key, folder)
    kept = read_result(key, str(path))
    if kept is None:
        return None
    try:
        os.utime(path)  # used: the last a trim removes
    except OSError:
        pass
    return CachedResult(kept.table.to_pandas(), kept.computed_at)


def refresh(key: ResultKey, compute: Callable[[], pd.DataFrame], *, folder: Path | None = None,
            now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> CachedResult:
    """Compute the result of ``key`` again and keep it (replacing the kept one atomically); what ``compute``
    raises is raised and nothing is kept. A result that cannot be written is still returned."""
    result = CachedResult(compute(), now())
    path = _path(key, folder)
    try:
        data = result_bytes(key, pa.Table.from_pandas(result.table), result.computed_at)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
        try:
            Path(temporary).write_bytes(data)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        trim_cache(path.parent, BUDGET, keep=path)
    except (OSError, pa.ArrowException):  # a full disk or an odd column type: the answer still stands
        pass
    return result
