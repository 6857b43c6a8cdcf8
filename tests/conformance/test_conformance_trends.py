"""``event_trend`` (the counts behind the Trends analysis, issue 16.4) on every executor: the hand-made cases of
``cases.py``, a log whose properties hold numbers, text that may or may not read as a number, and missing
values, breakdowns, errors, and random logs (hypothesis). Values worked out by hand are pinned."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest
from cases import CASES, CUSTOMERS, frame
from executors import EXECUTORS, REFERENCE, Executor, Nested, assert_same, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_conformance_properties import EXAMPLES, ranges, rows
from test_conformance_properties import _frame as random_frame

from usagelens.analytics import AnalysisError

WEEK_RANGE = {"start": "2024-03-05", "end": "2024-03-11"}
NOWHERE = {"start": "2030-01-01", "end": "2030-01-03"}
CHECKED = [executor for executor in EXECUTORS if executor is not REFERENCE]


def _amounts() -> pd.DataFrame:
    """Purchases with an amount as text (numbers, blanks, junk, missing) and as floats and integers; one week
    without any event (2024-03-11) between two with some."""
    table = frame([
        ("a", "2024-03-04 09:00", "purchase"),
        ("a", "2024-03-04 10:00", "purchase"),
        ("a", "2024-03-05 10:00", "view"),
        ("b", "2024-03-06 11:00", "purchase"),
        ("b", "2024-03-06 12:00", "purchase"),
        ("c", "2024-03-07 12:00", "purchase"),
        ("c", "2024-03-18 12:00", "purchase"),
        ("a", "2024-03-19 08:00", "purchase"),
    ])
    table["amount"] = pd.Series(["12", " 3.5 ", "n/a", "-2", "1,5", None, "1e3", "  "], dtype=object)
    table["price"] = [10.0, np.nan, 1.25, 2.5, np.nan, 4.0, 0.1, 0.2]
    table["items"] = pd.array([1, 2, None, 3, 4, 5, 6, 7], dtype="Int64")
    table["seen"] = pd.to_datetime(["2024-01-01"] * 8).astype("datetime64[us]")
    return table


AMOUNTS = _amounts()
# the cases of cases.py, and (case, args, kwargs) on the amounts
CALLS: list[tuple[str, tuple, dict]] = [
    *((case, args, kwargs) for case in CASES for args, kwargs in [
        (("day",), {}),
        (("week",), {"event": "purchase"}),
        (("month",), {"property": "plan"}),  # text that is never a number: every value "not numeric"
        (("week",), {"event": "view", **WEEK_RANGE}),
        (("day",), NOWHERE),
    ]),
    ("amounts", ("week",), {"event": "purchase", "property": "amount"}),
    ("amounts", ("week",), {"property": "amount"}),
    ("amounts", ("day",), {"property": "price", "start": "2024-03-04", "end": "2024-03-08"}),
    ("amounts", ("week",), {"event": "purchase", "property": "items"}),
    ("amounts", ("week",), {"event": "nope"}),
    ("amounts", ("week",), {"property": "colour"}),
    ("amounts", ("week",), {"property": "seen"}),
    ("amounts", ("week",), {"start": "2024-03-10", "end": "2024-03-01"}),
]
# (case, call index among that case's calls) -> {column: values}
PINS: dict[tuple[str, int], dict[str, list]] = {
    ("amounts", 0): {  # 12 + 3.5 - 2 in week 1; nothing in week 2; 1e3 in week 3 ("  " is missing, not junk)
        "period": list(pd.to_datetime(["2024-03-04", "2024-03-11", "2024-03-18"])),
        "events": [5, 0, 2], "users": [3, 0, 2],
        "property_sum": [13.5, 0.0, 1000.0], "property_values": [3, 0, 1], "not_numeric": [1, 0, 0],
    },
    ("amounts", 1): {"events": [6, 0, 2], "property_values": [3, 0, 1], "not_numeric": [2, 0, 0]},  # n/a, 1,5
    ("amounts", 2): {"events": [2, 1, 2, 1, 0], "property_sum": [10.0, 1.25, 2.5, 4.0, 0.0],
                     "property_values": [1, 1, 1, 1, 0], "not_numeric": [0] * 5},
    ("amounts", 3): {"property_sum": [15.0, 0.0, 13.0], "property_values": [5, 0, 2]},  # the view's None: no row
    ("ties", 2): {"not_numeric": [10], "property_values": [0]},
    ("calendar", 1): {"events": [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]},  # Monday 2021-01-04 starts its own week
}


def _all_frames() -> dict[str, pd.DataFrame]:
    return {**CASES, "amounts": AMOUNTS}


def _calls() -> Iterator[object]:
    seen: dict[str, int] = {}
    for case, args, kwargs in CALLS:
        index = seen[case] = seen.get(case, -1) + 1
        yield pytest.param(case, index, args, kwargs, id=f"{case}-{index}")


_reference: dict[tuple[str, int], object] = {}


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize(("case", "index", "args", "kwargs"), list(_calls()))
def test_event_trend_conforms(executor: Executor, case: str, index: int, args: tuple, kwargs: dict) -> None:
    table = _all_frames()[case]
    if (case, index) not in _reference:
        _reference[case, index] = run(REFERENCE, table, "event_trend", *args, **kwargs)
    want = _reference[case, index]
    got = want if executor is REFERENCE else run(executor, table, "event_trend", *args, **kwargs)
    if executor is not REFERENCE:
        assert_same(got, want, f"event_trend{args} {kwargs} on {case!r}, {executor} vs {REFERENCE}")
    for column, values in PINS.get((case, index), {}).items():
        assert isinstance(got, pd.DataFrame), got
        assert got[column].tolist() == values, f"{column} on {executor}:\n{got}"


def test_pins_name_existing_calls() -> None:
    calls = {(p.values[0], p.values[1]) for p in _calls()}
    assert set(PINS) <= calls


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"event": "nope"}, "event 'nope' does not occur in the data"),
        ({"property": "colour"}, "no event property named 'colour'"),
        ({"property": "seen"}, "event property 'seen' holds neither numbers nor text"),
        ({"start": "2024-03-10", "end": "2024-03-01"}, "the start date 2024-03-10 is after the end date"),
    ],
)
def test_errors_say_what_is_wrong(kwargs: dict, message: str) -> None:
    outcome = run(REFERENCE, AMOUNTS, "event_trend", "week", **kwargs)
    assert isinstance(outcome, AnalysisError) and str(outcome).startswith(message), outcome


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@pytest.mark.parametrize("case", ["ids", "calendar", "ties", "empty"])
def test_breakdowns_conform(executor: Executor, case: str) -> None:
    for args, kwargs in [
        ((Nested("event_trend", ("week",)), "plan"), {}),
        ((Nested("event_trend", ("day",), {"event": "purchase"}), "tier"), {"customers": CUSTOMERS, "counted": "last"}),
    ]:
        got = run(executor, CASES[case], "compare_segments", *args, **kwargs)
        want = run(REFERENCE, CASES[case], "compare_segments", *args, **kwargs)
        assert_same(got, want, f"compare_segments{args} {kwargs} on {case!r}, {executor} vs {REFERENCE}")


amounts = st.sampled_from(["5", "-1.5", " 2 ", "x", "", None, "1e2", ".5"])


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=rows, values=st.lists(amounts, min_size=40, max_size=40), period=st.sampled_from(["day", "week", "month"]),
       event=st.sampled_from([None, "a"]), window=ranges)
def test_random_logs_conform(executor: Executor, data: list, values: list, period: str, event, window: dict) -> None:
    table = random_frame(data)
    table["amount"] = pd.Series(values[: len(table)], dtype=object)
    for kwargs in ({"event": event}, {"event": event, "property": "amount"}):
        got = run(executor, table, "event_trend", period, **kwargs, **window)
        want = run(REFERENCE, table, "event_trend", period, **kwargs, **window)
        assert_same(got, want, f"event_trend({period!r}) {kwargs} {window} on\n{table}\n{executor} vs {REFERENCE}")
