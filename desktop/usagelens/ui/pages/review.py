"""Step 8: the review board (baseline → current → target, progress, status, trend, the actions that served
each objective and their measured impact) and the dated reviews that record each turn of the loop."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from usagelens.analytics.impact import ActionImpact
from usagelens.analytics.kpi import KpiValue, binding_label
from usagelens.model import Objective, Review
from usagelens.model.steps import Step
from usagelens.report.project_data import events_source, kpi_inputs
from usagelens.report.review_board import (
    STATUS_COLOURS,
    ObjectiveStatus,
    action_impacts,
    objective_statuses,
    status_text,
)
from usagelens.report.summary import fmt_change, fmt_date, fmt_kpi
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityTableModel, EntityTableView
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.pages.review_widgets import ProgressBarDelegate, SparklineDelegate
from usagelens.ui.qt import QLabel, QSplitter, Qt, QVBoxLayout, QWidget
from usagelens.ui.workers import TaskRunner


@dataclass
class BoardData:
    """What the worker measured: one status per objective, the impact per shipped action, the data's end."""

    rows: dict[str, ObjectiveStatus] = field(default_factory=dict)
    impacts: dict[str, ActionImpact] = field(default_factory=dict)
    data_until: date | None = None


def served_text(row: ObjectiveStatus | None, impacts: dict[str, ActionImpact]) -> str:
    """The actions behind an objective, each with its status and, once shipped, its measured change."""
    if row is None:
        return ""
    parts = []
    for action in row.actions:
        impact = impacts.get(action.id)
        effect = ""
        if impact is not None:
            effect = f": {fmt_change(impact.difference, row.objective)}" if impact.measured else f": {impact.verdict}"
            effect += " (significant)" if impact.measured and impact.verdict != "no clear change" else ""
        parts.append(f"{action.title} [{action.status.value}]{effect}")
    return "\n".join(parts)


class ReviewPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.board = BoardData()
        self.message = banner(kind="info")
        self.body.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        board = QWidget()
        board_layout = QVBoxLayout(board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Objectives: where each KPI started, where it is, where it should get to")
        title.setObjectName("sectionTitle")
        self.board_model = EntityTableModel(document, ("objectives",), self._columns(), self)
        self.board_view = EntityTableView(self.board_model)
        self.board_view.setItemDelegateForColumn(self._column_index("progress"), ProgressBarDelegate(self))
        self.board_view.setItemDelegateForColumn(self._column_index("trend"), SparklineDelegate(self))
        self.board_view.verticalHeader().setDefaultSectionSize(44)
        board_layout.addWidget(title)
        board_layout.addWidget(self.board_view, 1)
        self.reviews = EntityListWidget(
            document, ("reviews",), (Column("date", "Date", kind="date", width=110),
                                     Column("data_until", "Data until", kind="computed", width=100,
                                            compute=lambda r: fmt_date(r.data_until)),
                                     Column("values", "KPI values recorded", kind="computed", width=300,
                                            compute=self._recorded_values),
                                     Column("notes", "What we learnt and what we change next", width=420)),
            self._new_review, noun="review", title="Reviews",
            hint="Record a review after each data refresh: today's KPI values are kept with it, so the next "
                 "review can compare.",
        )
        self.reviews.add_button.setText("Record review")
        splitter.addWidget(board)
        splitter.addWidget(self.reviews)
        splitter.setSizes([380, 220])
        self.body.addWidget(splitter, 1)

    @property
    def current(self) -> dict[str, KpiValue]:
        """The latest KPI value of each measured objective."""
        return {oid: row.current for oid, row in self.board.rows.items() if row.current is not None}

    # --- columns -------------------------------------------------------------------------------------
    def _row(self, objective: Objective) -> ObjectiveStatus | None:
        return self.board.rows.get(objective.id)

    def _value(self, objective: Objective) -> float | None:
        row = self._row(objective)
        return row.value if row else None

    def _status(self, objective: Objective) -> str:
        return status_text(objective, self._value(objective), self.board.data_until)

    def _trend(self, objective: Objective) -> tuple[list[float], float | None] | None:
        row = self._row(objective)
        if row is None or row.trend is None or len(row.trend) < 2:
            return None
        return list(row.trend.to_numpy(float)), objective.target

    def _columns(self) -> tuple[Column, ...]:
        def share(o: Objective) -> float | None:
            row = self._row(o)
            return row.share if row else None

        return (
            Column("statement", "Objective", kind="computed", width=200, compute=lambda o: o.statement),
            Column("measured", "Measured by", kind="computed", width=120, compute=lambda o: binding_label(o.binding)),
            Column("baseline", "Baseline", kind="computed", width=80, numeric=True,
                   compute=lambda o: f"{fmt_kpi(o.baseline, o)}\n{fmt_date(o.baseline_date)}"),
            Column("current", "Current", kind="computed", width=80, numeric=True,
                   compute=lambda o: f"{fmt_kpi(self._value(o), o)}\n{self._basis_date(o)}"),
            Column("target", "Target", kind="computed", width=80, numeric=True,
                   compute=lambda o: f"{fmt_kpi(o.target, o)}\n{fmt_date(o.deadline)}"),
            Column("progress", "Progress", kind="computed", width=120, value=share,
                   compute=lambda o: "–" if (s := share(o)) is None else f"{s:.0%}"),
            Column("status", "Status", kind="computed", width=100, compute=self._status,
                   colour=lambda o: STATUS_COLOURS.get(self._status(o))),
            Column("trend", "Trend", kind="computed", width=120, value=self._trend,
                   compute=lambda o: "" if (t := self._trend(o)) is None else f"{len(t[0])} pts"),
            Column("benchmark", "Industry", kind="computed", width=70, numeric=True,
                   compute=lambda o: "" if o.industry is None else fmt_kpi(o.industry, o)),
            Column("actions", "Actions and measured impact", kind="computed", width=300,
                   compute=lambda o: served_text(self._row(o), self.board.impacts)),
        )

    def _column_index(self, field_name: str) -> int:
        return [self.board_model.column_spec(n).field for n in range(self.board_model.columnCount())].index(field_name)

    def _basis_date(self, objective: Objective) -> str:
        row = self._row(objective)
        return fmt_date(row.current.as_of) if row and row.current else ""

    def _recorded_values(self, review: Review) -> str:
        objectives = {o.id: o for o in self.document.project.objectives}
        return "; ".join(f"{objectives[i].kpi or objectives[i].statement[:30]}: {fmt_kpi(v, objectives[i])}"
                         for i, v in review.values.items() if i in objectives)

    # --- behaviour -----------------------------------------------------------------------------------
    def _new_review(self) -> Review:
        values = {oid: row.value for oid, row in self.board.rows.items() if row.value is not None}
        return Review(date.today(), values=values, data_until=self.board.data_until)

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {("objectives",), ("sources",), ("recipes",), ("actions",), ("findings",)}

    def refresh(self) -> None:
        project = self.document.project
        if not any(o.binding is not None for o in project.objectives):
            self.board = BoardData()
            self.board_model.refresh()
            set_banner(self.message, "Choose how each objective is measured in step 1 to see its current value "
                       "here." if project.objectives else "Add objectives in step 1 to review them here.")
            return
        cache, source = self.cache, events_source(project)

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            log = cache.event_log(project, source) if source is not None else None
            inputs = kpi_inputs(project, log)
            rows = {row.objective.id: row for row in objective_statuses(project, inputs)}
            progress(0.7)
            until = log.end.date() if log is not None and log.n_events else None
            return BoardData(rows, action_impacts(project, inputs), until)

        set_banner(self.message, "")
        self.runner.run("review", "Measuring objectives", work, self._on_board,
                        lambda message: set_banner(self.message, message, kind="error"))

    def _on_board(self, board: BoardData) -> None:
        self.board = board
        self.board_model.refresh()
        self.board_view.resizeRowsToContents()
