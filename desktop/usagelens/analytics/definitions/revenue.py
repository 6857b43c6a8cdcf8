"""Revenue (design §4) as Ibis definitions: ARPU and ARPPU per period, and the simple CLV estimated from them.

Payments are read through a *revenue view* (:func:`revenue_view`): ``user_id`` (text), ``ts`` (naive UTC,
as the standard view), ``amount`` (float64, refunds negative) and optionally ``currency`` (an upper-case
code, ``""`` where blank). The backend returns per-period sums and distinct-user counts; the client puts
them on the period grid of the event log's range and divides, so a backend's division or date rules never
change a number. Money in several currencies is refused, as by :mod:`usagelens.analytics.revenue`: a caller
splits the view per currency (a filter on ``currency``) or converts it before asking.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.activity import lifecycle
from usagelens.analytics.definitions.view import (
    TIME,
    TIMESTAMP,
    USER,
    as_text,
    facts,
    fetch,
    grid_starts,
    on_grid,
    period_grid,
    period_numbers,
    period_of,
    within_days,
)
from usagelens.analytics.errors import missing_columns
from usagelens.analytics.periods import DateLike, Period, check_period
from usagelens.analytics.revenue import Payments, churn_of_lifecycle, simple_clv

AMOUNT, CURRENCY = "amount", "currency"


def revenue_view(table: ir.Table, *, user: str, time: str, amount: str, currency: str | None = None) -> ir.Table:
    """``table`` (a revenue export) as the revenue view, read by the rules of :meth:`Payments.from_frame`.

    Rows missing a user (or with a blank one), a time or a numeric amount are left out; text amounts are
    read as numbers where they are one. A zoned time column becomes UTC by the cast, as in the standard view.
    """
    missing = [name for name in dict.fromkeys([user, time, amount, currency]) if name and name not in table.columns]
    if missing:
        raise missing_columns(missing)
    value = table[amount]
    columns: dict[str, ir.Value] = {
        USER: as_text(table[user]),
        TIME: table[time].cast(TIMESTAMP),
        AMOUNT: value.try_cast("float64") if value.type().is_string() else value.cast("float64"),
    }
    if currency is not None:
        code = table[currency].cast("string").strip().upper()
        columns[CURRENCY] = code.fill_null("")
    view = table.select(**columns)
    return view.filter(view[USER].notnull(), view[USER].strip() != "", view[TIME].notnull(), view[AMOUNT].notnull())


def require_one_currency(revenue: ir.Table) -> None:
    """Raise the numpy path's error when the payments are in more than one currency (one query, only when
    the view names its currency)."""
    if CURRENCY not in revenue.columns:
        return
    codes = fetch(revenue.select(CURRENCY).distinct())[CURRENCY].to_numpy(object)
    # the numpy path's own check and message, asked of the currencies present
    Payments(np.empty(0, object), np.empty(0, np.int64), np.empty(0), codes).require_one_currency()


def arpu_definition(revenue: ir.Table, events: ir.Table, period: Period, days: tuple[int, int]) -> ir.Table:
    """``period`` (start date), ``active_users`` (distinct users of the events), ``revenue`` (sum of the
    payments) and ``paying_users`` (distinct payers), one row per period with activity or payments in the
    day range; the missing side of a row is null."""
    rows = within_days(events, days)
    active = rows.select(USER, period=period_of(rows[TIME], period)).distinct()
    active = active.group_by("period").aggregate(active_users=active.count())
    paid = within_days(revenue, days)
    per_payer = paid.group_by([USER, period_of(paid[TIME], period).name("period")]).aggregate(amount=paid[AMOUNT].sum())
    payments = per_payer.group_by("period").aggregate(revenue=per_payer.amount.sum(), paying_users=per_payer.count())
    joined = active.outer_join(payments, active.period == payments.period)
    return joined.select(
        period=ibis.coalesce(active.period, payments.period),
        active_users=active.active_users,
        revenue=payments.revenue,
        paying_users=payments.paying_users,
    )


def shape_arpu(result: pd.DataFrame, period: Period, days: tuple[int, int]) -> pd.DataFrame:
    """Every period of the range's grid, as :func:`usagelens.analytics.arpu` lays it out: zeros where
    nobody was active or paid, NaN rates where there is nobody to divide by."""
    lo, width = period_grid(days, period)
    numbers = period_numbers(result["period"], period)
    index = numbers - lo
    revenue = np.bincount(index, weights=result["revenue"].fillna(0.0).to_numpy(float), minlength=width)[:width]
    revenue = revenue.astype(np.float64)  # bincount of nothing is int64
    active = on_grid(numbers, result["active_users"].fillna(0).to_numpy(np.int64), lo, width)
    paying = on_grid(numbers, result["paying_users"].fillna(0).to_numpy(np.int64), lo, width)
    with np.errstate(divide="ignore", invalid="ignore"):
        return pd.DataFrame(
            {
                "period": grid_starts(lo, width, period),
                "revenue": revenue,
                "active_users": active,
                "paying_users": paying,
                "arpu": np.where(active > 0, revenue / active, np.nan),
                "arppu": np.where(paying > 0, revenue / paying, np.nan),
            }
        )


def arpu(
    revenue: ir.Table,
    view: ir.Table,
    period: Period = "month",
    *,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.arpu`, over a revenue view and a standard view (the event log, whose
    range and active users count)."""
    require_one_currency(revenue)
    period = check_period(period)
    days = facts(view, start, end).days
    return shape_arpu(fetch(arpu_definition(revenue, view, period, days)), period, days)


def estimated_clv(
    revenue: ir.Table, view: ir.Table, *, gross_margin: float, churn_rate: float | None = None
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.estimated_clv`: ARPU per month over the log's months and, unless given,
    the monthly churn rate of the lifecycle definition (the share of a month's active users not active the
    next, weighted by the users at risk)."""
    monthly = arpu(revenue, view, "month")
    mean_arpu = float(monthly["revenue"].sum() / monthly["active_users"].sum()) if len(monthly) else float("nan")
    sources = {"arpu_per_month": "estimated"}
    if churn_rate is None:
        churn_rate, sources["monthly_churn_rate"] = churn_of_lifecycle(lifecycle(view, "month")), "estimated"
    return simple_clv(arpu_per_month=mean_arpu, gross_margin=gross_margin, churn_rate=churn_rate, sources=sources)
