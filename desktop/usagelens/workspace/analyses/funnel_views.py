"""The funnel's other views in step 4 (issue 16.5), each an analysis of its own next to the funnel in the
gallery, with the funnel's own parameters (steps, window, order, exclusion, range), so a saved funnel opens
in any of them unchanged:

- *Conversion over time*: per week (day, month) of entering, the share who reached the last step (and in the
  table how many entered), with the periods still inside the window marked;
- *Time to convert*: per step, how long users took from step 1, in buckets and percentiles;
- *After dropping out*: what users who reached step k but not step k + 1 did next.

Separate kinds rather than a "Show:" switch on the funnel: each has a title of its own in the gallery, the
report and ``usagelens analyze``, and parameters only it reads (the period, the step dropped at). Computes
are written once for either engine (``inputs.events``), as in :mod:`.behaviour`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from usagelens.analytics.funnel_views import BUCKETS
from usagelens.cleaning.steps import count
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace.analyses.behaviour import DATES_ONLY, funnel_options, funnel_terms
from usagelens.workspace.analyses.spec import (
    AnalysisInputs,
    AnalysisResult,
    AnalysisSpec,
    ChartData,
    DataFacts,
    Param,
    Params,
    Series,
    period_param,
)
from usagelens.workspace.formatting import fmt_duration


def exclude_step_param(facts: DataFacts) -> Param:
    """Where the funnel's exclusion applies: between any two steps (0, as before it could be chosen) or only
    between step i and step i + 1; offered while an exclusion event is chosen."""
    return Param("exclude_step", QT_TRANSLATE_NOOP("Analysis", "Only between step"), "int", 0, maximum=19,
                 zero_text=QT_TRANSLATE_NOOP("Analysis", "any two steps"),
                 depends_on="exclude", enabled_for=facts.events,
                 help=QT_TRANSLATE_NOOP("Analysis",
                                        "Between which steps the exclusion counts: 1 means only between steps 1 "
                                        "and 2 (a 'back' while browsing, say); any two steps: wherever it "
                                        "happens in the funnel"))


def _steps(params: Params) -> list[str]:
    steps = list(params["steps"])
    if len(steps) < 2:
        raise LookupError("Choose at least two steps for a funnel.")
    return steps


def _nobody(steps: Sequence[str]) -> str:
    return f"Nobody did the first step ({steps[0]}) in this date range."


def compute_funnel_over_time(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``funnel_over_time``: per period of entering, the users who entered and the share who reached the last
    step; periods whose users have not all had the whole window by the end of the data are named."""
    events, steps, period = inputs.events, _steps(params), params["period"]
    table = events.metrics.funnel_over_time(events.data, steps, period, **funnel_options(params))
    starts = table["period"].to_numpy()
    # one chart: a second one for the users who entered left both too short to read; they are in the table
    rate = ChartData("time", f"Conversion to {steps[-1]} by {period} of entering: {funnel_terms(params)}",
                     [Series(f"Reached {steps[-1]}", starts, table["conversion_rate"].to_numpy(float))],
                     y_label="Share who converted", percent=True)
    result = AnalysisResult("funnel_over_time", params, table, [rate], empty=not table["entered"].sum())
    if result.empty:
        result.message = _nobody(steps)
        return result
    catching_up = _still_converting(table.loc[table["entered"] > 0, "period"], period, params, events.end())
    rate.incomplete_last = bool(catching_up)
    result.message = catching_up
    return result


def _still_converting(starts: pd.Series, period: str, params: Params, end: pd.Timestamp) -> str:
    """A sentence naming the first of the periods ``starts`` (those someone entered in) some of whose users
    entered less than the window before the data ends (they may still convert), else ""."""
    window = int(params.get("window_days") or 0)
    if pd.isna(end):
        return ""
    cutoff = end - pd.Timedelta(days=window) if window else None
    ends = pd.Series([_period_end(pd.Timestamp(s), period) for s in starts])
    young = starts[(ends > cutoff).to_numpy()] if cutoff is not None else starts.iloc[-1:]
    if young.empty:
        return ""
    first = pd.Timestamp(young.iloc[0])
    if cutoff is None:
        return (f"With no time limit, users who entered recently have had less time to convert: the {period} of "
                f"{first:%d %b %Y} is drawn hollow.")
    return (f"Users who entered from the {period} of {first:%d %b %Y} on had less than the {window}-day window "
            f"before the data ends ({end:%d %b %Y}): their conversion may still rise.")


def _period_end(start: pd.Timestamp, period: str) -> pd.Timestamp:
    offset = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1)}[period]
    return start + offset


