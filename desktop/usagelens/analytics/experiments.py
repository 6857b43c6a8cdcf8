"""Experiments and before/after impact (design §4).

Conversion per variant uses a two-proportion z-test with an unpooled interval of the difference and a
log-ratio interval of the relative lift; a metric's means use Welch's t-test. The before/after impact of
a change date compares two windows of the same length on a daily series.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from statistics import NormalDist

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers, Segments, user_segments
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.periods import DateLike, day_range, rows_for_days, to_day
from usagelens.analytics.stats import (
    chi_square_sf,
    holm,
    normal_two_sided_p,
    t_quantile,
    t_two_sided_p,
    z_quantile,
)
from usagelens.model.translatable import QT_TRANSLATE_NOOP

# The two windows a before/after test compares, as a chart labels their shading (the GUI in the user's language)
BEFORE = QT_TRANSLATE_NOOP("Analysis", "before")
AFTER = QT_TRANSLATE_NOOP("Analysis", "after")


def two_proportions(x1: int, n1: int, x2: int, n2: int, confidence: float = 0.95) -> dict[str, float]:
    """Compare conversion ``x2/n2`` (treatment) with ``x1/n1`` (control).

    Returns ``difference`` (p2 − p1) with ``ci_low``/``ci_high`` (unpooled normal interval),
    ``lift`` (p2 ÷ p1 − 1) with ``lift_ci_low``/``lift_ci_high`` (log-ratio interval), ``z`` and
    ``p_value`` (pooled two-proportion z-test).
    """
    if min(n1, n2) <= 0:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "each variant needs at least one user"))
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = (p2 - p1) / se_pooled if se_pooled > 0 else 0.0
    q = z_quantile(confidence)
    half = q * math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    lift, lift_low, lift_high = math.nan, math.nan, math.nan
    if x1 > 0:
        lift = p2 / p1 - 1
        if x2 > 0:
            se_log = math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
            lift_low = math.exp(math.log(p2 / p1) - q * se_log) - 1
            lift_high = math.exp(math.log(p2 / p1) + q * se_log) - 1
    return {
        "difference": p2 - p1,
        "ci_low": p2 - p1 - half,
        "ci_high": p2 - p1 + half,
        "lift": lift,
        "lift_ci_low": lift_low,
        "lift_ci_high": lift_high,
        "z": z,
        "p_value": normal_two_sided_p(z) if se_pooled > 0 else 1.0,
    }


def welch_t_test(control: np.ndarray, treatment: np.ndarray, confidence: float = 0.95) -> dict[str, float]:
    """Welch's t-test of mean(treatment) − mean(control), with its interval (unequal variances).

    Returns ``difference``, ``ci_low``, ``ci_high``, ``t``, ``df`` and ``p_value``.
    """
    a, b = np.asarray(control, float), np.asarray(treatment, float)
    if len(a) < 2 or len(b) < 2:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "each group needs at least two values for a t-test"))
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    difference = float(b.mean() - a.mean())
    se = math.sqrt(va + vb)
    if se == 0:
        return {"difference": difference, "ci_low": difference, "ci_high": difference, "t": math.nan,
                "df": math.nan, "p_value": 1.0 if difference == 0 else 0.0}  # fmt: skip
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    t = difference / se
    half = t_quantile(confidence, df) * se
    return {"difference": difference, "ci_low": difference - half, "ci_high": difference + half, "t": t,
            "df": df, "p_value": t_two_sided_p(t, df)}  # fmt: skip


def experiment(
    log: EventLog,
    variant: str,
    goal_event: str,
    *,
    customers: Customers | None = None,
    control: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Conversion to ``goal_event`` per variant (a customer attribute, else an event property on the
    user's first event in the range), each variant compared with the control (default: the first label).

    A user is in the experiment when active in the range; converted when they did the goal event in the
    range at or after their first event there. Users without a variant value are left out.
    Columns: ``variant``, ``users``, ``conversions`` (int64), ``conversion_rate``, then for non-control
    rows the fields of :func:`two_proportions` (NaN on the control row).
    """
    segments = variant_segments(log, variant, customers=customers, start=start, end=end)
    labels = list(segments.labels)
    if "(missing)" in labels:
        labels.remove("(missing)")
    if len(labels) < 2:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "{variant!r} needs at least two variants, found {found}").format(
            variant=variant, found=len(labels)))
    converted = goal_converted(log, goal_event, start=start, end=end)
    control = labels[0] if control is None else control
    if control not in labels:
        raise no_variant(control, labels)
    counts = {}
    for label in labels:
        members = segments.codes == list(segments.labels).index(label)
        counts[label] = (int(members.sum()), int((members & converted).sum()))
    return compare_variants({label: counts[label] for label in labels}, control, confidence)


