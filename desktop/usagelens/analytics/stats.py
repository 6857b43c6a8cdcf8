"""The few statistical distributions and tests the metrics need, in numpy and the standard library.

SciPy is not a runtime dependency, so the normal distribution comes from :class:`statistics.NormalDist`,
Student's t from the regularised incomplete beta function (Lentz's continued fraction), and Fisher's exact
test from log-factorials.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

_NORMAL = NormalDist()


def z_quantile(confidence: float) -> float:
    """The two-sided normal critical value, e.g. 1.96 for 0.95."""
    return _NORMAL.inv_cdf(0.5 + confidence / 2)


def normal_two_sided_p(z: float) -> float:
    return math.erfc(abs(z) / math.sqrt(2))


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz, Numerical Recipes 6.4)."""
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-14:
            break
    return h


def regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularised incomplete beta function."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _betacf(a, b, x) / a
    return 1.0 - math.exp(log_front) * _betacf(b, a, 1.0 - x) / b


def t_two_sided_p(t: float, df: float) -> float:
    """Two-sided p-value of Student's t with ``df`` degrees of freedom."""
    if math.isinf(df):
        return normal_two_sided_p(t)
    return regularized_beta(df / 2.0, 0.5, df / (df + t * t))


def t_quantile(confidence: float, df: float) -> float:
    """The two-sided critical value of Student's t, found by bisection on :func:`t_two_sided_p`.

    The bracket doubles until it holds the answer: with one degree of freedom the 99 % value is 63.66, far
    beyond any fixed multiple of the normal's 2.58.
    """
    alpha = 1.0 - confidence
    lo, hi = 0.0, max(10.0, z_quantile(confidence) * 10)
    while t_two_sided_p(hi, df) > alpha and hi < 1e12:
        lo, hi = hi, hi * 2
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if t_two_sided_p(mid, df) > alpha else (lo, mid)
    return (lo + hi) / 2


def fisher_exact_p(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher exact p-value of the 2×2 table [[a, b], [c, d]] (sum of tables as unlikely)."""
    row1, col1, n = a + b, a + c, a + b + c + d
    support = np.arange(max(0, row1 + col1 - n), min(row1, col1) + 1)
    log_pmf = (
        _log_choose(col1, support) + _log_choose(n - col1, row1 - support) - _log_choose(n, np.array([row1]))
    )
    observed = log_pmf[a - support[0]]
    return float(min(1.0, np.exp(log_pmf[log_pmf <= observed + 1e-7]).sum()))


def _log_choose(n: int, k: np.ndarray) -> np.ndarray:
    lgamma = np.vectorize(math.lgamma, otypes=[float])
    return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)


def chi2_2x2_p(a: int, b: int, c: int, d: int) -> float:
    """Pearson χ² p-value (1 degree of freedom, no continuity correction) of a 2×2 table."""
    n = a + b + c + d
    denominator = (a + b) * (c + d) * (a + c) * (b + d)
    if denominator == 0:
        return 1.0
    chi2 = n * (a * d - b * c) ** 2 / denominator
    return math.erfc(math.sqrt(chi2 / 2))


def two_by_two_p(a: int, b: int, c: int, d: int) -> tuple[float, str]:
    """Fisher's exact test when any expected count is below 5 (or the table is small), else χ²."""
    n = a + b + c + d
    expected = [(a + b) * (a + c), (a + b) * (b + d), (c + d) * (a + c), (c + d) * (b + d)]
    if n == 0 or min(expected) < 5 * n or n <= 1000:
        return fisher_exact_p(a, b, c, d), "fisher"
    return chi2_2x2_p(a, b, c, d), "chi2"
