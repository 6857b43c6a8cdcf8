"""What the data itself suggests for the gallery's defaults and caveats: where users' journeys start, what they
do next, and whether the timestamps carry a time of day at all.

Product exports name their entry event differently (``signup``, ``sign_up``, ``first_open``…); a funnel that
starts there and follows what most users actually do next is a better first view than the most common events.
"""

from __future__ import annotations

import numpy as np

from usagelens.analytics import EventLog
from usagelens.analytics.eventlog import NS_PER_DAY
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
    rows = np.flatnonzero(log.event_codes == code)
    entered_at = np.full(log.n_users, np.iinfo(np.int64).max)
    first_entry = _first_per_user(log, rows)
    entered_at[log.user_codes[first_entry]] = log.times[first_entry]
    since = log.times - entered_at[log.user_codes]  # negative for users who never entered
    after = (since >= 0) & (log.event_codes != code)
    reached = users_per_code(log.event_codes[after], log.user_codes[after], len(log.event_names), log.n_users)
    chosen = [int(e) for e in np.argsort(-reached, kind="stable")[: steps - 1] if reached[e]]
    median = {e: float(np.median(since[_first_per_user(log, np.flatnonzero(after & (log.event_codes == e)))]))
              for e in chosen}
    return (entry, *(log.event_names[e] for e in sorted(chosen, key=median.__getitem__)))


def _first_per_user(log: EventLog, rows: np.ndarray) -> np.ndarray:
    """The first of ``rows`` (ascending) of each user: rows are sorted by user then time, so a user's first
    row in the selection is their earliest, and no hashing or sorting of (user, event) pairs is needed."""
    users = log.user_codes[rows]
    return rows[np.r_[True, users[1:] != users[:-1]]]


def dates_only(log: EventLog) -> bool:
    """True when every timestamp is at midnight: the export has dates without a time of day, so sessions,
    hours of the day and the order of events within a day cannot be known."""
    return bool(log.n_events) and not (log.times % NS_PER_DAY).any()
