"""Where bundled files live (source checkout or packaged app), where rebuildable caches go, how much RAM there is."""

from __future__ import annotations

import os
import sys
from pathlib import Path


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
