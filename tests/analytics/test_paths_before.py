"""Paths that lead up to an event (what came before contact_support), on both engines and in the gallery."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from usagelens.analytics import EventLog, top_paths
from usagelens.cli import analyze
from usagelens.model import Project, Source, SourceKind
from usagelens.workspace.analyses import AnalysisInputs
from usagelens.workspace.analyses.behaviour import compute_paths

ROWS = [  # (user, minute, event)
    ("a", 0, "login"), ("a", 1, "error"), ("a", 2, "support"), ("a", 3, "error"), ("a", 4, "support"),
    ("b", 0, "support"),  # nothing before: (start) twice
    ("c", 0, "login"), ("c", 1, "export"), ("c", 2, "error"), ("c", 3, "support"),
]


def _frame() -> pd.DataFrame:
    return pd.DataFrame([(u, pd.Timestamp("2025-02-03") + pd.Timedelta(minutes=m), e) for u, m, e in ROWS],
                        columns=["user_id", "timestamp", "event"])


def test_the_events_before_each_occurrence_oldest_first_with_start_where_the_user_had_none() -> None:
    log = EventLog.from_frame(_frame(), user="user_id", time="timestamp", event="event")
    table = top_paths(log, "support", depth=2, before=True)
    # a's second support came after support, error; b's first event is support itself
    assert sorted(table["from_event"]) == ["(start) → (start)", "export → error", "login → error", "support → error"]
    assert set(table["to_event"]) == {"support"} and table["count"].tolist() == [1] * 4
    assert table["share"].sum() == 1
    assert top_paths(log, "support", depth=1, before=True)["from_event"].tolist()[0] == "error"  # 3 of 4


def test_the_cli_and_the_gallery_give_the_numpy_table(tmp_path: Path) -> None:
    csv, out = tmp_path / "events.csv", tmp_path / "out.csv"
    _frame().to_csv(csv, index=False)
    parser = argparse.ArgumentParser(prog="usagelens")
    analyze.add_parser(parser.add_subparsers(dest="command"))
    argv = ["analyze", str(csv), "--user", "user_id", "--time", "timestamp", "--event", "event", "--out", str(out),
            "paths", "--to", "support", "--depth", "2"]
    assert analyze.run(parser.parse_args(argv)) == 0
    log = EventLog.from_frame(_frame(), user="user_id", time="timestamp", event="event")
    expected = top_paths(log, "support", depth=2, before=True)
    pd.testing.assert_frame_equal(pd.read_csv(out), expected, check_dtype=False)
    source = Source("events", SourceKind.EVENTS, _frame(),
                    roles={"user_id": "user_id", "timestamp": "timestamp", "event": "event"})
    result = compute_paths(AnalysisInputs(Project(sources=[source])),
                           {"event": "support", "direction": "before", "depth": 2, "top": 10})
    pd.testing.assert_frame_equal(result.table, expected)
    assert result.charts[0].title == "What leads up to support"
