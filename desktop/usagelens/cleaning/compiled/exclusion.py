"""What excluding some users takes with them (:mod:`usagelens.cleaning.exclusion`), counted by queries: the
rows and money of the candidate users and the table's totals leave the backend, never the table.

Money is summed on the backend, in another order than pandas sums it: totals can differ from pandas' in the
last digits of a float, far below the cents and tenths of a percent the sentence shows.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import pandas as pd

from usagelens.cleaning.compiled import values
from usagelens.cleaning.exclusion import ROW_NOUNS, UserWeights
from usagelens.model import Source, SourceKind, currency_codes

_USER, _CODE, _AMOUNT = "user", "code", "amount"


def _money(table: ir.Table, source: Source) -> dict[str, ir.Value] | None:
    """Each row's amount (missing as 0) and currency code, or None outside revenue sources with an amount."""
    amount, currency = source.column("amount"), source.column("currency")
    if source.kind is not SourceKind.REVENUE or amount not in table.columns:
        return None
    number = values.to_number(table[amount])
    code = (values.lookup(table[currency], currency_codes, dt.string).fill_null("") if currency in table.columns
            else ibis.literal(""))
    return {_AMOUNT: ibis.ifelse(values.isna(number), 0.0, number.cast("float64")), _CODE: code}


def user_weights(table: ir.Table, source: Source, users: Sequence[str]) -> UserWeights | None:
    """:func:`usagelens.cleaning.exclusion.user_weights` of ``users`` in ``table``; None without a user column."""
    user_column = source.column("user_id")
    if user_column not in table.columns:
        return None
    ids = values.as_text(table[user_column])
    money = _money(table, source)
    rows = table.select(**{_USER: ids}, **(money or {}))
    totals = rows.aggregate(users=rows[_USER].nunique(), rows=rows.count()).execute().iloc[0]
    picked = rows.filter(rows[_USER].isin([str(u) for u in users]))
    total_money = pd.Series(dtype=float)
    if money is None:
        per_user = values.fetch(picked.group_by(_USER).aggregate(rows=ibis._.count()))
    else:
        sums = values.fetch(rows.group_by(_CODE).aggregate(total=rows[_AMOUNT].sum()).order_by(_CODE))
        total_money = pd.Series(sums["total"].to_numpy(dtype=float), index=sums[_CODE].astype("str").tolist())
        codes = list(total_money.index)  # "" is a code too, and no column name: the sums are numbered
        per_user = values.fetch(picked.group_by(_USER).aggregate(
            rows=ibis._.count(),
            **{f"m{i}": picked[_AMOUNT].sum(where=picked[_CODE] == code) for i, code in enumerate(codes)},
        )).rename(columns={f"m{i}": code for i, code in enumerate(codes)})
    per_user = per_user.astype({"rows": "int64"}).set_index(_USER).sort_index().fillna(0.0)
    per_user.index = per_user.index.astype("str")
    return UserWeights(ROW_NOUNS.get(source.kind, "row"), per_user, int(totals["users"]), int(totals["rows"]),
                       total_money)
