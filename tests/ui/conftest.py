"""GUI test helpers: a main window on the demo project and waiting for background work."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from usagelens.paths import demo_project


@pytest.fixture(autouse=True, scope="session")
def _collect_garbage_on_the_ui_thread(qapp):  # type: ignore[no-untyped-def]
    """As in the app: cycles are collected on the UI thread only, never by a worker that happens to
    allocate (which would destroy Qt objects from the wrong thread)."""
    from usagelens.ui import main_thread_gc

    main_thread_gc.install(qapp)


@pytest.fixture(autouse=True)
def _no_modal_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A message box left open would hang a headless run: record them and answer like a cautious user."""
    from usagelens.ui.qt import QMessageBox

    shown: list[str] = []

    def record(answer):  # type: ignore[no-untyped-def]
        return lambda *args, **_: shown.append(str(args[2]) if len(args) > 2 else "") or answer

    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.StandardButton.Cancel))
    monkeypatch.setattr(QMessageBox, "warning", record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record(QMessageBox.StandardButton.Ok))
    return shown


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    from usagelens.ui.application import create_application
    from usagelens.ui.main_window import MainWindow

    create_application()
    win = MainWindow()
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.runner.cancel_all()
    win.runner.wait_all(10000)
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


@pytest.fixture
def wait_idle(qtbot, window):  # type: ignore[no-untyped-def]
    """Call to block (processing events) until the window's background work is done."""

    def wait() -> None:
        qtbot.waitUntil(lambda: not window.runner.has_running(), timeout=60000)
        qtbot.wait(10)

    return wait


@pytest.fixture
def demo_path() -> Iterator[Path]:
    path = demo_project()
    if not path.exists():
        pytest.fail(f"the demo project is missing: run samples/generate.py ({path})")
    yield path


@pytest.fixture
def page(qtbot, window, wait_idle, demo_path: Path):  # type: ignore[no-untyped-def]
    """Step 4 on the demo project, once its first analysis is drawn."""
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(4)
    page = window.pages[3]
    qtbot.waitUntil(lambda: page.result is not None, timeout=60000)
    wait_idle()
    return page


@pytest.fixture(name="dialog")
def connect_dialog(qtbot, request):  # type: ignore[no-untyped-def]
    """Step 2's Connect dialog, shown, its runner's tasks stopped at the end (the Connect dialog's tests)."""
    from usagelens.ui.connect_dialog import ConnectDialog
    from usagelens.ui.workers import TaskRunner

    runner = TaskRunner()
    request.addfinalizer(lambda: (runner.cancel_all(), runner.wait_all()))
    made = ConnectDialog(runner)
    qtbot.addWidget(made)
    made.show()
    return made


@pytest.fixture
def in_german(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Mapping[tuple[str, str], str]], None]]:
    """Call with the few German texts a test needs, ``{(context, English): German}`` as the catalogue has them,
    to run it as the German app: German locale, German recorded as the installed catalogue's language, a
    translator of those texts (None for the rest, so Qt asks the next translator or keeps the source). Undone
    afterwards, the app's translators installed again for the locale restored (a window made meanwhile
    installed the German catalogue for its German locale)."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from usagelens.ui import translations

    class Words(QTranslator):
        def __init__(self, words: Mapping[tuple[str, str], str]) -> None:
            super().__init__()
            self.words = words

        def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
            return self.words.get((context, source))

        def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
            return False

    before, installed = QLocale(), []

    def switch(words: Mapping[tuple[str, str], str]) -> None:
        QLocale.setDefault(QLocale("de_DE"))
        monkeypatch.setattr(translations, "_language", "de")  # as install_translators records a German catalogue
        installed.append(Words(words))
        QCoreApplication.installTranslator(installed[-1])

    yield switch
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)
    translations.install_translators()


@pytest.fixture
def whole_german(qapp) -> Iterator[Callable[[], None]]:  # type: ignore[no-untyped-def]
    """Call to run the test as the German app with its whole catalogue, as a German user has it: before the main
    window or a dialog is made (they translate their texts as they are built). Undone afterwards."""
    from PySide6.QtCore import QLocale

    from usagelens.ui import translations

    before = QLocale()

    def switch() -> None:
        QLocale.setDefault(QLocale("de_DE"))
        translations.install_translators()

    yield switch
    QLocale.setDefault(before)
    translations.install_translators()
