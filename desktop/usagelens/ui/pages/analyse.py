"""Step 4: the analysis gallery — pick an analysis, adjust its parameters, read the chart and the table.

The page holds no numbers of its own: parameters come from generated panels (``ui.analysis``), every run
goes through ``workspace.analyses.run_analysis`` in a worker (a newer run cancels the older one, so the page
never freezes nor shows a stale answer), and saving or pinning pushes undoable commands to the project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from usagelens.analytics.attributes import MISSING_LABEL, MISSING_SHOWN
from usagelens.analytics.kpi import binding_label
from usagelens.analytics.themes import THEME_WORDS
from usagelens.charts.time_series import project_markers
from usagelens.model import Finding, KpiBinding, Quote, SavedAnalysis, SourceKind
from usagelens.model.commands import InsertItem, RemoveItem, SetField
from usagelens.model.steps import Step
from usagelens.ui.accessibility import tab_order, tab_stops
from usagelens.ui.analysis.chart_view import AnalysisChartWidget
from usagelens.ui.analysis.cohort_picker import CohortPickerWidget
from usagelens.ui.analysis.exchange_rates import edit_exchange_rates
from usagelens.ui.analysis.gallery import AnalysisGalleryWidget
from usagelens.ui.analysis.kept_results import KeptResultsWidget
from usagelens.ui.analysis.param_panel import ParamPanelWidget
from usagelens.ui.analysis.people import PeopleActions
from usagelens.ui.capped_banner import CappedBannerArea
from usagelens.ui.cohort_dialog import CohortsDialog
from usagelens.ui.counts_label import CountsLabel
from usagelens.ui.data_cache import DataCache
from usagelens.ui.data_choice_dialog import choose_data
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.elided_label import ElidedLabel
from usagelens.ui.frame_model import engine_words, percent, percentage_points, score
from usagelens.ui.kept_asking import KeptOutcome, kept_task, not_run_text, settle
from usagelens.ui.pages.base import StepPage, set_banner
from usagelens.ui.qt import (
    QCoreApplication,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from usagelens.ui.translations import counted, kpi_words, translated
from usagelens.ui.workers import Cancelled, Task, TaskRunner
from usagelens.ui.wrapped_minimum import WrapAwareWidget
from usagelens.ui.wrapping_bar import WrappingBarLayout
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, AnalysisResult, DataFacts, run_analysis
from usagelens.workspace.analyses.behaviour import PATH_ENDS, WEEKDAY_NAMES
from usagelens.workspace.analyses.drivers import KIND_WORDS, TEST_WORDS
from usagelens.workspace.analyses.funnel_views import NEXT_WORDS
from usagelens.workspace.analyses.journey_map import NODE_WORDS
from usagelens.workspace.analyses.pain_points import row_finding_text
from usagelens.workspace.column_labels import COLUMN_LABELS
from usagelens.workspace.evidence import table_fingerprint
from usagelens.workspace.kept_runs import KeptRun
from usagelens.workspace.kpi_from_analysis import KPI_KINDS, binding_from_analysis
from usagelens.workspace.selection import data_line, data_notes, selection

FINDING_KIND = {
    "anomalies": "anomaly",
    "active_users": "trend",
    "stickiness": "trend",
    "sessions": "trend",
    "before_after": "trend",
    "funnel": "pain point",
    "pain_points": "pain point",
}
CHART_SHARE_ONE = 0.64  # of the results' height; the table below gets the rest
CHART_SHARE_TWO = 0.75
RATE_WORDS = ("rate", "share", "conversion_from", "stickiness", "relative_change")
# result columns whose cells are the engine's own words, not data: shown as the charts say them (exports keep them)
CELL_WORDS: dict[str, Mapping[str, str]] = {
    "weekday_name": {str(day): day for day in WEEKDAY_NAMES},
    "from_event": PATH_ENDS, "to_event": PATH_ENDS,
    "from_touchpoint": NODE_WORDS, "to_touchpoint": NODE_WORDS,
    "theme": THEME_WORDS, "next_event": NEXT_WORDS,
    "segment": {MISSING_LABEL: MISSING_SHOWN}, "variant": {MISSING_LABEL: MISSING_SHOWN},
    "kind": KIND_WORDS, "test": TEST_WORDS,
}


def table_formats(columns: list[str], units: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Fractions read as percentages in the table, as on the chart, differences of fractions as percentage
    points and scores with one decimal (exports keep the raw numbers): by the column's name, or by the
    ``units`` the result gives for columns whose names do not say it (``AnalysisResult.units``)."""
    units = units or {}
    by_unit = {"percent": percent, "points": percentage_points, "score": score}
    formats = {c: by_unit[units[c]] if c in units else percent
               for c in columns if c in units or any(word in c for word in RATE_WORDS)}
    return {**formats, **{c: engine_words(CELL_WORDS[c]) for c in columns if c in CELL_WORDS}}