def no_variant(control: str, labels: Sequence[str]) -> AnalysisError:
    """The control asked for is not among the variants found (on either engine)."""
    return AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no variant {control!r} (variants: {variants})").format(
        control=control, variants=", ".join(labels)))


def variant_segments(
    log: EventLog, variant: str, *, customers: Customers | None = None, start: DateLike = None, end: DateLike = None
) -> Segments:
    """Each user's variant as :func:`experiment` places them (code -1: not active in the range); shared with
    ``workspace.people``, which lists the users behind a row."""
    inside = rows_for_days(log, *day_range(log, start, end))
    if isinstance(inside, slice):  # the whole log (the default): each user's first row, no row index to make
        starts = log.user_starts
        first_row = np.where(starts[1:] > starts[:-1], starts[:-1], -1).astype(np.int64)
        return user_segments(log, variant, anchor_rows=first_row, customers=customers)
    rows = np.flatnonzero(inside)
    users = log.user_codes[rows]
    first_row = np.full(log.n_users, -1, dtype=np.int64)
    is_first = np.ones(len(rows), dtype=bool)
    is_first[1:] = users[1:] != users[:-1]
    first_row[users[is_first]] = rows[is_first]
    return user_segments(log, variant, anchor_rows=first_row, customers=customers)


def goal_converted(log: EventLog, goal_event: str, *, start: DateLike = None, end: DateLike = None) -> np.ndarray:
    """Per user: did the goal event in the range (:func:`experiment`'s conversion)."""
    converted = np.zeros(log.n_users, dtype=bool)
    goal = log.event_codes == log.event_code(goal_event)
    inside = rows_for_days(log, *day_range(log, start, end))
    converted[log.user_codes[goal if isinstance(inside, slice) else inside & goal]] = True
    return converted


def compare_variants(counts: Mapping[str, tuple[int, int]], control: str, confidence: float = 0.95) -> pd.DataFrame:
    """The experiment table from each variant's (users, conversions): the control's row first, then the others
    in the order given, each with :func:`two_proportions` against the control and ``p_value_holm``, its p-value
    adjusted for the number of comparisons (Holm): with three variants or more, one of them beats the control
    by chance far more often than 5 % of the time. Both engines' ``experiment`` end here."""
    n1, x1 = counts[control]
    records = []
    for label in [control, *(x for x in counts if x != control)]:
        n, x = counts[label]
        tests = two_proportions(x1, n1, x, n, confidence) if label != control else {}
        records.append({"variant": label, "users": n, "conversions": x, "conversion_rate": x / n if n else math.nan,
                        **tests})
    table = pd.DataFrame.from_records(records).astype({"users": "int64", "conversions": "int64"})
    adjusted = np.full(len(table), np.nan)
    adjusted[1:] = holm(table["p_value"].to_numpy(np.float64)[1:])
    table["p_value_holm"] = adjusted
    return table


