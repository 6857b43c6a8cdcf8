"""Calendar periods (design §4: day, ISO week from Monday, calendar month) and distinct user-periods.

Periods are integer numbers so that metrics can bin with ``np.bincount`` and compare with ``==``: a day is
days since 1970-01-01, a week is Monday-weeks since the Monday before the epoch, a month is months since
1970-01. Because the log is sorted by user then time, a user's period numbers never decrease, so the
distinct (user, period) pairs are exactly the rows where the user or the period changes: one linear pass.
"""

from __future__ import annotations

import re
from typing import Literal

import numpy as np
import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import NS_PER_DAY, EventLog
from usagelens.analytics.kernels import CACHE_ROWS, chunks
from usagelens.model.translatable import QT_TRANSLATE_NOOP

Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")
DateLike = str | pd.Timestamp | np.datetime64 | None
DurationLike = pd.Timedelta | str | None

# 1970-01-01 was a Thursday: shifting by 3 days makes Monday the first day of each 7-day block.
_WEEK_SHIFT = 3


def check_period(period: str) -> Period:
    if period not in PERIODS:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "period must be one of {periods}, not {period!r}").format(
            periods=", ".join(PERIODS), period=period))
    return period  # type: ignore[return-value]


def period_of_day(days: np.ndarray, period: Period) -> np.ndarray:
    """The period number of each day number."""
    days = np.asarray(days)
    if period == "day":
        return days.astype(np.int64)
    if len(days) > 4096:  # many rows over few days: compute each distinct day once, then look up
        low, high = int(days.min()), int(days.max())
        table = period_of_day(np.arange(low, high + 1), period)
        return table[days - low]
    if period == "week":
        return (days.astype(np.int64) + _WEEK_SHIFT) // 7
    return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def period_start(numbers: np.ndarray, period: Period) -> np.ndarray:
    """The first day of each period number, as ``datetime64[ns]`` (what grids and charts display)."""
    numbers = np.asarray(numbers, dtype=np.int64)
    if period == "day":
        day = numbers
    elif period == "week":
        day = numbers * 7 - _WEEK_SHIFT
    else:
        day = numbers.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    return day.astype("datetime64[D]").astype("datetime64[ns]")


def to_day(value: DateLike) -> int | None:
    """A date-like value as a day number (its calendar day in UTC); None stays None."""
    if value is None:
        return None
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "not a date: {value!r}").format(value=value)) from None
    if stamp is pd.NaT:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "not a date: {value!r}").format(value=value))
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return int(np.datetime64(stamp.normalize(), "D").astype(np.int64))


def day_range(log: EventLog, start: DateLike = None, end: DateLike = None) -> tuple[int, int]:
    """The inclusive day range ``[start, end]``, defaulting to the log's first and last day (or the
    days it was observed over, see :attr:`EventLog.observed_days`).

    Both bounds are whole calendar days, so ``end="2024-03-31"`` includes the events of March 31.
    An empty log without explicit bounds gives an empty range (first > last).
    """
    if log.observed_days is not None:
        bounds = log.observed_days
    else:
        bounds = log.day_bounds
    return day_range_within(bounds, start, end)


def day_range_within(bounds: tuple[int, int], start: DateLike = None, end: DateLike = None) -> tuple[int, int]:
    """The inclusive day range ``[start, end]`` with missing bounds taken from ``bounds`` (the data's first
    and last day, ``(0, -1)`` for no data); shared by the numpy kernels and the Ibis definitions."""
    first, last = to_day(start), to_day(end)
    first = bounds[0] if first is None else first
    last = bounds[1] if last is None else last
    if start is not None and end is not None and first > last:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "the start date {start} is after the end date {end}").format(start=start, end=end))
    return first, last


