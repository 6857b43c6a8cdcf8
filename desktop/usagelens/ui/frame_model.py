"""A table model over a pandas DataFrame that stays smooth at millions of rows.

The frame is never copied or reordered: the model keeps an array of row positions, sorting permutes it
(stable, vectorised) and filtering masks it (:mod:`usagelens.ui.row_index`). Cells are formatted only when the
view asks for them, with a formatter picked once per column, so nothing is built per cell up front. Large
frames are sorted and filtered on a worker thread: the grid keeps its current rows, scrolls and repaints
meanwhile, and a newer request supersedes an older one that has not finished.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import pandas as pd

from usagelens.charts.locale_text import datetime_text, in_locale
from usagelens.cleaning.values import type_label
from usagelens.ui.grid_model import GridModel
from usagelens.ui.qt import QCoreApplication, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from usagelens.ui.row_index import RowIndex, RowQuery
from usagelens.ui.translations import translated
from usagelens.workspace.formatting import POINTS, fmt_duration

log = logging.getLogger(__name__)

Formatter = Callable[[object], str]
AnyIndex = QModelIndex | QPersistentModelIndex

BACKGROUND_ROWS = 100_000  # from this size sorting and filtering leave the UI thread (≈10 ms below it)
POLL_MS = 15
# One thread for every grid: requests queue behind each other and superseded ones end at their next check.
_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grid-rows")


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value) or value is pd.NA


def _format_number(value: object) -> str:
    if isinstance(value, float | np.floating):
        return f"{value:.10g}"
    return str(value)


def _grouped_english(value: object) -> str:
    if isinstance(value, float | np.floating):
        if not value.is_integer() and abs(value) < 1000:
            return f"{value:.4g}"
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"
    return f"{value:,}"


def _grouped(locale: QLocale) -> Formatter:
    """Numbers as a reader wants them in result tables, in their locale: thousands separators and four
    significant digits for fractions (a robust z of 8.955738417 reads 8.956; 1.234,5 in German). Raw data
    grids keep every digit, written as stored, instead: their filter matches that text."""
    return lambda value: in_locale(_grouped_english(value), locale)


def percent(value: object) -> str:
    """A 0–1 fraction as a percentage with one decimal, in the user's locale ("32,5%" in German)."""
    return in_locale(f"{float(value):.1%}")  # type: ignore[arg-type]


def percentage_points(value: object) -> str:
    """A difference of two 0–1 fractions in percentage points, signed ("+22.9 pts"), as step 7 writes a
    change of a rate."""
    return translated(POINTS.format(number=in_locale(f"{100 * float(value):+.1f}")))  # type: ignore[arg-type]


def score(value: object) -> str:
    """A score (NPS: -100 to 100) with one decimal, so a column's values line up ("-2.0" above "25.2"), in
    the user's locale."""
    return in_locale(f"{float(value):,.1f}")  # type: ignore[arg-type]


def engine_words(words: Mapping[str, str]) -> Callable[[object], str]:
    """A column's cells with the engine's own words (``words``: "(no theme)", "(end)") in the user's
    language, the rest (the user's data) as they are."""
    return lambda value: translated(words[value]) if isinstance(value, str) and value in words else str(value)


def _format_timestamp(value: object) -> str:
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if stamp.microsecond or stamp.nanosecond:
        return stamp.isoformat(sep=" ")
    if stamp.hour == stamp.minute == stamp.second == 0:
        return stamp.strftime("%Y-%m-%d")
    return stamp.strftime("%Y-%m-%d %H:%M:%S")


def _local_timestamp(locale: QLocale) -> Formatter:
    return lambda value: datetime_text(pd.Timestamp(value).to_pydatetime(warn=False), locale)  # type: ignore[arg-type]


def formatter_for(dtype: object, *, grouped: bool = False) -> Formatter:
    """Pick the cell formatter of a column once, from its dtype. ``grouped`` (result tables) writes numbers
    and dates in the user's locale; raw data grids show them as stored (ISO dates, every digit)."""
    locale = QLocale()
    if pd.api.types.is_datetime64_any_dtype(dtype):
        inner: Formatter = _local_timestamp(locale) if grouped else _format_timestamp
    elif pd.api.types.is_timedelta64_dtype(dtype) and grouped:
        inner = lambda v: in_locale(translated(fmt_duration(v)))  # noqa: E731 - "7 min 19 s", "4 Tage 19 h"
    elif pd.api.types.is_bool_dtype(dtype):
        yes, no = (QCoreApplication.translate("FrameModel", "yes"), QCoreApplication.translate("FrameModel", "no")) \
            if grouped else ("yes", "no")
        inner = lambda v: yes if v else no  # noqa: E731
    elif pd.api.types.is_numeric_dtype(dtype):
        inner = _grouped(locale) if grouped else _format_number
    else:
        inner = str
    return _skip_missing(inner)


