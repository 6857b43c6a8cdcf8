"""Autosave of unsaved work to the user data folder, and recovery after a crash (design §3).

An autosave is an ordinary project file; it is deleted when the user saves or closes cleanly, so any that
remain at start-up were left by a crash and are offered for recovery. Autosaves hold customer data that the
user may have saved nowhere yet, so they are owner-only (0600 files in a 0700 folder) whatever the umask.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from usagelens.model import ProjectFileError, ProjectSnapshot, write_project
from usagelens.model.atomic_file import remove_leftovers_in, replacing
from usagelens.ui.settings import user_data_dir


@dataclass(frozen=True)
class Autosave:
    path: Path
    original: str  # the file the work belonged to ("" for a never-saved project)
    saved_at: datetime


PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


def _folder() -> Path:
    folder = user_data_dir() / "autosave"
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    folder.chmod(PRIVATE_FOLDER)  # a folder made by an older version (or before a umask change) is tightened
    return folder


def autosave_path(original: Path | None, session: str) -> Path:
    """One autosave per original file (or per session for an untitled project)."""
    key = str(original.resolve()) if original else f"untitled-{session}"
    return _folder() / f"{hashlib.sha1(key.encode()).hexdigest()[:16]}.ulens"


def write_autosave(snapshot: ProjectSnapshot, original: Path | None, session: str) -> Path:
    """Write the autosave of ``original`` (runs on a worker: a snapshot, not the live project)."""
    target = autosave_path(original, session)
    write_project(snapshot, target, mode=PRIVATE_FILE)
    with replacing(target.with_suffix(".json"), mode=PRIVATE_FILE) as note:  # it names the user's file
        note.write_text(json.dumps({"original": str(original or "")}), encoding="utf-8")
    return target


def discard_autosave(original: Path | None, session: str) -> None:
    remove(autosave_path(original, session))


def remove(path: Path) -> None:
    """Delete an autosave file and its note of the original."""
    path.unlink(missing_ok=True)
    path.with_suffix(".json").unlink(missing_ok=True)


def leftover_autosaves() -> list[Autosave]:
    """Autosaves a previous run did not clean up, newest first (half-written ones of a crash are deleted)."""
    folder = _folder()
    remove_leftovers_in(folder)
    found = []
    for path in folder.glob("*.ulens"):
        try:
            meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        found.append(Autosave(path, str(meta.get("original", "")), datetime.fromtimestamp(path.stat().st_mtime)))
    return sorted(found, key=lambda a: a.saved_at, reverse=True)


__all__ = ["Autosave", "ProjectFileError", "discard_autosave", "leftover_autosaves", "remove", "write_autosave"]
