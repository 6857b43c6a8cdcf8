"""When customers use the product: activity per weekday and hour of day (UTC)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import chunks, users_per_code
from usagelens.analytics.periods import day_range, rows_for_days

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NS_PER_HOUR = 3_600 * 10**9


def usage_heatmap(
    log: EventLog, measure: str = "events", *, start: object = None, end: object = None
) -> pd.DataFrame:
    """Events (or distinct users) per weekday × hour of day (UTC) in the range.

    Columns: ``weekday`` (0 = Monday), ``weekday_name``, ``hour`` (0–23), ``value`` (int64); 168 rows.
    """
    rows = rows_for_days(log, *day_range(log, start, end))
    times = log.times[rows]
    cells = np.empty(len(times), dtype=np.int16)
    for part in chunks(len(times)):  # in chunks: whole-log temporaries were 800 MB each at 100M events
        hours = times[part] // NS_PER_HOUR
        cells[part] = ((hours // 24 + 3) % 7) * 24 + hours % 24  # 1970-01-01 was a Thursday
    if measure == "users":
        counts = users_per_code(cells, log.user_codes[rows], 168, log.n_users)
    else:
        counts = np.bincount(cells, minlength=168)
    return pd.DataFrame(
        {
            "weekday": np.repeat(np.arange(7), 24),
            "weekday_name": np.repeat(WEEKDAYS, 24),
            "hour": np.tile(np.arange(24), 7),
            "value": counts.astype(np.int64),
        }
    )
