"""The default anomaly rule on pure noise: about one false alarm a year, while a day cut by 40 % or up by 50 %
is still flagged (the noise and the planted days are those of tests/benchmarks/bench_anomaly_noise.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_anomaly_noise import DROP_DAY, NOISES, SPIKE_DAY, Noise, flagged, noise_rounds, with_planted  # noqa: E402

POISSON_300, NORMAL_5 = NOISES[1], NOISES[3]


@pytest.mark.parametrize(("noise", "seed"), [(POISSON_300, 0), (NORMAL_5, 2)])
def test_a_quiet_half_year_has_no_alarm_and_the_planted_days_are_found(noise: Noise, seed: int) -> None:
    values = noise.draw(np.random.default_rng(seed))
    assert flagged(values).tolist() == []
    assert flagged(with_planted(values)).tolist() == [DROP_DAY, SPIKE_DAY]


@pytest.mark.parametrize("noise", [POISSON_300, NORMAL_5])
def test_false_alarms_stay_near_one_a_year(noise: Noise) -> None:
    """40 half years each: the 9-week window of before raised 0.8 (Poisson) and 1.2 (normal) here."""
    rates = noise_rounds(noise, rounds=40, seed=11)
    assert rates.false_alarms <= 0.7
    assert rates.drops_caught >= 0.9 and rates.spikes_caught >= 0.8
