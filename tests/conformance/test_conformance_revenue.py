"""Revenue (ARPU, ARPPU, estimated CLV) through every executor: the same table as the reference, or the same error.

A revenue metric reads two inputs: the payments and the event log (whose range and active users it divides
by). The numpy path gets :class:`~usagelens.analytics.Payments` and an ``EventLog``; the definitions get a
revenue view (:func:`~usagelens.analytics.definitions.revenue.revenue_view`) over the payments stored on the
same engine as the events' standard view. Hand-made payments carry the edge cases (refunds, a period whose
refunds exceed its payments, a payer with one payment, payments at the same instant, payers never active,
rows without a user, time or amount, currencies written two ways or mixed, no payments at all); a
hypothesis property checks random ones.
"""

from __future__ import annotations

import uuid

import ibis
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from cases import CASES
from executors import EXECUTORS, KNOWN_DIFFERENCES, NUMPY, REFERENCE, Executor, assert_same
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usagelens.analytics import AnalysisError, Payments
from usagelens.analytics.definitions.revenue import revenue_view

COLUMNS = {"user": "user_id", "time": "timestamp", "amount": "amount"}
SCHEMA = pa.schema(
    [("user_id", pa.string()), ("timestamp", pa.timestamp("us")), ("amount", pa.float64()), ("currency", pa.string())]
)


def payments(rows: list[tuple[str | None, str | None, float | None, str | None]]) -> pd.DataFrame:
    """``rows`` are ``(user, "YYYY-MM-DD HH:MM[:SS]", amount, currency)``; None is a missing value."""
    table = pd.DataFrame(rows, columns=["user_id", "timestamp", "amount", "currency"]).astype(
        {"user_id": object, "currency": object, "amount": float}
    )
    table["timestamp"] = pd.to_datetime(table["timestamp"], format="ISO8601").astype("datetime64[us]")
    return table


PAYMENTS = {
    # a refund that cancels a payment, a payer with one payment, two payments at one instant, a payer who was
    # never active, a payment before the events begin, rows missing their user, time or amount
    "mixed": payments(
        [
            ("a", "2024-03-04 10:00", 10.0, "EUR"),
            ("a", "2024-03-05 08:00", -10.0, "EUR"),
            ("b", "2024-03-05 09:00", 5.5, "EUR"),
            ("c", "2024-03-05 12:00", 3.0, " eur"),
            ("c", "2024-03-05 12:00", 4.0, "eur"),
            ("ghost", "2024-03-05 13:00", 0.1, "EUR"),
            ("a", "2024-02-01 10:00", 99.0, "EUR"),
            (None, "2024-03-04 11:00", 7.0, "EUR"),
            (" ", "2024-03-04 11:00", 7.0, "EUR"),
            ("b", None, 7.0, "EUR"),
            ("b", "2024-03-04 11:00", None, "EUR"),
        ]
    ),
    # refunds exceed the payments in February; ids that differ only as text
    "refunds": payments(
        [
            ("x", "2021-01-04 00:00", 100.0, None),
            ("x", "2021-02-03 00:00", -150.0, None),
            ("y", "2021-02-10 00:00", 19.99, None),
            ("007", "2021-01-05 00:00", 1.0, None),
            ("7", "2021-01-05 00:00", 2.0, None),
        ]
    ),
    # the last second before the Unix epoch and the first moment of it are different days
    "epoch": payments([("p", "1969-12-31 23:59:59", 3.0, None), ("q", "1970-01-01 00:00", 1.0, None)]),
    "two_currencies": payments([("a", "2024-03-04 10:00", 10.0, "EUR"), ("b", "2024-03-05 10:00", 8.0, "USD")]),
    "none": payments([]),
}

# (payments, events case, metric, args, kwargs)
CALLS = [
    ("mixed", "ties", "arpu", ("day",), {}),
    ("mixed", "ties", "arpu", ("week",), {}),
    ("mixed", "ties", "arpu", ("month",), {"start": "2024-02-01", "end": "2024-03-04"}),
    ("mixed", "ties", "arpu", ("fortnight",), {}),
    ("mixed", "ties", "arpu", ("day",), {"start": "2024-03-06", "end": "2024-03-05"}),
    ("refunds", "calendar", "arpu", ("month",), {}),
    ("refunds", "calendar", "arpu", ("week",), {}),
    ("epoch", "epoch", "arpu", ("day",), {}),
    ("refunds", "ids", "arpu", ("month",), {}),
    ("refunds", "empty", "arpu", ("week",), {}),
    ("refunds", "empty", "arpu", ("month",), {}),
    ("two_currencies", "ties", "arpu", ("day",), {}),
    ("none", "ties", "arpu", ("day",), {}),
    ("none", "empty", "arpu", ("month",), {}),
    ("refunds", "calendar", "estimated_clv", (), {"gross_margin": 0.7}),
    ("refunds", "calendar", "estimated_clv", (), {"gross_margin": 0.7, "churn_rate": 0.05}),
    ("mixed", "single", "estimated_clv", (), {"gross_margin": 1.0}),
    ("mixed", "ties", "estimated_clv", (), {"gross_margin": 0.5}),
    ("mixed", "ties", "estimated_clv", (), {"gross_margin": 0.0}),
    ("refunds", "empty", "estimated_clv", (), {"gross_margin": 0.5}),
    ("two_currencies", "ties", "estimated_clv", (), {"gross_margin": 0.5}),
]
# (payments, case, call index) -> {column: values}: worked out by hand
PINS = {
    0: {  # the refund cancels a's payment; c's two payments at one instant are one paying user; ghost pays
        "revenue": [10.0, 2.6],
        "active_users": [2, 2],
        "paying_users": [1, 4],
    },
    5: {"revenue": [0.0, 103.0, -130.01, 0.0], "paying_users": [0, 3, 2, 0]},  # Dec 2020 … Mar 2021
    7: {"revenue": [0.0, 0.0, 0.0, 3.0, 1.0, 0.0, 0.0, 0.0, 0.0]},  # 1969-12-28 … 1970-01-05
    9: {"revenue": [0.0], "active_users": [0], "paying_users": [0]},  # no events: one empty week (of 1970-01-01)
}


