"""Small numpy kernels shared by several metric families."""

from __future__ import annotations

import numpy as np

# Above this many (code, user) cells a presence bitmap would cost more memory than sorting the keys.
_DENSE_CELLS = 64_000_000
# Rows whose int64 keys are made at a time where the result allows it: at 100M events whole-log keys and
# their temporaries took over 2 GB; a chunk's take about 130 MB, for the same counts.
CHUNK_ROWS = 1 << 23
# Rows a pass reads at a time where it keeps nothing per row: a chunk's temporaries (a few arrays of 8 bytes a
# row) stay in the CPU's cache, where numpy's passes run several times faster than over millions of rows, and no
# array the size of the log is made. At 100M events a sessions chart took 5.4 CPU s in chunks of 8M rows, 1.0 s
# in chunks of 64K; 16K to 128K were alike.
CACHE_ROWS = 1 << 16


def chunks(n: int, size: int | None = None) -> list[slice]:
    """Consecutive slices of at most ``size`` (:data:`CHUNK_ROWS` by default) covering ``range(n)``."""
    size = size or CHUNK_ROWS
    return [slice(start, min(start + size, n)) for start in range(0, n, size)]


def group_starts(codes: np.ndarray, n_groups: int) -> np.ndarray:
    """CSR offsets of sorted codes below ``n_groups``: code ``g``'s rows are ``starts[g]:starts[g + 1]``.

    Searched for with values of the codes' own type: int64 values against int32 codes made numpy copy the codes
    to int64 first (at 100M events 0.8 CPU s of a journey map's first call, against 0.03)."""
    fits = n_groups <= int(np.iinfo(codes.dtype).max) + 1  # a code past the type's range has no rows anyway
    starts = np.empty(n_groups + 1, dtype=np.int64)
    starts[:-1] = np.searchsorted(codes, np.arange(n_groups, dtype=codes.dtype if fits else np.int64), side="left")
    starts[-1] = len(codes)
    return starts


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
    """How many distinct users have at least one row with each code (length ``n_codes``).

    Counted :data:`CACHE_ROWS` rows at a time (:class:`UsersPerCode`), whose bitmap by user then code stays in
    the CPU's cache: over the 58M events of a 100M export the keys of :func:`distinct_pairs`, 8M rows at a time
    and scattered by code then user, took 0.6-0.8 CPU s against 0.15 (segments, adoption, events, heatmap)."""
    counter = UsersPerCode(n_codes, n_users)
    for rows in chunks(len(codes), CACHE_ROWS):
        counter.add(codes[rows], users[rows])
    return counter.counts()


class UsersPerCode:
    """:func:`users_per_code` fed a chunk of rows at a time, so no array of the rows' keys is made whole.

    A presence bitmap by user then code when it is small: rows sorted by user write a chunk's flags to a few
    cache lines (by code then user, 64K rows scatter over the whole bitmap). Otherwise each chunk's distinct
    keys, made distinct once more at the end (a user's rows may lie in two chunks).
    """

    def __init__(self, n_codes: int, n_users: int) -> None:
        self.n_codes, self.n_users = n_codes, n_users
        dense = n_codes * n_users <= _DENSE_CELLS
        self.present = np.zeros(n_codes * n_users, dtype=bool) if dense else None
        self.keys: list[np.ndarray] = []

    def add(self, codes: np.ndarray, users: np.ndarray) -> None:
        """One chunk's rows: each row's code and user (aligned)."""
        keys = users.astype(np.int64)
        keys *= self.n_codes
        keys += codes
        if self.present is not None:
            self.present[keys] = True
        else:
            self.keys.append(np.unique(keys))

    def counts(self) -> np.ndarray:
        """How many distinct users had each code among the rows added (length ``n_codes``)."""
        if self.present is not None:
            return self.present.reshape(self.n_users, self.n_codes).sum(axis=0, dtype=np.int64)
        keys = np.unique(np.concatenate(self.keys)) if self.keys else np.zeros(0, dtype=np.int64)
        return np.bincount(keys % max(self.n_codes, 1), minlength=self.n_codes).astype(np.int64)


def count_distinct_sorted(values: np.ndarray) -> int:
    """Distinct values of a sorted array (one comparison per element, no sort)."""
    return int(len(values) > 0) + int(np.count_nonzero(values[1:] != values[:-1]))


COUNTED_VALUES = 1024  # values below this are counted one by one when looking for a median


PENDING_KEYS = 1 << 22  # StreamedMedians' keys held before they are counted (32 MB)
_FIRST_LARGE_BITS = int(np.float64(COUNTED_VALUES).view(np.int64)) >> 46


