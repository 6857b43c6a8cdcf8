"""Any event (or every event) per day, week or month: the counts behind the Trends analysis (issue 16.4).

One pass gives every measure a trend can chart: the rows, the distinct users, and the sum and count of a
numeric event property. Ratios (events per user, the average, a formula over two series) are left to the
client (:mod:`usagelens.workspace.analyses.trends`), so they never depend on an engine's division rules.

A property counts as a number when its column is numeric (integers, decimals), or when its text reads as a
plain decimal number (``12``, ``-3.5``, ``.5``, ``1e3``, surrounding spaces allowed). A missing or blank
value is *missing*; any other text (``abc``, ``1,5``, ``n/a``) is *not numeric*. Both are left out of the sum
and of the number of values an average divides by, and are counted so the reader can be told.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import NS_PER_DAY, EventLog
from usagelens.analytics.kernels import CACHE_ROWS, chunks
from usagelens.analytics.periods import (
    DateLike,
    Period,
    check_period,
    day_range,
    period_of_day,
    period_start,
)
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase

# A plain decimal number with optional sign, fraction and exponent; group 1 is the number without spaces.
# Written with [0-9] and [ \t] so Python, re2 (DuckDB, ClickHouse) and PostgreSQL read it alike.
NUMBER_PATTERN = r"^[ \t]*([+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?)[ \t]*$"
BLANK_PATTERN = r"^[ \t]*$"  # a blank value is missing, not "not a number"
TREND_COLUMNS = ("period", "events", "users", "property_sum", "property_values", "not_numeric")


def event_trend(
    log: EventLog,
    period: Period,
    *,
    event: str | None = None,
    property: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """Per period between ``start`` and ``end`` (whole days), the rows of ``event`` (every event when None),
    the distinct users who did it and, with ``property``, the sum and count of its numeric values there.

    Every period overlapping the range is listed, zero where nothing happened.

    Columns: ``period`` (datetime64, first day), ``events``, ``users`` (int64), ``property_sum`` (float64),
    ``property_values`` (int64, rows with a number), ``not_numeric`` (int64, rows whose value is not a
    number; rows with a missing value are ``events - property_values - not_numeric``).
    """
    period = check_period(period)
    first, last = day_range(log, start, end)
    code = None if event is None else log.event_code(event)
    values = None if property is None else property_numbers(log, property)
    if first > last:
        return trend_table(np.array([], dtype="datetime64[ns]"), *(np.zeros(0, dtype=np.int64),) * 2,
                           np.zeros(0), *(np.zeros(0, dtype=np.int64),) * 2)
    lo, hi = (int(p) for p in period_of_day(np.array([first, last]), period))
    width = hi - lo + 1
    group_of_day = period_of_day(np.arange(first, last + 1), period) - lo
    events, distinct = np.zeros(width, dtype=np.int64), np.zeros(width, dtype=np.int64)
    sums, counted, odd = np.zeros(width), np.zeros(width, dtype=np.int64), np.zeros(width, dtype=np.int64)
    times, user_codes, event_codes = np.asarray(log.times), np.asarray(log.user_codes), np.asarray(log.event_codes)
    previous = (-1, -1)  # the last (user, period) of the chunk before: a user's rows may span two
    for rows in chunks(log.n_events, CACHE_ROWS):  # no array the size of the log: 1.4 GB of them at 100M events
        days, users = times[rows] // NS_PER_DAY, user_codes[rows]
        keep = None if first <= days.min() and days.max() <= last else (days >= first) & (days <= last)
        if code is not None:
            keep = event_codes[rows] == code if keep is None else keep & (event_codes[rows] == code)
        selected = slice(None) if keep is None else np.flatnonzero(keep)
        numbers, users = group_of_day[days[selected] - first], users[selected]
        if not len(numbers):
            continue
        events += np.bincount(numbers, minlength=width)
        # rows are sorted by user then time, so a user's period numbers never decrease: a change marks a new pair
        change = np.empty(len(numbers), dtype=bool)
        change[0] = (users[0], numbers[0]) != previous
        np.not_equal(users[1:], users[:-1], out=change[1:])
        change[1:] |= numbers[1:] != numbers[:-1]
        distinct += np.bincount(numbers[change], minlength=width)
        previous = (users[-1], numbers[-1])
        if values is not None:
            number, not_numeric = values[0][rows][selected], values[1][rows][selected]
            present = ~np.isnan(number)
            np.add.at(sums, numbers[present], number[present])  # in row order, as one bincount of every row adds
            counted += np.bincount(numbers[present], minlength=width)
            odd += np.bincount(numbers[not_numeric], minlength=width)
    return trend_table(period_start(np.arange(lo, hi + 1), period), events, distinct, sums, counted, odd)


def trend_table(starts: np.ndarray, events: np.ndarray, users: np.ndarray, sums: np.ndarray, counted: np.ndarray,
                not_numeric: np.ndarray) -> pd.DataFrame:
    """The columns of :func:`event_trend`, typed alike on every engine."""
    return pd.DataFrame({
        "period": np.asarray(starts, dtype="datetime64[ns]"),
        "events": np.asarray(events, dtype=np.int64),
        "users": np.asarray(users, dtype=np.int64),
        "property_sum": np.asarray(sums, dtype=np.float64),
        "property_values": np.asarray(counted, dtype=np.int64),
        "not_numeric": np.asarray(not_numeric, dtype=np.int64),
    })


def property_numbers(log: EventLog, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Each row's value of event property ``name`` as a float (NaN when missing or not a number) and
    whether it was a present value that is not a number; cached on the log."""
    if name not in log.properties.columns:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no event property named {name!r}").format(name=name))
    return log.cached(f"numbers:{name}", lambda: numbers_of(log.properties[name], name))


