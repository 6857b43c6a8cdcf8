"""What KPI series over time need beyond the gallery's metrics, as definitions (a warehouse's events).

:mod:`usagelens.analytics.kpi_series` calls these for a view, as it calls its kernels for an event log: the
adoption per period here, and (through the view's ``metrics``, as :mod:`usagelens.analytics.kpi_cohorts` for a
log) the daily cohorts of conversion per day of entering and of retention per first day. The backend returns
one row per cohort day; which users have had their whole window is decided against ``data_end`` in whole
microseconds (the funnel) or whole days (retention), as the log does. The adoption's conformance is tested in
``tests/warehouse/test_linked_source.py``, the cohorts' in ``tests/conformance``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.activity import PeriodParams, active_users_definition, shape_active_users
from usagelens.analytics.definitions.funnels import FunnelParams, Progress, _micros, _reached, params_of
from usagelens.analytics.definitions.view import (
    EPOCH,
    EVENT,
    TIME,
    USER,
    day_number,
    day_timestamp,
    facts,
    fetch,
    period_numbers,
)
from usagelens.analytics.funnels import FunnelOrder
from usagelens.analytics.kpi_cohorts import check_window, cohort_days
from usagelens.analytics.periods import DurationLike, Period
from usagelens.analytics.retention import RetentionMode


def adoption_counts(view: ir.Table, event: str, period: Period) -> pd.DataFrame:
    """Per period over the view's whole range: ``period``, ``active_users`` and ``did`` (users who did
    ``event`` in it), on one zero-filled grid."""
    params = PeriodParams(period, facts(view).days)
    active = shape_active_users(fetch(active_users_definition(view, params)), params)
    did = shape_active_users(fetch(active_users_definition(view.filter(view[EVENT] == event), params)), params)
    return active.assign(did=did["active_users"].to_numpy())


def _end_us(data_end: pd.Timestamp) -> int:
    """The data's last time as whole microseconds since 1970, as :func:`.funnels._micros` gives a row's."""
    return (pd.Timestamp(data_end) - pd.Timestamp(EPOCH)) // pd.Timedelta(microseconds=1)


def conversion_by_entry_day_definition(events: ir.Table, params: FunnelParams, end_us: int) -> ir.Table:
    """``day``, ``entered``, ``converted``: per day of entering, the users whose window ends by ``end_us``."""
    reached = Progress(events, params).reached()
    settled = reached.filter(_micros(reached[_reached(1)]) + (params.window_us or 0) <= end_us)
    last = settled[_reached(len(params.steps))]
    return settled.group_by(day=settled[_reached(1)].date()).aggregate(entered=settled.count(), converted=last.count())


def conversion_by_entry_day(
    view: ir.Table,
    steps: Sequence[str],
    *,
    data_end: pd.Timestamp,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.kpi_cohorts.conversion_by_entry_day`, over a standard view."""
    params = params_of(view, steps, order, window, exclude, None, None, exclude_after=exclude_after)
    if pd.isna(data_end):  # an empty view: nobody entered
        return cohort_days([], [], [], ("entered", "converted"))
    result = fetch(conversion_by_entry_day_definition(view, params, _end_us(data_end))).sort_values("day")
    return cohort_days(period_numbers(result["day"], "day"), result["entered"], result["converted"],
                       ("entered", "converted"))


@dataclass(frozen=True)
class FirstDayParams:
    """A retention binding measured per first day: the window (``offset``-th of ``width`` days), the mode, the
    start and return events, and the last first day whose window has ended (``newest``, a day number)."""

    width: int
    offset: int
    newest: int
    mode: RetentionMode = "on"
    start_event: str | None = None
    return_event: str | None = None


def retention_by_first_day_definition(events: ir.Table, params: FirstDayParams) -> ir.Table:
    """``day``, ``users``, ``retained``: per first day up to ``newest``, its users and those back in the window.

    The window is whole days from the first day, compared as dates plus a number of days (as lifecycle's
    previous period is), so no backend's date difference is involved; returns are each user's days first."""
    starts = events if params.start_event is None else events.filter(events[EVENT] == params.start_event)
    first = starts.group_by(USER).aggregate(started=starts[TIME].min())
    first = first.filter(first.started < day_timestamp(params.newest + 1)).select(USER, day=first.started.date())
    returns = events if params.return_event is None else events.filter(events[EVENT] == params.return_event)
    back = returns.select(uid=returns[USER], seen=returns[TIME].date()).distinct()
    lo = params.offset * params.width
    conditions = [first[USER] == back.uid, back.seen >= first.day + ibis.interval(days=lo)]
    if params.mode == "on":
        conditions.append(back.seen < first.day + ibis.interval(days=lo + params.width))
    joined = first.left_join(back, conditions)
    per_user = joined.group_by([USER, "day"]).aggregate(days_back=joined.seen.count())
    hit = (per_user.days_back > 0).ifelse(1, 0)
    return per_user.group_by("day").aggregate(users=per_user.count(), retained=hit.sum())


def retention_by_first_day(
    view: ir.Table,
    period: Period,
    offset: int,
    *,
    data_end: pd.Timestamp,
    mode: RetentionMode = "on",
    start_event: str | None = None,
    return_event: str | None = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.kpi_cohorts.retention_by_first_day`, over a standard view."""
    width = check_window(period, offset, mode)
    if start_event is not None or return_event is not None:
        facts(view, events=[start_event, return_event]).require([start_event, return_event])
    if pd.isna(data_end):  # an empty view: nobody started
        return cohort_days([], [], [], ("users", "retained"))
    newest = day_number(data_end) - (offset + 1) * width + 1
    params = FirstDayParams(width, offset, newest, mode, start_event, return_event)
    result = fetch(retention_by_first_day_definition(view, params)).sort_values("day")
    return cohort_days(period_numbers(result["day"], "day"), result["users"], result["retained"],
                       ("users", "retained"))
