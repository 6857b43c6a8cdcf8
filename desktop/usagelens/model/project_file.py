"""Reading and writing `.ulens` project files (design §3).

A project file is a plain zip anyone can open: ``manifest.json`` (format and version), ``project.json``
(everything but the tables), ``data/<source-id>.parquet`` (each raw source table) and
``snapshots/<finding-id>.png`` (the chart image of a pinned finding). No pickle and no code are ever stored,
so opening a file from a colleague cannot run anything. Saves are atomic: a half-written file
never replaces a good one.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from usagelens import __version__
from usagelens.model.entities import Project, Source
from usagelens.model.serialize import from_json, to_json

FORMAT_NAME = "usagelens-project"
FORMAT_VERSION = 1
SUFFIX = ".ulens"


class ProjectFileError(Exception):
    """A project file cannot be opened or saved; the message is meant for the user as is."""


@dataclass(frozen=True)
class ProjectSnapshot:
    """Everything a save writes, taken on the thread that owns the project, so the slow part of saving
    (encoding the tables, compressing, fsync) can run on a worker while the user goes on editing. Tables are
    never changed in place (edits and refreshes replace them), so holding them is a snapshot."""

    project_json: str
    tables: dict[str, pd.DataFrame]  # source id -> raw table
    images: dict[str, bytes]  # zip member -> pinned finding's PNG


def snapshot_project(project: Project) -> ProjectSnapshot:
    """The project as it is now, for :func:`write_project`; cheap (no table is copied or encoded)."""
    return ProjectSnapshot(
        project_json=json.dumps(_project_payload(project), indent=2, ensure_ascii=False),
        tables={source.id: source.table for source in project.sources},
        images={_snapshot_name(f.id): f.snapshot for f in project.findings if f.snapshot},
    )


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Write ``project`` to ``path`` atomically (temp file in the same folder, fsync, rename)."""
    write_project(snapshot_project(project), path)


def write_project(snapshot: ProjectSnapshot, path: str | os.PathLike[str]) -> None:
    """Write a snapshot to ``path`` atomically; safe on any thread."""
    target = Path(path)
    tables = {source_id: _table_bytes(table) for source_id, table in snapshot.tables.items()}
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ProjectFileError(f"Cannot save to {target.parent}: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("manifest.json", json.dumps(_manifest(), indent=2))
                archive.writestr("project.json", snapshot.project_json)
                # Parquet and PNG are already compressed; deflating them again only costs time.
                for source_id, data in tables.items():
                    archive.writestr(f"data/{source_id}.parquet", data, compress_type=zipfile.ZIP_STORED)
                for member, image in snapshot.images.items():
                    archive.writestr(member, image, compress_type=zipfile.ZIP_STORED)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _file_mode(target))
        os.replace(tmp_name, target)
        _fsync_directory(target.parent)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise ProjectFileError(f"Cannot save {target.name}: {exc.strerror or exc}.") from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a project file, refusing newer, unknown or damaged files with a clear message."""
    source_path = Path(path)
    name = source_path.name
    try:
        archive = zipfile.ZipFile(source_path)
    except FileNotFoundError as exc:
        raise ProjectFileError(f"{name} does not exist (was it moved or deleted?).") from exc
    except IsADirectoryError as exc:
        raise ProjectFileError(f"{name} is a folder, not a UsageLens project file.") from exc
    except PermissionError as exc:
        raise ProjectFileError(f"You do not have permission to read {name}.") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise ProjectFileError(f"{name} is not a UsageLens project, or the file is damaged.") from exc
    with archive:
        manifest = _read_json(archive, "manifest.json", name)
        if manifest.get("format") != FORMAT_NAME:
            raise ProjectFileError(f"{name} is not a UsageLens project file.")
        version = manifest.get("version")
        if not isinstance(version, int) or version < 1:
            raise ProjectFileError(f"{name} has an unknown project format version ({version!r}).")
        if version > FORMAT_VERSION:
            saved_by = manifest.get("app_version", "a newer version")
            raise ProjectFileError(
                f"{name} was saved by UsageLens {saved_by} in a newer format (version {version}). "
                "Please update UsageLens to open it."
            )
        payload = _read_json(archive, "project.json", name)
        try:
            return _project_from_payload(payload, archive)
        except Exception as exc:  # any malformed content is a damaged file to the user
            raise ProjectFileError(f"{name} is damaged and cannot be opened ({exc}).") from exc


def _manifest() -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _project_payload(project: Project) -> dict[str, Any]:
    payload: dict[str, Any] = to_json(project)
    for entry, source in zip(payload["sources"], project.sources, strict=True):
        entry["table_file"] = f"data/{source.id}.parquet"
        entry["rows"] = len(source.table)
    return payload


def _project_from_payload(payload: dict[str, Any], archive: zipfile.ZipFile) -> Project:
    sources_json = payload.pop("sources", [])
    project = from_json(Project, payload)
    for entry in sources_json:
        table_name = entry.get("table_file") or f"data/{entry['id']}.parquet"
        table = _read_table(archive, table_name)
        project.sources.append(from_json(Source, entry, table=table))
    names = set(archive.namelist())
    for finding in project.findings:
        if _snapshot_name(finding.id) in names:
            finding.snapshot = archive.read(_snapshot_name(finding.id))
    return project


def _snapshot_name(finding_id: str) -> str:
    """Where a pinned finding's chart image lives in the zip (a PNG anyone can open)."""
    return f"snapshots/{finding_id}.png"


def _table_bytes(table: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    _storable(table).to_parquet(buffer, engine="pyarrow", index=False)
    return buffer.getvalue()


def _storable(frame: pd.DataFrame) -> pd.DataFrame:
    """Parquet needs one type per column; mixed Python objects are stored as text rather than failing."""
    mixed = [
        col
        for col in frame.columns
        if frame[col].dtype == object
        and frame[col].dropna().map(type).nunique() > 1
    ]
    if not mixed:
        return frame
    fixed = frame.copy()
    for col in mixed:
        fixed[col] = frame[col].map(lambda v: v if v is None or (isinstance(v, float) and v != v) else str(v))
    return fixed


def _read_table(archive: zipfile.ZipFile, member: str) -> pd.DataFrame:
    try:
        data = archive.read(member)
    except KeyError as exc:
        raise ValueError(f"the table {member} is missing") from exc
    return pd.read_parquet(io.BytesIO(data), engine="pyarrow")


def _read_json(archive: zipfile.ZipFile, member: str, name: str) -> dict[str, Any]:
    try:
        data = json.loads(archive.read(member).decode("utf-8"))
    except KeyError as exc:
        raise ProjectFileError(f"{name} is not a UsageLens project file ({member} is missing).") from exc
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
        raise ProjectFileError(f"{name} is damaged and cannot be opened.") from exc
    if not isinstance(data, dict):
        raise ProjectFileError(f"{name} is damaged and cannot be opened.")
    return data


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (temp files start owner-only)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
