"""Money as step 4 and the report state it: what currency the amounts are in, and revenue per currency with one
converted total only where the user's exchange rates cover every currency.

One wording for both, so the report never says "converted" where the page says "kept apart".
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from usagelens.analytics import Payments, revenue_totals
from usagelens.model import ExchangeRates
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, joined


def converts(codes: list[str], rates: ExchangeRates) -> bool:
    """Whether the rates turn payments in ``codes`` into another total than the one they already are."""
    return bool(codes) and not rates.missing(codes) and codes != [rates.currency]


def _names(codes: list[str]) -> str:
    return joined((c or QT_TRANSLATE_NOOP("Money", "blank") for c in codes), ", ")


def currency_line(codes: list[str], rates: ExchangeRates) -> str:
    """What the amounts are in: one currency, converted at the project's rates (which are named), or several
    kept apart (naming the rates still missing); empty when the export names no currency."""
    if not any(codes):
        return ""
    if converts(codes, rates):
        named = [c for c in codes if c != rates.currency]
        shown = joined((Phrase("", "1 {code} = {rate:g} {currency}",
                               {"code": c, "rate": rates.rate(c), "currency": rates.currency}) for c in named), ", ")
        note = Phrase("", " ({note})", {"note": rates.note}) if rates.note else ""
        return QT_TRANSLATE_NOOP("Money", "Revenue in {codes} converted to {currency} at the project's exchange "
                                          "rates: {rates}{note}.").format(codes=_names(codes), currency=rates.currency,
                                                                          rates=shown, note=note)
    if len(codes) == 1:
        return QT_TRANSLATE_NOOP("Money", "All revenue is in {code}.").format(code=codes[0])
    missing = QT_TRANSLATE_NOOP("Money", " (no rate into {currency} for {codes})").format(
        currency=rates.currency, codes=_names(rates.missing(codes))) if rates.currency else ""
    return QT_TRANSLATE_NOOP("Money", "Revenue comes in {count} currencies ({codes}) and is never added up across "
                                      "them{missing}.").format(count=len(codes), codes=_names(codes), missing=missing)


@dataclass(frozen=True)
class RevenueSummary:
    """Revenue as billed, per currency, and (only where the rates allow) one total in the reporting currency."""

    by_currency: pd.DataFrame  # ``revenue_totals``: currency, revenue, payments, customers
    total: pd.DataFrame | None  # the same for the converted payments: one row in the reporting currency
    line: str  # ``currency_line``


def revenue_summary(payments: Payments, rates: ExchangeRates) -> RevenueSummary:
    codes = payments.currency_list
    total = revenue_totals(payments.converted(rates)) if converts(codes, rates) else None
    return RevenueSummary(revenue_totals(payments), total, currency_line(codes, rates))
