"""Analyses of what users do: trends, adoption, funnels, retention, paths, sessions and when they are active.

Each ``compute`` calls the engine function named in its docstring with the panel's parameters and returns
that function's table unchanged (the GUI table and the tests compare against it), plus chart data. It is
written once for either engine: ``inputs.events.metrics`` holds the numpy accelerators for an event log or the
Ibis definitions for a warehouse's view (:mod:`.events`).
"""

from __future__ import annotations

import pandas as pd

from usagelens.analytics import AnalysisError, EventLog, retention_curve
from usagelens.analytics.kpi import complete_periods
from usagelens.analytics.paths import END_LABEL, START_LABEL
from usagelens.model.translatable import ISO_DAY, QT_TRANSLATE_NOOP, SPELLED_DAY, Dated, joined, plural
from usagelens.workspace.analyses.spec import (
    NO_EVENT_LOG,
    AnalysisInputs,
    AnalysisResult,
    ChartData,
    Params,
    Series,
)

NOT_IN_MEMORY = QT_TRANSLATE_NOOP("Analysis", "This analysis reads each user's events one by one: it needs them in "
                                              "the project, not in a warehouse.")


def require_log(inputs: AnalysisInputs) -> EventLog:
    """The events as a log in memory, for what only the accelerators answer (people, revenue per user)."""
    log = inputs.log
    if log is None:
        raise LookupError(NOT_IN_MEMORY if inputs.events_elsewhere else NO_EVENT_LOG)
    return log


def date_range(params: Params) -> dict[str, object]:
    """The start and end dates an analysis was given (None: from the data), as its functions take them."""
    return {"start": params.get("start") or None, "end": params.get("end") or None}


ORDER_WORDS = {"sequential": QT_TRANSLATE_NOOP("Analysis", "in this order"),
               "strict": QT_TRANSLATE_NOOP("Analysis", "one directly after another"),
               "any": QT_TRANSLATE_NOOP("Analysis", "in any order")}
DATES_ONLY = QT_TRANSLATE_NOOP("Analysis", "Every timestamp in this data is a date without a time of day")
WEEKDAY_NAMES = (QT_TRANSLATE_NOOP("Analysis", "Mon"), QT_TRANSLATE_NOOP("Analysis", "Tue"),
                 QT_TRANSLATE_NOOP("Analysis", "Wed"), QT_TRANSLATE_NOOP("Analysis", "Thu"),
                 QT_TRANSLATE_NOOP("Analysis", "Fri"), QT_TRANSLATE_NOOP("Analysis", "Sat"),
                 QT_TRANSLATE_NOOP("Analysis", "Sun"))  # analytics.heatmap.WEEKDAYS, marked for the heat map's rows
# a path's own ends (not events), marked for the GUI's chart and table
PATH_ENDS = {END_LABEL: QT_TRANSLATE_NOOP("Analysis", "(end)"), START_LABEL: QT_TRANSLATE_NOOP("Analysis", "(start)")}
ACTIVE_USERS = {"day": QT_TRANSLATE_NOOP("Analysis", "Daily active users"),
                "week": QT_TRANSLATE_NOOP("Analysis", "Weekly active users"),
                "month": QT_TRANSLATE_NOOP("Analysis", "Monthly active users")}


def property_note(inputs: AnalysisInputs, by: str, on: str) -> str:
    """How a breakdown places a user, for its title: nothing for a customer attribute (one value per user),
    else which of their events gives the value, since an event property can change from event to event."""
    customers = inputs.customers
    if customers is not None and customers.has(by):
        return ""
    return QT_TRANSLATE_NOOP("Analysis", " ({by} of {on})").format(by=by, on=on)


def counted_on(params: Params) -> str:
    return QT_TRANSLATE_NOOP("Analysis", "each user's last event") if params.get("counted") == "last" else \
        QT_TRANSLATE_NOOP("Analysis", "each user's first event")


