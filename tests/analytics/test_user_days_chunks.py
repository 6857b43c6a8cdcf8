"""Distinct (user, day) pairs are made a chunk of rows at a time (so the accelerator's build over mapped arrays
makes no array the size of the log): however small the chunks (one row, a user or a day split between two),
the pairs are the ones a pass over the whole log gives, and so are the tables that count active days — before
1970 too, where a day is floored, not truncated."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from stepped_rows import stepped_log

from usagelens.analytics import EventLog, active_users, retention_table
from usagelens.analytics.periods import user_days

START = pd.Timestamp("1969-12-30 22:00")  # days on both sides of 1970

# (user, hours after the previous row of anyone)
ROWS = st.lists(st.tuples(st.integers(0, 3), st.sampled_from([0, 1, 5, 23, 24, 170])), max_size=50)


def _log(rows: list[tuple[int, int]]) -> EventLog:
    return stepped_log(rows, START, "h")


def _whole_log(log: EventLog) -> tuple[np.ndarray, np.ndarray]:
    """The pairs as one pass over the whole log gives them (the definition)."""
    users, days = log.user_codes, log.days
    change = np.ones(len(days), dtype=bool)
    change[1:] = (users[1:] != users[:-1]) | (days[1:] != days[:-1])
    return users[change], days[change]


@settings(max_examples=150, deadline=None)
@given(ROWS, st.integers(1, 5))
def test_chunked_pairs_are_the_whole_log_s(rows: list[tuple[int, int]], size: int) -> None:
    log = _log(rows)
    want_users, want_days = _whole_log(log)
    with patch("usagelens.analytics.periods.CACHE_ROWS", size):
        got_users, got_days = user_days(_log(rows))
        tables = [active_users(_log(rows), "week"), retention_table(_log(rows), "week")]
    np.testing.assert_array_equal(got_users, want_users)
    np.testing.assert_array_equal(got_days, want_days)
    assert got_users.dtype == want_users.dtype and got_days.dtype == want_days.dtype
    for table, whole in zip(tables, [active_users(log, "week"), retention_table(log, "week")], strict=True):
        pd.testing.assert_frame_equal(table, whole, check_exact=True)
