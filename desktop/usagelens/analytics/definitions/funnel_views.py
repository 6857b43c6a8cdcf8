"""The funnel's other views (:mod:`usagelens.analytics.funnel_views`) as Ibis definitions: conversion per
period of entering, the time-to-convert distribution, and what users did next after dropping out.

Each starts from the funnel's own table of when every entered user reached each step
(:class:`.funnels.Progress`), so it counts the same users as the step table. Portability as everywhere:
the backend returns days of entering, and the client rolls them into weeks or months and fills the grid;
distinct counts are group-bys (a user is one row of that table); percentiles are exact on every backend because
the definition returns only the one or two durations each needs, picked by rank with integer comparisons, and
the client interpolates them; "next" after dropping out is the earliest later *time*, never a row order, so
events at that instant all count.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.funnels import Progress, _reached, params_of
from usagelens.analytics.definitions.view import EVENT, TIME, USER, fetch, percentile_ranks, period_numbers
from usagelens.analytics.funnel_views import (
    BUCKET_EDGES_US,
    BUCKETS,
    PERCENTILES,
    check_dropped_at,
    next_table,
    over_time_table,
    time_row,
    time_table,
)
from usagelens.analytics.funnels import FunnelOrder
from usagelens.analytics.periods import DateLike, DurationLike, Period, check_period


def funnel_over_time(
    view: ir.Table,
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
    """As :func:`usagelens.analytics.funnel_over_time`, over a standard view."""
    period = check_period(period)
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    reached = Progress(view, params).reached()
    last = reached[_reached(len(steps))]
    # per day of entering: the client rolls days into weeks or months, no backend's week rules involved
    per = reached.group_by(day=reached[_reached(1)].date()).aggregate(entered=reached.count(), converted=last.count())
    result = fetch(per)
    numbers = period_numbers(result["day"], period)
    return over_time_table(params.days, period, numbers, result["entered"].to_numpy(np.int64), numbers,
                           result["converted"].to_numpy(np.int64))


def _waits(reached: ir.Table, steps: int) -> ir.Table:
    """``step``, ``waited`` (µs from step 1), one row per user and step after the first they reached."""
    parts = [
        reached.select(step=ibis.literal(j, "int64"),
                       waited=reached[_reached(j)].delta(reached[_reached(1)], unit="microsecond").cast("int64"))
        for j in range(2, steps + 1)
    ]
    long = ibis.union(*parts)  # filtered after the union, as the funnel's summary does (one copy of the joins)
    return long.filter(long.waited.notnull())


def time_to_convert_definition(reached: ir.Table, steps: int) -> ir.Table:
    """``step``, ``kind``, ``position``, ``value``: per step, the users of each bucket (kind "bucket",
    position = bucket index, value = users) and the durations at the ranks percentiles need (kind "rank",
    position = 1-based rank, value = µs)."""
    waits = _waits(reached, steps)
    bucket = ibis.cases(*((waits.waited < edge, i) for i, edge in enumerate(BUCKET_EDGES_US)),
                        else_=len(BUCKET_EDGES_US))
    binned = waits.mutate(bucket=bucket.cast("int64"))
    buckets = binned.group_by(["step", "bucket"]).aggregate(users=binned.count())
    picked = percentile_ranks(waits, "step", "waited", PERCENTILES)
    return ibis.union(
        buckets.select("step", kind=ibis.literal("bucket"), position=buckets.bucket, value=buckets.users.cast("int64")),
        picked.select("step", kind=ibis.literal("rank"), position=picked.position, value=picked.value),
    )


def time_to_convert(
    view: ir.Table,
    steps: Sequence[str],
    *,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.time_to_convert`, over a standard view."""
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    result = fetch(time_to_convert_definition(Progress(view, params).reached(), len(steps)))
    rows = []
    for j in range(2, len(steps) + 1):
        mine = result[result["step"] == j]
        binned = mine[mine["kind"] == "bucket"]
        buckets = np.zeros(len(BUCKETS), dtype=np.int64)
        buckets[binned["position"].to_numpy(np.int64)] = binned["value"].to_numpy(np.int64)
        ranks = mine[mine["kind"] == "rank"]
        values = dict(zip(ranks["position"].astype(int), ranks["value"].astype(int), strict=True))
        rows.append(time_row(j, steps[j - 1], int(buckets.sum()), values, buckets))
    return time_table(rows)


def next_after_dropping_definition(view: ir.Table, reached: ir.Table, dropped_at: int) -> ir.Table:
    """``kind``, ``next_event``, ``users``: per event, the users who dropped after step ``dropped_at`` and did it
    at their first moment after that step (kind "event"); how many dropped (kind "dropped", no event) and
    how many of them did anything later (kind "continued")."""
    dropped, firsts, pairs = dropped_and_next(view, reached, dropped_at)
    counts = pairs.group_by("next_event").aggregate(users=pairs.count())
    none = ibis.null("string")
    return ibis.union(
        counts.select(kind=ibis.literal("event"), next_event=counts.next_event, users=counts.users),
        dropped.aggregate(users=dropped.count()).select(kind=ibis.literal("dropped"), next_event=none, users="users"),
        firsts.aggregate(users=firsts.count()).select(kind=ibis.literal("continued"), next_event=none, users="users"),
    )


def dropped_and_next(view: ir.Table, reached: ir.Table, dropped_at: int) -> tuple[ir.Table, ir.Table, ir.Table]:
    """The users who dropped after step ``dropped_at`` (``user_id``, ``left``: when they reached it), those of
    them who did anything later (``user_id``, ``next_at``: their first moment after it) and what they did then
    (``user_id``, ``next_event``: one row per event at that moment)."""
    left_at = reached[_reached(dropped_at)]
    dropped = reached.filter(left_at.notnull(), reached[_reached(dropped_at + 1)].isnull()).select(
        USER, left=left_at
    )
    rows = view.select(uid=view[USER], at=view[TIME], name=view[EVENT])
    later = rows.view()
    joined = dropped.join(later, [dropped[USER] == later.uid, later.at > dropped.left])
    firsts = joined.group_by(USER).aggregate(next_at=joined.at.min())
    at_next = rows.view()
    moment = firsts.join(at_next, [firsts[USER] == at_next.uid, at_next.at == firsts.next_at])
    return dropped, firsts, moment.select(USER, next_event=at_next.name).distinct()


def next_after_dropping(
    view: ir.Table,
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
    """As :func:`usagelens.analytics.next_after_dropping`, over a standard view."""
    check_dropped_at(steps, order, dropped_at)
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    result = fetch(next_after_dropping_definition(view, Progress(view, params).reached(), dropped_at))
    total = {kind: int(result.loc[result["kind"] == kind, "users"].sum()) for kind in ("dropped", "continued")}
    events = result[result["kind"] == "event"]
    return next_table(events["next_event"].tolist(), events["users"].astype(int).tolist(),
                      total["dropped"] - total["continued"], total["dropped"], top)
