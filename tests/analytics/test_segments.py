"""Segment comparison: a metric per customer attribute value equals the metric on that segment alone."""

from __future__ import annotations

import pandas as pd

from usagelens.analytics import active_users
from usagelens.analytics.attributes import Customers
from usagelens.analytics.funnels import funnel
from usagelens.analytics.segments import compare_segments

ROWS = [
    ("a", "2024-01-01", "view", "web"),
    ("a", "2024-01-02", "buy", "web"),
    ("b", "2024-01-01", "view", "ios"),
    ("c", "2024-01-02", "view", "ios"),
    ("c", "2024-01-02 10:00", "buy", "ios"),
]


def test_active_users_by_plan_with_missing_customers(log_from) -> None:
    customers = Customers(pd.DataFrame({"id": ["a", "b"], "plan": ["pro", "free"]}), user="id")
    table = compare_segments(
        log_from(ROWS, ("platform",)),
        lambda segment: active_users(segment, "day"),
        "plan",
        customers=customers,
    )
    assert table[["segment", "segment_users", "active_users"]].values.tolist() == [
        ["free", 1, 1],
        ["free", 1, 0],
        ["pro", 1, 1],
        ["pro", 1, 1],
        ["(missing)", 1, 0],
        ["(missing)", 1, 1],
    ]
    assert table["period"].dt.day.tolist() == [1, 2, 1, 2, 1, 2]


def test_funnel_by_event_property(log_from) -> None:
    table = compare_segments(
        log_from(ROWS, ("platform",)), lambda segment: funnel(segment, ["view", "buy"]), "platform"
    )
    assert table[["segment", "users"]].values.tolist() == [["ios", 2], ["ios", 1], ["web", 1], ["web", 1]]


def test_an_event_property_counts_a_user_under_their_first_or_last_value(log_from) -> None:
    rows = [
        ("a", "2024-01-01", "view", "free"), ("a", "2024-01-05", "buy", "team"), ("b", "2024-01-02", "view", "free")
    ]
    log = log_from(rows, ("plan",))
    users = {
        counted: compare_segments(log, lambda part: active_users(part, "month"), "plan", counted=counted)
        for counted in ("first", "last")
    }
    assert users["first"][["segment", "active_users"]].values.tolist() == [["free", 2]]
    assert users["last"][["segment", "active_users"]].values.tolist() == [["free", 1], ["team", 1]]
