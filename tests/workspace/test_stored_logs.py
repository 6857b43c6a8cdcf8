"""Reopening a saved project maps its stored event log: the same numbers, without cleaning and encoding again."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pandas as pd
import pytest

from usagelens.model import Project, RecipeStep, SavedAnalysis, SourceKind, load_project, save_project
from usagelens.model.table_identity import digest, fingerprint, remember
from usagelens.paths import bundle_root
from usagelens.ui.data_cache import DataCache
from usagelens.workspace import stored_logs
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, rerun
from usagelens.workspace.stored_logs import stored_key, stored_or_encoded


@pytest.fixture
def saved_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo project saved to a temporary file, its event logs stored from any size."""
    monkeypatch.setattr(stored_logs, "STORE_FROM_ROWS", 1)
    path = tmp_path / "demo.ulens"
    shutil.copy(bundle_root() / "samples" / "demo.ulens", path)
    return path


def _events(project: Project):
    return project.sources_of(SourceKind.EVENTS)[0]


def _all_results(project: Project, cache: DataCache) -> dict[str, object]:
    inputs = AnalysisInputs(project, cache)
    return {kind: rerun(inputs, SavedAnalysis(kind=kind, name=kind, params={})) for kind in ANALYSES}


def test_a_reopened_project_maps_its_log_and_every_analysis_gives_the_same_table(saved_demo: Path) -> None:
    first = load_project(saved_demo)
    cache = DataCache()
    fresh = _all_results(first, cache)
    assert not cache.origin(first, [_events(first)]).mapped

    again = load_project(saved_demo)
    reopened_cache = DataCache()
    log = reopened_cache.event_log(again, _events(again))
    assert reopened_cache.origin(again, [_events(again)]).mapped
    assert "stored in the cache" in reopened_cache.origin(again, [_events(again)]).description
    assert not log.times.flags.writeable  # memory-mapped, read-only
    reopened = _all_results(again, reopened_cache)
    for kind, result in fresh.items():
        assert reopened[kind].message == result.message, kind
        pd.testing.assert_frame_equal(reopened[kind].table, result.table, obj=kind)


def test_a_changed_recipe_table_or_pseudonym_key_is_a_different_log(saved_demo: Path) -> None:
    project = load_project(saved_demo)
    source = _events(project)
    key = stored_key(project, source)
    assert key is not None and key == stored_key(load_project(saved_demo), _events(load_project(saved_demo)))
    step = RecipeStep("rename_events", {"mapping": {"signup": "sign up"}})
    assert stored_key(dataclasses.replace(project, recipes={source.id: [step]}), source) != key
    again = RecipeStep("rename_events", {"mapping": {"signup": "sign up"}})  # made anew: another id, same log
    assert again.id != step.id and stored_key(dataclasses.replace(project, recipes={source.id: [again]}), source) == (
        stored_key(dataclasses.replace(project, recipes={source.id: [step]}), source))
    assert stored_key(dataclasses.replace(project, pseudonym_key="other"), source) != key
    assert stored_key(project, dataclasses.replace(source, roles={**source.roles, "event": "user_id"})) != key
    assert stored_key(project, dataclasses.replace(source, table=source.table.copy())) is None  # never saved


def test_a_damaged_stored_log_is_encoded_again_never_trusted(saved_demo: Path) -> None:
    project = load_project(saved_demo)
    source = _events(project)
    DataCache().event_log(project, source)
    from usagelens.analytics.accelerator_cache import cache_folder

    folder = cache_folder(stored_key(project, source))
    (folder / "times.npy").write_bytes(b"garbage")
    log, origin = stored_or_encoded(project, source, lambda: DataCache().event_log(project, source))
    assert not origin.mapped and log.n_events == len(source.table)
    _, again = stored_or_encoded(project, source, lambda: pytest.fail("stored again: must map now"))
    assert again.mapped


def test_a_save_gives_the_table_its_fingerprint_and_a_new_table_has_none(tmp_path: Path) -> None:
    project = load_project(bundle_root() / "samples" / "demo.ulens")
    table = _events(project).table
    loaded = fingerprint(table)
    assert loaded is not None
    save_project(project, tmp_path / "copy.ulens")
    assert fingerprint(table) == loaded  # the same content gives the same bytes and the same digest
    assert fingerprint(table.copy()) is None


def test_a_forgotten_table_leaves_no_fingerprint_behind() -> None:
    table = pd.DataFrame({"a": [1, 2]})
    remember(table, digest(b"x"))
    assert fingerprint(table) == digest(b"x")
    del table
    assert fingerprint(pd.DataFrame({"a": [1, 2]})) is None


def test_a_log_encoded_before_the_first_save_is_kept_once_the_project_is_saved(
    saved_demo: Path, tmp_path: Path
) -> None:
    project = load_project(saved_demo)
    source = _events(project)
    imported = dataclasses.replace(source, table=source.table.copy())  # as fresh from an import: no fingerprint
    project = dataclasses.replace(project, sources=[imported if s.id == source.id else s for s in project.sources])
    cache = DataCache()
    cache.event_log(project, imported)
    assert cache.origin(project, [imported]).offered is None
    save_project(project, tmp_path / "saved.ulens")
    log = cache.event_log(project, imported)  # the next analysis: the table has its fingerprint now
    assert cache.origin(project, [imported]).offered == stored_key(project, imported)
    reopened = load_project(tmp_path / "saved.ulens")
    fresh_cache = DataCache()
    mapped = fresh_cache.event_log(reopened, _events(reopened))
    assert fresh_cache.origin(reopened, [_events(reopened)]).mapped
    assert mapped.n_events == log.n_events


def test_the_report_and_cli_provider_maps_a_saved_sources_stored_log_too(saved_demo: Path) -> None:
    from usagelens.model.stored_table import stored_table
    from usagelens.workspace.project_data import DirectData

    DirectData().event_log(load_project(saved_demo), _events(load_project(saved_demo)))  # encodes and stores
    again = load_project(saved_demo)
    log = DirectData().event_log(again, _events(again))
    assert not log.times.flags.writeable  # mapped from the cache
    assert not stored_table(_events(again)).decoded  # the raw table was never read
