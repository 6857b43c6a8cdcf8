"""First run and return: the welcome page, reopening the last project, and the window as it was left."""

from __future__ import annotations

import shutil
from pathlib import Path

from usagelens.ui.qt import QSplitter, Qt
from usagelens.ui.settings import add_recent_file, set_reopen_last_project
from usagelens.ui.window_state import MINIMUM_SIZE


def _new_window(qtbot):  # type: ignore[no-untyped-def]
    from usagelens.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    return window


def test_a_start_without_a_project_shows_the_welcome_page_with_dated_recent_projects(
    qtbot, window, wait_idle, demo_path: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    gone = tmp_path / "moved.ulens"
    add_recent_file(demo_path)
    add_recent_file(gone)
    window.start()
    assert window.front.currentWidget() is window.welcome
    items = [window.welcome.recent.item(i) for i in range(window.welcome.recent.count())]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in items] == [str(gone.resolve()), str(demo_path.resolve())]
    assert "moved or deleted" in items[0].text() and not items[0].flags() & Qt.ItemFlag.ItemIsEnabled
    assert "demo" in items[1].text() and str(demo_path.parent) in items[1].text()
    assert any(char.isdigit() for char in items[1].text().split("·")[1])  # when it was last changed

    window.welcome.demo_button.click()
    wait_idle()
    assert window.front.currentWidget() is window.workspace
    assert window.document.path == demo_path and window.document.project.sources


def test_starting_an_empty_project_or_importing_leaves_the_welcome_page(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.start()
    window.welcome.new_button.click()
    assert window.front.currentWidget() is window.workspace and window.navigator.currentRow() == 0
    window.show_welcome()
    asked: list[str] = []
    monkeypatch.setattr(window, "import_data", lambda path=None: asked.append("import") or False)
    window.welcome.import_button.click()
    assert asked == ["import"]


def test_the_last_project_reopens_at_start_when_the_preference_says_so(
    qtbot, window, wait_idle, demo_path: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    copy = tmp_path / "mine.ulens"
    shutil.copy(demo_path, copy)
    add_recent_file(copy)
    set_reopen_last_project(True)
    window.start()
    wait_idle()
    assert window.front.currentWidget() is window.workspace and window.document.path == copy
    copy.unlink()  # gone since: the welcome page instead, never an error box
    other = _new_window(qtbot)
    other.start()
    assert other.front.currentWidget() is other.welcome


def test_the_window_reopens_at_its_size_step_and_splitters(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _new_window(qtbot)
    first.resize(1024, 620)  # the offscreen screen is small: wider would be clamped to it
    first.show()
    qtbot.waitExposed(first)
    first.open_path(demo_path, ask=False)
    first.go_to_step(4)
    splitter = first.pages[3].findChildren(QSplitter)[-1]
    sizes = splitter.sizes()
    splitter.setSizes([sizes[0] + 120, max(sizes[1] - 120, 40), *sizes[2:]])
    moved = splitter.sizes()
    first.runner.wait_all(20000)
    first.document.undo_stack.setClean()
    first.close()

    second = _new_window(qtbot)
    second.restore_state()
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (1024, 620)  # not the default 1280×800
    assert second.navigator.currentRow() == 3
    assert second.pages[3].findChildren(QSplitter)[-1].sizes() == moved
    second.close()


def test_the_window_fits_a_laptop_at_125_percent() -> None:
    assert MINIMUM_SIZE.width() <= 1366 / 1.25 and MINIMUM_SIZE.height() <= 768 / 1.25 - 40
