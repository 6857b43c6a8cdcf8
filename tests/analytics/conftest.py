"""Helpers for analytics tests: build a small event log from readable rows."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pytest

from usagelens.analytics import EventLog


def make_log(rows: Iterable[tuple], properties: tuple[str, ...] = ()) -> EventLog:
    """``rows`` are ``(user, "YYYY-MM-DD HH:MM[:SS]", event, *property values)``."""
    columns = ["user_id", "timestamp", "event", *properties]
    frame = pd.DataFrame(list(rows), columns=columns)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], format="ISO8601")
    return EventLog.from_frame(frame, user="user_id", time="timestamp", event="event", properties=properties)


@pytest.fixture
def log_from():
    return make_log
