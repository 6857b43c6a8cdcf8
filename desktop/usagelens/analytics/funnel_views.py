"""Three more views of one funnel (issue 16.5), as product-analytics users expect them beside the step table:

- :func:`funnel_over_time`: per period in which users entered, how many entered and how many of them reached
  the last step (within the window, so the latest periods may still be catching up);
- :func:`time_to_convert`: per step, how long users took from step 1: counts in fixed buckets and the
  percentiles p25/p50/p75/p90, not only the median;
- :func:`next_after_dropping`: for the users who reached step k but not step k + 1, what they did next after
  step k.

Each follows the users of :func:`.funnels.funnel_progress` (same order, window, exclusion and range), so its
numbers agree with the funnel table's. The shaping helpers here are shared with the Ibis definitions of
:mod:`.definitions.funnel_views`, which return the same tables from a standard view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import NS_PER_DAY, EventLog
from usagelens.analytics.funnels import FunnelOrder, check_funnel, funnel_progress
from usagelens.analytics.periods import (
    DateLike,
    DurationLike,
    Period,
    check_period,
    day_range,
    period_of_day,
    period_start,
)
from usagelens.model.translatable import QT_TRANSLATE_NOOP

# bucket column -> its upper bound in seconds (exclusive; the last has none): <1 min, 1-10 min, 10-60 min, 1-24 h,
# 1-7 d, 7 d or more. A duration of exactly 1 minute falls in "1-10 min".
BUCKETS: tuple[tuple[str, str, float], ...] = (
    ("under_1_min", "< 1 min", 60),
    ("min_1_to_10", "1–10 min", 600),
    ("min_10_to_60", "10–60 min", 3_600),
    ("hour_1_to_24", "1–24 h", 86_400),
    ("day_1_to_7", "1–7 days", 7 * 86_400),
    ("day_7_or_more", "7 days or more", np.inf),
)
BUCKET_EDGES_US = [int(upper * 1_000_000) for _, _, upper in BUCKETS[:-1]]
PERCENTILES = (25, 50, 75, 90)
NO_LATER_EVENT = QT_TRANSLATE_NOOP("Analysis", "(no later event)")  # not an event: the GUI translates it


def funnel_over_time(
    log: EventLog,
    steps: Sequence[str],
    period: Period = "week",
    *,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """Per period of entering (every period overlapping the range, zero-filled): ``period`` (its first day),
    ``entered`` (users whose entering step 1 fell in it), ``converted`` (of those, users who reached the last
    step) and ``conversion_rate`` (NaN for a period nobody entered)."""
    period = check_period(period)
    progress = funnel_progress(log, steps, order=order, window=window, exclude=exclude, exclude_after=exclude_after,
                               start=start, end=end)
    entered_days = np.floor_divide(progress.step_times[0], NS_PER_DAY)
    numbers = period_of_day(entered_days, period)
    converted = progress.reached == len(steps)
    days = day_range(log, start, end)
    return over_time_table(days, period, numbers, np.ones(len(numbers), np.int64), numbers[converted],
                           np.ones(int(converted.sum()), np.int64))


def over_time_table(days: tuple[int, int], period: Period, entered_at: np.ndarray, entered: np.ndarray,
                    converted_at: np.ndarray, converted: np.ndarray) -> pd.DataFrame:
    """The table of :func:`funnel_over_time` from counts at period numbers (several may share one)."""
    if days[0] <= days[1]:
        lo, hi = (int(p) for p in period_of_day(np.array(days), period))
    else:  # an empty range: no periods
        lo, hi = 0, -1
    width = hi - lo + 1

    def grid(at: np.ndarray, counts: np.ndarray) -> np.ndarray:
        index = np.asarray(at, np.int64) - lo
        inside = (index >= 0) & (index < width)
        return np.bincount(index[inside], weights=counts[inside], minlength=width)[:width].astype(np.int64)

    entered_grid, converted_grid = grid(entered_at, entered), grid(converted_at, converted)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(entered_grid > 0, converted_grid / np.maximum(entered_grid, 1), np.nan)
    return pd.DataFrame({"period": period_start(np.arange(lo, hi + 1), period), "entered": entered_grid,
                         "converted": converted_grid, "conversion_rate": rate})


def time_to_convert(
    log: EventLog,
    steps: Sequence[str],
    *,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """One row per step after the first: ``step``, ``event``, ``users`` (reached it), the percentiles ``p25``,
    ``p50``, ``p75``, ``p90`` of the time from step 1 (Timedelta; NaT when nobody reached it; linear between
    the two nearest users, as ``numpy.percentile``), and the users per bucket of :data:`BUCKETS`."""
    progress = funnel_progress(log, steps, order=order, window=window, exclude=exclude, exclude_after=exclude_after,
                               start=start, end=end)
    rows = []
    for j in range(1, len(steps)):
        done = progress.reached > j
        # whole microseconds, as the view holds them: both paths cut and interpolate the same numbers
        waited = np.sort((progress.step_times[j, done] - progress.step_times[0, done]) // 1000)
        buckets = np.bincount(np.searchsorted(BUCKET_EDGES_US, waited, side="right"), minlength=len(BUCKETS))
        ranks = {rank: int(waited[rank - 1]) for rank in needed_ranks(len(waited))}
        rows.append(time_row(j + 1, steps[j], len(waited), ranks, buckets))
    return time_table(rows)


def needed_ranks(n: int) -> set[int]:
    """The 1-based ranks (in ascending order of duration) whose values the percentiles of ``n`` values need."""
    ranks: set[int] = set()
    for p in PERCENTILES:
        low, rest = divmod(p * (n - 1), 100)
        ranks.update({low + 1, low + 1 + (rest > 0)} if n else set())
    return ranks


def percentile(n: int, values_at: dict[int, int], p: int) -> pd.Timedelta:
    """The ``p``-th percentile (linear interpolation) of ``n`` durations in µs from the values at the ranks
    :func:`needed_ranks` names, computed in whole integers so that every path gives the same nanoseconds."""
    if n == 0:
        return pd.NaT
    low, rest = divmod(p * (n - 1), 100)
    a = values_at[low + 1]
    b = values_at[low + 1 + (rest > 0)]
    return pd.Timedelta(a * 1000 + (b - a) * 1000 * rest // 100, "ns")


def time_row(step: int, event: str, n: int, values_at: dict[int, int], buckets: Sequence[int]) -> dict[str, object]:
    return {"step": step, "event": event, "users": n,
            **{f"p{p}": percentile(n, values_at, p) for p in PERCENTILES},
            **{name: int(count) for (name, _, _), count in zip(BUCKETS, buckets, strict=True)}}


def time_table(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The rows of :func:`time_row` as the table of :func:`time_to_convert` (its dtypes even without rows)."""
    columns: dict[str, object] = {
        "step": np.array([row["step"] for row in rows], dtype=np.int64),
        "event": pd.Series([row["event"] for row in rows], dtype=object),
        "users": np.array([row["users"] for row in rows], dtype=np.int64),
    }
    for p in PERCENTILES:  # an all-NaT column would otherwise read as datetimes
        columns[f"p{p}"] = pd.to_timedelta(pd.Series([row[f"p{p}"] for row in rows], dtype=object)).astype("m8[ns]")
    for name, _, _ in BUCKETS:
        columns[name] = np.array([row[name] for row in rows], dtype=np.int64)
    return pd.DataFrame(columns)


