"""Step 1: objectives with their KPI, baseline, target and deadline, and the hypotheses behind each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from usagelens.analytics.kpi import KpiValue, binding_description, binding_label, binding_presets, evaluate_kpi
from usagelens.charts.locale_text import date_text
from usagelens.model import Hypothesis, KpiBinding, Objective, Project, SourceKind
from usagelens.model.commands import SetField
from usagelens.model.steps import Step, step_states
from usagelens.ui.data_cache import DataCache
from usagelens.ui.date_dialog import ask_date
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityWords
from usagelens.ui.kept_asking import not_run_text, run_kept
from usagelens.ui.locale_numbers import as_of_text, kpi_text, size_text
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import QT_TRANSLATE_NOOP, QHeaderView, QPushButton, QSplitter, Qt, QWidget
from usagelens.ui.translations import attention_text, kpi_words, translated, word_choices
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.kept_runs import KeptRun
from usagelens.workspace.project_data import (
    analysed_log,
    events_in_warehouse,
    frequent_events,
    kpi_inputs,
    last_data_day,
    linked_events_source,
    metric_names,
)

RATE_TIP = QT_TRANSLATE_NOOP("Column", "Shown in the KPI's unit; rates can be typed as a percentage (30%) or a "
                                       "fraction")


def typed_kpi(value: float | None, objective: Objective) -> str:
    """A typed KPI figure in its unit and the user's locale ("32,5%" in German); empty when not set."""
    return "" if value is None else kpi_text(value, objective)


def objective_columns(document: ProjectDocument,
                      event_names: Callable[[Project], list[str]] = frequent_events) -> tuple[Column, ...]:
    """Columns of the objectives table; the metric choices follow the events (``event_names``) and surveys in the
    project."""

    def presets() -> dict[str, KpiBinding | None]:
        project = document.project
        return binding_presets(event_names(project), surveys=bool(project.sources_of(SourceKind.FEEDBACK)),
                               metrics=metric_names(project), revenue=bool(project.sources_of(SourceKind.REVENUE)))

    # Sized to fit 1280 px without a sideways scroll bar; each header's tooltip says more.
    return (
        Column("statement", QT_TRANSLATE_NOOP("Column", "Objective"), width=205,
               tooltip=QT_TRANSLATE_NOOP("Column", "What should change for customers or the business")),
        Column("kpi", QT_TRANSLATE_NOOP("Column", "KPI"), width=140,
               tooltip=QT_TRANSLATE_NOOP("Column", "The number that shows success, in your words")),
        Column("binding", QT_TRANSLATE_NOOP("Column", "Measured by"), kind="choice", width=165,
               choices=lambda: [kpi_words(label) for label in presets()], show=lambda b: kpi_words(binding_label(b)),
               parse=lambda text: {kpi_words(label): b for label, b in presets().items()}.get(text),
               tooltip=QT_TRANSLATE_NOOP("Column", "The metric UsageLens computes for this KPI (its current value "
                                                   "appears in step 8)"),
               tip=lambda o: f"{kpi_words(binding_label(o.binding))}: {kpi_words(binding_description(o.binding))}"),
        Column("baseline", QT_TRANSLATE_NOOP("Column", "Baseline"), kind="number", width=75, tooltip=RATE_TIP,
               percent=True, compute=lambda o: typed_kpi(o.baseline, o)),
        Column("baseline_date", QT_TRANSLATE_NOOP("Column", "As of"), kind="date", width=95,
               tooltip=QT_TRANSLATE_NOOP("Column", "The day the baseline was measured")),
        Column("target", QT_TRANSLATE_NOOP("Column", "Target"), kind="number", width=75, tooltip=RATE_TIP,
               percent=True, compute=lambda o: typed_kpi(o.target, o)),
        Column("deadline", QT_TRANSLATE_NOOP("Column", "Deadline"), kind="date", width=95,
               tooltip=QT_TRANSLATE_NOOP("Column", "By when the target should be reached")),
        Column("industry", QT_TRANSLATE_NOOP("Column", "Industry"), kind="number", width=75, percent=True,
               compute=lambda o: typed_kpi(o.industry, o),
               tooltip=QT_TRANSLATE_NOOP("Column", "A benchmark you know from outside (e.g. a published average), "
                                                   "shown next to the KPI")),
    )


