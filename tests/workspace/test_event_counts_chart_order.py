"""Event counts' chart ranks its bars by the users it draws, while its table keeps ranking by events: ranked by
events, the demo's bars read 2,803, 2,725, 2,525, 2,662 users down the chart, as if unsorted."""

from __future__ import annotations

from usagelens.model import load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, run_analysis


def test_the_bars_go_down_by_users_and_the_table_by_events() -> None:
    inputs = AnalysisInputs(load_project(demo_project()))
    result = run_analysis("event_counts", inputs, ANALYSES["event_counts"].defaults(DataFacts.of(inputs)))
    (series,) = result.charts[0].series
    users = list(series.y)
    assert users == sorted(users, reverse=True)
    assert dict(zip(series.x, users, strict=True)) == dict(zip(result.table["event"], result.table["users"],
                                                               strict=True))
    assert list(result.table["events"]) == sorted(result.table["events"], reverse=True)
