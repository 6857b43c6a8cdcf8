"""A warehouse's table cleaned by the project's recipe (issues 14.2, 15.1): the steps compile into every query
sent there, so each analysis of the linked events equals the same events imported and cleaned by pandas;
the first of duplicates is the earliest (a warehouse keeps no row order); a step that cannot run there, and a
recipe that takes a role's column away, are one sentence."""

from __future__ import annotations

import pandas as pd
import pytest
from test_warehouse_cli import events_database, events_frame

from usagelens.analytics.definitions.people import user_activity
from usagelens.model import Project, RecipeStep, SavedAnalysis, Source, SourceKind, WarehouseLink
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, recompute, run_analysis
from usagelens.workspace.project_data import last_data_day
from usagelens.workspace.warehouse import linked_source, preview

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
KEY = "0123456789abcdef" * 4


def _recipe(users: list[str]) -> list[RecipeStep]:
    return [
        RecipeStep("filter_rows", {"column": "event", "operator": "not_one_of", "values": ["alert"]}),
        RecipeStep("rename_events", {"mapping": {"invite": "share", "upgrade": "share"}}),
        RecipeStep("exclude_users", {"column": "user_id", "users": users, "reason": "test accounts"}),
        RecipeStep("remove_duplicates", {"columns": ["user_id", "event"], "keep": "first"}),
        RecipeStep("pseudonymise", {"columns": ["user_id"]}),
    ]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[AnalysisInputs, AnalysisInputs]:
    """(the events imported and cleaned by pandas, the same events linked and cleaned in the warehouse)."""
    frame = events_frame().sort_values(["timestamp", "user_id", "seq", "event"], kind="stable", ignore_index=True)
    path = events_database(tmp_path_factory.mktemp("recipe") / "product.duckdb", frame)
    link = WarehouseLink(url=f"duckdb://{path}", table="events", tie_break="seq")
    users = sorted(frame["user_id"].unique())[:3]
    imported = Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]), roles=dict(ROLES))
    linked = linked_source("Events", link, preview(link), ROLES)
    projects = []
    for source in (imported, linked):
        project = Project(name=source.name, sources=[source], recipes={source.id: _recipe(users)})
        project.pseudonym_key = KEY
        projects.append(project)
    return AnalysisInputs(projects[0]), AnalysisInputs(projects[1])


KINDS = {
    "active_users": {"period": "week"},
    "event_counts": {},
    "funnel": {"steps": ["signup", "view", "share"]},
    "retention": {"period": "week"},
    "lifecycle": {"period": "week"},
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_recipe_runs_in_the_warehouse_as_pandas_runs_it(both: tuple[AnalysisInputs, AnalysisInputs],
                                                             kind: str) -> None:
    imported, linked = both
    assert linked.events_elsewhere
    params = {**ANALYSES[kind].defaults(imported.facts), **KINDS[kind]}
    expected, got = run_analysis(kind, imported, params), run_analysis(kind, linked, params)
    assert not expected.empty, expected.message
    assert (got.empty, got.message) == (expected.empty, expected.message)
    pd.testing.assert_frame_equal(got.table, expected.table)


def test_the_cleaned_events_are_what_the_warehouse_answers(both: tuple[AnalysisInputs, AnalysisInputs]) -> None:
    imported, linked = both
    events = set(linked.facts.events)
    assert "alert" not in events and {"share", "signup"} <= events and not {"invite", "upgrade"} & events
    assert events == set(imported.facts.events)
    assert last_data_day(linked.project) == last_data_day(imported.project)  # both of the raw table
    events = linked.events
    with events.fetching():
        linked_users = set(user_activity(events.view)["user_id"])
    assert linked_users == set(imported.log.user_ids)  # the same pseudonyms, the excluded users left out
    assert all(len(user) == 16 for user in linked_users)


def test_a_step_that_takes_a_role_away_is_one_sentence(both: tuple[AnalysisInputs, AnalysisInputs]) -> None:
    _, linked = both
    project = linked.project
    source = project.sources[0]
    project_copy = Project(name="broken", sources=[source],
                           recipes={source.id: [RecipeStep("drop_columns", {"columns": ["event"]})]})
    result = recompute(project_copy, SavedAnalysis("Users", "active_users", {"period": "week"}))
    assert result.empty and "event" in result.message and "\n" not in result.message
