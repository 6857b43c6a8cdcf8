"""Step 8: the review board (baseline → current → target, progress, status, trend, the actions that served
each objective and their measured impact), the dated reviews that record each turn of the loop, and the
stakeholders' endorsements of each review beside testimonials and suggestions counted per month."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from usagelens.analytics.impact import ActionImpact
from usagelens.analytics.kpi import KpiValue, binding_description, binding_label
from usagelens.charts.locale_text import date_text
from usagelens.io.refresh import Refreshed, refresh_source
from usagelens.model import Objective, Project, Review, Source, SourceKind
from usagelens.model.commands import InsertItem, SetField
from usagelens.model.steps import Step
from usagelens.ui.accessibility import label_for
from usagelens.ui.analysis.kept_results import KeptResultsWidget
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityTableModel, EntityTableView, EntityWords
from usagelens.ui.import_dialog import FILE_FILTER
from usagelens.ui.kept_asking import not_run_text, run_kept
from usagelens.ui.locale_numbers import in_locale, kpi_text
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.pages.review_voices import ReviewVoicesWidget, stance_counts
from usagelens.ui.pages.review_widgets import ProgressBarDelegate, SparklineDelegate
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLocale,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.table_rows import keep_rows
from usagelens.ui.translations import counted, kpi_words, translated
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.formatting import fmt_change, impact_verdict
from usagelens.workspace.project_data import analysed_log, kpi_inputs
from usagelens.workspace.review_board import (
    STATUS_COLOURS,
    ObjectiveStatus,
    action_impacts,
    data_until,
    objective_statuses,
    status_text,
    trend_period,
)
from usagelens.workspace.selection import kpi_data_label, selection

# The board's status words (``status_text``), marked here for translation and translated when shown; the
# colours stay keyed by the English words.
STATUS_WORDS = (
    QT_TRANSLATE_NOOP("ObjectiveStatus", "target reached"), QT_TRANSLATE_NOOP("ObjectiveStatus", "on track"),
    QT_TRANSLATE_NOOP("ObjectiveStatus", "at risk"), QT_TRANSLATE_NOOP("ObjectiveStatus", "off track"),
    QT_TRANSLATE_NOOP("ObjectiveStatus", "no data"), QT_TRANSLATE_NOOP("ObjectiveStatus", "not measurable yet"),
)


def short_date(day: date | None) -> str:
    """A date in a narrow board cell: the locale's short date ("30.09.24", "9/30/24"), or "30 Sep 24" in the C
    locale (ISO dates, and German month names such as "Sept.", were too wide for the column at 1280 px)."""
    if day is None:
        return ""
    locale = QLocale()
    c_locale = locale.language() == QLocale.Language.C
    short = "dd MMM yy" if c_locale else locale.dateFormat(QLocale.FormatType.ShortFormat)
    return locale.toString(QDate(day.year, day.month, day.day), short)


@dataclass
class BoardData:
    """What the worker measured: one status per objective, the impact per shipped action, the data's end; for
    a warehouse's events, when the oldest result it used was computed and how many queries it sent."""

    rows: dict[str, ObjectiveStatus] = field(default_factory=dict)
    impacts: dict[str, ActionImpact] = field(default_factory=dict)
    data_until: date | None = None
    as_of: datetime | None = None
    sent: int = 0


def served_text(row: ObjectiveStatus | None, impacts: dict[str, ActionImpact]) -> str:
    """The actions behind an objective, each with its status and, once shipped, its measured change."""
    if row is None:
        return ""
    parts = []
    for action in row.actions:
        impact = impacts.get(action.id)
        effect = ""
        if impact is not None:
            effect = f": {translated(impact_verdict(impact, row.objective, in_locale))}"
        parts.append(f"{action.title} [{QCoreApplication.translate('ActionStatus', action.status.value)}]{effect}")
    return "\n".join(parts)


