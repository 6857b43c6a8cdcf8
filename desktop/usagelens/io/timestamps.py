"""Parsing a timestamp column once, the same way for every source (design §2 and §6).

Exports mix date-only and date-time values in one column, carry microseconds that funnels depend on, and
write offsets such as ``+02:00`` or a trailing ``UTC``; tools write US dates (``Mar 1, 2024, 2:05 PM``),
European ones, GA4 compact dates, Excel serial days or Unix epochs. Every value is converted to naive UTC
``datetime64`` with its full precision; values that match no format become NaT and are counted, never
dropped, and the reading says how the values were read, so the import preview can tell the user
("read as YYYYMMDDHH (GA4): 9,998 of 10,000; 2 unreadable"). A column of plain ISO values is parsed by
Arrow's cast; anything else takes the pandas path below.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from usagelens.io.columns import arrow_text, by_halves, present_text
from usagelens.io.numeric_times import EXCEL_LABEL, read_numeric_times
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, joined

DAY_FIRST_ORDER, MONTH_FIRST_ORDER = "day-first", "month-first"
# how a reading names its formats (marked: the import preview says them in the user's language)
DATE_ORDERS = {DAY_FIRST_ORDER: QT_TRANSLATE_NOOP("Import", "day/month/year"),
               MONTH_FIRST_ORDER: QT_TRANSLATE_NOOP("Import", "month/day/year")}
# Tried on the values ISO 8601 could not read; each family in order, each format on what is still unread.
DAY_FIRST = (
    "%d/%m/%Y %H:%M:%S.%f", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d/%m/%Y, %H:%M:%S",
    "%d/%m/%Y, %H:%M", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y", "%d/%m/%y %H:%M", "%d/%m/%y",
)  # fmt: skip
MONTH_FIRST = (
    "%m/%d/%Y %H:%M:%S.%f", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p", "%m/%d/%Y", "%m/%d/%Y, %I:%M:%S %p", "%m/%d/%Y, %I:%M %p", "%m/%d/%Y, %H:%M:%S",
    "%m-%d-%Y %H:%M:%S", "%m-%d-%Y", "%m/%d/%y %H:%M", "%m/%d/%y",
)  # fmt: skip
ORDER_FORMATS = {DAY_FIRST_ORDER: DAY_FIRST, MONTH_FIRST_ORDER: MONTH_FIRST}
# Unambiguous wherever they come from: dotted dates are always day first (German, Russian, ...), and month
# names say which part is the month (US tools write "Mar 1, 2024, 2:05 PM").
OTHER = (
    (QT_TRANSLATE_NOOP("Import", "day.month.year"), (
        "%d.%m.%Y %H:%M:%S.%f", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d.%m.%y",
    )),
    (QT_TRANSLATE_NOOP("Import", "year/month/day"), ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d")),
    (QT_TRANSLATE_NOOP("Import", "dates with month names"), (
        "%b %d, %Y, %I:%M %p", "%b %d, %Y, %I:%M:%S %p", "%b %d, %Y %I:%M %p", "%B %d, %Y, %I:%M %p",
        "%B %d, %Y %I:%M %p", "%d %b %Y %H:%M", "%d %b %Y", "%d %B %Y", "%b %d, %Y %H:%M", "%b %d, %Y",
        "%B %d, %Y", "%a, %d %b %Y %H:%M:%S %z",
    )),
)  # fmt: skip
MIXED_LABEL = QT_TRANSLATE_NOOP("Import", "mixed formats")
DATES = QT_TRANSLATE_NOOP("Import", "dates")  # how values already stored as dates were read
# What Arrow parses ISO 8601 text into: naive values, or values that all carry a UTC offset.
ISO_TIME_TYPES = (pa.timestamp("us"), pa.timestamp("us", tz="UTC"))
_NUMBER_TEXT = r"^\d+(\.\d+)?$"
_UTC_SUFFIX = r"^(\d{4}-\d\d-\d\d[ T][\d:.]+)\s*(?:UTC|GMT)$"  # "2024-03-01 14:05:00 UTC"
_YEAR = r"(?:^|\D)(?:1[89]|2\d)\d\d(?:\D|$)"  # what the last-resort parser needs, so "5" is never a date


@dataclass(frozen=True)
class TimeReading:
    """A column read as times, and how: what the import preview shows and what the import stores."""

    values: pd.Series  # naive UTC datetime64, NaT where a value is missing or could not be read
    present: int  # values that were not blank
    failed: int  # present values that could not be read
    formats: tuple[str, ...] = ()  # how the values were read, e.g. ("YYYYMMDDHH (GA4)",)
    order: str | None = None  # DAY_FIRST_ORDER or MONTH_FIRST_ORDER when dates like 01/02/2024 were read
    ambiguous: bool = False  # every such date fit both orders and the two readings differ
    set_aside: str = ""  # the other reading the numbers allowed, e.g. "as Unix seconds they would fall in 2034"
    loose: bool = False  # read as Excel serials, which amounts fit too: no reason to guess that a column is a time

    @property
    def read(self) -> int:
        return self.present - self.failed

    def summary(self) -> str:
        """e.g. "read as YYYYMMDDHH (GA4): 9,998 of 10,000; 2 unreadable"."""
        text = QT_TRANSLATE_NOOP("Import", "read as {formats}: {read:,} of {present:,}").format(
            formats=joined(self.formats, ", ") if self.formats else DATES, read=self.read, present=self.present)
        if self.failed:
            text = QT_TRANSLATE_NOOP("Import", "{reading}; {failed:,} unreadable").format(reading=text,
                                                                                          failed=self.failed)
        return Phrase("", "{reading} ({other})", {"reading": text, "other": self.set_aside}) if self.set_aside else text


def parse_timestamps(series: pd.Series, date_order: str | None = None) -> tuple[pd.Series, int]:
    """``series`` as naive UTC ``datetime64`` (at least microsecond resolution) and the number of
    non-empty values that could not be read (they are NaT; rows are never dropped)."""
    reading = read_timestamps(series, date_order)
    return reading.values, reading.failed


def read_timestamps(series: pd.Series, date_order: str | None = None) -> TimeReading:
    """``series`` read as times. ``date_order`` (``"day-first"``/``"month-first"``) fixes how dates such as
    ``01/02/2024`` are read; without it the values decide, and a column they cannot decide is flagged."""
    if pd.api.types.is_datetime64_any_dtype(series):
        values = _naive_utc(series)
        return TimeReading(values, int(values.notna().sum()), 0, (DATES,))
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        numbers = series.dropna()
        return _numeric_reading(numbers, series.index, len(numbers))
    raw = arrow_text(series)
    # The common case, without copying the text; digits go straight on (Arrow is slow to refuse them).
    parsed = _iso_in_arrow(raw, series.index) if pc.any(pc.match_substring(raw[:100], "-")).as_py() else None
    if parsed is not None:
        return TimeReading(parsed, int(parsed.notna().sum()), 0, ("ISO 8601",))
    text = present_text(raw)
    present = len(text) - text.null_count
    if present and pc.any(pc.match_substring_regex(text, _UTC_SUFFIX)).as_py():
        text = pc.replace_substring_regex(text, _UTC_SUFFIX, r"\1+00:00")
    numeric = pc.fill_null(pc.match_substring_regex(text, _NUMBER_TEXT), False)
    if present and pc.all(numeric).as_py():
        return _numeric_reading(pd.to_numeric(_present_values(text, series.index)), series.index, present)
    if not pc.any(numeric).as_py():
        parsed = _iso_in_arrow(text, series.index)
        if parsed is not None:
            return TimeReading(parsed, present, 0, ("ISO 8601",))
    values = _present_values(text, series.index)
    is_number = numeric.to_pandas().set_axis(series.index).reindex(values.index)
    dated = _text_reading(values[~is_number], date_order)
    parts, formats, set_aside = [dated.values], dated.formats, ""
    if is_number.any():
        counted = _numeric_reading(pd.to_numeric(values[is_number]), values.index[is_number], int(is_number.sum()))
        parts, formats, set_aside = [counted.values, *parts], counted.formats + formats, counted.set_aside
    parsed = _at_least_us(pd.concat(parts).reindex(series.index))
    failed = present - int(parsed.notna().sum())
    return TimeReading(parsed, present, failed, formats, dated.order, dated.ambiguous, set_aside)


def _numeric_reading(numbers: pd.Series, index: pd.Index, present: int) -> TimeReading:
    """Present numbers (or digits) read as compact dates, Excel serials or epochs, whichever is plausible."""
    best, rival = read_numeric_times(numbers)
    if best is None:
        return TimeReading(pd.Series(pd.NaT, index=index, dtype="datetime64[us]"), present, present)
    values = _at_least_us(best.values.reindex(index))
    set_aside = QT_TRANSLATE_NOOP("Import", "as {reading} they would fall in {years}").format(
        reading=rival.label, years=rival.span()) if rival else ""
    failed = present - int(values.notna().sum())
    loose = best.label == EXCEL_LABEL
    return TimeReading(values, present, failed, (best.label,), set_aside=set_aside, loose=loose)


def _iso_in_arrow(text: pa.ChunkedArray, index: pd.Index) -> pd.Series | None:
    """The column parsed by Arrow's ISO 8601 cast (≈10× faster than pandas) when every value is ISO with
    at most microseconds and either all or none carry a UTC offset; None sends it to the pandas path.
    A blank or a value that is not ISO (an epoch, a European date) makes the cast fail, never guess."""
    for unit in ISO_TIME_TYPES:
        try:
            return _naive_utc(by_halves(lambda part, unit=unit: pc.cast(part, unit), text).to_pandas().set_axis(index))
        except pa.ArrowInvalid:
            continue
    return None


def _present_values(text: pa.ChunkedArray, index: pd.Index) -> pd.Series:
    """The non-blank values of ``text`` as pandas text, keeping their rows' labels."""
    return text.to_pandas().set_axis(index).dropna()


