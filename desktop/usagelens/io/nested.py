"""Arrow tables with nested columns (JSON records, Parquet structs) as the flat tables every source is.

A nested object becomes one column per leaf with a dotted name (``properties.distinct_id``), which is what
Mixpanel and Amplitude users know their properties as; a list stays one column holding its JSON text, since
spreading ``["a", "b"]`` over columns would invent a shape the export does not have.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal

import pyarrow as pa
import pyarrow.compute as pc

from usagelens.io.columns import short_integers, unique_names


def flat_table(table: pa.Table) -> pa.Table:
    """``table`` with struct columns spread into dotted leaf columns (an empty struct leaves none), lists and
    maps as their JSON text, dictionary columns decoded, and names made unique."""
    while any(pa.types.is_struct(field.type) for field in table.schema):
        table = table.flatten()
    columns = [_plain(column) for column in table.columns]
    return pa.table(columns, names=unique_names(table.column_names))


def text_table(table: pa.Table, *, keep_numbers: bool = False) -> pa.Table:
    """Every column of a flat table as text, empty strings as missing values (as a CSV cell reads): JSON types
    say little (an id is a number in one record and text in the next), so JSON is typed like CSV afterwards.
    ``keep_numbers`` leaves the number columns that typing would only parse back (fractions, and whole
    numbers of at most 15 digits; longer ones are ids, text in every format)."""
    return pa.table([_text(column, keep_numbers) for column in table.columns], names=table.column_names)


def json_text(value: object) -> str:
    """A list or object as compact JSON, the way an export writes it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def _plain(column: pa.ChunkedArray) -> pa.ChunkedArray:
    kind = column.type
    if pa.types.is_dictionary(kind):
        return _plain(pc.cast(column, kind.value_type))
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind) or (
        pa.types.is_map(kind)
    ):
        as_json = dict if pa.types.is_map(kind) else list  # a map's values come as (key, value) pairs
        values = [None if value is None else json_text(as_json(value)) for value in column.to_pylist()]
        return pa.chunked_array([pa.array(values, pa.string())])
    if pa.types.is_decimal(kind):
        return pc.cast(column, pa.float64())
    return column


def _text(column: pa.ChunkedArray, keep_numbers: bool) -> pa.ChunkedArray:
    if keep_numbers and (
        pa.types.is_floating(column.type) or (pa.types.is_integer(column.type) and short_integers(column))
    ):
        return column
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        column = pc.cast(column, pa.string())
    return pc.if_else(pc.equal(column, ""), pa.scalar(None, column.type), column)


def _json_default(value: object) -> object:
    """What JSON cannot hold as such (Parquet's dates, times and decimals inside lists) as text or number."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)
