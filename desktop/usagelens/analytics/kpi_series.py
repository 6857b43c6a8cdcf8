"""A bound KPI as a series over time: daily for measuring the impact of a change, weekly for trend lines.

``evaluate_kpi`` answers "what is the KPI now"; this module answers "how did it move", on the same metric
definitions (design §4), so the sparkline of step 8, the impact of step 7 and the report's charts agree with
the KPI values they sit next to.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.engine_events import Events, LogEvents
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.event_trends import trend_values
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kpi import (
    KpiInputs,
    arpu_table,
    funnel_rules,
    funnel_steps,
    funnel_window,
    metric_sums,
    period_word,
    require_occurring,
    retention_events,
)
from usagelens.analytics.periods import (
    Period,
    check_period,
    period_of_day,
    period_start,
    user_periods,
)
from usagelens.analytics.surveys import csat, nps
from usagelens.model import KpiBinding
from usagelens.model.translatable import QT_TRANSLATE_NOOP


def _series(starts: np.ndarray, values: np.ndarray, name: str) -> pd.Series:
    return pd.Series(np.asarray(values, float), index=pd.DatetimeIndex(starts), name=name)


def _log(inputs: KpiInputs) -> EventLog:
    if inputs.log is None or inputs.log.n_events == 0:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no event log with readable times"))
    return inputs.log


def _events(inputs: KpiInputs) -> Events:
    """The events on either engine, for the series written once (a warehouse's view, else the log)."""
    return inputs.events if inputs.events is not None and inputs.log is None else LogEvents(_log(inputs))


def _active_users(inputs: KpiInputs, params: dict[str, object], period: Period) -> pd.Series:
    events = _events(inputs)
    table = events.metrics.active_users(events.data, period)
    return _series(table["period"].to_numpy(), table["active_users"].to_numpy(), "active_users")


def _adoption(inputs: KpiInputs, params: dict[str, object], period: Period) -> pd.Series:
    """Per period: users who did the event ÷ users active in that period."""
    event = str(params.get("event", ""))
    if inputs.log is None and inputs.events is not None:
        return _adoption_in_warehouse(inputs.events, event, period)
    log = _log(inputs)
    code = log.event_code(event)
    _, numbers = user_periods(log, period)
    lo = int(numbers.min())
    active = np.bincount(numbers - lo)
    rows = log.event_codes == code
    pairs = np.unique(np.stack([period_of_day(log.days[rows], period), log.user_codes[rows]]), axis=1)
    did = np.bincount(pairs[0] - lo, minlength=len(active))[: len(active)]
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = np.where(active > 0, did / np.maximum(active, 1), np.nan)
    return _series(period_start(np.arange(lo, lo + len(active)), period), rates, "adoption")


def _adoption_in_warehouse(events: Events, event: str, period: Period) -> pd.Series:
    from usagelens.analytics.definitions.kpi import adoption_counts  # Ibis loads only for a warehouse

    require_occurring(events, [event])
    with events.fetching():  # type: ignore[attr-defined]  # its queries answered as the view's: kept results
        table = adoption_counts(events.data, event, period)  # type: ignore[arg-type]
    active, did = table["active_users"].to_numpy(float), table["did"].to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = np.where(active > 0, did / np.maximum(active, 1), np.nan)
    return _series(table["period"].to_numpy(), rates, "adoption")


def _retention(inputs: KpiInputs, params: dict[str, object], period: Period) -> pd.Series:
    """Per cohort: the share retained at the binding's offset.

    Cohorts of the binding's own period come straight from the cohort table (on either engine); daily
    cohorts (for impact) count a user as retained when active in the N-th window of the binding's length after
    their first day.
    """
    unit = str(params.get("period", "week"))
    offset = int(params.get("offset", 4))  # type: ignore[call-overload]
    mode = str(params.get("mode", "on"))
    events = _events(inputs)
    start_event, return_event = retention_events(params, events)
    if period == unit:
        table = events.metrics.retention_table(events.data, check_period(unit), mode=mode, start_event=start_event,
                                               return_event=return_event)
        cells = table[table["period_offset"] == offset]
        return _series(cells["cohort"].to_numpy(), cells["retention_rate"].to_numpy(), "retention")
    table = events.metrics.retention_by_first_day(events.data, check_period(unit), offset, data_end=_data_end(events),
                                                  mode=mode, start_event=start_event, return_event=return_event)
    if table.empty:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "no cohort has reached {unit} {offset} yet").format(unit=period_word(unit), offset=offset))
    return _cohort_shares(table, "users", "retained", period, "retention")


