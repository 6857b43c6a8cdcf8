"""Step 3 on a big saved source: the quality report, the recipe's outcomes, the suspects and the outliers come
from DuckDB while the stored table stays undecoded, and they are the tables the pandas check gives."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pandas as pd
import pytest

from usagelens.model import RecipeStep, SourceKind
from usagelens.model.stored_table import stored_table
from usagelens.ui.pages.clean import compute_clean_result
from usagelens.workspace import engine_logs, stored_logs
from usagelens.workspace.quality_check import CleanCheck

RECIPE = [
    RecipeStep("remove_duplicates", {}),
    RecipeStep("rename_events", {"mapping": {"login": "sign in"}}),
    RecipeStep("filter_rows", {"column": "platform", "operator": "not_one_of", "values": ["android"]}),
]


@pytest.mark.parametrize("note", ["", "Checked by the database without loading the table: outliers of x may differ"])
def test_step_3_shows_the_report_of_a_big_source_without_decoding_it(
    qtbot, window, wait_idle, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    note: str,
) -> None:
    # Every source counts as big: step 4, drawn on opening, maps a log DuckDB built, as for a big project
    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 1)
    monkeypatch.setattr(stored_logs, "STORE_FROM_ROWS", 1)
    saved = tmp_path / "demo.ulens"
    shutil.copy(demo_path, saved)
    if note:  # a part the queries could not pin exactly is said above the tables
        from usagelens.workspace import quality_check

        engine_check = quality_check.engine_check

        def with_note(*args, **kwargs) -> CleanCheck:  # type: ignore[no-untyped-def]
            return dataclasses.replace(engine_check(*args, **kwargs), note=note)

        monkeypatch.setattr(quality_check, "engine_check", with_note)
    assert window.open_path(saved, ask=False)
    project = window.document.project
    events = project.sources_of(SourceKind.EVENTS)[0]
    project.recipes[events.id] = list(RECIPE)
    window.go_to_step(3)
    page = window.pages[2]
    qtbot.waitUntil(lambda: page.result is not None and page.result.source_id == events.id, timeout=60000)
    wait_idle()
    assert not stored_table(events).decoded
    shown = page.result
    assert page.quality.model.rowCount() == len(shown.quality) > 5
    assert page.tabs.tabText(2) == f"Test users ({shown.suspect_total:,})"
    assert [o.rows_after < o.rows_before for o in shown.outcomes.values()] == [True, False, True]
    assert page.message.text() == note and page.message.isVisible() == bool(note)

    monkeypatch.setattr(engine_logs, "ENGINE_FROM_ROWS", 10**12)
    monkeypatch.setattr(stored_logs, "STORE_FROM_ROWS", 10**12)
    in_pandas = compute_clean_result(project, events)
    for name in ("quality", "columns", "suspects", "outliers"):
        pd.testing.assert_frame_equal(getattr(shown, name), getattr(in_pandas, name), obj=name)
    assert shown.outcomes == in_pandas.outcomes and shown.likely == in_pandas.likely
    assert shown.personal == in_pandas.personal