def split_series(table: pd.DataFrame, x: str, y: str, by: str | None) -> list[Series]:
    """One series per segment of a stacked table (or one series when there is no ``segment`` column)."""
    if by is None or "segment" not in table.columns:
        return [Series(y.replace("_", " ").capitalize(), table[x].to_numpy(), table[y].to_numpy(float))]
    return [
        Series(str(name), part[x].to_numpy(), part[y].to_numpy(float))
        for name, part in table.groupby("segment", sort=False)
    ]


def partial_last_period(starts: pd.Series, period: str, data_end: pd.Timestamp, params: Params) -> str:
    """A sentence when the data (or the chosen range) ends inside the last period, else ""."""
    if starts.empty:
        return ""
    end = data_end
    if params.get("end"):
        end = min(end, pd.Timestamp(params["end"]) + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1))
    last = pd.Series([pd.Timestamp(starts.max())])
    if last.iloc[0] > end or complete_periods(last, period, end).iloc[0]:  # a range past the data has none
        return ""
    sentence = {
        "day": QT_TRANSLATE_NOOP("Analysis", "The last day ({start}) is partial: the data ends on "
                                             "{end}, so its lower value is not a real drop. It is drawn "
                                             "hollow."),
        "week": QT_TRANSLATE_NOOP("Analysis", "The last week (from {start}) is partial: the data ends on "
                                              "{end}, so its lower value is not a real drop. It is drawn "
                                              "hollow."),
        "month": QT_TRANSLATE_NOOP("Analysis", "The last month (from {start}) is partial: the data ends on "
                                               "{end}, so its lower value is not a real drop. It is drawn "
                                               "hollow."),
    }[period]
    return sentence.format(start=Dated(last.iloc[0], SPELLED_DAY), end=Dated(end, SPELLED_DAY))


