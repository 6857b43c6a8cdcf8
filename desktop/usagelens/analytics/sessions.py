"""Sessions (design §4): a user's events with gaps of at most the threshold (30 min by default).

Rows are sorted by user then time, so a session starts wherever the user changes or the gap to the
previous row exceeds the threshold. The log is read a stretch of rows at a time, cut at a session start, so
no array the size of the log (or of its sessions) is made and each stretch's temporaries stay in the CPU cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import NS_PER_DAY, EventLog
from usagelens.analytics.kernels import CACHE_ROWS, StreamedMedians, chunks
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


@dataclass(frozen=True)
class _Stretch:
    """Consecutive rows of the log cut at session starts, and the sessions among them that start in the asked
    days, as positions in the stretch (its arrays are views of the log's, not copies)."""

    offset: int  # the stretch's first row in the log
    times: np.ndarray
    users: np.ndarray
    first: np.ndarray  # each session's first row
    after: np.ndarray  # the row after its last
    days: np.ndarray  # int64 day number it starts on


def _stretches(log: EventLog, limit: int, days: tuple[int, int] | None = None) -> Iterator[_Stretch]:
    """The log's sessions a stretch of about :data:`CACHE_ROWS` rows at a time (only those starting between
    ``days``, inclusive, when given).

    A row starts a session where the user changes or the gap to the previous row exceeds ``limit``. A stretch
    ends at the last session start it reads, so that session is read whole with the next stretch; one longer
    than the stretch doubles it until it ends.
    """
    users, times = np.asarray(log.user_codes), np.asarray(log.times)
    n, begin, size = len(times), 0, CACHE_ROWS
    while begin < n:
        stop = min(begin + size, n)
        t, u = times[begin:stop], users[begin:stop]
        starts = np.empty(len(t) + 1, dtype=bool)  # the last flag: the log's end closes its last session
        starts[0], starts[-1] = True, stop == n
        _mark_starts(t, u, limit, starts[1:-1])
        bounds = np.flatnonzero(starts)
        if len(bounds) == 1:  # one session, still going at the stretch's end
            size *= 2
            continue
        first, after = bounds[:-1], bounds[1:]
        start_days = t[first] // NS_PER_DAY
        if days is not None and not (days[0] <= start_days.min() and start_days.max() <= days[1]):
            inside = (start_days >= days[0]) & (start_days <= days[1])
            first, after, start_days = first[inside], after[inside], start_days[inside]
        yield _Stretch(begin, t, u, first, after, start_days)
        begin, size = begin + int(bounds[-1]), CACHE_ROWS


def _mark_starts(times: np.ndarray, users: np.ndarray, limit: int, out: np.ndarray) -> None:
    """``out[i]``: whether row ``i + 1`` of ``times`` and ``users`` starts a session (the user changes or the
    gap to the row before exceeds ``limit``)."""
    np.greater(times[1:] - times[:-1], limit, out=out)
    out |= users[1:] != users[:-1]


def session_ends(log: EventLog, gap: DurationLike = DEFAULT_GAP, rows: slice | None = None) -> np.ndarray:
    """Whether each row (of ``rows``, a step-1 slice; every row by default) is the last of its session (the next
    row starts one, or there is none): one flag a row, for a pass over the rows that needs no more (touchpoint
    times, a chunk at a time), where the bounds are 8 bytes a session."""
    limit = int(parse_duration(gap))  # type: ignore[arg-type]
    users, times = np.asarray(log.user_codes), np.asarray(log.times)
    begin, stop, _ = (rows or slice(None)).indices(log.n_events)
    ends = np.ones(max(stop - begin, 0), dtype=bool)
    for part in chunks(len(ends), CACHE_ROWS):  # each row's flag compares it with the next, which may lie past stop
        around = slice(begin + part.start, min(begin + part.stop + 1, log.n_events))
        _mark_starts(times[around], users[around], limit, ends[part.start:part.start + around.stop - around.start - 1])
    return ends


def session_bounds(log: EventLog, gap: DurationLike = DEFAULT_GAP) -> np.ndarray:
    """CSR offsets of sessions: session ``s`` is rows ``bounds[s]:bounds[s + 1]``; cached per gap. One flag
    per row and one ``flatnonzero``: the stretches' pieces joined took twice as long."""

    def build() -> np.ndarray:
        starts = np.ones(log.n_events + 1, dtype=bool)  # the last flag marks the end of the last session
        starts[1:] = session_ends(log, gap)
        return np.flatnonzero(starts)

    return log.cached(f"sessions:{parse_duration(gap)}", build)


@dataclass(frozen=True)
class SessionChunk:
    """Consecutive sessions (user-then-time order) that start in the asked days, as aligned arrays."""

    first_rows: np.ndarray  # the session's first row in the log
    start_days: np.ndarray  # int64 day number it starts on
    durations: np.ndarray  # int64 ns: last event's time − first event's
    events: np.ndarray  # rows in the session
    users: np.ndarray  # the user's code


def session_chunks(log: EventLog, gap: DurationLike, start: DateLike, end: DateLike) -> Iterator[SessionChunk]:
    """The sessions starting between ``start`` and ``end``, a stretch at a time: at 100M events the arrays
    of every session at once were 1.5 GB."""
    limit = int(parse_duration(gap))  # type: ignore[arg-type]
    for part in _stretches(log, limit, day_range(log, start, end)):
        yield SessionChunk(part.offset + part.first, part.days, part.times[part.after - 1] - part.times[part.first],
                           part.after - part.first, part.users[part.first])


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
    limit = int(parse_duration(gap))  # type: ignore[arg-type]
    lo_day, hi_day = day_range(log, start, end)
    lo, hi = (int(p) for p in period_of_day(np.array([lo_day, hi_day]), period))
    width = max(hi - lo + 1, 0)
    group_of_day = period_of_day(np.arange(lo_day, hi_day + 1), period) - lo
    count, distinct_users = np.zeros(width, dtype=np.int64), np.zeros(width, dtype=np.int64)
    longer, total = np.zeros(width, dtype=np.int64), np.zeros(width)
    durations, events = StreamedMedians(width), StreamedMedians(width)
    previous = (-1, -1)  # the last (user, period) of the stretch before: a user's sessions may span two
    for part in _stretches(log, limit, (lo_day, hi_day)):
        if not len(part.first):
            continue
        group = group_of_day[part.days - lo_day]
        count += np.bincount(group, minlength=width)
        # sessions are sorted by user then time, so (user, period) repeats are adjacent
        users = part.users[part.first]
        new_pair = np.empty(len(group), dtype=bool)
        new_pair[0] = (users[0], group[0]) != previous
        np.not_equal(users[1:], users[:-1], out=new_pair[1:])
        new_pair[1:] |= group[1:] != group[:-1]
        distinct_users += np.bincount(group[new_pair], minlength=width)
        previous = (users[-1], group[-1])
        # Most sessions are one event long, lasting no time: they are counted per period below, not one by one.
        size = part.after - part.first
        several = np.flatnonzero(size > 1)  # positions, not a mask: a take of a few is cheaper than a mask's pass
        group, size, lasted = group[several], size[several], _durations(part, several)
        longer += np.bincount(group, minlength=width)
        total += np.bincount(group, weights=lasted, minlength=width)
        durations.count(group, lasted)
        events.count(group, size)
    durations.count_value(count - longer, 0)
    events.count_value(count - longer, 1)
    if durations.needs_values():  # a median duration beyond the exact bins: a second pass keeps its bin's values
        for part in _stretches(log, limit, (lo_day, hi_day)):
            several = np.flatnonzero(part.after - part.first > 1)
            durations.collect(group_of_day[part.days[several] - lo_day], _durations(part, several))
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


def _durations(part: _Stretch, chosen: np.ndarray) -> np.ndarray:
    """The durations in ns of the sessions at positions ``chosen``: last event's time − first event's."""
    return part.times[part.after[chosen] - 1] - part.times[part.first[chosen]]
