"""Events kept in a warehouse, answered where they lie: the metric definitions run as the warehouse's own
queries, and only their small result tables come back (issue 15).

:func:`open_warehouse` gives the same :class:`OpenedEvents` as a file on the DuckDB path, so whoever calls
``opened.metrics.<name>(opened.data, …)`` needs no other code for a warehouse. The gallery's analyses of
events run on the view through :class:`ViewEvents` (:func:`gallery_table`): the very computes the app runs
on an event log, charts and messages included; the others (the survey, revenue, a metrics export's trend)
read other inputs and say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import ModuleType

import ibis.expr.types as ir
import pandas as pd

import usagelens.analytics.definitions as definitions
from usagelens.analytics import AnalysisError
from usagelens.analytics.definitions.view import EPOCH, facts, fetch
from usagelens.io.errors import missing_columns_message
from usagelens.io.warehouse.connect import connect, open_query, open_table
from usagelens.io.warehouse.presets import PRESETS
from usagelens.io.warehouse.url import WarehouseURL
from usagelens.model import Project, SavedAnalysis, SourceKind
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, AnalysisResult, DataFacts, rerun
from usagelens.workspace.analyses.spec import Params
from usagelens.workspace.engine import Columns, Engine, OpenedEvents


@dataclass(frozen=True)
class WarehouseSource:
    """Where the events are: a warehouse and either a table (or view) or a SELECT, read through a preset for a
    well-known schema (a name of :data:`PRESETS`) or as it is."""

    url: WarehouseURL
    table: str | None = None
    sql: str | None = None
    preset: str | None = None

    @property
    def described(self) -> str:
        """The source as a cache key and in messages: the address and its (never secret) parameters, the table
        or SELECT, the preset."""
        parameters = "&".join(f"{name}={value}" for name, value in sorted(self.url.parameters.items()))
        what = f"table {self.table}" if self.sql is None else f"query {self.sql}"
        through = f" via preset {self.preset}" if self.preset else ""
        return f"{self.url.display}{'?' + parameters if parameters else ''} {what}{through}"


def open_warehouse(
    source: WarehouseSource, columns: Columns, *, properties: Sequence[str] = (), tie_break: str | None = None
) -> OpenedEvents:
    """The source's events as the standard view, on the warehouse, with the definitions as the metrics.

    ``properties`` are columns a breakdown reads (kept in the view; with a preset, the names it reaches, each
    kept as the column :func:`~usagelens.io.warehouse.presets.column_name` says); ``tie_break`` names a column
    that orders a user's events at one instant (a sequence number): without it such events follow name order.
    :class:`WarehouseError` or :class:`AnalysisError` (a missing column, as for a file) with one sentence.
    """
    con = connect(source.url)
    if source.sql is not None:
        table = open_query(con, source.url, source.sql)
    else:
        table = open_table(con, source.url, source.table or "")
    if source.preset is not None:
        mapped = PRESETS[source.preset].apply(table, properties, con.name)
        table, properties = mapped.table, [mapped.properties[name] for name in properties]
    wanted = [columns.user, columns.time, columns.event, *properties, *([tie_break] if tie_break else [])]
    problem = missing_columns_message(wanted, list(table.columns))
    if problem:
        raise AnalysisError(problem)
    view = definitions.standard_view(
        table, user=columns.user, time=columns.time, event=columns.event, properties=properties, tie_break=tie_break
    )
    return OpenedEvents(view, definitions, Engine.DUCKDB)


# --- the gallery's analyses on a standard view -----------------------------------------------------------


class ViewEvents:
    """A standard view answered by the Ibis definitions where it lies (:mod:`usagelens.workspace.analyses.
    events`): the gallery's computes run on it unchanged, and only small result tables come back."""

    def __init__(self, view: ir.Table, customers: ir.Table | None = None) -> None:
        self.view, self.customers = view, customers
        self._end: pd.Timestamp | None = None
        self._dates_only: bool | None = None

    @property
    def metrics(self) -> ModuleType:
        return definitions

    @property
    def data(self) -> ir.Table:
        return self.view

    def end(self) -> pd.Timestamp:
        if self._end is None:
            last = fetch(self.view.aggregate(last=self.view.ts.max()))["last"].iloc[0]
            self._end = pd.NaT if pd.isna(last) else pd.Timestamp(last).tz_localize(None)
        return self._end

    def dates_only(self) -> bool:
        """Whether every time is at midnight (then there are no visits to tell apart), in one small query."""
        if self._dates_only is None:
            ts = self.view.ts
            timed = (ts.hour() + ts.minute() + ts.second() + ts.microsecond()) != 0
            row = fetch(self.view.aggregate(rows=self.view.count(), timed=timed.any()))
            self._dates_only = bool(row["rows"].iloc[0]) and not bool(row["timed"].iloc[0])
        return self._dates_only

    def require_event(self, name: str) -> None:
        if name not in facts(self.view, events=[name]).present:
            raise AnalysisError(f"event {name!r} does not occur in the data")


# The gallery analyses that read nothing but events, so that a view answers them all.
ON_VIEWS = frozenset(kind for kind, spec in ANALYSES.items() if spec.needs is SourceKind.EVENTS)


def _facts(view: ir.Table, kind: str, params: Params) -> DataFacts:
    """What the gallery's defaults need: only a before/after without a change date needs the data's days
    (its default is their middle); the others' defaults are the whole range and the CLI's required options."""
    if kind != "before_after" or params.get("change"):
        return DataFacts()
    first, last = facts(view).days
    if last < first:
        return DataFacts()
    return DataFacts(first_day=_day(first), last_day=_day(last))


def _day(number: int) -> date:
    return (EPOCH + timedelta(days=number)).date()


def gallery_table(kind: str, view: ir.Table, given: Params) -> AnalysisResult:
    """The gallery analysis ``kind`` on a standard view: the gallery's own compute with the gallery's
    defaults for what ``given`` leaves out, as ``rerun`` gives it for a file; a problem the user can fix is an
    empty result with its message. ``KeyError`` for a kind that reads more than events (see :data:`ON_VIEWS`)."""
    if kind not in ON_VIEWS:
        raise KeyError(kind)
    inputs = AnalysisInputs(Project(name="warehouse"), events=ViewEvents(view), facts=_facts(view, kind, given))
    return rerun(inputs, SavedAnalysis(ANALYSES[kind].title, kind, given))
