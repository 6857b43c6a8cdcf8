"""Transitions and top paths."""

from __future__ import annotations

import pytest

from usagelens.analytics import AnalysisError
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
