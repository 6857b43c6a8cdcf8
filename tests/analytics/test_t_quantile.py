"""Student's t critical values, checked against the printed table and R, for the few degrees of freedom
where an approximation goes most wrong (df = 1 at 99 % is 63.66, not the 25.8 a bounded search gave)."""

from __future__ import annotations

import math

import pytest

from usagelens.analytics.stats import LARGE_DF, t_quantile, t_two_sided_p, z_quantile

CONFIDENCES = (0.90, 0.95, 0.99, 0.999)
# The two-sided table of any statistics textbook (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2), to 3 decimals.
TABLE = {
    1: (6.314, 12.706, 63.657, 636.619),
    2: (2.920, 4.303, 9.925, 31.599),
    3: (2.353, 3.182, 5.841, 12.924),
    5: (2.015, 2.571, 4.032, 6.869),
    10: (1.812, 2.228, 3.169, 4.587),
    30: (1.697, 2.042, 2.750, 3.646),
    100: (1.660, 1.984, 2.626, 3.390),
    1e6: (1.645, 1.960, 2.576, 3.291),  # the normal's row, which 10^6 degrees of freedom must match
}


@pytest.mark.parametrize("df", list(TABLE))
@pytest.mark.parametrize("column", range(len(CONFIDENCES)))
def test_matches_the_printed_table(df: float, column: int) -> None:
    assert t_quantile(CONFIDENCES[column], df) == pytest.approx(TABLE[df][column], abs=5e-4)


@pytest.mark.parametrize(("confidence", "df", "expected"), [  # R: qt(1 - (1 - confidence) / 2, df)
    (0.99, 1, 63.656741), (0.999, 1, 636.619249), (0.95, 1, 12.706205), (0.99, 2, 9.924843),
    (0.999, 2, 31.599055), (0.999, 3, 12.923979), (0.95, 5, 2.570582), (0.999, 10, 4.586894),
    (0.95, 1000, 1.962339),
])  # fmt: skip
def test_matches_r_to_six_digits(confidence: float, df: float, expected: float) -> None:
    assert t_quantile(confidence, df) == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize("df", [0.5, 1, 1.5, 2, 2.5, 3, 4, 7.3, 29, 250, 5000])
@pytest.mark.parametrize("confidence", [0.5, 0.8, 0.95, 0.999, 0.999999])
def test_inverts_the_two_sided_p_value(df: float, confidence: float) -> None:
    """Fractional degrees of freedom (Welch's test) and far tails: the value found gives back the tail."""
    t = t_quantile(confidence, df)
    assert t_two_sided_p(t, df) == pytest.approx(1 - confidence, rel=1e-9)
    assert t >= z_quantile(confidence) * (1 - 1e-12)  # t's tails are never lighter than the normal's


@pytest.mark.parametrize("confidence", CONFIDENCES)
def test_the_large_df_series_meets_the_inversion(confidence: float) -> None:
    """From LARGE_DF on the normal's Cornish–Fisher series takes over: no step where the methods meet."""
    below, at = t_quantile(confidence, LARGE_DF * (1 - 1e-12)), t_quantile(confidence, LARGE_DF)
    assert below == pytest.approx(at, rel=1e-10)
    assert t_quantile(confidence, 1e12) == pytest.approx(z_quantile(confidence), rel=1e-11)


def test_infinite_degrees_of_freedom_is_the_normal() -> None:
    assert t_quantile(0.95, math.inf) == z_quantile(0.95)


@pytest.mark.parametrize(("confidence", "df"), [(0.0, 5), (1.0, 5), (1.2, 5), (0.95, 0), (0.95, -1), (0.95, math.nan)])
def test_impossible_arguments_are_refused(confidence: float, df: float) -> None:
    with pytest.raises(ValueError, match="confidence|degrees of freedom"):
        t_quantile(confidence, df)
