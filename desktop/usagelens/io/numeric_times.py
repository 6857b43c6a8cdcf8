"""Times that tools write as numbers: GA4's compact dates, Excel serial days and Unix epochs.

The same digits can mean different instants: ``2024030114`` is 1 March 2024, 14:00 as GA4's ``dateHour``
(YYYYMMDDHH) and a moment in 2034 as Unix seconds. A compact date is tried before an epoch, and when both
readings hold, the one that puts more of the column in a plausible range (1980 to a year from now) wins; the
reading set aside is kept so the import can say what was chosen instead of what.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from usagelens.model.translatable import QT_TRANSLATE_NOOP

# Compact dates by their number of digits: GA4's date, dateHour and dateHourMinute, and stamps with seconds.
COMPACT = {
    8: ("YYYYMMDD (GA4)", ("year", "month", "day")),
    10: ("YYYYMMDDHH (GA4)", ("year", "month", "day", "hour")),
    12: ("YYYYMMDDHHMM (GA4)", ("year", "month", "day", "hour", "minute")),
    14: ("YYYYMMDDHHMMSS", ("year", "month", "day", "hour", "minute", "second")),
}
# Unix epochs by magnitude: seconds from 1973, milliseconds, microseconds, nanoseconds.
EPOCH_UNITS = ((1e8, "s", QT_TRANSLATE_NOOP("Import", "Unix seconds")),
               (1e11, "ms", QT_TRANSLATE_NOOP("Import", "Unix milliseconds")),
               (1e14, "us", QT_TRANSLATE_NOOP("Import", "Unix microseconds")),
               (1e17, "ns", QT_TRANSLATE_NOOP("Import", "Unix nanoseconds")))
# Excel counts days from 30 December 1899; serials of 1950..2100 are read, anything else is no date.
EXCEL_ORIGIN = pd.Timestamp("1899-12-30")
EXCEL_LABEL = QT_TRANSLATE_NOOP("Import", "Excel serial dates")
EXCEL_SERIALS = (18_264, 73_051)
PLAUSIBLE_FROM = pd.Timestamp("1980-01-01")
PLAUSIBLE_AHEAD = pd.Timedelta(days=366)
# A reading set aside is mentioned when it would have read this share of what the chosen one read.
RIVAL_SHARE = 0.9


@dataclass(frozen=True)
class NumericReading:
    """Numbers read as times one way: the times (NaT where this way reads nothing) and its name."""

    values: pd.Series
    label: str

    @property
    def count(self) -> int:
        return int(self.values.notna().sum())

    def plausible(self) -> int:
        """How many times fall between 1980 and a year from now: what an export of usage holds."""
        horizon = pd.Timestamp.now() + PLAUSIBLE_AHEAD
        return int(self.values.between(PLAUSIBLE_FROM, horizon).sum())

    def span(self) -> str:
        """The years the times cover, as "2034" or "2033–2035"."""
        years = self.values.dropna().dt.year
        low, high = int(years.min()), int(years.max())
        return str(low) if low == high else f"{low}–{high}"


def read_numeric_times(numbers: pd.Series) -> tuple[NumericReading | None, NumericReading | None]:
    """The best reading of ``numbers`` (floats, no missing values) and the runner-up when it also held,
    or ``(None, None)`` when no way reads any of them."""
    readings = [reading for reading in _candidates(numbers) if reading.count]
    if not readings:
        return None, None
    ranked = sorted(readings, key=lambda r: (r.plausible(), r.count), reverse=True)  # stable: earlier wins ties
    best = ranked[0]
    rival = next((r for r in ranked[1:] if r.count >= RIVAL_SHARE * best.count), None)
    return best, rival


def _candidates(numbers: pd.Series) -> list[NumericReading]:
    """Every way the numbers could be times, compact dates first, then Excel serials, then epochs."""
    candidates = []
    whole = bool((numbers == np.floor(numbers)).all())
    if whole:
        digits = np.floor(np.log10(numbers.where(numbers > 0, 1))).astype("int64") + 1
        length = int(digits.mode().iloc[0])
        if length in COMPACT:
            candidates.append(_compact(numbers, digits == length, length))
    if bool(numbers.between(*EXCEL_SERIALS).any()):
        candidates.append(_excel_serials(numbers))
    magnitude = numbers.abs().median()
    if magnitude >= EPOCH_UNITS[0][0]:
        _, unit, label = next(entry for entry in reversed(EPOCH_UNITS) if magnitude >= entry[0])
        candidates.append(NumericReading(pd.to_datetime(numbers, unit=unit, errors="coerce"), label))
    return candidates


def _compact(numbers: pd.Series, fits: pd.Series, length: int) -> NumericReading:
    """``numbers`` of ``length`` digits split into calendar fields; impossible dates (month 13) are NaT."""
    label, fields = COMPACT[length]
    values = numbers[fits].astype("int64")
    parts = {}
    for position, field in enumerate(fields):
        parts[field] = values // 10 ** (length - 4 - 2 * position) % (10_000 if field == "year" else 100)
    times = pd.to_datetime(pd.DataFrame(parts), errors="coerce") if len(values) else pd.Series(dtype="datetime64[us]")
    return NumericReading(times.reindex(numbers.index), label)


def _excel_serials(numbers: pd.Series) -> NumericReading:
    """Days since Excel's origin, the fraction being the time of day, to the millisecond Excel keeps."""
    serials = numbers.where(numbers.between(*EXCEL_SERIALS))
    millis = (serials * 86_400_000).round()
    return NumericReading(pd.to_datetime(millis, unit="ms", origin=EXCEL_ORIGIN), EXCEL_LABEL)
