"""The counts behind the Trends analysis as an Ibis definition: rows, distinct users and a numeric property's
sum and count per period (see :mod:`usagelens.analytics.event_trends` for what counts as a number).

Text is read as a number by the same regular expression on every engine (PostgreSQL's cast has no "try"
form), and only the matched digits are cast, so no engine ever sees a value it cannot convert.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.view import (
    EVENT,
    TIME,
    USER,
    DayRange,
    facts,
    fetch,
    grid_starts,
    period_grid,
    period_numbers,
    period_of,
    within_days,
)
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.event_trends import BLANK_PATTERN, NUMBER_PATTERN, not_summable, trend_table
from usagelens.analytics.periods import DateLike, Period, check_period
from usagelens.model.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class TrendParams:
    period: Period
    days: DayRange
    event: str | None = None
    property: str | None = None


def numeric_value(column: ir.Column, name: str) -> tuple[ir.FloatingValue, ir.BooleanValue]:
    """A property column as a float (null when missing or not a number), and whether a row holds a present
    value that is not a number."""
    kind = column.type()
    if kind.is_numeric() and not kind.is_boolean():
        return column.cast("float64"), ibis.literal(False)
    if kind.is_null() or kind.is_unknown():  # no value at all (an empty export's text column): all missing
        return ibis.null("float64"), ibis.literal(False)
    if not kind.is_string():
        raise not_summable(name)
    matched = column.re_search(NUMBER_PATTERN)
    number = matched.ifelse(column.re_extract(NUMBER_PATTERN, 1), ibis.null("string")).cast("float64")
    odd = column.notnull() & ~column.re_search(BLANK_PATTERN) & ~matched
    return number, odd


def event_trend_definition(events: ir.Table, params: TrendParams) -> ir.Table:
    """``period``, ``events``, ``users``, ``property_sum``, ``property_values``, ``not_numeric`` for the
    periods with rows of the event (or of any event) in the range."""
    rows = within_days(events, params.days)
    if params.event is not None:
        rows = rows.filter(rows[EVENT] == params.event)
    if params.property is not None:
        number, odd = numeric_value(rows[params.property], params.property)
    else:
        number, odd = ibis.null("float64"), ibis.literal(False)
    rows = rows.select(USER, period=period_of(rows[TIME], params.period), number=number, odd=odd)
    counts = rows.group_by("period").aggregate(
        events=rows.count(),
        property_sum=rows.number.sum(),
        property_values=rows.number.count(),
        not_numeric=rows.count(where=rows.odd),
    )
    pairs = rows.select(USER, "period").distinct()
    users = pairs.group_by("period").aggregate(users=pairs.count())
    return counts.join(users, "period")


def shape_event_trend(result: pd.DataFrame, params: TrendParams) -> pd.DataFrame:
    """Every period overlapping the range, zero where nothing happened."""
    lo, width = period_grid(params.days, params.period) if params.days[0] <= params.days[1] else (0, 0)
    index = period_numbers(result["period"], params.period) - lo
    inside = (index >= 0) & (index < width)

    def grid(column: str) -> np.ndarray:
        values = result[column].to_numpy(np.float64, na_value=0.0)
        return np.bincount(index[inside], weights=values[inside], minlength=width)[:width]

    counts = {name: grid(name).round().astype(np.int64) for name in ("events", "users", "property_values",
                                                                     "not_numeric")}
    return trend_table(grid_starts(lo, width, params.period), counts["events"], counts["users"],
                       grid("property_sum"), counts["property_values"], counts["not_numeric"])


def event_trend(
    view: ir.Table,
    period: Period,
    *,
    event: str | None = None,
    property: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.event_trend`, over a standard view."""
    period = check_period(period)
    known = facts(view, start, end, [event])
    known.require([event])
    if property is not None and property not in view.columns:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "no event property named {property!r}").format(property=property))
    params = TrendParams(period, known.days, event, property)
    if property is not None:
        numeric_value(view[property], property)  # the error for a column of dates, before any query
    return shape_event_trend(fetch(event_trend_definition(view, params)), params)
