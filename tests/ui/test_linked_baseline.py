"""Step 1 on a warehouse's events: "Baseline from data" offers the warehouse's last day (asked off the UI
thread), not the last day of the 100 rows the project keeps, and measures the KPI there; the KPIs offered name
the warehouse's events, also those the first rows do not show."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from usagelens.analytics.kpi import binding_label
from usagelens.model import KpiBinding, Objective, Project, WarehouseLink, save_project
from usagelens.ui.pages import objectives as objectives_page
from usagelens.workspace.warehouse import linked_source, preview

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))
from test_warehouse_cli import events_database, events_frame  # noqa: E402


def _events() -> pd.DataFrame:
    """The warehouse tests' events and, after them, an export by the last user (past the first 100 rows)."""
    frame = events_frame()
    last = frame.iloc[[-1]].assign(event="export", seq=len(frame))
    return pd.concat([frame, last], ignore_index=True)


@pytest.fixture
def linked_path(tmp_path: Path) -> Path:
    database = events_database(tmp_path / "product.duckdb", _events())
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
    last = _events()["timestamp"].max().date()
    assert offered == [last] and pd.Timestamp(rows["timestamp"].max()).date() < last  # not the preview's end
    wait_idle()
    assert objective.baseline_date == last and objective.baseline is not None and objective.baseline > 0


def test_the_kpis_offered_name_the_warehouse_s_events(  # type: ignore[no-untyped-def]
        qtbot, window, linked_path: Path) -> None:
    assert window.open_path(str(linked_path), ask=False)
    window.go_to_step(1)
    page = window.pages[0]
    assert "export" not in set(window.document.project.sources[0].table["event"])  # not in the first rows
    (column,) = [c for c in page.objectives.model._columns if c.field == "binding"]
    adoption = binding_label(KpiBinding("adoption", {"event": "export", "period": "week"}))
    qtbot.waitUntil(lambda: adoption in column.choice_list(), timeout=20000)  # once the warehouse answered
