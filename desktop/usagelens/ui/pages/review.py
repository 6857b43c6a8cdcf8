"""Step 8: every objective's baseline, current value and target side by side, and dated reviews."""

from __future__ import annotations

from datetime import date

from usagelens.analytics.kpi import KpiValue, binding_label, evaluate_kpi
from usagelens.model import Objective, Review
from usagelens.model.steps import Step
from usagelens.report.project_data import events_source, kpi_inputs
from usagelens.report.summary import fmt_kpi
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityTableModel, EntityTableView
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import QLabel, QSplitter, Qt, QVBoxLayout, QWidget
from usagelens.ui.workers import TaskRunner


def progress_share(objective: Objective, current: float | None) -> float | None:
    """How far the KPI has moved from baseline towards target (0 = baseline, 1 = target reached)."""
    if current is None or objective.baseline is None or objective.target is None:
        return None
    span = objective.target - objective.baseline
    if span == 0:
        return 1.0 if current == objective.target else 0.0
    return (current - objective.baseline) / span


def status_text(objective: Objective, current: float | None) -> str:
    share = progress_share(objective, current)
    if share is None:
        return "not measurable yet" if objective.binding is None or objective.target is None else "no data"
    if share >= 1:
        return "target reached"
    return "on track" if share >= 0.5 else "improving" if share > 0 else "at risk"


class ReviewPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.current: dict[str, KpiValue] = {}
        self.message = banner(kind="info")
        self.body.addWidget(self.message)

        def value(o: Objective) -> float | None:
            kpi = self.current.get(o.id)
            return kpi.value if kpi else None

        columns = (
            Column("statement", "Objective", kind="computed", width=260, compute=lambda o: o.statement),
            Column("measured", "Measured by", kind="computed", width=160, compute=lambda o: binding_label(o.binding)),
            Column("baseline", "Baseline", kind="computed", width=90, numeric=True, compute=lambda o: fmt_kpi(o.baseline, o)),
            Column("current", "Current", kind="computed", width=90, numeric=True,
                   compute=lambda o: fmt_kpi(value(o), o)),
            Column("basis", "Measured on", kind="computed", width=220,
                   compute=lambda o: kpi.basis if (kpi := self.current.get(o.id)) else ""),
            Column("target", "Target", kind="computed", width=90, numeric=True, compute=lambda o: fmt_kpi(o.target, o)),
            Column("progress", "Progress to target", kind="computed", width=150, numeric=True,
                   compute=lambda o: "–" if (s := progress_share(o, value(o))) is None else f"{s:.0%}"),
            Column("status", "Status", kind="computed", width=130, compute=lambda o: status_text(o, value(o))),
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        board = QWidget()
        board_layout = QVBoxLayout(board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Objectives: where each KPI started, where it is, where it should get to")
        title.setObjectName("sectionTitle")
        self.board_model = EntityTableModel(document, ("objectives",), columns, self)
        self.board_view = EntityTableView(self.board_model)
        board_layout.addWidget(title)
        board_layout.addWidget(self.board_view, 1)
        self.reviews = EntityListWidget(
            document, ("reviews",), (Column("date", "Date", kind="date", width=110),
                                     Column("notes", "What we learnt and what we change next", width=520)),
            self._new_review, noun="review", title="Reviews",
            hint="Record a review after each data refresh: the current KPI values are kept with it.",
        )
        self.reviews.add_button.setText("Record review")
        splitter.addWidget(board)
        splitter.addWidget(self.reviews)
        splitter.setSizes([330, 250])
        self.body.addWidget(splitter, 1)

    def _new_review(self) -> Review:
        values = {oid: kpi.value for oid, kpi in self.current.items() if kpi.value is not None}
        return Review(date.today(), values=values)

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {("objectives",), ("sources",), ("recipes",)}

    def refresh(self) -> None:
        project = self.document.project
        source = events_source(project)
        bound = [o for o in project.objectives if o.binding is not None]
        if not bound:
            self.current = {}
            self.board_model.refresh()
            set_banner(self.message, "Choose how each objective is measured in step 1 to see its current value "
                       "here." if project.objectives else "Add objectives in step 1 to review them here.")
            return
        cache = self.cache

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            inputs = kpi_inputs(project, cache.event_log(project, source) if source is not None else None)
            return {o.id: evaluate_kpi(o.binding, inputs) for o in bound if o.binding is not None}

        set_banner(self.message, "")
        self.runner.run("review", "Measuring objectives", work, self._on_values,
                        lambda message: set_banner(self.message, message, kind="error"))

    def _on_values(self, values: dict[str, KpiValue]) -> None:
        self.current = values
        self.board_model.refresh()