def numbers_of(column: pd.Series, name: str) -> tuple[np.ndarray, np.ndarray]:
    """:func:`property_numbers` of one column: numeric columns as they are, text read by
    :data:`NUMBER_PATTERN` once per distinct value (a categorical's categories, or the column's distinct texts:
    1M rows of amounts read row by row took 17 s, their few thousand distinct values well under one)."""
    if pd.api.types.is_bool_dtype(column.dtype) or not (
        pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_object_dtype(column.dtype)
        or pd.api.types.is_string_dtype(column.dtype) or isinstance(column.dtype, pd.CategoricalDtype)
    ):
        raise not_summable(name)
    if pd.api.types.is_numeric_dtype(column.dtype):
        return column.to_numpy(np.float64, na_value=np.nan), np.zeros(len(column), dtype=bool)
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes, values = column.array.codes, column.cat.categories
    else:
        codes, values = pd.factorize(column, use_na_sentinel=True)
    numbers, odd = _read_text(pd.Series(np.asarray(values, dtype=object)))
    found = codes >= 0  # -1: a missing value
    number, not_numeric = np.full(len(codes), np.nan), np.zeros(len(codes), dtype=bool)
    number[found], not_numeric[found] = numbers[codes[found]], odd[codes[found]]
    return number, not_numeric


def _read_text(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Distinct present values read as numbers (NaN otherwise), and which are neither numbers nor blank."""
    text = values.map(str)
    blank = text.str.contains(_python(BLANK_PATTERN), regex=True).to_numpy(bool)
    parts = text.str.extract(_python(NUMBER_PATTERN), expand=True)[0]
    matched = parts.notna().to_numpy()
    number = np.full(len(text), np.nan)
    number[matched] = parts[matched].astype(np.float64).to_numpy()
    return number, ~blank & ~matched


def _python(pattern: str) -> str:
    """A pattern's ``$`` as Python's ``\\Z``: Python's ``$`` also matches before a final newline, SQL's does not."""
    return pattern[:-1] + r"\Z"


SAMPLE_VALUES = 1_000  # present values of a text column looked at to decide whether it holds numbers


def numeric_properties(properties: pd.DataFrame) -> tuple[str, ...]:
    """The property columns a trend can sum or average: numeric ones, and text (or categorical) ones whose
    first :data:`SAMPLE_VALUES` present values are mostly numbers; decided without reading a whole column, so
    a 100M-event log answers at once."""
    found = []
    for name in properties.columns:
        column = properties[name]
        if pd.api.types.is_bool_dtype(column.dtype):
            continue
        if pd.api.types.is_numeric_dtype(column.dtype):
            found.append(str(name))
            continue
        if isinstance(column.dtype, pd.CategoricalDtype):
            sample = pd.Series(column.cat.categories[:SAMPLE_VALUES].astype(object))
        elif pd.api.types.is_object_dtype(column.dtype) or pd.api.types.is_string_dtype(column.dtype):
            sample = column.iloc[: SAMPLE_VALUES * 10].dropna().iloc[:SAMPLE_VALUES]
        else:
            continue
        number, _ = numbers_of(sample, str(name))
        if len(sample) and np.count_nonzero(~np.isnan(number)) * 2 > len(sample):
            found.append(str(name))
    return tuple(found)


# --- what a trend measures, from those counts (shared by the gallery's Trends and its KPI) ---------------

MEASURES = ("events", "users", "per_user", "sum", "average")
PROPERTY_MEASURES = ("sum", "average")
FORMULA_SIGNS = {"divide": "÷", "subtract": "−"}


def divide(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a ÷ b`` with NaN (an empty cell) wherever ``b`` is zero or empty: never ``inf``."""
    out = np.full(len(a), np.nan)
    np.divide(a, b, out=out, where=(b != 0) & ~np.isnan(b))
    return out


def combine(a: np.ndarray, b: np.ndarray, formula: str) -> np.ndarray:
    """A formula over two series: ``divide`` (A ÷ B) or ``subtract`` (A − B)."""
    return divide(a, b) if formula == "divide" else a - b


def check_measure(measure: str) -> None:
    """Raise unless ``measure`` is one of :data:`MEASURES` (the names the parameters and the CLI take)."""
    if measure not in MEASURES:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "measure must be one of {measures}, not {measure!r}").format(
            measures=", ".join(MEASURES), measure=measure))


