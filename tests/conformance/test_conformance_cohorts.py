"""Cohort members through every executor: the numpy mask and the Ibis definition select the same users, and fail
with the same message, on every hand-made case (ties, repeats, ids that differ only in zeros, 1969, no data)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from cases import CASES, CUSTOMERS, frame
from executors import EXECUTORS, REFERENCE, Executor, assert_same, run

PLAN_IN = {"kind": "attribute", "attribute": "plan", "op": "in", "values": ["a", "o", "x", "0", "e"]}
TIER_NOT_GOLD = {"kind": "attribute", "attribute": "tier", "op": "not_in", "values": ["gold"]}
TIER_MISSING = {"kind": "attribute", "attribute": "tier", "op": "in", "values": ["(missing)", "free"]}
TWO_PURCHASES = {"kind": "event_count", "event": "purchase", "at_least": 2}
NEVER_PURCHASED = {"kind": "event_count", "event": "purchase", "at_least": 0, "at_most": 0}
FIRST_WEEK = {"kind": "first_seen", "start": "2024-03-05", "end": "2024-03-11"}
FIRST_PURCHASE_EARLY = {"kind": "first_seen", "event": "purchase", "end": "2024-03-05"}
LISTED = {"kind": "users", "user_ids": ["a", "007", "7", "x", "p", "nobody"]}
# past cohorts.LONG_LIST: the ids go along with the query as a table, not in its text
LONG_LISTED = {"kind": "users", "user_ids": [*LISTED["user_ids"], *(f"n{i:04}" for i in range(1_500))]}
ACTIVE_ON_5 = {"kind": "event_count", "start": "2024-03-05", "end": "2024-03-05"}  # any event: active that day

# conditions asked of every case (match, customers or not)
EVERY_CASE: list[tuple[list[dict], dict]] = [
    ([PLAN_IN], {}),
    ([TIER_NOT_GOLD], {"customers": CUSTOMERS}),
    ([TIER_MISSING, LISTED], {"customers": CUSTOMERS, "match": "any"}),
    ([NEVER_PURCHASED], {}),
    ([FIRST_WEEK, TWO_PURCHASES], {"match": "any"}),
    ([LISTED, FIRST_PURCHASE_EARLY], {}),
    ([{"kind": "attribute", "attribute": "plan", "op": "at_least", "values": ["3"]}], {}),  # text: an error
    ([ACTIVE_ON_5], {}),
    ([{"kind": "event_count", "at_least": 3, "at_most": 4}, TIER_NOT_GOLD], {"customers": CUSTOMERS}),
    ([LONG_LISTED], {}),
    ([TIER_MISSING, LONG_LISTED], {"customers": CUSTOMERS, "match": "any"}),
    # everyone but the listed: how a linked source is sent a customer attribute's users when (missing) matches
    ([{**LISTED, "outside": True}], {}),
    ([{**LONG_LISTED, "outside": True}, FIRST_WEEK], {"match": "any"}),
]
# funnels and counts asked of the cases that have their events
PER_CASE: dict[str, list[tuple[list[dict], dict]]] = {
    "ties": [
        ([{"kind": "funnel", "steps": ["view", "cart", "purchase", "purchase"], "step": 3}], {}),
        ([{"kind": "funnel", "steps": ["cart", "view"], "step": 1, "order": "strict"}], {}),
        ([{"kind": "funnel", "steps": ["purchase", "view", "purchase"], "step": 2, "order": "any"}], {}),
    ],
    "repeats": [
        ([{"kind": "funnel", "steps": ["purchase", "purchase"], "step": 2}], {}),
        ([{"kind": "event_count", "event": "view", "at_least": 1, "at_most": 1, "start": "2024-03-04",
           "end": "2024-03-05"}], {}),
    ],
    "window_edge": [
        ([{"kind": "funnel", "steps": ["signup", "purchase"], "step": 1, "exclude": "refund"}], {}),
        ([{"kind": "funnel", "steps": ["signup", "purchase"], "step": 2}, TIER_NOT_GOLD], {"customers": CUSTOMERS}),
    ],
    "ids": [([{"kind": "funnel", "steps": ["signup", "purchase"], "step": 2, "order": "strict"}], {})],
    "calendar": [
        ([{"kind": "first_seen", "start": "2021-01-01", "end": "2021-01-31"}], {}),
        ([{"kind": "event_count", "event": "view", "at_least": 2, "start": "2020-12-28"}], {}),
    ],
    "epoch": [([{"kind": "first_seen", "end": "1969-12-31"}], {})],
    "empty": [([{"kind": "funnel", "steps": ["signup", "purchase"], "step": 1}], {})],
}
# (case, call) -> members worked out by hand
PINS = {
    ("ties", "every-0"): ["a"],
    ("ids", "every-2"): ["007", "07", "7"],  # listed, or a tier blank ("7") or absent ("07"): (missing)
    ("repeats", "every-4"): ["same", "thrice", "twice"],
    ("ties", "case-0"): ["b"],  # a's two purchases at one instant fill steps 3 and 4; b has one, c no purchase
    ("window_edge", "case-0"): ["excl"],  # edge's refunds share its steps' instants: not between them
    ("ties", "every-7"): ["b", "c"],
    ("ids", "every-9"): ["007", "7"],  # the long list keeps the short one's zeros apart  # active on the 5th: a's events are all on the 4th
}


def _calls() -> Iterator[object]:
    for case in CASES:
        for index, (conditions, kwargs) in enumerate(EVERY_CASE):
            yield pytest.param(case, f"every-{index}", conditions, kwargs, id=f"{case}-every-{index}")
        for index, (conditions, kwargs) in enumerate(PER_CASE.get(case, [])):
            yield pytest.param(case, f"case-{index}", conditions, kwargs, id=f"{case}-case-{index}")


_reference: dict[tuple[str, str], object] = {}


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize(("case", "call", "conditions", "kwargs"), list(_calls()))
def test_cohort_members_conform(executor: Executor, case: str, call: str, conditions: list, kwargs: dict) -> None:
    frame, key = CASES[case], (case, call)
    if key not in _reference:
        _reference[key] = run(REFERENCE, frame, "cohort_members", conditions, **kwargs)
    got = _reference[key] if executor is REFERENCE else run(executor, frame, "cohort_members", conditions, **kwargs)
    if executor is not REFERENCE:
        assert_same(got, _reference[key], f"cohort {conditions} {kwargs} on {case!r}, {executor} vs {REFERENCE}")
    if key in PINS:
        assert isinstance(got, pd.DataFrame), got
        assert got["user_id"].tolist() == PINS[key]


def test_pins_name_existing_calls() -> None:
    assert set(PINS) <= {(p.values[0], p.values[1]) for p in _calls()}


# a plan that changes: u's last event says pro; v's last instant holds two events, the later in source order
# says pro; w's last event has none
CHANGING_PLAN = frame([("u", "2024-03-04 10:00", "view"), ("u", "2024-03-05 10:00", "view"),
                       ("v", "2024-03-04 10:00", "view"), ("v", "2024-03-05 10:00", "view"),
                       ("v", "2024-03-05 10:00", "cart"), ("w", "2024-03-04 10:00", "view"),
                       ("w", "2024-03-06 10:00", "view")]).assign(plan=["free", "pro", "pro", "free", "pro", "pro",
                                                                        None])


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize(("counted", "values", "members"), [
    ("first", ["free"], ["u"]), ("last", ["free"], []), ("last", ["pro"], ["u", "v"]),
    ("last", ["(missing)"], ["w"]), ("first", ["pro"], ["v", "w"])])
def test_an_event_property_is_read_on_the_first_or_last_event(executor: Executor, counted: str, values: list,
                                                              members: list) -> None:
    condition = {"kind": "attribute", "attribute": "plan", "op": "in", "values": values, "counted": counted}
    got = run(executor, CHANGING_PLAN, "cohort_members", [condition])
    assert isinstance(got, pd.DataFrame), got
    assert got["user_id"].tolist() == members, executor
