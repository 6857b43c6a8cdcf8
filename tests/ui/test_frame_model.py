"""The DataFrame table model: correct cells, sorting and filtering by index array, never copying."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt

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


def test_a_million_rows_sort_correctly(qtbot) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(1)
    values = rng.integers(0, 1_000_000, 1_000_000)
    model = FrameModel(pd.DataFrame({"v": values, "s": values.astype(str)}))
    assert model.rowCount() == 1_000_000
    model.sort(0, Qt.SortOrder.DescendingOrder)
    top = [int(model.data(model.index(r, 0))) for r in range(5)]
    assert top == sorted(values, reverse=True)[:5]
    model.set_filter("999999", column=1)
    assert model.rowCount() == int((values == 999999).sum())
