"""Robust outlier measures shared by the quality report's column checks and its test-user hunt.

Medians and quartiles rather than means and standard deviations, because the outliers themselves (a bot
with 50,000 events, a refund of -9,999) would otherwise inflate the spread and hide.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

IQR_FACTOR = 1.5
ROBUST_Z_LIMIT = 3.5
_MAD_TO_SIGMA = 1.4826  # MAD of a normal distribution times this is its standard deviation
_MEAN_AD_TO_SIGMA = 1.2533  # the same for the mean absolute deviation


def robust_z(values: np.ndarray) -> np.ndarray:
    """Distance from the median in robust standard deviations (design §4: 1.4826·MAD).

    When more than half the values are equal the MAD is zero; then the mean absolute deviation stands in
    (Iglewicz & Hoaglin), so one user with 10,000 events among thousands with exactly one is still seen.
    """
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return values
    median = np.median(values)
    deviation = np.abs(values - median)
    scale = _MAD_TO_SIGMA * np.median(deviation)
    if scale == 0:
        scale = _MEAN_AD_TO_SIGMA * deviation.mean()
    if scale == 0:
        return np.zeros_like(values)
    return (values - median) / scale


@dataclass(frozen=True)
class ColumnOutliers:
    """How many values of a numeric column look extreme, by the two usual rules."""

    column: str
    low_fence: float
    high_fence: float
    beyond_fences: int  # outside [Q1 - 1.5·IQR, Q3 + 1.5·IQR]
    robust_z: int  # |robust z| > 3.5
    flagged: int  # by either rule: what the summary shows


def column_outliers(name: str, values: pd.Series) -> ColumnOutliers | None:
    """Outlier counts of one numeric column; None when it has no finite values."""
    numbers = values.to_numpy(dtype=float, na_value=np.nan)
    numbers = numbers[np.isfinite(numbers)]
    if len(numbers) == 0:
        return None
    q1, q3 = np.percentile(numbers, [25, 75])
    low, high = q1 - IQR_FACTOR * (q3 - q1), q3 + IQR_FACTOR * (q3 - q1)
    beyond = (numbers < low) | (numbers > high)
    extreme = np.abs(robust_z(numbers)) > ROBUST_Z_LIMIT
    return ColumnOutliers(name, float(low), float(high), int(beyond.sum()), int(extreme.sum()),
                          int((beyond | extreme).sum()))
