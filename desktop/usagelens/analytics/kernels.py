"""Small numpy kernels shared by several metric families."""

from __future__ import annotations

import numpy as np

# Above this many (code, user) cells a presence bitmap would cost more memory than sorting the keys.
_DENSE_CELLS = 64_000_000
# Rows whose int64 keys are made at a time where the result allows it: at 100M events whole-log keys and
# their temporaries took over 2 GB; a chunk's take about 130 MB, for the same counts.
CHUNK_ROWS = 1 << 23


def chunks(n: int) -> list[slice]:
    """Consecutive slices of at most :data:`CHUNK_ROWS` covering ``range(n)``."""
    return [slice(start, min(start + CHUNK_ROWS, n)) for start in range(0, n, CHUNK_ROWS)]


def distinct_pairs(
    codes: np.ndarray, users: np.ndarray, n_codes: int, n_users: int
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (code, user) pairs as two aligned arrays, sorted by code then user.

    A presence bitmap when it is small (one scatter, no sort), otherwise a sort of the combined keys.
    """
    if n_codes * n_users <= _DENSE_CELLS:
        present = np.zeros(n_codes * n_users, dtype=bool)
        for rows in chunks(len(codes)):
            present[codes[rows].astype(np.int64) * n_users + users[rows]] = True
        keys = np.flatnonzero(present)
    else:
        keys = np.unique(codes.astype(np.int64) * n_users + users)
    return keys // max(n_users, 1), keys % max(n_users, 1)


def users_per_code(codes: np.ndarray, users: np.ndarray, n_codes: int, n_users: int) -> np.ndarray:
    """How many distinct users have at least one row with each code (length ``n_codes``)."""
    pair_codes, _ = distinct_pairs(codes, users, n_codes, n_users)
    return np.bincount(pair_codes, minlength=n_codes).astype(np.int64)


def count_distinct_sorted(values: np.ndarray) -> int:
    """Distinct values of a sorted array (one comparison per element, no sort)."""
    return int(len(values) > 0) + int(np.count_nonzero(values[1:] != values[:-1]))


def group_medians(groups: np.ndarray, values: np.ndarray, n_groups: int) -> np.ndarray:
    """The median of ``values`` within each group 0..n_groups-1 (NaN for empty groups), with one sort.

    Non-negative integer values (durations, counts) are packed with their group into one int64 and
    sorted with ``np.sort``, several times faster than a two-key ``lexsort``; anything else is lexsorted.
    """
    counts = np.bincount(groups, minlength=n_groups)
    value_bits = int(values.max(initial=0)).bit_length() if values.dtype.kind in "iu" else 64
    if values.dtype.kind in "iu" and values.min(initial=0) >= 0 and value_bits + n_groups.bit_length() <= 62:
        packed = (groups.astype(np.int64) << value_bits) | values
        packed.sort()
        sorted_values = (packed & ((1 << value_bits) - 1)).astype(np.float64)
    else:
        sorted_values = values[np.lexsort((values, groups))].astype(np.float64)
    ends = np.cumsum(counts)
    starts = ends - counts
    lower = starts + (counts - 1) // 2
    upper = starts + counts // 2
    filled = counts > 0
    medians = np.full(n_groups, np.nan)
    medians[filled] = (sorted_values[lower[filled]] + sorted_values[upper[filled]]) / 2
    return medians
