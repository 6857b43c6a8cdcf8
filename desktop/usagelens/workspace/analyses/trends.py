"""Trends for any question (issue 16.4): one number per day, week or month, as product-analytics tools chart it.

A series is an event (or every event) and a measure: total events, unique users, events per user, or the sum
or average of a numeric event property. A second series B and a formula combine two (exports ÷ active users);
the previous range of the same length is drawn dashed beside it, with the change; a rolling mean smooths it;
a breakdown splits it by a customer attribute, an event property or a cohort, as every breakdown does
(``compare_segments``).

The engine only counts (:func:`usagelens.analytics.event_trend`, or the definition of the same name on a
view); every ratio, the formula, the rolling mean and the comparison are made here, on the small table, so
they never depend on an engine's division or date rules. A division by zero is an empty cell, never ``inf``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from usagelens.analytics import AnalysisError
from usagelens.analytics.event_trends import (
    FORMULA_SIGNS,
    PROPERTY_MEASURES,
    combine,
    divide,
    measure_values,
    series_label,
    series_params,
    trend_formula,
    trend_label,
)
from usagelens.model.translatable import QT_TRANSLATE_NOOP, SPELLED_DAY, Dated, Phrase, joined, plural
from usagelens.workspace.analyses.behaviour import (
    counted_on,
    date_range,
    partial_last_period,
    property_note,
)
from usagelens.workspace.analyses.spec import (
    AnalysisInputs,
    AnalysisResult,
    ChartData,
    DataFacts,
    Param,
    Params,
    Series,
    breakdown_param,
    period_param,
    range_params,
)

if TYPE_CHECKING:
    from usagelens.analytics.engine_events import Events

MEASURES = (
    ("events", QT_TRANSLATE_NOOP("Analysis", "Total events")),
    ("users", QT_TRANSLATE_NOOP("Analysis", "Unique users")),
    ("per_user", QT_TRANSLATE_NOOP("Analysis", "Events per user")),
    ("sum", QT_TRANSLATE_NOOP("Analysis", "Sum of a property")),
    ("average", QT_TRANSLATE_NOOP("Analysis", "Average of a property")),
)
FORMULAS = (("", QT_TRANSLATE_NOOP("Analysis", "None: A alone")), ("divide", QT_TRANSLATE_NOOP("Analysis", "A ÷ B")),
            ("subtract", QT_TRANSLATE_NOOP("Analysis", "A − B")))
ROLLING = {"day": 7, "week": 4, "month": 3}  # periods in a rolling mean
PERIODS_COUNTED = {  # "{count} weeks", one and many
    "day": (QT_TRANSLATE_NOOP("Analysis", "{count:,} day"), QT_TRANSLATE_NOOP("Analysis", "{count:,} days")),
    "week": (QT_TRANSLATE_NOOP("Analysis", "{count:,} week"), QT_TRANSLATE_NOOP("Analysis", "{count:,} weeks")),
    "month": (QT_TRANSLATE_NOOP("Analysis", "{count:,} month"), QT_TRANSLATE_NOOP("Analysis", "{count:,} months")),
}
ROLLING_MEANS = {"day": QT_TRANSLATE_NOOP("Analysis", "7-day rolling mean"),
                 "week": QT_TRANSLATE_NOOP("Analysis", "4-week rolling mean"),
                 "month": QT_TRANSLATE_NOOP("Analysis", "3-month rolling mean")}
SMOOTHED = {"day": QT_TRANSLATE_NOOP("Analysis", "Smoothed: the mean of the last 7 days, so the first 6 are empty."),
            "week": QT_TRANSLATE_NOOP("Analysis", "Smoothed: the mean of the last 4 weeks, so the first 3 are empty."),
            "month": QT_TRANSLATE_NOOP("Analysis", "Smoothed: the mean of the last 3 months, so the first 2 are "
                                                   "empty.")}
SERIES = ("a", "b")  # the keys of series A and B, as their columns beside a formula are named
ALL_EVENTS = series_label(None, "events", None)


@dataclass(frozen=True)
class Question:
    """One series: which event (None: every event), what is measured, and the property summed or averaged."""

    event: str | None
    measure: str
    prop: str | None = None  # the numeric event property

    @classmethod
    def of(cls, params: Params, suffix: str = "") -> Question:
        return cls(*series_params(params, suffix))

    def values(self, table: pd.DataFrame) -> np.ndarray:
        return measure_values(table, self.measure)


def users_column(params: Params, key: str) -> str:
    """The table's column of series ``key``'s (``a`` or ``b``) users per period, the users who did its event
    there: its own value where it counts users (``value``, or ``a`` and ``b`` beside a formula), else the column
    added before it (``users``, or ``a_users`` and ``b_users``)."""
    formula = bool(trend_formula(params))
    if series_params(params, "_b" if key == "b" else "")[1] == "users":
        return key if formula else "value"
    return f"{key}_users" if formula else "users"


def change(now: np.ndarray, before: np.ndarray) -> np.ndarray:
    """Relative change from ``before`` (a fraction; empty where ``before`` is zero or empty)."""
    return divide(now - before, np.abs(before))


def shifted(day: date, period: str, periods: int) -> date:
    """``day`` moved back by ``periods`` days, weeks or months (a month end stays in its month)."""
    if period == "month":
        return (pd.Timestamp(day) - pd.DateOffset(months=periods)).date()
    return day - timedelta(days=periods * (7 if period == "week" else 1))


@dataclass(frozen=True)
class Settings:
    """What a trend is asked, read once from the panel's parameters."""

    period: str
    a: Question
    b: Question | None
    formula: str
    label: str  # the trend's name: "export_report events ÷ Active users"
    previous: bool
    smoothing: bool
    by: str | None
    counted: str

    @classmethod
    def of(cls, params: Params) -> Settings:
        formula = trend_formula(params)
        return cls(str(params["period"]), Question.of(params), Question.of(params, "_b") if formula else None,
                   formula, trend_label(params), bool(params.get("compare_previous")), bool(params.get("smoothing")),
                   params.get("by") or None, params.get("counted") or "first")


