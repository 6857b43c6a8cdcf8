"""Column steps compiled: drop, rename, change type, tidy text (:mod:`usagelens.cleaning.column_steps`)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.cleaning.column_steps import conversion_note, not_text_note
from usagelens.cleaning.compiled import values
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.cleaning.steps import Params, StepError
from usagelens.cleaning.values import TEXT
from usagelens.model.translatable import QT_TRANSLATE_NOOP

EXAMPLES = 3  # as many as the pandas note quotes


def drop_columns(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    return table.drop(*params["columns"])


def rename_columns(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    mapping = dict(params["mapping"])
    if context.order in mapping.values():
        raise StepError(QT_TRANSLATE_NOOP("StepKind", "'{name}' is the row-number column of this table; choose "
                                                      "another name").format(name=context.order))
    return table.rename({new: old for old, new in mapping.items()})


def change_type(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    """Convert; when values are lost, count them and quote the first few, as the pandas note does."""
    name, to = str(params["column"]), str(params["to"])
    column = table[name]
    converted = values.convert(column, to)
    lost = table.filter(values.unreadable(column, converted))
    failed = context.rows(lost)
    if failed:
        nulls = column.type().is_integer() and bool(values.scalar(values.isna(column).any()))
        shown = pd.Series(context.first_values(lost, column, EXAMPLES))
        context.note(conversion_note(name, to, failed, values.as_pandas(shown, column.type(), nulls=nulls)))
    return table.mutate(**{name: converted})


def _tidy(text: ir.StringValue, case: str, collapse: bool) -> ir.StringValue:
    text = values.strip(text)
    if collapse:
        text = text.re_replace(values.SPACE_RUNS, " ")
    if case != "keep":
        text = text.lower() if case == "lower" else text.upper()
    return ibis.ifelse(text == "", ibis.null("string"), text)


def trim_text(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    kinds = {name: values.type_label(table[name].type()) for name in context.visible(table)}
    names = params.get("columns") or [name for name, kind in kinds.items() if kind == TEXT]
    skipped = [name for name in names if kinds[name] != TEXT]
    case, collapse = params.get("case", "keep"), params.get("collapse_spaces", True)
    tidied = {name: _tidy(values.as_text(table[name]), case, collapse) for name in names if name not in skipped}
    if skipped:
        context.note(not_text_note(skipped))
    return table.mutate(**tidied)
