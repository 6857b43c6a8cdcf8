"""``usagelens analyze PROJECT.ulens``: a project's cleaned data analysed headless, as step 4 reads it (its
recipe applied), for the users of a saved cohort with ``--cohort``; what does not apply to a project (options
naming columns or files, an export with --cohort, an unknown cohort) is one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.app import main
from usagelens.model import Cohort, RecipeStep, load_project, save_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis

STEPS = ["signup", "create_project", "invite_teammate"]


@pytest.fixture(scope="module")
def project_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with a cohort and a recipe step that leaves one event out."""
    project = load_project(demo_project())
    project.cohorts.append(Cohort("Early", conditions=[{"kind": "first_seen", "end": "2024-02-29"}]))
    events = next(s for s in project.sources if s.kind == "events")
    project.recipes.setdefault(events.id, []).append(
        RecipeStep("filter_rows", {"column": events.roles["event"], "operator": "not_one_of",
                                   "values": ["set_reminder"]}))
    path = tmp_path_factory.mktemp("project") / "with-cohort.ulens"
    save_project(project, path)
    return path


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path)


def test_the_recipe_runs_before_the_analysis(project_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert main(["analyze", str(project_path), "events", "--out", str(out)]) == 0
    events = _csv(out)["event"].tolist()
    assert "set_reminder" not in events and "signup" in events


def test_a_cohort_analyses_its_users_only_on_either_kind_of_command(project_path: Path, tmp_path: Path) -> None:
    inputs = AnalysisInputs(load_project(project_path))
    early = inputs.project.cohorts[-1]
    expected = run_analysis("funnel", inputs, {**ANALYSES["funnel"].defaults(inputs.facts), "steps": STEPS,
                                               "window_days": 0, "cohort": early.id}).table
    out = tmp_path / "funnel.csv"
    assert main(["analyze", str(project_path), "funnel", "--steps", ",".join(STEPS), "--cohort", "early",
                 "--out", str(out)]) == 0
    assert _csv(out)["users"].tolist() == expected["users"].tolist()
    everyone = tmp_path / "everyone.csv"
    assert main(["analyze", str(project_path), "funnel", "--steps", ",".join(STEPS), "--out", str(everyone)]) == 0
    assert _csv(everyone)["users"].iloc[0] > _csv(out)["users"].iloc[0]

    lifecycle = run_analysis("lifecycle", inputs, {**ANALYSES["lifecycle"].defaults(inputs.facts),
                                                   "period": "month", "cohort": early.id}).table
    out = tmp_path / "lifecycle.csv"
    assert main(["analyze", str(project_path), "lifecycle", "--period", "month", "--cohort", "Early",
                 "--out", str(out)]) == 0
    assert _csv(out)["active_users"].tolist() == lifecycle["active_users"].tolist()


@pytest.mark.parametrize(("args", "said"), [
    (["funnel", "--steps", "signup,login", "--user", "who"],
     "--user does not apply to a project: its sources and their columns are mapped in the project already"),
    (["events", "--cohort", "Whales"], "with-cohort.ulens has no cohort named 'Whales' (its cohorts: 'Early')"),
    (["nps", "--score", "nps"], "nps reads a survey export; for a project's survey use `survey`"),
], ids=["a column option", "an unknown cohort", "a survey file command"])
def test_what_does_not_apply_to_a_project_is_one_line(project_path: Path, tmp_path: Path, args: list[str],
                                                      said: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(project_path), *args, "--out", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"usagelens analyze: error: {said}" and not (tmp_path / "x.csv").exists()


def test_a_cohort_needs_a_project_and_a_project_must_exist(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "events.csv"
    export.write_text("user,time,event\nu1,2024-01-01 10:00,login\n")
    assert main(["analyze", str(export), "events", "--user", "user", "--time", "time", "--event", "event",
                 "--cohort", "Early", "--out", str(tmp_path / "x.csv")]) == 2
    assert "--cohort needs a project" in capsys.readouterr().err
    assert main(["analyze", str(tmp_path / "gone.ulens"), "events", "--out", str(tmp_path / "x.csv")]) == 2
    assert capsys.readouterr().err.strip() == ("usagelens analyze: error: gone.ulens does not exist (was it moved or "
                                                "deleted?)")
