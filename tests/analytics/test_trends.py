"""Active users per day / ISO week / month, including zero periods, ranges and year boundaries."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.analytics import AnalysisError, active_users, event_counts

ROWS = [
    ("a", "2024-12-30 08:00", "open"),  # Monday of ISO week 2025-W01
    ("a", "2024-12-30 09:00", "open"),
    ("b", "2024-12-31 23:59", "open"),
    ("b", "2025-01-01 00:00", "buy"),
    ("c", "2025-01-05 12:00", "open"),  # Sunday, still ISO week 2025-W01
    ("a", "2025-01-06 00:00", "open"),  # next Monday
    ("c", "2025-01-08 00:00", "open"),
]


def _as_pairs(frame: pd.DataFrame) -> list[tuple[str, int]]:
    return [
        (p.strftime("%Y-%m-%d"), int(n)) for p, n in zip(frame["period"], frame["active_users"], strict=True)
    ]


def test_daily_active_users_fill_quiet_days_with_zero(log_from) -> None:
    result = active_users(log_from(ROWS), "day")
    assert _as_pairs(result)[:3] == [("2024-12-30", 1), ("2024-12-31", 1), ("2025-01-01", 1)]
    assert ("2025-01-02", 0) in _as_pairs(result)
    assert len(result) == 10
    assert result["active_users"].dtype == "int64"


def test_iso_weeks_across_the_year_boundary(log_from) -> None:
    assert _as_pairs(active_users(log_from(ROWS), "week")) == [("2024-12-30", 3), ("2025-01-06", 2)]


def test_months(log_from) -> None:
    assert _as_pairs(active_users(log_from(ROWS), "month")) == [("2024-12-01", 2), ("2025-01-01", 3)]


def test_range_is_whole_days_and_cuts_periods(log_from) -> None:
    result = active_users(log_from(ROWS), "week", start="2025-01-01", end="2025-01-06")
    assert _as_pairs(result) == [("2024-12-30", 2), ("2025-01-06", 1)]


def test_range_without_events_lists_zero_periods(log_from) -> None:
    result = active_users(log_from(ROWS), "month", start="2023-01-15", end="2023-02-01")
    assert _as_pairs(result) == [("2023-01-01", 0), ("2023-02-01", 0)]


def test_bad_arguments(log_from) -> None:
    with pytest.raises(AnalysisError, match="period"):
        active_users(log_from(ROWS), "year")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="after"):
        active_users(log_from(ROWS), "day", start="2025-02-01", end="2025-01-01")


def test_event_counts(log_from) -> None:
    result = event_counts(log_from(ROWS))
    assert result.to_dict("list") == {
        "event": ["open", "buy"],
        "events": [6, 1],
        "users": [3, 1],
        "share_of_users": [1.0, 1 / 3],
    }