class Counter:
    """``event_trend`` of one question over one range, for everyone or stacked per segment."""

    def __init__(self, events: Events, settings: Settings) -> None:
        self.metrics, self.data, self.customers, self.settings = events.metrics, events.data, events.customers, settings

    def counts(self, question: Question | None, start: Any, end: Any) -> pd.DataFrame:
        """The counts table (``segment`` and ``segment_users`` first with a breakdown); ``question`` None
        counts every event (whether a period holds any data at all)."""
        options = {"event": question.event, "property": question.prop} if question else {}

        def metric(part: object) -> pd.DataFrame:
            return self.metrics.event_trend(part, self.settings.period, start=start, end=end, **options)

        if self.settings.by is None:
            return metric(self.data)
        return self.metrics.compare_segments(self.data, metric, self.settings.by, customers=self.customers,
                                             counted=self.settings.counted)


def trends(events: Events, params: Params, *, by_note: str = "") -> AnalysisResult:
    """The Trends analysis on either engine (``inputs.events``: the numpy accelerators on an event log, or the
    Ibis definitions on a view); ``by_note`` says how a breakdown places users, for the title.

    Table: ``[segment, segment_users,] period``, with a formula ``a`` and ``b``, then ``value``; before a series
    that counts events or values (not users), its users per period (:func:`users_column`); ``smoothed``
    (the rolling mean) with smoothing; ``previous_period``, ``previous`` (the same measure one range back,
    smoothed too when smoothing) and ``change`` (the drawn value against it, a fraction) with the comparison.
    """
    settings = Settings.of(params)
    counter = Counter(events, settings)
    rng = date_range(params)
    a_counts = counter.counts(settings.a, **rng)
    table = a_counts.loc[:, [c for c in ("segment", "segment_users", "period") if c in a_counts.columns]].copy()
    counted = [(settings.a, a_counts)]
    if settings.b is not None:
        counted.append((settings.b, counter.counts(settings.b, **rng)))
    values = []
    for key, (question, counts) in zip(SERIES, counted, strict=False):
        if question.measure != "users":  # the users behind its events or values, whom a period's menu lists
            table[users_column(params, key)] = counts["users"].to_numpy()
        values.append(question.values(counts))
        if settings.b is not None:
            table[key] = values[-1]
    table["value"] = combine(values[0], values[1], settings.formula) if settings.b is not None else values[0]
    groups = _groups(table)
    window = ROLLING[settings.period]
    shown = "value"
    if settings.smoothing:
        table["smoothed"] = _rolling(table["value"], groups, window)
        shown = "smoothed"
    notes = [_empty_cells(table, settings)]
    if settings.previous:
        notes.append(_compare(table, counter, settings, rng, groups, shown, window))
    notes += [_property_note(question, part) for question, part in counted]
    if settings.smoothing:
        notes.append(SMOOTHED[settings.period])
    partial = partial_last_period(table["period"], settings.period, events.end(), params)
    notes.append(partial)
    total = sum(int(part["events"].sum()) for _, part in counted)
    chart = _chart(table, settings, shown, by_note, bool(partial))
    result = AnalysisResult("trends", params, table.reset_index(drop=True), [chart], empty=total == 0)
    result.message = QT_TRANSLATE_NOOP("Analysis", "There are no such events in this date range.") if total == 0 \
        else joined((n for n in notes if n), " ")
    return result


