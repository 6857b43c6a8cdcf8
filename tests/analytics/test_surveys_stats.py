"""NPS, CSAT and the numpy-only statistics behind them, checked against published values."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from usagelens.analytics import AnalysisError
from usagelens.analytics.stats import fisher_exact_p, t_quantile, t_two_sided_p, z_quantile
from usagelens.analytics.surveys import csat, nps


def test_nps_value_interval_and_blanks() -> None:
    scores = pd.Series([10, 9, 9, 8, 7, 6, 0, None, ""], dtype=object)
    row = nps(scores).iloc[0]
    assert row["responses"] == 7
    assert row["value"] == pytest.approx(100 * (3 / 7 - 2 / 7))
    p, d = 3 / 7, 2 / 7
    half = 100 * 1.959963984540054 * math.sqrt((p + d - (p - d) ** 2) / 7)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((row["value"] - half, row["value"] + half))


def test_nps_extremes_clip_to_scale() -> None:
    row = nps(pd.Series([10] * 3)).iloc[0]
    assert (row["value"], row["ci_low"], row["ci_high"]) == (100.0, 100.0, 100.0)
    assert nps(pd.Series([0, 1])).iloc[0]["value"] == -100.0


def test_csat_top_two_box_with_wilson_interval() -> None:
    row = csat(pd.Series([5, 4, 3, 1, 5, 2, 4, 4, 5, 3])).iloc[0]
    assert row["value"] == 0.6 and row["responses"] == 10
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((0.3127, 0.8318), abs=1e-4)


def test_off_scale_scores_are_errors() -> None:
    with pytest.raises(AnalysisError, match="2 score"):
        nps(pd.Series([11, 5, "great"]))
    with pytest.raises(AnalysisError, match="from 1 to 5"):
        csat(pd.Series([0, 4.5]))


def test_no_answers_give_nan() -> None:
    assert math.isnan(nps(pd.Series([], dtype=float)).iloc[0]["value"])


def test_statistics_match_reference_values() -> None:
    assert z_quantile(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert t_two_sided_p(2.0, 10) == pytest.approx(0.07339, abs=1e-5)  # scipy.stats.t.sf(2, 10) * 2
    assert t_quantile(0.95, 5) == pytest.approx(2.570582, abs=1e-5)


def test_fisher_exact_matches_r() -> None:
    assert fisher_exact_p(1, 9, 11, 3) == pytest.approx(0.0027595, abs=1e-6)  # R fisher.test
    assert fisher_exact_p(3, 1, 1, 3) == pytest.approx(0.4857143, abs=1e-6)
