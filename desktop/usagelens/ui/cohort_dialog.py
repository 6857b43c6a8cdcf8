"""Cohorts… : create, edit and delete the project's saved cohorts, each an undoable command.

The list on the left is the project's cohorts (kept in step with undo and redo); the editor on the right builds
the conditions. Saving checks them with the same reader the analyses use and shows its message in the dialog.
"""

from __future__ import annotations

from typing import Any

from usagelens.analytics import AnalysisError
from usagelens.analytics.cohort_rules import describe, read_rules
from usagelens.model import Cohort
from usagelens.model.commands import InsertItem, RemoveItem, ReplaceItem
from usagelens.model.translatable import Sentence, said
from usagelens.ui.accessibility import name_form_fields, tab_order, tab_stops
from usagelens.ui.cohort_conditions import KIND_LABELS, ConditionRowWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.pages.base import banner, set_banner
from usagelens.ui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import translated
from usagelens.workspace.analyses import DataFacts

FIRST_CONDITION: dict[str, Any] = {"kind": "event_count", "at_least": 1}


class CohortsDialog(QDialog):
    """The project's cohorts and an editor for one of them."""

    def __init__(self, document: ProjectDocument, facts: DataFacts | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cohorts"))
        self.resize(980, 560)
        self.document, self.facts = document, facts or DataFacts()
        self.editing: Cohort | None = None  # None: a new cohort
        self.rows: list[ConditionRowWidget] = []

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved cohorts"))
        self.list.currentItemChanged.connect(self._on_current_changed)
        new_button = QPushButton(self.tr("New"))
        new_button.clicked.connect(self.new_cohort)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Remove the cohort from the project (Edit ▸ Undo brings it back)"))
        self.delete_button.clicked.connect(self.delete_current)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Saved cohorts")))
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)

        self.name = QLineEdit(placeholderText=self.tr("e.g. Power users"))
        self.description = QLineEdit(placeholderText=self.tr("What the group is, for whoever reads the report"))
        self.match = QComboBox()
        self.match.addItem(self.tr("all of these conditions"), "all")
        self.match.addItem(self.tr("any of these conditions"), "any")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Users who match"), self.match)
        name_form_fields(form)
        self.conditions = QVBoxLayout()
        self.conditions.setSpacing(4)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addLayout(self.conditions)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into the conditions, and the area scrolls to them
        self.add_button = add = QToolButton(text=self.tr("+ Condition"))
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add)
        for kind, label in KIND_LABELS.items():
            menu.addAction(QCoreApplication.translate("ConditionRowWidget", label),
                           lambda k=kind: self.add_condition({"kind": k}))
        add.setMenu(menu)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.error = banner(kind="error")
        self.save_button = QPushButton(self.tr("Save cohort"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        actions = QHBoxLayout()
        actions.addWidget(add)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.error)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([220, 760])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)
        document.changed.connect(self._on_document_changed)
        self._fill_list()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.new_cohort()

    # --- the list ----------------------------------------------------------------------------------
    def _fill_list(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for cohort in self.document.project.cohorts:
            item = QListWidgetItem(cohort.name)
            item.setData(Qt.ItemDataRole.UserRole, cohort.id)
            item.setToolTip(cohort.description)
            self.list.addItem(item)
            if cohort.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.delete_button.setEnabled(self.list.currentItem() is not None)

    def _on_document_changed(self, path: tuple[str, ...]) -> None:
        if path[:1] != ("cohorts",):
            return
        current = self.editing.id if self.editing is not None else None
        self._fill_list(select=current)
        cohort = self.document.project.cohort(current) if current else None
        if current and cohort is None:  # deleted (or its creation undone): start a new one
            self.new_cohort()
        elif cohort is not None and cohort is not self.editing:  # changed by undo or redo
            self.load(cohort)

    def _on_current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        cohort = self.document.project.cohort(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        if cohort is not None:
            self.load(cohort)
        self.delete_button.setEnabled(item is not None)

    # --- the editor ---------------------------------------------------------------------------------
    def load(self, cohort: Cohort) -> None:
        self.editing = cohort
        self.name.setText(cohort.name)
        self.description.setText(cohort.description)
        self.match.setCurrentIndex(max(self.match.findData(cohort.match), 0))
        self._set_rows(cohort.conditions)
        self._describe(cohort)

    def new_cohort(self) -> None:
        self.editing = None
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.name.setText("")
        self.description.setText("")
        self.match.setCurrentIndex(0)
        self._set_rows([dict(FIRST_CONDITION)])
        self.summary.setText(self.tr("A new cohort: give it a name, set its conditions and save it."))
        set_banner(self.error, "", kind="error")
        self.name.setFocus()

    def _set_rows(self, conditions: list[dict[str, Any]]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for condition in conditions:
            self.add_condition(condition)

    def add_condition(self, condition: dict[str, Any]) -> ConditionRowWidget:
        row = ConditionRowWidget(self.facts, condition)
        row.remove_requested.connect(self._remove_row)
        self.rows.append(row)
        self.conditions.addWidget(row)
        # made after the buttons below them: Tab goes through the conditions in order, then to the buttons
        tab_order(self.match, *(stop for each in self.rows for stop in tab_stops(each)), self.add_button,
                  self.save_button)
        return row

    def _remove_row(self, row: ConditionRowWidget) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def _describe(self, cohort: Cohort) -> None:
        try:
            rules = read_rules(cohort.conditions, cohort.match)
        except AnalysisError as exc:
            self.summary.setText(self.tr("Cannot be used as it is: {problem}.").format(problem=translated(said(exc))))
            return
        joiner = self.tr(" and ") if rules.match == "all" else self.tr(" or ")
        self.summary.setText(self.tr("Users who {conditions}.").format(
            conditions=joiner.join(translated(describe(rule)) for rule in rules.rules)))
        set_banner(self.error, "", kind="error")

    # --- commands -------------------------------------------------------------------------------------
    def edited(self) -> Cohort:
        """The cohort as the editor shows it (the one being edited keeps its id)."""
        fields = {"name": self.name.text().strip(), "description": self.description.text().strip(),
                  "match": self.match.currentData(), "conditions": [row.condition() for row in self.rows]}
        return Cohort(**fields) if self.editing is None else Cohort(**fields, id=self.editing.id)

    def save(self) -> Cohort | None:
        """Check the editor's cohort and save it as an undoable command; None (and a message) when it cannot be."""
        cohort = self.edited()
        problem = ""
        others = {c.name.casefold() for c in self.document.project.cohorts if c.id != cohort.id}
        if not cohort.name:
            problem = self.tr("Give the cohort a name.")
        elif cohort.name.casefold() in others:
            problem = self.tr("There is already a cohort named “{name}”.").format(name=cohort.name)
        else:
            try:
                read_rules(cohort.conditions, cohort.match)
            except AnalysisError as exc:
                problem = translated(Sentence(said(exc)))
        if problem:
            set_banner(self.error, problem, kind="error")
            return None
        if self.editing is None:
            self.editing = cohort
            description = self.tr("Add cohort “{name}”").format(name=cohort.name)
            self.document.push(InsertItem(("cohorts",), cohort, description=description))
        else:
            self.editing = cohort
            description = self.tr("Edit cohort “{name}”").format(name=cohort.name)
            self.document.push(ReplaceItem(("cohorts",), cohort, description=description))
        self._describe(cohort)
        return cohort

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        cohort_id = item.data(Qt.ItemDataRole.UserRole)
        self.document.push(RemoveItem(("cohorts",), cohort_id,
                                      description=self.tr("Delete cohort “{name}”").format(name=item.text())))
