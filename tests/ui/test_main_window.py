"""Window behaviour around files: unsaved-changes prompt, title, recent files, autosave and recovery."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from usagelens.model import Objective, Project, save_project
from usagelens.model.commands import InsertItem
from usagelens.ui import autosave
from usagelens.ui.qt import QMessageBox, QTimer
from usagelens.ui.settings import recent_files


def _make_dirty(window) -> None:  # type: ignore[no-untyped-def]
    window.document.push(InsertItem(("objectives",), Objective("Grow")))


def test_title_marks_unsaved_changes(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert "[*]" in window.windowTitle() and not window.isWindowModified()
    _make_dirty(window)
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


@pytest.mark.parametrize(("answer", "closes"), [
    (QMessageBox.StandardButton.Cancel, False),
    (QMessageBox.StandardButton.Discard, True),
])
def test_close_asks_about_unsaved_changes(qtbot, window, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                          answer: QMessageBox.StandardButton, closes: bool) -> None:
    asked: list[str] = []

    def question(*args: object, **_: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    _make_dirty(window)
    assert window.close() is closes
    assert asked and "Save the changes" in asked[0]


def test_open_adds_to_recent_files_and_bad_file_shows_message(qtbot, window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.ulens"
    save_project(Project(name="Good"), good)
    assert window.open_path(good, ask=False)
    assert recent_files()[0] == str(good.resolve())
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **_: shown.append(str(args[2])))
    bad = tmp_path / "bad.ulens"
    bad.write_text("hello")
    assert not window.open_path(bad, ask=False)
    assert shown and "not a UsageLens project" in shown[0]
    assert window.document.project.name == "Good"


def test_a_hostile_file_is_one_message_and_the_window_stays_usable(qtbot, window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.ulens"
    save_project(Project(name="Good", objectives=[Objective("Grow")]), good)
    assert window.open_path(good, ask=False)
    hostile = tmp_path / "hostile.ulens"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(hostile, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "project.json":  # a null list crashed the main window when it filled step 1
                data = json.dumps({**json.loads(data), "objectives": None}).encode()
            target.writestr(name, data)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **_: shown.append(str(args[2])))
    assert not window.open_path(hostile, ask=False)
    assert shown == ["hostile.ulens is damaged and cannot be opened (objectives should be a list, not null)."]
    assert window.isEnabled() and window.document.project.name == "Good"
    window.go_to_step(1)
    qtbot.wait(10)
    assert window.open_path(good, ask=False) and window.document.project.objectives[0].statement == "Grow"


def test_autosave_and_recovery(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original = tmp_path / "work.ulens"
    save_project(Project(name="Work"), original)
    window.open_path(original, ask=False)
    _make_dirty(window)
    window._autosave()
    qtbot.waitUntil(lambda: not window.runner.has_running(), timeout=10_000)
    leftovers = autosave.leftover_autosaves()
    assert len(leftovers) == 1 and leftovers[0].original == str(original)
    window.document.undo_stack.setClean()
    assert window.recover(leftovers[0].path, original)
    assert window.document.path == original
    assert [o.statement for o in window.document.project.objectives] == ["Grow"]
    assert window.isWindowModified()


def test_autosave_runs_on_a_worker_and_a_save_meanwhile_leaves_nothing_to_recover(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    original = tmp_path / "work.ulens"
    save_project(Project(name="Work"), original)
    window.open_path(original, ask=False)
    _make_dirty(window)
    window._autosave()
    assert window.runner.has_running()  # the write is on a worker; the window stays responsive
    assert window.save_to(original)
    qtbot.waitUntil(lambda: not window.runner.has_running(), timeout=10_000)
    assert autosave.leftover_autosaves() == []


def test_empty_lists_say_how_to_start(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.go_to_step(2)
    view = window.pages[1].sources.view
    assert view.model().rowCount() == 0 and view.empty_text.startswith("No data yet")
    image = view.viewport().grab().toImage()
    band = range(image.height() // 2 - 20, image.height() // 2 + 20)
    inked = [(x, y) for x in range(0, image.width(), 2) for y in band if image.pixelColor(x, y).lightness() < 200]
    assert len(inked) > 50  # the sentence is painted across the middle of the empty table


def test_saving_and_opening_run_on_a_worker_while_the_window_paints(  # type: ignore[no-untyped-def]
    qtbot, window, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bool, bool]] = []
    # A user who would discard their changes on close: the close must still wait for the write.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)

    def look() -> None:  # runs inside the save's own event loop: the window is alive but takes no input
        seen.append((window.isEnabled(), window.runner.has_running()))
        assert not window.close()  # a close request (from the window manager) waits for the write

    assert window.open_path(demo_path, ask=False)
    _make_dirty(window)
    QTimer.singleShot(0, look)
    assert window.save_to(tmp_path / "copy.ulens")
    assert seen == [(False, True)] and window.isEnabled() and not window.document.dirty
    broken = tmp_path / "broken.ulens"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert not window.open_path(broken, ask=False)
    assert window.document.path == tmp_path / "copy.ulens" and window.isEnabled()


def test_print_preview_opens_tall_with_its_page_fitted_to_the_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.main_window import size_preview
    from usagelens.ui.qt import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget, QSize

    dialog = QPrintPreviewDialog(QPrinter(QPrinter.PrinterMode.HighResolution))
    qtbot.addWidget(dialog)
    size_preview(dialog, QSize(1366, 728))
    assert (dialog.width(), dialog.height()) == (524, 655)  # 90 % of the height, an A4 page wide
    assert dialog.findChild(QPrintPreviewWidget).zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
