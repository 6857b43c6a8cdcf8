"""Row steps compiled: duplicates, filters and gaps (:mod:`usagelens.cleaning.row_steps`)."""

from __future__ import annotations

import functools
import operator
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.cleaning.compiled import values
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.cleaning.row_steps import _coerced, filled_note
from usagelens.cleaning.steps import COMPARES_NUMBERS, Params, StepError, choice_word, type_word
from usagelens.cleaning.values import DATE, NUMBER, TEXT

_ROW = "__usagelens_row"  # scratch column: a row's place among its duplicates


def remove_duplicates(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    """One row per combination of the columns, the first (or last) by the row-number column."""
    columns = params.get("columns") or context.visible(table)
    order = table[context.order]
    window = ibis.window(
        group_by=[table[c] for c in columns],
        order_by=order if params.get("keep", "first") == "first" else order.desc(),
    )
    ranked = table.mutate(**{_ROW: ibis.row_number().over(window)})
    return ranked.filter(ranked[_ROW] == 0).drop(_ROW)


def _coerce(raw: list[Any], column: ir.Value, name: str) -> list[ir.Value]:
    """Parameter values read as the column's type by the pandas rule, with its error message."""
    return [values.literal(v, column) for v in _coerced(raw, values.pandas_proxy(column.type()), name)]


def _matches(column: ir.Value, name: str, raw: list[Any]) -> ir.BooleanValue:
    if values.type_label(column.type()) == TEXT:
        found = values.as_text(column).isin([str(v) for v in raw])
    else:
        found = column.isin(_coerce(raw, column, name)) & ~values.isna(column)
    return found.fill_null(False)


def _date_mask(column: ir.Value, start: str | None, end: str | None) -> ir.BooleanValue:
    times = values.to_date(column)
    mask = times.notnull()
    if start:
        mask &= times >= values.timestamp(pd.Timestamp(start), times.type())
    if end:
        bound = pd.Timestamp(end)
        mask &= times < values.timestamp(bound + pd.Timedelta(days=1), times.type()) if len(end) == 10 \
            else times <= values.timestamp(bound, times.type())
    return mask.fill_null(False)


def _filter_mask(column: ir.Value, name: str, params: Params) -> ir.BooleanValue:
    op = params["operator"]
    if op == "is_missing":
        return values.is_missing(column)
    if op == "not_missing":
        return ~values.is_missing(column)
    if op == "date_range":
        return _date_mask(column, params.get("start"), params.get("end"))
    if op == "contains":
        return values.as_text(column).lower().contains(str(params["value"]).lower()).fill_null(False)
    if op == "equals":
        return _matches(column, name, [params["value"]])
    if op == "one_of":
        return _matches(column, name, list(params["values"]))
    if op == "not_one_of":
        return ~_matches(column, name, list(params["values"]))
    kind = values.type_label(column.type())
    if kind not in (NUMBER, DATE):
        raise StepError(COMPARES_NUMBERS.format(op=choice_word(op), name=name, kind=type_word(kind)))
    bound = _coerce([params["value"]], column, name)[0]
    compared = column > bound if op == "greater" else column < bound
    return (compared & ~values.isna(column)).fill_null(False)


def filter_rows(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    name = str(params["column"])
    return table.filter(_filter_mask(table[name], name, params))


def fill_missing(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    columns = list(params["columns"])
    gaps = [values.is_missing(table[name]) for name in columns]  # a column named twice counts twice, as in pandas
    if params.get("method") == "drop":
        return table.filter(~functools.reduce(operator.or_, gaps))
    fills = {name: _coerce([params["value"]], table[name], name)[0] for name in columns}
    counts = values.fetch(table.aggregate(**{f"c{i}": gap.sum() for i, gap in enumerate(gaps)}))
    filled = int(counts.fillna(0).to_numpy().sum())
    if filled:
        context.note(filled_note(filled))
    return table.mutate(**{name: ibis.ifelse(values.is_missing(table[name]), fill, table[name])
                           for name, fill in fills.items()})
