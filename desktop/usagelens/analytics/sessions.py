"""Sessions (design §4): a user's events with gaps of at most the threshold (30 min by default).

Rows are sorted by user then time, so a session starts wherever the user changes or the gap to the
previous row exceeds the threshold: session numbers are one cumulative sum.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import group_medians
from usagelens.analytics.periods import (
    DateLike,
    DurationLike,
    Period,
    check_period,
    day_range,
    parse_duration,
    period_of_day,
    period_start,
)

DEFAULT_GAP = "30min"


def session_bounds(log: EventLog, gap: DurationLike = DEFAULT_GAP) -> np.ndarray:
    """CSR offsets of sessions: session ``s`` is rows ``bounds[s]:bounds[s + 1]``; cached per gap."""
    limit = parse_duration(gap)

    def build() -> np.ndarray:
        starts = np.ones(log.n_events, dtype=bool)
        starts[1:] = (log.user_codes[1:] != log.user_codes[:-1]) | (np.diff(log.times) > limit)
        return np.append(np.flatnonzero(starts), log.n_events)

    return log.cached(f"sessions:{limit}", build)


def _sessions_in_range(
    log: EventLog, gap: DurationLike, start: DateLike, end: DateLike
) -> tuple[np.ndarray, ...]:
    bounds = session_bounds(log, gap)
    first, last = bounds[:-1], bounds[1:] - 1
    lo, hi = day_range(log, start, end)
    inside = (log.days[first] >= lo) & (log.days[first] <= hi) if len(first) else np.zeros(0, dtype=bool)
    return first[inside], last[inside]


def sessions(
    log: EventLog, *, gap: DurationLike = DEFAULT_GAP, start: DateLike = None, end: DateLike = None
) -> pd.DataFrame:
    """One row per session that starts between ``start`` and ``end`` (whole days).

    Columns: ``user_id``, ``session_start`` and ``session_end`` (datetime64), ``duration`` (Timedelta,
    last − first event; 0 for a single event), ``events`` (int64).
    """
    first, last = _sessions_in_range(log, gap, start, end)
    return pd.DataFrame(
        {
            "user_id": pd.Series(log.user_ids[log.user_codes[first]], dtype=object),
            "session_start": log.times[first].astype("datetime64[ns]"),
            "session_end": log.times[last].astype("datetime64[ns]"),
            "duration": (log.times[last] - log.times[first]).astype("timedelta64[ns]"),
            "events": (last - first + 1).astype(np.int64),
        }
    )


def session_summary(
    log: EventLog,
    period: Period = "day",
    *,
    gap: DurationLike = DEFAULT_GAP,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """Sessions and time per session for each period, a session belonging to the day it starts.

    Columns: ``period`` (datetime64 start), ``sessions``, ``users`` (int64), ``sessions_per_user``,
    ``median_duration``, ``mean_duration`` (Timedelta; NaT without sessions), ``median_events`` (float).
    """
    period = check_period(period)
    first, last = _sessions_in_range(log, gap, start, end)
    lo_day, hi_day = day_range(log, start, end)
    lo, hi = (int(p) for p in period_of_day(np.array([lo_day, hi_day]), period))
    width = max(hi - lo + 1, 0)
    group = period_of_day(log.days[first], period) - lo
    duration = log.times[last] - log.times[first]
    count = np.bincount(group, minlength=width)
    users = log.user_codes[first]
    # sessions are sorted by user then time, so (user, period) repeats are adjacent
    new_pair = np.ones(len(users), dtype=bool)
    new_pair[1:] = (users[1:] != users[:-1]) | (group[1:] != group[:-1])
    distinct_users = np.bincount(group[new_pair], minlength=width)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.bincount(group, weights=duration, minlength=width) / count
        per_user = np.where(distinct_users > 0, count / distinct_users, np.nan)
    return pd.DataFrame(
        {
            "period": period_start(np.arange(lo, lo + width), period),
            "sessions": count.astype(np.int64),
            "users": distinct_users.astype(np.int64),
            "sessions_per_user": per_user,
            "median_duration": pd.to_timedelta(group_medians(group, duration, width), unit="ns"),
            "mean_duration": pd.to_timedelta(mean, unit="ns"),
            "median_events": group_medians(group, last - first + 1, width),
        }
    )
