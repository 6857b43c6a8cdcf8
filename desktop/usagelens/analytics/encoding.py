"""Turning export columns into integer codes and one sort order, fast enough for 10M rows.

Identifiers become codes without touching every string twice: a categorical column (e.g. read from
Parquet with ``read_dictionary``) already is codes, any other column is factorized once, and the text
rules (ids are text, blank means missing, ``7.0`` is user ``7``) are applied to the few distinct labels,
not to the rows. The (user, time) order comes from one ``np.sort`` of packed int64 keys, which is many
times faster than an ``argsort`` of the same size.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.model.translatable import QT_TRANSLATE_NOOP


def as_text(values: pd.Series) -> pd.Series:
    """Identifiers as text with missing values kept missing; integral floats lose their ``.0``.

    A numeric user column that picked up a missing value is read as float, which would turn user ``7``
    into ``"7.0"``; identifiers are text (design §2), so integral floats print as integers.
    """
    if pd.api.types.is_float_dtype(values.dtype):
        finite = values.dropna()
        if bool((finite == np.floor(finite)).all()):
            values = values.astype("Int64")
    text = values.astype("string")
    return text.mask(text.str.strip() == "")


def utc_nanoseconds(values: pd.Series, column: str) -> np.ndarray:
    """Timestamps as int64 nanoseconds since the epoch in UTC; naive values are taken as UTC already."""
    dtype = values.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    elif not pd.api.types.is_datetime64_dtype(dtype):
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "column {column!r} holds {dtype} values, not parsed timestamps").format(
            column=column, dtype=str(dtype)))
    return values.to_numpy("datetime64[ns]").view(np.int64)


def encode_labels(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes with -1 for missing or blank, distinct text labels); codes may leave labels unused.

    Codes keep the narrowest integer type they came in (a 30-event column is int8), so later gathers
    move fewer bytes.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes, labels = values.cat.codes.to_numpy(), pd.Series(values.cat.categories)
    else:
        raw_codes, uniques = pd.factorize(values)
        codes, labels = raw_codes, pd.Series(uniques)
    text = as_text(labels)
    # Distinct raw labels can share a text (7 and "7"): merge them, and send blanks to -1.
    text_codes, text_labels = pd.factorize(text)
    if (text_codes == np.arange(len(text_codes))).all():  # nothing to merge or blank: keep the codes
        return codes, np.asarray(text_labels, dtype=object)
    remap = np.append(text_codes, -1).astype(np.int32)  # index -1 (missing) stays -1
    return remap[codes], np.asarray(text_labels, dtype=object)


def compact(codes: np.ndarray, labels: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A label-level map that keeps only used labels, numbered in ``order``, and those labels.

    ``codes`` are all >= 0; ``order`` lists label indices from first to last (unused ones are skipped).
    Returns ``(remap, kept labels)``: the new code of a row is ``remap[codes]``, which callers fold into
    a gather they do anyway rather than spend a pass over the rows on it.
    """
    used = np.bincount(codes, minlength=len(labels)) > 0
    kept = order[used[order]]
    remap = np.full(len(labels), -1, dtype=np.int32)
    remap[kept] = np.arange(len(kept), dtype=np.int32)
    return remap, labels[kept]


def user_time_order(
    raw_users: np.ndarray, user_map: np.ndarray, times: np.ndarray
) -> tuple[np.ndarray | None, np.ndarray, np.ndarray, np.ndarray]:
    """The row order by user (code ``user_map[raw_users]``), then time, then source position, and what
    falls out of computing it.

    Returns ``(order, sorted user codes, time ranks in that order, distinct sorted times)``; ``order``
    is None when the rows are already in that order. Rows are first put in stable time order (free
    when the export is chronological, as most are); then the user code and the position in time order
    are packed into one unique int64 and sorted in place with ``np.sort``, whose high bits are the
    sorted user codes. Fresh memory is expensive to touch, so temporaries are few and reused.
    """
    n = len(times)
    chronological = n < 2 or bool((times[1:] >= times[:-1]).all())
    time_order = None if chronological else np.argsort(times, kind="stable")
    sorted_times = times if time_order is None else times[time_order]
    new_time = np.empty(n, dtype=bool)
    new_time[:1] = True
    np.not_equal(sorted_times[1:], sorted_times[:-1], out=new_time[1:])
    ranks = np.cumsum(new_time, dtype=np.int32 if n < 2**31 else np.int64)
    ranks -= 1
    distinct_times = sorted_times[new_time]
    del new_time
    shift = max(n - 1, 1).bit_length()
    raw = raw_users if time_order is None else raw_users[time_order]
    if (len(user_map) - 1).bit_length() + shift > 62:  # astronomically many users × rows
        position = np.argsort(user_map[raw], kind="stable")
        sorted_users = user_map[raw[position]]
    else:
        key = user_map.astype(np.int64)[raw]
        key <<= shift
        key |= np.arange(n, dtype=np.int64)
        key.sort()
        sorted_users = np.empty(n, dtype=np.int32)
        np.right_shift(key, shift, out=sorted_users, casting="unsafe")
        key &= (1 << shift) - 1
        position = key
    if time_order is None and bool((position[1:] > position[:-1]).all()):
        return None, sorted_users, ranks, distinct_times
    order = position if time_order is None else time_order[position]
    return order, sorted_users, ranks[position], distinct_times
