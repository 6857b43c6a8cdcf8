"""A breakdown's choices for every property of a view in one query (issue 15): a warehouse that bills each query
job (BigQuery, 10 MB at least) is asked once, not once per property column.

The query is a UNION ALL of one branch per property: its distinct values, capped at ``cap`` rows, in that
property's own column (``value_<i>``, the others typed missing) with the branch's number in ``property``. Each
property thus keeps its type, and its rows (a missing value among them: whole numbers then read back as decimals)
read back as text exactly as a query of that column alone would.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir
import pyarrow.compute as pc

from usagelens.analytics.definitions.view import fetch_arrow

PROPERTY = "property"


def property_values_definition(view: ir.Table, properties: Sequence[str], cap: int) -> ir.Table:
    """Up to ``cap`` distinct values of each of ``properties`` (at least one), one branch each."""
    types = [view[name].type() for name in properties]
    branches = []
    for index, name in enumerate(properties):
        column = view[name]
        found = view.select(column.name(_value(index))).distinct().limit(cap)
        branches.append(found.select(
            ibis.literal(index, type="int32").name(PROPERTY),
            *(found[_value(i)] if i == index else ibis.null().cast(kind).name(_value(i)) for i, kind in
              enumerate(types))))
    return ibis.union(*branches, distinct=False)


def property_values(view: ir.Table, properties: Sequence[str], most: int) -> dict[str, tuple[str, ...]]:
    """The properties with 2 to ``most`` distinct values, each with its values as text in sorted order (a
    breakdown's choices); one query for all of them, none without properties."""
    if not properties:
        return {}
    table = fetch_arrow(property_values_definition(view, properties, most + 1))
    values = {}
    for index, name in enumerate(properties):
        found = table.filter(pc.equal(table[PROPERTY], index))[_value(index)].to_pandas().dropna()
        if 2 <= len(found) <= most:
            values[name] = tuple(sorted(map(str, found)))
    return values


def _value(index: int) -> str:
    return f"value_{index}"
