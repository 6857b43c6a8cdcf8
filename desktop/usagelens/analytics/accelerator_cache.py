"""Where memory-mapped logs live in the user cache, what they are keyed by, and how old ones are pruned.

A mapped log is a pure function of its source and cleaning recipe (and the properties kept), so its
folder is named by a hash of those (and of the folder's format): a changed source or recipe gives a new key, and
the stale folder ages out of the cache by the size budget (least recently used first, by folder mtime, which
every use touches); a folder of an older format goes at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from usagelens import paths
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.mapped_log import (
    FORMAT,
    MANIFEST,
    Progress,
    UnusableLog,
    build_mapped_log,
    open_mapped_log,
)

if TYPE_CHECKING:
    import duckdb
    import ibis.expr.types as ir

DEFAULT_BUDGET = 20 * 2**30


def cache_root() -> Path:
    """The accelerator folder of the user cache (the test profile's, when ``USAGELENS_PROFILE_DIR`` is set)."""
    return paths.cache_folder("accelerator")


def cache_folder(key: str) -> Path:
    return cache_root() / key


def file_fingerprint(path: Path) -> str:
    """A file source's identity without reading it: absolute path, size and modification time."""
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def cache_key(source: str, recipe: object, properties: Sequence[str] = ()) -> str:
    """The key of a mapped log: a hash of the source fingerprint (or a content hash the caller gives), the
    recipe (anything JSON can write, keys sorted) and the properties kept, with the file format."""
    text = json.dumps([FORMAT, source, recipe, list(properties)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def accelerated_log(
    key: str,
    view: Callable[[], ir.Table | duckdb.DuckDBPyRelation],
    *,
    properties: Sequence[str] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    budget: int = DEFAULT_BUDGET,
) -> EventLog:
    """The mapped log of ``key``, built from ``view()`` when it is missing or unusable, never a crash for a
    bad folder; then the cache is pruned to ``budget`` bytes (this log kept)."""
    folder = cache_folder(key)
    try:
        log = open_mapped_log(folder, key=key)
    except UnusableLog:
        build_mapped_log(view(), folder, key=key, properties=properties, progress=progress, cancelled=cancelled)
        log = open_mapped_log(folder, key=key)
    os.utime(folder)
    prune(budget, keep=folder)
    return log


def prune(budget: int, *, keep: Path | None = None) -> list[Path]:
    """Remove the logs of another format (their keys are never asked for again: a key names its format), then
    the least recently used until the cache holds at most ``budget`` bytes (``keep`` stays). A folder still
    being built has no manifest yet and is left alone."""
    root = cache_root()
    stale = [folder for folder in sorted(root.iterdir()) if folder != keep and _format(folder) not in (None, FORMAT)]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return stale + paths.trim_cache(root, budget, keep=keep)


def _format(folder: Path) -> object:
    """The format a log folder's manifest names; None where there is no manifest to read."""
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError, AttributeError):
        return None
