"""Sessions read a stretch of rows at a time, cut at a session start: however small the stretches (one row, a
session longer than several of them, a user or a day split between two), every sessions table is the one the
whole log gives at once."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from stepped_rows import stepped_log

from usagelens.analytics import EventLog
from usagelens.analytics.sessions import session_bounds, session_ends, session_summary, session_users, sessions

MODULE = "usagelens.analytics.sessions"
START = pd.Timestamp("2024-03-01")

# (user, minutes after the previous row of anyone): small steps make long sessions, big ones cross days
ROWS = st.lists(st.tuples(st.integers(0, 3), st.sampled_from([0, 1, 29, 30, 31, 300, 1440, 3000])), max_size=60)


def _log(rows: list[tuple[int, int]]) -> EventLog:
    return stepped_log(rows, START, "min")


def _tables(rows: list[tuple[int, int]]) -> list[object]:
    log = _log(rows)  # a fresh log: bounds are cached per log
    window = {"start": "2024-03-02", "end": "2024-03-04"}
    return [
        session_bounds(log),
        sessions(log),
        sessions(log, gap="1h", **window),
        session_users(log, **window),
        *(session_summary(log, period) for period in ("day", "week", "month")),
        session_summary(log, "day", gap="2h", **window),
    ]


def _assert_same(got: list[object], want: list[object]) -> None:
    for table, expected in zip(got, want, strict=True):
        if isinstance(expected, pd.DataFrame):
            pd.testing.assert_frame_equal(table, expected, check_exact=True)
        else:
            np.testing.assert_array_equal(table, expected)


@settings(max_examples=60, deadline=None)
@given(ROWS, st.integers(1, 5))
def test_stretches_of_any_size_give_the_whole_logs_tables(rows: list[tuple[int, int]], stretch: int) -> None:
    want = _tables(rows)
    with patch(f"{MODULE}.CACHE_ROWS", stretch):
        _assert_same(_tables(rows), want)


@given(ROWS)
def test_sessions_start_where_the_user_changes_or_the_gap_exceeds_the_threshold(rows: list[tuple[int, int]]) -> None:
    log = _log(rows)
    with patch(f"{MODULE}.CACHE_ROWS", 2):
        bounds, ends = session_bounds(log, "30min"), session_ends(log, "30min")
    starts = np.ones(log.n_events + 1, dtype=bool)
    starts[1:-1] = (log.user_codes[1:] != log.user_codes[:-1]) | (np.diff(log.times) > 30 * 60 * 10**9)
    np.testing.assert_array_equal(bounds, np.flatnonzero(starts))
    np.testing.assert_array_equal(ends, starts[1:])


def test_a_session_longer_than_many_stretches_is_one_session() -> None:
    rows = [(0, 10)] * 50 + [(1, 0)] + [(1, 1)] * 3  # u0: 50 events 10 min apart, then u1's short session
    with patch(f"{MODULE}.CACHE_ROWS", 3):
        table = sessions(_log(rows))
    assert table["events"].tolist() == [50, 4]
    assert table["duration"].tolist() == [pd.Timedelta(minutes=490), pd.Timedelta(minutes=3)]
