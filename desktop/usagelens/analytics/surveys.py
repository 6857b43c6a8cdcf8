"""Survey scores (design §4): NPS on 0–10 and CSAT (top-2-box) on 1–5, each with a 95% interval."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.stats import z_quantile

COLUMNS = ["metric", "value", "ci_low", "ci_high", "responses"]


def _valid_scores(scores: pd.Series, low: int, high: int) -> np.ndarray:
    """Answered scores as integers; blanks are skipped, anything off the scale is an error to fix."""
    numeric = pd.to_numeric(scores, errors="coerce")
    unreadable = int((numeric.isna() & scores.notna() & (scores.astype("string").str.strip() != "")).sum())
    values = numeric.dropna().to_numpy(float)
    off_scale = int(((values < low) | (values > high) | (values != np.floor(values))).sum()) + unreadable
    if off_scale:
        raise AnalysisError(f"{off_scale} score(s) are not whole numbers from {low} to {high}")
    return values.astype(np.int64)


def _row(metric: str, value: float, low: float, high: float, responses: int) -> pd.DataFrame:
    return pd.DataFrame(
        {"metric": [metric], "value": [value], "ci_low": [low], "ci_high": [high], "responses": [responses]}
    )


def nps(scores: pd.Series, *, confidence: float = 0.95) -> pd.DataFrame:
    """Net Promoter Score = %promoters (9–10) − %detractors (0–6), from −100 to 100.

    The interval is the normal approximation for a difference of two shares of one multinomial sample,
    var = (p + d − (p − d)²) / n, clipped to [−100, 100]. No answers give NaN.
    Columns: ``metric`` ("nps"), ``value``, ``ci_low``, ``ci_high``, ``responses`` (int).
    """
    values = _valid_scores(scores, 0, 10)
    n = len(values)
    if n == 0:
        return _row("nps", math.nan, math.nan, math.nan, 0)
    promoters, detractors = float((values >= 9).mean()), float((values <= 6).mean())
    score = promoters - detractors
    half = z_quantile(confidence) * math.sqrt(max(promoters + detractors - score**2, 0.0) / n)
    return _row("nps", 100 * score, max(-100.0, 100 * (score - half)), min(100.0, 100 * (score + half)), n)


def csat(scores: pd.Series, *, confidence: float = 0.95) -> pd.DataFrame:
    """Customer satisfaction = share of 4 and 5 answers on a 1–5 scale (a fraction 0–1).

    The interval is Wilson's score interval, which stays inside [0, 1] and behaves for small samples.
    Columns: ``metric`` ("csat"), ``value``, ``ci_low``, ``ci_high``, ``responses`` (int).
    """
    values = _valid_scores(scores, 1, 5)
    n = len(values)
    if n == 0:
        return _row("csat", math.nan, math.nan, math.nan, 0)
    share = float((values >= 4).mean())
    low, high = wilson_interval(share, n, confidence)
    return _row("csat", share, low, high, n)


def wilson_interval(share: float, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion."""
    z = z_quantile(confidence)
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)
