"""The users behind a period of the sessions table (issue 16), by hand on every executor: whoever has a session
that *starts* in the days, so a session running past midnight belongs to the day it started, a user active on
a day only through such a session is not that day's, and a pause of exactly the gap keeps one session.
Every executor agrees, and each day's users are as many as ``session_summary`` counts for that day."""

from __future__ import annotations

import pytest
from cases import frame
from executors import EXECUTORS, REFERENCE, Executor, assert_same, run

EVENTS = frame(
    [
        ("late", "2024-03-04 23:50", "view"),
        ("late", "2024-03-05 00:10", "view"),  # 20 min on: the session that started on the 4th
        ("edge", "2024-03-05 10:00", "view"),
        ("edge", "2024-03-05 10:30", "view"),  # exactly 30 min: the same session
        ("edge", "2024-03-06 09:00", "cart"),  # a new session on the 6th
        ("back", "2024-03-04 09:00", "view"),
        ("back", "2024-03-05 23:59:59", "view"),  # a new session just before midnight
        ("back", "2024-03-06 00:20", "cart"),  # 20 min on: still the 5th's session
    ]
)
DAYS = {"2024-03-04": ["back", "late"], "2024-03-05": ["back", "edge"], "2024-03-06": ["edge"]}


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
@pytest.mark.parametrize("day", list(DAYS))
def test_a_days_users_are_those_whose_session_started_that_day(executor: Executor, day: str) -> None:
    got = run(executor, EVENTS, "session_users", start=day, end=day)
    assert_same(got, run(REFERENCE, EVENTS, "session_users", start=day, end=day), f"{day} on {executor}")
    assert got["user_id"].tolist() == DAYS[day]
    summary = run(executor, EVENTS, "session_summary", "day")
    assert int(summary.set_index("period").loc[day, "users"]) == len(DAYS[day])


@pytest.mark.parametrize("executor", EXECUTORS, ids=str)
def test_a_longer_gap_and_the_whole_log(executor: Executor) -> None:
    whole = run(executor, EVENTS, "session_users")
    assert whole["user_id"].tolist() == ["back", "edge", "late"]
    sixth = {"gap": "1d", "start": "2024-03-06", "end": "2024-03-06"}
    long_gap = run(executor, EVENTS, "session_users", **sixth)
    assert_same(long_gap, run(REFERENCE, EVENTS, "session_users", **sixth), f"a day's gap on {executor}")
    assert long_gap["user_id"].tolist() == []  # edge's cart and back's are now in sessions of the 5th
