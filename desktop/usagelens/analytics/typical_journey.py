"""The typical journey after an entry event: what the gallery's first funnel (and pain points) default to.

From each user's first ``entry`` event, the events the most users did at or after that instant (an event at the
same instant counts, whichever row came first), then ordered by how long users usually took to do them. Ties are
broken by name, never by row order or event frequency, so the same events give the same journey on every engine
(:func:`usagelens.analytics.definitions.typical_journey` is its definition on a view).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.funnels import median_delta
from usagelens.analytics.kernels import users_per_code


def typical_journey(log: EventLog, entry: str, steps: int = 3) -> pd.DataFrame:
    """``entry`` and the ``steps − 1`` events the most of its users did at or after first doing it.

    Columns: ``event`` (str), ``users`` (int64: users who did it after their first ``entry``; for ``entry``
    itself, the users who did it) and ``median_delay`` (timedelta64[ns], from the first ``entry`` to the
    first such event; 0 for ``entry``). The events are the ones with the most users (ties by name), listed in
    the order they usually come: by median delay, then more users, then name. Empty without events."""
    if not log.n_events:
        return shape_typical_journey([], [], [])
    code = log.event_code(entry)
    first_entry = _first_per_user(log, np.flatnonzero(log.event_codes == code))
    entered = np.full(log.n_users, np.iinfo(np.int64).max)
    entered[log.user_codes[first_entry]] = log.times[first_entry]
    after = _from_each_first(log, first_entry) & (log.event_codes != code)
    reached = users_per_code(log.event_codes[after], log.user_codes[after], len(log.event_names), log.n_users)
    names = np.array(log.event_names, dtype=object)
    chosen = [int(e) for e in np.lexsort((names, -reached))[: steps - 1] if reached[e]]
    delays = []
    for e in chosen:
        firsts = _first_per_user(log, np.flatnonzero(after & (log.event_codes == e)))
        delays.append(median_delta(log.times[firsts] - entered[log.user_codes[firsts]]))
    return shape_typical_journey([entry, *names[chosen]], [len(first_entry), *reached[chosen]],
                                 [pd.Timedelta(0), *delays])


def shape_typical_journey(events: list[str], users: list[int], delays: list[pd.Timedelta]) -> pd.DataFrame:
    """The table both engines give: the entry first, then the other events by median delay, more users, name."""
    table = pd.DataFrame({"event": pd.Series(events, dtype=object), "users": np.asarray(users, dtype=np.int64),
                          "median_delay": pd.to_timedelta(pd.Series(delays, dtype="timedelta64[ns]"))})
    if len(table) < 2:
        return table
    rest = table.iloc[1:]
    order = np.lexsort((rest["event"].to_numpy(str), -rest["users"].to_numpy(np.int64),
                        rest["median_delay"].to_numpy(np.int64)))
    return pd.concat([table.iloc[:1], rest.iloc[order]], ignore_index=True)


def _from_each_first(log: EventLog, firsts: np.ndarray) -> np.ndarray:
    """Rows at or after the time of their user's row in ``firsts`` (one row per user, ascending).

    A user's rows are sorted by time, so these are one run per user, from the first row at that instant (a
    row tied with it may come before it) to the user's last row: marked by a cumulative sum of run edges
    instead of comparing every row's time with its user's, which at 100M events made two 800 MB arrays."""
    ends = log.user_starts[log.user_codes[firsts] + 1]
    starts = firsts.copy()
    user_first = log.user_starts[log.user_codes[firsts]]
    tied = np.flatnonzero(starts > user_first)
    while len(tied):  # step back over earlier rows of the same user at the same instant
        before = starts[tied] - 1
        tied = tied[log.times[before] == log.times[firsts[tied]]]
        starts[tied] -= 1
        tied = tied[starts[tied] > user_first[tied]]
    edges = np.zeros(log.n_events + 1, dtype=np.int8)
    edges[starts] += 1  # a run may start where the previous user's ends
    edges[ends] -= 1
    return np.cumsum(edges[:-1], dtype=np.int8).view(bool)


def _first_per_user(log: EventLog, rows: np.ndarray) -> np.ndarray:
    """The first of ``rows`` (ascending) of each user: rows are sorted by user then time, so a user's first
    row in the selection is their earliest, and no hashing or sorting of (user, event) pairs is needed."""
    users = log.user_codes[rows]
    return rows[np.r_[True, users[1:] != users[:-1]]]
