"""Adding a file to a source kept on disk and too big for memory from step 2: DuckDB stacks it, the table stays on
disk, and Undo brings the old one back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from personal_data_checks import EMAILS, events_table, privacy_project
from usagelens.model import project_file, save_project
from usagelens.model.stored_table import stored_table
from usagelens.workspace import append


def test_add_files_stacks_on_disk_and_undo_restores(  # type: ignore[no-untyped-def]
        window, qtbot, wait_idle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 1)  # every table is unpacked into the cache
    monkeypatch.setattr(append, "stacks_on_disk", lambda source: True)  # as if it did not fit in memory
    path = tmp_path / "privacy.ulens"
    save_project(privacy_project(), path)
    assert window.open_path(path, ask=False)
    events = window.document.project.sources[0]
    old = stored_table(events)
    assert old is not None and old.path is not None
    export = tmp_path / "next.csv"
    later = events_table(EMAILS[:2])
    pd.concat([later.iloc[:3], later.assign(timestamp=later["timestamp"] + pd.Timedelta(days=30))]).to_csv(
        export, index=False)
    window.go_to_step(2)
    page = window.pages[1]
    page.append_files([str(export)], events)
    qtbot.waitUntil(lambda: stored_table(events) is not old, timeout=30000)
    wait_idle()
    new = stored_table(events)
    assert new is not None and new.path is not None and new.rows == 18
    assert pd.read_parquet(new.path)["timestamp"].dtype.kind == "M"
    assert "6 rows added from 1 file; 3 rows already in the source" in page.message.text()
    window.document.undo_stack.undo()
    assert stored_table(events) is old
