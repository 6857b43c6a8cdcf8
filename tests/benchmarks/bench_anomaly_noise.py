#!/usr/bin/env python
"""How often the anomaly rule cries wolf on pure noise, and how often it catches a real drop or spike.

Each round draws half a year of daily numbers around a weekly rhythm with slow growth (what a product's daily
active users look like when nothing happens): Poisson counts of a small, a mid-sized and a large product, and
normal noise of 5 % and 10 % for numbers that vary more than counts do (sessions, revenue). The days flagged
are false alarms. A copy with one Wednesday cut by 40 % and one Saturday up by 50 % says whether each is
caught. With ``--write`` the table replaces its section of ``tests/benchmarks/RESULTS.md``.

    python tests/benchmarks/bench_anomaly_noise.py [--rounds 200] [--seed 7] [--write]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1] / "desktop")]

from results_file import replace_section  # noqa: E402

from usagelens.analytics.anomalies import DEFAULT_WINDOW, THRESHOLD, anomalies  # noqa: E402

SECTION = "# Anomalies on pure noise"
DAYS = 182  # half a year
DAY_ONE = "2024-01-01"  # a Monday, so day 100 is a Wednesday and day 131 a Saturday
WEEKLY = np.array([1.0, 1.05, 1.05, 1.0, 0.95, 0.5, 0.45])
GROWTH = 0.002  # per day: +44 % over the half year
DROP_DAY, DROP = 100, 0.6
SPIKE_DAY, SPIKE = 131, 1.5
SETTINGS = ((9, THRESHOLD), (11, THRESHOLD), (13, 3.0), (13, THRESHOLD), (13, 4.0))  # (weeks, threshold)


@dataclass(frozen=True)
class Noise:
    """A kind of daily number: Poisson counts around ``level`` (``spread`` 0), else normal with a standard
    deviation of ``spread`` times the expected value."""

    label: str
    level: float
    spread: float = 0.0

    def expected(self) -> np.ndarray:
        day = np.arange(DAYS)
        return self.level * WEEKLY[day % 7] * (1 + GROWTH * day)

    def draw(self, rng: np.random.Generator) -> np.ndarray:
        mean = self.expected()
        if self.spread:
            return rng.normal(mean, self.spread * mean)
        return rng.poisson(mean).astype(float)


NOISES = (
    Noise("Poisson, ~30 a day", 30),
    Noise("Poisson, ~300 a day", 300),
    Noise("Poisson, ~5,000 a day", 5000),
    Noise("normal, sd 5 %", 1000, 0.05),
    Noise("normal, sd 10 %", 1000, 0.10),
)


def with_planted(values: np.ndarray) -> np.ndarray:
    """A copy of ``values`` with a 40 % drop on DROP_DAY and a 50 % spike on SPIKE_DAY."""
    planted = values.copy()
    planted[DROP_DAY] *= DROP
    planted[SPIKE_DAY] *= SPIKE
    return planted


def flagged(values: np.ndarray, window: int = DEFAULT_WINDOW, threshold: float = THRESHOLD) -> np.ndarray:
    """The days :func:`anomalies` flags in a half year of ``values``."""
    days = pd.date_range(DAY_ONE, periods=len(values), freq="D")
    table = anomalies(pd.Series(values, index=days), window=window, threshold=threshold)
    return np.flatnonzero(table["is_anomaly"].to_numpy())


@dataclass(frozen=True)
class Rates:
    false_alarms: float  # flagged days per half year of pure noise
    drops_caught: float  # share of rounds whose 40 % drop was flagged
    spikes_caught: float


def noise_rounds(noise: Noise, rounds: int, seed: int, window: int = DEFAULT_WINDOW,
                 threshold: float = THRESHOLD) -> Rates:
    """False alarms and planted anomalies caught over ``rounds`` half years of ``noise``."""
    rng = np.random.default_rng(seed)
    alarms = drops = spikes = 0
    for _ in range(rounds):
        values = noise.draw(rng)
        alarms += len(flagged(values, window, threshold))
        caught = flagged(with_planted(values), window, threshold)
        drops += DROP_DAY in caught
        spikes += SPIKE_DAY in caught
    return Rates(alarms / rounds, drops / rounds, spikes / rounds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    args = parser.parse_args()
    rows = ["| noise | window (weeks) | threshold | false alarms per half year | 40 % drops caught "
            "| 50 % spikes caught |", "|---|---:|---:|---:|---:|---:|"]
    for noise in NOISES:
        for window, threshold in SETTINGS:
            rates = noise_rounds(noise, args.rounds, args.seed, window, threshold)
            default = " (default)" if (window, threshold) == (DEFAULT_WINDOW, THRESHOLD) else ""
            rows.append(f"| {noise.label} | {window}{default} | {threshold:g} | {rates.false_alarms:.2f} | "
                        f"{rates.drops_caught:.0%} | {rates.spikes_caught:.0%} |")
            print(rows[-1], flush=True)
    if args.write:
        replace_section(SECTION, f"{SECTION}\n\n`bench_anomaly_noise.py`: {args.rounds} simulated half years per "
                        f"kind of noise (seed {args.seed}) around a weekly rhythm (weekends at half the weekday "
                        "level) with 0.2 %/day growth; each copy then gets a Wednesday cut by 40 % and a Saturday "
                        "up by 50 %. Before the local MAD was floored by the series' own spread, window 7 at 3.5 "
                        "raised 5.3 false alarms per half year on the mid-sized Poisson series; window 9 at 3.5 "
                        "then raised 0.9–1.1; the default of 13 weeks at 3.5 raises 0.5–0.8, about one a year. "
                        "On ~5,000 a day nearly every false alarm falls in the first or last weeks, where the "
                        "window is one-sided and growth moves the median. A 40 % drop hides in the noise of ~30 "
                        "users a day (one day's count varies by ±20 %), so no threshold catches it there without "
                        "crying wolf.\n\n"
                        + "\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
