"""Segment comparison (design §4): any metric computed separately for each value of a customer attribute.

Each segment gets its own :class:`EventLog` (a boolean take of the encoded arrays, see
:meth:`EventLog.subset_users`), so every metric works unchanged and a segment's figures are exactly what
the metric would show on that segment's users alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers, Segments, user_segments
from usagelens.analytics.eventlog import EventLog

CountedOn = Literal["first", "last"]  # which of a user's events gives their value of an event property


def compare_segments(
    log: EventLog,
    metric: Callable[[EventLog], pd.DataFrame],
    by: str,
    *,
    customers: Customers | None = None,
    counted: CountedOn = "first",
) -> pd.DataFrame:
    """``metric`` per segment of ``by`` (a customer attribute, else an event property on each user's first
    or, with ``counted="last"``, last event), stacked with a leading ``segment`` column; ``(missing)``
    collects users without a value.

    Columns: ``segment`` (str), ``segment_users`` (int64, users in the segment), then the metric's own
    columns. Example: ``compare_segments(log, lambda l: active_users(l, "week"), "plan", customers=c)``.
    """
    segments = segments_counted_on(log, by, customers=customers, counted=counted)
    sizes = np.bincount(segments.codes[segments.codes >= 0], minlength=segments.n)
    tables = [metric(log.subset_users(segments.codes == code)) for code in range(segments.n)]
    return stack_segment_tables(list(segments.labels), sizes.tolist(), tables)


def segments_counted_on(
    log: EventLog, by: str, *, customers: Customers | None = None, counted: CountedOn = "first"
) -> Segments:
    """Every user's segment of ``by``: a customer attribute, else an event property on their first (or, with
    ``counted="last"``, last) event — the split of :func:`compare_segments`, for metrics that label per-user
    rows with it instead of running once per segment."""
    anchors = log.user_starts[1:] - 1 if counted == "last" else log.user_starts[:-1]
    return user_segments(log, by, anchor_rows=anchors.astype(np.int64), customers=customers)


def stack_segment_tables(labels: list[str], sizes: list[int], tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Each segment's table under leading ``segment`` and ``segment_users`` columns, stacked."""
    for label, size, table in zip(labels, sizes, tables, strict=True):
        table.insert(0, "segment_users", int(size))
        table.insert(0, "segment", label)
    return pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=["segment", "segment_users"])
