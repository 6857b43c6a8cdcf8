"""Step 2 with several sources: the customers ⟷ events join report, changing roles after import, and
refreshing a source from next month's file while its roles and recipe stay."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.cleaning import apply_recipe
from usagelens.io import build_source, detect_options
from usagelens.model import Project, RecipeStep, SourceKind, load_project, save_project
from usagelens.model.commands import InsertItem
from usagelens.ui.qt import QDialog
from usagelens.ui.roles_dialog import RolesDialog
from usagelens.workspace.join_report import join_reports

ROLES = {"user_id": "user", "timestamp": "time", "event": "action"}
RECIPE = [
    RecipeStep("exclude_users", {"pattern": "test", "reason": "test accounts"}),
    RecipeStep("rename_events", {"mapping": {"sign up": "signup", "Sign Up": "signup"}}),
    RecipeStep("filter_rows", {"column": "time", "operator": "date_range", "start": "2024-01-01"}),
    RecipeStep("remove_duplicates", {}, enabled=False),
]


def _export(path: Path, month: int, users: int) -> Path:
    rows = [(f"u{i}", f"2024-{month:02d}-{1 + i % 27:02d} 10:00:00", "sign up" if i % 3 else "Sign Up",
             f"2024-{month:02d}-02") for i in range(users)]
    rows.append(("test_qa_01", f"2024-{month:02d}-05 09:00:00", "open", "oops"))
    pd.DataFrame(rows, columns=["user", "time", "action", "sent_at"]).to_csv(path, index=False)
    return path


@pytest.fixture
def gather(window, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = _export(tmp_path / "january.csv", 1, 30)
    source = build_source(path, detect_options(path), SourceKind.EVENTS, ROLES)
    window.document.push(InsertItem(("sources",), source))
    for step in RECIPE:
        window.document.push(InsertItem(("recipes", source.id), step))
    window.go_to_step(2)
    page = window.pages[1]
    qtbot.waitUntil(lambda: page.sources.selected_item() is source)
    return page, source


def test_join_report_on_the_demo(demo_path: Path) -> None:
    (report,) = join_reports(load_project(demo_path))
    assert (report.event_users, report.customer_users, report.matched) == (2996, 3000, 2992)
    assert report.event_users_without_customer == 4 and report.customers_without_events == 8
    assert set(report.events_only) == {"qa_automation", "test_loadtest", "test_qa_01", "test_qa_02"}
    assert "No customer row for 4 event users" in report.summary()
    assert "no events for 8 customers" in report.summary()


def test_join_report_shows_on_the_gather_page(window, qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(2)
    note = window.pages[1].join_note
    qtbot.waitUntil(lambda: "customer row" in note.text(), timeout=10_000)
    assert "2,992 of 2,996 event users" in note.text()


def test_roles_change_after_import_and_undo(window, qtbot, gather, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, source = gather
    table_before = source.table

    def choose_sent_at(dialog: RolesDialog) -> int:
        box = dialog.fields.boxes["timestamp"]
        box.setCurrentIndex(box.findData("sent_at"))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RolesDialog, "exec", choose_sent_at)
    undo_steps = window.document.undo_stack.count()
    page.change_roles()
    assert source.roles == ROLES  # the column is read on a worker; nothing changes until it is done
    qtbot.waitUntil(lambda: source.roles["timestamp"] == "sent_at", timeout=10_000)
    assert window.document.undo_stack.count() == undo_steps + 1
    assert str(source.table["sent_at"].dtype).startswith("datetime64")
    assert source.failed_timestamps == 1  # "oops" could not be read
    assert "Time: sent_at" in page.sources.model.index(0, 6).data()
    window.document.undo_stack.undo()  # one undo restores roles, table and count
    assert source.roles == ROLES and source.table is table_before and source.failed_timestamps == 0


def test_roles_dialog_requires_the_required_roles(qtbot, gather) -> None:  # type: ignore[no-untyped-def]
    _, source = gather
    dialog = RolesDialog(source)
    qtbot.addWidget(dialog)
    dialog.fields.boxes["event"].setCurrentIndex(0)
    assert "Event name" in dialog.problem.text() and not dialog.buttons.buttons()[0].isEnabled()


def test_refresh_keeps_roles_and_recipe(window, qtbot, gather, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, source = gather
    project = window.document.project
    old_cleaned = apply_recipe(source.table, project.recipe(source.id), roles=source.roles).frame
    page.refresh_from_file(str(_export(tmp_path / "february.csv", 2, 45)))
    qtbot.waitUntil(lambda: len(source.table) == 46, timeout=20_000)
    assert project.sources == [source] and source.roles == ROLES and source.file_name == "february.csv"
    assert [s.op for s in project.recipe(source.id)] == [s.op for s in RECIPE]
    assert "31 → 46 rows" in page.message.text()
    result = apply_recipe(source.table, project.recipe(source.id), roles=source.roles)
    assert not result.failed and len(result.frame) == 45  # the test account is gone again
    assert set(result.frame["action"]) == {"signup"}
    assert list(result.frame.columns) == list(old_cleaned.columns)
    assert result.frame.dtypes.equals(old_cleaned.dtypes)
    window.document.undo_stack.undo()
    assert len(source.table) == 31 and source.file_name == "january.csv"


def test_refresh_from_a_file_without_a_role_column_changes_nothing(qtbot, gather, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, source = gather
    wrong = tmp_path / "wrong.csv"
    pd.DataFrame({"user": ["a"], "when": ["2024-02-01"], "action": ["open"]}).to_csv(wrong, index=False)
    page.refresh_from_file(str(wrong))
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=20_000)
    assert "time" in page.message.text() and len(source.table) == 31


def test_recipe_round_trips_through_the_project_file(tmp_path: Path) -> None:
    path = _export(tmp_path / "january.csv", 1, 5)
    source = build_source(path, detect_options(path), SourceKind.EVENTS, ROLES)
    project = Project(sources=[source], recipes={source.id: RECIPE})
    save_project(project, tmp_path / "p.ulens")
    loaded = load_project(tmp_path / "p.ulens")
    assert loaded.recipes == {source.id: RECIPE}
    assert loaded.id == project.id
    assert loaded.sources[0].roles == ROLES


def test_adding_next_months_export_counts_shared_rows_once(window, qtbot, gather, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, source = gather
    february = _export(tmp_path / "february.csv", 2, 45)
    page.append_files([str(february), str(tmp_path / "january.csv")])  # january again: all its rows are known
    qtbot.waitUntil(lambda: len(source.files) == 3, timeout=20_000)
    assert len(source.table) == 31 + 46 and source.files == ["january.csv", "february.csv", "january.csv"]
    assert "46 rows added from 2 files; 31 rows already in the source" in page.message.text()
    assert "(3 files)" in page.sources.model.data(page.sources.model.index(0, 2))
    window.document.undo_stack.undo()
    assert len(source.table) == 31 and source.files == []


def test_a_folder_of_monthly_exports_becomes_one_source(window, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    for month, users in ((1, 30), (2, 45), (3, 20)):
        _export(folder / f"2024-{month:02d}.csv", month, users)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # not an export: left alone

    def import_first(path: str) -> bool:  # the import dialog, answered as a user would
        source = build_source(path, detect_options(path), SourceKind.EVENTS, ROLES, name="Events")
        window.document.push(InsertItem(("sources",), source))
        return True

    monkeypatch.setattr(window, "import_data", import_first)
    assert window.import_folder(str(folder))
    source = window.document.project.sources[-1]
    qtbot.waitUntil(lambda: len(source.files) == 3, timeout=20_000)
    assert source.files == ["2024-01.csv", "2024-02.csv", "2024-03.csv"] and len(source.table) == 31 + 46 + 21


def test_a_folder_without_exports_says_so(window, tmp_path: Path, _no_modal_message_boxes: list[str]) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert not window.import_folder(str(tmp_path))
    assert _no_modal_message_boxes and "holds no CSV, Excel, JSON or Parquet export" in _no_modal_message_boxes[0]
