"""Which sources are analysed: several event logs combine (with a source column to break down by), the user
may narrow the choice, and a source left out is always named with its reason."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.model import KpiBinding, Objective, Project, Source, SourceKind, load_project, save_project
from usagelens.ui.data_cache import DataCache
from usagelens.workspace.analyses import AnalysisInputs, DataFacts, run_analysis
from usagelens.workspace.project_data import analysed_log, kpi_inputs
from usagelens.workspace.review_board import objective_statuses
from usagelens.workspace.selection import SOURCE_COLUMN, data_line, data_notes, selection


def _events(name: str, rows: list[tuple[str, str, str]], *, user: str = "user_id", time: str = "time",
            event: str = "event") -> Source:
    table = pd.DataFrame(rows, columns=[user, time, event])
    table[time] = pd.to_datetime(table[time])
    return Source(name, SourceKind.EVENTS, table, roles={"user_id": user, "timestamp": time, "event": event})


WEB = [("u1", "2024-03-04 10:00", "signup"), ("u2", "2024-03-05 11:00", "signup"), ("u1", "2024-03-12 08:00", "login")]
APP = [("u3", "2024-03-06 09:00", "signup"), ("u1", "2024-03-13 09:00", "open_app")]


@pytest.fixture
def project() -> Project:
    web = _events("web.csv", WEB)
    app = _events("app.csv", APP, user="distinct_id", time="ts", event="name")  # another tool's names
    return Project(name="Two logs", sources=[web, app])


def test_two_event_logs_are_analysed_together(project: Project) -> None:
    log = analysed_log(project)
    assert log is not None and log.n_events == 5 and log.n_users == 3
    assert set(log.event_names) == {"signup", "login", "open_app"}
    assert data_line(project) == "Events: web.csv + app.csv (combined)"
    assert data_notes(project) == []
    facts = DataFacts.of(AnalysisInputs(project))
    assert dict(facts.attribute_values)[SOURCE_COLUMN] == ("app.csv", "web.csv")


def test_the_source_column_is_a_breakdown(project: Project) -> None:
    result = run_analysis("active_users", AnalysisInputs(project), {"period": "week", "by": SOURCE_COLUMN})
    weeks = result.table.pivot_table(index="period", columns="segment", values="active_users", aggfunc="sum")
    assert weeks.loc[pd.Timestamp("2024-03-04"), "web.csv"] == 2
    assert weeks.loc[pd.Timestamp("2024-03-04"), "app.csv"] == 1
    # A breakdown by an event property counts a user under their first value: u1 started on the web.
    assert weeks.loc[pd.Timestamp("2024-03-11"), "web.csv"] == 1


def test_a_narrowed_choice_leaves_the_others_out_with_a_line(project: Project) -> None:
    project.analysed = {"events": [project.sources[1].id]}
    log = analysed_log(project)
    assert log is not None and log.n_events == 2
    assert data_line(project) == "Events: app.csv"
    assert data_notes(project) == ["web.csv is not analysed: not chosen for analysis."]


def test_a_source_without_its_roles_is_named_not_dropped(project: Project) -> None:
    project.sources[1].roles = {"user_id": "distinct_id", "timestamp": "ts"}
    assert [s.name for s in selection(project, SourceKind.EVENTS).sources] == ["web.csv"]
    assert data_notes(project) == ["app.csv is not analysed: no column is mapped to event."]


def test_kpis_measure_the_combined_data(project: Project) -> None:
    objective = Objective("Grow", binding=KpiBinding("active_users", {"period": "day"}))
    project.objectives = [objective]
    log = analysed_log(project)
    assert log is not None
    (status,) = objective_statuses(project, kpi_inputs(project, log))
    assert status.value == 1  # 13 March: u1 on the app is the last complete day's one active user


def test_the_cache_serves_the_combined_log_until_a_source_changes(project: Project) -> None:
    cache = DataCache()
    first = analysed_log(project, cache)
    assert analysed_log(project, cache) is first
    project.sources[0].table = project.sources[0].table.iloc[:2]
    assert analysed_log(project, cache).n_events == 4


def test_the_choice_is_saved_with_the_project(project: Project, tmp_path: Path) -> None:
    project.analysed = {"events": [project.sources[0].id]}
    save_project(project, tmp_path / "p.ulens")
    assert load_project(tmp_path / "p.ulens").analysed == project.analysed
