"""Lifecycle states, DAU/MAU stickiness and the active-days frequency view."""

from __future__ import annotations

import numpy as np

from usagelens.analytics.lifecycle import active_days_frequency, lifecycle, stickiness

ROWS = [
    ("a", "2024-01-01", "x"), ("a", "2024-01-02", "x"), ("a", "2024-01-04", "x"),
    ("b", "2024-01-02", "x"), ("b", "2024-01-04", "x"),
    ("c", "2024-01-03", "x"),  # one event only
]  # fmt: skip


def test_lifecycle_per_day(log_from) -> None:
    table = lifecycle(log_from(ROWS), "day")
    assert table.drop(columns="period").values.tolist() == [
        # new, returning, resurrecting, dormant, active
        [1, 0, 0, 0, 1],  # 01-01 a new
        [1, 1, 0, 0, 2],  # 01-02 b new, a returning
        [1, 0, 0, -2, 1],  # 01-03 c new; a and b dormant
        [0, 0, 2, -1, 2],  # 01-04 a and b resurrect; c dormant
    ]


def test_lifecycle_new_means_first_event_ever_not_first_in_range(log_from) -> None:
    table = lifecycle(log_from(ROWS), "day", start="2024-01-04")
    assert table.drop(columns="period").values.tolist() == [[0, 0, 2, -1, 2]]


def test_stickiness_is_mean_dau_over_mau(log_from) -> None:
    table = stickiness(log_from(ROWS))
    # 6 user-days over 4 days of data in January = 1.5 mean DAU; 3 monthly users
    assert table["mean_dau"].tolist() == [1.5] and table["mau"].tolist() == [3]
    assert table["stickiness"].tolist() == [0.5]


def test_active_days_frequency_plain_and_cumulative(log_from) -> None:
    table = active_days_frequency(log_from(ROWS), "week")
    assert len(table) == 7
    assert table["users"].tolist()[:3] == [1, 1, 1]
    assert table["users_at_least"].tolist()[:4] == [3, 2, 1, 0]
    assert np.allclose(table["share_at_least"].tolist()[:3], [1.0, 2 / 3, 1 / 3])
