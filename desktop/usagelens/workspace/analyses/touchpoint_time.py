"""*Time at each touchpoint* in the step-4 gallery (issue 16.5): how long users stay on each event before their
next one within the same session, as a median with its middle half per event, and the spread in buckets in the
table.

The session is the sessions analysis' own (its parameter, :func:`.spec.session_gap_param`), so a pause that
starts a new session there ends the touchpoint's time here. Written once for either engine (``inputs.events``).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from usagelens.model.translatable import QT_TRANSLATE_NOOP, plural
from usagelens.workspace.analyses.behaviour import date_range
from usagelens.workspace.analyses.spec import (
    AnalysisInputs,
    AnalysisResult,
    ChartData,
    DataFacts,
    Param,
    Params,
    Series,
    range_params,
    session_gap_param,
)
from usagelens.workspace.formatting import fmt_duration

MINUTES_FROM = 120  # seconds: a chart whose middle halves reach past two minutes counts in minutes


def params(facts: DataFacts) -> list[Param]:
    return [
        session_gap_param(),
        Param("events", QT_TRANSLATE_NOOP("Analysis", "Only events"), "text", "", optional=True,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "Comma-separated event names to show (empty: every event); the time still "
                                     "runs to whatever the user did next")),
        Param("top", QT_TRANSLATE_NOOP("Analysis", "Show top"), "int", 15, minimum=1, maximum=200,
              help=QT_TRANSLATE_NOOP("Analysis", "How many events to show, the most frequent first")),
        *range_params(facts),
    ]


def chosen_events(params: Params) -> list[str] | None:
    """The event names the "Only events" text lists (None: every event)."""
    names = [name.strip() for name in str(params.get("events") or "").split(",") if name.strip()]
    return list(dict.fromkeys(names)) or None


def compute_touchpoint_time(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``touchpoint_times`` for the most frequent events, longest median first: a bar per event for its median
    time, a line across its middle half (p25 to p75)."""
    events, gap = inputs.events, int(params["gap_minutes"])
    if events.dates_only():
        return AnalysisResult(
            "touchpoint_time", params, empty=True,
            message=QT_TRANSLATE_NOOP("Analysis", "Every timestamp in this data is a date without a time of day, so "
                                                  "the time between two events cannot be known. Event counts shows "
                                                  "what users do most."),
        )
    table = events.metrics.touchpoint_times(events.data, gap=f"{gap}min", events=chosen_events(params),
                                            **date_range(params))
    table = table.head(int(params["top"]))
    table = table.iloc[np.lexsort((np.arange(len(table)), -_seconds(table["median"]).fillna(-1).to_numpy()))]
    table = table.reset_index(drop=True)
    timed = table[table["median"].notna()]
    if timed.empty:
        message = QT_TRANSLATE_NOOP("Analysis", "Nothing to time: every event in this range was the last of its "
                                                "session.") if len(table) else \
            QT_TRANSLATE_NOOP("Analysis", "There are no events in this date range.")
        return AnalysisResult("touchpoint_time", params, table, empty=True, message=message)
    in_minutes = bool(_seconds(timed["p75"]).max() >= MINUTES_FROM)
    scale = 60 if in_minutes else 1
    chart = ChartData(
        "bars", QT_TRANSLATE_NOOP("Analysis", "Time at each touchpoint: median and middle half (p25–p75) until the "
                                              "next event, sessions ending after a {gap} min pause").format(gap=gap),
        # whole seconds (tenths of minutes) on the bars' labels; the table keeps the exact times
        [Series(QT_TRANSLATE_NOOP("Analysis", "Median"), table["event"].astype(str).tolist(),
                np.round(_seconds(table["median"]) / scale, 1 if in_minutes else 0).to_numpy(float))],
        y_label=QT_TRANSLATE_NOOP("Analysis", "Median time before the next event (minutes)") if in_minutes else
        QT_TRANSLATE_NOOP("Analysis", "Median time before the next event (seconds)"),
        x_label=QT_TRANSLATE_NOOP("Analysis", "Event"),
        unit="min" if in_minutes else "s",
        intervals=((_seconds(table["p25"]) / scale).to_numpy(float), (_seconds(table["p75"]) / scale).to_numpy(float)),
    )
    return AnalysisResult("touchpoint_time", params, table, [chart], message=_message(table, gap))


def _seconds(durations: pd.Series) -> pd.Series:
    return durations.dt.total_seconds()


def _message(table: pd.DataFrame, gap: int) -> str:
    """The longest stop in words, and how the times are counted."""
    top = table.iloc[0]
    ended = int(table["session_ends"].sum())
    total = int(table["occurrences"].sum())
    share = ended / total if total else math.nan
    return plural(
        int(top.occurrences),
        QT_TRANSLATE_NOOP("Analysis", "Users stay longest at {event}: its {count:,} occurrence was followed by their "
                                      "next event within {median}. A time runs from an event to the same user's next "
                                      "one in the session (a pause over {gap} min ends it); events at the same instant "
                                      "count as 0 s. {ended:.0%} of these occurrences were the last of their session "
                                      "and have no time (session ends)."),
        QT_TRANSLATE_NOOP("Analysis", "Users stay longest at {event}: half of its {count:,} occurrences were followed "
                                      "by their next event within {median}, three in four within {p75}. A time runs "
                                      "from an event to the same user's next one in the session (a pause over {gap} "
                                      "min ends it); events at the same instant count as 0 s. {ended:.0%} of these "
                                      "occurrences were the last of their session and have no time (session ends).")
    ).format(event=str(top.event), median=fmt_duration(top["median"]), p75=fmt_duration(top["p75"]), gap=gap,
             ended=share)
