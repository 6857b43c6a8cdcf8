"""Preferences and recent files in ``QSettings``; tests point the profile elsewhere via an env variable."""

from __future__ import annotations

import os
from pathlib import Path

from usagelens import APP_NAME, ORG_NAME
from usagelens.ui.qt import QSettings

MAX_RECENT = 8
THEMES = ("system", "light", "dark")


def app_settings() -> QSettings:
    """The user's settings; ``USAGELENS_PROFILE_DIR`` (set by tests) keeps them in a throwaway ini file."""
    profile = os.environ.get("USAGELENS_PROFILE_DIR")
    if profile:
        return QSettings(str(Path(profile) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORG_NAME, APP_NAME)


def recent_files() -> list[str]:
    value = app_settings().value("recentFiles", [])
    files = [value] if isinstance(value, str) else list(value or [])
    return [f for f in files if f]


def add_recent_file(path: str | os.PathLike[str]) -> list[str]:
    resolved = str(Path(path).resolve())
    files = [resolved] + [f for f in recent_files() if f != resolved]
    app_settings().setValue("recentFiles", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def remove_recent_file(path: str) -> None:
    app_settings().setValue("recentFiles", [f for f in recent_files() if f != path])


def user_data_dir() -> Path:
    """Where autosaves live (platformdirs), or inside the test profile."""
    profile = os.environ.get("USAGELENS_PROFILE_DIR")
    if profile:
        folder = Path(profile) / "data"
    else:
        from platformdirs import user_data_dir as platform_dir

        folder = Path(platform_dir(APP_NAME, ORG_NAME))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def reopen_last_project() -> bool:
    """The preference "reopen the last project at start" (off: the welcome page comes first)."""
    return str(app_settings().value("reopenLastProject", "false")).lower() == "true"


def set_reopen_last_project(on: bool) -> None:
    app_settings().setValue("reopenLastProject", on)


def last_project() -> str | None:
    """The most recent project if it is still there, for reopening it at start."""
    return next((path for path in recent_files()[:1] if Path(path).is_file()), None)


def theme_preference() -> str:
    """The chosen look: "system" (follow the platform's light or dark scheme, the default), "light" or "dark"."""
    value = str(app_settings().value("theme", "system"))
    return value if value in THEMES else "system"


def set_theme_preference(theme: str) -> None:
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: choose one of {', '.join(THEMES)}")
    app_settings().setValue("theme", theme)


SCAN_QUESTION_ABOVE = 10**9  # bytes: BigQuery bills 1 TB a month free; a first run over 1 GB asks first


def scan_question_above() -> int:
    """The preference "ask before a BigQuery query that scans more than this many bytes" (dry-run estimate)."""
    try:
        return max(int(app_settings().value("warehouse/scanQuestionAbove", SCAN_QUESTION_ABOVE)), 0)
    except (TypeError, ValueError):
        return SCAN_QUESTION_ABOVE


def set_scan_question_above(size: int) -> None:
    app_settings().setValue("warehouse/scanQuestionAbove", int(size))
