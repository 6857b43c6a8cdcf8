"""The gallery's lifecycle and days-active analyses on a hand-made log (issue 16 item 1)."""

from __future__ import annotations

import pandas as pd

from usagelens.analytics import EventLog
from usagelens.model import Project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, run_analysis

# Weeks start on Monday: 1 Jan, 8 Jan and 15 Jan 2024.
ROWS = [
    ("a", "2024-01-01 09:00"), ("a", "2024-01-02 09:00"), ("a", "2024-01-09 10:00"),
    ("b", "2024-01-03 11:00"), ("b", "2024-01-16 12:00"),
    ("c", "2024-01-17 08:00"), ("c", "2024-01-18 08:00"), ("c", "2024-01-18 09:00"),
]


def _inputs() -> AnalysisInputs:
    frame = pd.DataFrame(ROWS, columns=["user", "time"])
    frame["time"] = pd.to_datetime(frame["time"])
    frame["event"] = "open"
    inputs = AnalysisInputs(Project())
    inputs.__dict__["log"] = EventLog.from_frame(frame, user="user", time="time", event="event")
    inputs.__dict__["customers"] = None
    return inputs


def _run(kind: str, **params: object):  # type: ignore[no-untyped-def]
    inputs = _inputs()
    return run_analysis(kind, inputs, {**ANALYSES[kind].defaults(DataFacts.of(inputs)), **params})


def test_lifecycle_counts_each_weeks_new_returning_resurrecting_and_dormant_users() -> None:
    result = _run("lifecycle")
    table = result.table
    assert list(table["period"].dt.strftime("%Y-%m-%d")) == ["2024-01-01", "2024-01-08", "2024-01-15"]
    assert list(table["new"]) == [2, 0, 1]  # a and b, then c
    assert list(table["returning"]) == [0, 1, 0]  # a again in week 2
    assert list(table["resurrecting"]) == [0, 0, 1]  # b back after a week away
    assert list(table["dormant"]) == [0, -1, -1]  # b gone in week 2, a in week 3
    assert list(table["active_users"]) == [2, 1, 2]
    assert result.message.startswith("Everyone active in the first week counts as new")
    assert [s.name for s in result.charts[0].series] == ["New", "Returning", "Resurrecting", "Dormant"]
    later = _run("lifecycle", start="2024-01-08")
    assert "first week counts as new" not in later.message  # the history before the range is known


def test_days_active_counts_users_by_active_days_per_week_and_averages_the_curve() -> None:
    result = _run("frequency")
    first_week = result.table[result.table["period"] == pd.Timestamp("2024-01-01")].set_index("active_days")
    assert first_week.loc[1, "users"] == 1 and first_week.loc[2, "users"] == 1  # b one day, a two days
    assert first_week.loc[1, "share_at_least"] == 1.0 and first_week.loc[2, "share_at_least"] == 0.5
    curve = dict(zip(result.charts[0].series[0].x, result.charts[0].series[0].y, strict=True))
    # week 1: 1 of 2 users on one day; week 2: a on one day (1/1); week 3: b one day, c two days (1/2)
    assert curve["1"] == (0.5 + 1.0 + 0.5) / 3
    assert curve["2"] == (0.5 + 0.0 + 0.5) / 3
    assert ANALYSES["frequency"].defaults(DataFacts.of(_inputs()))["period"] == "week"
