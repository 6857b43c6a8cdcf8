"""Suspected test users: purchase-heavy users are never flagged on their volume alone, event-log users who are
only unusually active are a note and not a likely test account, and an exclusion states the shares that go."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.cleaning.exclusion import user_weights
from usagelens.cleaning.quality import quality_report
from usagelens.model import Source, SourceKind

# 40 ordinary customers with one or two purchases each, and three best customers with 60 to 80 each
CUSTOMERS = [(f"c{i:02}", 1 + i % 2, 20.0) for i in range(40)] + [("big1", 60, 50.0), ("big2", 70, 50.0),
                                                                   ("big3", 80, 50.0)]


def _purchases() -> pd.DataFrame:
    rows = [(user, pd.Timestamp("2024-01-01") + pd.Timedelta(days=k), amount, "USD" if k % 2 else "EUR")
            for user, n, amount in CUSTOMERS for k in range(n)]
    return pd.DataFrame(rows, columns=["customer", "paid_at", "amount", "currency"])


def _revenue_source(table: pd.DataFrame) -> Source:
    roles = {"user_id": "customer", "timestamp": "paid_at", "amount": "amount", "currency": "currency"}
    return Source("orders", SourceKind.REVENUE, table, roles=roles)


def _purchase_events(table: pd.DataFrame) -> Source:
    """The same purchases exported as an event log (event "purchase")."""
    events = table.assign(event="purchase")[["customer", "paid_at", "event"]]
    return Source("shop", SourceKind.EVENTS, events,
                  roles={"user_id": "customer", "timestamp": "paid_at", "event": "event"})


def test_purchase_heavy_customers_are_not_suspects_in_revenue_data() -> None:
    report = quality_report(_revenue_source(_purchases()))
    assert report.suspects == [] and report.suspect_total == 0 and report.unusually_active == 0


def test_in_an_event_log_volume_alone_is_only_a_note() -> None:
    report = quality_report(_purchase_events(_purchases()))
    assert {s.user_id for s in report.suspects} == {"big1", "big2", "big3"}
    assert not any(s.likely for s in report.suspects)
    assert (report.suspect_total, report.unusually_active) == (0, 3)
    assert report.suspects[0].reasons == ("80 events (40× the median user)",)


def test_a_test_name_stays_a_likely_suspect_whatever_its_volume() -> None:
    table = _purchases()
    table.loc[table["customer"] == "big3", "customer"] = "test_buyer"
    report = quality_report(_purchase_events(table))
    assert [(s.user_id, s.likely) for s in report.suspects] == [("test_buyer", True), ("big2", False),
                                                                ("big1", False)]
    assert report.suspects[0].reasons == ("user id contains 'test'", "80 events (40× the median user)")


def test_excluding_states_the_share_of_users_payments_and_each_currency() -> None:
    table = _purchases()
    weights = user_weights(_revenue_source(table), table, ["big1", "big2", "big3", "c00"])
    assert weights is not None
    text = weights.describe(["big3", "big2"])
    payments = 70 + 80
    eur = table[table["currency"] == "EUR"]
    eur_big = eur.loc[eur["customer"].isin(["big2", "big3"]), "amount"].sum()
    assert text.startswith(f"2 users ({2 / 43:.1%} of 43) with {payments} of {len(table):,} payments "
                           f"({payments / len(table):.1%}), paying ")
    assert f"{eur_big / eur['amount'].sum():.1%} of the EUR revenue ({eur_big:,.2f} of " in text
    assert "of the USD revenue" in text
    assert "of the revenue" not in text  # the shares are per currency, never of a sum across them


def test_excluding_from_an_event_log_states_the_share_of_events() -> None:
    table = _purchases()
    source = _purchase_events(table)
    weights = user_weights(source, source.table, ["big3"])
    assert weights is not None
    assert weights.describe(["big3"]) == f"1 user ({1 / 43:.1%} of 43) with 80 of {len(table):,} events " \
                                         f"({80 / len(table):.1%})."


def test_a_revenue_export_without_currency_has_one_revenue_share() -> None:
    table = _purchases().drop(columns="currency")
    source = _revenue_source(table)
    source.roles.pop("currency")
    weights = user_weights(source, table, ["big1"])
    assert weights is not None
    share = 60 * 50.0 / table["amount"].sum()
    assert weights.describe(["big1"]).endswith(f"paying {share:.1%} of the revenue (3,000.00 of "
                                               f"{table['amount'].sum():,.2f}).")


@pytest.mark.parametrize("kind", [SourceKind.CUSTOMERS, SourceKind.FEEDBACK])
def test_other_sources_count_rows_only(kind: SourceKind) -> None:
    table = pd.DataFrame({"id": ["a", "a", "b", "c"]})
    weights = user_weights(Source("s", kind, table, roles={"user_id": "id"}), table, ["a"])
    assert weights is not None and "paying" not in weights.describe(["a"])
    assert weights.describe(["a"]).startswith("1 user (33.3% of 3) with 2 of 4 ")