def not_summable(name: str) -> AnalysisError:
    """An event property of neither numbers nor text (on either engine): there is nothing to add up."""
    return AnalysisError(QT_TRANSLATE_NOOP(
        "Analysis", "event property {name!r} holds neither numbers nor text (dates?), so it has no sum").format(
        name=name))


def measure_values(table: pd.DataFrame, measure: str) -> np.ndarray:
    """The measure from :func:`event_trend`'s counts (floats); a ratio over nothing is NaN."""
    if measure == "per_user":
        return divide(table["events"].to_numpy(float), table["users"].to_numpy(float))
    if measure == "average":
        return divide(table["property_sum"].to_numpy(float), table["property_values"].to_numpy(float))
    check_measure(measure)
    return table[{"events": "events", "users": "users", "sum": "property_sum"}[measure]].to_numpy(float)


def series_label(event: str | None, measure: str, prop: str | None) -> str:
    """How a series reads: "export events", "Users who did export", "Average amount (purchase)"."""
    if measure == "events":
        return QT_TRANSLATE_NOOP("Analysis", "{event} events").format(event=event) if event else \
            QT_TRANSLATE_NOOP("Analysis", "All events")
    if measure == "users":
        return QT_TRANSLATE_NOOP("Analysis", "Users who did {event}").format(event=event) if event else \
            QT_TRANSLATE_NOOP("Analysis", "Active users")
    if measure == "per_user":
        return QT_TRANSLATE_NOOP("Analysis", "{event} per user").format(event=event) if event else \
            QT_TRANSLATE_NOOP("Analysis", "Events per active user")
    if measure == "sum":
        return QT_TRANSLATE_NOOP("Analysis", "Sum of {property} ({event})").format(property=prop, event=event) \
            if event else QT_TRANSLATE_NOOP("Analysis", "Sum of {property}").format(property=prop)
    return QT_TRANSLATE_NOOP("Analysis", "Average {property} ({event})").format(property=prop, event=event) \
        if event else QT_TRANSLATE_NOOP("Analysis", "Average {property}").format(property=prop)


def series_params(params: dict[str, object], suffix: str = "") -> tuple[str | None, str, str | None]:
    """(event or None for every event, measure, property or None) of series A (``suffix`` "") or B ("_b")
    as the gallery's parameters name them; a sum or average without a property is an :class:`AnalysisError`."""
    measure = str(params.get(f"measure{suffix}") or ("events" if not suffix else "users"))
    check_measure(measure)
    prop = (str(params.get(f"property{suffix}") or "") or None) if measure in PROPERTY_MEASURES else None
    if measure in PROPERTY_MEASURES and prop is None:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "choose a numeric event property to sum") if measure == "sum"
                            else QT_TRANSLATE_NOOP("Analysis", "choose a numeric event property to average"))
    return str(params.get(f"event{suffix}") or "") or None, measure, prop


def trend_values(metrics: ModuleType, data: object, period: str, params: dict[str, object]) -> tuple[pd.Series, str]:
    """The value per period of a trend as the gallery's parameters name it (``event``, ``measure``,
    ``property`` and, with a ``formula``, the same with ``_b``), and its label: what a KPI bound to a trend
    reads (smoothing and comparisons are the chart's, not the number's). ``metrics`` is the accelerators'
    module with an event log or the definitions' with a view, as for every engine-neutral computation."""
    formula, values = trend_formula(params), []
    for suffix in ("", "_b") if formula else ("",):
        event, measure, prop = series_params(params, suffix)
        table = metrics.event_trend(data, period, event=event, property=prop)
        values.append(measure_values(table, measure))
    value = combine(values[0], values[1], formula) if formula else values[0]
    return pd.Series(value, index=pd.DatetimeIndex(table["period"]), name="value"), trend_label(params)


def trend_formula(params: dict[str, object]) -> str:
    """The ``formula`` parameter: "" (series A alone), ``divide`` or ``subtract``."""
    formula = str(params.get("formula") or "")
    if formula and formula not in FORMULA_SIGNS:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "formula must be divide or subtract, not {formula!r}").format(formula=formula))
    return formula


def trend_label(params: dict[str, object]) -> str:
    """A trend's name on its chart and as a KPI: "export_report events ÷ Active users"."""
    formula = trend_formula(params)
    labels = [series_label(*series_params(params, suffix)) for suffix in (("", "_b") if formula else ("",))]
    return Phrase("", "{a} {sign} {b}", {"a": labels[0], "sign": FORMULA_SIGNS[formula], "b": labels[1]}) \
        if formula else labels[0]
