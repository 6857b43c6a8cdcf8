"""What an analysis is, without Qt: its parameters, its inputs and its result (table + chart data + message).

The step-4 gallery builds its parameter panels from :class:`Param` lists, runs ``compute`` in a worker and
draws :class:`ChartData`; the printed report and pinned findings re-compute from a ``SavedAnalysis`` with
the very same functions, so a number never has two implementations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from usagelens.analytics import AnalysisError, Customers, EventLog, Payments
from usagelens.analytics.engine_events import Events, LogEvents, dates_only
from usagelens.analytics.event_trends import numeric_properties
from usagelens.analytics.kernels import chunks
from usagelens.io.warehouse.url import WarehouseError
from usagelens.model import Cohort, Project, SourceKind
from usagelens.model.query_engine import PACKS_LISTS, TAKES_TABLES
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace import project_data
from usagelens.workspace.analyses.defaults import typical_journey
from usagelens.workspace.metrics import MetricsTable
from usagelens.workspace.project_data import DataProvider, DirectData
from usagelens.workspace.selection import Selection, selection

Params = dict[str, Any]
MAX_BREAKDOWN_VALUES = 30
NO_EVENT_LOG = QT_TRANSLATE_NOOP("Analysis", "Import an event log in step 2 to run this analysis.")
PREFIX_ROWS = 1_000_000  # rows of a column looked at before all of it, to rule out one with many values


class AnalysisInputs:
    """The project's analysable data, each piece loaded on first use (a funnel never reads the survey).

    Each kind is the project's selection of sources (``workspace.selection``), combined: the page and the
    report name them with :meth:`selection`.
    """

    def __init__(self, project: Project, provider: DataProvider | None = None, *, log: EventLog | None = None,
                 events: Events | None = None, facts: DataFacts | None = None) -> None:
        """``log``: the events to analyse when they are not a source of ``project`` (the CLI's memory-mapped
        log of an export too big to import); ``events``: events on another engine (a warehouse's view), with
        the ``facts`` their parameters' defaults come from."""
        self.project = project
        self.provider = provider or DirectData()
        self._given_log = log
        self._given_events = events
        self._given_facts = facts
        self.cohort: Cohort | None = None  # the cohort these inputs are filtered to (workspace.analyses.cohorts)
        self.cohort_cache: dict[str, object] = {}  # cohorts' masks and filtered inputs, per definition

    def selection(self, kind: SourceKind) -> Selection:
        return selection(self.project, kind)

    @cached_property
    def log(self) -> EventLog | None:
        """The events as a log in memory (None when there are none, or when they are answered elsewhere)."""
        if self._given_log is not None:
            return self._given_log
        if self._given_events is not None:
            return None
        return project_data.analysed_log(self.project, self.provider)

    @property
    def events(self) -> Events:
        """The events on the engine that answers them, for computes written once (:mod:`.events`)."""
        elsewhere = self._given_events or self._linked_events
        if elsewhere is not None:
            return elsewhere
        log = self.log
        if log is None:
            raise LookupError(NO_EVENT_LOG)
        return LogEvents(log, self.customers)

    @property
    def events_elsewhere(self) -> bool:
        """Whether the events are answered on another engine (then :attr:`log` is None)."""
        return self._given_events is not None or project_data.linked_events_source(self.project) is not None

    @cached_property
    def _linked_events(self) -> Events | None:
        """The selected events source's view in its warehouse, when it is a warehouse's table: answered from the
        results kept in the project where it can be, with the customers' attributes a breakdown can use sent
        along with the queries that use them (:func:`_customers_along`)."""
        source = project_data.linked_events_source(self.project)
        if source is None:
            return None
        from usagelens.workspace.warehouse_results import kept_events  # Ibis loads only for a warehouse's project

        events = kept_events(self.project, source)
        events.customers = _customers_along(self.customers, events.engine)
        return events

    @property
    def customers_joined(self) -> Customers | None:
        """The customers the events can be broken down by: all of them in memory; a linked warehouse's events
        only where its engine takes them along with a query (``model.query_engine.TAKES_TABLES``: not Trino's or
        Databricks', which would have to write them to the warehouse)."""
        linked = self._linked_events if self._given_events is None else None
        return self.customers if linked is None or linked.customers is not None else None

    @cached_property
    def span(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first and last event times, asked of the engine that holds the events (a warehouse's, never the
        first rows a project keeps of its table); None when there are none or they cannot be reached."""
        try:
            if not self.events_elsewhere:
                log = self.log
                return (log.start, log.end) if log is not None and log.n_events else None
            events = self.events
            start, end = events.start(), events.end()
        except (LookupError, WarehouseError):
            return None
        return None if pd.isna(end) else (start, end)

    def _table(self, kind: SourceKind) -> tuple[pd.DataFrame, dict[str, str]] | None:
        return project_data.analysed_table(self.project, kind, self.provider)

    @cached_property
    def _data_facts(self) -> DataFacts:
        return self._given_facts if self._given_facts is not None else DataFacts.of(self)

    def event_facts(self) -> EventFacts | None:
        """What the events say for the defaults, asked of the engine that holds them: a linked source's
        warehouse (a few small queries) or the log in memory; None without events, or when the warehouse cannot
        be asked (the defaults then come from the project alone, and the analysis says what is wrong)."""
        try:
            linked = self._linked_events if self._given_events is None else None
            if linked is not None:
                from usagelens.workspace.warehouse import view_facts

                return view_facts(linked)  # type: ignore[arg-type]
        except (LookupError, WarehouseError, AnalysisError):
            return None
        log = self.log
        return None if log is None or not log.n_events else log_facts(log)

    @property
    def facts(self) -> DataFacts:
        """What parameter defaults come from, found once: at 100M events the typical journey and the property
        values take seconds, and the report re-runs every saved analysis on the same inputs. The cohorts are
        the project's as they are now (the user may add one between two runs)."""
        return replace(self._data_facts, cohorts=project_cohorts(self.project))

    @cached_property
    def customers(self) -> Customers | None:
        combined = self._table(SourceKind.CUSTOMERS)
        if combined is None:
            return None
        table, roles = combined
        user = roles["user_id"]
        # A customer listed in two tables keeps the row of the first: a breakdown counts each user once.
        return Customers(table.drop_duplicates(subset=[user], keep="first"), user)

    @cached_property
    def payments(self) -> Payments | None:
        return project_data.analysed_payments(self.project, self.provider)

    @cached_property
    def metrics(self) -> MetricsTable | None:
        """The selected aggregated exports (date × counts), combined."""
        return project_data.analysed_metrics(self.project, self.provider)

    @cached_property
    def feedback_source(self) -> tuple[pd.DataFrame, dict[str, str]] | None:
        """The selected feedback sources, cleaned and combined, with their column roles: read once for the
        survey's scores, its themes and its breakdowns."""
        return self._table(SourceKind.FEEDBACK)

    @cached_property
    def answers(self) -> pd.DataFrame | None:
        """The feedback as ``score``, ``time`` and ``comment`` (:func:`project_data.answers_of`)."""
        return None if self.feedback_source is None else project_data.answers_of(*self.feedback_source)

    @cached_property
    def survey(self) -> tuple[pd.Series, pd.Series, str] | None:
        """(scores, answer times, scale) of the selected feedback sources."""
        table = self.answers
        if table is None:
            return None
        scores, times = table["score"], table["time"]
        scales = {s.score_scale for s in self.selection(SourceKind.FEEDBACK).sources if s.score_scale}
        scale = scales.pop() if len(scales) == 1 else ("csat" if scores.max() <= 5 else "nps")
        return scores, times, scale


@dataclass(frozen=True)
class DataFacts:
    """What parameter defaults are derived from: the events present, the date range, the attributes."""

    events: tuple[str, ...] = ()
    first_day: date | None = None
    last_day: date | None = None
    attributes: tuple[str, ...] = ()
    releases: tuple[date, ...] = ()
    attribute_values: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (attribute, its values as text)
    properties: tuple[str, ...] = ()  # the attributes that are event properties (a user may have several values)
    journey: tuple[str, ...] = ()  # an entry-like event and what most users do after it (a first funnel)
    dates_only: bool = False  # every timestamp at midnight: no sessions, hours or order within a day
    metrics: tuple[str, ...] = ()  # numeric columns of the metrics exports
    metric_dimensions: tuple[str, ...] = ()  # their other columns, to break a metric down by
    cohorts: tuple[tuple[str, str], ...] = ()  # the project's saved cohorts: (id, name)
    numbers: tuple[str, ...] = ()  # event properties holding numbers (a trend sums or averages them)
    survey_segments: tuple[str, ...] = ()  # what survey answers can be split by: their columns, customer attributes

    @classmethod
    def of(cls, inputs: AnalysisInputs) -> DataFacts:
        """The facts of the project's data, the events' asked of whichever engine holds them (the same events
        give the same facts in memory and in a warehouse)."""
        table = inputs.metrics
        extra = {"metrics": tuple(table.metrics), "metric_dimensions": tuple(table.dimensions)} if table else {}
        extra["survey_segments"] = _survey_breakdowns(inputs)
        extra["releases"] = tuple(sorted(r.date for r in inputs.project.releases))
        extra["cohorts"] = project_cohorts(inputs.project)
        seen = inputs.event_facts()
        if seen is None:
            days = table.days.dropna() if table is not None else pd.Series([], dtype="datetime64[ns]")
            first, last = (days.min().date(), days.max().date()) if len(days) else (None, None)
            return cls(first_day=first, last_day=last, **extra)  # type: ignore[arg-type]
        return cls.of_events(seen, inputs.customers_joined, **extra)

    @classmethod
    def of_events(cls, seen: EventFacts, customers: Customers | None = None, **extra: Any) -> DataFacts:
        """The facts of events (and of the customers they join), with ``extra`` ones of the project."""
        values = _customer_breakdowns(customers)
        values.update((name, found) for name, found in seen.values if name not in values)
        properties = tuple(name for name, _ in seen.values if not (customers and customers.has(name)))
        first, last = seen.days if seen.days is not None else (None, None)
        return cls(seen.events, first, last, tuple(values), attribute_values=tuple(values.items()),
                   properties=properties, journey=seen.journey, dates_only=seen.dates_only, numbers=seen.numbers,
                   **extra)

    def event(self, rank: int = 0, *preferred: str) -> str:
        """A sensible default event: the first preferred name present, else the ``rank``-th most common."""
        for name in preferred:
            if name in self.events:
                return name
        return self.events[min(rank, len(self.events) - 1)] if self.events else ""


def project_cohorts(project: Project) -> tuple[tuple[str, str], ...]:
    return tuple((cohort.id, cohort.name) for cohort in project.cohorts)


def _survey_breakdowns(inputs: AnalysisInputs) -> tuple[str, ...]:
    """The survey's own columns with a handful of values (a plan or country asked in the survey), then the
    customer attributes its answers join to by user id."""
    combined = inputs.feedback_source
    if combined is None:
        return ()
    table, roles = combined
    taken = set(roles.values())
    own = [str(c) for c in table.columns if c not in taken and _few_values(table[c]) is not None]
    customers = inputs.customers if roles.get("user_id") else None
    joined = [] if customers is None else [str(c) for c in customers.frame.columns
                                           if customers.has(c) and c not in own and _few_values(customers.frame[c])]
    return (*own, *joined)


def _customer_breakdowns(customers: Customers | None) -> dict[str, tuple[str, ...]]:
    """Customer attributes with a handful of values, each with those values as text: what a breakdown can split
    by, and what a control variant can be (the event properties' come with :class:`EventFacts`)."""
    if customers is None:
        return {}
    found = {str(column): _few_values(customers.frame[column]) for column in customers.frame.columns
             if column != customers.user}
    return {name: values for name, values in found.items() if values is not None}


def _customers_along(customers: Customers | None, engine: str | None) -> object | None:
    """The customers as a table a warehouse's query can join (Ibis uploads it with a query that uses it; on
    PostgreSQL the query carries it in its text, :mod:`~usagelens.analytics.definitions.packed`), with
    only the attributes a breakdown can use (a handful of values each): e-mails, names and other columns of
    many values stay in the project. None without customers or such attributes, or on an ``engine`` that would
    have to write them to the warehouse."""
    from usagelens.analytics.definitions.customers import customers_table
    from usagelens.analytics.definitions.packed import table_along

    attributes = list(_customer_breakdowns(customers))
    if customers is None or not attributes or engine not in TAKES_TABLES:
        return None
    table = customers_table(customers.frame[[customers.user, *attributes]], user=customers.user)
    return table_along(table, engine in PACKS_LISTS)


@dataclass(frozen=True)
class EventFacts:
    """What the events say for the defaults, each engine's answer to the same questions."""

    events: tuple[str, ...]  # most frequent first, ties by name (the event log's code order)
    days: tuple[date, date] | None  # the first and last day of data
    values: tuple[tuple[str, tuple[str, ...]], ...]  # event properties with a handful of values, as text
    journey: tuple[str, ...]  # :func:`~usagelens.workspace.analyses.defaults.typical_journey`
    dates_only: bool
    numbers: tuple[str, ...]  # event properties holding numbers


def log_facts(log: EventLog) -> EventFacts:
    """:class:`EventFacts` of a log in memory."""
    values = ((str(name), _few_values(log.properties[name])) for name in log.properties.columns)
    return EventFacts(tuple(log.event_names), (log.start.date(), log.end.date()),
                      tuple((name, found) for name, found in values if found is not None),
                      typical_journey(LogEvents(log), log.event_names), dates_only(log),
                      numeric_properties(log.properties))


def _few_values(column: pd.Series) -> tuple[str, ...] | None:
    """The column's distinct values (missing left out) as sorted text when there are 2 to
    :data:`MAX_BREAKDOWN_VALUES` of them, else None.

    An event property of a 100M-event log is not hashed whole: a categorical's codes are only marked present,
    and any other column whose first million rows already hold too many values is ruled out there."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.array.codes
        present = np.zeros(len(column.cat.categories) + 1, dtype=bool)
        for rows in chunks(len(codes)):
            present[codes[rows] + 1] = True  # code -1 (missing) lands in slot 0
        values = column.cat.categories[present[1:]]
    else:
        if len(column) > PREFIX_ROWS and column.iloc[:PREFIX_ROWS].nunique() > MAX_BREAKDOWN_VALUES:
            return None
        values = column.dropna().unique()
    return tuple(sorted(map(str, values))) if 2 <= len(values) <= MAX_BREAKDOWN_VALUES else None


@dataclass(frozen=True)
class Param:
    """One input of an analysis; ``kind`` picks the editor the panel builds for it.

    Kinds: ``event`` (searchable picker), ``events`` (ordered list of events), ``date``, ``choice``,
    ``attribute`` (breakdown picker, "" = none), ``value_of`` (one value of the attribute chosen in the
    parameter named by ``depends_on``; ``choices_by`` lists each attribute's values), ``int``, ``float``,
    ``text`` (a line of free text, e.g. comma-separated words). A ``choice`` with ``depends_on`` applies only
    while that parameter is one of ``enabled_for``. A number
    shows its ``unit``, and ``zero_text`` instead of 0 where 0 means something else ("no time limit"); an optional
    event picker shows it for its empty choice ("Daily active users" rather than "(none)").
    Values are JSON-ready (dates as ISO text) so they can be saved in the project as they are.
    """

    name: str
    label: str
    kind: str
    default: Any = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    minimum: float = 0
    maximum: float = 1_000_000
    optional: bool = False
    help: str = ""
    depends_on: str = ""
    choices_by: tuple[tuple[str, tuple[str, ...]], ...] = ()
    enabled_for: tuple[str, ...] = ()
    unit: str = ""
    zero_text: str = ""


@dataclass
class Series:
    """One line (or one group of bars): x values (dates or category labels) and y values; a ``dashed`` line
    is drawn in the colour of the line before it (a trend's previous range beside the range itself)."""

    name: str
    x: Sequence[Any] | np.ndarray
    y: np.ndarray
    dashed: bool = False


@dataclass
class ChartData:
    """A chart to draw, independent of the toolkit.

    ``kind``: ``time`` (lines over dates, release markers, ``highlights`` marked on the first series),
    ``bars`` (categories; several series are grouped), ``curve`` (lines over categories), ``funnel``
    (one bar per step with the
    drop-off), ``heatmap`` (``matrix`` rows × columns, the value printed in each cell), ``flow`` (one
    start event and its most frequent next steps), ``sankey`` (a column of nodes per step, headed by
    ``column_labels``, joined by the bands of ``links``; ``muted`` nodes in grey) or ``odds`` (odds ratios of
    the categories on a log scale around 1; ``muted`` ones, not significant, in grey). ``percent`` formats
    values as percentages.
    """

    kind: str
    title: str
    series: list[Series] = field(default_factory=list)
    y_label: str = ""
    x_label: str = ""
    percent: bool = False
    unit: str = ""  # written after each value on bar labels and read-outs ("51 s"), when the axis is in it too
    highlights: Series | None = None
    matrix: np.ndarray | None = None
    row_labels: list[str] = field(default_factory=list)
    column_labels: list[str] = field(default_factory=list)
    intervals: tuple[np.ndarray, np.ndarray] | None = None  # error bars (low, high) for the first series
    shaded: list[tuple[date, date, str]] = field(default_factory=list)  # date spans drawn behind lines
    incomplete_last: bool = False  # the data ends inside the last period: drawn hollow, never read as a drop
    links: list[tuple[int, str, str, float]] = field(default_factory=list)  # sankey: (to column, from, to, value)
    muted: tuple[str, ...] = ()  # sankey: node labels that are not touchpoints (other paths, journeys that ended);
    # odds: the categories that are not significant

    @classmethod
    def of_columns(cls, kind: str, title: str, table: pd.DataFrame, x: str, y: str, name: str,
                   **options: Any) -> ChartData:
        """The gallery's commonest chart: one series of ``table[y]`` over ``table[x]`` (dates for ``time``
        charts, category labels otherwise)."""
        xs = table[x].to_numpy() if kind == "time" else table[x].astype(str).tolist()
        return cls(kind, title, [Series(name, xs, table[y].to_numpy(float))], **options)


@dataclass
class AnalysisResult:
    """What one run produced: the table the chart shows, the charts, and a line for the reader."""

    kind: str
    params: Params
    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    charts: list[ChartData] = field(default_factory=list)
    message: str = ""
    empty: bool = False  # nothing to draw: the charts show ``message`` instead
    n_users: int = 0
    n_events: int = 0
    cohort: str = ""  # the name of the cohort the analysis was filtered to ("" for everyone)
    # How a reader wants columns whose names do not say their unit (exports keep the raw numbers):
    # "percent" for a 0–1 fraction (a survey's share of promoters), "points" for a difference of two
    # fractions (a variant's conversion minus the control's), "score" for a score shown with one decimal down
    # its column (NPS and its interval's bounds).
    units: dict[str, str] = field(default_factory=dict)


Compute = Callable[[AnalysisInputs, Params], AnalysisResult]


@dataclass(frozen=True)
class AnalysisSpec:
    """A gallery entry: its title, a one-line purpose, the parameters (defaults from the data) and compute."""

    kind: str
    title: str
    purpose: str
    params: Callable[[DataFacts], list[Param]]
    compute: Compute
    needs: SourceKind = SourceKind.EVENTS

    def defaults(self, facts: DataFacts) -> Params:
        return {p.name: p.default for p in self.params(facts)}


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def period_param(default: str = "week", *, with_day: bool = True) -> Param:
    choices = (("day", QT_TRANSLATE_NOOP("Analysis", "Day")),) if with_day else ()
    choices += (("week", QT_TRANSLATE_NOOP("Analysis", "Week")), ("month", QT_TRANSLATE_NOOP("Analysis", "Month")))
    return Param("period", QT_TRANSLATE_NOOP("Analysis", "Period"), "choice", default, choices,
                 help=QT_TRANSLATE_NOOP("Analysis",
                                        "Count per calendar day, ISO week (Monday to Sunday) or calendar month"))


def session_gap_param() -> Param:
    """The pause that ends a session: the sessions analysis' and what the time at a touchpoint runs within."""
    return Param("gap_minutes", QT_TRANSLATE_NOOP("Analysis", "New session after (min)"), "int", 30, minimum=1,
                 maximum=1440,
                 help=QT_TRANSLATE_NOOP("Analysis",
                                        "A pause longer than this between two events of a user starts a new session"))


def range_params(facts: DataFacts) -> list[Param]:
    return [
        Param("start", QT_TRANSLATE_NOOP("Analysis", "From"), "date", iso(facts.first_day), optional=True,
              help=QT_TRANSLATE_NOOP("Analysis", "First day of data looked at (whole days, UTC)")),
        Param("end", QT_TRANSLATE_NOOP("Analysis", "To"), "date", iso(facts.last_day), optional=True,
              help=QT_TRANSLATE_NOOP("Analysis", "Last day of data looked at, included")),
    ]


COHORT_PREFIX, EVERY_COHORT = "cohort:", "cohort:*"


def cohort_choices(facts: DataFacts) -> tuple[tuple[str, str], ...]:
    """Breakdown choices of the project's cohorts: each one (members vs everyone else), and each cohort at once
    (users labelled with the cohorts they are in) when there are several; ``workspace.analyses.cohorts``
    turns them into attributes."""
    choices = tuple((COHORT_PREFIX + cohort_id, QT_TRANSLATE_NOOP("Analysis", "Cohort: {name}").format(name=name))
                    for cohort_id, name in facts.cohorts)
    return choices + (((EVERY_COHORT, QT_TRANSLATE_NOOP("Analysis", "Each cohort")),) if len(facts.cohorts) > 1 else ())


def breakdown_param(facts: DataFacts, label: str = QT_TRANSLATE_NOOP("Analysis", "Break down by")) -> Param:
    return Param("by", label, "attribute", "", tuple((a, a) for a in facts.attributes) + cohort_choices(facts),
                 optional=True,
                 help=QT_TRANSLATE_NOOP("Analysis",
                                        "Split the result by a customer attribute, an event property or a "
                                        "cohort, e.g. plan or country"))
