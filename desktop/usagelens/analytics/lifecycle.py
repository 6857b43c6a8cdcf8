"""Lifecycle and stickiness (design §4): who is new, returning, resurrecting or dormant, and how often
active users come back within a week or month.

Both work on the distinct (user, period) pairs of :func:`usagelens.analytics.periods.user_periods`: the
previous pair of the same user says whether they were active in the previous period.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.periods import (
    DateLike,
    Period,
    check_period,
    day_range,
    period_of_day,
    period_start,
    user_days,
    user_periods,
)


def lifecycle(log: EventLog, period: Period, *, start: DateLike = None, end: DateLike = None) -> pd.DataFrame:
    """Users per lifecycle state in each period between ``start`` and ``end``.

    *new*: first event ever in this period (the whole log is history, not only the range);
    *returning*: active in this and the previous period; *resurrecting*: active now, not in the previous
    period, not new; *dormant*: active in the previous period but not in this one, as a negative count.
    Columns: ``period`` (datetime64 start), ``new``, ``returning``, ``resurrecting``, ``dormant`` (int64),
    ``active_users`` (new + returning + resurrecting).
    """
    period = check_period(period)
    first, last = day_range(log, start, end)
    lo, hi = (int(p) for p in period_of_day(np.array([first, last]), period))
    width = max(hi - lo + 1, 0)
    states = lifecycle_states(log, period)
    numbers = states.numbers

    def per_period(flags: np.ndarray, shift: int = 0) -> np.ndarray:
        index = numbers[flags] + shift - lo
        index = index[(index >= 0) & (index < width)]
        return np.bincount(index, minlength=width).astype(np.int64)

    return lifecycle_table(
        period_start(np.arange(lo, lo + width), period),
        per_period(states.new),
        per_period(states.returning),
        per_period(states.resurrecting),
        per_period(states.goes_dormant, 1),
    )


@dataclass(frozen=True)
class LifecycleStates:
    """Each (user, period) a user was active in, sorted by user then period, with the user's state then:
    ``new``, ``returning`` or ``resurrecting`` (one of the three), and ``goes_dormant`` when they are not
    active in the next period (they count as dormant in that one)."""

    users: np.ndarray
    numbers: np.ndarray
    new: np.ndarray
    returning: np.ndarray
    resurrecting: np.ndarray
    goes_dormant: np.ndarray


def lifecycle_states(log: EventLog, period: Period) -> LifecycleStates:
    """The lifecycle state of every active (user, period) of the whole log: what :func:`lifecycle` counts and
    the people behind its cells list."""
    users, numbers = user_periods(log, period)
    same_user_before = np.zeros(len(users), dtype=bool)
    same_user_before[1:] = users[1:] == users[:-1]
    previous = np.zeros(len(users), dtype=np.int64)
    previous[1:] = numbers[:-1]
    returning = same_user_before & (previous == numbers - 1)
    same_user_after = np.zeros(len(users), dtype=bool)
    same_user_after[:-1] = users[1:] == users[:-1]
    next_number = np.zeros(len(users), dtype=np.int64)
    next_number[:-1] = numbers[1:]
    return LifecycleStates(users, numbers, ~same_user_before, returning, same_user_before & ~returning,
                           ~(same_user_after & (next_number == numbers + 1)))


def lifecycle_table(
    periods: np.ndarray, new: np.ndarray, returning: np.ndarray, resurrecting: np.ndarray, dormant: np.ndarray
) -> pd.DataFrame:
    """The lifecycle table from per-period counts (``dormant`` positive: it is negated here)."""
    return pd.DataFrame(
        {
            "period": periods,
            "new": new,
            "returning": returning,
            "resurrecting": resurrecting,
            "dormant": -dormant,
            "active_users": new + returning + resurrecting,
        }
    )


def stickiness(log: EventLog, *, start: DateLike = None, end: DateLike = None) -> pd.DataFrame:
    """DAU/MAU per calendar month: the mean daily active users over the month's days in the range ÷ MAU.

    Columns: ``month`` (datetime64 first day), ``mean_dau`` (float), ``mau`` (int64), ``stickiness``
    (fraction, NaN for a month without active users).
    """
    first, last = day_range(log, start, end)
    lo, days_in_month = month_days(first, last)
    width = len(days_in_month)
    users, active_days = user_days(log)
    inside = (active_days >= first) & (active_days <= last)
    user_day_count = np.bincount(period_of_day(active_days[inside], "month") - lo, minlength=width)[:width]
    _, month_numbers = user_periods(log, "month", first, last)
    mau = np.bincount(month_numbers - lo, minlength=width)[:width].astype(np.int64)
    return stickiness_table(lo, days_in_month, user_day_count, mau)


def month_days(first: int, last: int) -> tuple[int, np.ndarray]:
    """(number of the first month, how many days of each month lie in the day range ``[first, last]``)."""
    months = period_of_day(np.arange(first, last + 1), "month")
    lo = int(months[0]) if len(months) else 0
    return lo, np.bincount(months - lo) if len(months) else np.zeros(0, dtype=np.int64)


def stickiness_table(lo: int, days_in_month: np.ndarray, user_day_count: np.ndarray, mau: np.ndarray) -> pd.DataFrame:
    """The stickiness table from per-month counts of distinct user-days and of distinct users."""
    mean_dau = user_day_count / np.maximum(days_in_month, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(mau > 0, mean_dau / mau, np.nan)
    return pd.DataFrame(
        {
            "month": period_start(np.arange(lo, lo + len(days_in_month)), "month"),
            "mean_dau": mean_dau,
            "mau": mau,
            "stickiness": ratio,
        }
    )


def active_days_frequency(
    log: EventLog, period: Period = "week", *, start: DateLike = None, end: DateLike = None
) -> pd.DataFrame:
    """Users bucketed by the exact number of days they were active in each week (or month), plain and
    cumulative ("at least N days").

    Columns: ``period`` (datetime64 start), ``active_days`` (1..7 or 1..31), ``users`` (int64),
    ``share`` (of the period's active users), ``users_at_least`` (int64), ``share_at_least``.
    """
    period = check_period(period)
    first, last = day_range(log, start, end)
    lo, hi = (int(p) for p in period_of_day(np.array([first, last]), period))
    width = max(hi - lo + 1, 0)
    most = {"day": 1, "week": 7, "month": 31}[period]
    _, run_periods, run_lengths = active_days_per_period(log, period, first, last)
    grid = np.bincount((run_periods - lo) * most + run_lengths - 1, minlength=width * most).reshape(width, most)
    return frequency_table(period_start(np.arange(lo, lo + width), period), grid)


def active_days_per_period(log: EventLog, period: Period, first: int, last: int) -> tuple[np.ndarray, ...]:
    """``(users, periods, days)``: for each user and period they were active in, how many of its days within
    the day range ``[first, last]`` they were active on (what :func:`active_days_frequency` buckets and the
    people behind a bucket are)."""
    users, days = user_days(log)
    inside = (days >= first) & (days <= last)
    users, numbers = users[inside], period_of_day(days[inside], period)
    boundary = np.ones(len(users) + 1, dtype=bool)
    boundary[1:-1] = (users[1:] != users[:-1]) | (numbers[1:] != numbers[:-1])
    starts = np.flatnonzero(boundary)
    return users[starts[:-1]], numbers[starts[:-1]], np.diff(starts)


def frequency_table(periods: np.ndarray, grid: np.ndarray) -> pd.DataFrame:
    """The active-days frequency table from ``grid[period, n - 1]`` = users active exactly n days in it."""
    most = grid.shape[1]
    at_least = np.cumsum(grid[:, ::-1], axis=1)[:, ::-1]
    active = np.maximum(at_least[:, :1], 1)
    return pd.DataFrame(
        {
            "period": np.repeat(periods, most),
            "active_days": np.tile(np.arange(1, most + 1), len(periods)),
            "users": grid.ravel().astype(np.int64),
            "share": (grid / active).ravel(),
            "users_at_least": at_least.ravel().astype(np.int64),
            "share_at_least": (at_least / active).ravel(),
        }
    )