def compute_active_users(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``active_users`` per period, or ``compare_segments`` of it when a breakdown is chosen."""
    events, by = inputs.events, params.get("by") or None
    metrics, period, rng = events.metrics, params["period"], date_range(params)
    label = ACTIVE_USERS[period]
    title = label
    if by:
        table = metrics.compare_segments(
            events.data, lambda part: metrics.active_users(part, period, **rng), by, customers=events.customers,
            counted=params.get("counted") or "first",
        )
        title = QT_TRANSLATE_NOOP("Analysis", "{measure} by {by}{note}").format(
            measure=label, by=by, note=property_note(inputs, by, counted_on(params)))
    else:
        table = metrics.active_users(events.data, period, **rng)
    chart = ChartData(
        "time", title, split_series(table, "period", "active_users", by),
        y_label=QT_TRANSLATE_NOOP("Analysis", "Active users")
    )
    if not by:
        chart.series[0].name = label
    partial = partial_last_period(table["period"], period, events.end(), params)
    chart.incomplete_last = bool(partial)
    return AnalysisResult("active_users", params, table, [chart], empty=not table["active_users"].sum(),
                          message=partial)


LIFECYCLE_STATES = (("new", QT_TRANSLATE_NOOP("Analysis", "New")),
                    ("returning", QT_TRANSLATE_NOOP("Analysis", "Returning")),
                    ("resurrecting", QT_TRANSLATE_NOOP("Analysis", "Resurrecting")),
                    ("dormant", QT_TRANSLATE_NOOP("Analysis", "Dormant")))
LIFECYCLE_TITLES = {
    "day": QT_TRANSLATE_NOOP("Analysis", "Daily lifecycle: new, returning, resurrecting and dormant users"),
    "week": QT_TRANSLATE_NOOP("Analysis", "Weekly lifecycle: new, returning, resurrecting and dormant users"),
    "month": QT_TRANSLATE_NOOP("Analysis", "Monthly lifecycle: new, returning, resurrecting and dormant users"),
}
EVERYONE_NEW = {
    "day": QT_TRANSLATE_NOOP("Analysis", "Everyone active on the first day counts as new: the data starts there."),
    "week": QT_TRANSLATE_NOOP("Analysis", "Everyone active in the first week counts as new: the data starts there."),
    "month": QT_TRANSLATE_NOOP("Analysis", "Everyone active in the first month counts as new: the data starts "
                                           "there."),
}


def compute_lifecycle(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``lifecycle``: each period's active users split into new, returning and resurrecting, and the users
    who went dormant (drawn below zero), so growth that only replaces churn is visible."""
    events, period = inputs.events, params["period"]
    table = events.metrics.lifecycle(events.data, period, **date_range(params))
    starts = table["period"].to_numpy()
    series = [Series(name, starts, table[column].to_numpy(float)) for column, name in LIFECYCLE_STATES]
    chart = ChartData("time", LIFECYCLE_TITLES[period], series,
                      y_label=QT_TRANSLATE_NOOP("Analysis", "Users (dormant below zero)"))
    notes = [partial_last_period(table["period"], period, events.end(), params)]
    chart.incomplete_last = bool(notes[0])
    if not table.empty and table["returning"].iloc[0] + table["resurrecting"].iloc[0] == 0:
        notes.insert(0, EVERYONE_NEW[period])
    return AnalysisResult("lifecycle", params, table, [chart], empty=not table["active_users"].sum(),
                          message=joined((note for note in notes if note), " "))


def compute_frequency(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``frequency`` (the power-user curve): how many days of each week or month users are active; the chart
    averages the periods' shares, the table keeps every period."""
    events, period = inputs.events, params["period"]
    table = events.metrics.active_days_frequency(events.data, period, **date_range(params))
    curve = table.groupby("active_days", sort=True)["share"].mean()
    share = QT_TRANSLATE_NOOP("Analysis", "Share of active users")
    title, axis = {
        "week": (QT_TRANSLATE_NOOP("Analysis", "Days active per week (average share of the week's active users)"),
                 QT_TRANSLATE_NOOP("Analysis", "Days active in the week")),
        "month": (QT_TRANSLATE_NOOP("Analysis", "Days active per month (average share of the month's active users)"),
                  QT_TRANSLATE_NOOP("Analysis", "Days active in the month")),
    }[period]
    chart = ChartData("bars", title, [Series(share, [str(n) for n in curve.index], curve.to_numpy(float))],
                      y_label=share, x_label=axis, percent=True)
    return AnalysisResult("frequency", params, table, [chart], empty=table["users"].sum() == 0)


def compute_event_counts(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``event_counts``: how often each event happens and how many users do it."""
    events = inputs.events
    table = events.metrics.event_counts(events.data).head(int(params["top"]))
    users = QT_TRANSLATE_NOOP("Analysis", "Users")
    # The bars in the order of what they show: ranked by events (the table's order), users read 2,803, 2,725,
    # 2,525, 2,662 down the chart, as if unsorted.
    by_users = table.sort_values("users", ascending=False, kind="stable")
    chart = ChartData.of_columns("bars", QT_TRANSLATE_NOOP("Analysis", "Users per event"), by_users, "event", "users",
                                 users, y_label=users)
    return AnalysisResult("event_counts", params, table, [chart], empty=table.empty)


def compute_stickiness(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``stickiness``: mean DAU ÷ MAU per month."""
    events = inputs.events
    table = events.metrics.stickiness(events.data, **date_range(params))
    chart = ChartData.of_columns("time", QT_TRANSLATE_NOOP("Analysis", "Stickiness (DAU/MAU)"), table, "month",
                                 "stickiness", "DAU/MAU", y_label="DAU ÷ MAU", percent=True)
    return AnalysisResult("stickiness", params, table, [chart], empty=table["mau"].sum() == 0)


def compute_adoption(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``feature_adoption`` over the range, most adopted first."""
    events = inputs.events
    table = events.metrics.feature_adoption(events.data, **date_range(params)).head(int(params["top"]))
    chart = ChartData.of_columns("bars", QT_TRANSLATE_NOOP("Analysis", "Feature adoption"), table, "event",
                                 "adoption_rate", QT_TRANSLATE_NOOP("Analysis", "Adoption"),
                                 y_label=QT_TRANSLATE_NOOP("Analysis", "Share of active users"), percent=True)
    return AnalysisResult("adoption", params, table, [chart], empty=table["users"].sum() == 0)


def funnel_options(params: Params) -> dict[str, object]:
    """The funnel functions' options from the panel's; ``exclude_step`` 0 (or absent, in projects saved before
    it existed) excludes between any two steps, as the exclusion always did."""
    window = int(params.get("window_days") or 0)
    exclude = params.get("exclude") or None
    return {
        "order": params["order"],
        "window": f"{window}d" if window else None,
        "exclude": exclude,
        "exclude_after": (int(params.get("exclude_step") or 0) or None) if exclude else None,
        **date_range(params),
    }


def funnel_terms(params: Params) -> str:
    """The rules a funnel was counted by, for its title: "within 14 days, in this order"."""
    window = int(params.get("window_days") or 0)
    within = plural(window, QT_TRANSLATE_NOOP("Analysis", "within {count:,} day"),
                    QT_TRANSLATE_NOOP("Analysis", "within {count:,} days"))
    terms = [within if window else QT_TRANSLATE_NOOP("Analysis", "no time limit"), ORDER_WORDS[params["order"]]]
    if params.get("exclude"):
        step = int(params.get("exclude_step") or 0)
        terms.append(QT_TRANSLATE_NOOP("Analysis", "out if they do {event} between steps {step} and {next}").format(
            event=params["exclude"], step=step, next=step + 1) if step else
            QT_TRANSLATE_NOOP("Analysis", "out if they do {event}").format(event=params["exclude"]))
    return joined(terms, ", ")


def compute_funnel(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``funnel`` (or ``funnel_breakdown`` by an attribute) over the chosen steps."""
    events, steps, by = inputs.events, list(params["steps"]), params.get("by") or None
    if len(steps) < 2:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Choose at least two steps for a funnel."))
    options = funnel_options(params)
    terms = funnel_terms(params)
    if by:
        table = events.metrics.funnel_breakdown(events.data, steps, by, customers=events.customers, **options)
        series = [
            Series(
                str(name),
                [f"{s}. {e}" for s, e in zip(part["step"], part["event"], strict=True)],
                part["conversion_from_start"].to_numpy(float),
            )
            for name, part in table.groupby("segment", sort=False)
        ]
        note = property_note(inputs, by, QT_TRANSLATE_NOOP("Analysis", "the {event} each user entered with").format(
            event=steps[0]))
        chart = ChartData(
            "bars", QT_TRANSLATE_NOOP("Analysis", "Conversion from step 1 by {by}{note}: {terms}").format(
                by=by, note=note, terms=terms),
            series, y_label=QT_TRANSLATE_NOOP("Analysis", "Conversion"), percent=True
        )
    else:
        table = events.metrics.funnel(events.data, steps, **options)
        labels = [f"{s}. {e}" for s, e in zip(table["step"], table["event"], strict=True)]
        users = QT_TRANSLATE_NOOP("Analysis", "Users")
        chart = ChartData("funnel", QT_TRANSLATE_NOOP("Analysis", "Funnel: {terms}").format(terms=terms),
                          [Series(users, labels, table["users"].to_numpy(float))], y_label=users)
    entered = int(table.loc[table["step"] == 1, "users"].sum())
    result = AnalysisResult("funnel", params, table, [chart], empty=entered == 0)
    if entered == 0:
        result.message = QT_TRANSLATE_NOOP(
            "Analysis", "Nobody did the first step ({event}) in this date range.").format(event=steps[0])
    else:
        never = table.loc[table["users"] == 0, "event"].drop_duplicates().tolist()
        if never:
            result.message = QT_TRANSLATE_NOOP("Analysis", "No user reached: {events}. Check the step order or widen "
                                                           "the window.").format(events=", ".join(never))
        if events.dates_only():
            result.message = joined(filter(None, [result.message, QT_TRANSLATE_NOOP(
                "Analysis", "Every timestamp in this data is a date without a time of day: steps done on the same day "
                            "count as in order, and times to convert are whole days.")]), " ")
    return result


def compute_retention(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``retention_table`` as a cohort heat map, and ``retention_curve`` of it as lines."""
    events = inputs.events
    table = events.metrics.retention_table(
        events.data,
        params["period"],
        mode=params["mode"],
        start_event=params.get("start_event") or None,
        return_event=params.get("return_event") or None,
        max_periods=int(params["max_periods"]),
        **date_range(params),
    )
    if table.empty:
        return AnalysisResult(
            "retention", params, table, [], empty=True,
            message=QT_TRANSLATE_NOOP("Analysis", "No user started in this date range.")
        )
    grid = table.pivot(index="cohort", columns="period_offset", values="retention_rate")
    sizes = table.groupby("cohort")["cohort_size"].first()
    period = params["period"]
    # ISO in English (the chart's export and the CLI read it), the locale's dates in the GUI
    rows = [QT_TRANSLATE_NOOP("Analysis", "{start} ({size:,})").format(start=Dated(pd.Timestamp(c).date(), ISO_DAY),
                                                                             size=int(sizes[c])) for c in grid.index]
    since = {"day": QT_TRANSLATE_NOOP("Analysis", "days since cohort start"),
             "week": QT_TRANSLATE_NOOP("Analysis", "weeks since cohort start"),
             "month": QT_TRANSLATE_NOOP("Analysis", "months since cohort start")}[period]
    heat = ChartData(
        "heatmap",
        QT_TRANSLATE_NOOP("Analysis", "Retention by cohort (cohort start, size)"),
        matrix=grid.to_numpy(float),
        row_labels=rows,
        column_labels=[str(n) for n in grid.columns],
        percent=True,
        x_label=since,
    )
    curve = retention_curve(table)
    line = ChartData(
        "curve",
        QT_TRANSLATE_NOOP("Analysis", "Average retention (weighted by cohort size)"),
        [
            Series(QT_TRANSLATE_NOOP("Analysis", "Retention"), [str(n) for n in curve["period_offset"]],
                   curve["retention_rate"].to_numpy(float))
        ],
        y_label=QT_TRANSLATE_NOOP("Analysis", "Retained"),
        percent=True,
        x_label=since,
    )
    return AnalysisResult("retention", params, table, [heat, line])


def compute_paths(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``top_paths`` after one event (at depth 1 its next events, ``(end)`` where nothing followed, each a share
    of every time the event was done, as ``usagelens analyze paths`` gives them); with direction "before",
    ``top_paths(before=True)``: the events that led up to it."""
    events, start_event, top, depth = inputs.events, params["event"], int(params["top"]), int(params["depth"])
    metrics, before = events.metrics, params.get("direction") == "before"
    if not events.has_event(start_event):  # a readable error, not an empty chart
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "Event {event} does not occur in the data.").format(
            event=repr(start_event)))
    if before:
        table = metrics.top_paths(events.data, start_event, depth=depth, top=top, before=True, **date_range(params))
        chart = ChartData.of_columns(
            "flow", QT_TRANSLATE_NOOP("Analysis", "What leads up to {event}").format(event=start_event), table,
            "from_event", "share", QT_TRANSLATE_NOOP("Analysis", "Share"),
            y_label=QT_TRANSLATE_NOOP("Analysis", "Share of what came before {event}").format(event=start_event),
            percent=True)
    else:
        table = metrics.top_paths(events.data, start_event, depth=depth, top=top, **date_range(params))
        chart = ChartData.of_columns(
            "flow", QT_TRANSLATE_NOOP("Analysis", "What users do after {event}").format(event=start_event), table,
            "to_event", "share", QT_TRANSLATE_NOOP("Analysis", "Share"),
            y_label=QT_TRANSLATE_NOOP("Analysis", "Share of what follows {event}").format(event=start_event),
            percent=True)
    chart.series[0].x = [PATH_ENDS.get(x, x) for x in chart.series[0].x]  # the bars' own labels, in the reader's words
    result = AnalysisResult("paths", params, table, [chart], empty=table.empty)
    if table.empty:
        result.message = (QT_TRANSLATE_NOOP("Analysis", "Nobody did {event} in this date range.") if before else
                          QT_TRANSLATE_NOOP("Analysis", "Nobody did anything after {event} in this date range.")
                          ).format(event=start_event)
    elif events.dates_only():
        result.message = QT_TRANSLATE_NOOP("Analysis", "Every timestamp in this data is a date without a time of day: "
                                                       "what users did on the same day follows the export's row order.")
    return result


def compute_sessions(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``session_summary`` per period with the chosen gap (none for timestamps without a time of day)."""
    events = inputs.events
    if events.dates_only():
        return AnalysisResult(
            "sessions", params, empty=True,
            message=QT_TRANSLATE_NOOP("Analysis", "Every timestamp in this data is a date without a time of day, so "
                                                  "visits cannot be told apart: every active day would count as one "
                                                  "session lasting no time. Active users per day shows how often "
                                                  "people come back."),
        )
    table = events.metrics.session_summary(events.data, params["period"], gap=f"{int(params['gap_minutes'])}min",
                                           **date_range(params))
    measure = params["measure"]
    values = table[measure]
    if measure == "median_duration":
        values = values.dt.total_seconds() / 60
    label = {
        "sessions": QT_TRANSLATE_NOOP("Analysis", "Sessions"),
        "sessions_per_user": QT_TRANSLATE_NOOP("Analysis", "Sessions per user"),
        "median_duration": QT_TRANSLATE_NOOP("Analysis", "Median session length (minutes)"),
    }[measure]
    partial = partial_last_period(table["period"], params["period"], events.end(), params)
    chart = ChartData(
        "time", label, [Series(label, table["period"].to_numpy(), values.to_numpy(float))], y_label=label,
        incomplete_last=bool(partial),
    )
    return AnalysisResult("sessions", params, table, [chart], empty=not table["sessions"].sum(), message=partial)


def compute_heatmap(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """:func:`usage_heatmap` as a weekday × hour grid, or by weekday alone for timestamps without a time of day
    (they would all sit at midnight)."""
    events = inputs.events
    table = events.metrics.usage_heatmap(events.data, params["measure"], **date_range(params))
    events_, users = params["measure"] == "events", QT_TRANSLATE_NOOP("Analysis", "Active users")
    label = QT_TRANSLATE_NOOP("Analysis", "Events") if events_ else users
    days = [WEEKDAY_NAMES[n] for n in range(7)]
    grid = table["value"].to_numpy(float).reshape(7, 24)
    result = AnalysisResult("heatmap", params, table, empty=not table["value"].sum())
    if events.dates_only():
        title = QT_TRANSLATE_NOOP("Analysis", "Events by weekday") if events_ else \
            QT_TRANSLATE_NOOP("Analysis", "Active users by weekday")
        result.charts = [ChartData("bars", title, [Series(label, days, grid[:, 0])], y_label=label)]
        result.message = QT_TRANSLATE_NOOP("Analysis", "Every timestamp in this data is a date without a time of day, "
                                                       "so there are no hours to show: this is each weekday's total.")
    else:
        result.charts = [ChartData(
            "heatmap",
            QT_TRANSLATE_NOOP("Analysis", "Events by weekday and hour (UTC)") if events_ else
            QT_TRANSLATE_NOOP("Analysis", "Active users by weekday and hour (UTC)"),
            matrix=grid,
            row_labels=days,
            column_labels=[f"{h:02d}" for h in range(24)],
            y_label=label,
            x_label=QT_TRANSLATE_NOOP("Analysis", "Hour of day (UTC)"),
        )]
    if result.empty:
        result.message = QT_TRANSLATE_NOOP("Analysis", "There are no events in this date range.")
    return result
