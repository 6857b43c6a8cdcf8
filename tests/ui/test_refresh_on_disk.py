"""Refreshing a source kept on disk from step 2 (a big project's): DuckDB converts the next export, the table stays
on disk, and Undo brings the old one back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from personal_data_checks import EMAILS, events_table, opened_on_disk
from usagelens.model.stored_table import stored_table


def test_refresh_from_file_converts_the_next_export_and_undo_restores(  # type: ignore[no-untyped-def]
        window, qtbot, wait_idle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events, old = opened_on_disk(window, tmp_path, monkeypatch)
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