def _groups(table: pd.DataFrame) -> list[np.ndarray]:
    """The row positions of each segment (one group without a breakdown), in table order."""
    if "segment" not in table.columns:
        return [np.arange(len(table))]
    labels = table["segment"].to_numpy(object)
    return [np.flatnonzero(labels == label) for label in dict.fromkeys(labels)]


def _rolling(values: pd.Series, groups: list[np.ndarray], window: int) -> np.ndarray:
    """The mean of each row and the ``window - 1`` before it in its segment (empty until there are that many,
    or when one of them is empty)."""
    out = np.full(len(values), np.nan)
    for rows in groups:
        out[rows] = pd.Series(values.to_numpy(float)[rows]).rolling(window, min_periods=window).mean().to_numpy()
    return out


def _compare(table: pd.DataFrame, counter: Counter, settings: Settings, rng: dict[str, object],
             groups: list[np.ndarray], shown: str, window: int) -> str:
    """Adds ``previous_period``, ``previous`` and ``change``: the range shifted back by its own number of
    periods, position by position; a previous period without any event at all is outside the data (empty)."""
    first, last = _resolved(counter, rng)
    periods = len(groups[0])
    start, end = shifted(first, settings.period, periods), shifted(last, settings.period, periods)
    before = counter.counts(settings.a, start, end)
    values = settings.a.values(before)
    if settings.b is not None:
        values = combine(values, settings.b.values(counter.counts(settings.b, start, end)), settings.formula)
    covered = counter.counts(None, start, end)["events"].to_numpy() > 0
    values = np.where(covered, values, np.nan)
    if len(values) != len(table):  # the same number of periods per segment by construction; a guard for a bug
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "the previous range does not line up with this one"))
    table["previous_period"] = before["period"].to_numpy()
    table["previous"] = _rolling(pd.Series(values), groups, window) if settings.smoothing else values
    table["change"] = change(table[shown].to_numpy(float), table["previous"].to_numpy(float))
    span = {"periods": plural(periods, *PERIODS_COUNTED[settings.period]), "start": Dated(start, SPELLED_DAY),
            "end": Dated(end, SPELLED_DAY)}
    if not covered.any():
        return QT_TRANSLATE_NOOP("Analysis", "The previous {periods} ({start} to {end}) hold no "
                                             "events: nothing to compare with.").format(**span)
    compared = QT_TRANSLATE_NOOP("Analysis", "Compared with the previous {periods} ({start} to "
                                             "{end}).").format(**span)
    if settings.by is not None:
        return compared
    now, then = _mean(table[shown].to_numpy(float)), _mean(table["previous"].to_numpy(float))
    moved = change(np.array([now]), np.array([then]))[0]
    trend = "" if np.isnan(moved) else Phrase("", " ({moved:+.1%})", {"moved": moved})
    mean = {"day": QT_TRANSLATE_NOOP("Analysis", "Mean per day {now} against {then}{change}."),
            "week": QT_TRANSLATE_NOOP("Analysis", "Mean per week {now} against {then}{change}."),
            "month": QT_TRANSLATE_NOOP("Analysis", "Mean per month {now} against {then}{change}.")}[settings.period]
    return joined([compared, mean.format(now=_number(now), then=_number(then), change=trend)], " ")