def _skip_missing(inner: Formatter) -> Formatter:
    return lambda v: "" if _is_missing(v) else inner(v)


class FrameModel(GridModel):
    """Shows a DataFrame read-only; sorting and filtering permute an index array, never the frame."""

    def __init__(self, frame: pd.DataFrame | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._index = RowIndex(self._frame)
        self._rows = np.arange(0)
        self._pending: tuple[Future[np.ndarray | None], threading.Event] | None = None
        self._reset_pending = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._formatters: list[Formatter] = []
        self._numeric: list[bool] = []
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
        self._clear_view_state()
        was_busy = self._drop_pending()
        self._reset_pending = False
        self._index = RowIndex(frame)
        self._rows = np.arange(len(frame))
        self.endResetModel()
        if was_busy:
            self.busy_changed.emit(False)

    def frame(self) -> pd.DataFrame:
        return self._frame

    def visible_frame(self) -> pd.DataFrame:
        """The rows as the user sees them (sorted and filtered), for export and copy."""
        return self._frame.iloc[self._rows]

    def source_row(self, row: int) -> int:
        return int(self._rows[row])

    def source_rows(self, rows: np.ndarray) -> np.ndarray:
        """The frame positions of view ``rows`` (as :meth:`source_row`, for many at once)."""
        return self._rows[rows]

    @property
    def busy(self) -> bool:
        """Whether a sort or filter is still being worked out (the rows shown are the previous ones)."""
        return self._pending is not None

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

    def column_name(self, column: int) -> str:
        return str(self._frame.columns[column])

    def column_type(self, column: int) -> str:
        return type_label(self._frame.dtypes.iloc[column])

    def row_label(self, row: int) -> str:
        return str(int(self._rows[row]) + 1)

    def _rows_changed(self, *, filtered: bool) -> None:
        self._rebuild_rows(reset=filtered)

    def _rebuild_rows(self, *, reset: bool) -> None:
        """Work out the rows for the current sort and filters: here for small frames, else on the worker.
        ``reset`` says the row count may change (a filter), so views must reset rather than re-layout."""
        self._reset_pending |= reset
        sort = None if self._sort is None else (self._sort[0], self._sort[1] == Qt.SortOrder.AscendingOrder)
        filters = tuple(self._column_filters.items()) + ((self._filter,) if self._filter[1] else ())
        query = RowQuery(sort, filters)
        if len(self._frame) < BACKGROUND_ROWS:
            self._apply(self._index.rows(query))
            return
        was_busy = self._drop_pending()
        cancel = threading.Event()
        self._pending = (_WORKER.submit(self._index.rows, query, cancel.is_set), cancel)
        self._poll.start()
        if not was_busy:
            self.busy_changed.emit(True)

    def _collect(self) -> None:
        """Take the worker's rows once they are there (polled: the worker never touches a Qt object)."""
        if self._pending is None or not self._pending[0].done():
            return
        future, _ = self._pending
        self._pending = None
        self._poll.stop()
        try:
            rows = future.result()
        except Exception:  # noqa: BLE001 - a grid that cannot sort keeps its rows rather than crash
            log.exception("sorting or filtering the grid failed")
            rows = None
        self._apply(rows)
        self.busy_changed.emit(False)

    def _drop_pending(self) -> bool:
        """Cancel the request on the worker, if any (its rows are never shown); whether there was one."""
        if self._pending is None:
            return False
        self._pending[1].set()
        self._pending = None
        self._poll.stop()
        return True

    def _apply(self, rows: np.ndarray | None) -> None:
        """Show ``rows`` (None: nothing new to show), resetting views when the row count may change."""
        if rows is None:
            return
        if self._reset_pending:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        else:
            self.layoutAboutToBeChanged.emit()
            self._rows = rows
            self.layoutChanged.emit()
        self._reset_pending = False
        self.rows_ready.emit()
