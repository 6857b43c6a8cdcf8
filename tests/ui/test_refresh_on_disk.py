"""Refreshing a source kept on disk from step 2 (a big project's): DuckDB converts the next export, the table stays
on disk, and Undo brings the old one back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from personal_data_checks import EMAILS, events_table, privacy_project
from usagelens.model import project_file, save_project
from usagelens.model.stored_table import stored_table


def test_refresh_from_file_converts_the_next_export_and_undo_restores(  # type: ignore[no-untyped-def]
        window, qtbot, wait_idle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 1)  # every table is unpacked into the cache
    path = tmp_path / "privacy.ulens"
    save_project(privacy_project(), path)
    assert window.open_path(path, ask=False)
    events = window.document.project.sources[0]
    old = stored_table(events)
    assert old is not None and old.path is not None
    export = tmp_path / "next.csv"
    events_table(EMAILS[:2]).to_csv(export, index=False)
    window.go_to_step(2)
    page = window.pages[1]
    monkeypatch.setattr(page.sources, "selected_item", lambda: events)
    page.refresh_from_file(str(export))
    qtbot.waitUntil(lambda: stored_table(events) is not old, timeout=30000)
    wait_idle()
    new = stored_table(events)
    assert new is not None and new.path is not None and new.rows == 6 and events.file_name == "next.csv"
    assert list(pd.read_parquet(new.path)["user_id"]) == [e for e in EMAILS[:2] for _ in range(3)]
    assert "Refreshed Events from next.csv: 12 → 6 rows" in page.message.text()
    window.document.undo_stack.undo()
    assert stored_table(events) is old
