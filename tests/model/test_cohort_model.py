"""Cohorts in the project: saved and opened as they were, older files brought up, edits undone in one step."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from usagelens.model import Cohort, Project, ProjectFileError, Source, SourceKind, load_project, save_project
from usagelens.model.commands import InsertItem, RemoveItem, ReplaceItem
from usagelens.model.file_upgrades import UPGRADES
from usagelens.model.project_file import FORMAT_VERSION

# Saved by UsageLens at format 1 (commit 3362ae3), before cohorts existed; kept as it was written.
FORMAT_1 = Path(__file__).parents[1] / "data" / "projects" / "format-1.ulens"

CONDITIONS: list[dict[str, object]] = [
    {"kind": "attribute", "attribute": "plan", "op": "in", "values": ["pro", "team"]},
    {"kind": "event_count", "event": "export", "at_least": 3, "at_most": None, "start": "2024-03-01",
     "end": "2024-03-31"},
    {"kind": "first_seen", "start": "2024-03-01", "end": "2024-03-31"},
    {"kind": "funnel", "steps": ["signup", "create", "invite", "pay"], "step": 3, "order": "sequential",
     "window_days": 14},
    {"kind": "users", "user_ids": ["007", "7", "ünï"]},
]


def test_cohorts_round_trip(tmp_path: Path) -> None:
    cohort = Cohort("Power users — ünï", "Exported often in March", "any", CONDITIONS)
    events = pd.DataFrame({"u": ["a"], "t": pd.to_datetime(["2024-03-04"]), "e": ["x"]})
    project = Project(cohorts=[cohort, Cohort("Empty")],
                      sources=[Source("ev", SourceKind.EVENTS, events, roles={"user_id": "u", "timestamp": "t",
                                                                               "event": "e"})])
    save_project(project, tmp_path / "p.ulens")
    with zipfile.ZipFile(tmp_path / "p.ulens") as archive:
        assert json.loads(archive.read("manifest.json"))["version"] == FORMAT_VERSION
    loaded = load_project(tmp_path / "p.ulens")
    assert loaded.cohorts == project.cohorts
    assert loaded.cohort(cohort.id) == cohort and loaded.cohort("gone") is None


def test_a_format_1_file_opens_with_no_cohorts_and_saves_as_the_current_format(tmp_path: Path) -> None:
    with zipfile.ZipFile(FORMAT_1) as archive:
        assert json.loads(archive.read("manifest.json"))["version"] == 1
        assert "cohorts" not in json.loads(archive.read("project.json"))
    project = load_project(FORMAT_1)
    assert project.name == "Format 1" and project.cohorts == []
    assert [s.name for s in project.sources] == ["events", "customers"] and len(project.sources[0].table) == 6
    assert project.findings[0].analysis is not None and project.findings[0].analysis.kind == "adoption"
    project.cohorts.append(Cohort("Pro", conditions=CONDITIONS[:1]))
    save_project(project, tmp_path / "again.ulens")
    assert load_project(tmp_path / "again.ulens").cohorts[0].name == "Pro"


def test_every_old_version_has_an_upgrade() -> None:
    assert sorted(UPGRADES) == list(range(1, FORMAT_VERSION))


def test_a_cohort_that_is_not_an_object_names_its_place(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bad.ulens", "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "usagelens-project", "version": 2}))
        archive.writestr("project.json", json.dumps({"cohorts": [{"name": "x", "conditions": ["plan"]}]}))
    with pytest.raises(ProjectFileError, match=r"cohorts\[0\]\.conditions\[0\] should be an object"):
        load_project(tmp_path / "bad.ulens")


def test_add_edit_and_remove_a_cohort_undo_in_one_step_each() -> None:
    project = Project()
    cohort = Cohort("Pro", conditions=CONDITIONS[:1])
    undo_add = InsertItem(("cohorts",), cohort).apply(project)
    edited = Cohort("Pro or frequent", match="any", conditions=CONDITIONS[:2], id=cohort.id)
    undo_edit = ReplaceItem(("cohorts",), edited).apply(project)
    assert project.cohorts == [edited]
    redo_edit = undo_edit.apply(project)
    assert project.cohorts == [cohort]
    redo_edit.apply(project)
    undo_remove = RemoveItem(("cohorts",), cohort.id).apply(project)
    assert project.cohorts == []
    undo_remove.apply(project)
    assert project.cohorts == [edited]
    undo_edit.apply(project)
    undo_add.apply(project)
    assert project.cohorts == []
