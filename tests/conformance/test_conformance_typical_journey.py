"""The typical journey (the gallery's first funnel and pain points) on every executor: the same events give the
same journey in memory and in a warehouse. By hand: an event at the entry's instant listed before it, a user who
never entered, a tie of users broken by name (not by which event is more frequent, nor by row order), a tie of
median delays broken by users then name, a second entry that does not restart the clock; then every hand-made
case, an entry that is not in the data, and random logs."""

from __future__ import annotations

import pandas as pd
import pytest
from cases import CASES, frame
from executors import EXECUTORS, REFERENCE, Executor, assert_same, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usagelens.analytics import AnalysisError

EVENTS = frame(
    [
        ("a", "2024-03-04 10:00", "tour"),  # at the sign-up's instant, listed before it: after it all the same
        ("a", "2024-03-04 10:00", "signup"),
        ("a", "2024-03-04 10:05", "share"),
        ("a", "2024-03-04 11:00", "pay"),
        ("b", "2024-03-04 12:00", "signup"),
        ("b", "2024-03-04 12:05", "pay"),  # pay and share: two users each, more often share (tie by name)
        ("b", "2024-03-04 12:05", "share"),
        ("b", "2024-03-05 12:00", "signup"),  # a second sign-up: the clock runs from the first
        ("b", "2024-03-05 12:01", "tour"),
        ("c", "2024-03-04 09:00", "share"),  # before c signs up: not after it
        ("c", "2024-03-04 09:30", "share"),
        ("c", "2024-03-04 10:00", "signup"),
        ("c", "2024-03-04 10:30", "tour"),
        ("d", "2024-03-04 08:00", "share"),  # never signs up
        ("d", "2024-03-04 08:00", "share"),
    ]
)


def _journey(executor: Executor, events: pd.DataFrame, entry: str, steps: int = 3) -> object:
    got = run(executor, events, "typical_journey", entry, steps)
    assert_same(got, run(REFERENCE, events, "typical_journey", entry, steps), f"{entry} {steps} on {executor}")
    return got


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_the_journey_after_the_first_sign_up(executor: Executor) -> None:
    got = _journey(executor, EVENTS, "signup", 4)
    assert isinstance(got, pd.DataFrame)
    # tour: a (0 s), b (1 day 1 min, from the first sign-up), c (30 min): 3 users, median 30 min; share: a and b
    # after 5 min each; pay: a after 1 h, b after 5 min, median 32.5 min
    assert list(got["event"]) == ["signup", "share", "tour", "pay"]
    assert list(got["users"]) == [3, 2, 3, 2]
    assert list(got["median_delay"]) == [pd.Timedelta(0), pd.Timedelta(minutes=5), pd.Timedelta(minutes=30),
                                         pd.Timedelta(minutes=32, seconds=30)]


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_a_tie_of_users_is_broken_by_name(executor: Executor) -> None:
    """Three steps keep tour and then pay before share (both two users), though share is the more frequent."""
    got = _journey(executor, EVENTS, "signup", 3)
    assert isinstance(got, pd.DataFrame)
    assert list(got["event"]) == ["signup", "tour", "pay"]


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_equal_median_delays_are_ordered_by_users_then_name(executor: Executor) -> None:
    events = frame([(user, f"2024-03-04 10:0{minute}", event) for user, rows in {
        "a": [(0, "open"), (1, "zoom"), (1, "edit"), (1, "copy")],
        "b": [(0, "open"), (1, "zoom"), (1, "edit")],
    }.items() for minute, event in rows])
    got = _journey(executor, events, "open", 4)
    assert isinstance(got, pd.DataFrame)
    assert list(got["event"]) == ["open", "edit", "zoom", "copy"]


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize(("case", "entry"), [
    ("ties", "view"), ("repeats", "purchase"), ("window_edge", "signup"), ("single", "signup"),
    ("microseconds", "view"), ("ids", "signup"), ("calendar", "view"), ("epoch", "signup"), ("empty", "view"),
    ("single", "nope"),
])
def test_every_case(executor: Executor, case: str, entry: str) -> None:
    got = _journey(executor, CASES[case], entry, 3)
    if entry == "nope":
        assert isinstance(got, AnalysisError)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.integers(0, 30), st.sampled_from(["signup", "open", "pay",
                                                                                         "share", "tour"])),
                min_size=1, max_size=40))
@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_random_logs(executor: Executor, rows: list[tuple[str, int, str]]) -> None:
    events = frame([(user, f"2024-03-04 10:{minute:02d}", event) for user, minute, event in rows])
    entry = "signup" if (events["event"] == "signup").any() else str(events["event"].iloc[0])
    _journey(executor, events, entry, 4)


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_the_rows_order_does_not_matter(executor: Executor) -> None:
    """Rows listed backwards (the tie-break ``seq`` too, as another export of the same events would): the same."""
    backwards = EVENTS.iloc[::-1].reset_index(drop=True)
    assert_same(run(executor, backwards, "typical_journey", "signup", 4),
                run(REFERENCE, EVENTS, "typical_journey", "signup", 4), f"backwards on {executor}")
