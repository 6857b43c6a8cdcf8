"""GUI test helpers: a main window on the demo project and waiting for background work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from usagelens.paths import demo_project


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    from usagelens.ui.application import create_application
    from usagelens.ui.main_window import MainWindow

    create_application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.runner.cancel_all()
    win.runner.wait_all(10000)
    win.document.undo_stack.setClean()


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
