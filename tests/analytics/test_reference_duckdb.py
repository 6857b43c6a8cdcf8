"""Cross-checks on random event logs against the independent DuckDB SQL of :mod:`duckdb_reference`."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import (
    EventLog,
    active_users,
    event_counts,
    funnel,
    retention_table,
    session_summary,
    transitions,
)
from usagelens.analytics.periods import parse_duration

duckdb_reference = pytest.importorskip("duckdb_reference", reason="needs duckdb (a test dependency)")

EVENTS = np.array(["open", "view", "cart", "buy", "share"])


def _period_index(starts: pd.Series, period: str) -> np.ndarray:
    """The SQL reference's period numbering, computed from our period start dates."""
    days = starts.to_numpy("datetime64[D]").astype(np.int64)
    if period == "day":
        return days
    if period == "week":
        return days // 7
    return (starts.dt.year * 12 + starts.dt.month - 1).to_numpy(np.int64)


def _random_frame(seed: int, n_events: int = 1500, n_users: int = 60) -> pd.DataFrame:
    """Events over ~10 weeks across a year boundary, on a 10-minute grid so that ties are frequent."""
    rng = np.random.default_rng(seed)
    minutes = rng.integers(0, 70 * 24 * 6, n_events) * 10
    return pd.DataFrame(
        {
            "user": np.char.add("u", rng.integers(0, n_users, n_events).astype(str)),
            "time": pd.Timestamp("2024-12-01") + pd.to_timedelta(minutes, unit="min"),
            "event": EVENTS[rng.choice(len(EVENTS), n_events, p=[0.35, 0.3, 0.15, 0.1, 0.1])],
        }
    )


@pytest.fixture(params=[1, 2, 3])
def sample(request: pytest.FixtureRequest) -> tuple[EventLog, object]:
    frame = _random_frame(request.param)
    log = EventLog.from_frame(frame, user="user", time="time", event="event")
    return log, duckdb_reference.connect(frame, user="user", time="time", event="event")


@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_active_users_match(sample, period: str) -> None:
    log, con = sample
    ours = active_users(log, period)
    ours = ours[ours["active_users"] > 0]
    reference = duckdb_reference.active_users(con, period)
    assert _period_index(ours["period"], period).tolist() == reference["period"].tolist()
    assert ours["active_users"].tolist() == reference["active_users"].tolist()


@pytest.mark.parametrize("mode", ["on", "on_or_after"])
@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_retention_matches(sample, period: str, mode: str) -> None:
    log, con = sample
    ours = retention_table(log, period, mode=mode)  # type: ignore[arg-type]
    reference = duckdb_reference.retention(con, period, mode)
    assert _period_index(ours["cohort"], period).tolist() == reference["cohort"].tolist()
    for column in ("cohort_size", "period_offset", "retained_users"):
        assert ours[column].tolist() == reference[column].tolist(), column


@pytest.mark.parametrize(
    ("steps", "window"),
    [
        (["open", "view", "buy"], None),
        (["open", "view", "buy"], "1d"),
        (["view", "view", "cart"], None),
        (["cart", "open", "cart", "buy"], "3d"),
        (["buy", "buy"], "12h"),
    ],
)
def test_sequential_funnels_match(sample, steps: list[str], window: str | None) -> None:
    log, con = sample
    seconds = parse_duration(window) / 1e9 if window else None
    assert funnel(log, steps, window=window)["users"].tolist() == duckdb_reference.funnel_users(
        con, steps, seconds
    )


def test_event_counts_transitions_and_sessions_match(sample) -> None:
    log, con = sample
    ours = event_counts(log)
    reference = duckdb_reference.event_counts(con)
    assert ours[["event", "events", "users"]].values.tolist() == reference.values.tolist()
    ours = transitions(log).sort_values(["count", "from_event", "to_event"], ascending=[False, True, True])
    assert (
        ours[["from_event", "to_event", "count"]].values.tolist()
        == duckdb_reference.transitions(con).values.tolist()
    )
    ours = session_summary(log, "day", gap="30min")
    ours = ours[ours["sessions"] > 0]
    reference = duckdb_reference.sessions_per_day(con, 1800)
    assert _period_index(ours["period"], "day").tolist() == reference["day"].tolist()
    assert ours[["sessions", "users"]].values.tolist() == reference[["sessions", "users"]].values.tolist()
