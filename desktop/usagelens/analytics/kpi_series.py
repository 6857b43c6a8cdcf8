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
from usagelens.analytics.funnels import funnel_progress
from usagelens.analytics.kpi import (
    KpiInputs,
    arpu_table,
    funnel_rules,
    funnel_steps,
    funnel_window,
    metric_sums,
    require_occurring,
    retention_events,
)
from usagelens.analytics.periods import (
    Period,
    check_period,
    period_of_day,
    period_start,
    user_days,
    user_periods,
)
from usagelens.analytics.surveys import csat, nps
from usagelens.model import KpiBinding

PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}


def _series(starts: np.ndarray, values: np.ndarray, name: str) -> pd.Series:
    return pd.Series(np.asarray(values, float), index=pd.DatetimeIndex(starts), name=name)


def _log(inputs: KpiInputs, what: str = "this KPI over time") -> EventLog:
    if inputs.log is None and inputs.events is not None:
        raise AnalysisError(f"{what} is not measured in a warehouse yet (its current value is)")
    if inputs.log is None or inputs.log.n_events == 0:
        raise AnalysisError("no event log with readable times")
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
    if period == unit:
        events = _events(inputs)
        start_event, return_event = retention_events(params, events)
        table = events.metrics.retention_table(events.data, check_period(unit), mode=mode, start_event=start_event,
                                               return_event=return_event)
        cells = table[table["period_offset"] == offset]
        return _series(cells["cohort"].to_numpy(), cells["retention_rate"].to_numpy(), "retention")
    log = _log(inputs, f"retention per {period} of {unit}-{offset}")
    start_event, return_event = retention_events(params, LogEvents(log))
    starts_users, starts_days = _user_days_of(log, start_event)
    users, days = _user_days_of(log, return_event)
    first = np.full(log.n_users, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, starts_users, starts_days)
    started = first < np.iinfo(np.int64).max
    width = PERIOD_DAYS[unit]
    keep = started[users]
    users, lag = users[keep], days[keep] - first[users[keep]]
    hit = lag >= offset * width if mode == "on_or_after" else (lag >= offset * width) & (lag < (offset + 1) * width)
    retained = np.zeros(log.n_users, dtype=bool)
    retained[users[hit]] = True
    last_day = int(log.days.max())
    mature = started & (first + (offset + 1) * width - 1 <= last_day)
    if not mature.any():
        raise AnalysisError(f"no cohort has reached {unit} {offset} yet")
    return _cohort_shares(first[mature], retained[mature], period, "retention")


def _user_days_of(log: EventLog, event: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (user, day) pairs with any event, or with ``event`` only."""
    if event is None:
        return user_days(log)
    rows = log.event_codes == log.event_code(event)
    pairs = np.unique(np.stack([log.user_codes[rows], log.days[rows]]), axis=1)
    return pairs[0], pairs[1]


def _cohort_shares(days: np.ndarray, hit: np.ndarray, period: Period, name: str) -> pd.Series:
    """Per period of ``days`` (each user's cohort day): the share of its users with ``hit``."""
    cohorts = period_of_day(days, period)
    lo = int(cohorts.min())
    sizes = np.bincount(cohorts - lo)
    kept = np.bincount(cohorts - lo, weights=hit.astype(float), minlength=len(sizes))
    present = sizes > 0
    starts = period_start(np.arange(lo, lo + len(sizes)), period)
    return _series(starts[present], kept[present] / sizes[present], name)


def _funnel(inputs: KpiInputs, params: dict[str, object], period: Period) -> pd.Series:
    """Per entry cohort: the share of users who entered (their first S1) in the period and reached the last
    step within the window.

    One funnel over all the data, split by entry day, keeps daily series (impact) cheap. Entrants whose
    window runs past the end of the data are left out, so the last points do not dip only because the export
    stopped. A user's entry is their first S1 ever here, while the KPI value takes the first S1 in its month:
    the two differ only for entry events users repeat.
    """
    log = _log(inputs, "conversion per day of entering")
    steps, window = funnel_steps(params), funnel_window(params)
    progress = funnel_progress(log, steps, window=window, **funnel_rules(params))  # type: ignore[arg-type]
    entered_at = log.times[progress.entry_rows]
    settled = entered_at + (0 if window is None else window.value) <= log.times.max()
    if not settled.any():
        raise AnalysisError(f"no one who did {steps[0]} has had the whole window to convert yet")
    converted = progress.reached == len(steps)
    return _cohort_shares(log.days[progress.entry_rows][settled], converted[settled], period, "funnel")


def _survey(inputs: KpiInputs, metric: str, period: Period) -> pd.Series:
    """The score of each period's answers (periods without answers are left out)."""
    if inputs.scores is None or inputs.score_times is None:
        raise AnalysisError("no dated survey answers imported")
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
    raise AnalysisError(f"'{binding.metric}' has no series over time")

