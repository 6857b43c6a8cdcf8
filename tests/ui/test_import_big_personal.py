"""The import dialog on an events export too big for memory (forced by a small cell budget): the personal columns
chosen are pseudonymised or dropped as DuckDB converts it, with the project's key, and a Cancel leaves nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from personal_data_checks import EMAILS, IPS
from usagelens.cleaning.pseudonymise import pseudonyms
from usagelens.model import Project, Protection, file_limits
from usagelens.model.stored_table import stored_table
from usagelens.paths import cache_folder
from usagelens.ui.import_dialog import ImportDialog
from usagelens.ui.personal_data_dialog import DROP, PersonalDataDialog
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.pseudonym_keys import SERVICE


def _export(path: Path, rows: int) -> Path:
    """Events of e-mail users with their e-mail and IP in columns of their own."""
    path.write_text("user_id,timestamp,event,email,ip\n" + "".join(
        f"u{i % 97},2024-03-{1 + i % 28:02d} {i % 24:02d}:00:00,{('open', 'save')[i % 2]},"
        f"{EMAILS[i % 4]},{IPS[i % 4]}\n"
        for i in range(rows)), encoding="utf-8")
    return path


def _cache_files() -> set[Path]:
    root = cache_folder("tables").parent
    return {p for p in root.rglob("*") if p.is_file() and p.parent.name != "duckdb"} if root.exists() else set()


@pytest.fixture
def big_dialog(qtbot, request, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Opens the import dialog on an export, its preview read, in a project of 500 cells: any export of 125
    events or more in its 4+ columns takes the on-disk path (DuckDB), as a 100M-row one does."""
    monkeypatch.setattr(file_limits, "MAX_CELLS", 500)
    runner = TaskRunner()
    request.addfinalizer(lambda: (runner.cancel_all(), runner.wait_all(30_000)))

    def open_on(path: Path) -> ImportDialog:
        dialog = ImportDialog(str(path), runner, project=Project(name="big"))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.previewing(), timeout=10_000)
        return dialog

    return open_on


def _choose(monkeypatch: pytest.MonkeyPatch, dialog: ImportDialog) -> None:
    """Stand in for the user: e-mail as pseudonyms with the kept key, the IP dropped."""

    def exec_(personal: PersonalDataDialog) -> int:
        personal.combos[[f.column for f in personal.found].index("ip")].setCurrentIndex(
            personal.combos[0].findData(DROP))
        personal.confirm.click()
        return personal.result()

    monkeypatch.setattr(PersonalDataDialog, "exec", exec_)
    dialog.personal_button.click()


def test_a_big_export_is_pseudonymised_as_duckdb_converts_it(  # type: ignore[no-untyped-def]
        qtbot, big_dialog, keychain, monkeypatch, tmp_path: Path) -> None:
    dialog = big_dialog(_export(tmp_path / "events.csv", 200))  # 1,000 cells: more than pandas may hold here
    assert "email (e-mail), ip (IP address)" in dialog.personal_note.text()
    _choose(monkeypatch, dialog)
    assert "email will be stored as pseudonyms" in dialog.personal_note.text()
    assert "ip will not be stored" in dialog.personal_note.text()
    before = _cache_files()
    shares: list[float] = []
    dialog.import_button.click()
    dialog._task.progress.connect(shares.append)
    qtbot.waitUntil(lambda: dialog.source is not None or dialog.error.isVisible(), timeout=30_000)
    assert dialog.source is not None, dialog.error.text()
    stored = stored_table(dialog.source)
    assert stored is not None and stored.path is not None and not stored.decoded  # the on-disk path
    assert _cache_files() - before == {stored.path}
    table = pd.read_parquet(stored.path)
    assert list(table.columns) == ["user_id", "timestamp", "event", "email"]
    key = keychain.entries[(SERVICE, dialog.project.id)]
    want = pseudonyms(pd.Series([EMAILS[i % 4] for i in range(200)], dtype="str"), key)
    assert table["email"].tolist() == want.tolist()  # the project's key: pandas' pseudonyms
    assert [(p.column, p.protection) for p in dialog.source.protected] == [
        ("email", Protection.PSEUDONYMISED), ("ip", Protection.DROPPED)]
    assert shares and shares[-1] == 1.0


def test_cancelling_a_big_pseudonymising_import_leaves_nothing(  # type: ignore[no-untyped-def]
        qtbot, big_dialog, monkeypatch, tmp_path: Path) -> None:
    dialog = big_dialog(_export(tmp_path / "events.csv", 300_000))
    _choose(monkeypatch, dialog)
    before = _cache_files()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: any(p.name.endswith(".partial") for p in _cache_files() - before), timeout=20_000)
    dialog.reject()  # Cancel while DuckDB writes
    assert dialog.isVisible() and "Import cancelled" in dialog.check.text()
    qtbot.waitUntil(lambda: not dialog.runner.has_running(), timeout=30_000)
    assert dialog.source is None and _cache_files() == before
