"""When customers use the product: activity per weekday and hour of day (UTC)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.periods import day_range, row_mask_for_days

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NS_PER_HOUR = 3_600 * 10**9
NS_PER_DAY = 24 * NS_PER_HOUR


def usage_heatmap(
    log: EventLog, measure: str = "events", *, start: object = None, end: object = None
) -> pd.DataFrame:
    """Events (or distinct users) per weekday × hour of day (UTC) in the range.

    Columns: ``weekday`` (0 = Monday), ``weekday_name``, ``hour`` (0–23), ``value`` (int64); 168 rows.
    """
    first, last = day_range(log, start, end)
    rows = np.flatnonzero(row_mask_for_days(log, first, last))
    times = log.times[rows]
    cells = ((times // NS_PER_DAY + 3) % 7) * 24 + (times // NS_PER_HOUR) % 24  # 1970-01-01 was a Thursday
    if measure == "users":
        pairs = np.unique(log.user_codes[rows].astype(np.int64) * 168 + cells)
        cells = pairs % 168
    counts = np.bincount(cells.astype(np.int64), minlength=168)
    return pd.DataFrame(
        {
            "weekday": np.repeat(np.arange(7), 24),
            "weekday_name": np.repeat(WEEKDAYS, 24),
            "hour": np.tile(np.arange(24), 7),
            "value": counts.astype(np.int64),
        }
    )
