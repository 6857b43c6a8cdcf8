"""The recipe of one source as an editable list: add any step kind, edit, reorder, switch off, remove.

Every edit is a core command pushed on the document, so Ctrl+Z/Ctrl+Y walk back through recipe edits like
any other change. The rows-before → after figures come from the page's last background run of the recipe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from usagelens.cleaning import STEP_KINDS, apply_recipe, describe_step
from usagelens.cleaning.pseudonymise import RECIPE_STEP
from usagelens.cleaning.recipe import StepOutcome, StepStatus
from usagelens.model import RecipeStep, Source
from usagelens.model.commands import InsertItem, MoveItem, SetField
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityWords
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.recipe_editor import StepDialog
from usagelens.ui.translations import step_kind_title, translated

SAMPLE_ROWS = 2000
# Old projects' pseudonymise step still runs and can be edited, but is not offered for new recipes: it left the
# raw values in the project file. Step 3 pseudonymises the stored table instead (ui/personal_data_dialog.py).
LEGACY_KINDS = frozenset({RECIPE_STEP})


# how a step's run ended, as the Result column says it (marked here: ``StepStatus`` keeps its English values)
STATUS_WORDS = {StepStatus.APPLIED: QT_TRANSLATE_NOOP("RecipePanel", "applied"),
                StepStatus.FAILED: QT_TRANSLATE_NOOP("RecipePanel", "failed"),
                StepStatus.DISABLED: QT_TRANSLATE_NOOP("RecipePanel", "disabled"),
                StepStatus.NOT_RUN: QT_TRANSLATE_NOOP("RecipePanel", "not run")}


class RecipePanel(QWidget):
    """The recipe list of the source chosen on the page, with its editing buttons."""

    def __init__(self, document: ProjectDocument, outcome: Callable[[RecipeStep], StepOutcome | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.source: Source | None = None
        self._outcome = outcome
        columns = (
            Column("enabled", QT_TRANSLATE_NOOP("Column", "On"), kind="check", width=36,
                   tooltip=QT_TRANSLATE_NOOP("Column", "Switch a step off without losing it")),
            Column("step", QT_TRANSLATE_NOOP("Column", "Step"), kind="computed", width=170, compute=describe_step),
            Column("rows", QT_TRANSLATE_NOOP("Column", "Rows before → after"), kind="computed", width=165,
                   compute=self._rows_text, numeric=True),
            Column("status", QT_TRANSLATE_NOOP("Column", "Result"), kind="computed", width=100,
                   compute=self._status_text),
        )
        self.list = EntityListWidget(
            document, None, columns, lambda: None,
            words=EntityWords(self.tr("Add step"), self.tr("Remove step"), self.tr("Remove {count} steps")),
            title=self.tr("Cleaning recipe"),
            hint=self.tr("Steps run in order on the imported table every time; they never change it. Next "
                         "month's export goes through the same steps."),
            empty=self.tr("No cleaning steps yet: the analyses use the data as imported. Use “Add step” to remove "
                          "duplicate rows, exclude the test users listed under “Test users”, merge event names…"),
        )
        self.list.add_button.clicked.disconnect()
        self.add_menu = QMenu(self)
        for op, kind in STEP_KINDS.items():
            if op not in LEGACY_KINDS:
                self.add_menu.addAction(step_kind_title(kind), lambda o=op: self.add_step(o))
        self.list.add_button.setMenu(self.add_menu)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.edit_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self.edit_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for signal in (self.list.model.modelReset, self.list.model.dataChanged):
            signal.connect(self.list.view.resizeRowsToContents)
        self.list.view.doubleClicked.connect(lambda index: index.column() > 0 and self.edit_selected())

    # --- what the list shows -------------------------------------------------------------------------
    def _rows_text(self, step: RecipeStep) -> str:
        outcome = self._outcome(step)
        if outcome is None or outcome.status is StepStatus.NOT_RUN:
            return ""
        return in_locale(f"{outcome.rows_before:,} → {outcome.rows_after:,}")

    def _status_text(self, step: RecipeStep) -> str:
        outcome = self._outcome(step)
        if outcome is None:
            return ""
        if outcome.error or outcome.notes:  # marked where the step said it, translated here
            return translated(outcome.error) if outcome.error else "; ".join(map(translated, outcome.notes))
        return QCoreApplication.translate("RecipePanel", STATUS_WORDS.get(outcome.status, outcome.status.value))

    def set_source(self, source: Source | None) -> None:
        self.source = source
        path = ("recipes", source.id) if source else None
        if source is not None:
            self.document.project.recipe(source.id)  # make sure the list exists for the table to edit
        if self.list.model.path != path:
            self.list.model.set_path(path)

    def steps(self) -> list[RecipeStep]:
        return self.list.model.items()

    def refresh(self) -> None:
        self.list.model.refresh()

    # --- editing -------------------------------------------------------------------------------------
    def sample_before(self, index: int) -> pd.DataFrame:
        """The head of the table as it reaches step ``index``: the columns a step there can name."""
        assert self.source is not None
        project = self.document.project
        head = self.source.table.head(SAMPLE_ROWS)
        return apply_recipe(head, self.steps()[:index], roles=self.source.roles,
                            pseudonym_key=project.pseudonym_key or "preview").frame

    def ask_params(self, step: RecipeStep, sample: pd.DataFrame) -> dict[str, Any] | None:
        """Show the step's editor; the new parameters, or None when cancelled."""
        dialog = StepDialog(step, sample, self.source.roles if self.source else {}, self)
        return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def add_step(self, op: str, params: dict[str, Any] | None = None) -> RecipeStep | None:
        """Add a step of kind ``op`` at the end; asks for its parameters unless they are given."""
        path = self.list.model.path
        if path is None:
            return None
        if params is None:
            params = self.ask_params(RecipeStep(op), self.sample_before(len(self.steps())))
            if params is None:
                return None
        step = RecipeStep(op, params)
        description = self.tr("Add step: {kind}").format(kind=step_kind_title(STEP_KINDS[op]))
        self.document.push(InsertItem(path, step, description=description))
        self.list.view.selectRow(len(self.steps()) - 1)
        return step

    def edit_selected(self) -> None:
        step = self.list.selected_item()
        path = self.list.model.path
        if step is None or path is None or step.op not in STEP_KINDS:
            return
        params = self.ask_params(step, self.sample_before(self.steps().index(step)))
        if params is not None and params != step.params:
            self.document.push(SetField((*path, step.id), "params", params, description=self.tr("Edit step")))

    def move_selected(self, delta: int) -> None:
        step = self.list.selected_item()
        path = self.list.model.path
        if step is None or path is None:
            return
        steps = self.steps()
        index = steps.index(step) + delta
        if 0 <= index < len(steps):
            self.document.push(MoveItem(path, step.id, index, description=self.tr("Move step")))
            self.list.view.selectRow(index)
