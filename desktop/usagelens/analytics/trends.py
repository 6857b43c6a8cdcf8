"""Active users per day, week or month (design §4: DAU/WAU/MAU)."""

from __future__ import annotations

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
    user_periods,
)


def active_users(
    log: EventLog, period: Period, *, start: DateLike = None, end: DateLike = None
) -> pd.DataFrame:
    """Distinct users with at least one event in each period between ``start`` and ``end`` (whole days).

    Every period that overlaps the range is listed, with 0 where nobody was active, so a chart shows
    gaps as gaps. Only events inside the range count, so a week cut by the range counts part of it.

    Columns: ``period`` (datetime64, first day of the period), ``active_users`` (int64).
    """
    period = check_period(period)
    first, last = day_range(log, start, end)
    if first > last:
        return pd.DataFrame(
            {"period": pd.Series(dtype="datetime64[ns]"), "active_users": pd.Series(dtype="int64")}
        )
    lo, hi = (int(p) for p in period_of_day(np.array([first, last]), period))
    _, numbers = user_periods(log, period, first, last)
    counts = np.bincount(numbers - lo, minlength=hi - lo + 1).astype(np.int64)
    return pd.DataFrame({"period": period_start(np.arange(lo, hi + 1), period), "active_users": counts})