def user_days(log: EventLog) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (user, day) pairs, sorted by user then day; cached on the log (a mapped log opens with them,
    made once when its cache was built: at 100M events they took 1.1 s of the first active-days analysis)."""
    return log.cached("user_days", lambda: distinct_user_days(log.user_codes, log.times))


def distinct_user_days(users: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (user code, day number) pairs of rows sorted by user then time, as int32 day numbers.

    Made :data:`~usagelens.analytics.kernels.CACHE_ROWS` rows at a time, each chunk's first row compared with
    the row before it, so the accelerator's build over memory-mapped arrays makes no day, flag or comparison
    array the size of the log."""
    pairs: list[tuple[np.ndarray, np.ndarray]] = []
    last: tuple[object, object] | None = None
    for block in chunks(len(times), CACHE_ROWS):
        user = np.asarray(users[block])
        day = (np.asarray(times[block]) // NS_PER_DAY).astype(np.int32)
        change = np.empty(len(day), dtype=bool)
        change[0] = last is None or (user[0], day[0]) != last
        np.not_equal(user[1:], user[:-1], out=change[1:])
        change[1:] |= day[1:] != day[:-1]
        pairs.append((user[change], day[change]))
        last = (user[-1], day[-1])
    if not pairs:
        return np.asarray(users[:0]), np.empty(0, dtype=np.int32)
    return np.concatenate([u for u, _ in pairs]), np.concatenate([d for _, d in pairs])


def user_periods(
    log: EventLog, period: Period, first_day: int | None = None, last_day: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (user, period number) pairs with activity between the two days (inclusive), sorted."""
    users, days = user_days(log)
    if first_day is not None or last_day is not None:
        lo = -(2**31) if first_day is None else first_day
        hi = 2**31 - 1 if last_day is None else last_day
        keep = (days >= lo) & (days <= hi)
        users, days = users[keep], days[keep]
    if period == "day":
        return users, days.astype(np.int64)
    numbers = period_of_day(days, period)
    change = np.ones(len(numbers), dtype=bool)
    change[1:] = (users[1:] != users[:-1]) | (numbers[1:] != numbers[:-1])
    return users[change], numbers[change]


def row_mask_for_days(log: EventLog, first_day: int, last_day: int) -> np.ndarray:
    """Rows whose calendar day lies in ``[first_day, last_day]``."""
    days = log.days
    return (days >= first_day) & (days <= last_day)


def rows_for_days(log: EventLog, first_day: int, last_day: int) -> slice | np.ndarray:
    """A selector of the rows whose day lies in ``[first_day, last_day]``: every row as ``slice(None)`` when
    the range holds the whole log (the default), so a metric indexes its arrays without a mask or a copy —
    at 100M events each masked copy is hundreds of megabytes — else the boolean mask."""
    low, high = log.day_bounds
    if first_day <= low and high <= last_day:
        return slice(None)
    return row_mask_for_days(log, first_day, last_day)



def time_window(log: EventLog, start: DateLike = None, end: DateLike = None) -> tuple[int, int] | None:
    """The range's times in ns, ``[from, until)``, or None when it holds every row: a pass over chunks of the
    log then tests its rows' times, with no mask to make, rather than making :attr:`EventLog.days` whole."""
    first_day, last_day = day_range(log, start, end)
    low, high = log.day_bounds
    if first_day <= low and high <= last_day:
        return None
    return first_day * NS_PER_DAY, (last_day + 1) * NS_PER_DAY

_UNITS = {
    "w": "W",
    "week": "W",
    "weeks": "W",
    "d": "D",
    "day": "D",
    "days": "D",
    "h": "h",
    "hour": "h",
    "hours": "h",
    "m": "min",
    "min": "min",
    "minutes": "min",
    "s": "s",
    "sec": "s",
    "seconds": "s",
}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$")


def parse_duration(window: DurationLike) -> int | None:
    """A duration (conversion window, session gap) in nanoseconds from "7d", "12h", "30min" or a Timedelta."""
    if window is None:
        return None
    match = _DURATION.match(window) if isinstance(window, str) else None
    if isinstance(window, str) and (match is None or match.group(2).lower() not in _UNITS):
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "not a duration: {window!r} (use e.g. 7d, 12h, 30min)").format(window=window))
    delta = (
        pd.Timedelta(float(match.group(1)), _UNITS[match.group(2).lower()]) if match else pd.Timedelta(window)
    )
    if delta <= pd.Timedelta(0):
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "a duration must be positive, not {window!r}").format(window=window))
    return int(delta.value)


def period_starts(days: pd.DatetimeIndex, period: str) -> pd.DatetimeIndex:
    """The start of each day's period: the day itself, its ISO week's Monday, or its month's first day."""
    if period == "week":
        return days - pd.to_timedelta(days.day_of_week, unit="D")
    if period == "month":
        return days.to_period("M").to_timestamp()
    return days
