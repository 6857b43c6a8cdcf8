"""Every metric on every hand-made case, through every executor: the same table as the reference.

One test body for all metrics: a call is (metric, case, arguments), run on the executor under test and on
the reference (the Ibis definitions on DuckDB, run once per call and kept). Some calls also carry pins,
values worked out by hand from design §4, which every executor (the reference included) must show.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from cases import CASES, CUSTOMERS
from executors import EXECUTORS, REFERENCE, Executor, Nested, assert_same, run

WEEK_RANGE = {"start": "2024-03-05", "end": "2024-03-11"}
NOWHERE = {"start": "2030-01-01", "end": "2030-01-03"}

# metric -> [(args, kwargs)] run on every case
EVERY_CASE: dict[str, list[tuple[tuple, dict]]] = {
    "active_users": [(("day",), {}), (("week",), {}), (("month",), {}), (("week",), WEEK_RANGE), (("day",), NOWHERE)],
    "event_counts": [((), {})],
    "feature_adoption": [((), {}), ((), {"start": "2024-03-05", "end": "2024-03-05"})],
    "stickiness": [((), {}), ((), {"start": "2021-01-01", "end": "2021-02-15"})],
    "active_days_frequency": [(("week",), {}), (("month",), WEEK_RANGE)],
    "lifecycle": [(("day",), {}), (("week",), {}), (("month",), NOWHERE)],
    "retention_table": [
        (("week",), {}),
        (("day",), {"mode": "on_or_after", "max_periods": 3}),
        (("month",), {"start_event": "signup", "return_event": "purchase"}),
        (("day",), {"start_event": "view", "mode": "on_or_after", **WEEK_RANGE}),
        (("week",), {"by": "plan"}),
        (("day",), {"by": "tier", "customers": CUSTOMERS, "mode": "on_or_after", "start_event": "purchase"}),
    ],
    "usage_heatmap": [((), {}), (("users",), WEEK_RANGE)],
    "daily_series": [((), {}), (("purchase",), {})],
    "adoption_since_release": [(("purchase", "2024-03-05"), {}), (("purchase", "2021-01-01"), {"period": "day"})],
    "session_summary": [(("day",), {}), (("week",), {"gap": "1h", **WEEK_RANGE})],
    "transitions": [((), {}), ((), WEEK_RANGE)],
    "sessions": [((), {}), ((), {"gap": "1h", **WEEK_RANGE})],
    "session_users": [((), {}), ((), {"gap": "1h", **WEEK_RANGE}), ((), NOWHERE)],
    "touchpoint_times": [((), {}), ((), {"gap": "1h", **WEEK_RANGE}), ((), {"events": ["purchase", "view"]})],
    "experiment": [
        (("plan", "purchase"), {}),
        (("tier", "purchase"), {"customers": CUSTOMERS, "control": "gold"}),
        (("plan", "view"), {"confidence": 0.9, **WEEK_RANGE}),
    ],
}
# funnels ask about the events of each case
FUNNELS: dict[str, list[tuple[tuple, dict]]] = {
    "ties": [
        ((["view", "cart", "purchase", "purchase"],), {}),
        ((["view", "cart", "purchase"],), {"order": "strict"}),
        ((["cart", "view"],), {"order": "strict"}),
        ((["purchase", "view", "purchase"],), {"order": "any"}),
    ],
    "repeats": [
        ((["purchase", "purchase"],), {}),
        ((["view", "purchase", "purchase"],), {}),
        ((["purchase", "view", "purchase"],), {"order": "any"}),
        ((["purchase", "purchase", "purchase"],), {"order": "strict"}),
        ((["view", "purchase"],), {"window": "30min", "start": "2024-03-04", "end": "2024-03-04"}),
    ],
    "window_edge": [
        ((["signup", "purchase"],), {"window": "1d"}),
        ((["signup", "purchase"],), {"window": "1d", "exclude": "refund"}),
        ((["signup", "purchase"],), {"order": "any", "exclude": "refund"}),
        ((["signup", "refund", "purchase"],), {"order": "strict", "window": "2h"}),
        ((["signup", "purchase", "purchase"],), {"exclude": "refund", "exclude_after": 2}),
    ],
    "single": [((["signup", "purchase"],), {}), ((["signup", "purchase"],), NOWHERE)],
    "microseconds": [
        ((["view", "purchase", "view"],), {"window": pd.Timedelta(microseconds=1)}),
        ((["view", "purchase"],), {"window": "1d"}),
    ],
    "ids": [((["signup", "purchase"],), {}), ((["signup", "purchase"],), {"order": "strict", "window": "7d"})],
    "calendar": [
        ((["signup", "view", "purchase"],), {"window": "14d"}),
        ((["view", "view", "view"],), {"order": "any"}),
    ],
    "epoch": [((["signup", "view", "purchase"],), {"window": "3d"})],
    "empty": [((["signup", "purchase"],), {})],
}
# paths start at an event of each case
PATHS: dict[str, list[tuple[tuple, dict]]] = {
    "ties": [(("view",), {}), (("purchase",), {"depth": 1}), (("purchase",), {"depth": 2, "before": True})],
    "repeats": [(("purchase",), {"depth": 2, "top": 2}), (("view",), WEEK_RANGE)],
    "window_edge": [(("signup",), {"depth": 4, "top": None}), (("purchase",), {"depth": 3, "before": True})],
    "single": [(("signup",), {})],
    "microseconds": [(("view",), {"depth": 2})],
    "ids": [(("signup",), {"depth": 1})],
    "calendar": [(("view",), {"start": "2021-01-01", "end": "2021-01-31"})],
    "epoch": [(("signup",), {"depth": 2})],
    "empty": [(("view",), {})],
}
# the funnel's other views (issue 16.5) on each case's funnels: conversion per period of entering, the time to
# convert, and what users did next after dropping out at step 1
FUNNEL_VIEWS: dict[str, dict[str, list[tuple[tuple, dict]]]] = {
    "funnel_over_time": {
        case: [((args[0], ("week", "day", "month")[i % 3]), kwargs) for i, (args, kwargs) in enumerate(calls)]
        for case, calls in FUNNELS.items()
    },
    "time_to_convert": FUNNELS,
    "next_after_dropping": {case: [((args[0], 1), {"top": 3, **kwargs}) for args, kwargs in calls]
                            for case, calls in FUNNELS.items()},
}
# breakdowns of each case's first funnel, by an event property or (every other case) a customer attribute
BREAKDOWNS = {
    case: [((args[0], "plan"), kwargs) if i % 2 else ((args[0], "tier"), {**kwargs, "customers": CUSTOMERS})]
    for i, (case, ((args, kwargs), *_)) in enumerate(FUNNELS.items())
}
# segments compared on the cases with ids, calendar weeks, ties and no data
SEGMENTS: dict[str, list[tuple[tuple, dict]]] = {
    case: [
        ((Nested("active_users", ("week",)), "plan"), {}),
        ((Nested("lifecycle", ("day",)), "tier"), {"customers": CUSTOMERS, "counted": "last"}),
        ((Nested("feature_adoption", (), {"events": ["purchase"]}), "plan"), {}),
        ((Nested("event_counts"), "plan"), {"counted": "last"}),
    ]
    for case in ("ids", "calendar", "ties", "empty")
}
# the segments analysis in one query: feature adoption per segment, as compare_segments gives it per part
SEGMENT_ADOPTION: dict[str, list[tuple[tuple, dict]]] = {
    case: [
        (("plan",), {"events": ["purchase"]}),
        (("tier",), {"customers": CUSTOMERS, "counted": "last"}),
        (("plan",), {"events": ["view", "purchase", "view"], "counted": "last", **WEEK_RANGE}),
        (("plan",), NOWHERE),
    ]
    for case in ("ids", "calendar", "ties", "window_edge", "empty")
}
# drivers of the first funnel of every other case, with the plan property and the customers' tier
DRIVERS = {
    case: [((args[0],), {**kwargs, "attributes": ["plan", "tier"], "customers": CUSTOMERS})]
    for i, (case, ((args, kwargs), *_)) in enumerate(FUNNELS.items())
    if i % 2 == 0
}
# pain signals of journey steps: cart and refund as the error and support events, a step that is also named as
# an error (a step is always an action), and repeats within an hour or at any distance; per segment of an event
# property or a customer attribute (its blank, missing and absent users in "(missing)"), and an unknown one
STEP_SIGNALS: dict[str, list[tuple[tuple, dict]]] = {
    "ties": [
        ((["view", "purchase"],), {"errors": ["cart"], "gap": "1h"}),
        ((["cart"],), {"errors": ["view"]}),
        ((["view", "purchase"],), {"errors": ["cart"], "by": "plan", "counted": "last"}),
    ],
    "repeats": [
        ((["purchase", "view"],), {"gap": "30min"}),
        ((["purchase"],), {"gap": None, **WEEK_RANGE}),
        ((["purchase", "view"],), {"by": "tier", "customers": CUSTOMERS, **WEEK_RANGE}),
    ],
    "window_edge": [
        ((["signup", "purchase"],), {"errors": ["refund", "signup"], "support": ["refund"]}),
        ((["signup", "purchase"],), {"support": ["refund"], "by": "tier", "customers": CUSTOMERS}),
        ((["signup"],), {"by": "nope", "customers": CUSTOMERS}),
    ],
    "microseconds": [((["view"],), {"gap": pd.Timedelta(microseconds=1)})],
    "ids": [
        ((["signup"],), {"errors": ["purchase"]}),
        ((["signup", "purchase"],), {"by": "tier", "customers": CUSTOMERS}),
    ],
    "empty": [((["view"],), {}), ((["view"],), {"by": "plan"})],
}
PER_CASE = {
    **FUNNEL_VIEWS,
    "funnel_drivers": DRIVERS,
    "step_signals": STEP_SIGNALS,
    "funnel": FUNNELS,
    "funnel_reached": FUNNELS,
    "top_paths": PATHS,
    "funnel_breakdown": BREAKDOWNS,
    "compare_segments": SEGMENTS,
    "segment_adoption": SEGMENT_ADOPTION,
}
# (metric, case, call index) -> {column: values}: design §4 worked out by hand
PINS: dict[tuple[str, str, int], dict[str, list]] = {
    ("funnel", "ties", 0): {"users": [3, 3, 2, 1]},  # same-instant steps count in either order, two rows for two
    ("funnel", "ties", 2): {"users": [3, 1]},  # only b's cart is followed by a view (in source order)
    ("funnel", "repeats", 0): {"users": [4, 3]},  # 'once' has one purchase; 'same' has two at one instant
    ("funnel", "repeats", 1): {"users": [3, 3, 1]},
    ("funnel", "window_edge", 0): {"users": [4, 3]},  # exactly 24 h counts, 24 h + 1 µs does not
    ("funnel", "window_edge", 1): {"users": [4, 2]},  # a refund at a step's own instant is not between steps
    ("funnel", "single", 1): {"users": [0, 0]},
    ("funnel_reached", "ties", 0): {"user_id": ["a", "b", "c"], "reached": [4, 3, 2]},  # the funnel: 3, 3, 2, 1
    ("funnel", "window_edge", 4): {"users": [4, 4, 0]},  # excl's refund before step 2 is allowed: only 2 to 3 counts
    ("funnel_over_time", "window_edge", 0): {"entered": [4], "converted": [3]},  # exactly 24 h converts
    ("funnel_over_time", "single", 1): {"entered": [0, 0, 0], "converted": [0, 0, 0]},  # a range without data
    ("time_to_convert", "window_edge", 0): {  # 2 h, 2 h and exactly 24 h (the first of "1-7 days")
        "users": [3],
        "p50": [pd.Timedelta(hours=2)],
        "p90": [pd.Timedelta(hours=19.6)],  # 2 h + 0.8 × 22 h, linear between the 2nd and 3rd
        "hour_1_to_24": [2],
        "day_1_to_7": [1],
    },
    ("time_to_convert", "ties", 0): {  # steps at one instant take 0 s ("< 1 min"); b's purchase 23 h later
        "p90": [pd.Timedelta(0), pd.Timedelta(hours=0.9 * 23), pd.Timedelta(0)],
        "under_1_min": [3, 1, 1],
    },
    ("next_after_dropping", "window_edge", 0): {"next_event": ["purchase"], "users": [1], "share": [1.0]},
    ("next_after_dropping", "ties", 1): {  # strict: b's view then purchase a day later; c's rows at its view's
        # instant are not "next" (strictly later only), and c did nothing later
        "next_event": ["(no later event)", "purchase"],
        "users": [1, 1],
    },
    ("funnel", "microseconds", 0): {"users": [2, 2, 0]},  # 23:59:59.999999 to midnight is 1 µs
    ("active_users", "ids", 0): {"active_users": [2, 1, 0, 0, 0, 0, 0, 0, 2]},  # 007 and 7 are two users
    ("active_users", "calendar", 1): {  # ISO weeks from Monday, 2020-12-28 to 2021-01-03 is week 53
        "period": list(
            pd.to_datetime(
                [
                    "2020-12-21",
                    "2020-12-28",
                    "2021-01-04",
                    "2021-01-11",
                    "2021-01-18",
                    "2021-01-25",
                    "2021-02-01",
                    "2021-02-08",
                    "2021-02-15",
                    "2021-02-22",
                    "2021-03-01",
                ]
            )
        ),
        "active_users": [1, 3, 1, 0, 1, 1, 0, 0, 0, 1, 1],
    },
    ("active_users", "microseconds", 1): {"active_users": [1, 2, 0, 1, 1]},  # Sunday 23:59:59.999999 is last week
    ("active_users", "single", 4): {"active_users": [0, 0, 0]},
    ("retention_table", "calendar", 0): {"cohort_size": [1] * 11 + [2] * 10},
    ("transitions", "ties", 0): {  # next events in source order among same-instant rows
        "from_event": ["view", "cart", "cart", "purchase", "view", "view"],
        "to_event": ["cart", "purchase", "view", "purchase", "purchase", "view"],
        "count": [2, 1, 1, 1, 1, 1],
    },
    ("active_users", "epoch", 1): {"active_users": [1, 2, 1]},  # weeks of 1969-12-22, 1969-12-29, 1970-01-05
    ("funnel", "epoch", 0): {"users": [2, 2, 1]},  # q's purchase is 4 days and 1 µs after signing up
    ("funnel_breakdown", "ids", 0): {"segment": ["0", "0", "7", "7"], "users": [2, 1, 1, 1]},  # 007 and 07: "0"
    ("funnel_breakdown", "window_edge", 0): {  # 'edge' has no customer row: (missing)
        "segment": ["free", "free", "gold", "gold", "(missing)", "(missing)"],
        "users": [1, 1, 2, 1, 1, 1],
    },
    ("compare_segments", "ids", 0): {  # each segment over the whole log's weeks
        "segment": ["0", "0", "7", "7"],
        "segment_users": [2, 2, 1, 1],
        "active_users": [1, 2, 1, 0],
    },
    ("compare_segments", "calendar", 2): {  # nobody in segment y purchased: adoption 0, not an error
        "segment": ["x", "y", "z"],
        "users": [1, 0, 1],
    },
    ("session_summary", "window_edge", 0): {"sessions": [7, 2]},  # gaps over 30 min start sessions
    ("sessions", "ties", 0): {"user_id": ["a", "b", "b", "c"], "events": [4, 2, 1, 3]},  # b's 23 h gap
    ("session_users", "ties", 1): {"user_id": ["b", "c"]},  # b's second session starts on the 5th; a's are before
    ("touchpoint_times", "ties", 0): {  # rows before another at their instant take 0 s; b's view ends a session
        "event": ["view", "cart", "purchase"],
        "session_ends": [1, 1, 2],
        "median": [pd.Timedelta(0)] * 3,
        "under_10_s": [3, 2, 1],
    },
    ("experiment", "ties", 0): {"variant": ["a", "b", "c"], "users": [1, 1, 1], "conversions": [1, 1, 0]},
    ("experiment", "window_edge", 1): {"variant": ["gold", "free"], "users": [2, 1]},  # edge: (missing), left out
    ("step_signals", "ties", 0): {  # a's view is followed by a cart; c's first view by the second, then a cart
        "user_id": ["a", "a", "b", "b", "c"],
        "errors": [1, 0, 0, 0, 1],
        "repeats": [0, 1, 0, 0, 1],
    },
    ("step_signals", "repeats", 0): {  # same's two purchases at one instant repeat; twice's have a view between
        "user_id": ["once", "once", "same", "thrice", "thrice", "twice", "twice"],
        "repeats": [0, 0, 1, 1, 0, 0, 0],
    },
    ("step_signals", "ids", 1): {  # 007 is gold; 7's tier is blank and 07 has no customer row: (missing), last
        "segment": ["gold", "gold", "(missing)", "(missing)", "(missing)"],
        "user_id": ["007", "007", "07", "7", "7"],
    },
    ("step_signals", "window_edge", 1): {  # segments in text order; edge has no customer row
        "segment": ["free", "free", "gold", "gold", "gold", "gold", "(missing)", "(missing)"],
        "support": [1, 0, 0, 0, 0, 0, 2, 0],
    },
    ("top_paths", "repeats", 0): {  # a tie of counts keeps the more frequent event first
        "to_event": ["(end) → (end)", "purchase → (end)"],
        "count": [4, 2],
    },
}


def _calls() -> Iterator[object]:
    for metric, calls in [*EVERY_CASE.items(), *((metric, None) for metric in PER_CASE)]:
        for case in CASES:
            for index, (args, kwargs) in enumerate(calls if calls is not None else PER_CASE[metric].get(case, [])):
                yield pytest.param(metric, case, index, args, kwargs, id=f"{metric}-{case}-{index}")


_reference: dict[tuple[str, str, int], object] = {}


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize(("metric", "case", "index", "args", "kwargs"), list(_calls()))
def test_metric_conforms(executor: Executor, metric: str, case: str, index: int, args: tuple, kwargs: dict) -> None:
    frame, key = CASES[case], (metric, case, index)
    if key not in _reference:
        _reference[key] = run(REFERENCE, frame, metric, *args, **kwargs)
    if executor is REFERENCE:
        got = _reference[key]
    else:
        got = run(executor, frame, metric, *args, **kwargs)
        assert_same(got, _reference[key], f"{metric}{args} {kwargs} on {case!r}, {executor} vs {REFERENCE}")
    for column, values in PINS.get(key, {}).items():
        assert isinstance(got, pd.DataFrame), got
        assert got[column].tolist() == values, f"{column} on {executor}:\n{got}"


def test_pins_name_existing_calls() -> None:
    calls = {(p.values[0], p.values[1], p.values[2]) for p in _calls()}
    assert set(PINS) <= calls
