"""Money is never summed across currencies: revenue metrics refuse mixed payments, and payments are either
split per currency or converted with the user's rates, applied exactly."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.analytics import AnalysisError
from usagelens.analytics.revenue import (
    Payments,
    arpu,
    estimated_clv,
    payments_by_currency,
    revenue_per_customer,
    revenue_totals,
)
from usagelens.model import ExchangeRates

EVENTS = [("a", "2024-01-05", "x"), ("b", "2024-01-06", "x"), ("c", "2024-02-03", "x")]
MIXED = pd.DataFrame(
    {
        "customer": ["a", "a", "b", "c", "c"],
        "paid_at": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-01-06", "2024-02-03", "2024-02-03"]),
        "amount": [10.0, 5.0, 20.0, 30.0, 8.0],
        "currency": ["USD", " usd", "EUR", "GBP", "USD"],
    }
)
RATES = ExchangeRates("EUR", {"USD": 0.5, "GBP": 1.25}, "made-up rates, exact in binary")


def _mixed() -> Payments:
    return Payments.from_frame(MIXED, user="customer", time="paid_at", amount="amount", currency="currency")


def test_codes_are_normalised_and_listed() -> None:
    assert _mixed().currency_list == ["EUR", "GBP", "USD"]
    assert Payments.from_frame(MIXED, user="customer", time="paid_at", amount="amount").currency_list == []


@pytest.mark.parametrize(
    "metric",
    [
        lambda p, log: arpu(p, log, "month"),
        lambda p, log: revenue_per_customer(p),
        lambda p, log: estimated_clv(p, log, gross_margin=0.5, churn_rate=0.1),
    ],
)
def test_metrics_refuse_mixed_currencies(metric, log_from) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AnalysisError, match="3 currencies"):
        metric(_mixed(), log_from(EVENTS))


def test_without_rates_each_currency_keeps_its_own_sum(log_from) -> None:
    groups = payments_by_currency(_mixed())
    assert list(groups) == ["EUR", "GBP", "USD"]
    revenue = {code: arpu(p, log_from(EVENTS), "month")["revenue"].tolist() for code, p in groups.items()}
    assert revenue == {"EUR": [20.0, 0.0], "GBP": [0.0, 30.0], "USD": [15.0, 8.0]}
    totals = revenue_totals(_mixed())
    assert totals.values.tolist() == [["EUR", 20.0, 1, 1], ["GBP", 30.0, 1, 1], ["USD", 23.0, 3, 2]]


def test_incomplete_rates_convert_nothing() -> None:
    partial = ExchangeRates("EUR", {"USD": 0.5})  # no GBP rate
    assert list(payments_by_currency(_mixed(), partial)) == ["EUR", "GBP", "USD"]
    assert partial.missing(["EUR", "GBP", "USD"]) == ["GBP"]
    with pytest.raises(AnalysisError, match="GBP"):
        _mixed().converted(partial)
    assert list(payments_by_currency(_mixed(), ExchangeRates("", {"USD": 0.5, "GBP": 1.25}))) == [
        "EUR", "GBP", "USD"
    ]  # rates without a reporting currency are not rates into anything


def test_rates_are_applied_exactly(log_from) -> None:
    groups = payments_by_currency(_mixed(), RATES)
    assert list(groups) == ["EUR"]
    converted = groups["EUR"]
    assert converted.amounts.tolist() == [10.0 * 0.5, 5.0 * 0.5, 20.0, 30.0 * 1.25, 8.0 * 0.5]
    assert set(converted.currencies) == {"EUR"}
    table = arpu(converted, log_from(EVENTS), "month")
    assert table["revenue"].tolist() == [5.0 + 2.5 + 20.0, 37.5 + 4.0]
    assert revenue_totals(converted).values.tolist() == [["EUR", 69.0, 5, 3]]


def test_realistic_rates_are_amount_times_rate() -> None:
    rates = ExchangeRates("EUR", {"USD": 0.9234, "GBP": 1.1712})
    converted = _mixed().converted(rates)
    expected = [10.0 * 0.9234, 5.0 * 0.9234, 20.0, 30.0 * 1.1712, 8.0 * 0.9234]
    assert converted.amounts.tolist() == expected  # the same floating-point products, no rounding


def test_one_currency_needs_no_rates_and_a_reporting_currency_converts_it(log_from) -> None:
    dollars = _mixed().in_currency("USD")
    assert list(payments_by_currency(dollars)) == ["USD"]
    assert arpu(dollars, log_from(EVENTS), "month")["revenue"].tolist() == [15.0, 8.0]
    assert payments_by_currency(dollars, RATES)["EUR"].amounts.tolist() == [5.0, 2.5, 4.0]


def test_an_export_without_currencies_is_one_unnamed_group() -> None:
    plain = Payments.from_frame(MIXED, user="customer", time="paid_at", amount="amount")
    assert list(payments_by_currency(plain, RATES)) == [""]
    assert revenue_totals(plain).values.tolist() == [["", 73.0, 5, 3]]


def test_a_blank_currency_is_its_own_unknown_currency() -> None:
    frame = MIXED.assign(currency=["USD", None, "USD", "", "USD"])
    payments = Payments.from_frame(frame, user="customer", time="paid_at", amount="amount", currency="currency")
    assert payments.currency_list == ["", "USD"]
    assert list(payments_by_currency(payments, RATES)) == ["", "USD"]
