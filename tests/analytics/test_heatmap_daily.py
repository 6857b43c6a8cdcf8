"""Weekday × hour activity and daily series: hand-computed fixtures."""

from __future__ import annotations

import pandas as pd

from usagelens.analytics import EventLog, daily_series, usage_heatmap


def _log() -> EventLog:
    rows = [
        ("a", "2024-01-01 09:15", "login"),  # Monday 09h
        ("a", "2024-01-01 09:45", "export"),  # Monday 09h, same user
        ("b", "2024-01-01 09:05", "login"),  # Monday 09h, another user
        ("b", "2024-01-07 23:59", "login"),  # Sunday 23h
        ("c", "2024-01-03 00:00", "export"),  # Wednesday 00h
    ]
    frame = pd.DataFrame(rows, columns=["user", "time", "event"])
    frame["time"] = pd.to_datetime(frame["time"])
    return EventLog.from_frame(frame, user="user", time="time", event="event")


def test_heatmap_counts_events_and_distinct_users_per_cell() -> None:
    log = _log()
    events = usage_heatmap(log, "events").set_index(["weekday", "hour"])["value"]
    users = usage_heatmap(log, "users").set_index(["weekday", "hour"])["value"]
    assert (events[(0, 9)], users[(0, 9)]) == (3, 2)
    assert (events[(6, 23)], events[(2, 0)]) == (1, 1)
    assert events.sum() == 5 and len(events) == 168


def test_daily_series_of_users_and_of_one_event_cover_every_day() -> None:
    log = _log()
    users = daily_series(log)
    exports = daily_series(log, "export")
    assert list(users.index) == list(pd.date_range("2024-01-01", "2024-01-07"))
    assert users.tolist() == [2, 0, 1, 0, 0, 0, 1]
    assert exports.tolist() == [1, 0, 1, 0, 0, 0, 0]
