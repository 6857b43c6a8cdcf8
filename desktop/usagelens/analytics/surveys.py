"""Survey scores (design §4): NPS on 0–10 and CSAT (top-2-box) on 1–5, each with a 95% interval."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import factorize_with_missing
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.periods import period_starts
from usagelens.analytics.stats import z_quantile
from usagelens.model.translatable import QT_TRANSLATE_NOOP

COLUMNS = ["metric", "value", "ci_low", "ci_high", "responses"]


def _valid_scores(scores: pd.Series, low: int, high: int) -> np.ndarray:
    """Answered scores as integers; blanks are skipped, anything off the scale is an error to fix."""
    numeric = pd.to_numeric(scores, errors="coerce")
    unreadable = int((numeric.isna() & scores.notna() & (scores.astype("string").str.strip() != "")).sum())
    values = numeric.dropna().to_numpy(float)
    off_scale = int(((values < low) | (values > high) | (values != np.floor(values))).sum()) + unreadable
    if off_scale:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "{off_scale} score(s) are not whole numbers from {low} to {high}").format(
            off_scale=off_scale, low=low, high=high))
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


# The bands answers fall into (name, lowest, highest score): NPS' promoters, passives and detractors, and for
# CSAT the top-2-box it counts, the middle and the bottom two.
BANDS = {
    "nps": (("promoters", 9, 10), ("passives", 7, 8), ("detractors", 0, 6)),
    "csat": (("satisfied", 4, 5), ("neutral", 3, 3), ("dissatisfied", 1, 2)),
}


def score_bands(scores: pd.Series, scale: str) -> dict[str, float]:
    """The share of the answered ``scores`` in each band of :data:`BANDS` (NaN without answers): what moved
    when a score moves (fewer detractors, or more promoters?)."""
    low, high = (0, 10) if scale == "nps" else (1, 5)
    values = _valid_scores(scores, low, high)
    return {name: float(((values >= lo) & (values <= hi)).mean()) if len(values) else math.nan
            for name, lo, hi in BANDS[scale]}


def survey_over_time(scores: pd.Series, times: pd.Series, scale: str, period: str = "month",
                     segments: pd.Series | None = None) -> pd.DataFrame:
    """NPS (``scale`` "nps") or CSAT ("csat") per ``period`` ("week": ISO weeks, or "month") of the answer
    times, and per segment when ``segments`` gives each answer's label, each with its interval and the shares
    of its bands.

    Columns: ``period`` (its start), ``segment`` (only with ``segments``: labels in text order, ``(missing)``
    last), ``metric``, ``value``, ``ci_low``, ``ci_high``, ``responses`` (int), then one share per band.
    Answers without a time or a score are left out; so are periods (of a segment) without answers.
    """
    score = nps if scale == "nps" else csat
    stamps = pd.to_datetime(times, errors="coerce").reset_index(drop=True)
    values = scores.reset_index(drop=True)
    answered = (stamps.notna() & pd.to_numeric(values, errors="coerce").notna()).to_numpy()
    starts = pd.Series(period_starts(pd.DatetimeIndex(stamps[answered]).normalize(), period))
    answers = values[answered].reset_index(drop=True)
    if segments is None:
        codes, labels = np.zeros(len(answers), dtype=np.int64), np.array([None], dtype=object)
    else:
        codes, labels = factorize_with_missing(segments.reset_index(drop=True)[answered].reset_index(drop=True))
    rows = []
    for code, label in enumerate(labels):
        for start in sorted(starts[codes == code].unique()):
            part = answers[(codes == code) & (starts == start).to_numpy()]
            row = score(part).iloc[0].to_dict() | score_bands(part, scale)
            rows.append({"period": pd.Timestamp(start), **({} if segments is None else {"segment": label}), **row})
    columns = ["period", *([] if segments is None else ["segment"]), *COLUMNS, *(b[0] for b in BANDS[scale])]
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({"responses": np.int64})
