"""What happens in the log: how often each event occurs and how many users do it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import users_per_code


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
