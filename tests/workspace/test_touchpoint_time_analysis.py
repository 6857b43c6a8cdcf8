"""Time at each touchpoint in the gallery (issue 16.5) on a hand-made log: a user with one event, a session's
edge, events at one instant, the last event of a session; the chart's order, bars and middle halves; its
messages; and the same compute on a DuckDB view giving the same result."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import EventLog
from usagelens.analytics.definitions import duckdb_backend
from usagelens.model import Project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, run_analysis
from usagelens.workspace.warehouse import gallery_table

ROWS = [
    ("solo", "2024-03-04 08:00:00", "open"),  # one event: the last of its session, no time
    ("u1", "2024-03-04 10:00:00", "open"), ("u1", "2024-03-04 10:00:00", "read"),  # one instant: open takes 0 s
    ("u1", "2024-03-04 10:02:00", "edit"),  # read: 2 min
    ("u1", "2024-03-04 10:40:00", "open"),  # edit: 38 min later, past the 30 min pause: the session ended
    ("u1", "2024-03-04 10:41:00", "read"),  # open: 1 min; read: the user's last event
    ("u2", "2024-03-05 09:00:00", "read"), ("u2", "2024-03-05 09:30:00", "edit"),  # exactly 30 min: still on
]


def _frame() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["user", "time", "event"])
    frame["time"] = pd.to_datetime(frame["time"], format="ISO8601").astype("datetime64[us]")
    return frame


def _run(frame: pd.DataFrame | None = None, **params: object):  # type: ignore[no-untyped-def]
    inputs = AnalysisInputs(Project())
    inputs.__dict__["log"] = EventLog.from_frame(_frame() if frame is None else frame, user="user", time="time",
                                                 event="event")
    inputs.__dict__["customers"] = None
    defaults = ANALYSES["touchpoint_time"].defaults(DataFacts.of(inputs))
    return run_analysis("touchpoint_time", inputs, {**defaults, **params})


def test_each_event_is_timed_until_the_next_one_of_its_session() -> None:
    result = _run()
    table = result.table.set_index("event")
    assert table.index.tolist() == ["read", "open", "edit"]  # longest median first: 16 min, 30 s, none
    assert table["occurrences"].tolist() == [3, 3, 2]
    assert table["session_ends"].tolist() == [1, 1, 2]  # u1's last read; solo's open; u1's edit and u2's edit
    assert table.loc["read", "median"] == pd.Timedelta(minutes=16)  # 2 min and 30 min
    assert table.loc["open", "median"] == pd.Timedelta(seconds=30)  # 0 s (a tie) and 1 min
    assert pd.isna(table.loc["edit", "median"])
    (chart,) = result.charts
    assert chart.kind == "bars" and chart.series[0].x == ["read", "open", "edit"]
    assert "minutes" in chart.y_label and chart.series[0].y[:2].tolist() == [16, 0.5]
    low, high = chart.intervals  # type: ignore[misc]
    assert low[0] == pytest.approx(9) and high[0] == pytest.approx(23)  # 2 min + ¼ and ¾ of the way to 30 min
    assert result.message.startswith("Users stay longest at read: half of its 3 occurrences were followed by their "
                                     "next event within 16 min 0 s")
    assert "events at the same instant count as 0 s" in result.message


def test_the_timeout_the_chosen_events_and_the_range() -> None:
    longer = _run(gap_minutes=60).table.set_index("event")
    assert longer.loc["edit", "median"] == pd.Timedelta(minutes=38)  # u1's edit now runs on into the open
    only = _run(events=" open , edit,open").table  # spaces and a repeat are forgiven
    assert only["event"].tolist() == ["open", "edit"]
    assert _run(top=1).table["event"].tolist() == ["open"]  # the most frequent (ties by name)
    day = _run(start="2024-03-05").table
    assert day["event"].tolist() == ["read", "edit"] and day["occurrences"].tolist() == [1, 1]
    assert _run(events="nope").message == "Event 'nope' does not occur in the data."


def test_what_cannot_be_timed_is_said() -> None:
    alone = _run(pd.DataFrame({"user": ["a", "b"], "time": pd.to_datetime(["2024-03-04 10:00", "2024-03-05 10:00"]),
                               "event": ["open", "open"]}))
    assert alone.empty and alone.message == "Nothing to time: every event in this range was the last of its session."
    assert len(alone.table) == 1  # its occurrences and session ends are still listed
    days = _run(pd.DataFrame({"user": ["a", "a"], "time": pd.to_datetime(["2024-03-04", "2024-03-05"]),
                              "event": ["open", "read"]}))
    assert days.empty and "cannot be known" in days.message
    nothing = _run(start="2030-01-01", end="2030-01-02")
    assert nothing.empty and nothing.message == "There are no events in this date range."


def test_seconds_when_every_middle_half_is_short() -> None:
    quick = _run(events="open")
    assert "seconds" in quick.charts[0].y_label and quick.charts[0].series[0].y.tolist() == [30]


def test_the_same_compute_on_a_duckdb_view_gives_the_same_result() -> None:
    view = duckdb_backend.register_frame(duckdb_backend.connect(threads=1), _frame(), user="user", time="time",
                                         event="event")
    params = {"gap_minutes": 30, "events": "", "top": 15}
    on_view, in_memory = gallery_table("touchpoint_time", view, params), _run(**params)
    pd.testing.assert_frame_equal(on_view.table, in_memory.table)
    assert on_view.message == in_memory.message
    np.testing.assert_array_equal(on_view.charts[0].series[0].y, in_memory.charts[0].series[0].y)
