"""Retention cohort tables and curves (design §4), "on" and "on or after", with start/return events.

A user's cohort is the period of their first-ever start event. Return activity is reduced to distinct
(user, period) pairs — one linear pass, since rows are sorted by user then time — and every cell of the
table is then a ``bincount`` over (cohort, offset).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers, user_segments
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.periods import (
    DateLike,
    Period,
    check_period,
    day_range,
    period_of_day,
    period_start,
    user_days,
)
from usagelens.model.translatable import QT_TRANSLATE_NOOP

RetentionMode = Literal["on", "on_or_after"]
TABLE_COLUMNS = ["cohort", "cohort_size", "period_offset", "retained_users", "retention_rate"]


def _first_start_rows(log: EventLog, start_event: str | None) -> np.ndarray:
    """Each user's first start-event row (the first-ever, whole log), or -1 if they never did it."""
    if start_event is None:
        return log.user_starts[:-1].astype(np.int64)
    rows = np.flatnonzero(log.event_codes == log.event_code(start_event))
    first = np.full(log.n_users, -1, dtype=np.int64)
    users = log.user_codes[rows]
    is_first = np.ones(len(rows), dtype=bool)
    is_first[1:] = users[1:] != users[:-1]
    first[users[is_first]] = rows[is_first]
    return first


def _return_user_days(
    log: EventLog, start_rows: np.ndarray, start_event: str | None, return_event: str | None
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (user, day) pairs of return events at or after the user's start moment."""
    if start_event is None and return_event is None:
        return user_days(log)  # every event is at or after the user's first event
    keep = (
        np.ones(log.n_events, dtype=bool)
        if return_event is None
        else log.event_codes == log.event_code(return_event)
    )
    starts = start_rows[log.user_codes]
    keep &= (starts >= 0) & (log.times >= log.times[np.maximum(starts, 0)])
    users, days = log.user_codes[keep], log.days[keep]
    change = np.ones(len(days), dtype=bool)
    change[1:] = (users[1:] != users[:-1]) | (days[1:] != days[:-1])
    return users[change], days[change]


@dataclass(frozen=True)
class CohortReturns:
    """Who is in which cohort and when they came back: every cell of a cohort table counts these, and the
    people behind a cell (``workspace.people``) are read from them, so the two always agree.

    Per user: ``in_cohort`` (started in the range), ``cohort`` (index of their cohort from ``first_period``)
    and ``start_rows`` (their start row, -1 outside). ``users`` and ``offsets``: the distinct (user, periods
    since their cohort's) pairs of returns within the range, sorted by user then offset.
    """

    in_cohort: np.ndarray
    cohort: np.ndarray
    start_rows: np.ndarray
    users: np.ndarray
    offsets: np.ndarray
    first_period: int
    n_cohorts: int


def cohort_returns(
    log: EventLog,
    period: Period,
    *,
    start_event: str | None = None,
    return_event: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> CohortReturns:
    """The cohorts and returns of :func:`retention_table` (see there for the rules)."""
    period = check_period(period)
    first_day, last_day = day_range(log, start, end)
    start_rows = _first_start_rows(log, start_event)
    cohort_day = log.days[np.maximum(start_rows, 0)] if log.n_events else np.zeros(0, dtype=np.int32)
    in_cohort = (start_rows >= 0) & (cohort_day >= first_day) & (cohort_day <= last_day)
    cohort_day = np.where(in_cohort, cohort_day, first_day)
    start_rows = np.where(in_cohort, start_rows, -1)
    first_period, last_period = (int(p) for p in period_of_day(np.array([first_day, last_day]), period))
    n_cohorts = max(last_period - first_period + 1, 0)
    cohort = period_of_day(cohort_day, period) - first_period  # index of the user's cohort

    users, days = _return_user_days(log, start_rows, start_event, return_event)
    keep = (days <= last_day) & in_cohort[users]
    users, numbers = users[keep], period_of_day(days[keep], period)
    change = np.ones(len(users), dtype=bool)
    change[1:] = (users[1:] != users[:-1]) | (numbers[1:] != numbers[:-1])
    users, offsets = users[change], numbers[change] - first_period - cohort[users[change]]
    return CohortReturns(in_cohort, cohort, start_rows, users, offsets, first_period, n_cohorts)


def retention_table(
    log: EventLog,
    period: Period,
    *,
    mode: RetentionMode = "on",
    start_event: str | None = None,
    return_event: str | None = None,
    max_periods: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
    by: str | None = None,
    customers: Customers | None = None,
) -> pd.DataFrame:
    """The long-form cohort table: one row per (cohort, offset) cell that the data has reached.

    Cohorts are the periods between ``start`` and ``end`` in which users did their first-ever start
    event; returns after ``end`` are ignored, so the youngest cohorts have fewer cells. A return event
    counts only at or after the user's start moment. ``on`` counts users active in period N exactly,
    ``on_or_after`` users active in period N or later. ``by`` splits each cohort by a customer attribute
    (or an event property on the start row).

    Columns: [``segment`` (str) when ``by`` is given], ``cohort`` (datetime64 period start),
    ``cohort_size`` (int64), ``period_offset`` (int64, 0 = the cohort period), ``retained_users``
    (int64), ``retention_rate`` (float fraction).
    """
    period = check_period(period)
    if mode not in ("on", "on_or_after"):
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "retention mode must be 'on' or 'on_or_after', not {mode!r}").format(mode=mode))
    if max_periods is not None and max_periods < 0:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "max periods must be zero or more"))
    returns = cohort_returns(log, period, start_event=start_event, return_event=return_event, start=start, end=end)
    in_cohort, cohort, users, offsets = returns.in_cohort, returns.cohort, returns.users, returns.offsets
    start_rows, n_cohorts, first_period = returns.start_rows, returns.n_cohorts, returns.first_period

    if by is None:
        segment_of_user, labels = np.zeros(log.n_users, dtype=np.int64), np.array([""], dtype=object)
    else:
        segments = user_segments(log, by, anchor_rows=start_rows, customers=customers)
        segment_of_user, labels = segments.codes, segments.labels
    group_of_user = segment_of_user * n_cohorts + cohort  # (segment, cohort) cell row
    n_groups = len(labels) * n_cohorts
    width = n_cohorts if max_periods is None else min(n_cohorts, max_periods + 1)
    sizes = np.bincount(group_of_user[in_cohort], minlength=n_groups)
    if mode == "on":
        cells = group_of_user[users] * n_cohorts + offsets
    else:  # a user counts once, at their last return; cohort_table accumulates from the right
        last = np.full(log.n_users, -1, dtype=np.int64)
        last[users] = offsets  # pairs are sorted, so the last write is each user's latest period
        has = last >= 0
        cells = group_of_user[has] * n_cohorts + last[has]
    grid = np.bincount(cells, minlength=n_groups * n_cohorts).reshape(n_groups, n_cohorts)
    return cohort_table(sizes, grid, mode, width, first_period, period, None if by is None else labels)


