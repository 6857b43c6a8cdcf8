"""A read-only grid over a DataFrame or a stored table: quick filter, per-column filters, sort by header, copy
as TSV, export.

Column filters live in the header's context menu (right-click a column name), so they cost no space on
small screens; filtered columns show a bold italic name, and the count line says how many are active. A
DataFrame is shown by a :class:`FrameModel`; a stored table too big to decode by a :class:`PagedModel`, which
asks DuckDB for the rows in sight. Both answer the same few questions (:class:`GridFrameModel` adds them to
the frame's model), so one widget serves both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from usagelens.io import ExportFailed, write_csv, write_xlsx
from usagelens.model.stored_table import StoredTable
from usagelens.model.translatable import said
from usagelens.ui.accessibility import tab_order
from usagelens.ui.eliding_combo import ElidingComboBox
from usagelens.ui.frame_model import Formatter, FrameModel, type_label
from usagelens.ui.grid_model import type_word
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.paged_model import PagedModel
from usagelens.ui.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPoint,
    QProgressDialog,
    QPushButton,
    QShowEvent,
    QSizePolicy,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.table_rows import keep_rows
from usagelens.ui.translations import counted, translated
from usagelens.ui.workers import Task, TaskRunner
from usagelens.ui.wrapping_bar import WrappingBarLayout

MAX_COPY_ROWS = 200_000
WRAP_ROWS_LIMIT = 2_000  # rows Qt may measure one by one to fit wrapped text
BACKGROUND_EXPORT_ROWS = 20_000  # from this size an export runs on a worker behind a progress dialog


class GridFrameModel(FrameModel):
    """A :class:`FrameModel` answering what the grid asks of its model either way (see :class:`PagedModel`)."""

    def total_rows(self) -> int:
        return len(self.frame())

    def column_name(self, column: int) -> str:
        return str(self.frame().columns[column])

    def column_type(self, column: int) -> str:
        return type_label(self.frame().dtypes.iloc[column])

    def cells(self, rows: np.ndarray, columns: list[int]) -> pd.DataFrame:
        """The values at view ``rows`` and ``columns``."""
        return self.frame().iloc[self.source_rows(rows), columns]

    def export_job(self, path: str, sheet: str) -> tuple[int, Callable[..., None]]:
        """How many rows an export of the shown rows writes, and the work function writing them to ``path``."""
        frame = self.visible_frame()
        return len(frame), _writer(path, frame, sheet)


GridModel = GridFrameModel | PagedModel


def selection_as_tsv(view: QTableView, model: GridModel) -> tuple[str, int]:
    """The selected cells as tab-separated text with a header row, as spreadsheets paste it, and how many
    rows it holds (at most ``MAX_COPY_ROWS``). Values are raw (1234.5, ISO dates), not the grid's display.

    Works from the selection's ranges, never cell by cell: a select-all of a million rows would otherwise
    build millions of index objects on the UI thread.
    """
    ranges = view.selectionModel().selection()
    if ranges.isEmpty():
        return "", 0
    rows = np.unique(np.concatenate([np.arange(r.top(), r.bottom() + 1) for r in ranges]))[:MAX_COPY_ROWS]
    columns = sorted({c for r in ranges for c in range(r.left(), r.right() + 1)})
    block = model.cells(rows, columns).copy()
    for name in block.columns:
        if pd.api.types.is_string_dtype(block[name]) or block[name].dtype == object:
            block[name] = block[name].astype("str").str.replace(r"[\t\r\n]+", " ", regex=True).where(
                block[name].notna()
            )
    return block.to_csv(sep="\t", index=False, lineterminator="\n", na_rep="").rstrip("\n"), len(rows)


class ExportProgress(QProgressDialog):
    """The modal progress of one large export; Cancel stops the writer, and the dialog goes when it ends."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, self.tr("Cancel"), 0, 100, parent)
        self.setWindowTitle(self.tr("Export table"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)

    def show_fraction(self, fraction: float) -> None:
        self.setValue(round(100 * fraction))

    def finish(self) -> None:
        """Close without reporting a cancel (closing a progress dialog emits ``canceled``) and go away."""
        self.canceled.disconnect()
        self.close()
        self.deleteLater()


class DataTableWidget(QWidget):
    """Grid with a quick filter box (all columns or one), column filters, row count, copy and export."""

    def __init__(self, parent: QWidget | None = None, *, export_name: str = "table",
                 typed_headers: bool = False, name: str = "") -> None:
        super().__init__(parent)
        self.export_name = export_name
        self._runner: TaskRunner | None = None  # made on the first large export
        self._wrap = False  # rows fit their wrapped text (see ``wrap_rows``)
        self._typed_headers = typed_headers
        self.frame_model = GridFrameModel(parent=self)
        self._paged_model: PagedModel | None = None  # made for the first stored table shown
        self._fit_when_read = False
        self.row_menu: Callable[[QMenu, int], None] | None = None  # adds actions for the frame row clicked
        self.model: GridModel = self._connected(self.frame_model)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab leaves the grid (arrow keys move between cells)
        self.view.verticalHeader().setDefaultSectionSize(22)
        keep_rows(self.view)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        # wide enough to show its placeholder whole, in any language, beside the column choice of a narrow panel
        self.filter_edit.setMinimumWidth(self.filter_edit.fontMetrics().horizontalAdvance(
            self.filter_edit.placeholderText()) + 24)
        self.filter_edit.setClearButtonEnabled(True)
        # as wide as its longest choice when there is room; never narrower than "All columns", a long column's
        # name cut with "…" (set at first show, the width fitted the empty box: "All colum")
        self.filter_column = ElidingComboBox(self)
        self.filter_column.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_column.addItem(self.tr("All columns"))
        self.filter_column.ensurePolished()
        self.filter_column.setMinimumWidth(self.filter_column.sizeHint().width())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hint")
        self.count_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)  # never clipped
        self.clear_filters_button = QPushButton(self.tr("Clear column filters"), self)
        self.clear_filters_button.clicked.connect(self.clear_column_filters)
        # the filters lead; the count and the clear button go onto a second line where the table is narrow (in
        # German at 1024 px they made step 5's feedback tab 999 px wide of its 770 once a column was filtered)
        filters = QWidget(self)
        filters_layout = QHBoxLayout(filters)
        filters_layout.setContentsMargins(0, 0, 0, 0)
        filters_layout.addWidget(self.filter_edit, 2)
        filters_layout.addWidget(self.filter_column, 1)
        filters_layout.addStretch(1)
        bar = QWidget(self)
        bar_layout = WrappingBarLayout(bar)
        bar_layout.addWidget(filters)
        bar_layout.addWidget(self.count_label)
        bar_layout.addWidget(self.clear_filters_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_column.currentIndexChanged.connect(self._apply_filter)
        copy = QAction(self.tr("Copy"), self.view)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.view.addAction(copy)
        self.set_name(name)
        tab_order(self.filter_edit, self.filter_column, self.clear_filters_button, self.view)  # as on screen
        self._update_count()

    def set_name(self, name: str) -> None:
        """What a screen reader calls the grid ("Quality checks") and its filter box and column choice."""
        self.view.setAccessibleName(name)
        self.filter_edit.setAccessibleName(self.tr("Filter {table}").format(table=name) if name else "")
        self.filter_column.setAccessibleName(self.tr("Column to filter in {table}").format(table=name) if name else "")

    def _connected(self, model: GridModel) -> GridModel:
        model.typed_headers = self._typed_headers
        model.rows_ready.connect(self._update_count)
        model.busy_changed.connect(self._update_count)
        # New rows start at the top. A view left scrolled below the end of fewer rows would otherwise paint
        # every row header at once (Qt finds no section at the stale offset and paints them all).
        model.modelReset.connect(lambda: self.view.scrollToTop())
        return model

    def set_frame(self, frame: pd.DataFrame, *, grouped: bool = False,
                  formats: Mapping[str, Formatter] | None = None, labels: Mapping[str, str] | None = None) -> None:
        """Show ``frame``; ``labels`` are the headers' words for its columns by name (their names otherwise)."""
        self._show_model(self.frame_model)
        self.frame_model.column_labels = labels or {}
        self.frame_model.set_frame(frame, grouped=grouped, formats=formats)
        self._columns_changed()

    def set_stored(self, stored: StoredTable) -> None:
        """Show a stored table without decoding it: its rows are read by DuckDB as the grid paints them, and
        sorts, filters, copies and exports are DuckDB queries (for tables too big to hold in pandas)."""
        if self._paged_model is None:
            self._paged_model = self._connected(PagedModel(self))
            self._paged_model.dataChanged.connect(self._on_paged_data_changed)
        self._show_model(self._paged_model)
        self._paged_model.set_stored(stored)
        self._columns_changed()
        self._fit_when_read = True  # its cells are blank until the first page is read

    def _on_paged_data_changed(self) -> None:
        if self._fit_when_read and self.view.isVisible():
            self._fit_when_read = False
            self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Fit a stored table's columns whose first page was read while the grid was hidden."""
        super().showEvent(event)
        if self._fit_when_read and self._paged_model is not None and self.model is self._paged_model \
                and self._paged_model.row_label(max(self.view.rowAt(0), 0)):  # its rows in sight are read
            self._on_paged_data_changed()

    def _show_model(self, model: GridModel) -> None:
        """Put ``model`` behind the view; a stored table no longer shown is let go (and its DuckDB session)."""
        if self.model is model:
            return
        if self.model is self._paged_model:
            self._paged_model.set_stored(None)
        self.model = model
        self.view.setModel(model)
        # Measuring a paged column or the row numbers reads what it measures: only the rows in sight, then.
        precision = 0 if model is self._paged_model else 1000  # Qt's default: the first thousand rows
        self.view.horizontalHeader().setResizeContentsPrecision(precision)
        self.view.verticalHeader().setResizeContentsPrecision(precision)

    def _columns_changed(self) -> None:
        """Fit the filter choices, sort indicator and column widths to the model's (new) columns."""
        self.filter_column.blockSignals(True)
        self.filter_column.clear()
        self.filter_column.addItem(self.tr("All columns"))
        for column in range(self.model.columnCount()):
            kind = type_word(self.model.column_type(column))
            self.filter_column.addItem(f"{self.model.column_label(column)} ({kind})")
        self.filter_column.blockSignals(False)
        self.filter_edit.clear()
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        if self.model is self._paged_model and not self.view.isVisible():
            # Qt measures every row of a hidden view, not the rows in sight: a page of a 10M-row table read after
            # the user left step 2 made 10M calls of data() and froze the window for minutes. Fitted when shown.
            self._fit_when_read = True
            return
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, min(max(self.view.columnWidth(column), 70), 320))

    def wrap_rows(self) -> None:
        """Rows grow to show their wrapped text, now and after every filter, sort or resize, as long as the
        table has few enough rows for Qt to measure each one (results, comments); longer ones keep one line
        per row, or a large survey export would stall every resize."""
        self._wrap = True
        self.view.setWordWrap(True)
        self._size_rows()

    def _size_rows(self) -> None:
        if self._wrap:
            fits = self.model.rowCount() <= WRAP_ROWS_LIMIT
            self.view.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents if fits else QHeaderView.ResizeMode.Interactive
            )

    def _apply_filter(self) -> None:
        column = self.filter_column.currentIndex() - 1
        self.model.set_filter(self.filter_edit.text(), column if column >= 0 else None)

    def set_column_filter(self, column: int, text: str) -> None:
        """Keep rows whose cell in ``column`` contains ``text``; combines with every other filter (AND)."""
        self.model.set_column_filter(column, text)

    def clear_column_filters(self) -> None:
        self.model.clear_column_filters()

    def _update_count(self) -> None:
        self._size_rows()
        shown, total = self.model.rowCount(), self.model.total_rows()
        rows = counted(total, self.tr("{count} row"), self.tr("{count} rows"))
        if self.model.busy:
            text = self.tr("Sorting and filtering {rows}…").format(rows=rows)
        elif shown != total:
            text = self.tr("{shown} of {rows}").format(shown=in_locale(f"{shown:,}"), rows=rows)
        else:
            text = rows
        filtered = len(self.model.column_filters())
        if filtered:
            text += " · " + counted(filtered, self.tr("{count} column filter"), self.tr("{count} column filters"))
        self.count_label.setText(text)
        self.clear_filters_button.setVisible(bool(filtered))

    def header_menu(self, column: int) -> QMenu:
        """The header's menu for ``column``: filter it, or clear its filter or all column filters."""
        menu = QMenu(self)
        name = self.model.column_label(column)
        current = self.model.column_filters().get(column)
        label = self.tr("Filter {column}… (contains “{text}”)").format(column=name, text=current) if current \
            else self.tr("Filter {column}…").format(column=name)
        menu.addAction(label, lambda: self.edit_column_filter(column))
        menu.addAction(self.tr("Clear filter of {column}").format(column=name),
                       lambda: self.set_column_filter(column, "")).setEnabled(current is not None)
        menu.addAction(self.tr("Clear all column filters"), self.clear_column_filters).setEnabled(
            bool(self.model.column_filters())
        )
        return menu

    def edit_column_filter(self, column: int) -> QLineEdit:
        """A box over the column's header cell that filters the column as you type (Enter or Esc closes)."""
        header = self.view.horizontalHeader()
        box = QLineEdit(self)
        box.setWindowFlags(Qt.WindowType.Popup)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("column_filter")
        box.setPlaceholderText(self.tr("{column} contains…").format(column=self.model.column_label(column)))
        box.setClearButtonEnabled(True)
        box.setText(self.model.column_filters().get(column, ""))
        box.textChanged.connect(lambda text: self.set_column_filter(column, text))
        box.returnPressed.connect(box.close)
        left = header.sectionViewportPosition(column)
        box.setGeometry(header.mapToGlobal(QPoint(left, 0)).x(), header.mapToGlobal(QPoint(0, 0)).y(),
                        max(header.sectionSize(column), 200), header.height())
        box.show()
        box.setFocus()
        return box

    def _on_header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        column = header.logicalIndexAt(pos)
        if column >= 0:
            self.header_menu(column).exec(header.mapToGlobal(pos))

    def copy_selection(self) -> None:
        text, rows = selection_as_tsv(self.view, self.model)
        if text:
            QApplication.clipboard().setText(text)
            capped = rows >= MAX_COPY_ROWS and self.model.rowCount() > MAX_COPY_ROWS
            copied = counted(rows, self.tr("Copied {count} row"), self.tr("Copied {count} rows"))
            self.count_label.setText(self.tr("{copied}: the first ones; export the table for all").format(copied=copied)
                                     if capped else copied)

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        index = self.view.indexAt(pos)
        if self.row_menu is not None and index.isValid() and self.model is self.frame_model:
            self.row_menu(menu, self.frame_model.source_row(index.row()))
            menu.addSeparator()
        menu.addAction(self.tr("Copy"), self.copy_selection)
        menu.addSeparator()
        menu.addAction(self.tr("Export table as CSV…"), lambda: self.export_dialog("csv"))
        menu.addAction(self.tr("Export table as Excel…"), lambda: self.export_dialog("xlsx"))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def export_dialog(self, kind: str) -> None:
        filters = {"csv": self.tr("CSV files (*.csv)"), "xlsx": self.tr("Excel workbooks (*.xlsx)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export table"), f"{self.export_name}.{kind}",
                                              filters[kind])
        if path:
            self.export(path)

    def export(self, path: str) -> Task | None:
        """Write the rows as shown (sorted and filtered) to CSV or .xlsx, by suffix. Large tables are written
        on a worker behind a progress dialog with Cancel (an .xlsx of 200k rows takes about 9 s); the task
        is returned so a caller can follow it."""
        try:
            rows, write = self.model.export_job(path, self.export_name)
        except ExportFailed as exc:
            self._export_failed(path, translated(said(exc)))
            return None
        # A stored table's export is a DuckDB query over the whole table, however few rows it keeps.
        if rows < BACKGROUND_EXPORT_ROWS and self.model is self.frame_model:
            try:
                write()
            except ExportFailed as exc:
                self._export_failed(path, translated(said(exc)))
            except OSError as exc:
                self._export_failed(path, f"{exc.strerror or exc}.")
            return None
        rows_text = counted(rows, self.tr("{count} row"), self.tr("{count} rows"))
        dialog = ExportProgress(self.tr("Exporting {rows} to {file}…").format(rows=rows_text, file=Path(path).name),
                                self)
        task = self._export_runner().run(
            "export", self.tr("Exporting {file}").format(file=Path(path).name), write,
            lambda _result: dialog.finish(), lambda message: (dialog.finish(), self._export_failed(path, message)),
        )
        task.progress.connect(dialog.show_fraction)
        task.cancelled.connect(dialog.finish)
        dialog.canceled.connect(task.cancel)
        return task

    def _export_runner(self) -> TaskRunner:
        if self._runner is None:
            self._runner = TaskRunner(self)
        return self._runner

    def _export_failed(self, path: str, message: str) -> None:
        QMessageBox.warning(self, self.tr("Export failed"),
                            self.tr("Could not write {file}: {reason}").format(file=Path(path).name, reason=message))


def _writer(path: str, frame: pd.DataFrame, sheet: str) -> Callable[..., None]:
    """The write of ``frame`` to ``path`` as its suffix says; it takes the optional ``progress`` and
    ``cancelled`` of the writers, so it also is a worker's work function as it is."""
    if path.lower().endswith(".xlsx"):
        return partial(write_xlsx, {sheet: frame}, path)
    return partial(write_csv, frame, path)
