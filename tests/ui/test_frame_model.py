"""The DataFrame table model: correct cells, sorting and filtering by index array, never copying."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.frame_model import FrameModel


def test_cells_are_formatted_per_column(qtbot) -> None:  # type: ignore[no-untyped-def]
    frame = pd.DataFrame({
        "user": ["007", "7", None],
        "when": pd.to_datetime(["2024-01-02", "2024-01-02 10:11:12", "2024-01-02 10:11:12.000123"], format="ISO8601"),
        "amount": [1.5, np.nan, 1234567.0],
        "flag": [True, False, True],
    })
    model = FrameModel(frame)
    cell = lambda r, c: model.data(model.index(r, c))  # noqa: E731
    assert [cell(r, 0) for r in range(3)] == ["007", "7", ""]
    assert [cell(r, 1) for r in range(3)] == ["2024-01-02", "2024-01-02 10:11:12", "2024-01-02 10:11:12.000123"]
    assert [cell(r, 2) for r in range(3)] == ["1.5", "", "1234567"]
    assert cell(1, 3) == "no"
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "amount (number)"


def test_sort_and_filter_permute_rows_without_touching_the_frame(qtbot) -> None:  # type: ignore[no-untyped-def]
    frame = pd.DataFrame({"event": ["login", "export", "Login", "signup"], "n": [3, 1, 2, np.nan]})
    before = frame.copy()
    model = FrameModel(frame)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, 1)) for r in range(4)] == ["1", "2", "3", ""]
    model.set_filter("LOG", column=0)
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["Login", "login"]
    assert model.visible_frame()["n"].tolist() == [2, 3]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["login", "Login"]
    model.set_filter("")
    assert model.rowCount() == 4
    pd.testing.assert_frame_equal(frame, before)


def test_a_million_rows_sort_and_filter_off_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A large frame is sorted and filtered on the worker: the call returns at once with the old rows still
    shown, then the new rows arrive with ``rows_ready``; the grid's count line says it is working."""
    rng = np.random.default_rng(1)
    values = rng.integers(0, 1_000_000, 1_000_000)
    grid = DataTableWidget()
    qtbot.addWidget(grid)
    grid.set_frame(pd.DataFrame({"v": values, "s": values.astype(str)}))
    model = grid.model
    assert model.rowCount() == 1_000_000
    with qtbot.waitSignal(model.rows_ready, timeout=10_000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
        assert model.busy and grid.count_label.text() == "Sorting and filtering 1,000,000 rows…"
        assert model.data(model.index(0, 0)) == str(values[0])  # unsorted until the worker is done
    assert not model.busy
    top = [int(model.data(model.index(r, 0))) for r in range(5)]
    assert top == sorted(values, reverse=True)[:5]
    with qtbot.waitSignal(model.rows_ready, timeout=10_000):
        model.set_filter("999999", column=1)
    assert model.rowCount() == int((values == 999999).sum())
    assert grid.count_label.text() == f"{model.rowCount()} of 1,000,000 rows"


def test_a_newer_request_supersedes_one_still_running(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing into the filter fires a request per key; only the last one's rows are ever shown, and a new
    frame drops whatever the worker was doing for the old one."""
    words = pd.Series(np.array(["alpha", "beta", "gamma", "delta"])[np.arange(400_000) % 4], dtype="str")
    model = FrameModel(pd.DataFrame({"w": words, "n": np.arange(400_000)}))
    shown: list[int] = []
    model.rows_ready.connect(lambda: shown.append(model.rowCount()))
    for typed in ("a", "al", "alp"):
        model.set_filter(typed)
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)
    assert shown == [100_000] and set(model.visible_frame()["w"]) == {"alpha"}
    model.sort(1, Qt.SortOrder.DescendingOrder)
    with qtbot.assertNotEmitted(model.rows_ready, wait=200):
        model.set_frame(pd.DataFrame({"w": ["x"]}))
    assert not model.busy and model.rowCount() == 1


def test_text_sort_matches_pandas_stable_sort_with_missing_last(qtbot) -> None:  # type: ignore[no-untyped-def]
    with_missing = pd.Series(["b", None, "a", "B", "a", "c", None, "b"], dtype="str")
    complete = pd.Series(["b", "a", "c", "a", "c"], dtype="str")
    mixed = pd.Series(["b", 3, None, "a", 1], dtype=object)
    for words in (with_missing, complete, mixed):
        model = FrameModel(pd.DataFrame({"w": words, "pos": range(len(words))}))
        for order, ascending in ((Qt.SortOrder.AscendingOrder, True), (Qt.SortOrder.DescendingOrder, False)):
            model.sort(0, order)
            key = words.astype("str") if words.dtype == object else words
            expected = key.sort_values(kind="stable", ascending=ascending, na_position="last").index.tolist()
            assert model.visible_frame()["pos"].tolist() == expected


def test_column_filters_combine_with_and_and_with_the_quick_filter(qtbot) -> None:  # type: ignore[no-untyped-def]
    frame = pd.DataFrame({
        "event": ["login", "export", "Login", "login", "signup"],
        "country": ["DE", "DE", "FR", "de", "DE"],
        "n": [1, 2, 3, 4, 5],
    })
    model = FrameModel(frame)
    model.set_column_filter(0, "log")
    model.set_column_filter(1, "de")
    assert model.visible_frame()["n"].tolist() == [1, 4]
    assert model.column_filters() == {0: "log", 1: "de"}
    assert "contains “log”" in model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole).bold()
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole) is None
    model.set_filter("4")  # the quick filter over all columns narrows further
    assert model.visible_frame()["n"].tolist() == [4]
    model.set_filter("")
    model.sort(2, Qt.SortOrder.DescendingOrder)  # sorting keeps the filters
    assert model.visible_frame()["n"].tolist() == [4, 1]
    model.set_column_filter(1, "")
    assert model.visible_frame()["n"].tolist() == [4, 3, 1]
    model.clear_column_filters()
    assert model.rowCount() == 5 and model.column_filters() == {}
    model.set_column_filter(0, "sign")
    model.set_frame(frame)  # a new frame starts unfiltered
    assert model.rowCount() == 5 and model.column_filters() == {}


def test_grid_filters_a_column_from_its_header_menu(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    grid = DataTableWidget()
    qtbot.addWidget(grid)
    grid.resize(600, 300)
    grid.show()
    grid.set_frame(pd.DataFrame({"event": ["login", "export", "Login"], "country": ["DE", "FR", "FR"]}))
    assert not grid.clear_filters_button.isVisible()
    menu = grid.header_menu(0)
    assert [a.text() for a in menu.actions()][0] == "Filter event…"
    box = grid.edit_column_filter(0)
    qtbot.keyClicks(box, "log")
    assert grid.model.visible_frame()["country"].tolist() == ["DE", "FR"]
    grid.set_column_filter(1, "fr")
    assert grid.model.visible_frame()["event"].tolist() == ["Login"]
    assert grid.count_label.text() == "1 of 3 rows · 2 column filters"
    assert grid.clear_filters_button.isVisible()
    assert "contains “log”" in grid.header_menu(0).actions()[0].text()
    grid.grab().save(str(tmp_path / "grid.png"))
    qtbot.mouseClick(grid.clear_filters_button, Qt.MouseButton.LeftButton)
    assert grid.model.rowCount() == 3 and grid.count_label.text() == "3 rows"


def test_filters_match_cells_as_shown_whatever_their_type(qtbot) -> None:  # type: ignore[no-untyped-def]
    frame = pd.DataFrame({
        "city": pd.Series(["Zürich", "Köln", None], dtype="str"),
        "amount": [1234567.0, 2.5, np.nan],
        "when": pd.to_datetime(["2024-03-01 10:00", "2024-04-02", None], format="ISO8601"),
        "paid": [True, False, True],
        "mixed": pd.Series(["a", 7, None], dtype=object),
    })
    model = FrameModel(frame)
    for column, needle, expected in (
        (0, "ZÜR", [0]),  # case folding beyond ASCII
        (1, "1234567", [0]),
        (1, "567.0", []),  # shown without a trailing .0, so it does not match
        (2, "2024-04", [1]),
        (3, "yes", [0, 2]),
        (4, "7", [1]),
        (None, "köln", [1]),
    ):
        model.set_filter(needle, column=column)
        assert model.visible_frame().index.tolist() == expected, (column, needle)


def test_result_tables_round_fractions_and_group_thousands() -> None:
    from usagelens.ui.frame_model import formatter_for

    shown = formatter_for(np.dtype("float64"), grouped=True)
    assert [shown(v) for v in (8.955738417, 229.5, 2.0, 1234567.5, 1234567.0, np.nan, -0.000123)] == [
        "8.956", "229.5", "2", "1,234,567.5", "1,234,567", "", "-0.000123",
    ]
    assert formatter_for(np.dtype("float64"))(8.955738417) == "8.955738417"  # raw data keeps every digit


def test_text_kept_for_filters_stays_within_its_budget(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui import row_index

    frame = pd.DataFrame({f"n{i}": np.arange(100_000) * (i + 1) for i in range(4)})
    frame["word"] = pd.Series(["alpha", "beta"] * 50_000, dtype="str")
    monkeypatch.setattr(row_index, "TEXT_CACHE_BYTES", 2_000_000)  # room for about two number columns
    index = row_index.RowIndex(frame)
    rows = index.rows(row_index.RowQuery(filters=((None, "99999"),)))
    expected = frame.astype(str).apply(lambda column: column.str.contains("99999")).any(axis=1)
    assert rows.tolist() == np.flatnonzero(expected.to_numpy()).tolist() and 99_999 in rows
    assert index._text_bytes <= 2_000_000 and 4 in index._texts  # text columns are shared, never counted
    assert len([c for c in index._texts if c < 4]) < 4


def test_copy_gives_the_selected_cells_as_tsv_in_the_order_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    from PySide6.QtWidgets import QApplication

    grid = DataTableWidget()
    qtbot.addWidget(grid)
    grid.set_frame(pd.DataFrame({
        "user": pd.Series(["u1", "u2", "u3"], dtype="str"),
        "note": pd.Series(["tab\there", None, "two\nlines"], dtype="str"),
        "amount": [1234.5, 2.0, np.nan],
        "when": pd.to_datetime(["2024-01-02 10:00", "2024-01-03", "2024-01-04"], format="ISO8601"),
    }))
    grid.model.sort(2, Qt.SortOrder.DescendingOrder)  # shown: u1 (1234.5), u2 (2.0), u3 (missing)
    model, selection = grid.model, QItemSelection()
    selection.select(model.index(0, 1), model.index(2, 2))  # notes and amounts of every row
    grid.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    grid.copy_selection()
    assert QApplication.clipboard().text().split("\n") == [
        "note\tamount", "tab here\t1234.5", "\t2.0", "two lines\t",
    ]
    assert grid.count_label.text() == "Copied 3 rows"


def test_copying_a_million_rows_stops_at_the_cap_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.data_table import MAX_COPY_ROWS, selection_as_tsv

    grid = DataTableWidget()
    qtbot.addWidget(grid)
    grid.set_frame(pd.DataFrame({"v": np.arange(1_000_000), "w": np.arange(1_000_000) * 2}))
    grid.view.selectAll()
    text, rows = selection_as_tsv(grid.view, grid.model)
    lines = text.split("\n")
    last = MAX_COPY_ROWS - 1
    assert rows == MAX_COPY_ROWS and len(lines) == MAX_COPY_ROWS + 1 and lines[-1] == f"{last}\t{2 * last}"


def test_large_exports_run_behind_a_progress_dialog_and_cancel_cleanly(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.io import write_csv

    grid = DataTableWidget(export_name="events")
    qtbot.addWidget(grid)
    frame = pd.DataFrame({"v": np.arange(300_000), "w": pd.Series(["=1+1"] * 300_000, dtype="str")})
    grid.set_frame(frame)
    target = tmp_path / "events.csv"
    assert grid.export(str(target)) is not None  # on a worker: the call returns at once
    qtbot.waitUntil(lambda: not grid._export_runner().has_running(), timeout=30_000)
    assert pd.read_csv(target)["v"].tolist() == list(range(300_000))

    before = tmp_path / "kept.xlsx"
    write_csv(frame.head(1), before)  # whatever was there before must survive a cancelled export
    kept = before.read_bytes()
    grid.export(str(before)).cancel()
    qtbot.waitUntil(lambda: not grid._export_runner().has_running(), timeout=30_000)
    assert before.read_bytes() == kept and not list(tmp_path.glob(".*.tmp"))


def test_exports_too_large_for_excel_say_so(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.io import ExportFailed, write_xlsx, writers

    monkeypatch.setattr(writers, "EXCEL_MAX_ROWS", 10)
    with pytest.raises(ExportFailed, match="an Excel sheet holds 9. Export it as CSV instead"):
        write_xlsx({"events": pd.DataFrame({"v": range(10)})}, tmp_path / "big.xlsx")
    assert not (tmp_path / "big.xlsx").exists()


def test_rows_wrap_their_text_only_while_the_table_is_short(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QHeaderView

    from usagelens.ui.data_table import WRAP_ROWS_LIMIT

    grid = DataTableWidget()
    qtbot.addWidget(grid)
    comments = pd.Series([f"comment {i}" for i in range(WRAP_ROWS_LIMIT + 1)], dtype="str")
    grid.set_frame(pd.DataFrame({"comment": comments}))
    grid.wrap_rows()
    mode = grid.view.verticalHeader().sectionResizeMode
    assert mode(0) == QHeaderView.ResizeMode.Interactive  # too many rows to measure one by one
    grid.model.set_filter("comment 1")
    assert grid.model.rowCount() <= WRAP_ROWS_LIMIT and mode(0) == QHeaderView.ResizeMode.ResizeToContents


def test_result_headers_read_as_labels_with_the_name_in_the_tip_and_the_export(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.workspace.column_labels import COLUMN_LABELS

    grid = DataTableWidget()
    qtbot.addWidget(grid)
    grid.set_frame(pd.DataFrame({"step": [1, 2], "conversion_from_previous": [1.0, 0.8], "Sessions": [3, 4]}),
                   labels=COLUMN_LABELS)
    model = grid.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Step", "Conversion from previous step", "Sessions"]
    tip = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Conversion from previous step" in tip and "conversion_from_previous" in tip
    assert grid.filter_column.itemText(2).startswith("Conversion from previous step")
    assert grid.header_menu(1).actions()[0].text() == "Filter Conversion from previous step…"
    grid.export(str(tmp_path / "result.csv"))
    assert list(pd.read_csv(tmp_path / "result.csv").columns) == ["step", "conversion_from_previous", "Sessions"]
    grid.set_frame(pd.DataFrame({"step": [1]}))  # a table shown without labels names its columns
    assert model.headerData(0, Qt.Orientation.Horizontal) == "step"