def _data_end(events: Events) -> pd.Timestamp:
    """The time of the last event, against which a cohort's window is complete; an error for no events."""
    end = events.end()
    if pd.isna(end):
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no event log with readable times"))
    return end


def _cohort_shares(table: pd.DataFrame, size: str, hits: str, period: Period, name: str) -> pd.Series:
    """Per period of the table's cohort ``day``s: the share of its users (column ``size``) who are ``hits``;
    periods without a cohort day are left out."""
    days = table["day"].to_numpy("datetime64[D]").astype(np.int64)
    cohorts = period_of_day(days, period)
    present, index = np.unique(cohorts, return_inverse=True)
    sizes = np.bincount(index, weights=table[size].to_numpy(float), minlength=len(present))
    kept = np.bincount(index, weights=table[hits].to_numpy(float), minlength=len(present))
    return _series(period_start(present, period), kept / sizes, name)


def _funnel(inputs: KpiInputs, params: dict[str, object], period: Period) -> pd.Series:
    """Per entry cohort: the share of users who entered (their first S1) in the period and reached the last
    step within the window.

    Entrants whose window runs past the end of the data are left out, so the last points do not dip only
    because the export stopped (:func:`~usagelens.analytics.kpi_cohorts.conversion_by_entry_day`).
    """
    events = _events(inputs)
    steps = funnel_steps(params)
    table = events.metrics.conversion_by_entry_day(events.data, steps, data_end=_data_end(events),
                                                   window=funnel_window(params), **funnel_rules(params))
    if table.empty:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "no one who did {event} has had the whole window to convert yet").format(event=steps[0]))
    return _cohort_shares(table, "entered", "converted", period, "funnel")


def _survey(inputs: KpiInputs, metric: str, period: Period) -> pd.Series:
    """The score of each period's answers (periods without answers are left out)."""
    if inputs.scores is None or inputs.score_times is None:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no dated survey answers imported"))
    times = pd.to_datetime(inputs.score_times)
    keep = times.notna().to_numpy() & inputs.scores.notna().to_numpy()
    days = times[keep].to_numpy("datetime64[D]").astype(np.int64)
    numbers = period_of_day(days, period)
    scores = inputs.scores[keep].reset_index(drop=True)
    score = nps if metric == "nps" else csat
    values = {n: float(score(scores[numbers == n])["value"].iloc[0]) for n in np.unique(numbers)}
    return _series(period_start(np.array(list(values), dtype=np.int64), period), np.array(list(values.values())),
                   metric)


def kpi_series(binding: KpiBinding, inputs: KpiInputs, period: Period) -> pd.Series:
    """The bound KPI per ``period`` (index: period start, values in the KPI's unit).

    Raises :class:`AnalysisError` when the metric has no series or the data cannot give one.
    """
    period = check_period(period)
    params = dict(binding.params)
    if binding.metric == "active_users":
        return _active_users(inputs, params, period)
    if binding.metric == "adoption":
        return _adoption(inputs, params, period)
    if binding.metric == "retention":
        return _retention(inputs, params, period)
    if binding.metric == "funnel":
        return _funnel(inputs, params, period)
    if binding.metric in ("nps", "csat"):
        return _survey(inputs, binding.metric, period)
    if binding.metric == "metric":
        table, _ = metric_sums(inputs, {**params, "period": period})
        return _series(table["period"].to_numpy(), table["value"].to_numpy(), "metric")
    if binding.metric == "arpu":
        table, _ = arpu_table(inputs, period)
        return _series(table["period"].to_numpy(), table["arpu"].to_numpy(), "arpu")
    if binding.metric == "trend":
        events = _events(inputs)
        return trend_values(events.metrics, events.data, period, params)[0].rename("trend")
    raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "'{metric}' has no series over time").format(
        metric=binding.metric))

