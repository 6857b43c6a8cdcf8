"""A table model over a pandas DataFrame that stays smooth at millions of rows.

The frame is never copied or reordered: the model keeps an array of row positions, sorting permutes it
(stable, vectorised) and filtering masks it. Cells are formatted only when the view asks for them, with a
formatter picked once per column, so nothing is built per cell up front.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from usagelens.ui.qt import QAbstractTableModel, QColor, QModelIndex, QObject, QPersistentModelIndex, Qt

Formatter = Callable[[object], str]
AnyIndex = QModelIndex | QPersistentModelIndex


def type_label(dtype: object) -> str:
    """A column type in words a product owner knows."""
    if pd.api.types.is_bool_dtype(dtype):
        return "yes/no"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date/time"
    if pd.api.types.is_timedelta64_dtype(dtype):
        return "duration"
    if pd.api.types.is_numeric_dtype(dtype):
        return "number"
    return "text"


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value) or value is pd.NA


def _format_number(value: object) -> str:
    if isinstance(value, float | np.floating):
        return f"{value:.10g}"
    return str(value)


def _format_grouped(value: object) -> str:
    """Numbers with thousands separators, for result tables (raw data keeps ids like 100234 intact)."""
    if isinstance(value, float | np.floating):
        return f"{value:,.10g}"
    return f"{value:,}"


def percent(value: object) -> str:
    """A 0–1 fraction as a percentage with one decimal."""
    return f"{float(value):.1%}"  # type: ignore[arg-type]


def _format_timestamp(value: object) -> str:
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if stamp.microsecond or stamp.nanosecond:
        return stamp.isoformat(sep=" ")
    if stamp.hour == stamp.minute == stamp.second == 0:
        return stamp.strftime("%Y-%m-%d")
    return stamp.strftime("%Y-%m-%d %H:%M:%S")


def formatter_for(dtype: object, *, grouped: bool = False) -> Formatter:
    """Pick the cell formatter of a column once, from its dtype."""
    if pd.api.types.is_datetime64_any_dtype(dtype):
        inner: Formatter = _format_timestamp
    elif pd.api.types.is_bool_dtype(dtype):
        inner = lambda v: "yes" if v else "no"  # noqa: E731
    elif pd.api.types.is_numeric_dtype(dtype):
        inner = _format_grouped if grouped else _format_number
    else:
        inner = str
    return _skip_missing(inner)


def _skip_missing(inner: Formatter) -> Formatter:
    return lambda v: "" if _is_missing(v) else inner(v)


class FrameModel(QAbstractTableModel):
    """Shows a DataFrame read-only; sorting and filtering permute an index array, never the frame."""

    def __init__(self, frame: pd.DataFrame | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._all_rows = np.arange(0)
        self._rows = self._all_rows
        self._formatters: list[Formatter] = []
        self._numeric: list[bool] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._filter: tuple[int | None, str] = (None, "")
        self.typed_headers = False  # headers read "name" over "(type)", for raw data grids
        self.set_frame(frame if frame is not None else pd.DataFrame())

    # --- content -------------------------------------------------------------------------------------
    def set_frame(self, frame: pd.DataFrame, *, grouped: bool = False,
                  formats: Mapping[str, Formatter] | None = None) -> None:
        """Show ``frame``; ``grouped`` adds thousands separators, ``formats`` overrides columns by name."""
        self.beginResetModel()
        self._frame = frame
        overrides = formats or {}
        self._formatters = [
            _skip_missing(overrides[str(name)]) if str(name) in overrides else formatter_for(dtype, grouped=grouped)
            for name, dtype in frame.dtypes.items()
        ]
        self._numeric = [
            pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d) for d in frame.dtypes
        ]
        self._sort = None
        self._filter = (None, "")
        self._all_rows = np.arange(len(frame))
        self._rows = self._all_rows
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame

    def visible_frame(self) -> pd.DataFrame:
        """The rows as the user sees them (sorted and filtered), for export and copy."""
        return self._frame.iloc[self._rows]

    def source_row(self, row: int) -> int:
        return int(self._rows[row])

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._frame.shape[1]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            value = self._frame.iat[int(self._rows[index.row()]), col]
            return self._formatters[col](value)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric[col]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole:
            if horizontal:
                name = str(self._frame.columns[section])
                return f"{name}\n{type_label(self._frame.dtypes.iloc[section])}" if self.typed_headers else name
            return str(int(self._rows[section]) + 1)
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            return f"{self._frame.columns[section]} ({type_label(self._frame.dtypes.iloc[section])})"
        if role == Qt.ItemDataRole.ForegroundRole and not horizontal:
            return QColor("#7a7f87")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self._frame.shape[1]:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._rebuild_rows()
        self.layoutChanged.emit()

    # --- filtering -----------------------------------------------------------------------------------
    def set_filter(self, text: str, column: int | None = None) -> None:
        """Keep rows whose cell (in ``column``, or any column) contains ``text``, ignoring case."""
        self.beginResetModel()
        self._filter = (column, text.strip())
        self._rebuild_rows()
        self.endResetModel()

    def _rebuild_rows(self) -> None:
        rows = self._all_rows
        if self._sort is not None:
            column, order = self._sort
            series = self._frame.iloc[:, column].reset_index(drop=True)
            ascending = order == Qt.SortOrder.AscendingOrder
            rows = series.sort_values(kind="stable", ascending=ascending, na_position="last").index.to_numpy()
        column, text = self._filter
        if text:
            mask = self._filter_mask(column, text)
            rows = rows[mask[rows]]
        self._rows = rows

    def _filter_mask(self, column: int | None, text: str) -> np.ndarray:
        columns = [column] if column is not None else range(self._frame.shape[1])
        mask = np.zeros(len(self._frame), dtype=bool)
        for col in columns:
            series = self._frame.iloc[:, col]
            shown = series.astype("string") if not pd.api.types.is_string_dtype(series) else series
            hits = shown.str.contains(text, case=False, regex=False, na=False)
            mask |= hits.to_numpy(dtype=bool)
        return mask
