"""Time at each touchpoint (:mod:`usagelens.analytics.touchpoint_time`) as an Ibis definition.

Each row's next row is the user's next in the view's order (time, then the ``seq`` tie-break, see
:func:`.view.ordering`), as transitions read it; the row ends its session when it is the user's last or the
gap to that next row exceeds the session threshold (the sessions' own rule, :func:`.usage.gap_microseconds`).
The backend returns small counts per event and only the times at the ranks the percentiles need
(:func:`.view.percentile_ranks`); the client interpolates them, so no backend's quantile rule (or BigQuery's
missing median) decides a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.usage import gap_microseconds
from usagelens.analytics.definitions.view import (
    EVENT,
    TIME,
    USER,
    DayRange,
    asked_days,
    facts,
    fetch,
    ordering,
    percentile_ranks,
    user_key,
    within_days,
)
from usagelens.analytics.funnel_views import PERCENTILES
from usagelens.analytics.periods import DateLike, DurationLike
from usagelens.analytics.sessions import DEFAULT_GAP
from usagelens.analytics.touchpoint_time import BUCKET_EDGES_US, BUCKETS, touchpoint_row, touchpoint_table

COUNTS = ("occurrences", "session_ends", "total", "users")


@dataclass(frozen=True)
class TouchpointParams:
    days: DayRange | None  # None: every day (see .view.asked_days)
    gap_us: int  # a gap longer than this many microseconds ends the session
    events: tuple[str, ...] | None = None


def touchpoint_definition(view: ir.Table, params: TouchpointParams) -> ir.Table:
    """``event``, ``kind``, ``position``, ``value``: per event with occurrences in the range, one row of each
    kind of :data:`COUNTS` (``total``: the sum of its times in µs), its occurrences per bucket (kind "bucket",
    position = bucket index) and its times at the ranks the percentiles need (kind "rank", position = 1-based
    rank, value = µs)."""
    by_user = ibis.window(group_by=user_key(view), order_by=ordering(view))
    rows = view.select(
        USER,
        TIME,
        EVENT,
        following=view[TIME].lead().over(by_user),
        # past a user's last row ClickHouse's leadInFrame gives 1970-01-01, not NULL: the rows that remain say
        # which is last (as in :func:`.usage.sessions_definition`)
        remaining=view[TIME].count().over(by_user) - ibis.row_number().over(by_user),
    )
    rows = within_days(rows, params.days)
    if params.events is not None:
        rows = rows.filter(rows[EVENT].isin(params.events))
    waited = rows.following.delta(rows[TIME], unit="microsecond").cast("int64")
    ended = (rows.remaining == 1) | (waited > params.gap_us)
    # ended as 1 or 0, not a cast: PostgreSQL cannot cast a boolean to bigint
    rows = rows.mutate(waited=ended.ifelse(ibis.null("int64"), waited), ended=ended.ifelse(1, 0))
    # every count from one group-by per event and user (a user is one of its rows: the distinct count as a
    # group-by), summed per event: an aggregate, so the four selects below read it once as a CTE (a join of
    # counts and distinct users was re-run for each, four times over every row)
    per_user = rows.group_by([EVENT, USER]).aggregate(
        occurrences=rows.count(), session_ends=rows.ended.sum(), total=rows.waited.sum()
    )
    counts = per_user.group_by(EVENT).aggregate(
        occurrences=per_user.occurrences.sum(), session_ends=per_user.session_ends.sum(),
        total=per_user.total.sum().fill_null(0), users=per_user.count(),
    )
    timed = rows.filter(rows.waited.notnull())
    bucket = ibis.cases(*((timed.waited < edge, i) for i, edge in enumerate(BUCKET_EDGES_US)),
                        else_=len(BUCKET_EDGES_US))
    binned = timed.mutate(bucket=bucket.cast("int64"))
    buckets = binned.group_by([EVENT, "bucket"]).aggregate(occurrences=binned.count())
    picked = percentile_ranks(timed, EVENT, "waited", PERCENTILES)
    zero = ibis.literal(0, "int64")
    return ibis.union(
        *(counts.select(EVENT, kind=ibis.literal(kind), position=zero, value=counts[kind].cast("int64"))
          for kind in COUNTS),
        buckets.select(EVENT, kind=ibis.literal("bucket"), position=buckets.bucket,
                       value=buckets.occurrences.cast("int64")),
        picked.select(EVENT, kind=ibis.literal("rank"), position=picked.position, value=picked.value),
    )


def shape_touchpoints(result: pd.DataFrame) -> pd.DataFrame:
    """The table of :func:`usagelens.analytics.touchpoint_times` from the definition's rows."""
    rows = []
    for event, mine in result.groupby(EVENT, sort=False):
        kinds = {kind: mine[mine["kind"] == kind] for kind in (*COUNTS, "bucket", "rank")}
        count = {kind: int(kinds[kind]["value"].iloc[0]) for kind in COUNTS}
        buckets = np.zeros(len(BUCKETS), dtype=np.int64)
        buckets[kinds["bucket"]["position"].to_numpy(np.int64)] = kinds["bucket"]["value"].to_numpy(np.int64)
        ranks = dict(zip(kinds["rank"]["position"].astype(int), kinds["rank"]["value"].astype(int), strict=True))
        rows.append(touchpoint_row(str(event), count["occurrences"], count["users"], count["session_ends"],
                                   int(buckets.sum()), count["total"], ranks, buckets))
    return touchpoint_table(rows)


def touchpoint_times(
    view: ir.Table,
    *,
    gap: DurationLike = DEFAULT_GAP,
    events: Sequence[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.touchpoint_times`, over a standard view."""
    if events:
        known = facts(view, start, end, events)
        known.require(events)
        days = known.days
    else:
        days = asked_days(view, start, end)
    params = TouchpointParams(days, gap_microseconds(gap), None if events is None else tuple(events))
    return shape_touchpoints(fetch(touchpoint_definition(view, params)))