def _table(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, schema=SCHEMA, preserve_index=False)


def _payments(executor: Executor, frame: pd.DataFrame, events: object) -> object:
    """The payments as ``executor`` reads them; a database's on the backend that holds ``events``."""
    currency = "currency" if frame["currency"].notna().any() else None
    if executor is NUMPY:
        return Payments.from_frame(frame, **COLUMNS, currency=currency)
    backend = ibis.get_backend(events)
    table = _table(frame)
    if hasattr(backend, "upload"):  # chdb: its own way of storing an Arrow table
        stored = backend.upload(table)
    else:
        stored = backend.create_table(f"payments_{uuid.uuid4().hex}", table, temp=True)
    return revenue_view(stored, **COLUMNS, currency=currency)


def run_revenue(
    executor: Executor,
    payments_frame: pd.DataFrame,
    events_frame: pd.DataFrame,
    metric: str,
    *args: object,
    **kwargs: object,
) -> object:
    """The metric's table on ``executor``, or the :class:`AnalysisError` it raised (errors must agree too)."""
    events = executor.load(events_frame, ["plan"])
    try:
        return getattr(executor.metrics, metric)(_payments(executor, payments_frame, events), events, *args, **kwargs)
    except AnalysisError as error:
        return error


_reference: dict[int, object] = {}


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize("index", range(len(CALLS)), ids=lambda i: f"{CALLS[i][2]}-{CALLS[i][0]}-{CALLS[i][1]}-{i}")
def test_revenue_conforms(executor: Executor, index: int) -> None:
    name, case, metric, args, kwargs = CALLS[index]
    call = (PAYMENTS[name], CASES[case], metric, *args)
    known = [
        f"{executor.name}, {metric}: {difference.reason}"
        for difference in KNOWN_DIFFERENCES
        if difference.executor == executor.name and any(difference.covers(f, metric, args, kwargs) for f in call[:2])
    ]
    if known:  # as executors.run does for a hand-made case: an expected failure, with the reason
        pytest.xfail("; ".join(known))
    if index not in _reference:
        _reference[index] = run_revenue(REFERENCE, *call, **kwargs)
    want = _reference[index]
    got = want if executor is REFERENCE else run_revenue(executor, *call, **kwargs)
    assert_same(got, want, f"{metric}{args} {kwargs} of {name!r} on {case!r}, {executor} vs {REFERENCE}")
    for column, values in PINS.get(index, {}).items():
        assert isinstance(got, pd.DataFrame), got
        assert np.allclose(got[column].to_numpy(float), values, rtol=1e-9, atol=1e-9), f"{column}:\n{got}"


def test_errors_are_the_numpy_paths() -> None:
    """The calls expected to fail do, with the numpy path's message (assert_same compares the rest)."""
    expected = {
        3: "period must be one of",
        4: "is after the end date",
        11: "the revenue is in 2 currencies (EUR, USD)",
        18: "gross margin must be a fraction",
        19: "the churn rate must be above 0",
    }
    for index, text in expected.items():
        name, case, metric, args, kwargs = CALLS[index]
        outcome = run_revenue(REFERENCE, PAYMENTS[name], CASES[case], metric, *args, **kwargs)
        assert isinstance(outcome, AnalysisError) and text in str(outcome), (index, outcome)


# --- random payments and logs --------------------------------------------------------------------------

START = pd.Timestamp("2024-01-29")
SLOTS = 6 * 7 * 24  # hours over six weeks, across a month end
people = st.sampled_from(["007", "7", "u1", "u2", "u3"])
event_rows = st.lists(st.tuples(people, st.integers(0, SLOTS), st.sampled_from(["a", "b"])), max_size=30)
payment_rows = st.lists(
    st.tuples(people, st.integers(-24, SLOTS + 24), st.sampled_from([19.99, 0.1, 0.2, -0.3, -19.99, 5.0, 0.0])),
    max_size=20,
)
CHECKED = [executor for executor in EXECUTORS if executor is not REFERENCE]


def _hours(values: pd.Series) -> pd.Series:
    return (START + pd.to_timedelta(values, unit="h")).astype("datetime64[us]")


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    events=event_rows,
    paid=payment_rows,
    period=st.sampled_from(["day", "week", "month"]),
    window=st.sampled_from([{}, {"start": "2024-02-05", "end": "2024-02-20"}]),
)
def test_random_revenue(executor: Executor, events: list, paid: list, period: str, window: dict) -> None:
    log = pd.DataFrame(events, columns=["user_id", "hour", "event"]).astype({"user_id": object})
    log = log.assign(timestamp=_hours(log["hour"]), plan="free")[["user_id", "timestamp", "event", "plan"]]
    money = pd.DataFrame(paid, columns=["user_id", "hour", "amount"]).astype({"user_id": object, "amount": float})
    money = money.assign(timestamp=_hours(money["hour"]), currency=None)[["user_id", "timestamp", "amount", "currency"]]
    for metric, args, kwargs in (("arpu", (period,), window), ("estimated_clv", (), {"gross_margin": 0.8})):
        got = run_revenue(executor, money, log, metric, *args, **kwargs)
        want = run_revenue(REFERENCE, money, log, metric, *args, **kwargs)
        assert_same(got, want, f"{metric}{args} {kwargs} of\n{money}\non\n{log}\n{executor} vs {REFERENCE}")
