"""Steps 7 and 8 on a linked warehouse's events: a funnel's conversion per day of entering and a daily-cohort
retention are measured there (no "not measured in a warehouse" any more), and the impacts (one against a
control cohort) and the board's trends are the numbers of the same events imported into the project."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from usagelens.model import (
    Action,
    ActionStatus,
    Cohort,
    KpiBinding,
    Objective,
    Project,
    Source,
    SourceKind,
    WarehouseLink,
    save_project,
)
from usagelens.workspace.analyses import AnalysisInputs
from usagelens.workspace.project_data import kpi_inputs
from usagelens.workspace.review_board import action_impacts, objective_statuses
from usagelens.workspace.warehouse import linked_source, preview

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))
from test_warehouse_cli import events_database  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
RELEASE = date(2024, 2, 12)
PRO = Cohort("Pro", conditions=[{"kind": "attribute", "attribute": "plan", "op": "in", "values": ["pro"]}])


def _events() -> pd.DataFrame:
    """Eight sign-ups a day for twelve weeks; from the release on, more upgrade within two days and more come
    back on their third day, pro and free users alike."""
    rng = np.random.default_rng(7)
    rows = []
    for n in range(8 * 84):
        day = pd.Timestamp("2024-01-01") + pd.Timedelta(days=n // 8)
        at = day + pd.Timedelta(minutes=int(rng.integers(0, 24 * 60)))
        user, plan, after = f"u{n:04d}", ("pro", "free")[n % 2], day.date() >= RELEASE
        rows.append((user, at, "signup", plan))
        if rng.random() < (0.55 if after else 0.3):
            rows.append((user, at + pd.Timedelta(hours=int(rng.integers(1, 40))), "upgrade", plan))
        if rng.random() < (0.6 if after else 0.35):
            rows.append((user, at + pd.Timedelta(days=3, minutes=5), "view", plan))
    table = pd.DataFrame(rows, columns=["user_id", "timestamp", "event", "plan"])
    return table.assign(seq=np.arange(len(table), dtype=np.int64))


def _plan(project: Project) -> Project:
    """Two objectives measured by the new series, and three shipped actions on them (one for pro users only)."""
    upgrade = Objective("More sign-ups upgrade", kpi="Upgrade within 2 days",
                        binding=KpiBinding("funnel", {"steps": ["signup", "upgrade"], "window_days": 2}),
                        baseline=0.3, baseline_date=date(2024, 1, 31), target=0.55, deadline=date(2024, 6, 30))
    back = Objective("Users come back", kpi="Day-3 return",
                     binding=KpiBinding("retention", {"period": "day", "offset": 3, "start_event": "signup",
                                                      "return_event": "view"}),
                     baseline=0.35, baseline_date=date(2024, 1, 31), target=0.6, deadline=date(2024, 6, 30))
    project.objectives = [upgrade, back]
    project.cohorts = [PRO]
    project.actions = [
        Action("Onboarding checklist", status=ActionStatus.SHIPPED, release_date=RELEASE, objective_id=upgrade.id),
        Action("Reminder e-mails", status=ActionStatus.SHIPPED, release_date=RELEASE, objective_id=back.id),
        Action("Pro beta", status=ActionStatus.SHIPPED, release_date=RELEASE, objective_id=upgrade.id,
               exposed_cohort=PRO.id),
    ]
    return project


@pytest.fixture
def linked_path(tmp_path: Path) -> Path:
    database = events_database(tmp_path / "product.duckdb", _events())
    link = WarehouseLink(url=f"duckdb://{database}", table="events", tie_break="seq")
    project = _plan(Project(name="linked", sources=[linked_source("Events", link, preview(link), ROLES)]))
    path = tmp_path / "linked.ulens"
    save_project(project, path)
    return path


def _imported() -> tuple[Project, object]:
    """The same plan over the same events imported into the project, and its KPI inputs."""
    project = _plan(Project(name="imported", sources=[
        Source("Events", SourceKind.EVENTS, table=_events().drop(columns=["seq"]), roles=dict(ROLES))]))
    return project, kpi_inputs(project, AnalysisInputs(project).log)


def _numbers(impact: object) -> tuple:
    return (impact.verdict, impact.window_days, impact.difference, impact.p_value,  # type: ignore[attr-defined]
            impact.series.round(12).tolist())  # type: ignore[attr-defined]


def test_step_7_measures_the_impact_on_a_linked_source_s_funnel_and_daily_retention(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked_path: Path) -> None:
    assert window.open_path(str(linked_path), ask=False)
    window.go_to_step(7)
    page = window.pages[6]
    qtbot.waitUntil(lambda: len(page.impacts) == 3, timeout=60000)
    wait_idle()
    actions = window.document.project.actions
    got = [page.impacts[action.id] for action in actions]
    assert [impact.verdict for impact in got] == ["increase", "increase", "no clear change"]
    assert all(impact.series is not None and impact.window_days == 28 for impact in got)
    imported, inputs = _imported()
    expected = action_impacts(imported, inputs)
    assert [_numbers(impact) for impact in got] == [_numbers(expected[action.id]) for action in imported.actions]
    page.status.view.selectRow(0)
    wait_idle()
    assert "increase" in page.impact_text.text() and "not measured" not in page.impact_text.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "implement-linked-funnel-impact.png"))


def test_step_8_shows_a_linked_source_s_funnel_and_daily_retention_trends(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, linked_path: Path) -> None:
    assert window.open_path(str(linked_path), ask=False)
    window.go_to_step(8)
    page = window.pages[7]
    qtbot.waitUntil(lambda: len(page.board.rows) == 2, timeout=60000)
    wait_idle()
    objectives = window.document.project.objectives
    imported, inputs = _imported()
    expected = objective_statuses(imported, inputs)
    for objective, want in zip(objectives, expected, strict=True):
        row = page.board.rows[objective.id]
        assert row.trend is not None and len(row.trend) >= 8
        pd.testing.assert_series_equal(row.trend, want.trend)
        assert row.current == want.current
    model, trend = page.board_model, page._column_index("trend")
    assert all(model.data(model.index(n, trend)) for n in range(2))  # each trend's text beside its sparkline
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SCREENSHOTS / "review-linked-funnel-retention.png"))
