"""What a compiled step knows besides its parameters, and the small queries steps run for their notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ibis.expr.types as ir

from usagelens.cleaning.compiled import values
from usagelens.cleaning.steps import Params, StepContext

ORDER_ALIAS = "__usagelens_first"  # a scratch column of the note queries


@dataclass
class CompileContext(StepContext):
    """A :class:`StepContext` plus the name of the table's row-number column.

    The row number stands in for pandas' row order: it decides which duplicate is "first" and which
    examples a note quotes. It is not one of the table's columns as far as the steps are concerned.
    """

    order: str = "file_row_number"

    def visible(self, table: ir.Table) -> list[str]:
        """The table's columns as the pandas recipe sees them: all but the row number."""
        return [c for c in table.columns if c != self.order]

    def rows(self, table: ir.Table) -> int:
        return int(values.scalar(table.count()))

    def first_values(self, table: ir.Table, value: ir.Value, limit: int) -> list[object]:
        """Up to ``limit`` distinct values of ``value`` in order of first appearance."""
        grouped = table.group_by(v=value).aggregate(**{ORDER_ALIAS: table[self.order].min()})
        return values.fetch(grouped.order_by(ORDER_ALIAS).limit(limit))["v"].tolist()


Compiler = Callable[[ir.Table, Params, CompileContext], ir.Table]
