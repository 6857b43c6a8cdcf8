"""Journeys are found without whole-log arrays: the arrivals in chunks of rows (each with the row before it) and
each journey in a window of rows next to its arrival, widened where repeats fill it. However small the chunks
(a user, a visit or a run of repeats split between two) and however long the runs, the users, their journeys and
the table are those of the visit index of the whole log that :func:`journeys_taken` once made."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from usagelens.analytics import EventLog
from usagelens.analytics.journeys import ENDED, journeys_taken
from usagelens.analytics.paths import START_LABEL
from usagelens.analytics.touchpoint_rules import TouchpointRule

START = pd.Timestamp("2024-03-01")
EVENTS = ["view", "click", "export", "help_faq", "help_chat"]
HELP = (TouchpointRule("Help", "help_*"),)

# (user, event, repeats in a row, hours after the previous row of anyone): repeats make long visits
ROWS = st.lists(
    st.tuples(st.integers(0, 3), st.sampled_from(EVENTS), st.sampled_from([1, 1, 2, 7, 40]),
              st.sampled_from([0, 1, 5, 30])),
    max_size=30,
)


def _log(rows: list[tuple[int, str, int, int]]) -> EventLog:
    expanded = [(user, event, hours) for user, event, repeats, hours in rows for _ in range(repeats)]
    hours = np.cumsum([h for _, _, h in expanded], dtype=np.int64)
    return EventLog.from_frame(pd.DataFrame({
        "user_id": [f"u{user}" for user, _, _ in expanded],
        "timestamp": START + pd.to_timedelta(hours, unit="h"),
        "event": [event for _, event, _ in expanded],
    }), user="user_id", time="timestamp", event="event")


def _whole_log(log: EventLog, anchor: str, groups, depth: int, before: bool, start, end) -> pd.DataFrame:
    """Each user's journey from the visits of the whole log: touchpoints of the runs, first arrival in range."""
    mapping = {name: next((r.name for r in groups if r.matches(name)), name) for name in log.event_names}
    days = np.asarray(log.times) // 86_400_000_000_000
    first = pd.Timestamp(start).value // 86_400_000_000_000 if start else days.min()
    last = pd.Timestamp(end).value // 86_400_000_000_000 if end else days.max()
    found = {}
    for user in range(log.n_users):
        rows = range(log.user_starts[user], log.user_starts[user + 1])
        visits = []  # (touchpoint, day of its first row)
        for row in rows:
            touchpoint = mapping[log.event_names[log.event_codes[row]]]
            if not visits or visits[-1][0] != touchpoint:
                visits.append((touchpoint, days[row]))
        at = next((k for k, (t, day) in enumerate(visits) if t == anchor and first <= day <= last), None)
        if at is None:
            continue
        names = [t for t, _ in visits]
        steps = names[max(at - depth, 0):at + 1] if before else names[at:at + depth + 1]
        padding = [START_LABEL if before else ENDED] * (depth + 1 - len(steps))
        found[user] = tuple(padding + steps if before else steps + padding)
    return pd.DataFrame({"user": list(found), "journey": list(found.values())})


def _taken(log: EventLog, *args) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    anchor, groups, depth, before, start, end = args
    taken = journeys_taken(log, anchor, groups=groups, depth=depth, before=before, start=start, end=end)
    steps = taken.table.drop(columns="users").to_numpy(object)
    return pd.DataFrame({"user": taken.users.tolist(), "journey": [tuple(steps[row]) for row in taken.rows]})


@settings(max_examples=80, deadline=None)
@given(ROWS, st.integers(1, 5), st.integers(1, 4), st.booleans(), st.booleans(),
       st.sampled_from([(None, None), ("2024-03-02", None), ("2024-03-01", "2024-03-02")]))
def test_chunks_and_windows_give_the_whole_logs_journeys(rows, size, depth, before, grouped, dates) -> None:
    log = _log(rows)
    groups = HELP if grouped else ()
    names = {next((r.name for r in groups if r.matches(n)), n) for n in log.event_names}
    for anchor in sorted(names)[:2]:
        args = (anchor, groups, depth, before, *dates)
        want = _whole_log(log, *args)
        with patch("usagelens.analytics.journeys.CACHE_ROWS", size):
            got = _taken(log, *args)
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
        assert got.equals(_taken(log, *args))  # the default chunks
