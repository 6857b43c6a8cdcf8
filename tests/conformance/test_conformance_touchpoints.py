"""Time at each touchpoint by hand, on every executor: a user with one event, a session's edge at exactly the
threshold and one microsecond past it, events at one instant, and the last event of each session."""

from __future__ import annotations

import pandas as pd
import pytest
from cases import frame
from executors import EXECUTORS, REFERENCE, Executor, assert_same, run

EVENTS = frame(
    [
        ("solo", "2024-03-04 08:00", "view"),  # one event: it ends its (only) session
        ("edge", "2024-03-04 10:00", "view"),
        ("edge", "2024-03-04 10:30", "view"),  # exactly 30 min later: the same session
        ("edge", "2024-03-04 11:00:00.000001", "view"),  # 30 min and 1 µs later: a new one
        ("edge", "2024-03-04 11:00:10.000001", "cart"),
        ("tie", "2024-03-05 09:00", "cart"),  # at the view's instant, listed first: 0 s
        ("tie", "2024-03-05 09:00", "view"),
        ("tie", "2024-03-05 09:00:45", "purchase"),  # the last event of the user's session
    ]
)
SECONDS = pd.Timedelta(seconds=1)


def _table(executor: Executor, **options: object) -> pd.DataFrame:
    got = run(executor, EVENTS, "touchpoint_times", **options)
    assert_same(got, run(REFERENCE, EVENTS, "touchpoint_times", **options), f"{options} on {executor}")
    return got.set_index("event")


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_times_run_to_the_next_event_of_the_session(executor: Executor) -> None:
    table = _table(executor)
    assert table.index.tolist() == ["view", "cart", "purchase"]  # most frequent first, ties by name
    view = table.loc["view"]
    # solo's ends its session, edge's first waits 30 min (still the session), its second ends a session (30 min
    # and 1 µs), its third waits 10 s for the cart; tie's view waits 45 s for the purchase
    assert (view.occurrences, view.users, view.session_ends) == (5, 3, 2)
    assert view.session_end_share == pytest.approx(0.4)
    # 10 s, 45 s and 30 min: p25 halfway from the 1st to the 2nd, p90 80 % of the way from the 2nd to the 3rd
    assert [view.p25, view["median"], view.p90] == [27.5 * SECONDS, 45 * SECONDS, (45 + 0.8 * 1755) * SECONDS]
    assert abs(view["mean"] - (10 + 45 + 1800) * SECONDS / 3) < pd.Timedelta(microseconds=1)
    assert (view.under_10_s, view.s_10_to_30, view.s_30_to_60, view.min_30_or_more) == (0, 1, 1, 1)
    cart = table.loc["cart"]  # edge's cart ends its session; tie's cart is followed at its own instant: 0 s
    assert (cart.occurrences, cart.session_ends, cart["median"], cart.under_10_s) == (2, 1, pd.Timedelta(0), 1)
    purchase = table.loc["purchase"]  # the last event of a session has no time
    assert (purchase.occurrences, purchase.session_ends, purchase.session_end_share) == (1, 1, 1.0)
    assert pd.isna(purchase["median"]) and pd.isna(purchase["mean"])
    assert purchase[["under_10_s", "min_30_or_more"]].sum() == 0


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_a_longer_timeout_and_a_chosen_event_and_day(executor: Executor) -> None:
    table = _table(executor, gap="1h", events=["view"])
    assert table.index.tolist() == ["view"]
    assert table.loc["view", "session_ends"] == 1  # only solo's: edge's 30 min and 1 µs is now in the session
    assert table.loc["view", "min_30_or_more"] == 2  # 30 min, and 30 min and 1 µs
    tie_day = _table(executor, start="2024-03-05")  # the day's rows only; their next rows may lie past it
    assert tie_day["occurrences"].tolist() == [1, 1, 1]


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_an_event_that_is_not_in_the_data_is_named(executor: Executor) -> None:
    error = run(executor, EVENTS, "touchpoint_times", events=["checkout"])
    assert "'checkout' does not occur" in str(error)
