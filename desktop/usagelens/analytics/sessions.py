"""Sessions (design §4): a user's events with gaps of at most the threshold (30 min by default).

Rows are sorted by user then time, so a session starts wherever the user changes or the gap to the
previous row exceeds the threshold: session numbers are one cumulative sum.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import StreamedMedians, chunks
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
        starts = np.ones(log.n_events + 1, dtype=bool)  # the last flag marks the end of the last session
        for rows in chunks(max(log.n_events - 1, 0)):  # chunked: the whole log's time gaps would be 8 bytes/event
            here, after = slice(rows.start, rows.stop), slice(rows.start + 1, rows.stop + 1)
            starts[after] = (log.user_codes[after] != log.user_codes[here]) | (
                log.times[after] - log.times[here] > limit
            )
        return np.flatnonzero(starts)

    return log.cached(f"sessions:{limit}", build)


@dataclass(frozen=True)
class SessionChunk:
    """Consecutive sessions (user-then-time order) that start in the asked days, as aligned arrays."""

    first_rows: np.ndarray  # the session's first row in the log
    start_days: np.ndarray  # int32 day number it starts on
    durations: np.ndarray  # int64 ns: last event's time − first event's
    events: np.ndarray  # rows in the session
    users: np.ndarray  # the user's code


def session_chunks(log: EventLog, gap: DurationLike, start: DateLike, end: DateLike) -> Iterator[SessionChunk]:
    """The sessions starting between ``start`` and ``end``, a few million at a time: at 100M events the
    arrays of every session at once were 1.5 GB (and most of a sessions chart's time was spent making them)."""
    bounds = session_bounds(log, gap)
    lo, hi = day_range(log, start, end)
    for part in chunks(len(bounds) - 1):
        first, after = bounds[part], bounds[part.start + 1 : part.stop + 1]
        days = log.days[first]
        inside = (days >= lo) & (days <= hi)
        if not inside.all():
            first, after, days = first[inside], after[inside], days[inside]
        yield SessionChunk(first, days, log.times[after - 1] - log.times[first], after - first, log.user_codes[first])


def sessions(
    log: EventLog, *, gap: DurationLike = DEFAULT_GAP, start: DateLike = None, end: DateLike = None
) -> pd.DataFrame:
    """One row per session that starts between ``start`` and ``end`` (whole days).

    Columns: ``user_id``, ``session_start`` and ``session_end`` (datetime64), ``duration`` (Timedelta,
    last − first event; 0 for a single event), ``events`` (int64).
    """
    parts = list(session_chunks(log, gap, start, end))
    first = np.concatenate([p.first_rows for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    started = log.times[first]
    durations = np.concatenate([p.durations for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    return pd.DataFrame(
        {
            "user_id": pd.Series(log.user_ids[log.user_codes[first]], dtype=object),
            "session_start": started.astype("datetime64[ns]"),
            "session_end": (started + durations).astype("datetime64[ns]"),
            "duration": durations.astype("timedelta64[ns]"),
            "events": np.concatenate([p.events for p in parts]).astype(np.int64) if parts else first,
        }
    )


def session_user_mask(log: EventLog, gap: DurationLike = DEFAULT_GAP, start: DateLike = None,
                      end: DateLike = None) -> np.ndarray:
    """``mask[user code]``: whether the user has a session starting between ``start`` and ``end`` (whole days):
    the users a period of :func:`session_summary` counts, when the range is that period's days."""
    mask = np.zeros(log.n_users, dtype=bool)
    for part in session_chunks(log, gap, start, end):
        mask[part.users] = True
    return mask


def session_users(log: EventLog, *, gap: DurationLike = DEFAULT_GAP, start: DateLike = None,
                  end: DateLike = None) -> pd.DataFrame:
    """The ids of :func:`session_user_mask`'s users, sorted: one column ``user_id`` (text). The table both
    executors agree on."""
    return pd.DataFrame({"user_id": pd.Series(log.user_ids[session_user_mask(log, gap, start, end)], dtype=object)})


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
    lo_day, hi_day = day_range(log, start, end)
    lo, hi = (int(p) for p in period_of_day(np.array([lo_day, hi_day]), period))
    width = max(hi - lo + 1, 0)
    count, distinct_users = np.zeros(width, dtype=np.int64), np.zeros(width, dtype=np.int64)
    total = np.zeros(width)
    durations, events = StreamedMedians(width), StreamedMedians(width)
    previous = (-1, -1)  # the last (user, period) of the chunk before: a user's sessions may span two chunks
    for part in session_chunks(log, gap, start, end):
        if not len(part.users):
            continue
        group = period_of_day(part.start_days, period) - lo
        count += np.bincount(group, minlength=width)
        total += np.bincount(group, weights=part.durations, minlength=width)
        # sessions are sorted by user then time, so (user, period) repeats are adjacent
        new_pair = np.empty(len(group), dtype=bool)
        new_pair[0] = (part.users[0], group[0]) != previous
        new_pair[1:] = (part.users[1:] != part.users[:-1]) | (group[1:] != group[:-1])
        distinct_users += np.bincount(group[new_pair], minlength=width)
        previous = (part.users[-1], group[-1])
        durations.count(group, part.durations)
        events.count(group, part.events)
    if durations.needs_values():  # a median duration beyond the exact bins: a second pass keeps its bin's values
        for part in session_chunks(log, gap, start, end):
            durations.collect(period_of_day(part.start_days, period) - lo, part.durations)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = total / count
        per_user = np.where(distinct_users > 0, count / distinct_users, np.nan)
    return pd.DataFrame(
        {
            "period": period_start(np.arange(lo, lo + width), period),
            "sessions": count,
            "users": distinct_users,
            "sessions_per_user": per_user,
            "median_duration": pd.to_timedelta(durations.medians(), unit="ns"),
            "mean_duration": pd.to_timedelta(mean, unit="ns"),
            "median_events": events.medians(),
        }
    )