class AnalysePage(StepPage):
    """The gallery page; ``result_shown`` fires once a result is drawn (tests and benchmarks wait on it)."""

    result_shown = Signal(object)

    def __init__(
        self,
        step: Step,
        document: ProjectDocument,
        runner: TaskRunner,
        cache: DataCache,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.result: AnalysisResult | None = None
        self.facts: DataFacts | None = None
        self.inputs: AnalysisInputs | None = None
        self.panel: ParamPanelWidget | None = None
        self._values: dict[str, dict[str, Any]] = {}  # last parameters per kind while the project is open
        self._task: Task | None = None
        self._refreshing = False  # Refresh was asked: the data's facts and the analysis query the warehouse again
        self._scan_allowed = False  # the user said yes to BigQuery's estimate: no asking until a result shows
        self._as_of: datetime | None = None  # when the warehouse results of the run that just ended were computed
        message = CappedBannerArea(kind="info")  # a long message scrolls after three lines: the charts keep room
        self.message = message.label
        self.body.addWidget(message)
        self.gallery = AnalysisGalleryWidget()
        self.panel_area = QScrollArea()
        self.panel_area.setWidgetResizable(True)
        self.panel_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.panel_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its editors, which scroll into view
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.gallery)
        left.addWidget(self.panel_area)
        left.setSizes([370, 290])  # the whole gallery of analyses, and a funnel's steps, without scrolling
        left.setMinimumWidth(280)  # parameter labels and pickers stay readable
        self.chart = AnalysisChartWidget()
        self.table = DataTableWidget(export_name="analysis", name=self.tr("Result table"))
        self.people = PeopleActions(self)  # the users behind a row: its menu and the Users… button
        self.chart.point_actions = self.people.add_point_actions  # ... and behind a chart's point
        self.table.row_menu = self._row_menu
        # The table goes under the chart: beside it, at 1280 px, both were too narrow to read.
        self.results = QSplitter(Qt.Orientation.Vertical)
        self.results.addWidget(self.chart)
        self.results.addWidget(self.table)
        self.results.setSizes([400, 220])
        self._charts_shown = 1
        right = WrapAwareWidget()  # the header's buttons wrap onto a second row at the window's minimum size
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._toolbar())
        right_layout.addLayout(self._data_bar())
        right_layout.addWidget(self.kept)  # a line of its own, there only for a warehouse's results
        right_layout.addWidget(self.results, 1)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(left)
        main.addWidget(right)
        main.setSizes([330, 940])
        main.setStretchFactor(1, 1)
        self.body.addWidget(main, 1)
        self._run_timer = QTimer(self, singleShot=True, interval=0)  # coalesces a burst of edits into one run
        self._run_timer.timeout.connect(self.run)
        self.gallery.kind_chosen.connect(self._on_kind_chosen)
        self.gallery.saved_opened.connect(self.open_saved)
        self.gallery.saved_removed.connect(self._on_saved_removed)
        self.gallery.save_requested.connect(self.save_current)
        document.changed.connect(self._on_saved_changed)
        document.changed.connect(self._on_cohorts_changed)
        self.cohorts_dialog: CohortsDialog | None = None
        document.reset.connect(self._values.clear)

    def _toolbar(self) -> QWidget:
        """The analysis's title, then its buttons; on a narrow window the title is cut with "…" (all of it in its
        tip) and the buttons that still do not fit wrap onto a second line, each showing its whole text."""
        self.title = ElidedLabel(lines=1)
        self.title.setObjectName("sectionTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # before the counts
        self.summary = CountsLabel()  # a nicety: on a narrow window it gives way, a count at a time
        self.summary.setObjectName("hint")
        self.progress = QProgressBar(maximumWidth=120, textVisible=False, visible=False)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # in the room left over
        self.cancel_button = QPushButton(self.tr("Cancel"), visible=False)
        self.cancel_button.clicked.connect(self.cancel)
        self.rates_button = QPushButton(self.tr("Exchange rates…"), visible=False)
        self.rates_button.setToolTip(self.tr("Rates to add up revenue in several currencies (kept in the project)."))
        self.rates_button.clicked.connect(self._on_rates_clicked)
        self.pin_button = QPushButton(self.tr("Pin as finding"))
        self.pin_button.setToolTip(self.tr("Add a finding to step 5 with these settings and a picture of the chart."))
        self.pin_button.clicked.connect(self.pin_finding)
        self.kpi_button = QToolButton(text=self.tr("Use as KPI"))
        self.kpi_button.setToolTip(
            self.tr("Measure an objective's KPI with these settings (step 1, step 8 and the PDF)."))
        self.kpi_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        kpi_menu = QMenu(self.kpi_button)
        kpi_menu.aboutToShow.connect(lambda: self._fill_kpi_menu(kpi_menu))
        self.kpi_button.setMenu(kpi_menu)
        # One Export menu for the chart and the table: the toolbar must fit beside the title at 1280 px.
        self.export_button = QToolButton(text=self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.chart.add_export_actions(menu)
        menu.addSeparator()
        menu.addAction(self.tr("Save table as CSV…"), lambda: self.table.export_dialog("csv"))
        menu.addAction(self.tr("Save table as Excel…"), lambda: self.table.export_dialog("xlsx"))
        self.export_button.setMenu(menu)
        lead = QWidget()
        lead_layout = QHBoxLayout(lead)
        lead_layout.setContentsMargins(0, 0, 0, 0)
        lead_layout.addWidget(self.title)
        lead_layout.addWidget(self.summary, 1)
        lead_layout.addWidget(self.progress, 1)
        lead_layout.addWidget(self.cancel_button)
        # Room for a few letters of the title and the Cancel button of a run, so the buttons do not move when
        # a run starts or ends: the title gives way to Cancel instead.
        self.title.ensurePolished()
        lead.setMinimumWidth(6 * self.title.fontMetrics().averageCharWidth() + lead_layout.spacing()
                             + self.cancel_button.sizeHint().width())
        header = QWidget()
        bar = WrappingBarLayout(header)
        for widget in (lead, self.rates_button, self.people.button, self.kpi_button, self.pin_button,
                       self.export_button):
            bar.addWidget(widget)
        return header

    def _data_bar(self) -> QHBoxLayout:
        """Which sources the analyses use, always in view, with the way to choose others."""
        bar = QHBoxLayout()
        self.data_label = ElidedLabel(lines=2)  # two lines fit beside the Users picker; every source in its tip
        self.data_label.setObjectName("hint")
        self.data_button = QPushButton(self.tr("Choose data…"))
        self.data_button.setToolTip(self.tr("Which imported sources the analyses, KPIs and report use; several of a "
                                            "kind are combined."))
        self.data_button.clicked.connect(lambda: choose_data(self.document, self))
        self.kept = KeptResultsWidget()
        self.kept.refresh_requested.connect(self.refresh_results)
        self.cohort_picker = CohortPickerWidget()
        self.cohort_picker.changed.connect(lambda: self._run_timer.start())
        self.cohort_picker.edit_requested.connect(self.edit_cohorts)
        bar.addWidget(self.data_label, 1)
        bar.addWidget(self.cohort_picker)
        bar.addWidget(self.data_button)
        return bar

    # --- data and parameters ---------------------------------------------------------------------------
    def reacts_to(self, path: tuple[str, ...]) -> bool:
        # () is the project itself: its choice of analysed sources
        return path[:1] in {(), ("sources",), ("recipes",), ("releases",), ("actions",), ("exchange_rates",)}

    def refresh(self) -> None:
        """The data may have changed: load it (and the defaults it implies) in a worker, then recompute."""
        project = self.document.project
        notes = data_notes(project)
        line = self.tr("Data: {sources}").format(sources=translated(data_line(project)))
        self.data_label.setText("\n".join([line, *(f"⚠ {translated(note)}" for note in notes)]))
        self.data_button.setVisible(any(len(project.sources_of(kind)) > 1 for kind in SourceKind))
        self.cohort_picker.set_cohorts(project.cohorts)
        inputs = AnalysisInputs(project, self.cache)
        self.inputs = inputs
        self.gallery.set_saved(self.document.project.analyses)
        self.chart.show_message(self.tr("Loading the data…"))

        def work(*, progress, cancelled) -> DataFacts:  # type: ignore[no-untyped-def]
            progress(0.1)
            return inputs.facts

        self._start(self.tr("Reading the data"), work, self._on_facts, self._refreshing, self.refresh)

    def refresh_results(self) -> None:
        """Query the warehouse again for what the page shows (its pickers' facts and the analysis), replacing the
        results kept in the project."""
        self._refreshing = True
        self.refresh()

    def _on_facts(self, facts: DataFacts) -> None:
        self.facts = facts
        self._build_panel(self.gallery.current_kind())
        refresh, self._refreshing = self._refreshing, False
        self.run(refresh)

    def _on_kind_chosen(self, kind: str) -> None:
        if self.facts is not None:
            self._build_panel(kind)
            self.run()

    def _build_panel(self, kind: str, values: dict[str, Any] | None = None) -> None:
        assert self.facts is not None
        if self.panel is not None:
            self._values[self.panel.kind] = self.panel.values()
        spec = ANALYSES[kind]
        panel = ParamPanelWidget(kind, spec.params(self.facts))
        remembered = values if values is not None else self._values.get(kind)
        if remembered:
            panel.set_values(remembered, notify=False)
        panel.changed.connect(self._run_timer.start)
        self.panel = panel
        self.panel_area.setWidget(panel)
        tab_order(tab_stops(self.gallery)[-1], *tab_stops(panel))  # under the gallery, before the results
        title = QCoreApplication.translate("Analysis", spec.title)
        self.title.setText(title)
        self.title.setToolTip(f"{title}\n{QCoreApplication.translate('Analysis', spec.purpose)}")  # it may be cut
        self.rates_button.setVisible(kind == "revenue")
        self.kpi_button.setVisible(kind in KPI_KINDS)
        self.people.show_for(kind)

    def _on_rates_clicked(self) -> None:
        payments = self.inputs.payments if self.inputs is not None else None
        edit_exchange_rates(self.document, payments.currency_list if payments is not None else [], self)

    def current_kind(self) -> str:
        return self.panel.kind if self.panel is not None else self.gallery.current_kind()

    def current_params(self) -> dict[str, Any]:
        """The panel's parameters, and the cohort the analysis is filtered to (left out for everyone)."""
        params = self.panel.values() if self.panel is not None else {}
        cohort = self.cohort_picker.cohort_id()
        return {**params, "cohort": cohort} if cohort else params

    # --- cohorts ----------------------------------------------------------------------------------------
    def edit_cohorts(self) -> CohortsDialog:
        """Open the Cohorts… dialog (window-modal, so the page keeps showing what a cohort changes)."""
        self.cohorts_dialog = CohortsDialog(self.document, self.facts, self)
        self.cohorts_dialog.open()
        return self.cohorts_dialog

    def _on_cohorts_changed(self, path: tuple[str, ...]) -> None:
        """A cohort was added, edited or deleted: the picker and the breakdown choices follow, and the analysis
        is computed again (it may be filtered to, or broken down by, that cohort)."""
        if path[:1] != ("cohorts",):
            return
        cohorts = self.document.project.cohorts
        self.cohort_picker.set_cohorts(cohorts)
        if self.facts is not None and self.panel is not None:
            self.facts = replace(self.facts, cohorts=tuple((c.id, c.name) for c in cohorts))
            self._build_panel(self.current_kind())
            self._run_timer.start()

    # --- running -------------------------------------------------------------------------------------
    def run(self, refresh: bool = False) -> None:
        """Recompute the current analysis with the panel's parameters (cancelling a run still going); with
        ``refresh``, a linked source's queries go to the warehouse even where results of them are kept."""
        if self.inputs is None or self.panel is None:
            return
        kind, params, inputs = self.current_kind(), self.current_params(), self.inputs

        def work(*, progress, cancelled) -> AnalysisResult:  # type: ignore[no-untyped-def]
            progress(0.05)
            _ = inputs.log
            if cancelled():
                raise Cancelled
            progress(0.5)
            return run_analysis(kind, inputs, params)

        title = QCoreApplication.translate("Analysis", ANALYSES[kind].title)
        self._start(self.tr("Computing {analysis}").format(analysis=title), work, self._on_result, refresh,
                    lambda: self.run(refresh))

    def _start(self, label: str, work: Any, on_done: Any, refresh: bool, again: Any) -> None:
        """Run ``work`` in the task of this page. A linked source's queries are answered from the results kept
        in the project unless ``refresh``; one that BigQuery estimates over the user's threshold asks first, and
        ``again`` starts the work anew once the user says yes."""
        def done(value: Any, run: KeptRun) -> None:
            self._as_of = run.as_of
            if run.sent:  # new results kept in the project: worth saving (they cost queries)
                self.document.keep_unsaved()
            on_done(value)

        def run_anyway() -> None:
            self._scan_allowed = True  # a yes holds until the analysis shows
            again()

        def declined(size: int) -> None:
            self._refreshing = False
            self.kept.show_not_run()
            self.chart.show_message(not_run_text(size, self.tr("Refresh asks again")))

        def answered(outcome: KeptOutcome) -> None:
            if outcome.asked is not None:
                self._finish()
            settle(outcome, self, done, run_anyway, declined)

        self._task = self.runner.run("analyse", label, kept_task(work, refresh, ask=not self._scan_allowed),
                                     answered, self._on_error)
        self._task.progress.connect(lambda f: self.progress.setValue(int(f * 100)))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()

    def _finish(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()

    def cancel(self) -> None:
        """Stop the running computation; whatever it still returns is dropped."""
        if self._task is not None:
            self._task.cancel()
            self._finish()
            self._refreshing = self._scan_allowed = False
            self.kept.show_time(None)
            self.chart.show_message(self.tr("Cancelled. Change a setting or pick an analysis to compute again."))

    def _on_result(self, result: AnalysisResult) -> None:
        self._finish()
        self._scan_allowed = False
        self.result = result
        name = self.gallery.name_edit.text().strip() or result.kind
        self.chart.show_result(result, project_markers(self.document.project), name)
        tab_order(self.data_button, *self.chart.plots())  # the charts are new: between the data line and table
        self._share_height(self.chart.chart_rows)
        self.table.export_name = name
        self.table.set_frame(
            result.table, grouped=True, formats=table_formats(list(map(str, result.table.columns)), result.units),
            labels=COLUMN_LABELS,
        )
        numbers = " · ".join((counted(result.n_users, self.tr("{count} user"), self.tr("{count} users")),
                              counted(result.n_events, self.tr("{count} event"), self.tr("{count} events"))
                              )) if result.n_events else ""
        self.summary.setText(self.tr("Cohort “{cohort}”: {numbers}").format(
            cohort=result.cohort, numbers=numbers or self.tr("no users")) if result.cohort else numbers)
        events = selection(self.document.project, SourceKind.EVENTS).sources
        self.summary.setToolTip(self.cache.origin(self.document.project, events).description if events else "")
        set_banner(self.message, "" if result.empty else translated(result.message))
        self.kept.show_time(None if result.empty else self._as_of)
        self.pin_button.setEnabled(not result.empty)
        self.result_shown.emit(result)

    def _share_height(self, charts: int) -> None:
        """Two stacked charts (a revenue chart per measure) need most of the height, one row of charts less;
        resized only when the count changes, so a split the user dragged stays while they work."""
        if charts in (0, self._charts_shown):
            return
        self._charts_shown = charts
        total = sum(self.results.sizes()) or 620
        chart_share = CHART_SHARE_TWO if charts > 1 else CHART_SHARE_ONE
        self.results.setSizes([round(total * chart_share), round(total * (1 - chart_share))])

    def _on_error(self, message: str) -> None:
        self._finish()
        self._scan_allowed = False
        self._refreshing = False
        self.kept.show_time(None)
        self.chart.show_message(message)
        self.table.set_frame(self.table.model.frame().iloc[0:0])

    # --- KPIs ---------------------------------------------------------------------------------------------
    def _fill_kpi_menu(self, menu: QMenu) -> None:
        menu.clear()
        objectives = self.document.project.objectives
        for objective in objectives:
            text = objective.statement if len(objective.statement) <= 70 else objective.statement[:69] + "…"
            menu.addAction(text, lambda o=objective.id: self.use_as_kpi(o))
        if not objectives:
            menu.addAction(self.tr("Add an objective in step 1 first")).setEnabled(False)

    def use_as_kpi(self, objective_id: str, offset: int | None = None) -> KpiBinding | None:
        """Bind the objective's KPI to this analysis's settings (undoable); retention asks which period N."""
        kind, params = self.current_kind(), self.current_params()
        if kind == "retention" and offset is None:
            unit = params["period"]
            question = {"day": self.tr("Retention on which day after the start (day 0 is the start itself)?"),
                        "week": self.tr("Retention in which week after the start (week 0 is the start itself)?"),
                        "month": self.tr("Retention in which month after the start (month 0 is the start itself)?")}
            offset, ok = QInputDialog.getInt(self, self.tr("Use as KPI"), question.get(unit, question["week"]),
                                             4 if unit == "week" else 1, 1, 520)
            if not ok:
                return None
        binding = binding_from_analysis(kind, params, offset)
        objective = next((o for o in self.document.project.objectives if o.id == objective_id), None)
        if binding is None or objective is None:
            return None
        step = self.tr("Measure the KPI by {metric}").format(metric=kpi_words(binding_label(binding)))
        self.document.push(SetField(("objectives", objective_id), "binding", binding, description=step))
        set_banner(self.message, self.tr("“{objective}” is now measured by {metric}. Measure its baseline again in "
                                         "step 1 if it was taken with another KPI.").format(
            objective=objective.statement, metric=kpi_words(binding_label(binding))))
        return binding

    # --- saving and pinning --------------------------------------------------------------------------
    def save_current(self, name: str) -> SavedAnalysis:
        """Store the current parameters in the project under ``name`` (undoable)."""
        kind = self.current_kind()
        saved = SavedAnalysis(name.strip() or ANALYSES[kind].title, kind, self.current_params())
        step = self.tr("Save analysis “{name}”").format(name=saved.name)
        self.document.push(InsertItem(("analyses",), saved, description=step))
        return saved

    def open_saved(self, saved_id: str) -> None:
        saved = next((a for a in self.document.project.analyses if a.id == saved_id), None)
        if saved is None or saved.kind not in ANALYSES or self.facts is None:
            return
        self.gallery.select_kind(saved.kind, notify=False)
        self.gallery.name_edit.setText(saved.name)
        self.cohort_picker.set_cohort_id(str(saved.params.get("cohort") or ""))
        self._build_panel(saved.kind, dict(saved.params))
        self.run()

    def _on_saved_removed(self, saved_id: str) -> None:
        self.document.push(RemoveItem(("analyses",), saved_id, description=self.tr("Remove saved analysis")))

    def _on_saved_changed(self, path: tuple[str, ...]) -> None:
        if path[:1] == ("analyses",):
            self.gallery.set_saved(self.document.project.analyses)

    def pin_finding(self) -> Finding | None:
        """Create a step-5 finding holding these parameters and a picture of the chart (undoable); of pain points,
        the selected row (the top one when none is) with its evidence."""
        if self.result is None or self.result.empty:
            return None
        if self.result.kind == "pain_points":
            index = self.table.view.currentIndex()
            selected = index.isValid() and self.table.model is self.table.frame_model
            return self.pin_row(self.table.frame_model.source_row(index.row()) if selected else 0)
        title = self.gallery.name_edit.text().strip() or ANALYSES[self.result.kind].title
        return self._pin(self.result, title, self.result.message)

    def pin_row(self, row: int) -> Finding | None:
        """Pin one row of the pain points as a finding: its signals, how the score is made and the users' quote."""
        if self.result is None or self.result.empty or row >= len(self.result.table):
            return None
        return self._pin(self.result, *row_finding_text(self.result.table, row))

    def _pin(self, result: AnalysisResult, title: str, detail: str, quotes: list[str] | None = None) -> Finding:
        finding = Finding(
            title=title,
            detail=detail,
            kind=FINDING_KIND.get(result.kind, "pattern"),
            analysis=SavedAnalysis(title, result.kind, dict(result.params)),
            created=date.today(),
            quotes=[Quote(text) for text in quotes or []],
            snapshot=self.chart.snapshot_png(),
            evidence_summary=table_fingerprint(result.table),
        )
        step = self.tr("Pin “{title}” as a finding").format(title=title)
        self.document.push(InsertItem(("findings",), finding, description=step))
        set_banner(
            self.message,
            self.tr("Pinned “{title}” as a finding: step 5 lists it with the chart and settings.").format(title=title),
        )
        return finding

    def _row_menu(self, menu: QMenu, row: int) -> None:
        """A result row's menu: the users behind it; for pain points, pinning the row as a finding; for a funnel
        step, what the users who stopped there did next."""
        self.people.add_row_actions(menu, row)
        if self.result is not None and self.result.kind == "pain_points" and not self.result.empty:
            menu.addAction(self.tr("Pin this row as a finding"), lambda: self.pin_row(row))
        if self.result is not None and self.result.kind == "funnel" and not self.result.empty:
            self._add_dropped_action(menu, row)

    def _add_dropped_action(self, menu: QMenu, row: int) -> None:
        """Add "What did users who stopped after step k do next?": the funnel's *After dropping out* view at the
        row's step (not for a breakdown's rows, which are one segment's users, nor for the last step)."""
        assert self.result is not None
        table, params = self.result.table, dict(self.result.params)
        step = int(table.iloc[row]["step"])
        if "segment" in table.columns or step >= len(params["steps"]):
            return
        menu.addAction(self.tr("What did users who stopped after step {step} do next?").format(step=step),
                       lambda: self.show_analysis("after_dropping", {**params, "dropped_at": step}))

    def show_analysis(self, kind: str, values: dict[str, Any]) -> None:
        """Switch to the analysis ``kind`` with ``values`` for the parameters it has, and run it."""
        if self.facts is None:
            return
        self.gallery.select_kind(kind, notify=False)
        self._build_panel(kind, values)
        self.run()
