"""Adding a file to a source kept on disk and too big for memory from step 2: DuckDB writes its new rows as a
further part of the table on disk, and Undo brings the old one back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from personal_data_checks import EMAILS, events_table, opened_on_disk
from usagelens.model import load_project, save_project
from usagelens.model.stored_table import stored_table
from usagelens.workspace import append


def test_add_files_stacks_on_disk_and_undo_restores(  # type: ignore[no-untyped-def]
        window, qtbot, wait_idle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(append, "stacks_on_disk", lambda source: True)  # as if it did not fit in memory
    events, old = opened_on_disk(window, tmp_path, monkeypatch)
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
    assert new is not None and new.parts[:1] == old.parts and len(new.parts) == 2 and new.rows == 18  # rows added
    assert new.column("timestamp").dtype.kind == "M"
    assert "6 rows added from 1 file; 3 rows already in the source" in page.message.text()
    save_project(window.document.project, tmp_path / "appended.ulens")  # the parts are saved and open as parts
    reopened = stored_table(load_project(tmp_path / "appended.ulens").sources[0])
    assert reopened is not None and len(reopened.parts) == 2 and reopened.fingerprint == new.fingerprint
    window.document.undo_stack.undo()
    assert stored_table(events) is old
