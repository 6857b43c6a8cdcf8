"""How many rows an export holds, estimated from its head: enough to choose how to read it, or to refuse it
before minutes are spent reading a file that could never be kept."""

from __future__ import annotations

from os import PathLike

import pyarrow.parquet as pq

from usagelens.io.containers import opened_parts
from usagelens.io.formats import FileFormat, identify

_HEAD_BYTES = 1 << 20


def estimated_rows(path: str | PathLike[str]) -> int | None:
    """About how many rows: Parquet says; for delimited text, the unpacked size over the head's mean line
    length (read from at most 1 MB per file); None for formats whose size says nothing (workbooks, JSON)."""
    total = 0
    with opened_parts(path) as parts:
        for part in parts:
            kind = identify(part)
            if kind is FileFormat.PARQUET:
                with part.open_seekable() as handle:
                    total += pq.ParquetFile(handle).metadata.num_rows
            elif kind is FileFormat.TEXT:
                head = part.head(_HEAD_BYTES)
                lines = max(head.count(b"\n"), 1)
                total += max(part.size, len(head), part.packed) * lines // max(len(head), 1)
            else:
                return None
    return total
