"""Step 7: what shipped and when; release dates become markers on every time chart, and each shipped
action's impact on its KPI is measured with a before/after test around its release."""

from __future__ import annotations

import html
from datetime import date

from usagelens.analytics.impact import ActionImpact, action_objective_id
from usagelens.charts.locale_text import date_text
from usagelens.charts.time_series import TimeSeriesChart, project_markers
from usagelens.model import Action, ActionStatus, Objective, ReleaseMarker
from usagelens.model.steps import Step, step_states
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import QLabel, QSplitter, Qt, QVBoxLayout, QWidget
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.formatting import RATE_METRICS, impact_text
from usagelens.workspace.project_data import analysed_log, kpi_inputs
from usagelens.workspace.review_board import action_impacts

VERDICT_COLOURS = {"increase": "#1a7f37", "decrease": "#c62828", "no clear change": "#6b7079",
                   "too few data": "#b35900", "not measurable": "#6b7079"}
EVERYONE = "Everyone"
MARKER_COLUMNS = (
    Column("date", "Date", kind="date", width=110),
    Column("label", "What happened", width=400),
)


class ImplementPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.impacts: dict[str, ActionImpact] = {}
        self.hint = banner(kind="attention")
        self.body.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.status = EntityListWidget(
            document, ("actions",), self._status_columns(), lambda: None, noun="action",
            title="Status of the actions",
            hint="Set an action to shipped and give its release date: the date appears on every time chart and "
                 "the action's effect on its KPI is measured over the four weeks either side (against everyone else "
                 "when it reached only a cohort: see Reached).",
            empty="No actions yet: plan them in step 6, then track them here.",
        )
        self.status.add_button.hide()
        self.status.remove_button.hide()
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.impact_title = QLabel("Measured impact of the selected action")
        self.impact_title.setObjectName("sectionTitle")
        self.impact_text = QLabel()
        self.impact_text.setWordWrap(True)
        self.impact_chart = TimeSeriesChart()
        self.impact_chart.setAccessibleName("Chart: measured impact of the selected action")
        self.impact_chart.setMinimumHeight(180)
        detail_layout.addWidget(self.impact_title)
        detail_layout.addWidget(self.impact_text)
        detail_layout.addWidget(self.impact_chart, 1)
        self.markers = EntityListWidget(
            document, ("releases",), MARKER_COLUMNS, lambda: ReleaseMarker(date.today(), "Release"),
            noun="marker", title="Other dated events (releases, outages, campaigns)",
            empty="No dated events yet: add releases, outages or campaigns to see them on every time chart.",
        )
        splitter.addWidget(self.status)
        splitter.addWidget(detail)
        splitter.addWidget(self.markers)
        splitter.setSizes([260, 290, 130])  # the status table shows five actions without scrolling
        self.body.addWidget(splitter, 1)
        self.status.view.selectionModel().selectionChanged.connect(self._show_selected)

    def _objectives(self) -> dict[str, Objective]:
        return {o.id: o for o in self.document.project.objectives}

    def objective_of(self, action: Action) -> Objective | None:
        return self._objectives().get(action_objective_id(self.document.project, action))

    def _status_columns(self) -> tuple[Column, ...]:
        def label(objective_id: str) -> str:
            objective = self._objectives().get(objective_id)
            return objective.statement if objective else "(from its findings)"

        def parse(text: str) -> str:
            return next((o.id for o in self.document.project.objectives if o.statement == text), "")

        def cohort_name(cohort_id: str) -> str:
            cohort = next((c for c in self.document.project.cohorts if c.id == cohort_id), None)
            return cohort.name if cohort else EVERYONE

        def cohort_id(name: str) -> str:
            return next((c.id for c in self.document.project.cohorts if c.name == name), "")

        def verdict(action: Action) -> str:
            impact = self.impacts.get(action.id)
            return impact.verdict if impact else ""

        return (
            Column("title", "Action", width=230),
            Column("owner", "Owner", kind="computed", width=110, compute=lambda a: a.owner),
            Column("due", "Due", kind="computed", width=88, compute=lambda a: date_text(a.due)),
            Column("status", "Status", kind="choice", choices=[s.value for s in ActionStatus], width=95),
            Column("release_date", "Released on", kind="date", width=100,
                   tooltip="When the change reached customers; drawn as a marker on time charts"),
            Column("objective_id", "Moves the KPI of", kind="choice", width=170, show=label, parse=parse,
                   choices=lambda: ["(from its findings)", *(o.statement for o in self.document.project.objectives)],
                   tooltip="Whose KPI the impact is measured on; by default the first objective of its findings"),
            Column("exposed_cohort", "Reached", kind="choice", width=150, show=cohort_name, parse=cohort_id,
                   choices=lambda: [EVERYONE, *(c.name for c in self.document.project.cohorts)],
                   tooltip="Whom the change reached: everyone (measured before/after), or a cohort such as a "
                           "rollout or beta, measured against everyone else over the same days"),
            Column("impact", "Measured impact", kind="computed", width=120, compute=verdict,
                   colour=lambda a: VERDICT_COLOURS.get(verdict(a))),
        )

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {(), ("actions",), ("releases",), ("objectives",), ("sources",), ("recipes",), ("cohorts",)}

    def refresh(self) -> None:
        set_banner(self.hint, step_states(self.document.project)[6].attention, kind="attention")
        project, cache = self.document.project, self.cache

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return action_impacts(project, kpi_inputs(project, analysed_log(project, cache), cache))

        self.runner.run("impact", "Measuring the impact of shipped actions", work, self._on_impacts,
                        lambda message: set_banner(self.hint, message, kind="error"))

    def _on_impacts(self, impacts: dict[str, ActionImpact]) -> None:
        self.impacts = impacts
        self.status.model.refresh()
        self._show_selected()

    def _show_selected(self) -> None:
        action = self.status.selected_item()
        impact = self.impacts.get(action.id) if action else None
        objective = self.objective_of(action) if action else None
        if action is None or impact is None:
            self.impact_text.setText("Select a shipped action with a release date to see its measured impact."
                                     if action is None or action.status != ActionStatus.SHIPPED
                                     else "Measuring…")
            self.impact_chart.set_series([], empty_message="No impact measured yet.")
            return
        kpi = objective.kpi or objective.statement if objective else "its KPI"
        # User text and "p < 0.001" must not be read as markup.
        self.impact_text.setText(f"<b>{html.escape(action.title)}</b> on <i>{html.escape(kpi)}</i>, daily values: "
                                 f"{html.escape(impact_text(impact, objective, in_locale))}")
        if impact.series is None:
            self.impact_chart.set_series([], empty_message=impact.reason or impact.verdict)
            return
        series = impact.series
        rate = objective is not None and objective.binding is not None and objective.binding.metric in RATE_METRICS
        values = series.to_numpy(float) * (100 if rate else 1)
        name = f"{kpi} (%)" if rate else kpi
        if impact.exposed:
            name = f"{name}: “{impact.exposed}” minus everyone else"
        self.impact_chart.set_series([(name, series.index, values)], project_markers(self.document.project),
                                     shaded=impact.windows)
