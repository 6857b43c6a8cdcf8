"""The entities of steps 1 and 5–8 survive a save and load, and older files without their fields still load."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from usagelens.model import (
    Action,
    ActionStatus,
    Finding,
    Objective,
    Project,
    Quote,
    QuoteMark,
    Review,
    ThemeRule,
    load_project,
    save_project,
)
from usagelens.model.serialize import from_json, to_json


def test_plan_fields_round_trip_through_the_project_file(tmp_path: Path) -> None:
    objective = Objective("Grow reminders", industry=0.25, industry_source="Benchmark 2024")
    finding = Finding("Crashes hurt", hypothesis_ids=["h1"],
                      quotes=[Quote("The app crashes"), Quote("=SUM(A1)", QuoteMark.SUGGESTION)])
    action = Action("Fix crashes", status=ActionStatus.SHIPPED, release_date=date(2024, 4, 1),
                    objective_id=objective.id, reach=1200, impact=2, confidence=0.8, effort=3)
    project = Project(objectives=[objective], findings=[finding], actions=[action],
                      reviews=[Review(date(2024, 7, 1), "ok", {objective.id: 0.3}, data_until=date(2024, 6, 30))],
                      themes=[ThemeRule("Crashes", ["crash", "error"])])
    path = tmp_path / "plan.ulens"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded.objectives == project.objectives
    assert loaded.findings == project.findings
    assert loaded.actions == project.actions
    assert loaded.reviews == project.reviews
    assert loaded.themes == project.themes


def test_entities_saved_before_these_fields_load_with_defaults() -> None:
    old_action = {"title": "Old", "status": "planned", "id": "a1"}
    action = from_json(Action, old_action)
    assert action.reach is None and action.objective_id == "" and action.finding_ids == []
    old_project = to_json(Project())
    del old_project["themes"]
    assert from_json(Project, old_project).themes == []
    assert from_json(Review, {"date": "2024-07-01"}).data_until is None
