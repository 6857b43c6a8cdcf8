"""Step 3's check of a big saved source is made by DuckDB over its stored Parquet, never decoding the table, and
gives what the pandas check gives (workspace.quality_check)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.model import Project, RecipeStep, SourceKind, load_project
from usagelens.model.stored_table import stored_table
from usagelens.paths import bundle_root
from usagelens.workspace import engine_logs, quality_check
from usagelens.workspace.quality_check import CleanCheck, check_source

DEMO = bundle_root() / "samples" / "demo.ulens"
EVENTS_RECIPE = [
    RecipeStep("remove_duplicates", {}),
    RecipeStep("exclude_users", {"pattern": "qa_*"}),
    RecipeStep("rename_events", {"mapping": {"view_dashboard": "dashboard", "login": "sign in"}}),
    RecipeStep("filter_rows", {"column": "platform", "operator": "one_of", "values": ["web", "ios"]}),
    RecipeStep("trim_text", {"case": "lower"}),
    RecipeStep("pseudonymise", {"columns": ["user_id"]}),
    RecipeStep("drop_columns", {"columns": ["no such column"]}),  # fails, as in pandas
]
BILLING_RECIPE = [
    RecipeStep("fill_missing", {"columns": ["currency"], "value": "EUR"}),
    RecipeStep("filter_rows", {"column": "amount", "operator": "greater", "value": 20}),
]


def _project(recipes: dict[SourceKind, list[RecipeStep]]) -> Project:
    project = load_project(DEMO)
    project.pseudonym_key = "a key of this test"
    for kind, steps in recipes.items():
        project.recipes[project.sources_of(kind)[0].id] = list(steps)
    return project


def _checks(recipes: dict[SourceKind, list[RecipeStep]], **options: object) -> tuple[Project, list[CleanCheck]]:
    project = _project(recipes)
    checks = [check_source(project, source, max_suspects=500, progress=lambda _: None, cancelled=lambda: False,
                           **options) for source in project.sources]
    return project, checks


def assert_same_check(found: CleanCheck, expected: CleanCheck) -> None:
    assert found.raw.summary_rows() == expected.raw.summary_rows()
    assert found.cleaned == expected.cleaned
    assert found.outcomes == expected.outcomes
    assert found.personal == expected.personal
    assert (found.weights is None) == (expected.weights is None)
    if found.weights is not None and expected.weights is not None:
        listed = [s.user_id for s in found.cleaned.suspects]
        assert found.weights.describe(listed) == expected.weights.describe(listed)
        pd.testing.assert_frame_equal(found.weights.per_user, expected.weights.per_user, check_names=False)


@pytest.mark.parametrize("recipes", [
    {SourceKind.EVENTS: EVENTS_RECIPE, SourceKind.REVENUE: BILLING_RECIPE},
    {},
    {SourceKind.EVENTS: [RecipeStep("filter_rows", {"column": "platform", "operator": "equals", "value": "fax"})]},
], ids=["several steps", "no recipe", "nothing left"])
def test_every_source_is_checked_by_duckdb_as_pandas_checks_it(
    recipes: dict[SourceKind, list[RecipeStep]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    project, by_engine = _checks(recipes)
    assert not any(stored_table(source).decoded for source in project.sources)
    assert all(check.note == "" for check in by_engine)
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 10**12)
    _, by_pandas = _checks(recipes)
    for found, expected in zip(by_engine, by_pandas, strict=True):
        assert_same_check(found, expected)
    events = by_engine[0]  # the comparison above met what these say
    if recipes.get(SourceKind.EVENTS) is EVENTS_RECIPE:
        assert events.cleaned.suspects and events.outcomes[-1].error
    elif recipes:
        assert events.cleaned.rows == 0 < events.raw.rows


def test_progress_reaches_the_end_and_a_cancel_stops_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    project = _project({SourceKind.EVENTS: EVENTS_RECIPE})
    events = project.sources_of(SourceKind.EVENTS)[0]
    reported: list[float] = []
    check_source(project, events, max_suspects=5, progress=reported.append, cancelled=lambda: False)
    assert reported == sorted(reported) and reported[-1] == 1.0
    with pytest.raises(quality_check.CheckCancelled):
        check_source(project, events, max_suspects=5, progress=lambda _: None, cancelled=lambda: True)
    assert not stored_table(events).decoded


def test_a_recipe_the_database_cannot_run_is_checked_by_pandas_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from usagelens.cleaning import compiled

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise compiled.CannotCompile("Step 1 (a step) cannot run on the database: no query")

    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    monkeypatch.setattr(compiled, "compile_recipe", refuse)
    project = _project({SourceKind.EVENTS: EVENTS_RECIPE})
    events = project.sources_of(SourceKind.EVENTS)[0]
    check = check_source(project, events, max_suspects=5, progress=lambda _: None, cancelled=lambda: False)
    assert "cannot run on the database" in check.note and "loaded into memory" in check.note
    assert stored_table(events).decoded


def test_small_or_decoded_tables_are_left_to_pandas(tmp_path: Path) -> None:
    project = load_project(DEMO)
    events = project.sources_of(SourceKind.EVENTS)[0]
    assert not quality_check.takes_engine_path(events)  # 216,777 rows: below the engine's 2M
    events.table  # noqa: B018 - decodes it
    assert stored_table(events).decoded and not quality_check.takes_engine_path(events)
