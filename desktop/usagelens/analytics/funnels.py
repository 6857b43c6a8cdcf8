"""Funnels (design §4): users per step in sequential, strict or any order, with window and exclusion.

Every step is computed for all entered users at once. Rows are sorted by user then time and each row has
a non-decreasing key ``user * n_distinct_times + time_rank`` (see :attr:`EventLog.time_ranks`), so "the
earliest S_j row of this user at or after time t" is a ``searchsorted`` into the keys of S_j's rows. The
only Python loop is over the k steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers, user_segments
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.periods import DateLike, DurationLike, day_range, parse_duration, rows_for_days
from usagelens.model.translatable import QT_TRANSLATE_NOOP

FunnelOrder = Literal["sequential", "strict", "any"]
ORDERS: tuple[FunnelOrder, ...] = ("sequential", "strict", "any")


@dataclass(frozen=True)
class FunnelProgress:
    """How far each entered user got: the per-user truth behind every funnel table.

    ``users`` are the user codes that entered (did S1 in the range); ``entry_rows`` their entering
    row; ``reached[i]`` how many steps user i reached (1..k); ``step_times[j, i]`` when step j+1 was
    reached (meaningful where ``reached[i] > j``).
    """

    steps: tuple[str, ...]
    users: np.ndarray
    entry_rows: np.ndarray
    reached: np.ndarray
    step_times: np.ndarray

    def users_per_step(self, mask: np.ndarray | None = None) -> np.ndarray:
        reached = self.reached if mask is None else self.reached[mask]
        return np.array([(reached > j).sum() for j in range(len(self.steps))], dtype=np.int64)


class _StepSearch:
    """Binary searches over one event's rows: the first row of a user at/after (or after) a time."""

    def __init__(self, log: EventLog, code: int) -> None:
        self.log = log
        self.rows = np.flatnonzero(log.event_codes == code)

    def index_from(self, users: np.ndarray, ranks: np.ndarray) -> np.ndarray:
        """Index into ``rows`` of each user's first row whose time rank is at least ``ranks``.

        Times are passed as ranks (the rank of a row's own time is known), so no search over the
        distinct times is needed. The log's rows are in user and time order, so that row is the first of this
        event at or after the user's first row of the log at that rank: no keys of the event's rows are made
        (at 100M events, gathering their users and ranks took half a second per event).
        """
        return np.searchsorted(self.rows, _first_row_at(self.log, users, ranks), side="left")

    def rows_at(self, users: np.ndarray, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row, found) for indices into ``rows``; found means in bounds and the row belongs to the user."""
        inside = index < len(self.rows)
        rows = self.rows[np.minimum(index, max(len(self.rows) - 1, 0))] if len(self.rows) else index
        found = inside & (self.log.user_codes[rows] == users) if len(self.rows) else inside
        return rows, found


def _first_row_at(log: EventLog, users: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    """Each user's first row of the log whose time rank is at least ``ranks`` (the row after their last if none):
    one binary search among each user's own rows, for all users at once."""
    low = log.user_starts[users].astype(np.int64)
    high = log.user_starts[np.asarray(users, dtype=np.int64) + 1].astype(np.int64)
    ranks = np.asarray(ranks)
    open_ = np.flatnonzero(low < high)
    while len(open_):
        middle = (low[open_] + high[open_]) >> 1
        before = log.time_ranks[middle] < ranks[open_]
        low[open_] = np.where(before, middle + 1, low[open_])
        high[open_] = np.where(before, high[open_], middle)
        open_ = open_[low[open_] < high[open_]]
    return low


def check_funnel(steps: Sequence[str], order: str) -> None:
    """Raise for a funnel that cannot be asked: fewer than two steps or an unknown order."""
    if len(steps) < 2:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "a funnel needs at least two steps"))
    if order not in ORDERS:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "funnel order must be one of {orders}, not {order!r}").format(
            orders=", ".join(ORDERS), order=order))


def check_exclusion(steps: Sequence[str], exclude: str | None, exclude_after: int | None) -> None:
    """Raise for an exclusion between steps that cannot be asked: without an event, or not between two of the
    funnel's steps (``exclude_after`` i means between step i and step i + 1, counted from 1)."""
    if exclude_after is None:
        return
    if exclude is None:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "choose the event that drops users out between the two steps"))
    if not 1 <= exclude_after < len(steps):
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "cannot exclude between step {step} and step {next}: the funnel's steps are 1 to {last}"
        ).format(step=exclude_after, next=exclude_after + 1, last=len(steps)))


