"""Step 1: objectives with their KPI, baseline, target and deadline, and the hypotheses behind each."""

from __future__ import annotations

from usagelens.analytics.kpi import binding_label, binding_presets
from usagelens.model import Hypothesis, KpiBinding, Objective, SourceKind
from usagelens.report.project_data import frequent_events
from usagelens.model.steps import Step, step_states
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget
from usagelens.ui.pages.base import StepPage, banner
from usagelens.ui.qt import QSplitter, Qt, QWidget
from usagelens.ui.workers import TaskRunner



def objective_columns(document: ProjectDocument) -> tuple[Column, ...]:
    """Columns of the objectives table; the metric choices follow the events and surveys in the project."""

    def presets() -> dict[str, KpiBinding | None]:
        project = document.project
        return binding_presets(frequent_events(project), surveys=bool(project.sources_of(SourceKind.FEEDBACK)))

    return (
        Column("statement", "Objective", width=300, tooltip="What should change for customers or the business"),
        Column("kpi", "KPI", width=170, tooltip="The number that shows success, in your words"),
        Column("binding", "Measured by", kind="choice", width=190, choices=lambda: list(presets()),
               show=binding_label, parse=lambda text: presets().get(text),
               tooltip="The metric UsageLens computes for this KPI (its current value appears in step 8)"),
        Column("baseline", "Baseline", kind="number", width=90),
        Column("baseline_date", "Baseline date", kind="date", width=110),
        Column("target", "Target", kind="number", width=90),
        Column("deadline", "Deadline", kind="date", width=110),
    )


HYPOTHESIS_COLUMNS = (
    Column("text", "Hypothesis", width=380),
    Column("status", "Status", kind="choice", choices=("open", "supported", "refuted"), width=100),
    Column("evidence", "Evidence", width=260),
)


class ObjectivesPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.hint = banner(kind="attention")
        self.body.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.objectives = EntityListWidget(
            document, ("objectives",), objective_columns(document), lambda: Objective("New objective"),
            noun="objective", title="Objectives",
            hint="A measurable objective names a KPI, binds it to a metric and sets a target and deadline.",
        )
        self.hypotheses = EntityListWidget(
            document, None, HYPOTHESIS_COLUMNS, lambda: Hypothesis("We believe that …"),
            noun="hypothesis", title="Hypotheses of the selected objective",
        )
        splitter.addWidget(self.objectives)
        splitter.addWidget(self.hypotheses)
        splitter.setSizes([360, 220])
        self.body.addWidget(splitter, 1)
        self.objectives.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.objectives.model.modelReset.connect(self._on_selection_changed)

    def _on_selection_changed(self) -> None:
        objective = self.objectives.selected_item()
        self.hypotheses.model.set_path(("objectives", objective.id, "hypotheses") if objective else None)

    def refresh(self) -> None:
        attention = step_states(self.document.project)[0].attention
        self.hint.setText(f"To make every objective measurable: {attention} — fill in the KPI and target."
                          if attention else "")
        self.hint.setVisible(bool(attention))
        if not self.document.project.objectives:
            self.hint.setText("Start by adding an objective: what should change, and how will you know?")
            self.hint.setVisible(True)
