"""Editable tables of project entities (objectives, hypotheses, findings, actions, releases).

One model serves every such list: columns are declared as ``Column`` specs, edits become core
``SetField``/``InsertItem``/``RemoveItem`` commands on the document's undo stack, and the model refreshes
whenever the document reports a change under its list's path. Pages therefore only declare columns. Numbers
are read and shown in the user's locale (``locale_numbers``); text it cannot read is refused with a message.
Headers and their tooltips are marked ``QT_TRANSLATE_NOOP("Column", ...)`` where columns are declared and
translated here, when shown; what a list says about its rows comes from the page as whole phrases
(``EntityWords``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from usagelens.charts.locale_text import date_format, date_text
from usagelens.model.commands import InsertItem, Path, RemoveItem, SetField, resolve
from usagelens.ui.accessibility import label_for, tab_order
from usagelens.ui.document import ProjectDocument
from usagelens.ui.elided_label import ElidedLabel
from usagelens.ui.hint_table_view import HintTableView
from usagelens.ui.locale_numbers import NumberInputError, edit_text, in_locale, parse_number
from usagelens.ui.pages.base import banner, set_banner
from usagelens.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QApplication,
    QColor,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPalette,
    QPersistentModelIndex,
    QPushButton,
    QSizePolicy,
    QSortFilterProxyModel,
    QStyledItemDelegate,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from usagelens.ui.table_rows import keep_rows
from usagelens.ui.theme import readable
from usagelens.ui.translations import counted, translated

AnyIndex = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # a cell's raw value (numbers sort as numbers, delegates paint it)
HEADING_KEPT_WHOLE = 200  # px of a list's title that stay in view however narrow the window
HEADER_PADDING = 14  # a header section's padding (6 px) either side of its text and its border (app.qss)


@dataclass(frozen=True)
class Column:
    """One column of an entity table: which field it edits and how. ``label`` and ``tooltip`` are the English
    texts, marked ``QT_TRANSLATE_NOOP("Column", ...)`` where declared; the table shows them translated."""

    field: str
    label: str
    kind: str = "text"  # text | number | date | choice | check | computed
    choices: Sequence[str] | Callable[[], Sequence[str]] = ()
    width: int = 0
    compute: Callable[[Any], str] | None = None  # a computed column's text; on an editable one, how it reads
    tooltip: str = ""
    show: Callable[[Any], str] | None = None  # how a non-text field value reads in a choice column
    parse: Callable[[str], Any] | None = None  # the field value for a chosen text
    numeric: bool = False  # right-aligned, as numbers read best
    value: Callable[[Any], Any] | None = None  # the raw value behind the text, for sorting and painting delegates
    colour: Callable[[Any], str | None] | None = None  # text colour of a computed cell (e.g. a status)
    percent: bool = False  # a number column that also takes "30%", stored as 0.3 (rates, confidence)
    tip: Callable[[Any], str] | None = None  # a cell's tooltip when it should say more than its text
    grows: bool = False  # takes the view's spare width (by default the widest declared column does)

    def choice_list(self) -> list[str]:
        return list(self.choices() if callable(self.choices) else self.choices)

    def header(self) -> str:
        """The label in the user's language."""
        return QCoreApplication.translate("Column", self.label)


@dataclass(frozen=True)
class EntityWords:
    """What an entity list says about its rows, as whole phrases the page has translated: word order and
    plurals differ between languages ("Add objective" is "Ziel hinzufügen", not "Hinzufügen Ziel")."""

    add: str  # the Add button and its undo step: "Add objective"
    remove: str  # the Remove button's accessible name and the undo step of one row: "Remove objective"
    remove_many: str  # the undo step of several rows, with a {count} placeholder: "Remove {count} objectives"
    filter: str = ""  # the filter box's placeholder on a sortable list: "Filter actions…"


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, float):
        return in_locale(f"{value:,.6g}")
    return str(value)