def _mean(values: np.ndarray) -> float:
    """The mean of the cells that have a value (NaN when none has)."""
    known = values[~np.isnan(values)]
    return float(known.mean()) if len(known) else math.nan


def _resolved(counter: Counter, rng: dict[str, object]) -> tuple[date, date]:
    """The range's first and last day; a missing bound is the data's (its first or last day with events)."""
    start, end = rng["start"], rng["end"]
    if start is None or end is None:
        days = counter.metrics.event_trend(counter.data, "day")["period"]
        if days.empty:
            raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "there are no events to compare"))
        start, end = start or days.iloc[0], end or days.iloc[-1]
    return pd.Timestamp(start).date(), pd.Timestamp(end).date()


def _empty_cells(table: pd.DataFrame, settings: Settings) -> str:
    empty = int(table["value"].isna().sum())
    if not empty:
        return ""
    why = QT_TRANSLATE_NOOP("Analysis", "B is 0 there") if settings.formula == "divide" else \
        QT_TRANSLATE_NOOP("Analysis", "there is nothing to divide by")
    return QT_TRANSLATE_NOOP("Analysis", "{periods} left empty: {why}.").format(
        periods=plural(empty, *PERIODS_COUNTED[settings.period]), why=why)


def _property_note(question: Question, part: pd.DataFrame) -> str:
    """How many rows had no number for the property, which the sum and the average leave out."""
    if question.prop is None:
        return ""
    odd, valued = int(part["not_numeric"].sum()), int(part["property_values"].sum())
    missing = int(part["events"].sum()) - valued - odd
    if not odd and not missing:
        return ""
    rows = QT_TRANSLATE_NOOP("Analysis", "{event} events").format(event=question.event) if question.event else \
        QT_TRANSLATE_NOOP("Analysis", "events")
    odd_part = QT_TRANSLATE_NOOP("Analysis", "{odd:,} with a value that is not a number").format(odd=odd)
    missing_part = QT_TRANSLATE_NOOP("Analysis", "{missing:,} without one").format(missing=missing)
    parts = QT_TRANSLATE_NOOP("Analysis", "{first} and {second}").format(first=odd_part, second=missing_part) \
        if odd and missing else odd_part if odd else missing_part
    sentence = QT_TRANSLATE_NOOP("Analysis", "{prop}: {parts} of the {total:,} {rows} are left out of the sum.") \
        if question.measure == "sum" else \
        QT_TRANSLATE_NOOP("Analysis", "{prop}: {parts} of the {total:,} {rows} are left out of the average.")
    return sentence.format(prop=question.prop, parts=parts, total=valued + odd + missing, rows=rows)


def _number(value: float) -> str:
    """A mean as the message states it; in the GUI with the locale's separators."""
    return "–" if np.isnan(value) else Phrase("", "{value:,.4g}" if abs(value) < 1000 else "{value:,.0f}",
                                             {"value": value})


