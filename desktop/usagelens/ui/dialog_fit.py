"""Every dialog opens within its screen.

Dialogs size themselves for a roomy desktop (the Connect dialog 960×720, the import 980×680); a 1366×768 laptop at
125 % scaling has 614 logical pixels of height, less a taskbar, so their buttons opened below the screen's edge.
One filter on the application sees each dialog about to be shown, shrinks it to the screen's available area and
centres it on its window within that area (a dialog placed before is only put back on the screen).
"""

from __future__ import annotations

from usagelens.ui.qt import QApplication, QDialog, QEvent, QObject, QRect, QSize, Qt, QWidget

SCREEN_SHARE = 0.95  # of the screen's available width and height at most: its edges stay in sight


def fit_to_screen(dialog: QWidget) -> None:
    """Fit ``dialog`` to the available area of the screen it opens on (its window's)."""
    owner = dialog.parentWidget().window() if dialog.parentWidget() is not None else dialog
    screen = owner.screen() or QApplication.primaryScreen()
    if screen is not None:
        fit_within(dialog, screen.availableGeometry())


def fit_within(dialog: QWidget, area: QRect) -> None:
    """Shrink ``dialog`` to at most :data:`SCREEN_SHARE` of ``area`` (never below its layout's least size) and
    place it on ``area``: centred on its window the first time (as Qt would, but Qt let a window larger than the
    screen push it off the edge), where it was afterwards, moved back onto ``area`` if it lies off it."""
    frame = dialog.frameGeometry().size() - dialog.size()  # the title bar and borders, once the window has them
    most = QSize(int(area.width() * SCREEN_SHARE), int(area.height() * SCREEN_SHARE)) - frame
    if dialog.width() > most.width() or dialog.height() > most.height():
        dialog.resize(dialog.size().boundedTo(most))
    placed = dialog.frameGeometry()
    if not dialog.testAttribute(Qt.WidgetAttribute.WA_Moved):
        owner = dialog.parentWidget().window() if dialog.parentWidget() is not None else None
        placed.moveCenter(owner.frameGeometry().center() if owner is not None else area.center())
    elif area.contains(placed):
        return
    placed.moveTop(max(area.top(), min(placed.top(), area.bottom() + 1 - placed.height())))
    placed.moveLeft(max(area.left(), min(placed.left(), area.right() + 1 - placed.width())))
    dialog.move(placed.topLeft())


class DialogFitter(QObject):
    """Installed on the application: fits each dialog to its screen just before it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and not event.spontaneous():
            fit_to_screen(watched)
        return False


def install(app: QApplication) -> None:
    """Fit every dialog of ``app`` from now on (the filter lives as long as the application)."""
    app.installEventFilter(DialogFitter(app))
