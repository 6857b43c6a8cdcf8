"""A source kept on disk in parts answers as the same table in one part would: every analysis (with a recipe
that keeps the first of duplicates), the grid's pages and sorts, pseudonymising a column; and an export whose
column changed type is stacked by rewriting the table whole into one part, that column as text."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_big_append import FIRST, ROLES, whole

from usagelens.io import detect_options
from usagelens.model import (
    ProtectedColumn,
    Protection,
    RecipeStep,
    SavedAnalysis,
    Source,
    SourceKind,
    file_limits,
    load_project,
    project_file,
    unpacked_tables,
)
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.model.table_identity import file_digest
from usagelens.paths import bundle_root
from usagelens.ui.data_cache import DataCache
from usagelens.workspace import engine_logs, stored_logs
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, rerun
from usagelens.workspace.append import append_files
from usagelens.workspace.big_import import import_big_events
from usagelens.workspace.personal_on_disk import protect_on_disk
from usagelens.workspace.table_pages import TablePages, TableQuery

RECIPE = [RecipeStep("remove_duplicates", {}), RecipeStep("exclude_users", {"users": ["qa_automation"]})]


def _kept(table: pa.Table, name: str) -> tuple[Path, str]:
    """A Parquet in the tables folder under its digest, as a table kept on disk lies."""
    folder = unpacked_tables.tables_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    pq.write_table(table, path)
    digest = file_digest(path)
    return path.rename(folder / f"{digest}.parquet"), digest


def _split(stored: StoredTable, at: tuple[int, ...]) -> StoredTable:
    """The same table in parts cut at rows ``at``."""
    table = pq.read_table(stored.reader())
    bounds = [0, *at, table.num_rows]
    (first, digest), *more = [_kept(table.slice(a, b - a), f"part{i}.parquet")
                              for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))]
    return StoredTable.on_disk(first, stored.member, digest, more=more)


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo project, its events kept on disk, logs built by DuckDB from any size."""
    monkeypatch.setattr(stored_logs, "STORE_FROM_ROWS", 1)
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 1024)
    path = tmp_path / "demo.ulens"
    shutil.copy(bundle_root() / "samples" / "demo.ulens", path)
    return path


def _results(path: Path, parts: tuple[int, ...] | None) -> dict[str, object]:
    project = load_project(path)
    events = project.sources_of(SourceKind.EVENTS)[0]
    project.recipes[events.id] = list(RECIPE)
    if parts is not None:
        events.table = _split(stored_table(events), parts)
    cache = DataCache()
    cache.event_log(project, events)
    assert cache.origin(project, [events]).built and not stored_table(events).decoded
    inputs = AnalysisInputs(project, cache)
    return {kind: rerun(inputs, SavedAnalysis(kind=kind, name=kind, params={})) for kind in ANALYSES}


def test_every_analysis_of_a_table_in_parts_equals_the_table_whole(demo: Path) -> None:
    rows = stored_table(load_project(demo).sources_of(SourceKind.EVENTS)[0]).rows
    whole_results = _results(demo, None)
    parts_results = _results(demo, (rows // 3, rows // 3 + 1, 2 * rows // 3))  # a part of one row, too
    for kind, result in whole_results.items():
        assert parts_results[kind].message == result.message, kind  # type: ignore[attr-defined]
        pd.testing.assert_frame_equal(parts_results[kind].table, result.table, obj=kind)  # type: ignore[attr-defined]


def test_the_grid_pages_and_sorts_across_parts(demo: Path) -> None:
    stored = stored_table(load_project(demo).sources_of(SourceKind.EVENTS)[0])
    parts = _split(stored, (100, 250))
    expected = stored.frame()
    pages = TablePages(parts)
    try:
        everything = pages.order(TableQuery())
        page = pages.page(everything, 90, 260)
        pd.testing.assert_frame_equal(page.frame, expected.iloc[90:260].reset_index(drop=True), check_dtype=False)
        assert list(page.source_rows) == list(range(90, 260))
        by_time = pages.order(TableQuery(sort=(list(stored.columns).index("timestamp"), False)))
        first = pages.page(by_time, 0, 50)
        order = np.argsort(-expected["timestamp"].to_numpy().astype("int64"), kind="stable")[:50]
        assert list(first.source_rows) == list(order)
    finally:
        pages.close()


def test_an_export_whose_column_changed_type_rewrites_the_table_whole(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first = tmp_path / "first.csv"
    first.write_text(FIRST.replace("insert_id", "n").replace(",a\n", ",1\n").replace(",b\n", ",2\n")
                     .replace(",c\n", ",3\n"), encoding="utf-8")
    later = tmp_path / "later.csv"
    later.write_text("user_id,timestamp,event,n\nu9,2024-03-01 10:00:00,open,x\n", encoding="utf-8")

    def source() -> Source:
        made = import_big_events(first, detect_options(first), ROLES, room_cells=0, progress=lambda _: None,
                                 cancelled=lambda: False)
        numbers = pd.read_parquet(stored_table(made).path).astype({"n": "Int64"})  # as pandas would have saved it
        path, digest = _kept(pa.Table.from_pandas(numbers, preserve_index=False), "n.parquet")
        made.table = StoredTable.on_disk(path, "data/s.parquet", digest)
        return made

    monkeypatch.setattr(file_limits, "MAX_CELLS", 0)
    monkeypatch.setattr(StoredTable, "_decode", lambda self: pytest.fail(f"{self.member} decoded into pandas"))
    kept = source()
    table = append_files(kept, [later], key="").fields["table"]
    assert isinstance(table, StoredTable) and len(table.parts) == 1 and table.parts != stored_table(kept).parts
    assert list(whole(table)["n"].fillna("-")) == ["1", "2", "-", "3", "x"]  # numbers and text: all text


def test_pseudonymising_a_table_in_parts_rewrites_it_whole_in_order(demo: Path) -> None:
    stored = stored_table(load_project(demo).sources_of(SourceKind.EVENTS)[0])
    protected = [ProtectedColumn("user_id", Protection.PSEUDONYMISED)]
    whole_table = protect_on_disk(stored, protected, key="k" * 64, one_way_key="")
    parts = protect_on_disk(_split(stored, (10, 500)), protected, key="k" * 64, one_way_key="")
    assert len(parts.parts) == 1
    pd.testing.assert_frame_equal(pd.read_parquet(parts.path), pd.read_parquet(whole_table.path))  # rows in order
