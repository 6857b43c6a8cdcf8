"""Revenue (design §4): ARPU per period, historical revenue per customer and a simple, editable CLV.

Money in different currencies is never added up: every metric here refuses payments in more than one
currency, and :func:`payments_by_currency` splits them per currency or converts them with the rates the user
entered, so a caller has to choose one of the two honest answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from usagelens.analytics.encoding import as_text, utc_nanoseconds
from usagelens.analytics.engine_events import Events, LogEvents
from usagelens.analytics.errors import AnalysisError, missing_columns
from usagelens.analytics.eventlog import NS_PER_DAY, EventLog
from usagelens.analytics.periods import (
    DateLike,
    Period,
    check_period,
    day_range,
    day_range_within,
    period_of_day,
    period_start,
    user_periods,
)
from usagelens.model import ExchangeRates, currency_codes
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined


@dataclass(frozen=True)
class Payments:
    """A revenue export reduced to what the metrics need: user id (text), UTC time (ns), amount and, when
    the export names it, the currency of each payment (an upper-case code, ``""`` where blank)."""

    users: np.ndarray
    times: np.ndarray
    amounts: np.ndarray
    currencies: np.ndarray | None = None  # None: the export has no currency column

    @classmethod
    def from_frame(
        cls, frame: pd.DataFrame, *, user: str, time: str, amount: str, currency: str | None = None
    ) -> Payments:
        """Rows missing any of the three values are left out; amounts must be numbers (refunds negative)."""
        missing = [name for name in (user, time, amount, currency) if name and name not in frame.columns]
        if missing:
            raise missing_columns(missing)
        amounts = pd.to_numeric(frame[amount], errors="coerce").to_numpy(float)
        users = as_text(frame[user])
        times = utc_nanoseconds(frame[time], time)
        keep = users.notna().to_numpy(bool) & ~np.isnan(amounts) & (times != np.iinfo(np.int64).min)
        codes = currency_codes(frame[currency]).to_numpy(object)[keep] if currency else None
        return cls(users.to_numpy(object)[keep], times[keep], amounts[keep], codes)

    @property
    def days(self) -> np.ndarray:
        return self.times // NS_PER_DAY

    @property
    def currency_list(self) -> list[str]:
        """The distinct currency codes, sorted (empty when the export names no currency)."""
        return [] if self.currencies is None else sorted(set(self.currencies))

    def _where(self, keep: np.ndarray) -> Payments:
        return Payments(self.users[keep], self.times[keep], self.amounts[keep],
                        None if self.currencies is None else self.currencies[keep])

    def until(self, day: date) -> Payments:
        """The payments made on or before ``day`` (what the data said back then)."""
        return self._where(self.days <= np.datetime64(day, "D").astype(np.int64))

    def of_users(self, user_ids: np.ndarray) -> Payments:
        """Only the payments of the users ``user_ids`` names (a segment's, a cohort's)."""
        return self._where(np.isin(self.users, user_ids))

    def in_currency(self, code: str) -> Payments:
        """Only the payments made in ``code``."""
        if self.currencies is None:
            raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "the revenue export names no currency"))
        return self._where(self.currencies == code)

    def converted(self, rates: ExchangeRates) -> Payments:
        """Every amount times the rate of its currency, in the reporting currency; a currency without a rate
        is an error, never a silent 1:1."""
        codes = self.currency_list
        lacking = rates.missing(codes) if codes else [QT_TRANSLATE_NOOP("Analysis", "(no currency column)")]
        if lacking:
            said = QT_TRANSLATE_NOOP("Analysis", "no exchange rate into {currency} for {codes}") if rates.currency \
                else QT_TRANSLATE_NOOP("Analysis", "no exchange rate into a reporting currency for {codes}")
            raise AnalysisError(said.format(currency=rates.currency, codes=joined(lacking, ", ")))
        assert self.currencies is not None
        factors = {code: rates.rate(code) for code in codes}
        amounts = self.amounts * np.array([factors[c] for c in self.currencies], dtype=float)
        return Payments(self.users, self.times, amounts, np.full(len(amounts), rates.currency, dtype=object))

    def require_one_currency(self) -> str:
        """The one currency of these payments (``""`` when unnamed); several are an error, so no metric can
        add up dollars and euros."""
        codes = self.currency_list
        if len(codes) > 1:
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "Analysis", "the revenue is in {count} currencies ({codes}): split it per currency or convert it "
                            "with exchange rates first").format(
                count=len(codes), codes=joined([c or QT_TRANSLATE_NOOP("Analysis", "none") for c in codes], ", ")))
        return codes[0] if codes else ""


def payments_by_currency(payments: Payments, rates: ExchangeRates | None = None) -> dict[str, Payments]:
    """Payments in groups whose amounts may be added up, by currency code.

    All of them converted into the reporting currency when the user's rates cover every currency present;
    else one group when there is only one currency (key ``""`` when the export names none); else one group
    per currency.
    """
    codes = payments.currency_list
    if codes and rates is not None and not rates.missing(codes):
        return {rates.currency: payments.converted(rates)}
    if len(codes) <= 1:
        return {codes[0] if codes else "": payments}
    return {code: payments.in_currency(code) for code in codes}


def revenue_totals(payments: Payments) -> pd.DataFrame:
    """Revenue, number of payments and paying customers per currency, one row each and never a sum across.

    Columns: ``currency`` (``""`` when the export names none), ``revenue`` (float), ``payments`` and
    ``customers`` (int64).
    """
    codes = payments.currencies if payments.currencies is not None else np.full(len(payments.amounts), "")
    frame = pd.DataFrame({"currency": codes, "user": payments.users, "amount": payments.amounts})
    table = frame.groupby("currency", sort=True).agg(
        revenue=("amount", "sum"), payments=("amount", "size"), customers=("user", "nunique")
    )
    return table.astype({"payments": np.int64, "customers": np.int64}).reset_index()


def arpu(
    payments: Payments,
    log: EventLog,
    period: Period = "month",
    *,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """Average revenue per active user (and per paying user) in each period of the event log's range.

    Columns: ``period`` (datetime64 start), ``revenue`` (float), ``active_users`` (int64, from the event
    log), ``paying_users`` (int64), ``arpu`` (revenue ÷ active users), ``arppu`` (revenue ÷ paying users).
    """
    period = check_period(period)
    first, last = day_range(log, start, end)
    lo = int(period_of_day(np.array([first]), period)[0])
    _, active_numbers = user_periods(log, period, first, last)
    width = period_width(first, last, period)
    return per_active_user(payments, np.bincount(active_numbers - lo, minlength=width)[:width], period, first, last)


def events_arpu(payments: Payments, events: Events, period: Period, *, start: DateLike = None, end: DateLike = None,
                part: object | None = None) -> pd.DataFrame:
    """:func:`arpu` of payments kept in the project over events on either engine: the active users per period
    asked of the events' engine (one small query in a warehouse, which never receives the payments), the revenue
    summed here, over the events' days (the whole's for a cohort's members; or ``start`` to ``end``).
    ``part``: a segment's part of ``events.data`` (what :func:`~usagelens.analytics.compare_segments` hands its
    metric), counted over the same periods."""
    first, last = day_range_within(events.days(), start, end)
    data = events.data if part is None else part
    active = events.metrics.active_users(data, period, start=start, end=end)["active_users"].to_numpy(np.int64)
    return per_active_user(payments, active, period, first, last)


def period_width(first: int, last: int, period: Period) -> int:
    """How many periods the days ``first`` to ``last`` (numbers) overlap."""
    lo, hi = (int(p) for p in period_of_day(np.array([first, last]), period))
    return max(hi - lo + 1, 0)


def per_active_user(payments: Payments, active: np.ndarray, period: Period, first: int, last: int) -> pd.DataFrame:
    """:func:`arpu`'s table from the active users of each period the days ``first`` to ``last`` overlap (counted
    in memory, or asked of a warehouse where the events are) and the payments of those days."""
    payments.require_one_currency()
    lo = int(period_of_day(np.array([first]), period)[0])
    width = period_width(first, last, period)
    inside = (payments.days >= first) & (payments.days <= last)
    numbers = period_of_day(payments.days[inside], period) - lo
    # float even when no payment falls in the range (bincount of nothing is int64)
    revenue = np.bincount(numbers, weights=payments.amounts[inside], minlength=width)[:width].astype(np.float64)
    pairs = pd.DataFrame({"user": payments.users[inside], "period": numbers}).drop_duplicates()
    paying = np.bincount(pairs["period"].to_numpy(np.int64), minlength=width)[:width]
    active = np.asarray(active, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return pd.DataFrame(
            {
                "period": period_start(np.arange(lo, lo + width), period),
                "revenue": revenue,
                "active_users": active,
                "paying_users": paying.astype(np.int64),
                "arpu": np.where(active > 0, revenue / active, np.nan),
                "arppu": np.where(paying > 0, revenue / paying, np.nan),
            }
        )


def revenue_per_customer(payments: Payments) -> pd.DataFrame:
    """Historical revenue of each paying customer, largest first.

    Columns: ``user_id``, ``revenue`` (float), ``payments`` (int64), ``first_payment`` and
    ``last_payment`` (datetime64).
    """
    payments.require_one_currency()
    frame = pd.DataFrame({"user_id": payments.users, "amount": payments.amounts, "time": payments.times})
    table = frame.groupby("user_id", sort=True).agg(
        revenue=("amount", "sum"),
        payments=("amount", "size"),
        first_payment=("time", "min"),
        last_payment=("time", "max"),
    )
    for column in ("first_payment", "last_payment"):
        table[column] = table[column].astype("datetime64[ns]")
    table["payments"] = table["payments"].astype(np.int64)
    return table.sort_values("revenue", ascending=False, kind="stable").reset_index()


def churn_of_lifecycle(table: pd.DataFrame) -> float:
    """The churn rate a monthly lifecycle table shows (``active_users`` and the negative ``dormant`` counts,
    whichever path made it): users gone dormant ÷ users active the month before, over all months."""
    at_risk = int(table["active_users"].to_numpy()[:-1].sum())
    churned = int(-table["dormant"].to_numpy()[1:].sum())
    return churned / at_risk if at_risk > 0 else float("nan")


def simple_clv(
    *, arpu_per_month: float, gross_margin: float, churn_rate: float, sources: dict[str, str] | None = None
) -> pd.DataFrame:
    """CLV = ARPU × gross margin ÷ churn rate (monthly figures), with every parameter shown so the user
    can question and edit it.

    Columns: ``parameter`` (``arpu_per_month``, ``gross_margin``, ``monthly_churn_rate``, ``clv``),
    ``value`` (float), ``source`` ("given", "estimated" or "computed").
    """
    if not 0 < gross_margin <= 1:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "gross margin must be a fraction above 0 and at most 1"))
    if not churn_rate > 0:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "the churn rate must be above 0 for a lifetime value to exist"))
    sources = sources or {}
    names = ["arpu_per_month", "gross_margin", "monthly_churn_rate"]
    return pd.DataFrame(
        {
            "parameter": [*names, "clv"],
            "value": [arpu_per_month, gross_margin, churn_rate, arpu_per_month * gross_margin / churn_rate],
            "source": [*(sources.get(name, "given") for name in names), "computed"],
        }
    )


def estimated_clv(
    payments: Payments, log: EventLog, *, gross_margin: float, churn_rate: float | None = None
) -> pd.DataFrame:
    """:func:`simple_clv` with ARPU (mean over the log's months) and, unless given, the churn rate
    estimated from the data. Columns as :func:`simple_clv`."""
    return events_clv(payments, LogEvents(log), gross_margin=gross_margin, churn_rate=churn_rate)


def events_clv(
    payments: Payments, events: Events, *, gross_margin: float, churn_rate: float | None = None
) -> pd.DataFrame:
    """:func:`estimated_clv` over events on either engine (its monthly active users and lifecycle asked there,
    the payments summed here)."""
    monthly = events_arpu(payments, events, "month")
    mean_arpu = (
        float(monthly["revenue"].sum() / monthly["active_users"].sum()) if len(monthly) else float("nan")
    )
    sources = {"arpu_per_month": "estimated"}
    if churn_rate is None:
        churn_rate = churn_of_lifecycle(events.metrics.lifecycle(events.data, "month"))
        sources["monthly_churn_rate"] = "estimated"
    return simple_clv(
        arpu_per_month=mean_arpu, gross_margin=gross_margin, churn_rate=churn_rate, sources=sources
    )