def _text_reading(values: pd.Series, date_order: str | None) -> TimeReading:
    """Written dates: ISO 8601 first, then day/month dates in the given or the better-fitting order, then
    the unambiguous families, then pandas' mixed-format parser on whatever still has a year in it."""
    parsed = _naive_utc(pd.to_datetime(values, format="ISO8601", errors="coerce", utc=True))
    formats = ["ISO 8601"] if parsed.notna().any() else []
    order, ambiguous = None, False
    if parsed.isna().any():
        by_order, order, ambiguous = _day_or_month_first(values[parsed.isna()], date_order)
        parsed = parsed.fillna(by_order)
        if by_order.notna().any():
            formats.append(DATE_ORDERS[order or DAY_FIRST_ORDER])
    for label, family in OTHER:
        if not parsed.isna().any():
            break
        found = _try_formats(values[parsed.isna()], family)
        if found.notna().any():
            parsed = parsed.fillna(found)
            formats.append(label)
    unread = values[parsed.isna()]
    unread = unread[unread.str.contains(_YEAR, regex=True)]
    if len(unread):
        day_first = (order or date_order or DAY_FIRST_ORDER) == DAY_FIRST_ORDER
        mixed = _naive_utc(pd.to_datetime(unread, format="mixed", dayfirst=day_first, errors="coerce", utc=True))
        if mixed.notna().any():
            parsed = parsed.fillna(mixed)
            formats.append(MIXED_LABEL)
    return TimeReading(parsed, len(values), int(parsed.isna().sum()), tuple(formats), order, ambiguous)


