"""Locating the app's icons and style sheet, in a source checkout and in the packaged app alike."""

from __future__ import annotations

from pathlib import Path

from usagelens.paths import bundle_root
from usagelens.ui.qt import QIcon


def resources_dir() -> Path:
    """``resources/`` at the repository root, or inside the PyInstaller bundle."""
    return bundle_root() / "resources"


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "usagelens.svg"))


def style_sheet() -> str:
    """The app's style sheet, its ``@ICONS@`` image paths made absolute (a relative ``url()`` in a style
    sheet is resolved against the working directory, which is anywhere)."""
    path = resources_dir() / "styles" / "app.qss"
    if not path.exists():
        return ""
    return path.read_text(encoding="utf-8").replace("@ICONS@", (resources_dir() / "icons").as_posix())
