"""The few statistical distributions and tests the metrics need, in numpy and the standard library.

SciPy is not a runtime dependency, so the normal distribution comes from :class:`statistics.NormalDist`,
Student's t from the regularised incomplete beta function (Lentz's continued fraction) and its quantile by
inverting it, and Fisher's exact test from log-factorials.
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


LARGE_DF = 1e4  # from here on the t quantile is a short series around the normal's (beta loses digits)


def t_density(t: float, df: float) -> float:
    """The density of Student's t with ``df`` degrees of freedom at ``t``."""
    log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_norm - (df + 1) / 2 * math.log1p(t * t / df))


def t_quantile(confidence: float, df: float) -> float:
    """The two-sided critical value of Student's t: ``P(|T| > t) = 1 − confidence`` (R's ``qt(1 − α/2, df)``).

    One and two degrees of freedom have closed forms (Cauchy: tan(π·c/2); df 2: c·√(2 / (1 − c²))). Otherwise
    the regularised incomplete beta behind :func:`t_two_sided_p` is inverted by Newton's method on
    log p against log t, where the tail is nearly a straight line (p ∝ t^−df), kept inside a bracket that
    starts at the normal quantile (never above the t quantile) and falls back to bisection when a step
    would leave it; its p-value matches 1 − confidence to 1e-9 or better (as far as :func:`regularized_beta`
    goes). From 10^4 degrees of freedom on, the normal quantile's Cornish–Fisher series is exact instead.
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence}")
    if not df > 0:
        raise ValueError(f"degrees of freedom must be positive, not {df}")
    if math.isinf(df):
        return z_quantile(confidence)
    if df == 1:
        return 1.0 / math.tan(math.pi * (1.0 - confidence) / 2)  # tan(π·c/2), without its pole's rounding
    if df == 2:
        return confidence * math.sqrt(2.0 / ((1.0 - confidence) * (1.0 + confidence)))
    if df >= LARGE_DF:
        return _cornish_fisher(z_quantile(confidence), df)
    return math.exp(_solve_log_t(math.log1p(-confidence), df, math.log(z_quantile(confidence))))


def _cornish_fisher(z: float, df: float) -> float:
    """The t quantile as the normal's ``z`` plus its expansion in 1/df (Abramowitz & Stegun 26.7.5), exact to
    double precision from :data:`LARGE_DF` on, where the beta function's lgamma terms lose digits instead."""
    z2 = z * z
    terms = (
        z,
        z * (z2 + 1) / 4,
        z * ((5 * z2 + 16) * z2 + 3) / 96,
        z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384,
        z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160,
    )
    return sum(term / df**power for power, term in enumerate(terms))


def _solve_log_t(log_alpha: float, df: float, lo: float) -> float:
    """The u = log t at which log t_two_sided_p(e^u, df) = ``log_alpha``, searched upwards from ``lo``."""

    def excess(u: float) -> float:  # decreasing in u
        return math.log(t_two_sided_p(math.exp(u), df)) - log_alpha

    hi = lo + 1.0
    while excess(hi) > 0:
        lo, hi = hi, hi + 2 * (hi - lo)
    u = lo
    for _ in range(100):
        gap = excess(u)
        if gap == 0:
            return u
        lo, hi = (u, hi) if gap > 0 else (lo, u)
        t = math.exp(u)
        slope = -2.0 * t * t_density(t, df) / t_two_sided_p(t, df)  # d log p / d log t
        step = u - gap / slope if slope < 0 else math.nan  # a vanished density: bisect
        following = step if lo <= step <= hi else (lo + hi) / 2
        if abs(following - u) < 1e-14:
            return following
        u = following
    return u


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


def chi_square_sf(x: float, df: int) -> float:
    """P(X ≥ x) for a chi-square variable with ``df`` degrees of freedom: the regularized upper incomplete
    gamma Q(df/2, x/2), by its series below a + 1 and its continued fraction above (Numerical Recipes §6.2)."""
    if x <= 0:
        return 1.0
    a, half = df / 2, x / 2
    log_front = a * math.log(half) - half - math.lgamma(a)
    if half < a + 1:
        term = total = 1 / a
        for n in range(1, 1000):
            term *= half / (a + n)
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1 - total * math.exp(log_front))
    tiny = 1e-300
    b = half + 1 - a
    c, d = 1 / tiny, 1 / b
    fraction = d
    for i in range(1, 1000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        step = d * c
        fraction *= step
        if abs(step - 1) < 1e-15:
            break
    return min(1.0, math.exp(log_front) * fraction)


def holm(p_values: np.ndarray) -> np.ndarray:
    """Holm's step-down adjustment: each p-value as the family-wise error of rejecting it and every smaller
    one, so "adjusted p < 0.05" keeps the chance of any false positive among the comparisons below 5 %."""
    p = np.asarray(p_values, dtype=np.float64)
    order = np.argsort(p, kind="stable")
    scaled = p[order] * (len(p) - np.arange(len(p)))
    adjusted = np.empty_like(p)
    adjusted[order] = np.minimum(np.maximum.accumulate(scaled), 1.0)
    return adjusted
