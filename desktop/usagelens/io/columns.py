"""Column names and column types shared by the CSV and the spreadsheet readers.

Both readers first produce text; this module decides, once and the same way for every format, which names a
table gets and which text columns really hold numbers. A column only becomes numeric when *every* value is a
plain number, so identifiers survive as text: ``007`` has a leading zero that a number would lose, and ids
longer than 15 digits would lose their last digits as floats.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

MAX_EXACT_DIGITS = 15
SAMPLE_ROWS = 1000

_LEADING_ZERO = r"[-+]?0\d.*"
_DOT_NUMBER = r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?"
_COMMA_NUMBER = r"[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?"
# Currency signs, codes and spaces that revenue exports put around amounts ("$1,234.50", "12,50 EUR").
_CURRENCY_NOISE = r"[\s$€£¥₹]|^[A-Za-z]{3}|[A-Za-z]{3}$"


def unique_names(names: Sequence[object]) -> list[str]:
    """Header names made unique and non-blank: a repeated ``amount`` becomes ``amount_2``, a blank third
    header ``column_3``; spreadsheets and hand-made CSVs have both, and a table needs distinct names."""
    result: list[str] = []
    taken: set[str] = set()
    for position, raw in enumerate(names, start=1):
        base = "" if raw is None or pd.isna(raw) else str(raw).strip()  # type: ignore[call-overload]
        base = base or f"column_{position}"
        name, copy = base, 1
        while name in taken:
            copy += 1
            name = f"{base}_{copy}"
        taken.add(name)
        result.append(name)
    return result


def type_columns(frame: pd.DataFrame, decimal: str, keep_text: Collection[str] = ()) -> pd.DataFrame:
    """``frame`` with every text column that holds only numbers converted to numbers (in place, returned).

    ``keep_text`` names columns that stay text whatever they hold (user ids).
    """
    for column in frame.columns:
        if column in keep_text or not _is_text(frame[column]):
            continue
        numbers = parse_numbers(frame[column], decimal, strict=True)
        if numbers is not None:
            frame[column] = numbers
    return frame


def parse_numbers(series: pd.Series, decimal: str, *, strict: bool) -> pd.Series | None:
    """``series`` as numbers, respecting a decimal comma (then ``.`` separates thousands).

    Strict: None unless every non-empty value is a plain number (deciding a column's type). Lenient: currency
    signs, codes and thousands separators are removed and what still is not a number becomes NaN (used for a
    column the user said holds amounts or scores).
    """
    if not _is_text(series):
        return series if pd.api.types.is_numeric_dtype(series) else None
    pattern = _COMMA_NUMBER if decimal == "," else _DOT_NUMBER
    if strict and not _numbers_only(series.head(SAMPLE_ROWS), pattern):
        return None  # most text columns give themselves away in their first rows: skip the full scan
    values = series.dropna().astype("str").str.strip()
    values = values[values != ""]
    if strict and (values.empty or not _numbers_only(values, pattern)):
        return None
    else:
        values = values.str.replace(_CURRENCY_NOISE, "", regex=True)
    thousands = "." if decimal == "," else ","
    values = values.str.replace(thousands, "", regex=False).str.replace(decimal, ".", regex=False)
    numbers = pd.to_numeric(values, errors="coerce")
    if len(numbers) == len(series) and not numbers.isna().any():
        return numbers
    return numbers.astype("float64").reindex(series.index)


def _numbers_only(values: pd.Series, pattern: str) -> bool:
    """Every present value is a plain number that a float keeps exactly (no leading zero, ≤ 15 digits)."""
    values = values.dropna().astype("str").str.strip()
    values = values[values != ""]
    if not values.str.fullmatch(pattern).all() or values.str.match(_LEADING_ZERO).any():
        return False
    long = values[values.str.len() > MAX_EXACT_DIGITS]  # only these can have too many digits
    return not (long.str.count(r"\d") > MAX_EXACT_DIGITS).any()


def _is_text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series) or series.dtype == object
