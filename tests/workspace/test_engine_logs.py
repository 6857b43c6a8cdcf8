"""A big saved source whose log must be built again is cleaned and encoded by DuckDB from its stored Parquet,
never decoded into pandas, and every analysis gives the table the pandas path gives (workspace.engine_logs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from usagelens.model import Project, RecipeStep, SavedAnalysis, SourceKind, load_project
from usagelens.model.stored_table import stored_table
from usagelens.paths import bundle_root
from usagelens.ui.data_cache import DataCache
from usagelens.workspace import engine_logs, stored_logs, task_context
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, rerun

RECIPE = [
    RecipeStep("remove_duplicates", {}),
    RecipeStep("exclude_users", {"users": ["qa_automation"]}),
    RecipeStep("rename_events", {"mapping": {"view_dashboard": "dashboard", "login": "sign in"}}),
    RecipeStep("filter_rows", {"column": "platform", "operator": "one_of", "values": ["web", "ios"]}),
    RecipeStep("pseudonymise", {"columns": ["user_id"]}),
]


@pytest.fixture
def saved_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo project saved to a temporary file; its logs stored, and built by DuckDB, from any size."""
    monkeypatch.setattr(stored_logs, "STORE_FROM_ROWS", 1)
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    path = tmp_path / "demo.ulens"
    shutil.copy(bundle_root() / "samples" / "demo.ulens", path)
    return path


def _with_recipe(path: Path) -> Project:
    project = load_project(path)
    project.pseudonym_key = "a key of this test"
    project.recipes[project.sources_of(SourceKind.EVENTS)[0].id] = list(RECIPE)
    return project


def _all_results(project: Project, cache: DataCache) -> dict[str, object]:
    inputs = AnalysisInputs(project, cache)
    return {kind: rerun(inputs, SavedAnalysis(kind=kind, name=kind, params={})) for kind in ANALYSES}


def test_every_analysis_on_the_log_duckdb_built_equals_the_pandas_path(
    saved_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_project = _with_recipe(saved_demo)
    events = built_project.sources_of(SourceKind.EVENTS)[0]
    cache = DataCache()
    reported: list[float] = []
    with task_context.reporting_to(reported.append, lambda: False):
        log = cache.event_log(built_project, events)
    origin = cache.origin(built_project, [events])
    assert origin.built and "DuckDB built" in origin.description
    assert not stored_table(events).decoded  # cleaned and encoded without pandas ever holding the raw table
    assert reported and reported[-1] == pytest.approx(1.0)
    assert "qa_automation" not in set(log.user_ids) and "dashboard" in set(log.event_names)
    built = _all_results(built_project, cache)

    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 10**12)
    monkeypatch.setattr(stored_logs, "STORE_FROM_ROWS", 10**12)
    in_pandas = _all_results(_with_recipe(saved_demo), DataCache())
    for kind, result in in_pandas.items():
        assert built[kind].message == result.message, kind
        pd.testing.assert_frame_equal(built[kind].table, result.table, obj=kind)


def test_a_recipe_duckdb_cannot_run_is_left_to_pandas(saved_demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from usagelens.cleaning import compiled

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise compiled.CannotCompile("this step has no query")

    monkeypatch.setattr(compiled, "compile_recipe", refuse)
    project = _with_recipe(saved_demo)
    events = project.sources_of(SourceKind.EVENTS)[0]
    cache = DataCache()
    log = cache.event_log(project, events)
    assert not cache.origin(project, [events]).built and stored_table(events).decoded
    assert "dashboard" in set(log.event_names)


def test_small_decoded_or_text_timed_sources_stay_with_pandas(saved_demo: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    project = load_project(saved_demo)
    events = project.sources_of(SourceKind.EVENTS)[0]
    assert engine_logs.takes_engine_path(events)
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 10**9)
    assert not engine_logs.takes_engine_path(events)  # small: pandas is quick
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    feedback = project.sources_of(SourceKind.FEEDBACK)[0]
    assert not engine_logs.takes_engine_path(
        type(feedback)(feedback.name, SourceKind.EVENTS, feedback.table, roles={"timestamp": "comment"})
    )  # a table held in pandas
    _ = events.table
    assert not engine_logs.takes_engine_path(events)  # already decoded: pandas has it at hand


def test_a_cancelled_build_leaves_no_log_behind(saved_demo: Path) -> None:
    from usagelens.analytics.accelerator_cache import cache_folder
    from usagelens.analytics.mapped_log import BuildCancelled

    project = _with_recipe(saved_demo)
    events = project.sources_of(SourceKind.EVENTS)[0]
    with task_context.reporting_to(lambda _: None, lambda: True), pytest.raises(BuildCancelled):
        DataCache().event_log(project, events)
    folder = cache_folder(stored_logs.stored_key(project, events))
    assert not folder.exists() and not list(folder.parent.glob(f"{folder.name}.building-*"))


def test_a_table_kept_on_disk_is_scanned_where_it_lies(saved_demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from usagelens.model import project_file

    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 1024)
    project = _with_recipe(saved_demo)
    events = project.sources_of(SourceKind.EVENTS)[0]
    stored = stored_table(events)
    assert stored.path is not None and engine_logs.parquet_files(stored) == (stored.path,)
    cache = DataCache()
    log = cache.event_log(project, events)
    assert cache.origin(project, [events]).built and not stored.decoded
    assert "dashboard" in set(log.event_names)
