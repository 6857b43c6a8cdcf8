"""Where bundled files live (source checkout or packaged app), where rebuildable caches go, how much RAM there is."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import weakref
from collections import Counter
from pathlib import Path

_held: Counter[Path] = Counter()  # cache entries in use by live objects of this process, and by how many
_held_lock = threading.RLock()  # re-entrant: a finalizer may release a hold during a collection in the lock


def bundle_root() -> Path:
    """The repository root when running from source; the unpacked bundle when frozen by PyInstaller."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parents[2]


def demo_project() -> Path:
    return bundle_root() / "samples" / "demo.ulens"


def cache_folder(name: str) -> Path:
    """A folder of the user cache for things UsageLens can rebuild (DuckDB's spill files, converted exports,
    accelerator encodings); under ``USAGELENS_PROFILE_DIR`` when tests set it, so they never touch the real one."""
    profile = os.environ.get("USAGELENS_PROFILE_DIR")
    if profile:
        return Path(profile) / "cache" / name
    from platformdirs import user_cache_dir

    from usagelens import APP_NAME, ORG_NAME

    return Path(user_cache_dir(APP_NAME, ORG_NAME)) / name


def physical_memory() -> int | None:
    """Bytes of RAM, or None where the OS does not say (then nothing is sized by it)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None


def trim_cache(folder: Path, budget_bytes: int, *, keep: Path | None = None) -> list[Path]:
    """Delete the least recently used entries (files or folders, by modification time, which every use
    touches) of a cache folder until it holds at most ``budget_bytes``; ``keep`` stays whatever its size.
    Returns what was removed."""
    if not folder.is_dir():
        return []
    entries = sorted(folder.iterdir(), key=lambda entry: entry.stat().st_mtime)
    with _held_lock:
        in_use = {entry for entry in entries if _held[entry.absolute()]}
    sizes = {entry: _size(entry) for entry in entries}
    total, removed = sum(sizes.values()), []
    for entry in entries:
        if total <= budget_bytes:
            break
        if entry == keep or entry in in_use:
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        total -= sizes[entry]
        removed.append(entry)
    return removed


def hold(path: Path, owner: object) -> None:
    """Keep ``path`` out of every :func:`trim_cache` while ``owner`` lives.

    A table kept on disk lives in the cache, yet it is the only copy of a big import not saved yet, and an open
    project reads (and saves) its table from there: a trim made for another table must not take it away."""
    key = path.absolute()
    with _held_lock:
        _held[key] += 1
    weakref.finalize(owner, _release, key)


def _release(key: Path) -> None:
    with _held_lock:
        _held[key] -= 1
        if _held[key] <= 0:
            del _held[key]


def _size(entry: Path) -> int:
    if entry.is_dir():
        return sum(path.stat().st_size for path in entry.rglob("*") if path.is_file())
    return entry.stat().st_size
