"""Parsing a timestamp column once, the same way for every source (design §2 and §6).

Exports mix date-only and date-time values in one column, carry microseconds that funnels depend on, and
write offsets such as ``+02:00``; some write European or US dates, some unix epochs. Every value is
converted to naive UTC ``datetime64`` with its full precision; values that match no format become NaT and
are counted, never dropped, so the import can say "12 timestamps could not be read". A column of plain
ISO values is parsed by Arrow's cast in milliseconds; anything else takes the pandas path below.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from usagelens.io.columns import all_match, arrow_text, by_halves, present_text

# Tried on the values ISO 8601 could not read; each family in order, each format on what is still unread.
DAY_FIRST = (
    "%d/%m/%Y %H:%M:%S.%f", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y",
    "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y", "%d/%m/%y %H:%M", "%d/%m/%y",
)  # fmt: skip
MONTH_FIRST = (
    "%m/%d/%Y %H:%M:%S.%f", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p", "%m/%d/%Y", "%m-%d-%Y %H:%M:%S", "%m-%d-%Y", "%m/%d/%y %H:%M", "%m/%d/%y",
)  # fmt: skip
# Unambiguous wherever they come from: dotted dates are always day first (German, Russian, ...).
OTHER = (
    "%d.%m.%Y %H:%M:%S.%f", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d.%m.%y",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%d %b %Y %H:%M", "%d %b %Y", "%d %B %Y",
    "%b %d, %Y %H:%M", "%b %d, %Y", "%B %d, %Y", "%a, %d %b %Y %H:%M:%S %z",
)  # fmt: skip
# What Arrow parses ISO 8601 text into: naive values, or values that all carry a UTC offset.
ISO_TIME_TYPES = (pa.timestamp("us"), pa.timestamp("us", tz="UTC"))
# Unix epochs by magnitude: seconds from 1973, milliseconds, microseconds, nanoseconds.
EPOCH_UNITS = ((1e8, "s"), (1e11, "ms"), (1e14, "us"), (1e17, "ns"))
_EPOCH_TEXT = r"\d{9,19}(\.\d+)?"


def parse_timestamps(series: pd.Series) -> tuple[pd.Series, int]:
    """``series`` as naive UTC ``datetime64`` (at least microsecond resolution) and the number of
    non-empty values that could not be read (they are NaT; rows are never dropped)."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        return _naive_utc(series), 0
    if pd.api.types.is_datetime64_any_dtype(series):
        return _at_least_us(series), 0
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        parsed = _from_epoch(series.astype("float64"))
        return parsed, int((parsed.isna() & series.notna()).sum())
    parsed = _iso_in_arrow(arrow_text(series), series.index)  # the common case, without copying the text
    if parsed is not None:
        return parsed, 0
    text = present_text(arrow_text(series))
    if text.null_count < len(text) and all_match(text, _EPOCH_TEXT):
        parsed = _from_epoch(pd.to_numeric(_present_values(text, series.index)))
    else:
        parsed = _iso_in_arrow(text, series.index)
        if parsed is None:
            parsed = _from_text(_present_values(text, series.index))
    parsed = _at_least_us(parsed.reindex(series.index))
    return parsed, int(parsed.isna().sum()) - text.null_count  # missing values are no failures


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


def _from_text(values: pd.Series) -> pd.Series:
    parsed = _naive_utc(pd.to_datetime(values, format="ISO8601", errors="coerce", utc=True))
    unread = parsed.isna()
    if unread.any():
        day_first = _try_formats(values[unread], DAY_FIRST)
        month_first = _try_formats(values[unread], MONTH_FIRST)
        # Ambiguous dates (both parts <= 12) read the same count both ways; day-first is most of the world.
        best = month_first if month_first.notna().sum() > day_first.notna().sum() else day_first
        parsed = parsed.fillna(best)
    unread = parsed.isna()
    if unread.any():
        parsed = parsed.fillna(_try_formats(values[unread], OTHER))
    return parsed


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


def _from_epoch(numbers: pd.Series) -> pd.Series:
    """Epoch numbers in the unit their size suggests (the median decides, so a few outliers do not)."""
    magnitude = numbers.abs().median()
    if pd.isna(magnitude) or magnitude < EPOCH_UNITS[0][0]:
        return pd.Series(pd.NaT, index=numbers.index, dtype="datetime64[us]")
    unit = next(unit for limit, unit in reversed(EPOCH_UNITS) if magnitude >= limit)
    return _at_least_us(pd.to_datetime(numbers, unit=unit, errors="coerce"))


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
