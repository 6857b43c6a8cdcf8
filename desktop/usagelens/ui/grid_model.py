"""What the data grids' two table models share: sort and filter state, and headers that name and type columns.

:class:`~usagelens.ui.frame_model.FrameModel` holds a DataFrame, :class:`~usagelens.ui.paged_model.PagedModel`
pages a stored table from DuckDB; a user sees one grid either way, so headers, tooltips and filters must behave
the same. Each subclass says how a column is named and typed, how a row is labelled, and how it works out its
rows again once the sort or a filter changed (:meth:`GridModel._rows_changed`).
"""

from __future__ import annotations

from collections.abc import Mapping

from usagelens.ui.qt import QT_TRANSLATE_NOOP, QAbstractTableModel, QColor, QCoreApplication, QFont, QObject, Qt, Signal
from usagelens.ui.translations import translated

ROW_NUMBER_COLOUR = "#7a7f87"  # the grey of row numbers, readable on the light and the dark theme
# the value types ``cleaning.values.type_label`` names, marked for the user's language
TYPE_WORDS = (QT_TRANSLATE_NOOP("ColumnType", "text"), QT_TRANSLATE_NOOP("ColumnType", "number"),
              QT_TRANSLATE_NOOP("ColumnType", "date"), QT_TRANSLATE_NOOP("ColumnType", "yes-no"),
              QT_TRANSLATE_NOOP("ColumnType", "duration"))


def type_word(kind: object) -> str:
    """A column's value type ("text", "number", …) in the user's language, as a header, a tip or a filter
    names it; the type stays English where it is kept (the project, the CLI)."""
    return QCoreApplication.translate("ColumnType", kind) if kind in TYPE_WORDS else str(kind)


class GridModel(QAbstractTableModel):
    """A read-only grid's sort, quick filter and column filters, and its header labels and tips."""

    rows_ready = Signal()  # the shown rows changed: after a sort or filter
    busy_changed = Signal(bool)  # a sort or filter started (True) or settled (False)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._filter: tuple[int | None, str] = (None, "")
        self._column_filters: dict[int, str] = {}
        self.typed_headers = False  # headers read "name" over "(type)", for raw data grids
        # A reader's words for columns by name (result tables: ``workspace.column_labels``); the name stays in
        # the header's tip, in copies and in exports.
        self.column_labels: Mapping[str, str] = {}

    # --- what a subclass answers ----------------------------------------------------------------------
    def column_name(self, column: int) -> str:
        raise NotImplementedError

    def column_type(self, column: int) -> str:
        raise NotImplementedError

    def row_label(self, row: int) -> str:
        """The row's number in its source, counted from 1 ("" while unknown)."""
        raise NotImplementedError

    def _rows_changed(self, *, filtered: bool) -> None:
        """Work out the shown rows again: the sort changed, or (``filtered``) a filter did."""
        raise NotImplementedError

    # --- shared ----------------------------------------------------------------------------------------
    def column_label(self, column: int) -> str:
        """What the header calls ``column``: its label in the user's language, else its name."""
        name = self.column_name(column)
        return translated(self.column_labels.get(name, name))

    def _clear_view_state(self) -> None:
        """No sort and no filter: for a new table."""
        self._sort = None
        self._filter = (None, "")
        self._column_filters = {}

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole:
            if not horizontal:
                return self.row_label(section)
            name = self.column_label(section)
            return f"{name}\n{type_word(self.column_type(section))}" if self.typed_headers else name
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            name, label = self.column_name(section), self.column_label(section)
            tip = f"{name} ({type_word(self.column_type(section))})"
            if label != name:
                tip = f"{label}\n{tip}"
            if section in self._column_filters:
                tip += "\n" + self.tr("Filtered: contains “{text}”").format(text=self._column_filters[section])
            return tip
        if role == Qt.ItemDataRole.FontRole and horizontal and section in self._column_filters:
            font = QFont()
            font.setBold(True)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not horizontal:
            return QColor(ROW_NUMBER_COLOUR)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sort = (column, order)
        self._rows_changed(filtered=False)

    def set_filter(self, text: str, column: int | None = None) -> None:
        """The quick filter: keep rows whose cell (in ``column``, or any column) contains ``text``, ignoring
        case. It combines with the column filters (AND)."""
        self._filter = (column, text.strip())
        self._rows_changed(filtered=True)

    def set_column_filter(self, column: int, text: str) -> None:
        """Keep rows whose cell in ``column`` contains ``text`` (ignoring case), on top of the other column
        filters and the quick filter; empty ``text`` removes the column's filter."""
        if not 0 <= column < self.columnCount():
            return
        if text.strip():
            self._column_filters[column] = text.strip()
        else:
            self._column_filters.pop(column, None)
        self._rows_changed(filtered=True)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def column_filters(self) -> dict[int, str]:
        """The active column filters, column position -> text."""
        return dict(self._column_filters)

    def clear_column_filters(self) -> None:
        columns = list(self._column_filters)
        self._column_filters = {}
        self._rows_changed(filtered=True)
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, min(columns), max(columns))
