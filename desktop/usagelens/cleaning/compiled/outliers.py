"""The numeric outliers of the quality report (:mod:`usagelens.cleaning.outliers`) as queries, equal to pandas'.

The fences and the robust z-score rest on a handful of order statistics (quartiles, the median, the median of
the deviations from it). Only those leave the backend: each is picked by DuckDB's discrete quantile and
checked by a count to be the k-th smallest value, and numpy's own interpolation and mean then turn them into
the same fences and median pandas computes, bit for bit. The comparisons run on the backend.

One number cannot be had exactly by a query: when more than half the values are equal the robust z falls
back to the *mean* absolute deviation, which numpy sums pairwise in row order. It is summed here with
compensation (far within 1e-12 of numpy's), and values whose score is that close to the 3.5 limit are
counted; only when there are any may the count differ from pandas, and :attr:`QueriedOutliers.exact` says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import ibis
import ibis.expr.types as ir
import numpy as np

from usagelens.cleaning.compiled.values import CannotCompile
from usagelens.cleaning.outliers import (
    _MAD_TO_SIGMA,
    _MEAN_AD_TO_SIGMA,
    IQR_FACTOR,
    ROBUST_Z_LIMIT,
    ColumnOutliers,
)
from usagelens.model.translatable import QT_TRANSLATE_NOOP

_V = "__usagelens_value"
CLOSE_TO_LIMIT = 1e-12  # relative: how near the limit a score must be for the compensated mean to matter


@ibis.udf.agg.builtin
def quantile_disc(arg: float, quantile: float) -> float:  # type: ignore[empty-body]
    """DuckDB's discrete quantile: a value of the column, never an interpolation."""


@ibis.udf.agg.builtin
def fsum(arg: float) -> float:  # type: ignore[empty-body]
    """DuckDB's compensated (Kahan–Babuška) sum."""


class OrderStatisticMissed(CannotCompile):
    """The backend's discrete quantile did not give the k-th smallest value (its rule changed)."""


class QueriedOutliers(NamedTuple):
    outliers: ColumnOutliers | None
    exact: bool  # False: values lie so near the robust-z limit that pandas may count them otherwise


def order_statistics(values: ir.FloatingColumn, n: int, ks: Sequence[int]) -> list[float]:
    """The ``k``-th smallest (0-based) of the ``n`` non-null ``values`` for each ``k``.

    ``quantile_disc`` at ``(k + ½) / n`` selects element ``k`` (DuckDB takes element ``⌈n·q⌉ − 1``); a
    second pass counts the values below and at each pick, so a different rule fails loudly instead of
    shifting a quartile.
    """
    table = values.name(_V).as_table()
    value = table[_V]
    picks = table.aggregate(**{f"k{i}": quantile_disc(value, (k + 0.5) / n) for i, k in enumerate(ks)})
    found = [float(x) for x in picks.execute().iloc[0]]
    checks = {}
    for i, pick in enumerate(found):
        checks[f"b{i}"] = (value < pick).sum()
        checks[f"a{i}"] = (value <= pick).sum()
    counted = table.aggregate(**checks).execute().iloc[0]
    for i, k in enumerate(ks):
        if not int(counted[f"b{i}"]) <= k < int(counted[f"a{i}"]):
            raise OrderStatisticMissed(QT_TRANSLATE_NOOP("Quality", "the database did not pick value {k:,} of {n:,} "
                                                                    "for the outlier fences").format(k=k + 1, n=n))
    return found


def percentile(stats: dict[int, float], n: int, q: float) -> float:
    """numpy's linear percentile from the two order statistics around it (see :func:`percentile_ranks`)."""
    low, fraction = divmod((n - 1) * q, 1)
    a, b = stats[int(low)], stats[min(int(low) + 1, n - 1)]
    return float(np.quantile(np.array([a, b]), fraction))  # numpy's interpolation, on the same two values


def percentile_ranks(n: int, q: float) -> list[int]:
    low = int((n - 1) * q)
    return [low, min(low + 1, n - 1)]


def median(values: ir.FloatingColumn, n: int) -> float:
    """``np.median``: the middle value, or numpy's mean of the two middle ones."""
    middle = sorted({(n - 1) // 2, n // 2})
    return float(np.median(np.array(order_statistics(values, n, middle))))


def _finite(column: ir.Value) -> ir.FloatingValue:
    number = column.cast("float64")
    return ibis.ifelse(number.isnan() | number.isinf(), ibis.null("float64"), number)


def column_outliers(table: ir.Table, name: str) -> QueriedOutliers:
    """:func:`usagelens.cleaning.outliers.column_outliers` of one numeric column of ``table``."""
    numbers = table.select(**{_V: _finite(table[name])}).filter(ibis._[_V].notnull())
    value = numbers[_V]
    n = int(numbers.count().execute())
    if n == 0:
        return QueriedOutliers(None, True)
    ranks = sorted({*percentile_ranks(n, 0.25), *percentile_ranks(n, 0.75), (n - 1) // 2, n // 2})
    stats = dict(zip(ranks, order_statistics(value, n, ranks), strict=True))
    q1, q3 = percentile(stats, n, 0.25), percentile(stats, n, 0.75)
    low, high = q1 - IQR_FACTOR * (q3 - q1), q3 + IQR_FACTOR * (q3 - q1)
    centre = float(np.median(np.array([stats[(n - 1) // 2], stats[n // 2]])))
    deviation = (value - centre).abs()
    scale, exact_scale = _MAD_TO_SIGMA * median(deviation, n), True
    if scale == 0:
        scale = _MEAN_AD_TO_SIGMA * float(numbers.aggregate(s=fsum(deviation)).execute()["s"].iloc[0]) / n
        exact_scale = False
    beyond = (value < low) | (value > high)
    if scale == 0:  # every value is the median: robust_z gives zeros, and the values are all present
        extreme = near = value.isnull()
    else:
        score = ((value - centre) / scale).abs()
        extreme = score > ROBUST_Z_LIMIT
        near = (score - ROBUST_Z_LIMIT).abs() <= ROBUST_Z_LIMIT * CLOSE_TO_LIMIT
    counted = numbers.aggregate(beyond=beyond.sum(), extreme=extreme.sum(), flagged=(beyond | extreme).sum(),
                                near=near.sum()).execute().iloc[0].fillna(0)
    found = ColumnOutliers(name, float(low), float(high), int(counted["beyond"]), int(counted["extreme"]),
                           int(counted["flagged"]))
    return QueriedOutliers(found, exact_scale or not int(counted["near"]))
