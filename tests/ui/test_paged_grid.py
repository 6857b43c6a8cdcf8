"""The grid over a stored table too big to decode: it looks and behaves as the in-memory grid, never decoding."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QItemSelection

from usagelens.model import Project, Source, SourceKind, load_project, save_project
from usagelens.model.steps import STEPS
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.paged_model import PAGE_ROWS, PagedModel
from usagelens.ui.pages.data import DataPage
from usagelens.ui.qt import QApplication, QItemSelectionModel, Qt
from usagelens.ui.workers import TaskRunner
from usagelens.workspace import engine_logs, table_pages

ROWS = 700  # three pages


def raw_frame(rows: int = ROWS) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    names = np.array(["Anna", "bert", "CARLA", "dörte", None, "=1+1", "émile"], dtype=object)
    times = pd.Series(pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 30, rows), unit="D"))
    times[::50] = pd.NaT
    return pd.DataFrame({
        "user": pd.Series(names[rng.integers(0, len(names), rows)], dtype="str"),
        "time": times.astype("datetime64[us]"),
        "amount": rng.choice([1.5, 2.0, np.nan, 1234.5678], rows),
        "n": rng.integers(0, 5, rows),
        "paid": rng.random(rows) < 0.5,
    })


def as_stored(frame: pd.DataFrame) -> StoredTable:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return StoredTable(buffer.getvalue(), "raw/events.parquet")


def cells(qtbot, grid: DataTableWidget) -> list[list[object]]:  # type: ignore[no-untyped-def]
    """Every cell's text and the row headers, once the paged grid has read all its pages."""
    model = grid.model
    qtbot.waitUntil(lambda: not model.busy, timeout=20000)
    if isinstance(model, PagedModel):
        for row in range(0, model.rowCount(), PAGE_ROWS):  # at most a cache's worth: all of them stay
            model.data(model.index(row, 0))
        qtbot.waitUntil(lambda: all(model.data(model.index(row, 0)) is not None
                                    for row in range(0, model.rowCount(), PAGE_ROWS)), timeout=20000)
    vertical = Qt.Orientation.Vertical
    columns = range(model.columnCount())
    return [[model.headerData(row, vertical)] + [model.data(model.index(row, col)) for col in columns]
            for row in range(model.rowCount())]


@pytest.fixture
def grids(qtbot):  # type: ignore[no-untyped-def]
    """The same table in the in-memory grid and, stored, in the paged grid."""
    frame = raw_frame()
    stored = as_stored(frame)
    memory, paged = (DataTableWidget(typed_headers=True) for _ in range(2))
    for grid in (memory, paged):
        qtbot.addWidget(grid)
        grid.resize(900, 500)
    memory.set_frame(pd.read_parquet(io.BytesIO(stored.data)))
    paged.set_stored(stored)
    assert isinstance(paged.model, PagedModel)
    yield memory, paged, stored
    assert not stored.decoded


def test_cells_headers_and_counts_equal_the_in_memory_grid(qtbot, grids) -> None:  # type: ignore[no-untyped-def]
    memory, paged, _ = grids
    horizontal = Qt.Orientation.Horizontal
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        assert [paged.model.headerData(c, horizontal, role) for c in range(5)] == \
               [memory.model.headerData(c, horizontal, role) for c in range(5)]
    assert paged.model.data(paged.model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole) == \
           memory.model.data(memory.model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole)
    assert [paged.filter_column.itemText(i) for i in range(6)] == [memory.filter_column.itemText(i) for i in range(6)]
    assert cells(qtbot, paged) == cells(qtbot, memory)
    assert paged.count_label.text() == memory.count_label.text() == "700 rows"

    steps = [
        lambda grid: grid.view.sortByColumn(0, Qt.SortOrder.AscendingOrder),
        lambda grid: grid.view.sortByColumn(1, Qt.SortOrder.DescendingOrder),
        lambda grid: grid.filter_edit.setText("e"),
        lambda grid: grid.set_column_filter(2, "1.5"),
        lambda grid: grid.filter_column.setCurrentIndex(5),  # the quick filter on "paid" only
        lambda grid: grid.filter_edit.setText("YES"),
        lambda grid: grid.clear_column_filters(),
        lambda grid: grid.view.sortByColumn(2, Qt.SortOrder.AscendingOrder),
    ]
    for step in steps:
        step(memory)
        step(paged)
        assert cells(qtbot, paged) == cells(qtbot, memory)
        assert paged.count_label.text() == memory.count_label.text()
    assert "of 700 rows" in paged.count_label.text()


