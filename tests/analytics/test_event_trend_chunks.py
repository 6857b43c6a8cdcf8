"""A trend counts the log a chunk of rows at a time: however small the chunks (a user, a period or the date
range's edge split between two), its table is the one a single chunk of every row gives, sums included."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from usagelens.analytics import EventLog, event_trend

START = pd.Timestamp("2024-03-01")
# (user, hours after the previous row, event, amount): amounts include missing and not-a-number text
ROWS = st.lists(st.tuples(st.integers(0, 3), st.sampled_from([0, 1, 20, 30, 200]), st.sampled_from(["view", "buy"]),
                          st.sampled_from(["1.5", "-2", "1e3", "", "n/a", None, "0.1"])), max_size=60)


def _log(rows: list[tuple]) -> EventLog:
    hours = np.cumsum([step for _, step, _, _ in rows], dtype=np.int64)
    frame = pd.DataFrame({
        "user_id": [f"u{user}" for user, *_ in rows],
        "timestamp": START + pd.to_timedelta(hours, unit="h"),
        "event": [event for _, _, event, _ in rows],
        "amount": pd.Series([amount for *_, amount in rows], dtype=object),
    })
    return EventLog.from_frame(frame, user="user_id", time="timestamp", event="event", properties=("amount",))


def _tables(rows: list[tuple]) -> list[pd.DataFrame]:
    log = _log(rows)
    if not log.n_events:
        return []
    window = {"start": "2024-03-03", "end": "2024-03-12"}
    return [
        *(event_trend(log, period) for period in ("day", "week", "month")),
        event_trend(log, "day", event=log.event_names[0], property="amount"),
        event_trend(log, "week", property="amount", **window),
        event_trend(log, "day", event=log.event_names[-1], **window),
    ]


@settings(max_examples=60, deadline=None)
@given(ROWS, st.integers(1, 5))
def test_chunks_of_any_size_give_the_whole_logs_trend(rows: list[tuple], size: int) -> None:
    want = _tables(rows)
    with patch("usagelens.analytics.event_trends.CACHE_ROWS", size):
        got = _tables(rows)
    for table, expected in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(table, expected, check_exact=True)


def test_property_sums_add_in_row_order() -> None:
    """1 + 1e16 + 1 + 1 one after another is 1e16 (each 1 is lost); chunks of two summed apart would give 1e16 + 2."""
    rows = [(0, 0, "view", "1"), (0, 1, "view", "1e16"), (0, 1, "view", "1"), (0, 1, "view", "1")]
    with patch("usagelens.analytics.event_trends.CACHE_ROWS", 2):
        table = event_trend(_log(rows), "day", property="amount")
    assert table["property_sum"].tolist() == [1e16]
