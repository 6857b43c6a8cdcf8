"""Which big tables of which project files are already unpacked in the user cache, so that reopening an
unchanged project reads none of their bytes.

A table too big to hold as bytes is unpacked into the cache's tables folder under the digest of its Parquet
(:func:`usagelens.model.project_file._table_on_disk`). Finding that digest means reading and hashing the whole
member: 3 s for 100M events, on every open, although the file is already there. The index kept here maps a
member's identity — the project file's device, inode, size and modification time, and the member's name,
offset, size and CRC in the zip — to that digest. Saving writes a new file (a new inode and time), so a saved
or changed project is never taken for the one that was unpacked; a save that streams a table in records the
new file's members too, since it knows their digests. The index is a cache: a missing or damaged one is
empty, it keeps the :data:`MAX_ENTRIES` most recently used entries, and an entry whose table has left the
cache (trimmed to :data:`TABLES_BUDGET`) is dropped when it is next read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import uuid
import zipfile
from collections.abc import Mapping
from pathlib import Path

from usagelens.paths import cache_folder

TABLES_BUDGET = 10 * 2**30  # the tables folder: unpacked tables and copies for DuckDB, least recently used go
MAX_ENTRIES = 256  # members remembered; each is a line of JSON
DIGEST = re.compile(r"[0-9a-f]{32}")  # :func:`usagelens.model.table_identity.digest`'s: a digest names a file
_lock = threading.Lock()


def tables_folder() -> Path:
    """Where big tables are unpacked (and stored tables copied for DuckDB), each named by its digest."""
    return cache_folder("tables")


def index_path() -> Path:
    """The index file (in a cache folder of its own, which no trim of the tables folder touches)."""
    return cache_folder("table-index") / "unpacked.json"


def member_key(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    """The identity of one member of the project file ``archive`` reads (None when the file cannot say: a zip
    in memory); a hash, so the index names no project paths."""
    try:
        stat = os.fstat(archive.fp.fileno())  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return None
    parts = [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, info.filename, info.header_offset,
             info.file_size, info.compress_size, info.CRC]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()[:32]


def unpacked(key: str | None, size: int) -> tuple[Path, str] | None:
    """The unpacked table (its path and digest) of the member with ``key`` and ``size`` bytes, if it is still in
    the cache; the entry becomes the most recently used."""
    if key is None:
        return None
    with _lock:
        index = _read_index()
        fingerprint = index.pop(key, None)
        if fingerprint is None:
            return None
        path = tables_folder() / f"{fingerprint}.parquet"
        try:
            usable = path.stat().st_size == size
        except OSError:
            usable = False
        if usable:
            index[key] = fingerprint
            os.utime(path)  # most recently used: the trim keeps it
        _write_index(index)
    return (path, fingerprint) if usable else None


def remember(entries: Mapping[str, str]) -> None:
    """Record members (key -> digest of their unpacked table); the oldest entries beyond :data:`MAX_ENTRIES`
    and those whose table is no longer in the cache are dropped."""
    if not entries:
        return
    with _lock:
        index = _read_index()
        for key, fingerprint in entries.items():
            index.pop(key, None)
            index[key] = fingerprint
        folder = tables_folder()
        live = {key: digest for key, digest in index.items() if (folder / f"{digest}.parquet").exists()}
        _write_index(dict(list(live.items())[-MAX_ENTRIES:]))


def remember_saved(path: Path, digests: Mapping[str, str]) -> None:
    """After a save that streamed tables kept on disk into ``path``: its members (name -> digest) are the
    tables already in the cache, so opening the file next reads none of them."""
    if not digests:
        return
    try:
        with open(path, "rb") as handle, zipfile.ZipFile(handle) as archive:
            entries = {member_key(archive, archive.getinfo(member)): digest for member, digest in digests.items()}
    except (OSError, KeyError, zipfile.BadZipFile):
        return  # a cache: the next open unpacks again
    remember({key: digest for key, digest in entries.items() if key is not None})


def _read_index() -> dict[str, str]:
    try:
        data = json.loads(index_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str) and DIGEST.fullmatch(value)}


def _write_index(index: dict[str, str]) -> None:
    """Replace the index atomically (another process may read it); a cache that cannot be written stays as it was."""
    path = index_path()
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(index), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
