"""Fingerprints of source tables as stored in their project file, known without hashing a table again.

A cache of work derived from a table (the memory-mapped event log of its cleaned rows) must be keyed by the
table's content, and hashing 10M rows costs seconds. But every table that was read from or written to a
project file passed through this process as Parquet bytes, which hash at about a gigabyte a second; their
digest is remembered here against the table object. Tables are never changed in place (edits and refreshes
replace them), so an object keeps its digest for life; the entry goes when the table is garbage-collected
(a weak reference), so a new table that happens to reuse a freed object's id is never mistaken for it. A
table never saved (just imported) has no fingerprint, and work on it is simply not cached on disk.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model is on the GUI's start path; pandas is imported when a table is read
    import pandas as pd

HASH_CHUNK = 8 << 20
_lock = threading.Lock()
_known: dict[int, tuple[weakref.ref[pd.DataFrame], str]] = {}


def digest(data: bytes) -> str:
    """The fingerprint of a table's stored bytes."""
    return hashlib.sha256(data).hexdigest()[:32]


def file_digest(path: Path) -> str:
    """:func:`digest` of a file's bytes, read in chunks (a table kept on disk may be gigabytes)."""
    hashed = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            hashed.update(chunk)
    return hashed.hexdigest()[: len(digest(b""))]


def remember(table: pd.DataFrame, fingerprint: str) -> None:
    """Record that ``table`` is the content whose stored bytes have ``fingerprint``."""
    key = id(table)

    def forget(_reference: weakref.ref[pd.DataFrame]) -> None:
        with _lock:
            entry = _known.get(key)
            if entry is not None and entry[0]() is None:
                del _known[key]

    with _lock:
        _known[key] = (weakref.ref(table, forget), fingerprint)


def fingerprint(table: pd.DataFrame) -> str | None:
    """The stored fingerprint of exactly this table object, or None when it was never read or written."""
    with _lock:
        entry = _known.get(id(table))
    if entry is None or entry[0]() is not table:
        return None
    return entry[1]
