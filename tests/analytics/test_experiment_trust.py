"""Experiments you can plan and trust: the sample size for an effect, a split that is not what was planned,
and more than two variants compared with the control (issue 16)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import AnalysisError, EventLog
from usagelens.analytics.experiments import compare_variants, experiment, sample_ratio_mismatch, sample_size
from usagelens.analytics.stats import chi_square_sf, holm, normal_two_sided_p


@pytest.mark.parametrize(("x", "df", "p"), [
    (3.841458820694124, 1, 0.05), (5.991464547107979, 2, 0.05), (10.827566170662733, 1, 0.001),
    (0.5, 3, 0.9188914116546758), (30.0, 4, 4.894437128029216e-06), (0.0, 2, 1.0),
])
def test_chi_square_tail_matches_tabled_values(x: float, df: int, p: float) -> None:
    assert chi_square_sf(x, df) == pytest.approx(p, rel=1e-9)


def test_chi_square_with_one_degree_is_the_square_of_a_normal() -> None:
    for z in (0.1, 1.0, 2.5, 4.0):
        assert chi_square_sf(z * z, 1) == pytest.approx(normal_two_sided_p(z), rel=1e-9)


def test_holm_steps_down_and_never_passes_one() -> None:
    np.testing.assert_allclose(holm(np.array([0.01, 0.04, 0.03, 0.005])), [0.03, 0.06, 0.06, 0.02])
    np.testing.assert_allclose(holm(np.array([0.6, 0.9])), [1.0, 1.0])
    np.testing.assert_allclose(holm(np.array([0.02])), [0.02])


def test_the_sample_size_follows_its_formula_and_gives_the_power_it_promises() -> None:
    """0.10 → 0.11: (1.959964·√(2·0.105·0.895) + 0.841621·√(0.09 + 0.0979))² ÷ 0.01² = 14,750.8; and 4,000
    simulated experiments of that size reject the null about 80 % of the time."""
    n = sample_size(0.10, 0.10)
    assert n == 14751
    rng = np.random.default_rng(5)
    control, treated = rng.binomial(n, 0.10, 4000), rng.binomial(n, 0.11, 4000)
    pooled = (control + treated) / (2 * n)
    z = (treated - control) / n / np.sqrt(pooled * (1 - pooled) * 2 / n)
    assert 0.77 < float(np.mean(np.abs(z) > 1.959964)) < 0.83
    assert sample_size(0.10, 0.20) < n < sample_size(0.10, 0.05)  # a smaller effect needs more users
    assert sample_size(0.10, 0.10, power=0.9) > n


@pytest.mark.parametrize(("baseline", "effect"), [(0.0, 0.1), (1.0, 0.1), (0.6, 0.8), (0.1, 0.0)])
def test_an_impossible_plan_is_a_sentence(baseline: float, effect: float) -> None:
    with pytest.raises(AnalysisError):
        sample_size(baseline, effect)


def test_a_split_far_from_even_is_flagged_and_an_even_one_is_not() -> None:
    assert sample_ratio_mismatch([5000, 5600]) < 1e-6
    assert sample_ratio_mismatch([5000, 5040]) > 0.5
    assert sample_ratio_mismatch([9000, 1000], expected=[0.9, 0.1]) == pytest.approx(1.0)
    assert math.isnan(sample_ratio_mismatch([100]))


def test_three_variants_carry_holm_adjusted_p_values() -> None:
    table = compare_variants({"a": (1000, 100), "b": (1000, 130), "c": (1000, 102)}, "a")
    assert math.isnan(table["p_value_holm"].iloc[0])
    np.testing.assert_allclose(table["p_value_holm"].iloc[1:], holm(table["p_value"].iloc[1:].to_numpy()))
    assert (table["p_value_holm"].iloc[1:] >= table["p_value"].iloc[1:]).all()


def test_the_gallery_warns_of_a_mismatched_split_before_its_verdict() -> None:
    from usagelens.model import Project, Source, SourceKind
    from usagelens.workspace.analyses import AnalysisInputs
    from usagelens.workspace.analyses.outcomes import compute_experiment

    users = [f"u{i:04d}" for i in range(1300)]
    frame = pd.DataFrame({
        "user": users + users[:200],
        "time": pd.Timestamp("2025-03-01") + pd.to_timedelta(np.arange(1500), unit="min"),
        "event": ["open"] * 1300 + ["buy"] * 200,
        "arm": ["a" if i < 500 else "b" for i in range(1300)] + ["a"] * 200,
    })
    roles = {"user_id": "user", "timestamp": "time", "event": "event"}
    source = Source("events", SourceKind.EVENTS, frame, roles=roles)
    result = compute_experiment(AnalysisInputs(Project(sources=[source])), {"by": "arm", "goal": "buy"})
    assert result.message.startswith("Sample ratio mismatch: the variants' sizes (a 500, b 800)")
    log = EventLog.from_frame(frame, user="user", time="time", event="event", properties=["arm"])
    assert experiment(log, "arm", "buy")["users"].tolist() == [500, 800]


def test_the_plan_reads_its_baseline_from_the_data_and_needs_more_users_for_smaller_changes() -> None:
    from usagelens.model import Project, Source, SourceKind
    from usagelens.workspace.analyses import AnalysisInputs
    from usagelens.workspace.analyses.outcomes import compute_experiment_plan

    days = pd.date_range("2025-01-06", periods=70, freq="D")
    rows = [(f"u{d:02d}{i}", day, "open") for d, day in enumerate(days) for i in range(10)]
    rows += [(f"u{d:02d}0", day + pd.Timedelta(hours=1), "buy") for d, day in enumerate(days)]  # 1 in 10 buys
    frame = pd.DataFrame(rows, columns=["user", "time", "event"])
    roles = {"user_id": "user", "timestamp": "time", "event": "event"}
    source = Source("events", SourceKind.EVENTS, frame, roles=roles)
    params = {"goal": "buy", "effect": 10.0, "variants": 2, "power": 80, "alpha": 5}
    result = compute_experiment_plan(AnalysisInputs(Project(sources=[source])), params)
    table = result.table
    assert table["baseline_rate"].tolist() == [0.1] * len(table)
    chosen = table.loc[table["relative_effect"] == 0.1].iloc[0]
    assert chosen["users_per_variant"] == sample_size(0.1, 0.1) == 14751
    assert chosen["weeks_of_new_users"] == pytest.approx(2 * 14751 / 70)  # 70 new users a week
    assert table["users_needed"].is_monotonic_decreasing
    assert result.message.startswith("10.0% of active users did buy. A +10% change (to 11.0%) needs 14,751 users")