def _chart(table: pd.DataFrame, settings: Settings, shown: str, by_note: str, partial: bool) -> ChartData:
    """The trend per segment (one line without a breakdown) and, dashed in its colour, the previous range."""
    series: list[Series] = []
    for rows in _groups(table):
        part = table.iloc[rows]
        name = str(part["segment"].iloc[0]) if "segment" in part.columns else settings.label
        series.append(Series(name, part["period"].to_numpy(), part[shown].to_numpy(float)))
        if "previous" in part.columns:
            series.append(Series(QT_TRANSLATE_NOOP("Analysis", "{series} (previous)").format(series=name),
                                 part["period"].to_numpy(), part["previous"].to_numpy(float), dashed=True))
    title = QT_TRANSLATE_NOOP("Analysis", "{measure} by {by}{note}").format(
        measure=settings.label, by=settings.by, note=by_note) if settings.by else settings.label
    if settings.smoothing:
        title = Phrase("", "{title}, {smoothing}", {"title": title, "smoothing": ROLLING_MEANS[settings.period]})
    return ChartData("time", title, series, y_label=settings.label, incomplete_last=partial)


def trend_params(facts: DataFacts) -> list[Param]:
    """The panel: series A, an optional formula with series B, the period, the comparison, smoothing, the
    range and a breakdown."""
    events = (("", ALL_EVENTS), *((e, e) for e in facts.events))
    numbers = tuple((p, p) for p in facts.numbers)
    prop_default = facts.numbers[0] if facts.numbers else ""

    def series(suffix: str, label: str, depends: dict[str, Any]) -> list[Param]:
        return [
            Param(f"event{suffix}", QT_TRANSLATE_NOOP("Analysis", "Event {series}").format(series=label), "event", "",
                  events, **depends,
                  help=QT_TRANSLATE_NOOP("Analysis", "The event counted (All events: every event)")),
            Param(f"measure{suffix}", QT_TRANSLATE_NOOP("Analysis", "Measure {series}").format(series=label), "choice",
                  "events" if not suffix else "users", MEASURES,
                  **depends,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "Total events, distinct users, events per user, or the sum or average "
                                         "of a numeric event property")),
            Param(f"property{suffix}", QT_TRANSLATE_NOOP("Analysis", "Property {series}").format(series=label),
                  "choice", prop_default, numbers,
                  depends_on=f"measure{suffix}", enabled_for=PROPERTY_MEASURES,
                  help=QT_TRANSLATE_NOOP("Analysis",
                                         "The numeric event property summed or averaged; values that are "
                                         "missing or not numbers are left out (and counted under the chart)")),
        ]

    return [
        *series("", "A", {}),
        Param("formula", QT_TRANSLATE_NOOP("Analysis", "Formula"), "choice", "", FORMULAS,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "Combine A with a second series B: A ÷ B (exports per active user) or A − B")),
        *series("_b", "B", {"depends_on": "formula", "enabled_for": tuple(FORMULA_SIGNS)}),
        period_param("week"),
        Param("compare_previous", QT_TRANSLATE_NOOP("Analysis", "Compare"), "choice", "",
              (("", QT_TRANSLATE_NOOP("Analysis", "Nothing")),
               ("yes", QT_TRANSLATE_NOOP("Analysis", "With the previous period"))),
              help=QT_TRANSLATE_NOOP("Analysis", "Draw the same series one range back, dashed, with the change")),
        Param("smoothing", QT_TRANSLATE_NOOP("Analysis", "Smoothing"), "choice", "",
              (("", QT_TRANSLATE_NOOP("Analysis", "None")),
               ("rolling", QT_TRANSLATE_NOOP("Analysis", "Rolling mean (7 days, 4 weeks, 3 months)"))),
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "The mean of each period and those just before it, to see the trend "
                                     "through the noise")),
        *range_params(facts),
        breakdown_param(facts),
    ]


def compute_trends(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """:func:`trends` on the events, wherever they are answered."""
    by = params.get("by") or None
    return trends(inputs.events, params, by_note=property_note(inputs, by, counted_on(params)) if by else "")
