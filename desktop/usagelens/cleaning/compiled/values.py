"""The value rules of :mod:`usagelens.cleaning.values` as Ibis expressions, so a compiled step reads, converts
and compares values on the backend exactly as the pandas step does.

Rules SQL can state exactly (text of ids and numbers, numbers from text, yes/no words, blanks as missing) are
written out. Rules that *are* pandas' own parser — dates from free text (ISO 8601, then format guessing), the
text of a date — are not re-implemented: the column's distinct values are fetched, converted by the pandas
rule itself and looked up on the backend (:func:`lookup`). Exports repeat a few thousand such values; a
column with more than :data:`LOOKUP_LIMIT` of them cannot be compiled and says so (:class:`CannotCompile`).

Whitespace is Python's (``str.isspace``, which pandas' ``strip`` follows), not the backend's regex ``\\s``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa

from usagelens.cleaning import values as pandas_values
from usagelens.cleaning.values import DATE, DURATION, NUMBER, TEXT, YES_NO
from usagelens.model.translatable import QT_TRANSLATE_NOOP

LOOKUP_LIMIT = 20_000
_SPACE = "[" + "".join(f"\\x{{{i:x}}}" for i in range(sys.maxunicode + 1) if chr(i).isspace()) + "]"
SPACE_RUNS = f"{_SPACE}+"
_EDGE_SPACE = f"^{_SPACE}+|{_SPACE}+$"
# what pd.to_numeric reads, after stripping: plain and scientific decimals, and infinity
_NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^(?i:[+-]?(inf|infinity))$"
_EPOCH = ibis.literal(datetime(1970, 1, 1), type=dt.Timestamp(scale=6))
_YES = sorted(pandas_values._YES)
_NO = sorted(pandas_values._NO)


class CannotCompile(ValueError):
    """A step that cannot run on the backend with the pandas step's exact meaning; run the recipe in pandas."""


class Unanswered(Exception):  # noqa: N818 - not an error of its own: it carries the answerer's
    """What the :data:`answering` set raised for a step's query (a question for the user first, a cancel, a
    warehouse out of reach): not the data surprising a step, so it passes the steps' guard, and
    :func:`~usagelens.cleaning.compiled.compile_recipe` raises it as it was (:attr:`raised`)."""

    def __init__(self, raised: Exception) -> None:
        super().__init__(str(raised))
        self.raised = raised


def type_label(dtype: dt.DataType) -> str:
    """The value type (text / number / date / yes-no / duration) of a backend column type."""
    if dtype.is_boolean():
        return YES_NO
    if dtype.is_timestamp() or dtype.is_date():
        return DATE
    if dtype.is_interval():
        return DURATION
    if dtype.is_numeric():
        return NUMBER
    return TEXT


def pandas_proxy(dtype: dt.DataType) -> pd.Series:
    """An empty pandas column that the pandas helpers read as having ``dtype`` (they look at dtypes only)."""
    kind = type_label(dtype)
    if kind == DATE:
        zone = getattr(dtype, "timezone", None)
        return pd.Series([], dtype=f"datetime64[us, {zone}]" if zone else "datetime64[us]")
    pandas_dtype = {TEXT: "str", NUMBER: "float64", YES_NO: "bool", DURATION: "timedelta64[us]"}[kind]
    return pd.Series([], dtype=pandas_dtype)


def strip(text: ir.StringValue) -> ir.StringValue:
    return text.re_replace(_EDGE_SPACE, "")


def isna(column: ir.Value) -> ir.BooleanValue:
    """pandas' ``isna``: null, or NaN in a float column."""
    missing = column.isnull()
    return missing | column.isnan() if column.type().is_floating() else missing


def is_missing(column: ir.Value) -> ir.BooleanValue:
    """Missing values, blank text counting as missing (:func:`usagelens.cleaning.values.is_missing`)."""
    if type_label(column.type()) == TEXT and column.type().is_string():
        return column.isnull() | (strip(column) == "")
    return isna(column)


Answer = Callable[[ir.Table], pa.Table]

# Who answers the queries steps run while compiling, instead of the table's backend, while set
# (:func:`~usagelens.cleaning.compiled.compile_recipe`'s ``answer``): a linked warehouse's results kept in the
# project, so that compiling the recipe again asks nothing it asked before.
answering: ContextVar[Answer | None] = ContextVar("compile_answering", default=None)


def fetch(query: ir.Table) -> pd.DataFrame:
    """A small result as pandas, through Arrow: Ibis' own conversion goes through Python's ``datetime`` and
    fails on years before 1 (pandas reads ``"-1"`` as a date in year -1). Every query a step runs while
    compiling goes through here (or :func:`scalar`), so the :data:`answering` set answers them all."""
    answer = answering.get()
    if answer is None:
        return query.to_pyarrow().to_pandas()
    try:
        return answer(query).to_pandas()
    except Exception as raised:  # noqa: BLE001 - the answerer's to tell, as it raised it
        raise Unanswered(raised) from raised


def scalar(query: ir.Scalar) -> Any:
    """One value of a small query, as :func:`fetch` asks it."""
    return fetch(query.as_table()).iloc[0, 0]


def as_pandas(values: pd.Series, dtype: dt.DataType, *, nulls: bool) -> pd.Series:
    """Values fetched from the backend with the dtype pandas gives the stored column: text as ``str``, an
    integer column with gaps (``nulls``) as float."""
    if dtype.is_string():
        return values.astype("str")
    if dtype.is_integer():
        return values.astype("float64" if nulls else "int64")
    return values


