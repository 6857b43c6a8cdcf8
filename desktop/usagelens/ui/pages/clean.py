"""Step 3: data quality of each source, and the recorded recipe of cleaning steps applied to it.

The raw table is never touched: the recipe is replayed on it to give the cleaned table every analysis uses,
and the quality checks are shown before and after the recipe so the user sees what each step bought.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from usagelens.cleaning import apply_recipe, describe_step, quality_report
from usagelens.cleaning.recipe import StepOutcome
from usagelens.model import Project, RecipeStep, Source
from usagelens.model.commands import MoveItem
from usagelens.model.steps import Step
from usagelens.ui.data_cache import DataCache
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, Qt, QVBoxLayout, QWidget
from usagelens.ui.workers import TaskRunner


@dataclass
class CleanResult:
    source_id: str
    quality: pd.DataFrame  # check, raw, cleaned
    columns: pd.DataFrame
    outcomes: dict[str, StepOutcome]


def compute_clean_result(project: Project, source: Source) -> CleanResult:
    """Quality before and after the recipe, plus each step's outcome (runs in a worker)."""
    steps = project.recipes.get(source.id, [])
    raw = quality_report(source)
    result = apply_recipe(source.table, steps, roles=source.roles, salt=project.pseudonym_salt)
    cleaned = quality_report(dataclasses.replace(source, table=result.frame))
    after = dict(cleaned.summary_rows())
    quality = pd.DataFrame(
        [(label, value, after.get(label, "")) for label, value in raw.summary_rows()],
        columns=["Check", "Raw import", "After cleaning"],
    )
    return CleanResult(source.id, quality, cleaned.column_table(), {o.step.id: o for o in result.outcomes})


class CleanPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.result: CleanResult | None = None
        self.message = banner(kind="info")
        self.body.addWidget(self.message)
        top = QHBoxLayout()
        top.addWidget(QLabel("Source"))
        self.source_box = QComboBox()
        self.source_box.setMinimumWidth(260)
        top.addWidget(self.source_box)
        top.addStretch(1)
        self.body.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        quality_title = QLabel("Quality report")
        quality_title.setObjectName("sectionTitle")
        self.quality = DataTableWidget(export_name="quality")
        columns_title = QLabel("Columns (after cleaning)")
        columns_title.setObjectName("sectionTitle")
        self.columns = DataTableWidget(export_name="columns")
        left_layout.addWidget(quality_title)
        left_layout.addWidget(self.quality, 3)
        left_layout.addWidget(columns_title)
        left_layout.addWidget(self.columns, 2)

        recipe_columns = (
            Column("enabled", "On", kind="check", width=36),
            Column("step", "Step", kind="computed", width=300, compute=describe_step),
            Column("rows", "Rows before → after", kind="computed", width=150, compute=self._rows_text),
            Column("status", "Result", kind="computed", width=200, compute=self._status_text),
        )
        self.recipe = EntityListWidget(
            document, None, recipe_columns, lambda: RecipeStep("remove_duplicates"), noun="step",
            title="Cleaning recipe",
            hint="Steps run in order on the raw import every time; the raw data is never changed. Next month's "
                 "export goes through the same steps.",
        )
        self.recipe.add_button.setText("Remove duplicate rows")
        self.recipe.add_button.setToolTip("Add a step that removes rows that are exact copies of another row")
        buttons = QHBoxLayout()
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.recipe, 1)
        right_layout.addLayout(buttons)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 520])
        self.body.addWidget(splitter, 1)
        self.source_box.currentIndexChanged.connect(self._on_source_changed)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))

    # --- helpers for computed columns ----------------------------------------------------------------
    def _outcome(self, step: RecipeStep) -> StepOutcome | None:
        return self.result.outcomes.get(step.id) if self.result else None

    def _rows_text(self, step: RecipeStep) -> str:
        outcome = self._outcome(step)
        return f"{outcome.rows_before:,} → {outcome.rows_after:,}" if outcome else ""

    def _status_text(self, step: RecipeStep) -> str:
        outcome = self._outcome(step)
        if outcome is None:
            return ""
        return outcome.error or str(outcome.status.value)

    # --- state ---------------------------------------------------------------------------------------
    def current_source(self) -> Source | None:
        source_id = self.source_box.currentData()
        return next((s for s in self.document.project.sources if s.id == source_id), None)

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {("sources",), ("recipes",)}

    def refresh(self) -> None:
        sources = self.document.project.sources
        selected = self.source_box.currentData()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        for source in sources:
            self.source_box.addItem(f"{source.name} ({source.kind.value})", source.id)
        index = self.source_box.findData(selected)
        self.source_box.setCurrentIndex(index if index >= 0 else 0)
        self.source_box.blockSignals(False)
        self._on_source_changed()

    def _on_source_changed(self) -> None:
        source = self.current_source()
        if source is None:
            self.recipe.model.set_path(None)
            set_banner(self.message, "Import data in step 2 to check its quality here.")
            self.quality.set_frame(pd.DataFrame())
            self.columns.set_frame(pd.DataFrame())
            return
        self.document.project.recipe(source.id)  # make sure the list exists for the table to edit
        if self.recipe.model.path != ("recipes", source.id):
            self.recipe.model.set_path(("recipes", source.id))
        project = self.document.project
        set_banner(self.message, "")

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return compute_clean_result(project, source)

        self.runner.run("clean", f"Checking {source.name}", work, self._on_result,
                        lambda message: set_banner(self.message, message, kind="error"))

    def _on_result(self, result: CleanResult) -> None:
        self.result = result
        self.quality.set_frame(result.quality)
        self.columns.set_frame(result.columns)
        self.recipe.model.refresh()

    def _move(self, delta: int) -> None:
        step = self.recipe.selected_item()
        path = self.recipe.model.path
        if step is None or path is None:
            return
        steps = self.recipe.model.items()
        index = steps.index(step) + delta
        if 0 <= index < len(steps):
            self.document.push(MoveItem(path, step.id, index, "Move step"))
            self.recipe.view.selectRow(index)