def objective_and_kpi(project: Project, objective: Objective) -> str:
    """The objective with the KPI that measures it, and the data it is measured on, on a line of its own."""
    if objective.binding is None:
        kpi = QCoreApplication.translate("ReviewPage", "KPI: {kpi}").format(kpi=kpi_words(binding_label(None)))
    else:
        kpi = QCoreApplication.translate("ReviewPage", "KPI: {kpi} · on {data}").format(
            kpi=kpi_words(binding_label(objective.binding)),
            data=translated(kpi_data_label(project, objective.binding.metric)))
    return f"{objective.statement}\n{kpi}"


def choose_refresh_file(parent: QWidget, source: Source) -> str:
    """Ask for the new export of ``source``; an empty string skips the source (it keeps its data)."""
    title = QCoreApplication.translate("ReviewPage", "New export for {source} (Cancel to keep it)")
    path, _ = QFileDialog.getOpenFileName(parent, title.format(source=source.name), "", FILE_FILTER)
    return path


@dataclass
class DataRefresh:
    """What the refresh worker produced: the new fields per source and the review measured on them."""

    refreshed: list[tuple[Source, Refreshed]]
    review: Review
    asked: list[Source] = field(default_factory=list)  # warehouse sources whose results were asked again
    sent: int = 0  # the queries that sent


def refreshed_project(project: Project, refreshed: list[tuple[Source, Refreshed]]) -> Project:
    """A shallow copy of ``project`` whose refreshed sources hold their new tables (ids, roles and recipes
    kept), so KPIs can be measured on the new data in a worker before anything in the document changes."""
    new = {source.id: replace(source, **result.fields) for source, result in refreshed}  # type: ignore[arg-type]
    return replace(project, sources=[new.get(s.id, s) for s in project.sources])


def measure_review(project: Project, cache: DataCache) -> Review:
    """Today's review: every bound KPI measured on ``project``'s data, with the data's last day.

    The encoded log goes into the shared cache, so the board that redraws after the refresh reuses it.
    """
    log = analysed_log(project, cache)
    inputs = kpi_inputs(project, log, cache)
    rows = objective_statuses(project, inputs)
    values = {row.objective.id: row.value for row in rows if row.value is not None}
    until = data_until(inputs)
    return Review(date.today(), values=values, data_until=until)


