"""Revenue/CLV, anomalies on a daily series, experiments and before/after impact."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import AnalysisError
from usagelens.analytics.anomalies import anomalies
from usagelens.analytics.attributes import Customers
from usagelens.analytics.experiments import before_after, experiment, two_proportions, welch_t_test
from usagelens.analytics.revenue import Payments, arpu, estimated_clv, revenue_per_customer, simple_clv

EVENTS = [
    ("a", "2024-01-05", "x"), ("b", "2024-01-06", "x"), ("a", "2024-02-03", "x"), ("c", "2024-02-04", "x"),
]  # fmt: skip
PAYMENTS = pd.DataFrame(
    {
        "customer": ["a", "a", "b", "c", None],
        "paid_at": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-01-06", "2024-02-03", "2024-02-04"]),
        "amount": [10.0, 5.0, 20.0, 30.0, 99.0],
    }
)


def _payments() -> Payments:
    return Payments.from_frame(PAYMENTS, user="customer", time="paid_at", amount="amount")


def test_arpu_per_month(log_from) -> None:
    table = arpu(_payments(), log_from(EVENTS), "month")
    assert table[["revenue", "active_users", "paying_users", "arpu", "arppu"]].values.tolist() == [
        [35.0, 2, 2, 17.5, 17.5],
        [30.0, 2, 1, 15.0, 30.0],
    ]


def test_revenue_per_customer() -> None:
    table = revenue_per_customer(_payments())
    expected = [["c", 30.0, 1], ["b", 20.0, 1], ["a", 15.0, 2]]
    assert table[["user_id", "revenue", "payments"]].values.tolist() == expected


def test_simple_and_estimated_clv(log_from) -> None:
    table = simple_clv(arpu_per_month=20.0, gross_margin=0.8, churn_rate=0.05)
    assert table.set_index("parameter")["value"]["clv"] == pytest.approx(320.0)
    estimated = estimated_clv(_payments(), log_from(EVENTS), gross_margin=0.5).set_index("parameter")
    # ARPU = 65 revenue / 4 active user-months; churn: b of {a, b} left in February = 0.5
    assert estimated.loc["arpu_per_month", "value"] == pytest.approx(16.25)
    assert estimated.loc["monthly_churn_rate", ["value", "source"]].tolist() == [0.5, "estimated"]
    assert estimated.loc["clv", "value"] == pytest.approx(16.25)
    with pytest.raises(AnalysisError, match="churn"):
        simple_clv(arpu_per_month=1, gross_margin=0.5, churn_rate=0)


def test_anomalies_flag_a_spike_not_the_weekly_pattern() -> None:
    days = pd.date_range("2024-01-01", periods=56, freq="D")
    values = np.where(days.day_of_week >= 5, 40.0, 100.0) + np.tile([0, 1, -1, 2, -2, 0, 1], 8)
    values[30] = 300.0
    table = anomalies(pd.Series(values, index=days))
    assert table.index[table["is_anomaly"]].tolist() == [30]
    assert table["robust_z"][30] > 3.5
    plain = anomalies(pd.Series(values, index=days), season=1, window=15)
    assert plain["is_anomaly"].sum() > 1  # a plain window mistakes weekends for anomalies


def test_two_proportions_matches_a_textbook_example() -> None:
    result = two_proportions(200, 1000, 250, 1000)
    assert result["difference"] == pytest.approx(0.05)
    assert result["z"] == pytest.approx(2.67, abs=0.01)
    assert result["p_value"] == pytest.approx(0.0076, abs=2e-4)
    assert result["ci_low"] < 0.05 < result["ci_high"]
    assert result["lift"] == pytest.approx(0.25) and result["lift_ci_low"] > 0


def test_welch_t_test_matches_reference() -> None:
    # by hand: means 22 and 28.75, variances 24.5 and 4.9167 -> t = 6.75 / sqrt(4.9 + 1.2292) = 2.7265,
    # Welch-Satterthwaite df = 6.1292² / (4.9² / 4 + 1.2292² / 3) = 5.774
    a = np.array([19.0, 22, 16, 29, 24])
    b = np.array([28.0, 30, 31, 26])
    result = welch_t_test(a, b)
    assert result["t"] == pytest.approx(2.7265, abs=1e-4)
    assert result["df"] == pytest.approx(5.774, abs=1e-3)
    assert result["p_value"] == pytest.approx(2 * 0.0184, abs=0.004)
    assert result["ci_low"] < result["difference"] < result["ci_high"]


def test_experiment_per_variant(log_from) -> None:
    rows = [("a", "2024-01-01", "visit"), ("a", "2024-01-02", "buy"), ("b", "2024-01-01", "visit"),
            ("c", "2024-01-01", "visit"), ("c", "2024-01-01 10:00", "buy"), ("d", "2024-01-01", "visit"),
            ("d", "2024-01-03", "buy"), ("e", "2024-01-01", "visit")]  # fmt: skip
    customers = Customers(pd.DataFrame({"id": list("abcd"), "group": ["A", "A", "B", "B"]}), user="id")
    table = experiment(log_from(rows), "group", "buy", customers=customers)
    assert table[["variant", "users", "conversions", "conversion_rate"]].values.tolist() == [
        ["A", 2, 1, 0.5], ["B", 2, 2, 1.0]]  # fmt: skip
    assert math.isnan(table["p_value"][0]) and table["difference"][1] == pytest.approx(0.5)
    with pytest.raises(AnalysisError, match="variant"):
        experiment(log_from(rows), "group", "buy", customers=customers, control="Z")


def test_before_after_same_length_windows() -> None:
    days = pd.date_range("2024-03-01", periods=20, freq="D")
    values = np.r_[np.full(10, 10.0) + np.tile([0, 1], 5), np.full(10, 15.0) + np.tile([0, 1], 5)]
    table = before_after(pd.Series(values, index=days), "2024-03-11", days=7)
    row = table.iloc[0]
    assert row["window_days"] == 7
    assert (row["before_start"], row["after_end"]) == (pd.Timestamp("2024-03-04"), pd.Timestamp("2024-03-17"))
    assert row["difference"] == pytest.approx(5.0, abs=0.2) and row["p_value"] < 0.001
    with pytest.raises(AnalysisError, match="2 days"):
        before_after(pd.Series(values, index=days), "2024-03-01")
