"""Where bundled files live, in a source checkout and in the packaged app."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The repository root when running from source; the unpacked bundle when frozen by PyInstaller."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parents[2]


def demo_project() -> Path:
    return bundle_root() / "samples" / "demo.ulens"
