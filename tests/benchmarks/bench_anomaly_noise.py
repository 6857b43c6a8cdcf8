#!/usr/bin/env python
"""How often the anomaly rule cries wolf on pure noise, and how often it catches a real drop.

Each round draws half a year of daily counts from a Poisson distribution around a weekly rhythm with slow
growth (what a product's daily active users look like when nothing happens), then counts the days flagged;
a copy with one weekday cut by 40 % says whether that drop is caught. With ``--write`` the table replaces its
section of ``tests/benchmarks/RESULTS.md``.

    python tests/benchmarks/bench_anomaly_noise.py [--rounds 300] [--seed 7] [--write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1] / "desktop")]

from results_file import replace_section  # noqa: E402

from usagelens.analytics.anomalies import DEFAULT_WINDOW, THRESHOLD, anomalies  # noqa: E402

SECTION = "# Anomalies on pure noise"
DAYS = 182
WEEKLY = np.array([1.0, 1.05, 1.05, 1.0, 0.95, 0.5, 0.45])
DROP_DAY, DROP = 100, 0.6


def noise_rounds(rounds: int, seed: int, window: int, threshold: float) -> tuple[float, float]:
    """(false alarms per half year, share of single 40 % drops caught) over ``rounds`` simulated series."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("2024-01-01", periods=DAYS, freq="D")
    level = 300 * WEEKLY[np.arange(DAYS) % 7] * (1 + 0.002 * np.arange(DAYS))
    def flagged(values: np.ndarray) -> np.ndarray:
        return anomalies(pd.Series(values, index=days), window=window, threshold=threshold)["is_anomaly"].to_numpy()

    alarms = caught = 0
    for _ in range(rounds):
        values = rng.poisson(level).astype(float)
        alarms += int(flagged(values).sum())
        values[DROP_DAY] *= DROP
        caught += bool(flagged(values)[DROP_DAY])
    return alarms / rounds, caught / rounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    args = parser.parse_args()
    rows = ["| window (weeks) | threshold | false alarms per half year | 40 % drops caught |", "|---:|---:|---:|---:|"]
    for window in (7, DEFAULT_WINDOW, 13):
        for threshold in (THRESHOLD, 4.0):
            alarms, caught = noise_rounds(args.rounds, args.seed, window, threshold)
            default = " (default)" if (window, threshold) == (DEFAULT_WINDOW, THRESHOLD) else ""
            rows.append(f"| {window}{default} | {threshold:g} | {alarms:.2f} | {caught:.0%} |")
    table = "\n".join(rows)
    print(table, flush=True)
    if args.write:
        replace_section(SECTION, f"{SECTION}\n\n{args.rounds} simulated half years of Poisson daily counts around "
                        f"a weekly rhythm with slow growth, seed {args.seed}. Before the local MAD was floored by "
                        "the series' own spread, window 7 at 3.5 raised 5.3 false alarms per half year.\n\n"
                        + table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