def cohort_table(
    sizes: np.ndarray,
    grid: np.ndarray,
    mode: RetentionMode,
    width: int,
    first_period: int,
    period: Period,
    labels: np.ndarray | None = None,
) -> pd.DataFrame:
    """The long-form table from per-group sizes and ``grid[group, offset]`` returning users.

    Groups are (segment, cohort) pairs numbered segment-major over the ``grid.shape[1]`` cohorts from
    ``first_period``; in ``on_or_after`` mode ``grid`` counts each user at their last offset only. Cells
    are listed up to ``width`` offsets, for non-empty cohorts, as far as the data reaches.
    """
    n_groups, n_cohorts = grid.shape
    if mode == "on_or_after":
        grid = np.cumsum(grid[:, ::-1], axis=1)[:, ::-1]
    group, offset = np.nonzero(np.ones((n_groups, width), dtype=bool))
    cohort_index = group % max(n_cohorts, 1)
    valid = (sizes[group] > 0) & (cohort_index + offset < n_cohorts)
    group, offset, cohort_index = group[valid], offset[valid], cohort_index[valid]
    retained = grid[group, offset]
    table = pd.DataFrame(
        {
            "cohort": period_start(cohort_index + first_period, period),
            "cohort_size": sizes[group].astype(np.int64),
            "period_offset": offset.astype(np.int64),
            "retained_users": retained.astype(np.int64),
            "retention_rate": retained / np.maximum(sizes[group], 1),
        }
    )
    if labels is not None:
        table.insert(0, "segment", pd.Series(labels[group // max(n_cohorts, 1)], dtype=object))
    return table


def retention_curve(table: pd.DataFrame) -> pd.DataFrame:
    """The weighted-average row of a cohort table, which is also the retention curve.

    Each offset averages only the cohorts old enough to have reached it, weighted by cohort size
    (sum of retained ÷ sum of sizes). With a ``segment`` column there is one curve per segment.

    Columns: [``segment``], ``period_offset``, ``cohorts`` (how many cohorts contribute),
    ``cohort_size`` (their total size), ``retained_users``, ``retention_rate``.
    """
    keys = ["segment", "period_offset"] if "segment" in table.columns else ["period_offset"]
    curve = (
        table.groupby(keys, sort=True)
        .agg(
            cohorts=("cohort", "size"),
            cohort_size=("cohort_size", "sum"),
            retained_users=("retained_users", "sum"),
        )
        .reset_index()
    )
    curve["retention_rate"] = curve["retained_users"] / curve["cohort_size"].where(curve["cohort_size"] > 0)
    return curve.astype({"cohorts": "int64", "cohort_size": "int64", "retained_users": "int64"})
