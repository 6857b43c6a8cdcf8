"""An events export too big for memory is imported by DuckDB into a table kept on disk; the project saves and
reopens it, and its analyses equal the in-memory import's (workspace.big_import)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.io import ImportFailed, build_source, detect_options
from usagelens.model import Project, SavedAnalysis, SourceKind, file_limits, load_project, save_project
from usagelens.model.stored_table import room_left, stored_table
from usagelens.ui.data_cache import DataCache
from usagelens.workspace import engine_logs, stored_logs
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, rerun
from usagelens.workspace.big_import import ImportCancelled, import_big_events, needs_engine_import

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
EVENTS_CSV = """user_id,timestamp,event,plan
007,2024-01-01 09:00:00,open,pro
7,2024-01-01 10:00:00,open,free
007,2024-01-02T09:30:00Z,save,pro
008,2024-01-08 11:00:00+02:00,open,
008,,save,free
7,2024-01-09 08:00:00,share,free
009,2024-01-15 12:00:00.250000,open,pro
007,2024-01-16 09:00:00,open,pro
"""


def _csv(tmp_path: Path, text: str = EVENTS_CSV, name: str = "events.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _ignore(_fraction: float) -> None:
    pass


def _never() -> bool:
    return False


def test_the_export_becomes_a_table_kept_on_disk_equal_to_the_in_memory_import(tmp_path: Path) -> None:
    path = _csv(tmp_path)
    options = detect_options(path)
    source = import_big_events(path, options, ROLES, room_cells=10, progress=_ignore, cancelled=_never)
    stored = stored_table(source)
    assert stored is not None and stored.path is not None and stored.path.parent.name == "tables"
    assert stored.rows == 8 and source.failed_timestamps == 1 and source.kind is SourceKind.EVENTS
    table = pd.read_parquet(stored.path)
    assert list(table["user_id"]) == ["007", "7", "007", "008", "008", "7", "009", "007"]  # ids stay text
    in_memory = build_source(path, options, SourceKind.EVENTS, ROLES).table
    pd.testing.assert_series_equal(
        table["timestamp"].astype("datetime64[us]"), in_memory["timestamp"].astype("datetime64[us]"),
        check_names=False,
    )  # UTC offsets converted, microseconds kept, the blank one missing
    assert room_left([source]) == file_limits.MAX_CELLS  # kept on disk: not charged to pandas' budget


def test_a_saved_and_reopened_big_source_analyses_like_the_in_memory_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stored_logs, "STORE_FROM_ROWS", 1)
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    from usagelens.model import project_file

    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 64)
    path = _csv(tmp_path)
    options = detect_options(path)
    big = import_big_events(path, options, ROLES, room_cells=10, progress=_ignore, cancelled=_never)
    save_project(Project(name="big", sources=[big]), tmp_path / "big.ulens")
    reopened = load_project(tmp_path / "big.ulens")
    assert stored_table(reopened.sources[0]).path is not None
    small = Project(name="small", sources=[build_source(path, options, SourceKind.EVENTS, ROLES)])
    for kind in ("active_users", "event_counts", "funnel", "retention", "paths", "lifecycle"):
        got = rerun(AnalysisInputs(reopened, DataCache()), SavedAnalysis(kind=kind, name=kind, params={}))
        want = rerun(AnalysisInputs(small, DataCache()), SavedAnalysis(kind=kind, name=kind, params={}))
        pd.testing.assert_frame_equal(got.table, want.table, obj=kind)
    assert not stored_table(reopened.sources[0]).decoded
    assert set(ANALYSES) >= {"active_users", "lifecycle"}


def test_only_events_exports_that_do_not_fit_go_through_duckdb(tmp_path: Path) -> None:
    path = _csv(tmp_path)
    options = detect_options(path)
    assert needs_engine_import(path, options, SourceKind.EVENTS, 4, room_cells=10)
    assert not needs_engine_import(path, options, SourceKind.EVENTS, 4, room_cells=10_000)
    assert not needs_engine_import(path, options, SourceKind.CUSTOMERS, 4, room_cells=10)


def test_times_that_are_not_iso_are_refused_before_a_long_conversion(tmp_path: Path) -> None:
    path = _csv(tmp_path, "user_id,timestamp,event\n" + "".join(f"u{i},31/12/2024 10:0{i % 10},open\n"
                                                               for i in range(50)))
    with pytest.raises(ImportFailed, match=r"not in the ISO 8601 form a file this big needs"):
        import_big_events(path, detect_options(path), ROLES, room_cells=10, progress=_ignore, cancelled=_never)


def test_a_missing_column_or_an_unreadable_file_is_one_sentence(tmp_path: Path) -> None:
    path = _csv(tmp_path)
    with pytest.raises(ImportFailed, match="when"):
        import_big_events(path, detect_options(path), {**ROLES, "timestamp": "when"}, room_cells=10,
                          progress=_ignore, cancelled=_never)
    workbook = tmp_path / "events.xlsx"
    workbook.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFailed, match=r"DuckDB, which cannot read this one: a zip archive or workbook"):
        import_big_events(workbook, detect_options(path), ROLES, room_cells=10, progress=_ignore, cancelled=_never)


def test_a_cancelled_import_leaves_nothing_behind(tmp_path: Path) -> None:
    from usagelens.paths import cache_folder

    rows = "".join(f"u{i % 977},2024-01-{1 + i % 28:02d} 10:00:00,e{i % 13}\n" for i in range(400_000))
    path = _csv(tmp_path, "user_id,timestamp,event\n" + rows)
    before = set(cache_folder("tables").glob("*")) if cache_folder("tables").exists() else set()
    with pytest.raises(ImportCancelled):
        import_big_events(path, detect_options(path), ROLES, room_cells=10, progress=_ignore, cancelled=lambda: True)
    assert set(cache_folder("tables").glob("*")) == before
