"""What happens in the log: how often each event occurs and how many users do it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import users_per_code
from usagelens.analytics.periods import day_range
from usagelens.analytics.trends import active_users


def event_counts(log: EventLog) -> pd.DataFrame:
    """Occurrences and distinct users per event name, most frequent first (the log's code order).

    Columns: ``event`` (str), ``events`` (int64, rows), ``users`` (int64, distinct users who did it),
    ``share_of_users`` (float, ``users`` ÷ all users in the log).
    """
    n_codes = len(log.event_names)
    events = np.bincount(log.event_codes, minlength=n_codes).astype(np.int64)
    users = users_per_code(log.event_codes, log.user_codes, n_codes, log.n_users)
    share = users / log.n_users if log.n_users else np.zeros(n_codes)
    return pd.DataFrame(
        {
            "event": pd.Series(log.event_names, dtype=object),
            "events": events,
            "users": users,
            "share_of_users": share,
        }
    )


def daily_series(log: EventLog, event: str = "") -> pd.Series:
    """Daily active users, or daily occurrences of ``event``: what anomalies and impact are measured on."""
    if not event:
        return daily_active_series(active_users(log, "day"))
    first, last = day_range(log)
    days = log.days[log.event_codes == log.event_code(event)] - first
    return day_series(first, np.bincount(days.astype(np.int64), minlength=last - first + 1))


def daily_active_series(table: pd.DataFrame) -> pd.Series:
    """The daily ``active_users`` table as a float series indexed by day."""
    return pd.Series(table["active_users"].to_numpy(float), index=table["period"])


def day_series(first: int, counts: np.ndarray) -> pd.Series:
    """Counts of consecutive days from day number ``first`` as a float series with a daily index."""
    index = pd.date_range(pd.Timestamp(first, unit="D"), periods=len(counts), freq="D")
    return pd.Series(counts.astype(float), index=index)
