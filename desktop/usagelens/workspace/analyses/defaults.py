"""What the data itself suggests for the gallery's defaults and caveats: where users' journeys start, what they
do next, and whether the timestamps carry a time of day at all.

Product exports name their entry event differently (``signup``, ``sign_up``, ``first_open``…); a funnel that
starts there and follows what most users actually do next is a better first view than the most common events.
"""

from __future__ import annotations

import numpy as np

from usagelens.analytics import EventLog
from usagelens.analytics.kernels import users_per_code

# Entry-like events, the most telling first: an account or install beats a session, a session a page view.
ENTRY_EVENTS = (
    "signup", "sign_up", "signed_up", "register", "registration", "registered", "create_account",
    "account_created", "first_open", "install", "app_install", "onboarding_start", "session_start", "app_open",
    "open_app", "login", "page_view", "pageview", "screen_view",
)
JOURNEY_STEPS = 3


def entry_event(events: tuple[str, ...]) -> str:
    """The first entry-like event the data has (names compared case-insensitively), else ""."""
    by_name = {name.lower(): name for name in events}
    return next((by_name[name] for name in ENTRY_EVENTS if name in by_name), "")


def typical_journey(log: EventLog, steps: int = JOURNEY_STEPS) -> tuple[str, ...]:
    """A funnel worth looking at first: an entry-like event (else the most common one), then the events the
    most of its users did after first doing it, in the order they usually come (by median delay)."""
    if not log.n_events:
        return ()
    entry = entry_event(tuple(log.event_names)) or log.event_names[0]
    code = log.event_code(entry)
    first_entry = _first_per_user(log, np.flatnonzero(log.event_codes == code))
    entered = np.full(log.n_users, np.iinfo(np.int64).max)
    entered[log.user_codes[first_entry]] = log.times[first_entry]
    after = _from_each_first(log, first_entry) & (log.event_codes != code)
    reached = users_per_code(log.event_codes[after], log.user_codes[after], len(log.event_names), log.n_users)
    chosen = [int(e) for e in np.argsort(-reached, kind="stable")[: steps - 1] if reached[e]]
    median = {}
    for e in chosen:
        firsts = _first_per_user(log, np.flatnonzero(after & (log.event_codes == e)))
        median[e] = float(np.median(log.times[firsts] - entered[log.user_codes[firsts]]))
    return (entry, *(log.event_names[e] for e in sorted(chosen, key=median.__getitem__)))


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