def funnel_progress(
    log: EventLog,
    steps: Sequence[str],
    *,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> FunnelProgress:
    """Follow every user who did S1 between ``start`` and ``end`` (whole days) through the steps.

    The range chooses who enters (their first S1 in it); later steps may happen after the range ends,
    bounded only by the window (reaching a step exactly W after entering counts). One event row never
    satisfies two steps. With ``exclude``, a user who does that event strictly between the moments two
    consecutive steps were reached drops out there; with ``exclude_after`` i as well, only between steps i and
    i + 1 (the event is allowed elsewhere: a "back" between browsing and the cart, not after buying).
    """
    check_funnel(steps, order)
    check_exclusion(steps, exclude, exclude_after)
    codes = [log.event_code(step) for step in steps]
    limit = parse_duration(window)
    searches = {code: _StepSearch(log, code) for code in set(codes)}
    first = searches[codes[0]]
    inside = rows_for_days(log, *day_range(log, start, end))
    candidates = first.rows if isinstance(inside, slice) else first.rows[inside[first.rows]]
    first_of = np.searchsorted(candidates, log.user_starts)  # each user's first candidate (or the next user's)
    users = np.flatnonzero(first_of[1:] > first_of[:-1]).astype(log.user_codes.dtype)
    entry_rows = candidates[first_of[users]]
    entered_at = log.times[entry_rows]
    deadline = entered_at + limit if limit is not None else None
    excluded = _StepSearch(log, log.event_code(exclude)) if exclude is not None else None

    step_times = np.zeros((len(steps), len(users)), dtype=np.int64)
    step_times[0] = entered_at
    alive = np.ones(len(users), dtype=bool)
    reached = np.ones(len(users), dtype=np.int64)
    current_row = entry_rows
    entry_rank = log.time_ranks[entry_rows].astype(np.int64)
    rank = entry_rank  # time rank of the moment the previous step was reached
    last_used = {codes[0]: first.index_from(users, entry_rank)}
    for j in range(1, len(steps)):
        code, search = codes[j], searches[codes[j]]
        if order == "strict":
            row = current_row + 1
            found = row < log.n_events
            row = np.minimum(row, max(log.n_events - 1, 0))
            found &= (log.user_codes[row] == users) & (log.event_codes[row] == code)
            time, new_rank = log.times[row], log.time_ranks[row]
        elif order == "sequential":
            index = search.index_from(users, rank)
            if code in last_used:
                index = np.maximum(index, last_used[code] + 1)
            row, found = search.rows_at(users, index)
            last_used[code] = index
            time, new_rank = log.times[row], log.time_ranks[row]
        else:  # any order: the n-th unused row of this event at or after entering, n = its repeat count
            repeats = codes[: j + 1].count(code) - 1
            index = search.index_from(users, entry_rank) + repeats
            row, found = search.rows_at(users, index)
            time = np.maximum(log.times[row], step_times[j - 1])
            new_rank = np.maximum(log.time_ranks[row], rank)
        if deadline is not None:
            found &= time <= deadline
        if excluded is not None and exclude_after in (None, j):
            hit_row, hit = excluded.rows_at(users, excluded.index_from(users, rank + 1))
            found &= ~(hit & (log.times[hit_row] < time))
        alive &= found
        reached += alive
        step_times[j] = np.where(alive, time, step_times[j - 1])
        rank = np.where(alive, new_rank, rank)
        current_row = row
    return FunnelProgress(tuple(steps), users, entry_rows, reached, step_times)


def _step_table(progress: FunnelProgress, mask: np.ndarray | None = None) -> pd.DataFrame:
    reached = progress.reached if mask is None else progress.reached[mask]
    times = progress.step_times if mask is None else progress.step_times[:, mask]
    median_previous, median_start = [pd.NaT], [pd.NaT]
    for j in range(1, len(progress.steps)):
        done = reached > j
        median_previous.append(median_delta(times[j, done] - times[j - 1, done]))
        median_start.append(median_delta(times[j, done] - times[0, done]))
    return step_table(progress.steps, progress.users_per_step(mask), median_previous, median_start)


def step_table(
    steps: Sequence[str], counts: np.ndarray, median_previous: list[pd.Timedelta], median_start: list[pd.Timedelta]
) -> pd.DataFrame:
    """The funnel table from users per step and the median times to reach each step (NaT for step 1)."""
    previous = np.concatenate([[counts[0]], counts[:-1]])
    with np.errstate(divide="ignore", invalid="ignore"):
        from_previous = np.where(previous > 0, counts / np.maximum(previous, 1), np.nan)
        from_start = np.where(counts[0] > 0, counts / max(counts[0], 1), np.nan)
    return pd.DataFrame(
        {
            "step": np.arange(1, len(steps) + 1, dtype=np.int64),
            "event": pd.Series(steps, dtype=object),
            "users": counts,
            "conversion_from_previous": from_previous,
            "conversion_from_start": from_start,
            "median_time_from_previous": pd.to_timedelta(median_previous),
            "median_time_from_start": pd.to_timedelta(median_start),
        }
    )


def median_delta(deltas: np.ndarray) -> pd.Timedelta:
    """The median of nanosecond durations, truncated to whole nanoseconds (NaT for none)."""
    return pd.Timedelta(int(np.median(deltas)), "ns") if len(deltas) else pd.NaT


def shape_reached(result: pd.DataFrame) -> pd.DataFrame:
    """The table both engines give for :func:`funnel_reached`: ``user_id`` (text), ``reached`` (int64), by user."""
    table = pd.DataFrame({"user_id": result["user_id"].to_numpy(object),
                          "reached": result["reached"].to_numpy(np.int64)})
    order = np.argsort(table["user_id"].to_numpy(str), kind="stable")
    return table.iloc[order].reset_index(drop=True)


def funnel_reached(log: EventLog, steps: Sequence[str], **options: object) -> pd.DataFrame:
    """How many steps each user who entered reached (1 to k): ``user_id``, ``reached``, by user id; ``options``
    are those of :func:`funnel_progress`. Who stopped at each step, all steps at once (a cohort's "stopped at
    step s" rule is one step of it)."""
    progress = funnel_progress(log, steps, **options)  # type: ignore[arg-type]
    return shape_reached(pd.DataFrame({"user_id": log.user_ids[progress.users], "reached": progress.reached}))


def funnel(log: EventLog, steps: Sequence[str], **options: object) -> pd.DataFrame:
    """Users per step and conversions; ``options`` are those of :func:`funnel_progress`.

    Columns: ``step`` (1-based int), ``event``, ``users`` (reached this step), ``conversion_from_previous``
    and ``conversion_from_start`` (fractions; step 1 is 1.0, NaN when nobody entered),
    ``median_time_from_previous`` and ``median_time_from_start`` (Timedelta over users who reached the
    step; NaT for step 1 or when nobody reached it).
    """
    return _step_table(funnel_progress(log, steps, **options))  # type: ignore[arg-type]


def funnel_breakdown(
    log: EventLog, steps: Sequence[str], by: str, *, customers: Customers | None = None, **options: object
) -> pd.DataFrame:
    """The funnel per segment of a customer attribute, or of an event property on the entering S1 row.

    Columns: ``segment`` (str) followed by the columns of :func:`funnel`; segments in label order with
    ``(missing)`` last.
    """
    progress = funnel_progress(log, steps, **options)  # type: ignore[arg-type]
    anchors = np.full(log.n_users, -1, dtype=np.int64)
    anchors[progress.users] = progress.entry_rows
    segments = user_segments(log, by, anchor_rows=anchors, customers=customers)
    of_entered = segments.codes[progress.users]
    tables = [_step_table(progress, of_entered == s) for s in range(segments.n)]
    return stack_segments(list(segments.labels), tables, _step_table(progress))


def stack_segments(labels: list[str], tables: list[pd.DataFrame], template: pd.DataFrame) -> pd.DataFrame:
    """Funnel tables of the segments stacked under a leading ``segment`` column; without segments, no rows
    and ``template``'s columns and dtypes."""
    if not tables:
        return template.iloc[:0].assign(segment=pd.Series(dtype=object))[["segment", *_COLUMNS]]
    stacked = [table.assign(segment=label) for label, table in zip(labels, tables, strict=True)]
    return pd.concat(stacked, ignore_index=True)[["segment", *_COLUMNS]]


_COLUMNS = [
    "step",
    "event",
    "users",
    "conversion_from_previous",
    "conversion_from_start",
    "median_time_from_previous",
    "median_time_from_start",
]
