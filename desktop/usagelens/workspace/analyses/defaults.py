"""What the data itself suggests for the gallery's defaults and caveats: where users' journeys start, what they
do next, and whether the timestamps carry a time of day at all.

Product exports name their entry event differently (``signup``, ``sign_up``, ``first_open``…); a funnel that
starts there and follows what most users actually do next is a better first view than the most common events.
"""

from __future__ import annotations

from collections.abc import Sequence

from usagelens.analytics.engine_events import Events

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


def typical_journey(events: Events, names: Sequence[str], steps: int = JOURNEY_STEPS) -> tuple[str, ...]:
    """A funnel worth looking at first: an entry-like event (else the most common of ``names``, the events in
    the log's order), then the events the most of its users did after first doing it, in the order they usually
    come (:func:`usagelens.analytics.typical_journey`, asked of whichever engine holds the events)."""
    if not names:
        return ()
    entry = entry_event(tuple(names)) or names[0]
    table = events.metrics.typical_journey(events.data, entry, steps)
    return tuple(str(name) for name in table["event"])
