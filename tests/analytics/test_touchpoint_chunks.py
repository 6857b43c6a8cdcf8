"""Touchpoint times read the log a chunk of rows at a time: however small the chunks (one row, a session or a
user split between two, the next row's time past a chunk's end) and whichever way the users are counted, every
table is the one the whole log gives at once."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from usagelens.analytics import EventLog
from usagelens.analytics.touchpoint_time import touchpoint_times

START = pd.Timestamp("2024-03-01")
EVENTS = ["view", "click", "export"]

# (user, event, seconds after the previous row of anyone): 0 gives ties, big steps end sessions and cross days
ROWS = st.lists(
    st.tuples(st.integers(0, 3), st.sampled_from(EVENTS),
              st.sampled_from([0, 1, 9, 10, 59, 600, 1_799, 1_800, 1_801, 7_200, 86_400, 200_000])),
    max_size=60,
)


def _tables(rows: list[tuple[int, str, int]]) -> list[pd.DataFrame]:
    seconds = np.cumsum([step for _, _, step in rows], dtype=np.int64)
    log = EventLog.from_frame(pd.DataFrame({
        "user_id": [f"u{user}" for user, _, _ in rows],
        "timestamp": START + pd.to_timedelta(seconds, unit="s"),
        "event": [event for _, event, _ in rows],
    }), user="user_id", time="timestamp", event="event")
    known = [name for name in EVENTS if name in log.event_names]
    return [
        touchpoint_times(log),
        touchpoint_times(log, gap="10min", start="2024-03-02", end="2024-03-03"),
        touchpoint_times(log, events=known[:2]),
        touchpoint_times(log, gap="1h", events=known[-1:], start="2024-03-01", end="2024-03-02"),
    ]


@settings(max_examples=80, deadline=None)
@given(ROWS, st.integers(1, 5), st.booleans())
def test_chunks_of_any_size_give_the_whole_logs_tables(rows: list[tuple[int, str, int]], size: int,
                                                       sparse: bool) -> None:
    want = _tables(rows)
    with (patch("usagelens.analytics.touchpoint_time.CACHE_ROWS", size),
          patch("usagelens.analytics.sessions.CACHE_ROWS", size),
          patch("usagelens.analytics.kernels._DENSE_CELLS", -1 if sparse else 64_000_000)):
        got = _tables(rows)
    for table, expected in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(table, expected, check_exact=True)
