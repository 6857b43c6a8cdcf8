"""Column names and column types shared by the CSV and the spreadsheet readers.

Both readers first produce text; this module decides, once and the same way for every format, which names a
table gets and which text columns really hold numbers. A column only becomes numeric when *every* value is a
plain number, so identifiers survive as text: ``007`` has a leading zero that a number would lose, ids
longer than 15 digits would lose their last digits as floats, and ``1E5`` is a product code, not 100000.
Software that writes numbers in scientific notation puts a decimal point or a sign in them (``1.5E+05``,
``1e-05``, ``1e+16``); a whole number with a bare exponent is an id, so its column stays text.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

MAX_EXACT_DIGITS = 15
SAMPLE_ROWS = 1000

_LEADING_ZERO = r"[-+]?0\d.*"
_DOT_NUMBER = r"[-+]?((\d+\.\d*|\.\d+)([eE][-+]?\d+)?|\d+([eE][-+]\d+)?)"
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
        base = base or placeholder_name(position)
        name, copy = base, 1
        while name in taken:
            copy += 1
            name = f"{base}_{copy}"
        taken.add(name)
        result.append(name)
    return result


def placeholder_name(position: int) -> str:
    """The name a column with a blank header gets (``position`` counts from 1)."""
    return f"column_{position}"


def type_columns(frame: pd.DataFrame, decimal: str, keep_text: Collection[str] = ()) -> pd.DataFrame:
    """``frame`` with every text column that holds only numbers converted to numbers (in place, returned).

    ``keep_text`` names columns that stay text whatever they hold (user ids). The test runs in pyarrow's
    compute kernels on the column's Arrow data (no copy for pandas' pyarrow-backed ``str``), about 20× faster
    than pandas' string methods on a million rows.
    """
    for column in frame.columns:
        if column in keep_text or not _is_text(frame[column]):
            continue
        numbers = _plain_numbers(arrow_text(frame[column]), decimal)
        if numbers is not None:
            frame[column] = numbers.to_pandas().set_axis(frame.index)
    return frame


def stack_frames(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """The tables of several files of one export (an archive's members) as one, in order: columns in the
    order they first appear. A column some files lack, or read as different types in different files
    (numbers in one month, text in the next), becomes text, so :func:`type_columns` decides it once."""
    if len(frames) == 1:
        return frames[0]
    types = [{name: str(kind) for name, kind in frame.dtypes.items()} for frame in frames]
    names = list(dict.fromkeys(name for frame in frames for name in frame.columns))
    seen = {name: {kinds.get(name) for kinds in types} for name in names}
    loose = {name for name in names if len(seen[name]) > 1}
    # Numbers become text file by file (7 stays "7"; stacked with a missing column first, it would be "7.0").
    typed = {name for name in loose if seen[name] - {"str", None}}
    frames = [_as_text(frame, typed & set(frame.columns)) for frame in frames]
    return _as_text(pd.concat(frames, ignore_index=True), loose)


def _as_text(frame: pd.DataFrame, columns: set[str]) -> pd.DataFrame:
    """``frame`` with ``columns`` as text; untouched (not even copied, as ``astype({})`` would) when none."""
    return frame.astype({name: "str" for name in columns}) if columns else frame


def drop_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without the rows that hold no value at all: the blank or separator-only lines exports end
    with (``,,,``), which the preview skips too. Free in the common case, a column filled on every row."""
    if frame.empty or any(not frame[column].hasnans for column in frame.columns):
        return frame
    blank = frame.isna().all(axis=1)
    return frame[~blank].reset_index(drop=True) if blank.any() else frame


def arrow_text(series: pd.Series) -> pa.ChunkedArray:
    """A text column as Arrow strings; pandas' ``str`` is Arrow-backed, so this shares its buffers."""
    arrow = pa.array(series.astype("str").array)
    return pa.chunked_array([arrow]) if isinstance(arrow, pa.Array) else arrow


def by_halves(function: Callable[[pa.ChunkedArray], pa.ChunkedArray], array: pa.ChunkedArray) -> pa.ChunkedArray:
    """``function`` of ``array`` run on two halves of its chunks at once (Arrow's kernels release the GIL
    but run on one core); an error of either half is raised as it is."""
    parts = _halves(array)
    with ThreadPoolExecutor(max_workers=len(parts)) as executor:
        results = [future.result() for future in [executor.submit(function, part) for part in parts]]
    return pa.chunked_array([chunk for result in results for chunk in result.chunks], results[0].type)


def _halves(array: pa.ChunkedArray) -> list[pa.ChunkedArray]:
    """``array`` as two arrays of about half its chunks each (one when it has a single chunk)."""
    middle = array.num_chunks // 2
    if middle == 0:
        return [array]
    return [pa.chunked_array(array.chunks[:middle], array.type), pa.chunked_array(array.chunks[middle:], array.type)]


def present_text(text: pa.ChunkedArray) -> pa.ChunkedArray:
    """``text`` with surrounding white space removed and blanks as nulls: what counts as a value."""
    text = pc.utf8_trim_whitespace(text)
    return pc.if_else(pc.equal(text, ""), pa.scalar(None, text.type), text)


def present_values(series: pd.Series) -> pd.Series:
    """The values of ``series`` that are neither missing nor blank text: what a column really holds."""
    values = series.dropna()
    if not _is_text(values):
        return values
    return values[values.astype("str").str.strip() != ""]


def parse_numbers(series: pd.Series, decimal: str) -> pd.Series | None:
    """``series`` as numbers for a column the user said holds amounts or scores, respecting a decimal comma
    (then ``.`` separates thousands): currency signs, codes and thousands separators are removed and what
    still is not a number becomes NaN."""
    if not _is_text(series):
        return series if pd.api.types.is_numeric_dtype(series) else None
    values = series.dropna().astype("str").str.strip()
    values = values[values != ""].str.replace(_CURRENCY_NOISE, "", regex=True)
    thousands = "." if decimal == "," else ","
    values = values.str.replace(thousands, "", regex=False).str.replace(decimal, ".", regex=False)
    numbers = pd.to_numeric(values, errors="coerce")
    if len(numbers) == len(series) and not numbers.isna().any():
        return numbers
    return numbers.astype("float64").reindex(series.index)


def _plain_numbers(text: pa.ChunkedArray, decimal: str) -> pa.ChunkedArray | None:
    """``text`` as int64 (whole numbers) or float64, or None unless every present value is a plain number
    that a float keeps exactly (no leading zero, ≤ 15 digits). Missing values stay null."""
    pattern = _COMMA_NUMBER if decimal == "," else _DOT_NUMBER
    if text.null_count == len(text) or not _numbers_only(present_text(text[:SAMPLE_ROWS]), pattern):
        return None  # most text columns give themselves away in their first rows: skip the full scan
    try:  # the common case, with no copy of the text: nothing to trim, no blanks, whole numbers
        return _whole_numbers(text)
    except pa.ArrowInvalid:
        text = present_text(text)
    if text.null_count == len(text):
        return None
    try:
        return _whole_numbers(text)
    except pa.ArrowInvalid:
        return _any_numbers(text, decimal, pattern)


def _whole_numbers(text: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """``text`` as int64, or None when a value has a leading zero or too many digits; ArrowInvalid when
    a value is not "-?digits" (Arrow's integer parser accepts nothing else), checked without a regex."""
    parts = _halves(text)
    with ThreadPoolExecutor(max_workers=len(parts)) as executor:
        wholes = [future.result() for future in [executor.submit(_whole_part, part) for part in parts]]
    if any(whole is None for whole in wholes):
        return None
    return pa.chunked_array([chunk for whole in wholes for chunk in whole.chunks], pa.int64())


def short_integers(integers: pa.ChunkedArray) -> bool:
    """Whether every value of an integer column has at most 15 digits, so a float (and every format's number
    column) keeps it exactly; longer ones are ids and stay text."""
    extremes = pc.min_max(integers)
    return max(abs(extremes["min"].as_py() or 0), abs(extremes["max"].as_py() or 0)) < 10**MAX_EXACT_DIGITS


def _whole_part(text: pa.ChunkedArray) -> pa.ChunkedArray | None:
    whole = pc.cast(text, pa.int64())
    # Every value is "-?digits" now. Without a leading zero, more than 15 digits means a magnitude of
    # 10**15 or more; a leading zero is a "0" or "-0" followed by more digits. Few full passes: it is the
    # hot path of every numeric column of a large import.
    if not short_integers(whole):
        return None
    zero_led = text.filter(pc.or_(pc.starts_with(text, "0"), pc.starts_with(text, "-0")))
    signs = pc.cast(pc.starts_with(zero_led, "-"), pa.int32())
    return None if pc.any(pc.greater(pc.subtract(pc.binary_length(zero_led), signs), 1)).as_py() else whole


def _any_numbers(text: pa.ChunkedArray, decimal: str, pattern: str) -> pa.ChunkedArray | None:
    """:func:`_plain_numbers` for columns with signs, fractions, exponents or thousands separators."""
    if not _numbers_only(text, pattern):
        return None
    if decimal == ",":
        text = pc.replace_substring(pc.replace_substring(text, ".", ""), ",", ".")
    if pc.any(pc.starts_with(text, "+")).as_py():
        text = pc.replace_substring_regex(text, r"^\+", "")  # Arrow's integer parser refuses a plus sign
    try:
        return pc.cast(text, pa.int64())  # every value is a plain number, so this fails only on fractions
    except pa.ArrowInvalid:
        return pc.cast(text, pa.float64())


def _numbers_only(text: pa.ChunkedArray, pattern: str) -> bool:
    """Every present value of ``text`` (trimmed, blanks null) matches ``pattern`` and a float keeps its
    digits."""
    if not all_match(text, pattern) or pc.any(pc.match_substring_regex(text, f"^(?:{_LEADING_ZERO})")).as_py():
        return False
    long = text.filter(pc.greater(pc.utf8_length(text), MAX_EXACT_DIGITS))  # only these can have too many
    return not pc.any(pc.greater(pc.count_substring_regex(long, r"\d"), MAX_EXACT_DIGITS)).as_py()


def all_match(text: pa.ChunkedArray, pattern: str) -> bool:
    """Every present value of ``text`` matches ``pattern`` as a whole (RE2 syntax); true when none is.

    The head is tried first: most columns that fail do so in their first rows, sparing the full scan."""
    return all(
        pc.all(pc.match_substring_regex(part, f"^(?:{pattern})$")).as_py() is not False
        for part in (text[:SAMPLE_ROWS], text)
    )


def _is_text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series) or series.dtype == object
