"""Step 1's "Baseline from data" on a warehouse's events offers the warehouse's last day (asked off the UI
thread), not the last day of the 100 rows the project keeps, and measures the KPI there."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from usagelens.model import KpiBinding, Objective, Project, WarehouseLink, save_project
from usagelens.ui.pages import objectives as objectives_page
from usagelens.workspace.warehouse import linked_source, preview

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))
from test_warehouse_cli import events_frame  # noqa: E402


@pytest.fixture
def linked_path(tmp_path: Path) -> Path:
    database = tmp_path / "product.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", events_frame())
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    link = WarehouseLink(url=f"duckdb://{database}", table="events", tie_break="seq")
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    objective = Objective("More weekly users", binding=KpiBinding("active_users", {"period": "week"}))
    project = Project(name="linked", sources=[linked_source("Events", link, preview(link), roles)],
                      objectives=[objective])
    path = tmp_path / "linked.ulens"
    save_project(project, path)
    return path


def test_the_baseline_of_warehouse_events_offers_the_warehouse_s_last_day(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_path(str(linked_path), ask=False)
    page = window.pages[0]
    objective = window.document.project.objectives[0]
    rows = window.document.project.sources[0].table
    monkeypatch.setattr(page.objectives, "selected_item", lambda: objective)
    offered: list[date] = []
    monkeypatch.setattr(objectives_page, "ask_date", lambda *args: offered.append(args[3]) or args[3])
    page.compute_baseline()
    wait_idle()
    last = events_frame()["timestamp"].max().date()
    assert offered == [last] and pd.Timestamp(rows["timestamp"].max()).date() < last  # not the preview's end
    wait_idle()
    assert objective.baseline_date == last and objective.baseline is not None and objective.baseline > 0
