"""Vectorised drawing helpers: the generator never loops over events in Python."""

from __future__ import annotations

import numpy as np


def choice_rows(rng: np.random.Generator, probabilities: np.ndarray) -> np.ndarray:
    """One categorical draw per row of a (rows x categories) matrix of weights."""
    cumulative = probabilities.cumsum(axis=1)
    draws = rng.random(len(probabilities))[:, None] * cumulative[:, -1:]
    return np.minimum((draws >= cumulative).sum(axis=1), probabilities.shape[1] - 1)


def cumsum_within(values: np.ndarray, group_sizes: np.ndarray) -> np.ndarray:
    """Running sum of ``values`` restarting at each group (groups are consecutive runs of the given sizes)."""
    total = np.cumsum(values)
    starts = np.cumsum(group_sizes) - group_sizes
    return total - np.repeat(total[starts] - values[starts], group_sizes)