class EntityTableModel(QAbstractTableModel):
    """The list at ``path`` in the project, one entity per row, edited through undoable commands.

    ``input_refused`` carries the message for a typed value the column cannot take ("Target: “1.500,5” is
    not a number as written in English …"); the cell keeps its value.
    """

    input_refused = Signal(str)

    def __init__(self, document: ProjectDocument, path: Path | None, columns: Sequence[Column],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._path = path
        self._columns = list(columns)
        self._shown_ids: list[str] = [item.id for item in self.items()]
        document.changed.connect(self._on_document_changed)
        document.reset.connect(self.refresh)

    # --- content -------------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        """Show another list (e.g. the hypotheses of the newly selected objective)."""
        self._path = path
        self.refresh()

    def items(self) -> list[Any]:
        if self._path is None:
            return []
        try:
            return resolve(self._document.project, self._path)
        except (KeyError, AttributeError):
            return []

    def item(self, row: int) -> Any:
        return self.items()[row]

    def refresh(self) -> None:
        self._shown_ids = [item.id for item in self.items()]
        self.beginResetModel()
        self.endResetModel()

    def _on_document_changed(self, path: tuple[str, ...]) -> None:
        if self._path is None or not (path[: len(self._path)] == self._path or self._path[: len(path)] == path):
            return
        ids = [item.id for item in self.items()]
        if ids == self._shown_ids and ids:
            # Same rows: repaint in place so the selection (and what depends on it) survives the edit.
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(self._columns) - 1))
        else:
            self.refresh()

    def column_spec(self, column: int) -> Column:
        return self._columns[column]

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        spec = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.header()
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip:
            return QCoreApplication.translate("Column", spec.tooltip)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self._columns[index.column()].kind if index.isValid() else "computed"
        if kind == "check":
            base |= Qt.ItemFlag.ItemIsUserCheckable
        elif kind != "computed":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        spec = self._columns[index.column()]
        entity = self.item(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and spec.tip is not None:
            return spec.tip(entity)
        if role == Qt.ItemDataRole.TextAlignmentRole and (spec.numeric or spec.kind == "number"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == VALUE_ROLE:
            return spec.value(entity) if spec.value else self.data(index, Qt.ItemDataRole.DisplayRole)
        if spec.kind == "computed":
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and spec.compute:
                return translated(spec.compute(entity))  # a marked text the core made, in the user's language
            if role == Qt.ItemDataRole.ForegroundRole and spec.colour and (colour := spec.colour(entity)):
                # Status colours are chosen for print (white paper); on a dark table they are lightened.
                return readable(QColor(colour), QApplication.palette().color(QPalette.ColorRole.Base))
            return None
        if spec.compute is not None and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return spec.compute(entity)
        value = getattr(entity, spec.field)
        if spec.kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if spec.show is not None and role in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole
        ):
            return spec.show(value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _display(value)
        if role == Qt.ItemDataRole.EditRole:
            if spec.kind == "date":
                day = value or date.today()
                return QDate(day.year, day.month, day.day)
            if spec.kind == "number":
                return "" if value is None else edit_text(value)
            return _display(value)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._path is None:
            return False
        spec = self._columns[index.column()]
        entity = self.item(index.row())
        if spec.kind == "check" and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self._set_field(entity, spec, checked, self.tr("Toggle {column}"))
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new_value = self._convert(spec, getattr(entity, spec.field), value)
        except NumberInputError as exc:
            self.input_refused.emit(f"{spec.header()}: {exc}")
            return False
        except ValueError:
            return False
        if new_value == getattr(entity, spec.field):
            return False
        self._set_field(entity, spec, new_value, self.tr("Edit {column}"))
        return True

    def _set_field(self, entity: Any, spec: Column, value: Any, phrase: str) -> None:
        """One undoable edit of a cell, named after its column by ``phrase``: "Edit {column}" puts the name
        inside a sentence, lower-case as English writes it ("Edit target"); "{Column} bearbeiten" keeps it as
        the header writes it, as German nouns keep their capital."""
        assert self._path is not None
        description = phrase.format(column=spec.header().lower(), Column=spec.header())
        self._document.push(SetField((*self._path, entity.id), spec.field, value, description=description))

    @staticmethod
    def _convert(spec: Column, old: Any, value: Any) -> Any:
        if value is None:
            return None
        if spec.parse is not None:
            return spec.parse(str(value))
        if spec.kind == "date":
            if isinstance(value, QDate):
                return date(value.year(), value.month(), value.day())
            return date.fromisoformat(str(value)) if str(value).strip() else None
        if spec.kind == "number":
            typed = parse_number(str(value), percent=spec.percent)
            return None if typed is None else typed.value
        if isinstance(old, Enum):
            return type(old)(value)
        return str(value)

    def sort_key(self, row: int, column: int) -> tuple[int, Any]:
        """What a sortable view orders a cell by: the raw number or date where there is one, else the text;
        the leading flag marks empty cells."""
        spec = self._columns[column]
        entity = self.item(row)
        if spec.value is not None:
            value = spec.value(entity)
        elif spec.kind in ("number", "date"):
            value = getattr(entity, spec.field)
        else:
            value = str(self.data(self.index(row, column)) or "").casefold()
        return (1, "") if value is None or value == "" else (0, value)

    def clear_cell(self, index: AnyIndex) -> None:
        """Delete key on an optional number or date: the value becomes empty."""
        spec = self._columns[index.column()]
        entity = self.item(index.row())
        if spec.kind in ("number", "date") and getattr(entity, spec.field) is not None and self._path:
            self._set_field(entity, spec, None, self.tr("Clear {column}"))


class EntitySortModel(QSortFilterProxyModel):
    """Opt-in sorting and filtering of an entity table; edits and the delegate's column specs pass through."""

    def __init__(self, source: EntityTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def column_spec(self, column: int) -> Column:
        return self.sourceModel().column_spec(column)  # type: ignore[attr-defined,no-any-return]

    def clear_cell(self, index: AnyIndex) -> None:
        self.sourceModel().clear_cell(self.mapToSource(index))  # type: ignore[attr-defined]

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802
        source: EntityTableModel = self.sourceModel()  # type: ignore[assignment]
        a, b = source.sort_key(left.row(), left.column()), source.sort_key(right.row(), right.column())
        if a[0] != b[0]:  # empty cells stay at the bottom in either order: an unscored action is not "lowest"
            return (a[0] < b[0]) != (self.sortOrder() == Qt.SortOrder.DescendingOrder)
        try:
            return bool(a < b)
        except TypeError:  # mixed kinds in one column (a computed text next to a number): compare as text
            return str(a) < str(b)


class _EntityDelegate(QStyledItemDelegate):
    """Combo boxes for choice columns and a calendar for dates; the default editor for everything else."""

    def createEditor(self, parent: QWidget, option: Any, index: AnyIndex) -> QWidget:  # noqa: N802
        model = index.model()
        spec: Column = model.column_spec(index.column())  # type: ignore[attr-defined]
        if spec.kind == "choice":
            combo = QComboBox(parent)
            combo.addItems(spec.choice_list())
            return combo
        if spec.kind == "date":
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat(date_format())
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class EntityTableView(HintTableView):
    """A table view with the entity delegate, sensible sizing and Delete to clear optional cells."""

    def __init__(self, model: EntityTableModel | EntitySortModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(_EntityDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        # Tab leaves the table; while a cell is being edited, Tab still commits it and edits the next one.
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.horizontalHeader()
        widths = [model.column_spec(number).width for number in range(model.columnCount())]
        bold = QFont(header.font())
        bold.setWeight(QFont.Weight.DemiBold)  # as app.qss draws header sections
        for number, width in enumerate(widths):
            if width:  # never narrower than its header's text, which may be longer in the user's language
                text = str(model.headerData(number, Qt.Orientation.Horizontal) or "")
                header.resizeSection(number, max(width, QFontMetrics(bold).horizontalAdvance(text) + HEADER_PADDING))
        # Declared widths are kept (a stretched column would be squeezed to nothing on a narrow window) and a
        # scroll bar appears when the window is too narrow. Spare room goes to the columns that ``grows``, else to
        # the free-text ones (an action, an objective and its KPI), else to the widest, in proportion to their
        # declared widths: their text wraps less on a wide window, where the last column, often a short or empty
        # one (Industry, RICE score), took it all.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        specs = [model.column_spec(n) for n in range(len(widths))]
        growing = [n for n, spec in enumerate(specs) if spec.grows] or \
            [n for n, spec in enumerate(specs) if spec.kind == "text" and widths[n]] or \
            ([max(range(len(widths)), key=widths.__getitem__)] if any(widths) else [])
        self._growing = {n: header.sectionSize(n) for n in growing}  # column -> its declared width
        header.setStretchLastSection(not growing)
        header.sectionResized.connect(self._on_section_resized)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._give_spare_room()

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in self._growing:  # another column dragged wider or narrower: the growing ones make up
            self._give_spare_room()

    def _give_spare_room(self) -> None:
        """Share the view's spare width among the growing columns, none below its declared width."""
        header = self.horizontalHeader()
        shown = [n for n in self._growing if not header.isSectionHidden(n)]
        if not shown:
            return
        others = sum(header.sectionSize(n) for n in range(header.count())
                     if n not in self._growing and not header.isSectionHidden(n))
        declared = sum(self._growing[n] for n in shown)
        room = max(declared, self.viewport().width() - others)
        for n in shown[:-1]:
            header.resizeSection(n, self._growing[n] * room // declared)
        header.resizeSection(shown[-1], room - sum(header.sectionSize(n) for n in shown[:-1]))

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            model = self.model()
            for index in self.selectedIndexes() or [self.currentIndex()]:
                if index.isValid():
                    model.clear_cell(index)  # type: ignore[attr-defined]
            return
        super().keyPressEvent(event)


class EntityListWidget(QWidget):
    """A titled entity table with Add and Remove buttons: the building block of steps 1, 5, 6 and 7."""

    def __init__(
        self,
        document: ProjectDocument,
        path: Path | None,
        columns: Sequence[Column],
        factory: Callable[[], Any],
        *,
        words: EntityWords,
        title: str = "",
        hint: str = "",
        empty: str = "",
        sortable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._factory = factory
        self._words = words
        self.model = EntityTableModel(document, path, columns, self)
        # ``proxy`` sorts (header click) and filters (the filter box) without reordering the project's list;
        # view rows are mapped back to model rows wherever an entity is looked up.
        self.proxy = EntitySortModel(self.model, self) if sortable else None
        self.view = EntityTableView(self.proxy or self.model, self)
        self.view.empty_text = empty
        self.filter_edit: QLineEdit | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        if title:
            # a long title ("Other dated events (releases, outages, campaigns)" in German) gives way to the
            # buttons at the window's minimum size, cut with "…" and whole in its tip; a short one stays whole
            heading = ElidedLabel(title, lines=1)
            heading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            heading.setObjectName("sectionTitle")
            heading.ensurePolished()
            heading.setMinimumWidth(min(heading.sizeHint().width(), HEADING_KEPT_WHOLE))
            label_for(heading, self.view)
            bar.addWidget(heading)
        bar.addStretch(1)
        self.add_button = QPushButton(words.add)
        self.add_button.setObjectName("primary")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(words.remove)  # two "Remove" buttons can share a page
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        layout.addLayout(bar)
        self._bar = bar
        # Why a typed value was not taken; it stays until the next edit that is.
        self.refusal = banner(kind="error")
        layout.addWidget(self.refusal)
        self.model.input_refused.connect(self._on_input_refused)
        document.changed.connect(self._on_changed)  # a method, so the connection ends with the widget
        if self.proxy is not None:
            self.view.setSortingEnabled(True)
            self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the project's order until a header is clicked
            self.filter_edit = QLineEdit(self)
            self.filter_edit.setPlaceholderText(words.filter)
            # wide enough to show its placeholder whole, which says what it filters
            self.filter_edit.setMinimumWidth(self.filter_edit.fontMetrics().horizontalAdvance(words.filter) + 24)
            self.filter_edit.setAccessibleName(words.filter.rstrip("…"))
            self.filter_edit.setClearButtonEnabled(True)
            self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
            bar.insertWidget(1 if title else 0, self.filter_edit, 1)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hint")
            hint_label.setWordWrap(True)
            self.view.setAccessibleDescription(hint)
            layout.addWidget(hint_label)
        layout.addWidget(self.view, 1)
        keep_rows(self.view)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._select_first_if_none)
        self._order_tabs()
        self._update_buttons()

    def _on_input_refused(self, message: str) -> None:
        set_banner(self.refusal, message, kind="error")

    def _on_changed(self, _path: tuple[str, ...]) -> None:
        set_banner(self.refusal, "", kind="error")

    def _select_first_if_none(self) -> None:
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def add_bar_widget(self, widget: QWidget) -> None:
        """Put a page's own button in the title bar, just before the Add button."""
        self._bar.insertWidget(self._bar.indexOf(self.add_button), widget)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes through the title bar's boxes and buttons, left to right, then into the table below it."""
        bar = [self._bar.itemAt(n).widget() for n in range(self._bar.count())]
        tab_order(*[w for w in bar if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus], self.view)

    def _update_buttons(self) -> None:
        enabled = self.model.path is not None
        self.add_button.setEnabled(enabled)
        self.remove_button.setEnabled(enabled and self.model.rowCount() > 0)

    def add_item(self) -> None:
        if self.model.path is None:
            return
        if self.filter_edit is not None:
            self.filter_edit.clear()  # the new row must be visible to be edited
        item = self._factory()
        self._document.push(InsertItem(self.model.path, item, description=self._words.add))
        index = self._view_index(self.model.index(self.model.rowCount() - 1, 0))
        # Not ``selectRow``: it honours held modifiers and would add to the old selection instead of replacing it.
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.edit(index)

    def _view_index(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapFromSource(index) if self.proxy is not None else index

    def selected_rows(self) -> list[int]:
        """Model rows (positions in the project's list) of the selected view rows."""
        indexes = self.view.selectionModel().selectedRows()
        if self.proxy is not None:
            indexes = [self.proxy.mapToSource(index) for index in indexes]
        return [index.row() for index in indexes]

    def remove_selected(self) -> None:
        path = self.model.path
        rows = sorted(set(self.selected_rows()), reverse=True)
        if path is None or not rows:
            return
        ids = [self.model.item(row).id for row in rows]
        stack = self._document.undo_stack
        stack.beginMacro(counted(len(ids), self._words.remove, self._words.remove_many))
        for item_id in ids:
            self._document.push(RemoveItem(path, item_id, description=self._words.remove))
        stack.endMacro()

    def selected_item(self) -> Any | None:
        rows = self.selected_rows()
        return self.model.item(rows[0]) if rows else None
