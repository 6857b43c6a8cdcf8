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
from usagelens.ui.analysis.kept_results import KeptResultsWidget
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityWords
from usagelens.ui.kept_asking import not_run_text, run_kept
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import QT_TRANSLATE_NOOP, QLabel, QSplitter, Qt, QVBoxLayout, QWidget
from usagelens.ui.translations import attention_text, translated, word_choices
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.formatting import RATE_METRICS, impact_text, verdict_words
from usagelens.workspace.kept_runs import KeptRun
from usagelens.workspace.project_data import analysed_log, kpi_inputs
from usagelens.workspace.review_board import action_impacts

# Each verdict of the impact test's colour (its words: workspace.formatting.VERDICT_WORDS).
VERDICT_COLOURS = {"increase": "#1a7f37", "decrease": "#c62828", "no clear change": "#6b7079",
                   "too few data": "#b35900", "not measurable": "#6b7079"}
# An action's status as the project keeps it (English), marked so the status column shows it translated
STATUS_WORDS = (QT_TRANSLATE_NOOP("ActionStatus", "planned"), QT_TRANSLATE_NOOP("ActionStatus", "in progress"),
                QT_TRANSLATE_NOOP("ActionStatus", "shipped"), QT_TRANSLATE_NOOP("ActionStatus", "dropped"))
MARKER_COLUMNS = (
    Column("date", QT_TRANSLATE_NOOP("Column", "Date"), kind="date", width=110),
    Column("label", QT_TRANSLATE_NOOP("Column", "What happened"), width=400),
)


def verdict_text(verdict: str) -> str:
    """A verdict in the user's language."""
    return translated(verdict_words(verdict))


class ImplementPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.impacts: dict[str, ActionImpact] = {}
        self.hint = banner(kind="attention")
        self.body.addWidget(self.hint)
        self.kept = KeptResultsWidget()  # "Results from <time> — Refresh" while the impacts came from a warehouse
        self.kept.refresh_requested.connect(lambda: self._measure(refresh=True))
        self.body.addWidget(self.kept)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.status = EntityListWidget(
            document, ("actions",), self._status_columns(), lambda: None,
            words=EntityWords(self.tr("Add action"), self.tr("Remove action"), self.tr("Remove {count} actions")),
            title=self.tr("Status of the actions"),
            hint=self.tr("Set an action to shipped and give its release date: the date appears on every time chart "
                         "and the action's effect on its KPI is measured over the four weeks either side (against "
                         "everyone else when it reached only a cohort: see Reached)."),
            empty=self.tr("No actions yet: plan them in step 6, then track them here."),
        )
        self.status.add_button.hide()
        self.status.remove_button.hide()
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.impact_title = QLabel(self.tr("Measured impact of the selected action"))
        self.impact_title.setObjectName("sectionTitle")
        self.impact_text = QLabel()
        self.impact_text.setWordWrap(True)
        self.impact_chart = TimeSeriesChart()
        self.impact_chart.setAccessibleName(self.tr("Chart: measured impact of the selected action"))
        self.impact_chart.setMinimumHeight(180)
        detail_layout.addWidget(self.impact_title)
        detail_layout.addWidget(self.impact_text)
        detail_layout.addWidget(self.impact_chart, 1)
        self.markers = EntityListWidget(
            document, ("releases",), MARKER_COLUMNS, lambda: ReleaseMarker(date.today(), self.tr("Release")),
            words=EntityWords(self.tr("Add dated event"), self.tr("Remove dated event"),
                              self.tr("Remove {count} dated events")),
            title=self.tr("Other dated events (releases, outages, campaigns)"),
            empty=self.tr("No dated events yet: add releases, outages or campaigns to see them on every time chart."),
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
        from_findings, everyone = self.tr("(from its findings)"), self.tr("Everyone")

        def label(objective_id: str) -> str:
            objective = self._objectives().get(objective_id)
            return objective.statement if objective else from_findings

        def parse(text: str) -> str:
            return next((o.id for o in self.document.project.objectives if o.statement == text), "")

        def cohort_name(cohort_id: str) -> str:
            cohort = next((c for c in self.document.project.cohorts if c.id == cohort_id), None)
            return cohort.name if cohort else everyone

        def cohort_id(name: str) -> str:
            return next((c.id for c in self.document.project.cohorts if c.name == name), "")

        def verdict(action: Action) -> str:
            impact = self.impacts.get(action.id)
            return impact.verdict if impact else ""

        return (
            Column("title", QT_TRANSLATE_NOOP("Column", "Action"), width=230),
            Column("owner", QT_TRANSLATE_NOOP("Column", "Owner"), kind="computed", width=110,
                   compute=lambda a: a.owner),
            Column("due", QT_TRANSLATE_NOOP("Column", "Due"), kind="computed", width=88,
                   compute=lambda a: date_text(a.due)),
            Column("status", QT_TRANSLATE_NOOP("Column", "Status"), kind="choice", width=95,
                   **word_choices("ActionStatus", STATUS_WORDS)),
            Column("release_date", QT_TRANSLATE_NOOP("Column", "Released on"), kind="date", width=110,
                   tooltip=QT_TRANSLATE_NOOP("Column", "When the change reached customers; drawn as a marker on time "
                                                       "charts")),
            Column("objective_id", QT_TRANSLATE_NOOP("Column", "Moves the KPI of"), kind="choice", width=170,
                   show=label, parse=parse,
                   choices=lambda: [from_findings, *(o.statement for o in self.document.project.objectives)],
                   tooltip=QT_TRANSLATE_NOOP("Column", "Whose KPI the impact is measured on; by default the first "
                                                       "objective of its findings")),
            Column("exposed_cohort", QT_TRANSLATE_NOOP("Column", "Reached"), kind="choice", width=150,
                   show=cohort_name, parse=cohort_id,
                   choices=lambda: [everyone, *(c.name for c in self.document.project.cohorts)],
                   tooltip=QT_TRANSLATE_NOOP("Column", "Whom the change reached: everyone (measured before/after), or "
                                                       "a cohort such as a rollout or beta, measured against everyone "
                                                       "else over the same days")),
            Column("impact", QT_TRANSLATE_NOOP("Column", "Measured impact"), kind="computed", width=135,
                   compute=lambda a: verdict_text(verdict(a)),
                   colour=lambda a: VERDICT_COLOURS.get(verdict(a))),
        )

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {(), ("actions",), ("releases",), ("objectives",), ("sources",), ("recipes",), ("cohorts",)}

    def refresh(self) -> None:
        self._measure()

    def _measure(self, refresh: bool = False) -> None:
        """Measure the shipped actions' impact in a worker; a linked warehouse's KPIs come from the results kept
        in the project unless ``refresh`` asks the warehouse again."""
        set_banner(self.hint, attention_text(step_states(self.document.project)[6]), kind="attention")
        project, cache = self.document.project, self.cache

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return action_impacts(project, kpi_inputs(project, analysed_log(project, cache), cache))

        run_kept(self.runner, "impact", self.tr("Measuring the impact of shipped actions"), work, self._on_impacts,
                 lambda message: set_banner(self.hint, message, kind="error"), self, self._declined, refresh)

    def _declined(self, size: int) -> None:
        """The user said no to BigQuery's estimate: nothing was sent, and the page says so (impacts measured
        before stay, with their results' time)."""
        if self.kept.isHidden():
            self.kept.show_not_run()
        set_banner(self.hint, not_run_text(size, self.tr("Refresh asks again")), kind="attention")

    def _on_impacts(self, impacts: dict[str, ActionImpact], run: KeptRun) -> None:
        if run.sent:
            self.document.keep_unsaved()  # new results kept in the project: worth saving (they cost queries)
        self.kept.show_time(run.as_of)
        self.impacts = impacts
        self.status.model.refresh()
        self._show_selected()

    def _show_selected(self) -> None:
        action = self.status.selected_item()
        impact = self.impacts.get(action.id) if action else None
        objective = self.objective_of(action) if action else None
        if action is None or impact is None:
            self.impact_text.setText(self.tr("Select a shipped action with a release date to see its measured impact.")
                                     if action is None or action.status != ActionStatus.SHIPPED
                                     else self.tr("Measuring…"))
            self.impact_chart.set_series([], empty_message=self.tr("No impact measured yet."))
            return
        kpi = objective.kpi or objective.statement if objective else self.tr("its KPI")
        # User text and "p < 0.001" must not be read as markup.
        self.impact_text.setText(self.tr("<b>{action}</b> on <i>{kpi}</i>, daily values: {impact}").format(
            action=html.escape(action.title), kpi=html.escape(kpi),
            impact=html.escape(translated(impact_text(impact, objective, in_locale)))))
        if impact.series is None:
            self.impact_chart.set_series([], empty_message=translated(impact.reason) or verdict_text(impact.verdict))
            return
        series = impact.series
        rate = objective is not None and objective.binding is not None and objective.binding.metric in RATE_METRICS
        name = kpi
        if impact.exposed:
            name = self.tr("{kpi}: “{cohort}” minus everyone else").format(kpi=name, cohort=impact.exposed)
        # A rate's axis and read-out say "%" (the bare 10, 20, 30 beside "7.3% → 24.1%" had no unit).
        self.impact_chart.set_series([(name, series.index, series.to_numpy(float))],
                                     project_markers(self.document.project), percent=rate,
                                     shaded=[(first, last, translated(label)) for first, last, label in impact.windows])
