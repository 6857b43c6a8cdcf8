"""Funnels pinned to design §4: order modes, ties, one row per step, windows, exclusion, breakdown."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.analytics import AnalysisError
from usagelens.analytics.attributes import Customers
from usagelens.analytics.drivers import funnel_drivers
from usagelens.analytics.funnels import funnel, funnel_breakdown

ROWS = [
    # a: view, cart, buy in order, with noise between -> converts in every order mode but strict
    ("a", "2024-01-01 10:00", "view"),
    ("a", "2024-01-01 10:05", "search"),
    ("a", "2024-01-01 10:10", "cart"),
    ("a", "2024-01-02 10:00", "buy"),
    # b: cart happens before the entering view -> only step 1 (sequential)
    ("b", "2024-01-01 09:00", "cart"),
    ("b", "2024-01-01 09:30", "view"),
    ("b", "2024-01-01 09:40", "buy"),
    # c: one event only
    ("c", "2024-01-03 00:00", "view"),
    # d: strict path view -> cart -> buy back to back
    ("d", "2024-01-04 00:00", "view"),
    ("d", "2024-01-04 00:01", "cart"),
    ("d", "2024-01-04 00:02", "buy"),
]


def _users(frame: pd.DataFrame) -> list[int]:
    return frame["users"].tolist()


def test_sequential_counts_conversions_and_medians(log_from) -> None:
    result = funnel(log_from(ROWS), ["view", "cart", "buy"])
    assert _users(result) == [4, 2, 2]
    assert result["conversion_from_previous"].tolist() == [1.0, 0.5, 1.0]
    assert result["conversion_from_start"].tolist() == [1.0, 0.5, 0.5]
    # view->cart: a 10 min, d 1 min -> median 5.5 min; cart->buy: a 23h50, d 1 min
    assert result["median_time_from_previous"][1] == pd.Timedelta(minutes=5, seconds=30)
    assert result["median_time_from_start"][2] == pd.Timedelta(hours=12, minutes=1)
    assert pd.isna(result["median_time_from_previous"][0])


def test_strict_requires_the_very_next_event(log_from) -> None:
    assert _users(funnel(log_from(ROWS), ["view", "cart", "buy"], order="strict")) == [4, 1, 1]


def test_any_order_accepts_steps_before_each_other_but_not_before_entry(log_from) -> None:
    # b's cart precedes the entering view, so b reaches no step beyond 1 even in any order
    rows = [
        *ROWS,
        ("e", "2024-01-05 00:00", "view"),
        ("e", "2024-01-05 00:01", "buy"),
        ("e", "2024-01-05 00:02", "cart"),
    ]
    assert _users(funnel(log_from(rows), ["view", "cart", "buy"], order="any")) == [5, 3, 3]
    assert _users(funnel(log_from(rows), ["view", "cart", "buy"])) == [5, 3, 2]


def test_ties_count_in_either_order_but_one_row_never_fills_two_steps(log_from) -> None:
    rows = [
        ("a", "2024-01-01 10:00", "cart"),  # same instant, listed before the entering view
        ("a", "2024-01-01 10:00", "view"),
        ("b", "2024-01-01 10:00", "buy"),
        ("c", "2024-01-01 10:00", "buy"),
        ("c", "2024-01-01 10:00", "buy"),
    ]
    log = log_from(rows)
    assert _users(funnel(log, ["view", "cart"])) == [1, 1]
    assert _users(funnel(log, ["buy", "buy"])) == [2, 1]
    assert _users(funnel(log, ["buy", "buy"], order="any")) == [2, 1]
    assert _users(funnel(log, ["buy", "buy", "buy"])) == [2, 1, 0]


def test_repeated_step_after_a_different_one_needs_a_new_row(log_from) -> None:
    rows = [
        ("a", "2024-01-01 10:00", "x"),
        ("a", "2024-01-01 10:00", "y"),
        ("b", "2024-01-01", "x"),
        ("b", "2024-01-01 00:00", "y"),
        ("b", "2024-01-01 00:00", "x"),
    ]
    assert _users(funnel(log_from(rows), ["x", "y", "x"])) == [2, 2, 1]


def test_window_edge_exactly_w_counts(log_from) -> None:
    rows = [
        ("a", "2024-01-01 00:00", "s"),
        ("a", "2024-01-08 00:00", "t"),
        ("b", "2024-01-01 00:00", "s"),
        ("b", "2024-01-08 00:00:00.000001", "t"),
    ]
    log = log_from(rows)
    assert _users(funnel(log, ["s", "t"], window="7d")) == [2, 1]
    assert _users(funnel(log, ["s", "t"])) == [2, 2]


def test_exclusion_between_steps_drops_the_user(log_from) -> None:
    rows = [
        ("a", "2024-01-01 00:00", "s"),
        ("a", "2024-01-01 01:00", "x"),
        ("a", "2024-01-01 02:00", "t"),
        ("b", "2024-01-01 00:00", "s"),
        ("b", "2024-01-01 02:00", "t"),
        ("b", "2024-01-01 03:00", "x"),
    ]
    assert _users(funnel(log_from(rows), ["s", "t"], exclude="x")) == [2, 1]


def test_range_chooses_entry_and_empty_range(log_from) -> None:
    log = log_from(ROWS)
    assert _users(funnel(log, ["view", "cart"], start="2024-01-03", end="2024-01-04")) == [2, 1]
    empty = funnel(log, ["view", "cart"], start="2025-01-01", end="2025-01-02")
    assert _users(empty) == [0, 0] and empty["conversion_from_start"].isna().all()


def test_breakdown_by_customer_attribute_and_event_property(log_from) -> None:
    log = log_from([(u, t, e, "web" if u in "ab" else "ios") for u, t, e in ROWS], properties=("platform",))
    customers = Customers(pd.DataFrame({"id": ["a", "b", "c"], "plan": ["pro", "free", "pro"]}), user="id")
    by_plan = funnel_breakdown(log, ["view", "cart"], "plan", customers=customers)
    assert by_plan[["segment", "users"]].values.tolist() == [
        ["free", 1],
        ["free", 0],
        ["pro", 2],
        ["pro", 1],
        ["(missing)", 1],
        ["(missing)", 1],
    ]
    by_platform = funnel_breakdown(log, ["view", "cart"], "platform")
    assert by_platform[["segment", "users"]].values.tolist() == [
        ["ios", 2],
        ["ios", 1],
        ["web", 2],
        ["web", 1],
    ]


def test_bad_funnels(log_from) -> None:
    log = log_from(ROWS)
    with pytest.raises(AnalysisError, match="two steps"):
        funnel(log, ["view"])
    with pytest.raises(AnalysisError, match="nope"):
        funnel(log, ["view", "nope"])
    with pytest.raises(AnalysisError, match="duration"):
        funnel(log, ["view", "cart"], window="soon")


def test_drivers_find_the_event_and_attribute_that_go_with_converting(log_from) -> None:
    rows = []
    for i in range(40):
        user = f"u{i:02d}"
        helped = i < 20
        rows.append((user, "2024-01-01 10:00", "view", "web" if i % 2 else "ios"))
        if helped:
            rows.append((user, "2024-01-01 10:01", "tutorial", "web"))
        if helped or i % 10 == 0:
            rows.append((user, "2024-01-01 10:05", "buy", "web"))
    log = log_from(rows, properties=("platform",))
    table = funnel_drivers(log, ["view", "buy"], attributes=["platform"])
    first = table.iloc[0]
    assert (first["kind"], first["feature"]) == ("event", "tutorial")
    assert (first["converted_with"], first["dropped_with"]) == (20, 0)
    assert first["odds_ratio"] > 10 and first["p_value"] < 1e-6 and first["test"] == "fisher"
    platform = table[table["kind"] == "attribute"].set_index("feature")
    assert set(platform.index) == {"platform = ios", "platform = web"}
    assert platform.loc["platform = ios", "p_value"] > 0.05
