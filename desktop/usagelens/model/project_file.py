"""Reading and writing `.ulens` project files (design §3).

A project file is a plain zip anyone can open: ``manifest.json`` (format and version), ``project.json``
(everything but the tables), ``data/<source-id>.parquet`` (each raw source table; a big one appended to on
disk also ``data/<source-id>.2.parquet``… for its further parts) and
``snapshots/<finding-id>.png`` (the chart image of a pinned finding) and ``results/<digest>.parquet`` (a
linked warehouse source's kept results, each with its key and time). No pickle and no code are ever stored,
so opening a file from a colleague cannot run anything; a damaged or hostile one ends in one sentence, within
the limits of :mod:`usagelens.model.file_limits`, its ``project.json`` checked against the model. Saves are
atomic (:mod:`usagelens.model.atomic_file`): a half-written file never replaces a good one.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import re
import uuid
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from usagelens import __version__
from usagelens.model import table_identity, unpacked_tables
from usagelens.model.atomic_file import remove_leftovers, replacing
from usagelens.model.entities import Project, Source
from usagelens.model.file_limits import (
    KEPT_ON_DISK_FROM,
    MAX_DISK_TABLE_BYTES,
    MAX_IMAGE_BYTES,
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    MAX_KEPT_RESULTS_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_TABLE_BYTES,
    LimitExceeded,
    TableBudget,
    check_directory,
    checked_member,
    read_member,
    tame_json,
)
from usagelens.model.file_upgrades import CURRENT, upgraded
from usagelens.model.serialize import from_json, to_json
from usagelens.model.stored_table import StoredTable, held_table, row_count
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.paths import trim_cache

if TYPE_CHECKING:  # imported when a table is written or read: the GUI's start path reaches this module
    import pandas as pd

FORMAT_NAME = "usagelens-project"
FORMAT_VERSION = CURRENT  # 2: cohorts; 3: marked quotes, endorsements; 4: tables in parts (model.file_upgrades)
SUFFIX = ".ulens"
CANNOT_SAVE = QT_TRANSLATE_NOOP("ProjectFile", "Cannot save {name}: {reason}.")
SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # ids become zip member names
UNPACK_CHUNK = 8 << 20
RESULTS_FOLDER = "results/"


class ProjectFileError(Exception):
    """A project file cannot be opened or saved; the message is meant for the user as is."""


@dataclass(frozen=True)
class ProjectSnapshot:
    """Everything a save writes, taken on the thread that owns the project, so the slow part of saving
    (encoding the tables, compressing, fsync) can run on a worker while the user goes on editing. Tables are
    never changed in place (edits and refreshes replace them), so holding them is a snapshot."""

    project_json: str
    tables: dict[str, pd.DataFrame | StoredTable]  # source id -> raw table (as held: maybe never decoded)
    images: dict[str, bytes]  # finding id -> pinned finding's PNG
    results: dict[str, bytes] = field(default_factory=dict)  # digest -> a kept warehouse result's Parquet


def snapshot_project(project: Project) -> ProjectSnapshot:
    """The project as it is now, for :func:`write_project`; cheap (no table is copied or encoded)."""
    return ProjectSnapshot(
        project_json=json.dumps(_project_payload(project), indent=2, ensure_ascii=False),
        tables={source.id: held_table(source) for source in project.sources},
        images={f.id: f.snapshot for f in project.findings if f.snapshot},
        results=dict(project.warehouse_results),  # one C-level copy: a worker may be keeping another
    )


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Write ``project`` to ``path`` atomically (temp file in the same folder, fsync, rename)."""
    write_project(snapshot_project(project), path)


