"""Random small event logs (hypothesis): every executor gives the reference's table for any data and options.

Logs mix ids that differ only as text (``007``/``7``), timestamps on a 5-minute grid (ties are common) with
occasional microsecond offsets, over six weeks across a month end. Bigger random runs: ``make bench``
(``tests/benchmarks/bench_conformance.py`` sets ``USAGELENS_CONFORMANCE_EXAMPLES``).
"""

from __future__ import annotations

import os

import pandas as pd
import pytest
from executors import EXECUTORS, REFERENCE, Executor, Nested, assert_same, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usagelens.analytics.touchpoint_rules import parse_rules

EVENTS = ["a", "b", "c", "d"]
GROUPED = parse_rules("AB = re:^[ab]$")  # a journey's touchpoint of two events (a start event "a" anchors there)
# make bench raises this (tests/benchmarks/bench_conformance.py); make test keeps the suite quick
EXAMPLES = int(os.environ.get("USAGELENS_CONFORMANCE_EXAMPLES", "8"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHECKED = [executor for executor in EXECUTORS if executor is not REFERENCE]

rows = st.lists(
    st.tuples(
        st.sampled_from(["007", "7", "u1", "u2", "u3"]),
        st.integers(0, 6 * 7 * 24 * 12),  # 5-minute slots over six weeks
        st.sampled_from([0, 0, 0, 1, 999_999]),  # microseconds
        st.sampled_from(EVENTS),
        st.sampled_from(["free", "pro", " ", None]),  # a property, read on each user's anchoring row
    ),
    max_size=40,
)
periods = st.sampled_from(["day", "week", "month"])
ranges = st.sampled_from([{}, {"start": "2024-02-05", "end": "2024-02-20"}, {"start": "2024-02-26"}])


def _frame(data: list[tuple[str, int, int, str, str | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(data, columns=["user_id", "slot", "micro", "event", "plan"]).astype(
        {"user_id": object, "plan": object}
    )
    start = pd.Timestamp("2024-01-29")
    offsets = pd.to_timedelta(frame["slot"] * 5, unit="min") + pd.to_timedelta(frame["micro"], unit="us")
    frame["timestamp"] = (start + offsets).astype("datetime64[us]")
    return frame[["user_id", "timestamp", "event", "plan"]]


def _check(executor: Executor, frame: pd.DataFrame, metric: str, *args: object, **kwargs: object) -> None:
    got = run(executor, frame, metric, *args, **kwargs)
    want = run(REFERENCE, frame, metric, *args, **kwargs)
    assert_same(got, want, f"{metric}{args} {kwargs} on\n{frame}\n{executor} vs {REFERENCE}")


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@SETTINGS
@given(data=rows, period=periods, window=ranges)
def test_activity(executor: Executor, data: list, period: str, window: dict) -> None:
    frame = _frame(data)
    _check(executor, frame, "active_users", period, **window)
    _check(executor, frame, "lifecycle", period, **window)
    _check(executor, frame, "active_days_frequency", period, **window)


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@SETTINGS
@given(data=rows, window=ranges, events=st.sampled_from([None, ["b", "a"]]))
def test_counts_adoption_and_stickiness(executor: Executor, data: list, window: dict, events: list | None) -> None:
    frame = _frame(data)
    _check(executor, frame, "event_counts")
    _check(executor, frame, "feature_adoption", events=events, **window)
    _check(executor, frame, "segment_adoption", "plan", events=events, **window)
    _check(executor, frame, "adoption_since_release", "b", "2024-02-12", period="week", end=window.get("end"))
    _check(executor, frame, "stickiness", **window)


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@SETTINGS
@given(
    data=rows,
    period=periods,
    mode=st.sampled_from(["on", "on_or_after"]),
    start_event=st.sampled_from([None, "a"]),
    return_event=st.sampled_from([None, "b"]),
    max_periods=st.sampled_from([None, 0, 2]),
    window=ranges,
)
def test_retention(
    executor: Executor, data: list, period: str, mode: str, start_event, return_event, max_periods, window
) -> None:
    _check(
        executor,
        _frame(data),
        "retention_table",
        period,
        mode=mode,
        start_event=start_event,
        return_event=return_event,
        max_periods=max_periods,
        **window,
    )


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@settings(max_examples=EXAMPLES * 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=rows,
    steps=st.lists(st.sampled_from(EVENTS), min_size=2, max_size=4),
    order=st.sampled_from(["sequential", "strict", "any"]),
    window=st.sampled_from([None, "5min", "1h", "1d", "7d"]),
    exclude=st.sampled_from([None, "d"]),
    between=st.integers(0, 3),
    days=ranges,
)
def test_funnel(executor: Executor, data: list, steps: list, order: str, window, exclude, between: int,
                days: dict) -> None:
    exclude_after = between if exclude and 1 <= between < len(steps) else None  # 0: between any two steps
    frame = _frame(data)
    _check(executor, frame, "funnel", steps, order=order, window=window, exclude=exclude,
           exclude_after=exclude_after, **days)
    _check(executor, frame, "funnel_reached", steps, order=order, window=window, exclude=exclude,
           exclude_after=exclude_after, **days)


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@SETTINGS
@given(
    data=rows,
    steps=st.lists(st.sampled_from(EVENTS), min_size=2, max_size=3),
    order=st.sampled_from(["sequential", "strict", "any"]),
    window=st.sampled_from([None, "5min", "1h", "1d"]),
    exclude=st.sampled_from([None, "d"]),
    period=periods,
    dropped_at=st.integers(1, 2),
    days=ranges,
)
def test_funnel_views(executor: Executor, data: list, steps: list, order: str, window, exclude, period: str,
                      dropped_at: int, days: dict) -> None:
    """Conversion over time, the time to convert and what droppers did next: the funnel's other views."""
    frame, options = _frame(data), {"order": order, "window": window, "exclude": exclude, **days}
    _check(executor, frame, "funnel_over_time", steps, period, **options)
    _check(executor, frame, "time_to_convert", steps, **options)
    _check(executor, frame, "next_after_dropping", steps, min(dropped_at, len(steps) - 1), top=4, **options)
    if exclude:  # the drivers of a funnel whose exclusion counts between steps 1 and 2 only
        _check(executor, frame, "funnel_drivers", steps, attributes=["plan"], exclude_after=1, **options)


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@SETTINGS
@given(
    data=rows,
    period=periods,
    gap=st.sampled_from(["5min", "30min", "1d"]),
    measure=st.sampled_from(["events", "users"]),
    start_event=st.sampled_from(EVENTS),
    depth=st.integers(1, 4),
    window=ranges,
)
def test_usage_and_paths(
    executor: Executor, data: list, period: str, gap: str, measure: str, start_event: str, depth: int, window: dict
) -> None:
    frame = _frame(data)
    _check(executor, frame, "usage_heatmap", measure, **window)
    _check(executor, frame, "daily_series", start_event)
    _check(executor, frame, "session_summary", period, gap=gap, **window)
    _check(executor, frame, "touchpoint_times", gap=gap, events=None if depth % 2 else [start_event], **window)
    _check(executor, frame, "sessions", gap=gap, **window)
    _check(executor, frame, "session_users", gap=gap, **window)
    _check(executor, frame, "transitions", **window)
    _check(executor, frame, "top_paths", start_event, depth=depth, top=5, **window)
    _check(executor, frame, "top_paths", start_event, depth=depth, top=5, before=True, **window)
    _check(executor, frame, "journeys", start_event, depth=depth, groups=GROUPED, **window)
    _check(executor, frame, "journeys", start_event, depth=depth, groups=GROUPED, before=True, **window)
    _check(executor, frame, "top_journeys", start_event, top=2, depth=depth, groups=GROUPED, before=depth % 2 == 0,
           **window)
    _check(executor, frame, "step_signals", ["a", start_event] if start_event != "a" else ["a"], errors=["c"],
           support=["d", "c"], gap=gap, **window)


@pytest.mark.parametrize("executor", CHECKED, ids=str)
@SETTINGS
@given(
    data=rows,
    steps=st.lists(st.sampled_from(EVENTS), min_size=2, max_size=3),
    order=st.sampled_from(["sequential", "strict", "any"]),
    period=periods,
    start_event=st.sampled_from([None, "a"]),
    control=st.sampled_from([None, "pro"]),
    window=ranges,
)
def test_breakdowns(
    executor: Executor, data: list, steps: list, order: str, period: str, start_event, control, window: dict
) -> None:
    frame = _frame(data)
    _check(executor, frame, "funnel_breakdown", steps, "plan", order=order, window="1d")
    _check(executor, frame, "funnel_drivers", steps, attributes=["plan"], order=order)
    _check(executor, frame, "retention_table", period, start_event=start_event, by="plan")
    _check(executor, frame, "compare_segments", Nested("active_users", (period,)), "plan", counted="last")
    _check(executor, frame, "step_signals", list(dict.fromkeys(steps)), errors=["c"], by="plan",
           counted="last" if control else "first", **window)
    _check(executor, frame, "experiment", "plan", steps[-1], control=control, **window)