class StreamedMedians:
    """Exact medians of non-negative integers per group, fed in chunks and never held whole.

    :meth:`count` builds a histogram per group: values below :data:`COUNTED_VALUES` one bin each, larger ones
    in bins 1/64 of their size wide (by exponent and six mantissa bits; any monotone binning would do). Most
    medians then fall in an exact bin. For the others, :meth:`collect` (a second pass over the same chunks)
    keeps only the values in the bin the median falls in, which are sorted. At 100M events a sessions chart's
    two medians over 47M sessions took 1.5 GB of arrays this way replaces. Small chunks' keys are held until
    they are as many as the histogram's bins (at most :data:`PENDING_KEYS`): a bincount per chunk of 64K values
    made and added a histogram of 53 weeks' 271K bins each time, 0.4 s of a sessions chart.
    """

    LARGE_BINS = 64 * 64

    def __init__(self, n_groups: int) -> None:
        self.n_groups = n_groups
        self.width = COUNTED_VALUES + self.LARGE_BINS
        self.histogram = np.zeros(n_groups * self.width, dtype=np.int64)
        self._targets: np.ndarray | None = None  # per side (lower, upper) and group: the bin of its median
        self._below = np.zeros((2, n_groups), dtype=np.int64)  # values of the group below that bin
        self._kept: list[tuple[np.ndarray, np.ndarray]] = []
        self._pending: list[np.ndarray] = []  # histogram keys not yet counted
        self._pending_size = 0

    def _bins(self, values: np.ndarray) -> np.ndarray:
        if values.max(initial=0) < COUNTED_VALUES:  # events per session, say: every value its own bin
            return values
        # A positive double's bits grow with its value: the top 18 (exponent, six mantissa bits) are the bin.
        # Worked out in place in one buffer: at 47M sessions each temporary array cost a tenth of a second.
        bins = values.astype(np.float64).view(np.int64)
        np.right_shift(bins, 46, out=bins)
        bins += COUNTED_VALUES - _FIRST_LARGE_BITS
        np.copyto(bins, values, where=values < COUNTED_VALUES)
        return bins

    def count(self, groups: np.ndarray, values: np.ndarray) -> None:
        """First pass: one chunk's values with their groups (0 ≤ group < n_groups, value ≥ 0)."""
        keys = groups.astype(np.int64)
        keys *= self.width
        keys += self._bins(values)
        self._pending.append(keys)
        self._pending_size += len(keys)
        if self._pending_size >= min(len(self.histogram), PENDING_KEYS):
            self._flush()

    def count_value(self, counts: np.ndarray, value: int) -> None:
        """First pass: ``counts[group]`` more values equal to ``value`` in each group, without one key each."""
        self.histogram[np.arange(self.n_groups) * self.width + int(self._bins(np.array([value]))[0])] += counts

    def _flush(self) -> None:
        if self._pending:
            self.histogram += np.bincount(np.concatenate(self._pending), minlength=len(self.histogram))
        self._pending, self._pending_size = [], 0

    def _ranks(self) -> tuple[np.ndarray, np.ndarray]:
        counts = self.histogram.reshape(self.n_groups, self.width).sum(axis=1)
        return (counts - 1) // 2, counts // 2

    def needs_values(self) -> bool:
        """Whether a median falls in a wide bin, so :meth:`collect` must see every chunk again."""
        self._flush()
        reached = np.cumsum(self.histogram.reshape(self.n_groups, self.width), axis=1)
        lower, upper = self._ranks()
        bins = np.stack([(reached <= rank[:, None]).sum(axis=1) for rank in (lower, upper)])
        below = np.where(bins > 0, np.take_along_axis(reached, np.maximum(bins - 1, 0).T, axis=1).T, 0)
        self._targets, self._below = bins, below
        return bool((bins[:, lower >= 0] >= COUNTED_VALUES).any())

    def collect(self, groups: np.ndarray, values: np.ndarray) -> None:
        """Second pass: keep the chunk's values that lie in a bin a median falls in."""
        assert self._targets is not None
        bins = self._bins(values)
        wanted = (bins == self._targets[0][groups]) | (bins == self._targets[1][groups])
        wanted &= bins >= COUNTED_VALUES
        self._kept.append((groups[wanted].astype(np.int64), values[wanted].astype(np.int64)))

    def medians(self) -> np.ndarray:
        """The median of each group (NaN for an empty one), after :meth:`needs_values` (and :meth:`collect`)."""
        if self._targets is None:
            self.needs_values()
        assert self._targets is not None
        lower, upper = self._ranks()
        picked = self._targets.astype(np.float64)
        if self._kept:
            groups = np.concatenate([g for g, _ in self._kept])
            values = np.concatenate([v for _, v in self._kept])
            order = np.lexsort((values, self._bins(values), groups))
            groups, values, bins = groups[order], values[order], self._bins(values[order])
            for side, rank in enumerate((lower, upper)):
                for group in np.flatnonzero((self._targets[side] >= COUNTED_VALUES) & (lower >= 0)):
                    here = (groups == group) & (bins == self._targets[side][group])
                    picked[side][group] = values[here][rank[group] - self._below[side][group]]
        return np.where(lower >= 0, (picked[0] + picked[1]) / 2, np.nan)
