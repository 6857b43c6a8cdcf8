"""Removing personal data in the GUI: step 3 flags it, the confirmation says what cannot be undone, and once
confirmed neither the undo history, the autosave nor the saved file keeps a raw value; the import dialog
pseudonymises before anything is stored; a refresh from step 2 pseudonymises the new export."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from personal_data_checks import EMAILS, RAW, assert_holds_none_of, events_table, holders, privacy_project
from usagelens.model import Protection, save_project
from usagelens.model.commands import SetField
from usagelens.ui import autosave
from usagelens.ui.import_dialog import ImportDialog
from usagelens.ui.personal_data_dialog import DROP, PersonalDataDialog
from usagelens.workspace.pseudonym_keys import NO_KEYCHAIN, SERVICE


@pytest.fixture
def clean_page(window, qtbot, wait_idle, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Step 3 on a saved project whose events and customers hold e-mails, names, phones and IPs."""
    path = tmp_path / "privacy.ulens"
    save_project(privacy_project(), path)
    assert window.open_path(path, ask=False)
    window.go_to_step(3)
    qtbot.wait(30)
    wait_idle()
    return window.pages[2]


def _answer(monkeypatch: pytest.MonkeyPatch, confirm: bool, seen: list[PersonalDataDialog]) -> None:
    """Stand in for the user at the confirmation: look at it, then confirm or cancel."""

    def exec_(dialog: PersonalDataDialog) -> int:
        seen.append(dialog)
        (dialog.confirm if confirm else dialog.buttons.button(dialog.buttons.StandardButton.Cancel)).click()
        return dialog.result()

    monkeypatch.setattr(PersonalDataDialog, "exec", exec_)


def test_confirming_removes_the_raw_values_from_memory_autosave_and_file(  # type: ignore[no-untyped-def]
        window, qtbot, wait_idle, clean_page, keychain, monkeypatch, _no_modal_message_boxes) -> None:
    document = window.document
    events, customers = document.project.sources
    assert clean_page.pseudonymise_button.isVisible()
    note = clean_page.personal_note.text()
    assert "user_id (e-mail)" in note and "ip (IP address)" in note
    # an earlier edit whose undo holds the raw table, and an autosave of it
    raw_tables = [weakref.ref(events.table), weakref.ref(customers.table)]
    document.push(SetField(("sources", events.id), "table", events.table.copy()))
    raw_tables.append(weakref.ref(events.table))
    window._autosave()
    wait_idle()
    assert len(autosave.leftover_autosaves()) == 1 and document.undo_stack.count() == 1

    seen: list[PersonalDataDialog] = []
    _answer(monkeypatch, True, seen)
    clean_page.pseudonymise_button.click()
    (dialog,) = seen
    assert [(f.source_name, f.column) for f in dialog.found] == [
        ("Events", "user_id"), ("Events", "ip"), ("Customers", "user_id"), ("Customers", "full_name"),
        ("Customers", "phone")]
    assert "This cannot be undone" in dialog.warning.text() and "leave privacy.ulens when you save" in \
        dialog.warning.text()
    assert dialog.keep_key.isEnabled() and dialog.keep_key.isChecked()
    qtbot.wait(30)
    wait_idle()

    key = keychain.entries[(SERVICE, document.project.id)]
    events, customers = document.project.sources
    assert not set(events.table["user_id"]) & set(RAW)
    assert set(events.table["user_id"]) == set(customers.table["user_id"])  # they still join
    assert {p.protection for s in (events, customers) for p in s.protected} == {Protection.PSEUDONYMISED}
    assert document.undo_stack.count() == 0 and document.dirty and window.isWindowModified()
    assert "undo history was cleared" in _no_modal_message_boxes[-1]
    assert not clean_page.pseudonymise_button.isVisible()
    assert "Personal data removed from the stored table: user_id pseudonymised" in clean_page.personal_note.text()
    window.runner.wait_all(20_000)  # a superseded task may still run on the old tables; let it end

    def released() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # finished tasks, as the event loop would
        gc.collect()
        return all(ref() is None for ref in raw_tables)

    try:  # grids sort on their own worker thread, which the runner does not wait for: give work in flight 10 s
        qtbot.waitUntil(released, timeout=10_000)
    except qtbot.TimeoutError:
        alive = [table for table in (ref() for ref in raw_tables) if table is not None]
        pytest.fail("a raw table is still in memory, held by:\n" + "\n---\n".join(holders(t) for t in alive))
    (leftover,) = autosave.leftover_autosaves()  # the raw autosave was replaced at once
    assert_holds_none_of(leftover.path, [*RAW, key])
    assert window.save_to(document.path)
    assert_holds_none_of(document.path, [*RAW, key])


