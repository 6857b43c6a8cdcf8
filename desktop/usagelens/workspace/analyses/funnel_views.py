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

from usagelens.analytics.funnel_views import BUCKETS, NO_LATER_EVENT
from usagelens.model.translatable import QT_TRANSLATE_NOOP, SPELLED_DAY, Dated, joined, plural
from usagelens.workspace.analyses.behaviour import funnel_options, funnel_terms
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
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Choose at least two steps for a funnel."))
    return steps


def _nobody(steps: Sequence[str]) -> str:
    return QT_TRANSLATE_NOOP("Analysis", "Nobody did the first step ({event}) in this date range.").format(
        event=steps[0])


BUCKET_WORDS = {"1–7 days": QT_TRANSLATE_NOOP("Analysis", "1–7 days"),  # the others read the same in German
                "7 days or more": QT_TRANSLATE_NOOP("Analysis", "7 days or more")}
# the row of dropped users who did nothing later (not an event), marked for the GUI's chart and table
NEXT_WORDS = {str(NO_LATER_EVENT): NO_LATER_EVENT}


def compute_funnel_over_time(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``funnel_over_time``: per period of entering, the users who entered and the share who reached the last
    step; periods whose users have not all had the whole window by the end of the data are named."""
    events, steps, period = inputs.events, _steps(params), params["period"]
    table = events.metrics.funnel_over_time(events.data, steps, period, **funnel_options(params))
    starts = table["period"].to_numpy()
    # one chart: a second one for the users who entered left both too short to read; they are in the table
    title = {"day": QT_TRANSLATE_NOOP("Analysis", "Conversion to {event} by day of entering: {terms}"),
             "week": QT_TRANSLATE_NOOP("Analysis", "Conversion to {event} by week of entering: {terms}"),
             "month": QT_TRANSLATE_NOOP("Analysis", "Conversion to {event} by month of entering: {terms}")}[period]
    rate = ChartData("time", title.format(event=steps[-1], terms=funnel_terms(params)),
                     [Series(QT_TRANSLATE_NOOP("Analysis", "Reached {event}").format(event=steps[-1]), starts,
                             table["conversion_rate"].to_numpy(float))],
                     y_label=QT_TRANSLATE_NOOP("Analysis", "Share who converted"), percent=True)
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
        return {"day": QT_TRANSLATE_NOOP("Analysis", "With no time limit, users who entered recently have had less "
                                                     "time to convert: the day of {start} is drawn hollow."),
                "week": QT_TRANSLATE_NOOP("Analysis", "With no time limit, users who entered recently have had less "
                                                      "time to convert: the week of {start} is drawn hollow."),
                "month": QT_TRANSLATE_NOOP("Analysis", "With no time limit, users who entered recently have had less "
                                                       "time to convert: the month of {start} is drawn "
                                                       "hollow.")}[period].format(start=Dated(first, SPELLED_DAY))
    return {"day": QT_TRANSLATE_NOOP("Analysis", "Users who entered from the day of {start} on had less than "
                                                 "the {window}-day window before the data ends ({end}): their "
                                                 "conversion may still rise."),
            "week": QT_TRANSLATE_NOOP("Analysis", "Users who entered from the week of {start} on had less "
                                                  "than the {window}-day window before the data ends ({end}): "
                                                  "their conversion may still rise."),
            "month": QT_TRANSLATE_NOOP("Analysis", "Users who entered from the month of {start} on had less "
                                                   "than the {window}-day window before the data ends "
                                                   "({end}): their conversion may still rise.")
            }[period].format(start=Dated(first, SPELLED_DAY), window=window, end=Dated(end, SPELLED_DAY))


def _period_end(start: pd.Timestamp, period: str) -> pd.Timestamp:
    offset = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1)}[period]
    return start + offset


def compute_time_to_convert(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``time_to_convert``: for each step, how its users' time since step 1 spreads over the buckets (as
    shares, one group of bars per step) and its percentiles (in the table and the message)."""
    events, steps = inputs.events, _steps(params)
    table = events.metrics.time_to_convert(events.data, steps, **funnel_options(params))
    labels = [BUCKET_WORDS.get(label, label) for _, label, _ in BUCKETS]
    columns = [name for name, _, _ in BUCKETS]
    series = [
        Series(f"{row.step}. {row.event}", labels,
               (row[columns].to_numpy(float) / row.users) if row.users else row[columns].to_numpy(float) * math.nan)
        for _, row in table.iterrows()
    ]
    chart = ChartData("bars", QT_TRANSLATE_NOOP("Analysis", "Time from {event} to each step: {terms}").format(
        event=steps[0], terms=funnel_terms(params)), series,
        y_label=QT_TRANSLATE_NOOP("Analysis", "Share of the step's users"),
        x_label=QT_TRANSLATE_NOOP("Analysis", "Time since step 1"), percent=True)
    reached = table[table["users"] > 0]
    result = AnalysisResult("time_to_convert", params, table, [chart], empty=reached.empty)
    if reached.empty:
        result.message = QT_TRANSLATE_NOOP("Analysis", "Nobody reached step 2 ({event}) in this date range.").format(
            event=steps[1])
        return result
    last = reached.iloc[-1]
    result.message = plural(
        int(last.users),
        QT_TRANSLATE_NOOP("Analysis", "Of the {count:,} user who reached {event} (step {step}), half took {p50} or "
                                      "less from {first}, three in four {p75}, nine in ten {p90}."),
        QT_TRANSLATE_NOOP("Analysis", "Of the {count:,} users who reached {event} (step {step}), half took {p50} or "
                                      "less from {first}, three in four {p75}, nine in ten {p90}.")).format(
        event=last.event, step=int(last.step), p50=fmt_duration(last.p50), first=steps[0],
        p75=fmt_duration(last.p75), p90=fmt_duration(last.p90))
    if events.dates_only():
        result.message = joined([result.message, QT_TRANSLATE_NOOP(
            "Analysis", "Every timestamp in this data is a date without a time of day: times are whole days.")], " ")
    return result


def compute_after_dropping(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``next_after_dropping``: what the users who reached the chosen step but not the next did next, as shares
    of those users."""
    events, steps, at = inputs.events, _steps(params), int(params["dropped_at"])
    table = events.metrics.next_after_dropping(events.data, steps, at, top=int(params["top"]),
                                               **funnel_options(params))
    chart = ChartData.of_columns(
        "bars", QT_TRANSLATE_NOOP("Analysis", "What users did next after {event} (step {step}) instead of {next}: "
                                              "{terms}").format(event=steps[at - 1], step=at, next=steps[at],
                                                                terms=funnel_terms(params)),
        table, "next_event", "share", QT_TRANSLATE_NOOP("Analysis", "Share"),
        y_label=QT_TRANSLATE_NOOP("Analysis", "Share of those who dropped"), percent=True)
    chart.series[0].x = [NEXT_WORDS.get(x, x) for x in chart.series[0].x]  # the bars' own labels, in the reader's words
    result = AnalysisResult("after_dropping", params, table, [chart], empty=table.empty)
    if table.empty:
        result.message = QT_TRANSLATE_NOOP("Analysis", "Nobody dropped out between step {step} ({event}) and step "
                                                       "{next_step} ({next}) in this date range.").format(
            step=at, event=steps[at - 1], next_step=at + 1, next=steps[at])
        return result
    first = table.iloc[0]
    dropped = round(first.users / first.share)  # shares are of everyone who dropped there
    result.message = plural(
        dropped,
        QT_TRANSLATE_NOOP("Analysis", "{count:,} user reached {event} but not {next}. Their next moment after the step "
                                      "counts; events done at that same moment each count, so shares can add up past "
                                      "100 %."),
        QT_TRANSLATE_NOOP("Analysis", "{count:,} users reached {event} but not {next}. Their next moment after the "
                                      "step counts; events done at that same moment each count, so shares can add up "
                                      "past 100 %.")).format(event=steps[at - 1], next=steps[at])
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
