"""Retention cohort tables pinned to design §4: cohorts, offsets, both modes, events, breakdown, average."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.analytics import AnalysisError
from usagelens.analytics.attributes import Customers
from usagelens.analytics.retention import retention_curve, retention_table

ROWS = [
    ("a", "2024-01-01 10:00", "signup"),
    ("a", "2024-01-02 10:00", "use"),
    ("a", "2024-01-04 10:00", "use"),
    ("b", "2024-01-01 23:00", "signup"),
    ("b", "2024-01-03 01:00", "use"),
    ("c", "2024-01-02 12:00", "use"),  # one event only
    ("c", "2024-01-02 12:00", "use"),  # a tie on the same instant
    ("d", "2024-01-02 08:00", "use"),  # return event before the start event on the same day
    ("d", "2024-01-02 09:00", "signup"),
    ("d", "2024-01-04 09:00", "use"),
]


def _cells(table: pd.DataFrame) -> dict[tuple[str, int], tuple[int, int]]:
    return {
        (c.strftime("%m-%d"), int(o)): (int(s), int(r))
        for c, o, s, r in table[["cohort", "period_offset", "cohort_size", "retained_users"]].itertuples(
            index=False
        )
    }


def test_daily_on(log_from) -> None:
    cells = _cells(retention_table(log_from(ROWS), "day"))
    assert cells == {
        ("01-01", 0): (2, 2),
        ("01-01", 1): (2, 1),
        ("01-01", 2): (2, 1),
        ("01-01", 3): (2, 1),
        ("01-02", 0): (2, 2),
        ("01-02", 1): (2, 0),
        ("01-02", 2): (2, 1),
    }


def test_daily_on_or_after(log_from) -> None:
    cells = _cells(retention_table(log_from(ROWS), "day", mode="on_or_after"))
    assert cells[("01-01", 1)] == (2, 2) and cells[("01-01", 3)] == (2, 1)
    assert cells[("01-02", 1)] == (2, 1)


def test_start_and_return_events(log_from) -> None:
    table = retention_table(log_from(ROWS), "day", start_event="signup", return_event="use")
    cells = _cells(table)
    # d's "use" at 08:00 precedes the signup at 09:00, so d is not retained on day 0
    assert cells[("01-02", 0)] == (1, 0)
    assert cells[("01-02", 2)] == (1, 1)
    assert cells[("01-01", 0)] == (2, 0) and cells[("01-01", 1)] == (2, 1)


def test_max_periods_range_and_rates(log_from) -> None:
    table = retention_table(log_from(ROWS), "day", max_periods=1, start="2024-01-02")
    assert _cells(table) == {("01-02", 0): (2, 2), ("01-02", 1): (2, 0)}
    assert table["retention_rate"].tolist() == [1.0, 0.0]


def test_weekly_cohorts_across_a_year_boundary(log_from) -> None:
    rows = [
        ("a", "2024-12-29", "x"),
        ("a", "2024-12-30", "x"),
        ("b", "2024-12-31", "x"),
        ("b", "2025-01-13", "x"),
    ]
    cells = _cells(retention_table(log_from(rows), "week"))
    assert cells == {
        ("12-23", 0): (1, 1),
        ("12-23", 1): (1, 1),
        ("12-23", 2): (1, 0),
        ("12-23", 3): (1, 0),
        ("12-30", 0): (1, 1),
        ("12-30", 1): (1, 0),
        ("12-30", 2): (1, 1),
    }


def test_breakdown_and_weighted_average(log_from) -> None:
    customers = Customers(
        pd.DataFrame({"user": ["a", "b", "c", "d"], "plan": ["pro", "free", "pro", "pro"]}), "user"
    )
    table = retention_table(log_from(ROWS), "day", by="plan", customers=customers)
    assert set(table["segment"]) == {"free", "pro"}
    pro = table[table["segment"] == "pro"]
    assert _cells(pro)[("01-02", 0)] == (2, 2)
    curve = retention_curve(retention_table(log_from(ROWS), "day"))
    # offset 2: cohort 01-01 (1 of 2) and 01-02 (1 of 2); offset 3 only the older cohort
    assert curve.set_index("period_offset")["retention_rate"].to_dict() == {0: 1.0, 1: 0.25, 2: 0.5, 3: 0.5}
    assert curve["cohorts"].tolist() == [2, 2, 2, 1]


def test_empty_range_and_bad_mode(log_from) -> None:
    assert retention_table(log_from(ROWS), "week", start="2023-01-01", end="2023-02-01").empty
    with pytest.raises(AnalysisError, match="mode"):
        retention_table(log_from(ROWS), "day", mode="after")  # type: ignore[arg-type]