def sample_ratio_mismatch(users: Sequence[int], expected: Sequence[float] | None = None) -> float:
    """The p-value of a chi-square test that the users split between variants as planned (default: evenly).

    A tiny p-value (below 0.001 by convention) means the assignment or the tracking is broken — users of one
    variant dropped or double counted — and the conversion comparison cannot be trusted, however significant.
    """
    observed = np.asarray(users, dtype=np.float64)
    if len(observed) < 2 or observed.sum() <= 0:
        return math.nan
    shares = np.full(len(observed), 1 / len(observed)) if expected is None else np.asarray(expected, float)
    wanted = shares / shares.sum() * observed.sum()
    return chi_square_sf(float(((observed - wanted) ** 2 / wanted).sum()), len(observed) - 1)


def sample_size(baseline: float, effect: float, *, alpha: float = 0.05, power: float = 0.8) -> int:
    """Users per variant for a two-sided two-proportion z-test at level ``alpha`` to detect a conversion rate
    moving from ``baseline`` to ``baseline × (1 + effect)`` (a relative effect) with probability ``power``:
    n = (z₁₋α/₂·√(2·p̄(1−p̄)) + z_power·√(p₁(1−p₁) + p₂(1−p₂)))² ÷ (p₂ − p₁)², rounded up."""
    if not 0 < baseline < 1:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "the baseline conversion rate must be between 0 and 1"))
    target = baseline * (1 + effect)
    if effect == 0 or not 0 < target < 1:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "a {effect:+.0%} change of a {baseline:.1%} conversion rate is not a rate to detect").format(
            effect=effect, baseline=baseline))
    if not 0 < alpha < 1 or not 0 < power < 1:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "the significance level and the power must be between 0 and 1"))
    mean = (baseline + target) / 2
    spread = (z_quantile(1 - alpha) * math.sqrt(2 * mean * (1 - mean))
              + NormalDist().inv_cdf(power) * math.sqrt(baseline * (1 - baseline) + target * (1 - target)))
    return math.ceil(spread**2 / (target - baseline) ** 2)


def _as_date(day: int) -> np.datetime64:
    return np.datetime64(int(day), "D").astype("datetime64[ns]")


def before_after(
    series: pd.Series, change: DateLike, *, days: int | None = None, confidence: float = 0.95
) -> pd.DataFrame:
    """Impact of a change date on a daily series: the ``days`` before it against the same number of days
    from it on (default: as many as both sides have), with Welch's t-test on the daily values.

    Columns: ``window_days`` (int64), ``before_start``, ``before_end``, ``after_start``, ``after_end``
    (datetime64, inclusive), ``before_mean``, ``after_mean``, ``difference``, ``relative_change``,
    ``ci_low``, ``ci_high``, ``p_value``.
    """
    day_numbers = pd.to_datetime(series.index).to_numpy("datetime64[D]").astype(np.int64)
    values = pd.to_numeric(series, errors="coerce").to_numpy(float)
    pivot = to_day(change)
    available = min(int((day_numbers < pivot).sum()), int((day_numbers >= pivot).sum()))
    length = available if days is None else days
    if length < 2 or length > available:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "need at least 2 days on each side of the change date; {available} available").format(
                available=available))
    before = values[(day_numbers >= pivot - length) & (day_numbers < pivot)]
    after = values[(day_numbers >= pivot) & (day_numbers < pivot + length)]
    test = welch_t_test(before, after, confidence)
    return pd.DataFrame(
        {
            "window_days": [length],
            "before_start": [_as_date(pivot - length)], "before_end": [_as_date(pivot - 1)],
            "after_start": [_as_date(pivot)], "after_end": [_as_date(pivot + length - 1)],
            "before_mean": [before.mean()], "after_mean": [after.mean()], "difference": [test["difference"]],
            "relative_change": [test["difference"] / before.mean() if before.mean() else math.nan],
            "ci_low": [test["ci_low"]], "ci_high": [test["ci_high"]], "p_value": [test["p_value"]],
        }
    )  # fmt: skip
