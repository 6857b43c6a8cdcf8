"""The window as the user left it: size, position, the splitters of every page and the step on screen.

Reopening the app at a default 1280×800 in the middle of the screen, on step 1, with every splitter back at
its default, makes the user redo their layout each morning. Kept in ``QSettings`` (the user's preferences;
the test profile's in tests), restored after the window is built and before it is shown.
"""

from __future__ import annotations

from usagelens.ui.qt import QByteArray, QListWidget, QMainWindow, QSize, QSplitter, QWidget
from usagelens.ui.settings import app_settings

# A 1366×768 laptop at 125 % scaling has 1093×614 logical pixels, less a taskbar: every page fits this.
MINIMUM_SIZE = QSize(1024, 560)


def _splitters(window: QWidget) -> dict[str, QSplitter]:
    """Every splitter of the window under a stable name: its page's object name and its place on the page."""
    named: dict[str, QSplitter] = {}
    counts: dict[str, int] = {}
    for splitter in window.findChildren(QSplitter):
        page = splitter.parent()
        while page is not None and not page.objectName().endswith("Page"):
            page = page.parent()
        owner = page.objectName() if page is not None else "window"
        counts[owner] = counts.get(owner, -1) + 1
        named[f"{owner}/{counts[owner]}"] = splitter
    return named


def save_window(window: QMainWindow, navigator: QListWidget) -> None:
    settings = app_settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/step", navigator.currentRow())
    for name, splitter in _splitters(window).items():
        settings.setValue(f"window/splitters/{name}", splitter.saveState())


def restore_window(window: QMainWindow, navigator: QListWidget) -> None:
    """Put back what :func:`save_window` kept; anything missing or unreadable keeps its default."""
    settings = app_settings()
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray | bytes):
        window.restoreGeometry(QByteArray(geometry))
    restore_splitters(window)
    try:
        step = int(settings.value("window/step", 0))
    except (TypeError, ValueError):
        step = 0
    navigator.setCurrentRow(min(max(step, 0), navigator.count() - 1))


def restore_splitters(widget: QWidget) -> None:
    """The splitters inside ``widget`` as :func:`save_window` kept them: the whole window at start, or a step
    page built later, on first use (its splitters are named after the page, so the names are the same)."""
    settings = app_settings()
    for name, splitter in _splitters(widget).items():
        state = settings.value(f"window/splitters/{name}")
        if isinstance(state, QByteArray | bytes):
            splitter.restoreState(QByteArray(state))
