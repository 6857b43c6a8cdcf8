"""Reopening a project reuses the big tables an earlier open or save left in the cache (model.unpacked_tables)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from usagelens.model import Project, Source, SourceKind, load_project, project_file, save_project, unpacked_tables
from usagelens.model.stored_table import stored_table

ROLES = {"user_id": "user", "timestamp": "time", "event": "event"}


def _frame(rows: int = 1000, event: str = "open") -> pd.DataFrame:
    return pd.DataFrame({
        "user": [f"u{i % 37:03d}" for i in range(rows)],
        "time": pd.date_range("2025-01-01", periods=rows, freq="min"),
        "event": [event] * rows,
    })


def _save(path: Path, frame: pd.DataFrame) -> Path:
    save_project(Project(name="p", sources=[Source(name="events", kind=SourceKind.EVENTS, table=frame,
                                                   roles=ROLES)]), path)
    return path


@pytest.fixture
def unpacks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Tables from 1 kB on are kept on disk (a real project's threshold is 256 MB); the members unpacked."""
    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 1024)
    calls: list[str] = []
    unpack = project_file._unpack

    def counted(archive, info):  # type: ignore[no-untyped-def]
        calls.append(info.filename)
        return unpack(archive, info)

    monkeypatch.setattr(project_file, "_unpack", counted)
    return calls


def test_a_second_open_of_the_same_file_unpacks_nothing(unpacks: list[str], tmp_path: Path) -> None:
    path = _save(tmp_path / "p.ulens", _frame())
    first = stored_table(load_project(path).sources[0])
    assert len(unpacks) == 1
    unpacked_at = first.path.stat().st_mtime_ns
    again = load_project(path)
    assert len(unpacks) == 1
    stored = stored_table(again.sources[0])
    assert (stored.path, stored.fingerprint) == (first.path, first.fingerprint)
    assert stored.path.stat().st_mtime_ns >= unpacked_at  # touched as used: the trim keeps it longest
    pd.testing.assert_frame_equal(again.sources[0].table, _frame(), check_dtype=False)


def test_a_changed_project_is_unpacked_again(unpacks: list[str], tmp_path: Path) -> None:
    path = _save(tmp_path / "p.ulens", _frame())
    load_project(path)
    _save(path, _frame(event="save"))  # the same name, other rows
    changed = load_project(path)
    assert len(unpacks) == 2
    assert set(changed.sources[0].table["event"]) == {"save"}


def test_a_file_touched_since_is_unpacked_again(unpacks: list[str], tmp_path: Path) -> None:
    """Its time changed: something may have rewritten it in place, so its members are read again."""
    path = _save(tmp_path / "p.ulens", _frame())
    load_project(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    load_project(path)
    assert len(unpacks) == 2


def test_a_project_saved_from_a_table_on_disk_opens_without_unpacking(unpacks: list[str], tmp_path: Path) -> None:
    project = load_project(_save(tmp_path / "p.ulens", _frame()))
    save_project(project, tmp_path / "copy.ulens")  # the table is streamed from the cache into the file
    copy = load_project(tmp_path / "copy.ulens")
    assert len(unpacks) == 1
    assert stored_table(copy.sources[0]).path == stored_table(project.sources[0]).path


def test_a_table_gone_from_the_cache_is_unpacked_again(unpacks: list[str], tmp_path: Path) -> None:
    path = _save(tmp_path / "p.ulens", _frame())
    project = load_project(path)
    stored_table(project.sources[0]).path.unlink()
    again = load_project(path)
    assert len(unpacks) == 2
    assert stored_table(again.sources[0]).path.exists()
    pd.testing.assert_frame_equal(again.sources[0].table, _frame(), check_dtype=False)


def test_the_index_keeps_the_latest_entries_of_tables_still_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unpacked_tables, "MAX_ENTRIES", 2)
    folder = unpacked_tables.tables_folder()
    folder.mkdir(parents=True, exist_ok=True)
    digests = [f"{n:032x}" for n in range(4)]
    for digest in digests[:3]:
        (folder / f"{digest}.parquet").write_bytes(b"x")
    unpacked_tables.remember({"a": digests[0], "b": digests[1], "gone": digests[3]})
    unpacked_tables.remember({"c": digests[2]})
    index = json.loads((unpacked_tables.index_path()).read_text())
    assert index == {"b": digests[1], "c": digests[2]}
    assert unpacked_tables.unpacked("b", 1) == (folder / f"{digests[1]}.parquet", digests[1])
    assert unpacked_tables.unpacked("b", 2) is None  # another size: not that table


@pytest.mark.parametrize("index", ['{"k": "../outside"}', "not json", '["k"]'], ids=["escaping", "damaged", "a list"])
def test_a_damaged_or_hostile_index_is_an_empty_one(index: str) -> None:
    unpacked_tables.tables_folder().mkdir(parents=True, exist_ok=True)
    outside = unpacked_tables.tables_folder().parent / "outside.parquet"  # what "../outside" would name
    outside.write_bytes(b"x")
    path = unpacked_tables.index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(index)
    assert unpacked_tables.unpacked("k", 1) is None


def test_opening_trims_the_tables_folder_to_its_budget(unpacks: list[str], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = unpacked_tables.tables_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / f"{0:032x}.parquet"
    stale.write_bytes(b"x" * 4096)
    os.utime(stale, (1, 1))  # used long ago
    monkeypatch.setattr(unpacked_tables, "TABLES_BUDGET", 1)
    project = load_project(_save(tmp_path / "p.ulens", _frame()))
    assert not stale.exists() and stored_table(project.sources[0]).path.exists()