def review_changes(review: Review, previous: Review | None, objectives: dict[str, Objective]) -> str:
    """The review's KPI values, each with its change since ``previous`` (e.g. "WAU 1,120 (+85)")."""
    parts = []
    for oid, value in review.values.items():
        objective = objectives.get(oid)
        if objective is None:
            continue
        text = f"{objective.kpi or objective.statement[:30]}: {kpi_text(value, objective)}"
        before = previous.values.get(oid) if previous is not None else None
        if before is not None:
            text += f" ({translated(fmt_change(value - before, objective, local=in_locale))})"
        parts.append(text)
    return "; ".join(parts)


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
        title = QLabel(self.tr("Objectives: where each KPI started, where it is, where it should get to"))
        title.setObjectName("sectionTitle")
        self.board_model = EntityTableModel(document, ("objectives",), self._columns(), self)
        self.board_view = EntityTableView(self.board_model)
        label_for(title, self.board_view)
        self.board_view.setItemDelegateForColumn(self._column_index("progress"), ProgressBarDelegate(self))
        self.board_view.setItemDelegateForColumn(self._column_index("trend"), SparklineDelegate(self))
        self.board_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.kept = KeptResultsWidget()  # "Results from <time> — Refresh" for a warehouse's KPIs
        self.kept.refresh_requested.connect(lambda: self._measure(refresh=True))
        board_layout.addWidget(title)
        board_layout.addWidget(self.kept)
        board_layout.addWidget(self.board_view, 1)
        self.reviews = EntityListWidget(
            document, ("reviews",), self._review_columns(), self._new_review,
            words=EntityWords(self.tr("Record review"), self.tr("Remove review"), self.tr("Remove {count} reviews")),
            title=self.tr("Reviews"),
            empty=self.tr("No reviews yet. After each data refresh, record one: today's KPI values are kept with it."),
            hint=self.tr("Record a review after each data refresh: today's KPI values are kept with it, so the next "
                         "review can compare."),
        )
        self.refresh_data_button = QPushButton(self.tr("Refresh data…"))
        self.refresh_data_button.setToolTip(self.tr("Load the new export of each source (a warehouse's is asked "
                                                    "again), then record a review measured on it, so this turn of "
                                                    "the loop can be compared with the last"))
        self.refresh_data_button.clicked.connect(lambda: self.refresh_data())
        self.reviews.add_bar_widget(self.refresh_data_button)
        self.voices = ReviewVoicesWidget(document)
        self.reviews.view.selectionModel().selectionChanged.connect(self._on_review_selected)
        self.reviews.model.modelReset.connect(self._on_review_selected)
        splitter.addWidget(board)
        splitter.addWidget(self.reviews)
        splitter.addWidget(self.voices)
        splitter.setSizes([320, 190, 190])  # the reviews' hint may take two lines (German) above its table
        keep_rows(self.board_view, 4)  # of a one-line row's height: an objective's row, three or four lines tall
        for secondary in (self.reviews.view, self.voices.endorsements.view):  # the board's rows come first
            keep_rows(secondary, 2)
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

    def _status_words(self, objective: Objective) -> str:
        return QCoreApplication.translate("ObjectiveStatus", self._status(objective))

    def _trend(self, objective: Objective) -> tuple[list[float], float | None] | None:
        row = self._row(objective)
        if row is None or row.trend is None or len(row.trend) < 2:
            return None
        return list(row.trend.to_numpy(float)), objective.target

    def _columns(self) -> tuple[Column, ...]:
        def share(o: Objective) -> float | None:
            row = self._row(o)
            return row.share if row else None

        # Sized to fit 1280 px without a sideways scroll bar: the KPI sits under its objective, the trend's
        # description is its tooltip, and the objective and the actions share the rest of the width.
        return (
            Column("statement", QT_TRANSLATE_NOOP("Column", "Objective and KPI"), kind="computed", width=210,
                   grows=True, compute=lambda o: objective_and_kpi(self.document.project, o),
                   tooltip=QT_TRANSLATE_NOOP("Column", "The objective, the metric that measures its KPI and the data "
                                                       "it is measured on"),
                   tip=lambda o: f"{objective_and_kpi(self.document.project, o)}\n\n"
                                 f"{kpi_words(binding_description(o.binding))}"),
            Column("baseline", QT_TRANSLATE_NOOP("Column", "Baseline"), kind="computed", width=80, numeric=True,
                   compute=lambda o: f"{kpi_text(o.baseline, o)}\n{short_date(o.baseline_date)}",
                   tooltip=QT_TRANSLATE_NOOP("Column", "Where the KPI started, and the day it was measured (step 1)")),
            Column("current", QT_TRANSLATE_NOOP("Column", "Current"), kind="computed", width=80, numeric=True,
                   compute=lambda o: f"{kpi_text(self._value(o), o)}\n{self._basis_date(o)}",
                   tooltip=QT_TRANSLATE_NOOP("Column", "The KPI on the latest data: the last complete period, and "
                                                       "the day it starts")),
            Column("target", QT_TRANSLATE_NOOP("Column", "Target"), kind="computed", width=80, numeric=True,
                   compute=lambda o: f"{kpi_text(o.target, o)}\n{short_date(o.deadline)}",
                   tooltip=QT_TRANSLATE_NOOP("Column", "Where the KPI should get to, and by when")),
            Column("progress", QT_TRANSLATE_NOOP("Column", "Progress"), kind="computed", width=100, value=share,
                   compute=lambda o: "–" if (s := share(o)) is None else in_locale(f"{s:.0%}"),
                   tooltip=QT_TRANSLATE_NOOP("Column", "How far the KPI has moved from baseline (0%) to target "
                                                       "(100%); below 0% it moved away")),
            Column("status", QT_TRANSLATE_NOOP("Column", "Status"), kind="computed", width=90,
                   compute=self._status_words, colour=lambda o: STATUS_COLOURS.get(self._status(o)),
                   tooltip=QT_TRANSLATE_NOOP("Column", "On track while progress is at least 80% of the share of time "
                                                       "gone from baseline date to deadline; at risk when behind; off "
                                                       "track when it moved away from the target")),
            Column("trend", QT_TRANSLATE_NOOP("Column", "Trend"), kind="computed", width=80, value=self._trend,
                   compute=self._trend_text,
                   tooltip=QT_TRANSLATE_NOOP("Column", "The KPI's recent values, with the target as a line")),
            Column("benchmark", QT_TRANSLATE_NOOP("Column", "Industry"), kind="computed", width=70, numeric=True,
                   compute=lambda o: "" if o.industry is None else kpi_text(o.industry, o),
                   tooltip=QT_TRANSLATE_NOOP("Column", "The outside benchmark entered in step 1")),
            Column("actions", QT_TRANSLATE_NOOP("Column", "Actions and measured impact"), kind="computed", width=200,
                   grows=True,
                   compute=lambda o: served_text(self._row(o), self.board.impacts),
                   tooltip=QT_TRANSLATE_NOOP("Column", "The actions aimed at this objective and, once shipped, their "
                                                       "measured effect (step 7)")),
        )

    def _review_columns(self) -> tuple[Column, ...]:
        return (
            Column("date", QT_TRANSLATE_NOOP("Column", "Date"), kind="date", width=110),
            Column("data_until", QT_TRANSLATE_NOOP("Column", "Data until"), kind="computed", width=100,
                   compute=lambda r: date_text(r.data_until) or "–"),
            Column("values", QT_TRANSLATE_NOOP("Column", "KPI values recorded"), kind="computed", width=240,
                   compute=self._recorded_values),
            Column("notes", QT_TRANSLATE_NOOP("Column", "What we learnt and what we change next"), width=320),
            Column("endorsements", QT_TRANSLATE_NOOP("Column", "Endorsements"), kind="computed", width=140,
                   compute=stance_counts,
                   tooltip=QT_TRANSLATE_NOOP("Column", "Who endorsed the review or has concerns: listed below")),
        )

    def _trend_text(self, objective: Objective) -> str:
        """What the sparkline shows, in words (its tooltip, and what a copy of the cell gives)."""
        trend = self._trend(objective)
        if trend is None:
            return ""
        values, target = trend
        period = trend_period(objective.binding) if objective.binding else "week"
        first, last = kpi_text(values[0], objective), kpi_text(values[-1], objective)
        values_text = counted(len(values), self.tr("{count} monthly value"), self.tr("{count} monthly values")) \
            if period == "month" else counted(len(values), self.tr("{count} weekly value"),
                                              self.tr("{count} weekly values"))
        text = self.tr("{values}, from {first} to {last}").format(values=values_text, first=first, last=last)
        if target is None:
            return text
        return self.tr("{trend}; target {target}").format(trend=text, target=kpi_text(target, objective))

    def _column_index(self, field_name: str) -> int:
        return [self.board_model.column_spec(n).field for n in range(self.board_model.columnCount())].index(field_name)

    def _basis_date(self, objective: Objective) -> str:
        """When the current value was measured, compact enough for a narrow column."""
        row = self._row(objective)
        return short_date(row.current.as_of) if row and row.current else ""

    def _recorded_values(self, review: Review) -> str:
        """The review's values with their change since the review recorded before it."""
        project = self.document.project
        index = next(n for n, r in enumerate(project.reviews) if r.id == review.id)
        previous = project.reviews[index - 1] if index > 0 else None
        return review_changes(review, previous, {o.id: o for o in project.objectives})

    # --- behaviour -----------------------------------------------------------------------------------
    def _on_review_selected(self) -> None:
        self.voices.show_review(self.reviews.selected_item())

    def _new_review(self) -> Review:
        values = {oid: row.value for oid, row in self.board.rows.items() if row.value is not None}
        return Review(date.today(), values=values, data_until=self.board.data_until)

    def refresh_data(self) -> None:
        """Reload every source from the new export the user picks for it (Cancel skips one) and ask a warehouse's
        analysed events again, then record a review measured on the new data; the reloads and the review are one
        undoable step."""
        project, cache = self.document.project, self.cache
        asked = [source for source in selection(project, SourceKind.EVENTS).sources if source.link is not None]
        chosen = [(source, path) for source in project.sources
                  if source.link is None and (path := choose_refresh_file(self, source))]
        if not chosen and not asked:
            return

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            refreshed = []
            for n, (source, path) in enumerate(chosen):
                def step(fraction: float, n: int = n) -> None:
                    progress(0.8 * (n + fraction) / len(chosen))

                refreshed.append((source, refresh_source(source, path, progress=step, cancelled=cancelled)))
            review = measure_review(refreshed_project(project, refreshed), cache)
            progress(1.0)
            return DataRefresh(refreshed, review, asked)

        set_banner(self.message, "")
        # the warehouse's KPIs asked again, and kept anew; a no to BigQuery's estimate records nothing
        run_kept(self.runner, "refresh-data", self.tr("Refreshing data and measuring the KPIs"), work,
                 lambda result, run: self._on_refreshed(replace(result, sent=run.sent)),
                 lambda message: set_banner(self.message, message, kind="error"), self,
                 lambda size: set_banner(self.message, not_run_text(size, self.tr("Refresh data… asks again")),
                                         kind="attention"), refresh=bool(asked))

    def _on_refreshed(self, result: DataRefresh) -> None:
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Refresh data and record review"))
        for source, refreshed in result.refreshed:
            description = self.tr("Refresh {source}").format(source=source.name)
            for name, value in refreshed.fields.items():
                self.document.push(SetField(("sources", source.id), name, value, description=description))
        self.document.push(InsertItem(("reviews",), result.review, description=self.tr("Record review")))
        stack.endMacro()
        if result.sent:
            self.document.keep_unsaved()  # new results kept in the project: worth saving (they cost queries)
        if not result.refreshed:  # no source changed: the board follows the results asked again
            self.refresh()
        summary = "; ".join([*(f"{source.name}: {translated(refreshed.summary())}"
                               for source, refreshed in result.refreshed),
                             *(self.tr("{source}: asked its warehouse again").format(source=source.name)
                               for source in result.asked)])
        set_banner(self.message, self.tr("Refreshed {sources}. A review of the new data (until {day}) is recorded "
                                         "below.").format(sources=summary,
                                                          day=date_text(result.review.data_until) or "–"), kind="info")

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {(), ("objectives",), ("sources",), ("recipes",), ("actions",), ("findings",)}

    def refresh(self) -> None:
        self._measure()

    def _measure(self, refresh: bool = False) -> None:
        """Measure the board in a worker; with ``refresh``, a warehouse's KPIs are asked of it again rather than
        answered from the results kept in the project."""
        project = self.document.project
        if not any(o.binding is not None for o in project.objectives):
            self.board = BoardData()
            self.kept.show_time(None)
            self.board_model.refresh()
            set_banner(self.message, self.tr("Choose how each objective is measured in step 1 to see its current "
                                             "value here.") if project.objectives
                       else self.tr("Add objectives in step 1 to review them here."))
            return
        cache = self.cache

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            inputs = kpi_inputs(project, analysed_log(project, cache), cache)
            rows = {row.objective.id: row for row in objective_statuses(project, inputs)}
            progress(0.7)
            return BoardData(rows, action_impacts(project, inputs), data_until(inputs))

        set_banner(self.message, "")
        run_kept(self.runner, "review", self.tr("Measuring objectives"), work,
                 lambda board, run: self._on_board(replace(board, as_of=run.as_of, sent=run.sent)),
                 lambda message: set_banner(self.message, message, kind="error"), self, self._declined, refresh)

    def _declined(self, size: int) -> None:
        """The user said no to BigQuery's estimate: nothing was sent, and the page says so (a board measured
        before stays, with its results' time)."""
        if self.board.as_of is None:
            self.kept.show_not_run()
        set_banner(self.message, not_run_text(size, self.tr("Refresh asks again")), kind="attention")

    def _on_board(self, board: BoardData) -> None:
        self.board = board
        self.kept.show_time(board.as_of)
        if board.sent:
            self.document.keep_unsaved()  # new results kept in the project: worth saving (they cost queries)
        self.board_model.refresh()
        # An empty "Industry" column only costs width the actions column needs.
        has_industry = any(o.industry is not None for o in self.document.project.objectives)
        self.board_view.setColumnHidden(self._column_index("benchmark"), not has_industry)
