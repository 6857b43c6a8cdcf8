"""Feature adoption over a range and since a release date."""

from __future__ import annotations

import numpy as np

from usagelens.analytics.adoption import adoption_since_release, feature_adoption

ROWS = [
    ("a", "2024-03-01 10:00", "open"),
    ("a", "2024-03-02 10:00", "export"),
    ("b", "2024-03-02 10:00", "open"),
    ("c", "2024-03-09 10:00", "export"),
    ("c", "2024-03-11 10:00", "open"),
    ("d", "2024-02-20 10:00", "export"),  # before the range / release
]


def test_adoption_over_a_range(log_from) -> None:
    table = feature_adoption(log_from(ROWS), start="2024-03-01", end="2024-03-31")
    assert table.to_dict("list") == {
        "event": ["open", "export"],
        "users": [3, 2],
        "active_users": [3, 3],
        "adoption_rate": [1.0, 2 / 3],
    }


def test_adoption_empty_range_is_nan(log_from) -> None:
    table = feature_adoption(log_from(ROWS), start="2025-01-01", end="2025-01-31", events=["export"])
    assert table["users"].tolist() == [0] and np.isnan(table["adoption_rate"][0])


def test_adoption_since_release_per_week(log_from) -> None:
    table = adoption_since_release(log_from(ROWS), "export", "2024-03-01", period="week")
    assert table["period"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-26", "2024-03-04", "2024-03-11"]
    assert table["active_users"].tolist() == [2, 1, 1]
    assert table["adopters"].tolist() == [1, 1, 0]
    assert table["cumulative_active_users"].tolist() == [2, 3, 3]
    assert table["cumulative_adopters"].tolist() == [1, 2, 2]
    assert table["cumulative_adoption_rate"].tolist() == [0.5, 2 / 3, 2 / 3]
