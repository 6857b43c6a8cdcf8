"""Starting the GUI: the QApplication, its look, the main window and crash recovery."""

from __future__ import annotations

import sys
from pathlib import Path

from usagelens import APP_NAME, ORG_NAME, __version__
from usagelens.ui import autosave, dialog_fit, main_thread_gc
from usagelens.ui.main_window import MainWindow
from usagelens.ui.qt import QApplication, QCoreApplication, QLocale, QMessageBox
from usagelens.ui.resources import app_icon
from usagelens.ui.theme import apply_theme, follow_system
from usagelens.ui.translations import install_translators


def create_application(argv: list[str] | None = None, *, event_loop: bool = True) -> QApplication:
    """The app's QApplication with its names, icon and look (re-used if one exists, as under pytest-qt).

    With ``event_loop`` (the GUI), reference cycles are collected on the UI thread's timer instead of by
    whichever worker allocates; a headless report runs no event loop and keeps Python's own collection.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    if app.property("usagelensReady"):
        return app
    app.setProperty("usagelensReady", True)
    if event_loop:
        main_thread_gc.install(app)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    install_translators()  # Qt's and the app's own, for the user's locale, before any widget is made
    apply_theme(app)  # the stored preference: the system's scheme, light or dark
    follow_system(app)
    dialog_fit.install(app)  # every dialog opens within its screen
    return app


def offer_recovery(window: MainWindow) -> bool:
    """If a previous run crashed with unsaved work, offer to reopen it; True when a project was recovered."""
    leftovers = autosave.leftover_autosaves()
    if not leftovers:
        return False
    newest = leftovers[0]
    name = (Path(newest.original).name if newest.original
            else QCoreApplication.translate("Recovery", "an untitled project"))
    when = QLocale().toString(newest.saved_at, QLocale.FormatType.ShortFormat)
    answer = QMessageBox.question(
        window, QCoreApplication.translate("Recovery", "Recover unsaved work?"),
        QCoreApplication.translate(
            "Recovery", "UsageLens closed unexpectedly while {name} had unsaved changes (autosaved {when}). "
                        "Recover them?").format(name=name, when=when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
    )
    recovered = False
    if answer == QMessageBox.StandardButton.Yes:
        recovered = window.recover(newest.path, Path(newest.original) if newest.original else None)
    for leftover in leftovers:
        autosave.remove(leftover.path)
    return recovered


def run_gui(project: Path | None = None) -> int:
    app = create_application()
    window = MainWindow()
    window.restore_state()
    window.show()
    if not offer_recovery(window):
        window.start(project)
    return app.exec()