def lookup(column: ir.Value, convert: Callable[[pd.Series], pd.Series], to: dt.DataType) -> ir.Value:
    """``column`` mapped through the pandas rule ``convert``, applied once to its distinct values.

    Times travel as microseconds since 1970, both ways: pandas reads text such as ``"-1"`` as a date in year
    -1, which Python's ``datetime`` (and so an Ibis timestamp literal) cannot hold, while the backend can.
    """
    distinct = fetch(column.name("v").as_table().distinct().limit(LOOKUP_LIMIT + 1))["v"]
    if len(distinct) > LOOKUP_LIMIT:
        raise CannotCompile(QT_TRANSLATE_NOOP("Quality", "{column} has more than {count:,} distinct values to "
                                                         "convert").format(column=column.get_name(),
                                                                           count=LOOKUP_LIMIT))
    values = as_pandas(distinct.reset_index(drop=True), column.type(), nulls=bool(distinct.isna().any()))
    converted = convert(values)
    (encode_key, key_type), (encode, stored) = _encoding(column.type()), _encoding(to)
    pairs = {
        encode_key(key): encode(value)
        for key, value in zip(values, converted, strict=True)
        if not pd.isna(key) and not pd.isna(value)
    }
    if not pairs:
        return ibis.null(to)
    key = to_date(column).delta(_EPOCH, unit="microsecond") if column.type().is_timestamp() else column
    found = ibis.literal(pairs, type=dt.Map(key_type, stored))[key]
    return _from_microseconds(found) if to.is_timestamp() else found


def _encoding(dtype: dt.DataType) -> tuple[Callable[[Any], Any], dt.DataType]:
    """How a value of ``dtype`` goes into a map literal, and the map's type for it."""
    return (_microseconds, dt.int64) if dtype.is_timestamp() else (_python, dtype)


def _python(value: Any) -> Any:
    """A numpy scalar as the plain Python value an Ibis literal takes."""
    return value.item() if isinstance(value, np.generic) else value


def _microseconds(stamp: pd.Timestamp) -> int:
    """A time as microseconds since 1970, for any year pandas holds."""
    return int(pd.Timestamp(stamp).as_unit("us").asm8.view("i8"))


def _from_microseconds(micros: ir.IntegerValue) -> ir.TimestampValue:
    return _EPOCH + micros.as_interval("us")


def timestamp(stamp: pd.Timestamp, like: dt.DataType) -> ir.TimestampValue:
    """A pandas time as a literal of the timestamp type ``like`` (naive times are UTC, as the session is)."""
    return _from_microseconds(ibis.literal(_microseconds(stamp))).cast(like)


def as_text(column: ir.Value) -> ir.StringValue:
    """:func:`usagelens.cleaning.values.as_text`: a float column whose values are all whole numbers reads
    ``7``, not ``7.0`` (decided for the whole column, as pandas does)."""
    dtype = column.type()
    if dtype.is_string():
        return column
    if dtype.is_boolean():  # a missing answer stays missing (``ifelse`` would read it as false)
        return ibis.cases((column, "True"), (~column, "False"), else_=ibis.null("string"))
    if dtype.is_integer():
        return column.cast("string")
    if dtype.is_floating():
        present = column.notnull() & ~column.isnan()
        fractional = (present & (column.isinf() | (column != column.floor()))).any()
        if not scalar(fractional.fill_null(False)):
            return ibis.ifelse(present, column.cast("int64").cast("string"), ibis.null("string"))
        return ibis.ifelse(present, column.cast("string"), ibis.null("string"))
    return lookup(column, pandas_values.as_text, dt.string)


def to_number(column: ir.Value) -> ir.Value:
    dtype = column.type()
    if dtype.is_boolean():
        return column.cast("float64")
    if dtype.is_numeric():
        return column
    if not dtype.is_string():
        return lookup(column, pandas_values.to_number, dt.float64)
    text = strip(column)
    return ibis.ifelse(text.re_search(_NUMBER), text.try_cast("float64"), ibis.null("float64"))


def to_date(column: ir.Value) -> ir.Value:
    """Naive UTC timestamps; text goes through pandas' own parser (ISO 8601, then format guessing)."""
    dtype = column.type()
    if dtype.is_timestamp():
        return column.cast(dt.Timestamp(scale=dtype.scale)) if dtype.timezone else column
    return lookup(column, pandas_values.to_date, dt.timestamp)


def to_yes_no(column: ir.Value) -> ir.BooleanValue:
    if column.type().is_boolean():
        return column
    word = strip(as_text(column)).lower()
    return ibis.cases((word.isin(_YES), True), (word.isin(_NO), False), else_=ibis.null("boolean"))


_CONVERTERS: dict[str, Callable[[ir.Value], ir.Value]] = {
    TEXT: as_text, NUMBER: to_number, DATE: to_date, YES_NO: to_yes_no,
}


def convert(column: ir.Value, to: str) -> ir.Value:
    return _CONVERTERS[to](column)


def unreadable(column: ir.Value, converted: ir.Value) -> ir.BooleanValue:
    """Rows whose present value became missing in ``converted``: what a conversion loses."""
    return ~is_missing(column) & isna(converted)


def literal(value: Any, like: ir.Value) -> ir.Value:
    """A parameter value already read as ``like``'s type (by the pandas rule) as an Ibis literal."""
    if isinstance(value, pd.Timestamp):
        return timestamp(value, like.type())
    return ibis.literal(_python(value))