def check_dropped_at(steps: Sequence[str], order: str, dropped_at: int) -> None:
    """Raise unless the funnel can be asked and ``dropped_at`` is one of its steps but the last."""
    check_funnel(steps, order)
    if not 1 <= dropped_at < len(steps):
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "users drop out after one of steps 1 to {last} of this funnel, not after step {step}").format(
            last=len(steps) - 1, step=dropped_at))


def next_after_dropping(
    log: EventLog,
    steps: Sequence[str],
    dropped_at: int = 1,
    *,
    top: int | None = 10,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """What the users who reached step ``dropped_at`` but not the next did next: ``next_event``, ``users`` and
    ``share`` of those users, most common first (ties by name), the ``top`` most (None: all).

    "Next" is the user's earliest moment strictly after they reached step ``dropped_at``, at any time (the
    window bounds the funnel, not what users do after leaving it); every event at that moment counts, so with
    events at one instant the shares may add up to more than 1. Users with nothing later are the row
    :data:`NO_LATER_EVENT`, ranked as any other.
    """
    check_dropped_at(steps, order, dropped_at)
    dropped = dropped_users_next(log, steps, dropped_at, order=order, window=window, exclude=exclude,
                                 exclude_after=exclude_after, start=start, end=end)
    counts = np.bincount(dropped.next_events, minlength=len(log.event_names))
    present = np.flatnonzero(counts)
    names = [log.event_names[code] for code in present]
    without = int(len(dropped.users) - len(np.unique(dropped.owners)))
    return next_table(names, counts[present], without, len(dropped.users), top)


@dataclass(frozen=True)
class DroppedNext:
    """The users who reached a funnel step but not the next (``users``, codes), and what they did next: one
    (``owners``, ``next_events``) pair per user and distinct event at their next moment."""

    users: np.ndarray
    owners: np.ndarray
    next_events: np.ndarray


def dropped_users_next(log: EventLog, steps: Sequence[str], dropped_at: int, **options: Any) -> DroppedNext:
    """Who dropped after step ``dropped_at`` and each one's events at their first moment after reaching it
    (``options``: :func:`funnel_progress`'s), as :func:`next_after_dropping` counts them."""
    progress = funnel_progress(log, steps, **options)
    dropped = progress.reached == dropped_at
    users = progress.users[dropped].astype(np.int64)
    left_at = progress.step_times[dropped_at - 1, dropped]
    starts, ends = log.user_starts[users], log.user_starts[users + 1]
    first = _first_after(log.times, starts, ends, left_at)  # each user's first row after leaving
    later = first < ends
    first, users_later, ends = first[later], users[later], ends[later]
    last = _first_after(log.times, first, ends, log.times[np.minimum(first, max(log.n_events - 1, 0))])
    lengths = last - first  # the rows at that next moment
    rows = np.repeat(first - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
    owner = np.repeat(users_later, lengths)
    n_names = max(len(log.event_names), 1)
    pairs = np.unique(owner * n_names + log.event_codes[rows].astype(np.int64))
    return DroppedNext(users, pairs // n_names, pairs % n_names)


def _first_after(times: np.ndarray, lo: np.ndarray, hi: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Per pair, the first index in ``lo[i]:hi[i]`` whose time is later than ``after[i]`` (``hi[i]`` if none):
    a binary search within each user's rows (sorted by time), all users at once."""
    lo, hi = lo.astype(np.int64).copy(), hi.astype(np.int64).copy()
    while True:
        open_ = lo < hi
        if not open_.any():
            return lo
        mid = (lo + hi) // 2
        later = np.zeros(len(lo), dtype=bool)
        later[open_] = times[mid[open_]] > after[open_]
        hi = np.where(open_ & later, mid, hi)
        lo = np.where(open_ & ~later, mid + 1, lo)


def next_table(names: Sequence[str], counts: Sequence[int], without: int, dropped: int,
               top: int | None) -> pd.DataFrame:
    """The table of :func:`next_after_dropping` from users per next event and those with none."""
    events = [*names, *([NO_LATER_EVENT] if without else [])]
    users = np.array([*counts, *([without] if without else [])], dtype=np.int64)
    order = sorted(range(len(events)), key=lambda i: (-users[i], events[i]))[:top]
    chosen = users[order] if order else np.array([], dtype=np.int64)
    share = chosen / dropped if dropped else np.full(len(chosen), np.nan)
    return pd.DataFrame({"next_event": pd.Series([events[i] for i in order], dtype=object),
                         "users": chosen.astype(np.int64), "share": share.astype(float)})