def write_project(snapshot: ProjectSnapshot, path: str | os.PathLike[str], *, mode: int | None = None) -> None:
    """Write a snapshot to ``path`` atomically; safe on any thread. Through a symlink the linked file is
    written; ``mode`` forces its permissions (autosaves are owner-only), else an existing file keeps its own.
    Temp files that killed saves of the same file left behind are removed first."""
    target = Path(path)
    try:
        members = {_table_member(source_id): table for source_id, table in snapshot.tables.items()}
        images = {_snapshot_member(finding_id): image for finding_id, image in snapshot.images.items()}
        images |= {_result_member(digest): data for digest, data in snapshot.results.items()}
    except UnsafeId as exc:
        raise ProjectFileError(CANNOT_SAVE.format(name=target.name, reason=str(exc))) from exc
    kept = {member: table for member, table in members.items()
            if isinstance(table, StoredTable) and table.path is not None}  # streamed, never held as bytes
    tables = {member: _table_bytes(table) for member, table in members.items() if member not in kept}
    on_disk = {part_member: (path, fingerprint) for member, stored in kept.items()
               for part_member, path, fingerprint in _parts(member, stored)}
    budget = TableBudget()
    try:
        for member, data in tables.items():
            budget.spend(data, member)  # the check a load makes: never write a file that cannot be opened again
        for member, stored in kept.items():
            for (part_member, _, _), reader in zip(_parts(member, stored), stored.readers(), strict=True):
                budget.spend(reader, part_member, on_disk=True)
    except LimitExceeded as exc:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "Cannot save {name}: {reason}. Remove a source (or "
                                                                "refresh it with a shorter export) and save again.")
                               .format(name=target.name, reason=str(exc))) from exc
    try:
        with replacing(target, mode=mode) as temporary, open(temporary, "wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("manifest.json", json.dumps(_manifest(), indent=2))
                archive.writestr("project.json", snapshot.project_json)
                # Parquet and PNG are already compressed; deflating them again only costs time.
                for member, data in (tables | images).items():
                    archive.writestr(member, data, compress_type=zipfile.ZIP_STORED)
                for member, (part, _) in on_disk.items():
                    archive.write(part, member, compress_type=zipfile.ZIP_STORED)
    except OSError as exc:
        raise ProjectFileError(CANNOT_SAVE.format(name=target.name, reason=str(exc.strerror or exc))) from exc
    unpacked_tables.remember_saved(target, {member: fingerprint for member, (_, fingerprint) in on_disk.items()})


def _parts(member: str, stored: StoredTable) -> list[tuple[str, Path, str]]:
    """The members a table kept on disk is saved as (``data/<id>.parquet``, then ``data/<id>.2.parquet``… for
    its further parts), each with its file and digest."""
    return [(_part_member(member, number), path, fingerprint)
            for number, (path, fingerprint) in enumerate(zip(stored.parts, stored.part_fingerprints, strict=True))]


def _part_member(member: str, number: int) -> str:
    """The member of part ``number`` (from 0) of the table saved as ``member``; ids hold no dot, so a part's
    name never clashes with another source's table."""
    return member if number == 0 else f"{member.removesuffix('.parquet')}.{number + 1}.parquet"


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a project file, refusing newer, unknown, damaged or hostile files with one clear sentence.

    Opening also removes temp files that killed saves of this file left beside it.
    """
    source_path = Path(path)
    name = source_path.name
    remove_leftovers(source_path)
    try:
        with open(source_path, "rb") as handle:
            check_directory(handle)
            try:
                archive = zipfile.ZipFile(handle)
            except zipfile.BadZipFile as exc:
                raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} is not a UsageLens project, or the "
                                                                        "file is damaged.").format(name=name)) from exc
            with archive:
                return _read_archive(archive, name)
    except ProjectFileError:
        raise
    except FileNotFoundError as exc:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} does not exist (was it moved or deleted?).")
                               .format(name=name)) from exc
    except IsADirectoryError as exc:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} is a folder, not a UsageLens project file.")
                               .format(name=name)) from exc
    except PermissionError as exc:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "You do not have permission to read {name}.")
                               .format(name=name)) from exc
    except LimitExceeded as exc:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} is too large to open safely: {reason}.")
                               .format(name=name, reason=str(exc))) from exc
    except (ValueError, KeyError, OSError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} is damaged and cannot be opened ({reason}).")
                               .format(name=name, reason=_reason(exc))) from exc


def _read_archive(archive: zipfile.ZipFile, name: str) -> Project:
    try:
        manifest = _read_json(archive, "manifest.json", MAX_MANIFEST_BYTES)
    except KeyError as exc:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} is not a UsageLens project file "
                                                                "(manifest.json is missing).").format(
            name=name)) from exc
    if manifest.get("format") != FORMAT_NAME:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} is not a UsageLens project file.").format(
            name=name))
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} has an unknown project format version "
                                                                "({version}).").format(name=name,
                                                                                       version=f"{version!r:.20}"))
    if version > FORMAT_VERSION:
        saved_by = str(manifest.get("app_version", "a newer version"))[:20]
        raise ProjectFileError(QT_TRANSLATE_NOOP("ProjectFile", "{name} was saved by UsageLens {saved_by} in a newer "
                                                                "format (version {version}). Please update UsageLens "
                                                                "to open it.").format(name=name, saved_by=saved_by,
                                                                                      version=version))
    payload = _read_json(archive, "project.json", MAX_JSON_BYTES)
    tame_json(payload)
    return _project_from_payload(upgraded(payload, version), archive)


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
        entry["table_file"] = f"data/{source.id}.parquet"  # for people reading the zip; loading derives it
        entry["rows"] = row_count(source)
    return payload


def _project_from_payload(payload: dict[str, Any], archive: zipfile.ZipFile) -> Project:
    """The model from ``project.json``, each value checked against its type (ValueError names the place);
    tables and chart images are read only once the JSON has passed, each within the file's limits."""
    sources_json = payload.pop("sources", [])
    if not isinstance(sources_json, list):
        raise ValueError("sources should be a list")
    project = from_json(Project, payload)
    project.adopt_legacy_salt(payload)  # 0.1 kept the pseudonym key in project.json; it moves out
    sources = [from_json(Source, entry, at=f"sources[{i}]", table=None) for i, entry in enumerate(sources_json)]
    ids = [source.id for source in sources]
    if len(set(ids)) < len(ids):
        raise ValueError("two sources share one id")
    budget = TableBudget()
    names = set(archive.namelist())
    for source in sources:
        source.table = _read_table(archive, _table_member(source.id), budget, names)
        project.sources.append(source)
    for finding in project.findings:
        member = _snapshot_member(finding.id)
        if member in names:
            finding.snapshot = read_member(archive, member, MAX_IMAGE_BYTES)
    project.warehouse_results = _kept_results(archive)
    return project


def _kept_results(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """The kept warehouse results, up to :data:`MAX_KEPT_RESULTS_BYTES` in all (a save keeps them within it): a
    cache, so what is beyond (or named oddly) is left out rather than refused; whoever reads one checks it."""
    kept: dict[str, bytes] = {}
    room = MAX_KEPT_RESULTS_BYTES
    for info in archive.infolist():
        if not info.filename.startswith(RESULTS_FOLDER):
            continue
        digest = info.filename[len(RESULTS_FOLDER):].removesuffix(".parquet")
        if not SAFE_ID.fullmatch(digest) or info.file_size > room:
            continue
        kept[digest] = read_member(archive, info.filename, room)
        room -= len(kept[digest])
    return kept


class UnsafeId(ValueError):
    """An id that cannot name a part of the zip (it would escape its folder or clash with another)."""


def _member(folder: str, item_id: str, suffix: str) -> str:
    """``folder/<id><suffix>``; ids are the app's own short hex names, anything else is refused, so no
    ``..``, slash or backslash from a hostile or hand-edited file ever reaches a zip member name."""
    if not SAFE_ID.fullmatch(item_id):
        raise UnsafeId(f"the id {item_id[:40]!r} cannot name a file inside the project")
    return f"{folder}/{item_id}{suffix}"


def _table_member(source_id: str) -> str:
    """Where a source's raw table lives in the zip (design §3)."""
    return _member("data", source_id, ".parquet")


def _snapshot_member(finding_id: str) -> str:
    """Where a pinned finding's chart image lives in the zip (a PNG anyone can open)."""
    return _member("snapshots", finding_id, ".png")


def _result_member(digest: str) -> str:
    """Where a kept warehouse result lives in the zip."""
    return _member(RESULTS_FOLDER.rstrip("/"), digest, ".parquet")


def _table_bytes(table: pd.DataFrame | StoredTable) -> bytes:
    if isinstance(table, StoredTable):  # as it was read: written back without decoding or encoding
        return table.data
    buffer = io.BytesIO()
    _storable(table).to_parquet(buffer, engine="pyarrow", index=False)
    data = buffer.getvalue()
    table_identity.remember(table, table_identity.digest(data))
    return data


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


def _read_table(archive: zipfile.ZipFile, member: str, budget: TableBudget, names: set[str]) -> StoredTable:
    """A source's table, once its Parquet metadata fits the project's budget; decoded when first read. A big
    one (or one saved in parts, among the archive's ``names``) is unpacked into the user cache and kept there
    rather than held in memory as bytes."""
    try:
        more = list(itertools.takewhile(lambda m: m in names, (_part_member(member, n) for n in itertools.count(1))))
        if more:  # a table kept in parts (appended to on disk): every part goes to the cache, read in place
            parts = [_table_on_disk(archive, part) for part in (member, *more)]
            for part in parts:
                budget.spend(part.reader(), part.member, on_disk=True)
            first = parts[0]
            return StoredTable.on_disk(first.parts[0], member, first.fingerprint,
                                       more=[(part.parts[0], part.fingerprint) for part in parts[1:]])
        declared = archive.getinfo(member).file_size
        if declared >= KEPT_ON_DISK_FROM:
            stored = _table_on_disk(archive, member)
            budget.spend(stored.reader(), member, on_disk=True)
            return stored
        data = read_member(archive, member, MAX_TABLE_BYTES)
    except KeyError:
        raise ValueError(f"the table {member} is missing") from None
    budget.spend(data, member)
    return StoredTable(data, member)


def _table_on_disk(archive: zipfile.ZipFile, member: str) -> StoredTable:
    """A big table as a file of the user cache: the one an earlier open or save of this very file left there
    (:mod:`unpacked_tables`), else unpacked now; the tables folder is then trimmed to its budget."""
    info = checked_member(archive, member, MAX_DISK_TABLE_BYTES)
    key = unpacked_tables.member_key(archive, info)
    known = unpacked_tables.unpacked(key, info.file_size)
    if known is not None:
        try:
            return StoredTable.on_disk(known[0], member, known[1])
        except ValueError:
            pass  # gone from the cache (or damaged) since it was checked: unpacked again
    path, fingerprint = _unpack(archive, info)
    if key is not None:
        unpacked_tables.remember({key: fingerprint})
    trim_cache(path.parent, unpacked_tables.TABLES_BUDGET, keep=path)
    return StoredTable.on_disk(path, member, fingerprint)


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[Path, str]:
    """Unpack a big table, streamed and hashed as it goes, into the user cache under its digest (a table
    already there from an open of another file is the same bytes and is kept): its path and digest."""
    member = info.filename
    folder = unpacked_tables.tables_folder()
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{uuid.uuid4().hex}.partial"
    digest = hashlib.sha256()
    try:
        with archive.open(info) as source, open(partial, "wb") as target:
            while chunk := source.read(UNPACK_CHUNK):
                digest.update(chunk)
                target.write(chunk)
        import pyarrow as pa
        import pyarrow.parquet as pq  # here, not at import: the GUI's start path reaches this module

        try:
            pq.ParquetFile(partial)  # not a table: refused before it takes a place in the cache
        except (pa.ArrowException, OSError) as exc:
            raise ValueError(f"{member} is not a readable table") from exc
        fingerprint = digest.hexdigest()[: len(table_identity.digest(b""))]
        path = folder / f"{fingerprint}.parquet"
        if path.exists():
            os.utime(path)  # most recently used
        else:
            os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path, fingerprint


def _read_json(archive: zipfile.ZipFile, member: str, limit: int) -> dict[str, Any]:
    """A JSON object member; KeyError when missing, ValueError when it is not one."""
    raw = read_member(archive, member, limit)
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise LimitExceeded(f"its {member} is nested more than {MAX_JSON_DEPTH} levels deep") from None
    except UnicodeDecodeError:
        raise ValueError(f"{member} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{member} stops being valid JSON at line {exc.lineno}") from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise ValueError(f"{member} is not valid JSON") from None
    if not isinstance(data, dict):
        raise ValueError(f"{member} should hold an object")
    return data


def _reason(exc: BaseException) -> str:
    """The cause of a failed open in a few words; zip and zlib errors mean the bytes were changed."""
    if isinstance(exc, zlib.error | EOFError | zipfile.BadZipFile):
        return "its contents were changed or cut short"
    if isinstance(exc, KeyError):
        return f"{exc.args[0] if exc.args else 'a part'} is missing"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= 160 else text[:159] + "…"