def compute_time_to_convert(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``time_to_convert``: for each step, how its users' time since step 1 spreads over the buckets (as
    shares, one group of bars per step) and its percentiles (in the table and the message)."""
    events, steps = inputs.events, _steps(params)
    table = events.metrics.time_to_convert(events.data, steps, **funnel_options(params))
    labels = [label for _, label, _ in BUCKETS]
    columns = [name for name, _, _ in BUCKETS]
    series = [
        Series(f"{row.step}. {row.event}", labels,
               (row[columns].to_numpy(float) / row.users) if row.users else row[columns].to_numpy(float) * math.nan)
        for _, row in table.iterrows()
    ]
    chart = ChartData("bars", f"Time from {steps[0]} to each step: {funnel_terms(params)}", series,
                      y_label="Share of the step's users", x_label="Time since step 1", percent=True)
    reached = table[table["users"] > 0]
    result = AnalysisResult("time_to_convert", params, table, [chart], empty=reached.empty)
    if reached.empty:
        result.message = f"Nobody reached step 2 ({steps[1]}) in this date range."
        return result
    last = reached.iloc[-1]
    result.message = (f"Of the {count(int(last.users), 'user')} who reached {last.event} (step {last.step}), half "
                      f"took {fmt_duration(last.p50)} or less from {steps[0]}, three in four "
                      f"{fmt_duration(last.p75)}, nine in ten {fmt_duration(last.p90)}.")
    if events.dates_only():
        result.message += f" {DATES_ONLY}: times are whole days."
    return result


def compute_after_dropping(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``next_after_dropping``: what the users who reached the chosen step but not the next did next, as shares
    of those users."""
    events, steps, at = inputs.events, _steps(params), int(params["dropped_at"])
    table = events.metrics.next_after_dropping(events.data, steps, at, top=int(params["top"]),
                                               **funnel_options(params))
    chart = ChartData.of_columns(
        "bars", f"What users did next after {steps[at - 1]} (step {at}) instead of {steps[at]}: "
        f"{funnel_terms(params)}", table, "next_event", "share", "Share", y_label="Share of those who dropped",
        percent=True)
    result = AnalysisResult("after_dropping", params, table, [chart], empty=table.empty)
    if table.empty:
        result.message = (f"Nobody dropped out between step {at} ({steps[at - 1]}) and step {at + 1} "
                          f"({steps[at]}) in this date range.")
        return result
    first = table.iloc[0]
    dropped = round(first.users / first.share)  # shares are of everyone who dropped there
    result.message = (f"{count(dropped, 'user')} reached {steps[at - 1]} but not {steps[at]}. Their next moment "
                      "after the step counts; events done at that same moment each count, so shares can add up "
                      "past 100 %.")
    return result


def view_specs(funnel: AnalysisSpec) -> tuple[AnalysisSpec, ...]:
    """The three views, with the funnel's parameters (its breakdown left out) and their own."""

    def shared(facts: DataFacts) -> list[Param]:
        return [param for param in funnel.params(facts) if param.name != "by"]

    top = Param("top", QT_TRANSLATE_NOOP("Analysis", "Show top"), "int", 10, minimum=1, maximum=50,
                help=QT_TRANSLATE_NOOP("Analysis", "How many next events to show, the most common first"))
    dropped_at = Param("dropped_at", QT_TRANSLATE_NOOP("Analysis", "Dropped after step"), "int", 1, minimum=1,
                       maximum=19,
                       help=QT_TRANSLATE_NOOP("Analysis", "The users who reached this step but not the next one"))
    return (
        AnalysisSpec("funnel_over_time", QT_TRANSLATE_NOOP("Analysis", "Conversion over time"),
                     QT_TRANSLATE_NOOP("Analysis",
                                       "Per week of entering, how many users started the funnel and the share "
                                       "who finished it."),
                     lambda f: [*shared(f), period_param("week")], compute_funnel_over_time),
        AnalysisSpec("time_to_convert", QT_TRANSLATE_NOOP("Analysis", "Time to convert"),
                     QT_TRANSLATE_NOOP("Analysis",
                                       "How long users take from the first step to each next one: the spread, "
                                       "not only the median."),
                     shared, compute_time_to_convert),
        AnalysisSpec("after_dropping", QT_TRANSLATE_NOOP("Analysis", "After dropping out"),
                     QT_TRANSLATE_NOOP("Analysis", "What users who left a funnel at a step did next instead."),
                     lambda f: [*shared(f), dropped_at, top], compute_after_dropping),
    )


def after_funnel(specs: tuple[AnalysisSpec, ...]) -> tuple[AnalysisSpec, ...]:
    """``specs`` with the funnel's views listed right after it, where users look for them."""
    at = next(i for i, spec in enumerate(specs) if spec.kind == "funnel")
    return (*specs[: at + 1], *view_specs(specs[at]), *specs[at + 1:])
