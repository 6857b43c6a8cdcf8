"""Step 4: active users over time with release markers, and the most frequent events."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from usagelens.analytics import active_users, event_counts
from usagelens.analytics.kpi import complete_periods
from usagelens.model.steps import Step
from usagelens.report.charts import project_markers
from usagelens.report.project_data import events_source
from usagelens.ui.chart_panel import ChartPanel
from usagelens.ui.data_cache import DataCache
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.frame_model import percent
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import QComboBox, QHBoxLayout, QLabel, QSplitter, Qt, QVBoxLayout, QWidget
from usagelens.ui.workers import TaskRunner

PERIODS = {"day": "Daily active users", "week": "Weekly active users", "month": "Monthly active users"}


@dataclass
class ActivityResult:
    period: str
    active: pd.DataFrame
    last_complete: bool
    events: pd.DataFrame
    n_users: int
    n_events: int
    dropped: int


class AnalysePage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.result: ActivityResult | None = None
        self.message = banner(kind="info")
        self.body.addWidget(self.message)
        controls = QHBoxLayout()
        title = QLabel("Active users")
        title.setObjectName("sectionTitle")
        self.period_box = QComboBox()
        for value, label in PERIODS.items():
            self.period_box.addItem(label, value)
        self.period_box.setCurrentIndex(1)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.chart_panel = ChartPanel("active-users", y_label="Active users")
        controls.addWidget(title)
        controls.addSpacing(12)
        controls.addWidget(self.period_box)
        controls.addStretch(1)
        controls.addWidget(self.summary)
        controls.addWidget(self.chart_panel.export_button)
        self.body.addLayout(controls)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart_panel)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        events_title = QLabel("Top events")
        events_title.setObjectName("sectionTitle")
        self.events_table = DataTableWidget(export_name="top-events")
        side_layout.addWidget(events_title)
        side_layout.addWidget(self.events_table, 1)
        splitter.addWidget(side)
        splitter.setSizes([640, 380])
        self.body.addWidget(splitter, 1)
        self.period_box.currentIndexChanged.connect(self.refresh)

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {("sources",), ("recipes",), ("releases",), ("actions",)}

    def refresh(self) -> None:
        project = self.document.project
        source = events_source(project)
        if source is None:
            self._show_message("Import an event log in step 2 to see how many customers use the product.")
            self.chart_panel.chart.set_series([], empty_message="No event log imported yet.")
            self.events_table.set_frame(pd.DataFrame())
            return
        period = self.period_box.currentData()
        cache = self.cache

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            log = cache.event_log(project, source)
            progress(0.7)
            active = active_users(log, period)
            complete = bool(active.empty or complete_periods(active["period"], period, log.end).iloc[-1])
            return ActivityResult(period, active, complete, event_counts(log),
                                  log.n_users, log.n_events, log.dropped_rows)

        self._show_message("")
        self.runner.run("analyse", "Computing active users", work, self._on_result, self._on_error)

    def _on_result(self, result: ActivityResult) -> None:
        self.result = result
        markers = project_markers(self.document.project)
        label = PERIODS[result.period]
        self.chart_panel.chart.set_series(
            [(label, result.active["period"], result.active["active_users"])], markers,
            empty_message="There are no events with a readable time in this data.",
            incomplete_last=not result.last_complete,
        )
        shown = result.events.rename(columns={
            "event": "Event", "events": "Events", "users": "Users", "share_of_users": "Share of users"})
        self.events_table.set_frame(shown, grouped=True, formats={"Share of users": percent})
        self.summary.setText(f"{result.n_users:,} users · {result.n_events:,} events")
        if result.dropped:
            self._show_message(f"{result.dropped:,} rows without a user, time or event name are left out of "
                               "these numbers. Step 3 shows where they are.")

    def _on_error(self, message: str) -> None:
        self._show_message(message, kind="error")
        self.chart_panel.chart.set_series([], empty_message="The analysis could not be computed.")

    def _show_message(self, text: str, *, kind: str = "info") -> None:
        set_banner(self.message, text, kind=kind)