def test_copy_and_export_give_the_rows_as_shown(qtbot, grids, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               _no_modal_message_boxes: list[str], monkeypatch) -> None:
    memory, paged, _ = grids
    for grid in (memory, paged):
        grid.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        grid.filter_edit.setText("a")
    copied = []
    for grid in (memory, paged):
        cells(qtbot, grid)
        model = grid.model
        selection = QItemSelection(model.index(2, 0), model.index(40, 3))
        selection.select(model.index(100, 1), model.index(120, 2))
        grid.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        grid.copy_selection()
        copied.append(QApplication.clipboard().text())
    assert copied[0] == copied[1] and copied[0].count("\n") == 60  # header and 60 rows

    task = paged.export(str(tmp_path / "shown.csv"))
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    written = pd.read_csv(tmp_path / "shown.csv", keep_default_na=False, dtype=str)
    assert written["n"].tolist() == memory.model.visible_frame()["n"].astype(str).tolist()

    monkeypatch.setattr(table_pages, "EXCEL_MAX_ROWS", 100)
    assert paged.export(str(tmp_path / "shown.xlsx")) is None
    assert "an Excel sheet holds 99" in _no_modal_message_boxes[-1]
    assert not (tmp_path / "shown.xlsx").exists()


def test_step_two_shows_a_big_stored_table_without_decoding_it(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    path = tmp_path / "big.ulens"
    save_project(Project(name="big", sources=[Source("events", SourceKind.EVENTS, raw_frame(), roles={})]), path)
    document, runner = ProjectDocument(), TaskRunner()
    page = DataPage(STEPS[1], document, runner)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    document.replace(load_project(path), path)
    page.sources.view.selectRow(0)
    preview = page.preview
    qtbot.waitUntil(lambda: isinstance(preview.model, PagedModel) and preview.model.rowCount() == ROWS, timeout=20000)
    qtbot.waitUntil(lambda: preview.model.data(preview.model.index(0, 0)) is not None, timeout=20000)
    qtbot.waitUntil(lambda: not runner.has_running(), timeout=20000)
    assert preview.count_label.text() == "700 rows"
    page.grab().save("/tmp/paged_grid.png")
    assert not stored_table(document.project.sources[0]).decoded

    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", ROWS + 1)  # a small table: decoded, in pandas
    page.sources.view.clearSelection()
    page.sources.view.selectRow(0)
    assert not isinstance(preview.model, PagedModel) and preview.model.rowCount() == ROWS


def test_a_newer_filter_supersedes_one_still_running(qtbot, grids) -> None:  # type: ignore[no-untyped-def]
    memory, paged, _ = grids
    settled: list[bool] = []
    paged.model.busy_changed.connect(settled.append)
    for grid in (memory, paged):
        grid.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        grid.filter_edit.setText("a")
        grid.filter_edit.setText("bert")
    assert paged.model.busy
    assert cells(qtbot, paged) == cells(qtbot, memory)
    assert settled == [True, False]  # one busy spell for the three requests
    assert paged.count_label.text() == memory.count_label.text()


def test_a_page_read_while_the_grid_is_hidden_measures_no_rows(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Qt measures every row of a hidden view: the first page arriving after the user left step 2 made a call of
    data() per row of the table (10M of them froze the window for minutes). Now the columns fit when shown."""
    grid = DataTableWidget(typed_headers=True)
    qtbot.addWidget(grid)
    grid.resize(900, 500)
    grid.show()
    qtbot.waitExposed(grid)
    grid.set_stored(as_stored(raw_frame(5000)))
    model = grid.model
    assert isinstance(model, PagedModel)
    grid.hide()  # the user went to another step before the first page came
    asked: list[int] = []
    data = PagedModel.data
    monkeypatch.setattr(PagedModel, "data", lambda self, index, role=Qt.ItemDataRole.DisplayRole: (
        asked.append(index.row()), data(self, index, role))[1])
    model.data(model.index(0, 0))  # the page in sight is read
    qtbot.waitUntil(lambda: model.row_label(0) != "", timeout=20000)
    qtbot.wait(50)
    assert len(set(asked)) < 100 and grid._fit_when_read  # noqa: SLF001 - nothing measured while hidden
    grid.show()
    qtbot.waitUntil(lambda: not grid._fit_when_read, timeout=5000)  # noqa: SLF001 - fitted once shown
    assert len(set(asked)) < PAGE_ROWS and grid.view.columnWidth(0) >= 70