def _day_or_month_first(values: pd.Series, date_order: str | None) -> tuple[pd.Series, str | None, bool]:
    """Dates like 01/02/2024 in ``date_order``, or in the order that reads more of them (day first when
    both read as many: most of the world writes it so); the order used, and whether every value fit both
    orders with different results, so the user is asked to check."""
    if date_order in ORDER_FORMATS:
        return _try_formats(values, ORDER_FORMATS[date_order]), date_order, False
    day_first = _try_formats(values, DAY_FIRST)
    month_first = _try_formats(values, MONTH_FIRST)
    days, months = int(day_first.notna().sum()), int(month_first.notna().sum())
    if not days and not months:
        return day_first, None, False
    if months > days:
        return month_first, MONTH_FIRST_ORDER, False
    return day_first, DAY_FIRST_ORDER, days == months and not day_first.equals(month_first)


def _try_formats(values: pd.Series, formats: tuple[str, ...]) -> pd.Series:
    """Each format on the values the earlier ones left unread."""
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    for fmt in formats:
        unread = result.isna()
        if not unread.any():
            break
        attempt = pd.to_datetime(values[unread], format=fmt, errors="coerce", utc=True)
        result = result.fillna(_naive_utc(attempt))
    return result


def _naive_utc(series: pd.Series) -> pd.Series:
    """Wall-clock UTC without the time zone: what analytics compare and what Parquet stores simply."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    return _at_least_us(series)


def _at_least_us(series: pd.Series) -> pd.Series:
    """Second- or millisecond-resolution results widened to microseconds so all timestamp columns agree."""
    unit = getattr(series.dt, "unit", "us") if pd.api.types.is_datetime64_any_dtype(series) else "us"
    if unit in ("s", "ms"):
        return series.astype("datetime64[us]")
    return series
