"""Sessions split at gaps longer than the threshold (a gap of exactly the threshold stays inside)."""

from __future__ import annotations

import pandas as pd

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


def test_group_medians_packed_and_general_paths_agree() -> None:
    import numpy as np

    from usagelens.analytics.kernels import group_medians

    rng = np.random.default_rng(3)
    groups = rng.integers(0, 5, 200)
    values = rng.integers(0, 10**12, 200)
    packed = group_medians(groups, values, 6)
    general = group_medians(groups, values.astype(np.float64), 6)
    expected = [np.median(values[groups == g]) if (groups == g).any() else np.nan for g in range(6)]
    np.testing.assert_allclose(packed, expected)
    np.testing.assert_allclose(general, expected)