HYPOTHESIS_COLUMNS = (
    Column("text", QT_TRANSLATE_NOOP("Column", "Hypothesis"), width=380),
    Column("status", QT_TRANSLATE_NOOP("Column", "Status"), kind="choice",
           **word_choices("HypothesisStatus", (QT_TRANSLATE_NOOP("HypothesisStatus", "open"),
                                               QT_TRANSLATE_NOOP("HypothesisStatus", "supported"),
                                               QT_TRANSLATE_NOOP("HypothesisStatus", "refuted"))),
           width=100),
    Column("evidence", QT_TRANSLATE_NOOP("Column", "Evidence"), width=260),
)


class ObjectivesPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.hint = banner(kind="attention")
        self.body.addWidget(self.hint)
        self.status = banner(kind="info")  # the outcome of "Baseline from data"; refresh() leaves it alone
        self.body.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self._warehouse_events: tuple[object, list[str]] = (None, [])  # (the linked source asked, its events)
        columns = objective_columns(document, self._event_names)
        self.objectives = EntityListWidget(
            document, ("objectives",), columns, lambda: Objective(self.tr("New objective")),
            words=EntityWords(self.tr("Add objective"), self.tr("Remove objective"),
                              self.tr("Remove {count} objectives")),
            title=self.tr("Objectives"),
            hint=self.tr("A measurable objective names a KPI, binds it to a metric and sets a target and deadline."),
            empty=self.tr("No objectives yet. Start with “Add objective”: what should change for customers, which "
                          "number shows it, where it is now and where it should be by when."),
        )
        self.hypotheses = EntityListWidget(
            document, None, HYPOTHESIS_COLUMNS, lambda: Hypothesis(self.tr("We believe that …")),
            words=EntityWords(self.tr("Add hypothesis"), self.tr("Remove hypothesis"),
                              self.tr("Remove {count} hypotheses")),
            title=self.tr("Hypotheses of the selected objective"),
            empty=self.tr("No hypotheses yet: what do you believe drives this objective? Step 5's findings can "
                          "then support or refute each one."),
        )
        for entities in (self.objectives, self.hypotheses):  # few rows: whole sentences read better than elided
            entities.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.baseline_button = QPushButton(self.tr("Baseline from data"))
        self.baseline_button.setToolTip(self.tr("Measure the bound KPI on the data up to a day you confirm and use "
                                                "it as the baseline"))
        self.baseline_button.clicked.connect(self.compute_baseline)
        self.objectives.add_bar_widget(self.baseline_button)
        splitter.addWidget(self.objectives)
        splitter.addWidget(self.hypotheses)
        splitter.setSizes([360, 220])
        self.body.addWidget(splitter, 1)
        self.objectives.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.objectives.model.modelReset.connect(self._on_selection_changed)
        # Choosing "Measured by" edits the selected row without changing the selection: follow the data too.
        self.objectives.model.dataChanged.connect(self._update_baseline_button)

    def _on_selection_changed(self) -> None:
        objective = self.objectives.selected_item()
        self.hypotheses.model.set_path(("objectives", objective.id, "hypotheses") if objective else None)
        self._update_baseline_button()

    def _update_baseline_button(self) -> None:
        objective = self.objectives.selected_item()
        self.baseline_button.setEnabled(objective is not None and objective.binding is not None)

    def compute_baseline(self) -> None:
        """Baseline = the bound KPI as it stood at the end of a day the user confirms (suggested: the
        baseline date already set, else the last day of data), never silently on whatever data is loaded."""
        objective = self.objectives.selected_item()
        if objective is None or objective.binding is None:
            return
        project = self.document.project
        if objective.baseline_date is None and events_in_warehouse(project):
            # the last day of a warehouse's events is a query: asked off the UI thread, then the day is offered
            run_kept(self.runner, "baseline", self.tr("Finding the last day of data"),
                     lambda *, progress, cancelled: last_data_day(project),
                     lambda day, run: self._measure_baseline(objective, day, run),
                     self._failed, self, self._declined)
            return
        self._measure_baseline(objective, objective.baseline_date or last_data_day(project))

    def _measure_baseline(self, objective: Objective, suggested: date | None, asked: KeptRun | None = None) -> None:
        """Measure ``objective``'s baseline at a day the user confirms; ``asked``: the run that found the last
        day in the warehouse (what it sent is worth saving even if the user cancels the day)."""
        if asked is not None and asked.sent:
            self.document.keep_unsaved()  # new results kept in the project: worth saving (they cost queries)
        project, cache = self.document.project, self.cache
        binding = objective.binding
        if binding is None:
            return
        as_of = ask_date(self, self.tr("Baseline from data"),
                         self.tr("Measure “{kpi}” on the data up to the end of this day (later events and answers "
                                 "are left out):").format(kpi=kpi_words(binding_label(binding))),
                         suggested or date.today())
        if as_of is None:
            return

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            # a warehouse's: the results kept in the project where they are
            return evaluate_kpi(binding, kpi_inputs(project, analysed_log(project, cache), cache), as_of=as_of)

        run_kept(self.runner, "baseline", self.tr("Measuring the baseline"), work,
                 lambda value, run: self._on_baseline(objective.id, as_of, value, run),
                 self._failed, self, self._declined)

    def _failed(self, message: str) -> None:
        set_banner(self.status, message, kind="error")

    def _declined(self, size: int) -> None:
        """The user said no to BigQuery's estimate of the baseline's queries: nothing was sent or set."""
        set_banner(self.status, not_run_text(size, self.tr("Baseline from data asks again")), kind="attention")

    def _on_baseline(self, objective_id: str, day: date, value: KpiValue, run: KeptRun) -> None:
        if run.sent:
            self.document.keep_unsaved()  # new results kept in the project: worth saving (they cost queries)
        if value.value is None:
            set_banner(self.status, self.tr("No baseline could be measured: {reason}.").format(
                reason=translated(value.basis)), kind="attention")
            return
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Baseline from data"))
        path = ("objectives", objective_id)
        self.document.push(SetField(path, "baseline", value.value, description=self.tr("Set baseline")))
        self.document.push(SetField(path, "baseline_date", day, description=self.tr("Set baseline date")))
        stack.endMacro()
        measured = self.tr("Baseline measured on the data up to {day}: {basis}.").format(day=date_text(day),
                                                                                       basis=translated(value.basis))
        if run.as_of is not None:
            measured += " " + self.tr("Warehouse results as of {time}.").format(time=as_of_text(run.as_of))
        set_banner(self.status, measured)

    def _event_names(self, project: Project) -> list[str]:
        """The events a KPI can be bound to: a warehouse's as asked of it, else the imported tables'."""
        return self._warehouse_events[1] or frequent_events(project)

    def _ask_warehouse_events(self) -> None:
        """Ask a linked source's events of its warehouse (off the UI thread; kept per link and event column): the
        first rows the project keeps may not show them all."""
        try:
            source = linked_events_source(self.document.project)
        except LookupError:
            source = None
        recipe = () if source is None else tuple(  # its steps run there: a merge of events changes the list
            (step.op, repr(step.params), step.enabled) for step in self.document.project.recipes.get(source.id, []))
        asked = None if source is None else (source.id, source.link, source.roles.get("event"), recipe)
        if asked == self._warehouse_events[0]:
            return
        if source is None:
            self._warehouse_events = (None, [])
            return

        project = self.document.project

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            from usagelens.workspace.linked_facts import frequent_linked_events  # Ibis: only for a warehouse

            return frequent_linked_events(source, project)  # answered by the results kept where they are

        def done(names: list[str], run: KeptRun) -> None:
            if run.sent:
                self.document.keep_unsaved()  # new results kept in the project: worth saving (they cost queries)
            self._warehouse_events = (asked, names)

        def declined(size: int) -> None:  # not asked again until the source changes
            self._warehouse_events = (asked, [])
            set_banner(self.status, self.tr("The events in the warehouse were not listed for KPIs: BigQuery "
                                            "estimates that listing them would scan about {size}, so the KPIs offer "
                                            "the events of the rows kept in the project.").format(
                size=size_text(size)), kind="attention")

        failed = self.tr("The events in the warehouse could not be listed for KPIs: {problem}")
        run_kept(self.runner, "kpi events", self.tr("Reading the events in the warehouse"), work, done,
                 lambda message: set_banner(self.status, failed.format(problem=message), kind="error"), self, declined)

    def refresh(self) -> None:
        self._ask_warehouse_events()
        attention = attention_text(step_states(self.document.project)[0])
        self.hint.setText(self.tr("To make every objective measurable: {attention} — fill in the KPI and target.")
                          .format(attention=attention) if attention else "")
        self.hint.setVisible(bool(attention))
        if not self.document.project.objectives:
            self.hint.setText(self.tr("Start by adding an objective: what should change, and how will you know?"))
            self.hint.setVisible(True)