def test_cancelling_changes_nothing(window, clean_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    document = window.document
    events = document.project.sources[0]
    table = events.table
    document.push(SetField(("sources", events.id), "name", "Renamed"))
    _answer(monkeypatch, False, [])
    clean_page.pseudonymise_button.click()
    assert events.table is table and document.undo_stack.count() == 1 and events.protected == []


def test_dropping_every_column_needs_no_key_and_without_a_keychain_only_one_way_is_offered(  # type: ignore[no-untyped-def]
        window, clean_page, no_keychain, monkeypatch) -> None:
    seen: list[PersonalDataDialog] = []
    monkeypatch.setattr(PersonalDataDialog, "exec", lambda dialog: seen.append(dialog) or 0)
    clean_page.pseudonymise_button.click()
    (dialog,) = seen
    assert not dialog.keep_key.isEnabled() and dialog.one_way.isChecked()
    assert NO_KEYCHAIN in [label.text() for label in dialog.key_box.findChildren(type(dialog.warning))]
    for combo in dialog.combos:
        combo.setCurrentIndex(combo.findData(DROP))
    assert not dialog.key_box.isEnabled() and dialog.confirm.isEnabled()
    assert {r.protection for r in dialog.removals()} == {Protection.DROPPED}


def test_the_import_dialog_flags_personal_columns_and_stores_only_pseudonyms(  # type: ignore[no-untyped-def]
        window, qtbot, tmp_path: Path, monkeypatch) -> None:
    export = tmp_path / "events.csv"
    events_table(EMAILS).to_csv(export, index=False)
    dialog = ImportDialog(str(export), window.runner, window, project=window.document.project)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=10_000)
    assert dialog.personal_button.isVisibleTo(dialog)
    assert "Personal data in this file: user_id (e-mail), ip (IP address)" in dialog.personal_note.text()
    seen: list[PersonalDataDialog] = []
    _answer(monkeypatch, True, seen)
    dialog.personal_button.click()
    assert "never stored in the project" in seen[0].warning.text()
    assert "user_id will be stored as pseudonyms" in dialog.personal_note.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=20_000)
    stored = dialog.source.table
    assert not set(stored["user_id"]) & set(RAW) and not set(stored["ip"]) & set(RAW)
    assert [p.column for p in dialog.source.protected] == ["user_id", "ip"]


def test_a_refresh_in_step_two_pseudonymises_the_new_export(  # type: ignore[no-untyped-def]
        window, qtbot, clean_page, monkeypatch, tmp_path: Path) -> None:
    _answer(monkeypatch, True, [])
    clean_page.pseudonymise_button.click()
    qtbot.waitUntil(lambda: window.document.project.sources[0].protected != [], timeout=20_000)
    window.go_to_step(2)
    page = window.pages[1]
    page.sources.view.selectRow(0)
    source = window.document.project.sources[0]
    qtbot.waitUntil(lambda: page.preview_title.text() != "Raw table", timeout=5_000)
    assert page.preview_title.text() == "Stored table of Events — as imported, with user_id pseudonymised, ip " \
        "pseudonymised"
    export = tmp_path / "april.csv"
    events_table(["new.person@example.com", *EMAILS]).to_csv(export, index=False)
    page.refresh_from_file(str(export))
    qtbot.waitUntil(lambda: len(source.table) == 15, timeout=20_000)
    assert not set(source.table["user_id"]) & {*RAW, "new.person@example.com"}
    assert isinstance(source.table, pd.DataFrame) and "15 rows" in page.message.text()
