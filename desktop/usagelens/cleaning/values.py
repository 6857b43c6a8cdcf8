"""The four value types a product owner sees — text, number, date, yes-no — and conversions between them.

The quality report labels columns with these names, ``change_type`` converts to them, and the filter and
fill steps read their typed parameters (``"2024-03-01"``, ``"5"``, ``"yes"``) through them, so the same
words mean the same thing everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from usagelens.cleaning.steps import type_word
from usagelens.model.translatable import QT_TRANSLATE_NOOP

TEXT, NUMBER, DATE, YES_NO, DURATION = "text", "number", "date", "yes-no", "duration"
VALUE_TYPES = (TEXT, NUMBER, DATE, YES_NO)

_YES = frozenset({"yes", "y", "true", "t", "1", "on", "ja", "oui", "si", "sí"})
_NO = frozenset({"no", "n", "false", "f", "0", "off", "nein", "non"})


def type_label(dtype: Any) -> str:
    """The value type of a column's dtype in words a product owner understands."""
    if pd.api.types.is_bool_dtype(dtype):
        return YES_NO
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return DATE
    if pd.api.types.is_timedelta64_dtype(dtype):
        return DURATION
    if pd.api.types.is_numeric_dtype(dtype):
        return NUMBER
    return TEXT


def as_text(values: pd.Series) -> pd.Series:
    """Values as text with missing kept missing; integral floats lose their ``.0``.

    A numeric id column with a gap is read as float, which would turn user ``7`` into ``"7.0"`` and break
    joins with a source where the same id is text (design §2: ids are text).
    """
    if pd.api.types.is_float_dtype(values.dtype):
        finite = values.dropna()
        if bool(np.isfinite(finite).all()) and bool((finite == np.floor(finite)).all()):
            values = values.astype("Int64")
    return values.astype("str")


def to_number(values: pd.Series) -> pd.Series:
    """Numbers from any column; text that is not a number becomes missing."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.astype("float64")
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values
    text = values.astype("str").str.strip()
    return pd.to_numeric(text, errors="coerce")


def to_date(values: pd.Series) -> pd.Series:
    """Timestamps in UTC, naive, with full precision; unreadable values become missing.

    ISO 8601 first because exports mix dates and date-times in one column (design §6); anything else gets
    a second, format-guessing pass so ``03/15/2024`` still reads.
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        return values
    text = values.astype("str").str.strip()
    parsed = pd.to_datetime(text, format="ISO8601", errors="coerce", utc=True)
    retry = parsed.isna() & text.notna() & (text != "")
    if retry.any():
        parsed = parsed.copy()
        parsed[retry] = pd.to_datetime(text[retry], format="mixed", errors="coerce", utc=True)
    return parsed.dt.tz_localize(None)


def to_yes_no(values: pd.Series) -> pd.Series:
    """Yes/no answers as a nullable boolean; words it does not know become missing."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.astype("boolean")
    text = as_text(values).str.strip().str.lower()
    uniques = text.dropna().unique()
    mapping = {u: True for u in uniques if u in _YES} | {u: False for u in uniques if u in _NO}
    return text.map(mapping).astype("boolean")


_CONVERTERS = {TEXT: as_text, NUMBER: to_number, DATE: to_date, YES_NO: to_yes_no}


def convert(values: pd.Series, to: str) -> tuple[pd.Series, int]:
    """``values`` as type ``to`` and how many present values could not be read (they become missing)."""
    converted = _CONVERTERS[to](values)
    return converted, len(unreadable(values, converted))


def unreadable(values: pd.Series, converted: pd.Series) -> pd.Series:
    """The present ``values`` that became missing in ``converted``: what a conversion loses."""
    return values[~is_missing(values) & converted.isna()]


def examples(values: pd.Series, limit: int = 3) -> str:
    """A few distinct values, quoted, for a message: ``'n/a', 'Too slow'``."""
    return ", ".join(f"'{value}'" for value in values.astype("str").drop_duplicates().head(limit))


def coerce_scalar(value: Any, like: pd.Series) -> Any:
    """A parameter value read as the type of column ``like``, so comparisons and fills keep the dtype.

    Raises ``ValueError`` with a readable reason (marked, for the GUI's language) when the value does not fit.
    """
    kind = type_label(like.dtype)
    if kind == TEXT or kind == DURATION:
        return str(value)
    converted, failed = convert(pd.Series([value], dtype=object), kind)
    if failed or converted.isna().all():
        raise ValueError(QT_TRANSLATE_NOOP("StepKind", "{value} is not a {kind}").format(value=repr(value),
                                                                                       kind=type_word(kind)))
    scalar = converted.iloc[0]
    if kind == DATE and isinstance(like.dtype, pd.DatetimeTZDtype):
        return pd.Timestamp(scalar).tz_localize("UTC").tz_convert(like.dtype.tz)
    return scalar


def is_missing(values: pd.Series) -> pd.Series:
    """Missing values, counting blank text as missing: an export's empty cell means "no value"."""
    missing = values.isna()
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        missing |= values.astype("str").str.strip().eq("").fillna(False)
    return missing


def map_uniques(values: pd.Series, fn: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a text transformation once per distinct value instead of once per row.

    Exports repeat the same few thousand ids, names and emails across a million rows, so hashing or
    trimming the distinct values and broadcasting them back is the difference between ms and seconds.
    ``fn`` receives the distinct non-missing values as text and returns one result per value.
    """
    codes, uniques = pd.factorize(as_text(values))
    mapped = fn(pd.Series(uniques, dtype="str")).to_numpy(dtype=object)
    out = mapped.take(codes, mode="clip") if len(mapped) else np.full(len(codes), np.nan, dtype=object)
    out[codes < 0] = np.nan
    return pd.Series(out, index=values.index, name=values.name, dtype="str")
