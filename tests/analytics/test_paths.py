"""Transitions and top paths."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import AnalysisError, EventLog
from usagelens.analytics.paths import top_paths, transitions

ROWS = [
    ("a", "2024-01-01 10:00", "home"),
    ("a", "2024-01-01 10:01", "search"),
    ("a", "2024-01-01 10:02", "home"),
    ("a", "2024-01-01 10:03", "search"),
    ("b", "2024-01-01 09:00", "home"),
    ("b", "2024-01-01 09:05", "buy"),
    ("c", "2024-01-02 09:00", "home"),  # one event only: no transition, path ends at once
]


def test_transitions_stay_within_a_user(log_from) -> None:
    table = transitions(log_from(ROWS))
    assert table.values.tolist() == [
        ["home", "search", 2, 2 / 3],
        ["home", "buy", 1, 1 / 3],
        ["search", "home", 1, 1.0],
    ]


def test_transitions_respect_the_range(log_from) -> None:
    assert transitions(log_from(ROWS), start="2024-01-02").empty


def test_top_paths_with_end_marker(log_from) -> None:
    table = top_paths(log_from(ROWS), "home", depth=2)
    assert sorted(table[["to_event", "count"]].values.tolist()) == [
        ["(end) → (end)", 1],
        ["buy → (end)", 1],
        ["search → (end)", 1],
        ["search → home", 1],
    ]
    assert table["share"].sum() == pytest.approx(1.0)
    assert set(table["from_event"]) == {"home"}


def test_top_paths_counts_and_limits(log_from) -> None:
    table = top_paths(log_from(ROWS), "home", depth=1, top=1)
    assert table[["to_event", "count", "share"]].values.tolist() == [["search", 2, 0.5]]
    with pytest.raises(AnalysisError, match="depth"):
        top_paths(log_from(ROWS), "home", depth=0)


@pytest.mark.parametrize("chunk", [1, 2, 7, 1 << 23])
def test_counting_in_chunks_of_rows_gives_the_whole_log_counts(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Transitions and users per event count a chunk of rows at a time (bounded memory at 100M events); a pair
    of rows straddling two chunks, or a user's rows spread over several, must count exactly once."""
    import usagelens.analytics.kernels as kernels
    from usagelens.analytics import event_counts

    rng = np.random.default_rng(11)
    n = 500
    frame = pd.DataFrame(
        {
            "user": rng.choice(["a", "b", "c", "d", "e"], n),
            "time": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 60 * 24 * 20, n), "min"),
            "event": rng.choice(["open", "search", "buy", "share"], n),
        }
    )
    # The log's last row, in the last chunk whatever its size: the only row of its user and of its event.
    frame.loc[n] = ["z", pd.Timestamp("2024-01-03"), "rare"]
    log = EventLog.from_frame(frame, user="user", time="time", event="event")
    want = (transitions(log), transitions(log, start="2024-01-05", end="2024-01-12"), event_counts(log))
    monkeypatch.setattr(kernels, "CHUNK_ROWS", chunk)
    fresh = EventLog.from_frame(frame, user="user", time="time", event="event")
    got = (transitions(fresh), transitions(fresh, start="2024-01-05", end="2024-01-12"), event_counts(fresh))
    for table, expected in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(table, expected)
    by_hand = frame.sort_values(["user", "time"], kind="stable").groupby("event")["user"].nunique()
    assert dict(zip(got[2]["event"], got[2]["users"], strict=True)) == by_hand.to_dict()
