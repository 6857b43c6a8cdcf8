"""Events kept in a warehouse, answered where they lie: the metric definitions run as the warehouse's own
queries, and only their small result tables come back (issue 15).

:func:`open_warehouse` gives the same :class:`OpenedEvents` as a file on the DuckDB path, so whoever calls
``opened.metrics.<name>(opened.data, …)`` needs no other code for a warehouse. The gallery analyses that
have definitions are computed by :func:`gallery_table` from the gallery's own defaults; the others
(the survey, revenue, a metrics export's trend) read other inputs and say so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import ibis.expr.types as ir
import pandas as pd

import usagelens.analytics.definitions as definitions
from usagelens.analytics import AnalysisError, anomalies, before_after
from usagelens.analytics.definitions.view import EPOCH, facts, fetch
from usagelens.io.errors import missing_columns_message
from usagelens.io.warehouse.connect import connect, open_query, open_table
from usagelens.io.warehouse.url import WarehouseURL
from usagelens.workspace.analyses import ANALYSES, AnalysisResult, DataFacts
from usagelens.workspace.analyses.behaviour import DATES_ONLY, date_range
from usagelens.workspace.analyses.outcomes import experiment_plan
from usagelens.workspace.analyses.spec import Params
from usagelens.workspace.engine import Columns, Engine, OpenedEvents


@dataclass(frozen=True)
class WarehouseSource:
    """Where the events are: a warehouse and either a table (or view) or a SELECT."""

    url: WarehouseURL
    table: str | None = None
    sql: str | None = None


def open_warehouse(
    source: WarehouseSource, columns: Columns, *, properties: Sequence[str] = (), tie_break: str | None = None
) -> OpenedEvents:
    """The source's events as the standard view, on the warehouse, with the definitions as the metrics.

    ``properties`` are columns a breakdown reads (kept in the view); ``tie_break`` names a column that orders
    a user's events at one instant (a sequence number): without it such events follow name order.
    :class:`WarehouseError` or :class:`AnalysisError` (a missing column, as for a file) with one sentence.
    """
    con = connect(source.url)
    if source.sql is not None:
        table = open_query(con, source.url, source.sql)
    else:
        table = open_table(con, source.url, source.table or "")
    wanted = [columns.user, columns.time, columns.event, *properties, *([tie_break] if tie_break else [])]
    problem = missing_columns_message(wanted, list(table.columns))
    if problem:
        raise AnalysisError(problem)
    view = definitions.standard_view(
        table, user=columns.user, time=columns.time, event=columns.event, properties=properties, tie_break=tie_break
    )
    return OpenedEvents(view, definitions, Engine.DUCKDB)


# --- the gallery's analyses on a standard view -----------------------------------------------------------


def _daily(view: ir.Table, params: Params) -> pd.Series:
    return definitions.daily_series(view, params.get("event") or "")


def _sessions(view: ir.Table, params: Params) -> AnalysisResult:
    if _dates_only(view):
        return AnalysisResult("sessions", params, empty=True, message=f"{DATES_ONLY}, so visits cannot be told "
                              "apart: every active day would count as one session lasting no time.")
    table = definitions.session_summary(view, params["period"], gap=f"{int(params['gap_minutes'])}min",
                                        **date_range(params))
    return AnalysisResult("sessions", params, table, empty=not table["sessions"].sum())


def _segments(view: ir.Table, params: Params) -> pd.DataFrame:
    adoption = {**date_range(params), "events": [params["event"]]}
    return definitions.compare_segments(view, lambda part: definitions.feature_adoption(part, **adoption),
                                        params["by"], counted=params.get("counted") or "first")


def _experiment(view: ir.Table, params: Params) -> pd.DataFrame:
    return definitions.experiment(view, params["by"], params["goal"], control=params.get("control") or None,
                                  **date_range(params))


# gallery kind -> (view, params) -> its table (or a whole result when it may be empty for a reason of its own),
# each the same function with the same parameters as the gallery's compute in workspace.analyses
PUSHED_DOWN: dict[str, Callable[[ir.Table, Params], pd.DataFrame | AnalysisResult]] = {
    "stickiness": lambda view, p: definitions.stickiness(view, **date_range(p)),
    "lifecycle": lambda view, p: definitions.lifecycle(view, p["period"], **date_range(p)),
    "frequency": lambda view, p: definitions.active_days_frequency(view, p["period"], **date_range(p)),
    "sessions": _sessions,
    "heatmap": lambda view, p: definitions.usage_heatmap(view, p["measure"], **date_range(p)),
    "segments": _segments,
    "experiment": _experiment,
    "anomalies": lambda view, p: anomalies(_daily(view, p), window=int(p["window"]),
                                           threshold=float(p["threshold"])),
    "experiment_plan": lambda view, p: experiment_plan(definitions, view, p),
    "before_after": lambda view, p: before_after(_daily(view, p), p["change"], days=int(p.get("days") or 0) or None),
}


# The column whose total is zero when the gallery calls the result empty (nothing in the range).
EMPTY_WITHOUT = {"stickiness": "mau", "lifecycle": "active_users", "frequency": "users", "heatmap": "value",
                 "experiment": "users"}


def _dates_only(view: ir.Table) -> bool:
    """Whether every time is at midnight (then there are no visits to tell apart), in one small query."""
    ts = view.ts
    timed = (ts.hour() + ts.minute() + ts.second() + ts.microsecond()) != 0
    row = fetch(view.aggregate(rows=view.count(), timed=timed.any()))
    return bool(row["rows"].iloc[0]) and not bool(row["timed"].iloc[0])


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
    """The gallery analysis ``kind`` on a standard view, as ``run_analysis`` gives it for a file: the
    gallery's defaults for what ``given`` leaves out; a problem the user can fix as an empty result with its
    message. ``KeyError`` for a kind without a definition (see :data:`PUSHED_DOWN`)."""
    compute = PUSHED_DOWN[kind]
    try:
        params = {**ANALYSES[kind].defaults(_facts(view, kind, given)), **given}
        outcome = compute(view, params)
    except (AnalysisError, LookupError) as error:
        text = str(error)
        return AnalysisResult(kind, given, empty=True, message=text[:1].upper() + text[1:])
    if isinstance(outcome, AnalysisResult):
        return outcome
    counted = EMPTY_WITHOUT.get(kind)
    return AnalysisResult(kind, params, outcome, empty=outcome.empty or bool(counted and not outcome[counted].sum()))
