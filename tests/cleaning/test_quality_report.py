"""The quality report's numbers on hand-built tables whose answers are worked out in the comments."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from usagelens.cleaning import quality_report
from usagelens.cleaning.suspects import EventsPerUser, SuspectUser
from usagelens.model import Source, SourceKind


@pytest.fixture
def payments() -> Source:
    table = pd.DataFrame({
        "user": ["u1", "u2", "u3", "u3", "u4", "u5"],
        "plan": ["pro", " ", None, None, "team", "pro"],  # blank counts as missing
        "amount": [1.0, 2.0, 3.0, 3.0, 2.0, 100.0],  # fences 0.5..4.5: 100 is the one outlier
        "paid_at": pd.to_datetime(["2024-01-05", "2024-02-01", None, None, "2024-03-31 23:00", "2024-01-01"],
                                  format="ISO8601"),
        "refunded": [True, False, True, True, False, True],
    })  # row 3 repeats row 2
    roles = {"user_id": "user", "timestamp": "paid_at", "amount": "amount"}
    return Source("payments", SourceKind.REVENUE, table, roles=roles, failed_timestamps=2)


def test_column_table(payments):
    expected = pd.DataFrame({
        "column": ["user", "plan", "amount", "paid_at", "refunded"],
        "type": ["text", "text", "number", "date", "yes-no"],
        "missing": [0, 3, 0, 2, 0],
        "missing_share": [0.0, 0.5, 0.0, 2 / 6, 0.0],
        "distinct": [5, 2, 4, 4, 2],
    })
    assert_frame_equal(quality_report(payments).column_table(), expected)


def test_summary_of_a_revenue_export(payments):
    report = quality_report(payments)
    assert report.duplicate_rows == 1
    assert [(o.column, o.low_fence, o.high_fence, o.beyond_fences, o.robust_z) for o in report.outliers] == [
        ("amount", 0.5, 4.5, 1, 1)
    ]
    assert report.summary_rows() == [
        ("Rows", "6"),
        ("Columns", "5"),
        ("Duplicate rows", "1 (16.7%)"),
        ("Missing values", "5 cells (16.7%) in 2 columns"),
        ("Date range", "2024-01-01 – 2024-03-31"),
        ("Unparseable timestamps", "2"),
        ("Outliers", "amount (1)"),
    ]


def test_a_clean_table_reports_nothing_wrong():
    """Nothing found reads "0" on every line (step 3 said "None" beside "0" for the same thing)."""
    table = pd.DataFrame({"user": ["a", "b"], "plan": ["pro", "team"]})
    report = quality_report(Source("c", SourceKind.CUSTOMERS, table, roles={"user_id": "user"}))
    assert report.summary_rows() == [
        ("Rows", "2"), ("Columns", "2"), ("Duplicate rows", "0"), ("Missing values", "0"),
        ("Outliers", "0"),
    ]


@pytest.fixture
def events() -> Source:
    """Ten ordinary users with 2 events (a has a duplicated third), an own-domain user, a bot, a demo user."""
    rows = []
    for i, user in enumerate("abcdefghij"):
        rows += [(user, f"2024-01-{i + 1:02d}", "view", f"{user}@shop.com"),
                 (user, f"2024-01-{i + 1:02d} 10:00", "click", f"{user}@shop.com")]
    rows.append(rows[0])
    rows += [("k", "2024-02-01", "view", "k@acme.io"), ("k", "2024-02-02", "view", None)]
    rows += [("zz", f"2024-03-01 00:{m:02d}", "view", "bot@shop.com") for m in range(40)]
    rows.append(("demo_1", "2024-03-02", "view", "Demo@gmail.com"))
    table = pd.DataFrame(rows, columns=["user", "time", "event", "email"])
    table["time"] = pd.to_datetime(table["time"], format="ISO8601")
    roles = {"user_id": "user", "timestamp": "time", "event": "event"}
    return Source("log", SourceKind.EVENTS, table, roles=roles)


def test_events_per_user_and_suspects(events):
    report = quality_report(events, own_domains=["acme.io"])
    # counts: a 3, b..j and k 2, zz 40, demo_1 1 -> median 2, p90 between the 11th (2) and 12th (3) value
    spread = EventsPerUser(users=13, min=1, median=2.0, p90=pytest.approx(2.8), max=40)
    assert report.events_per_user == spread
    # shop.com covers 11 of 13 users: that is the customer base, not an outsized internal domain
    # zz's volume alone makes it unusually active, listed after the likely test accounts and not counted as one
    assert report.suspects == [
        SuspectUser("demo_1", 1, ("user id contains 'demo'", "email contains 'demo'")),
        SuspectUser("k", 2, ("email at acme.io (your own domain)",)),
        SuspectUser("zz", 40, ("40 events (20× the median user)",), likely=False),
    ]
    assert (report.suspect_total, report.unusually_active) == (2, 1)
    assert ("Suspected test/internal users", "2") in report.summary_rows()
    assert ("Unusually active users", "1") in report.summary_rows()
    assert ("Events per user", "median 2, 90% up to 3 (min 1, max 40)") in report.summary_rows()
    assert report.date_range == (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-03-02"))


def test_suspect_list_is_capped_but_counted(events):
    report = quality_report(events, own_domains=["acme.io"], max_suspects=1)
    assert [s.user_id for s in report.suspects] == ["demo_1"]
    assert (report.suspect_total, report.unusually_active) == (2, 1)


def test_a_company_domain_shared_by_a_large_minority_is_suspicious():
    emails = [f"p{i}@team.io" for i in range(5)] + [f"c{i}@client{i}.com" for i in range(5)]
    table = pd.DataFrame({"id": [f"u{i}" for i in range(10)], "email": emails})
    report = quality_report(Source("c", SourceKind.CUSTOMERS, table, roles={"user_id": "id"}))
    assert [s.user_id for s in report.suspects] == ["u0", "u1", "u2", "u3", "u4"]
    assert report.suspects[0].reasons == ("email at team.io, the domain of 50% of users",)
    assert report.events_per_user is None


def test_report_on_the_cleaned_table(events):
    cleaned = events.table.drop_duplicates()
    assert quality_report(events, table=cleaned).duplicate_rows == 0
    assert quality_report(events).duplicate_rows == 1
