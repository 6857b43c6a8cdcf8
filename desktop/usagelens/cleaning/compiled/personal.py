"""Which column holds e-mail addresses, decided on the backend as :mod:`usagelens.cleaning.personal` decides.

A column's name decides when it can; otherwise pandas looks at a seeded random sample of up to 1,000 of the
column's present values. The same positions are drawn here (pandas' own sampling: ``RandomState(0).choice``
over the present values in row order) and only those values are fetched, so the verdict is the same.
"""

from __future__ import annotations

from collections.abc import Iterator

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.cleaning.compiled import values
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.cleaning.personal import EMAIL, SAMPLE_SIZE, _kind_by_name, _kind_by_values
from usagelens.cleaning.values import TEXT

_POSITION = "__usagelens_position"


def _sample(table: ir.Table, name: str, context: CompileContext) -> pd.Series:
    present = table.filter(table[name].notnull())
    total = context.rows(present)
    positions = np.random.RandomState(0).choice(total, size=min(SAMPLE_SIZE, total), replace=False)
    numbered = present.mutate(**{_POSITION: ibis.row_number().over(order_by=present[context.order])})
    drawn = ibis.memtable({_POSITION: positions.astype("int64")})  # a join: 1,000 literals compile slowly
    sample = numbered.semi_join(drawn, _POSITION)[name].execute()
    return values.as_pandas(sample, table[name].type(), nulls=False)


def _kind(table: ir.Table, name: str, context: CompileContext) -> str | None:
    kind = _kind_by_name(name)
    if kind is None:
        kind = _kind_by_values(_sample(table, name, context).astype("str").str.strip(), name)
    return kind


def detect_personal_columns(table: ir.Table, context: CompileContext) -> dict[str, str]:
    """:func:`usagelens.cleaning.personal.detect_personal_columns` of ``table``: text columns holding personal
    data, by name or by the same sample of values."""
    found = {}
    for name in context.visible(table):
        if values.type_label(table[name].type()) == TEXT and (kind := _kind(table, name, context)):
            found[name] = kind
    return found


def email_columns(table: ir.Table, context: CompileContext) -> Iterator[str]:
    """The columns that hold e-mail addresses, in table order, each judged only when asked for."""
    for name in context.visible(table):
        if values.type_label(table[name].type()) == TEXT and _kind(table, name, context) == EMAIL:
            yield name


def email_domains(emails: ir.Value) -> ir.StringValue:
    """The lower-cased part after the last ``@``; missing where there is none."""
    domain = values.strip(values.as_text(emails)).lower().re_extract(r"@([^@\s]+)$", 1)
    return ibis.ifelse(domain == "", ibis.null("string"), domain)
