"""Removing personal data in the GUI from tables kept on disk (a big project's): step 3's button rewrites them with
DuckDB, and the stored tables the project then holds are new files without a raw value that still join."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from personal_data_checks import RAW, opened_on_disk
from usagelens.model import Protection
from usagelens.model.stored_table import stored_table
from usagelens.ui.personal_data_dialog import PersonalDataDialog


def test_confirming_rewrites_tables_kept_on_disk(  # type: ignore[no-untyped-def]
        window, qtbot, wait_idle, tmp_path: Path, keychain, monkeypatch: pytest.MonkeyPatch,
        _no_modal_message_boxes) -> None:
    opened_on_disk(window, tmp_path, monkeypatch)
    before = [stored_table(source).path for source in window.document.project.sources]
    assert all(before)
    window.go_to_step(3)
    page = window.pages[2]
    qtbot.waitUntil(lambda: page.pseudonymise_button.isVisible(), timeout=30000)
    monkeypatch.setattr(PersonalDataDialog, "exec", lambda dialog: dialog.confirm.click() or dialog.result())
    page.pseudonymise_button.click()
    events, customers = window.document.project.sources
    qtbot.waitUntil(lambda: bool(events.protected) and bool(customers.protected), timeout=30000)
    wait_idle()
    tables = [stored_table(source) for source in (events, customers)]
    assert all(t.path is not None and t.path not in before for t in tables)  # new files (step 3 may read them)
    events_ids, customer_ids = (set(pd.read_parquet(t.path)["user_id"]) for t in tables)
    assert not (events_ids | customer_ids) & set(RAW) and events_ids <= customer_ids  # they still join
    assert {p.protection for s in (events, customers) for p in s.protected} == {Protection.PSEUDONYMISED}
