"""Sessions split at gaps longer than the threshold (a gap of exactly the threshold stays inside)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from usagelens.analytics.sessions import session_summary, sessions

ROWS = [
    ("a", "2024-01-01 10:00", "x"),
    ("a", "2024-01-01 10:30", "x"),  # exactly 30 min: same session
    ("a", "2024-01-01 11:00:00.000001", "x"),  # just over: new session
    ("b", "2024-01-01 10:10", "x"),  # one event only
    ("b", "2024-01-02 23:59", "x"),
    ("b", "2024-01-03 00:09", "x"),  # crosses midnight, belongs to the day it started
]


def test_sessions_table(log_from) -> None:
    table = sessions(log_from(ROWS))
    assert table["user_id"].tolist() == ["a", "a", "b", "b"]
    assert table["events"].tolist() == [2, 1, 1, 2]
    assert table["duration"].tolist() == [
        pd.Timedelta("30min"),
        pd.Timedelta(0),
        pd.Timedelta(0),
        pd.Timedelta("10min"),
    ]


def test_gap_is_configurable(log_from) -> None:
    assert len(sessions(log_from(ROWS), gap="2h")) == 3


def test_daily_summary(log_from) -> None:
    table = session_summary(log_from(ROWS), "day")
    assert table["sessions"].tolist() == [3, 1, 0]
    assert table["users"].tolist() == [2, 1, 0]
    assert table["sessions_per_user"].tolist()[:2] == [1.5, 1.0]
    assert table["median_duration"].tolist()[:2] == [pd.Timedelta(0), pd.Timedelta("10min")]
    assert table["mean_duration"][0] == pd.Timedelta("10min")
    assert pd.isna(table["median_duration"][2])


@given(
    st.lists(st.tuples(st.integers(0, 4), st.one_of(st.integers(0, 3), st.integers(0, 1500), st.integers(0, 10**15),
                                                    st.integers(2**62, 2**63 - 1))),
             max_size=80),
    st.integers(1, 4),
)
def test_streamed_medians_equal_numpy_in_any_chunks(pairs: list[tuple[int, int]], n_chunks: int) -> None:
    """Exact bins, a second pass into a wide bin, empty groups, values near 2**63: numpy's medians, however
    the values are split into chunks."""
    import numpy as np

    from usagelens.analytics.kernels import StreamedMedians

    groups = np.array([g for g, _ in pairs], dtype=np.int64)
    values = np.array([v for _, v in pairs], dtype=np.int64)
    parts = np.array_split(np.arange(len(pairs)), n_chunks)
    medians = StreamedMedians(5)
    for part in parts:
        medians.count(groups[part], values[part])
    if medians.needs_values():
        for part in parts:
            medians.collect(groups[part], values[part])
    expected = [np.median(values[groups == g]) if (groups == g).any() else np.nan for g in range(5)]
    np.testing.assert_array_equal(medians.medians(), expected)
