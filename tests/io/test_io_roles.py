"""Kind and role guesses for the headers of common analytics, CRM and survey exports."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.io import guess_kind, guess_roles, guess_score_scale
from usagelens.model.entities import SourceKind


def frame(columns: list[str], rows: int = 4) -> pd.DataFrame:
    return pd.DataFrame(
        {column: pd.Series([f"{column}{i}" for i in range(rows)], dtype="str") for column in columns}
    )


@pytest.mark.parametrize(
    ("columns", "kind", "roles"),
    [
        (
            ["event", "distinct_id", "time", "$insert_id", "mp_country_code"],  # Mixpanel
            SourceKind.EVENTS,
            {"user_id": "distinct_id", "timestamp": "time", "event": "event"},
        ),
        (
            [
                "amplitude_id",
                "user_id",
                "device_id",
                "event_type",
                "event_time",
                "client_event_time",
            ],  # Amplitude
            SourceKind.EVENTS,
            {"user_id": "user_id", "timestamp": "event_time", "event": "event_type"},
        ),
        (
            ["anonymousId", "userId", "event", "timestamp", "receivedAt"],  # Segment
            SourceKind.EVENTS,
            {"user_id": "userId", "timestamp": "timestamp", "event": "event"},
        ),
        (
            ["Customer ID", "Email", "Plan", "Country", "Signup Date", "MRR"],  # CRM
            SourceKind.CUSTOMERS,
            {"user_id": "Customer ID", "signup_date": "Signup Date"},
        ),
        (
            ["respondent_id", "submitted_at", "NPS Score", "Comment"],  # survey tool
            SourceKind.FEEDBACK,
            {
                "user_id": "respondent_id",
                "timestamp": "submitted_at",
                "score": "NPS Score",
                "comment": "Comment",
            },
        ),
        (
            ["order_id", "customer_id", "order_date", "total", "currency"],  # shop orders
            SourceKind.REVENUE,
            {"user_id": "customer_id", "timestamp": "order_date", "amount": "total", "currency": "currency"},
        ),
        (
            ["Date", "Event name", "Event count", "Total users"],  # a GA4 exploration: counts, no user
            SourceKind.METRICS,
            {"timestamp": "Date"},
        ),
        (
            ["transaction_id", "user_id", "purchase_date", "dollar_value"],  # purchase records
            SourceKind.REVENUE,
            {"user_id": "user_id", "timestamp": "purchase_date", "amount": "dollar_value"},
        ),
    ],
)
def test_typical_headers(columns: list[str], kind: SourceKind, roles: dict[str, str]) -> None:
    table = frame(columns)
    if "score" in roles:  # a score column is one by its values
        table[roles["score"]] = pd.Series(["9", "7", "10", "3"], dtype="str")
    assert guess_kind(columns) is kind
    assert guess_kind(columns, table) is kind
    assert guess_roles(kind, table) == roles


def test_ga4_prefers_filled_pseudo_id_over_empty_user_id() -> None:
    columns = ["event_date", "event_timestamp", "event_name", "user_pseudo_id", "user_id"]
    table = frame(columns)
    table["user_id"] = pd.Series([None] * 4, dtype="str")
    assert guess_kind(columns) is SourceKind.EVENTS
    assert guess_roles(SourceKind.EVENTS, table) == {
        "user_id": "user_pseudo_id",
        "timestamp": "event_timestamp",
        "event": "event_name",
    }


def test_roles_from_values_when_names_say_nothing() -> None:
    table = pd.DataFrame(
        {
            "a": pd.Series(["u1", "u2", "u3", "u4"], dtype="str"),
            "b": pd.Series(["2024-01-01 10:00", "2024-01-02", "2024-01-03", "2024-01-04"], dtype="str"),
            "c": pd.Series(["login", "login", "buy", "login"], dtype="str"),
        }
    )
    assert guess_roles(SourceKind.EVENTS, table) == {"user_id": "a", "timestamp": "b", "event": "c"}


def test_score_scale() -> None:
    assert guess_score_scale(pd.Series([0, 7, 10, 9])) == "nps"
    assert guess_score_scale(pd.Series([1, 5, 3])) == "csat"
    assert guess_score_scale(pd.Series(["4", "5", None])) == "csat"
    assert guess_score_scale(pd.Series([2.5, 4])) is None
    assert guess_score_scale(pd.Series([0, 55])) is None
