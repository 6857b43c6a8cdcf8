"""Conversion drivers with a Benjamini–Hochberg correction: noise stays quiet, a real driver is still found."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import EventLog
from usagelens.analytics.drivers import COLUMNS, FDR, benjamini_hochberg, funnel_drivers

N_USERS = 400
N_NOISE = 200


def _log(seed: int, planted: bool) -> EventLog:
    """Users who view and (30 %) buy; each of 200 noise events done by 30 % of users whatever they did, and,
    when ``planted``, a ``tutorial`` done by 60 % of buyers and 20 % of the others."""
    rng = np.random.default_rng(seed)
    users = np.array([f"u{i:03d}" for i in range(N_USERS)])
    bought = rng.random(N_USERS) < 0.3
    rows = [(u, "2024-01-01 10:00", "view") for u in users]
    rows += [(u, "2024-01-01 11:00", "buy") for u in users[bought]]
    done = rng.random((N_USERS, N_NOISE)) < 0.3
    rows += [(users[i], "2024-01-01 10:30", f"noise_{j:03d}") for i, j in zip(*np.nonzero(done), strict=True)]
    if planted:
        tutorial = rng.random(N_USERS) < np.where(bought, 0.6, 0.2)
        rows += [(u, "2024-01-01 10:10", "tutorial") for u in users[tutorial]]
    frame = pd.DataFrame(rows, columns=["user_id", "timestamp", "event"])
    frame["timestamp"] = pd.to_datetime(frame["timestamp"])
    return EventLog.from_frame(frame, user="user_id", time="timestamp", event="event")


def test_on_pure_noise_at_most_one_feature_is_significant() -> None:
    table = funnel_drivers(_log(seed=16, planted=False), ["view", "buy"])
    assert len(table) == N_NOISE
    assert (table["p_value"] < 0.05).sum() >= 5  # raw p-values alone would flag several features of noise
    assert table["significant"].sum() <= 1


def test_a_planted_driver_is_still_found() -> None:
    table = funnel_drivers(_log(seed=16, planted=True), ["view", "buy"])
    first = table.iloc[0]
    assert first["feature"] == "tutorial" and first["significant"] and first["q_value"] < 1e-6
    assert table["significant"].sum() <= 2


def test_the_table_shows_raw_and_adjusted_p_values_and_decides_on_the_adjusted() -> None:
    table = funnel_drivers(_log(seed=3, planted=True), ["view", "buy"], top=10)
    assert list(table.columns) == COLUMNS
    assert (table["q_value"] >= table["p_value"]).all()
    assert (table["significant"] == (table["q_value"] <= FDR)).all()
    full = funnel_drivers(_log(seed=3, planted=True), ["view", "buy"])
    assert table["q_value"].tolist() == full["q_value"].head(10).tolist()  # adjusted over all 201, not the 10 shown


@pytest.mark.parametrize(
    ("p_values", "q_values"),
    [
        # sorted 0.005 0.01 0.03 0.04 0.5 -> ×5/rank 0.025 0.025 0.05 0.05 0.5, already non-decreasing
        ([0.01, 0.04, 0.03, 0.005, 0.5], [0.025, 0.05, 0.05, 0.025, 0.5]),
        # 0.02×3/1 = 0.06 is above 0.021×3/2 = 0.0315: the step-up takes the smaller one for both
        ([0.02, 0.021, 0.9], [0.0315, 0.0315, 0.9]),
        # 0.8×2/1 = 1.6 -> 0.9 from the rank above; a missing p-value is not a test (m = 2)
        ([0.8, np.nan, 0.9], [0.9, np.nan, 0.9]),
        ([0.7], [0.7]),
        ([], []),
    ],
)
def test_q_values_match_a_hand_computation(p_values: list[float], q_values: list[float]) -> None:
    np.testing.assert_allclose(benjamini_hochberg(np.array(p_values)), q_values, rtol=1e-12)
