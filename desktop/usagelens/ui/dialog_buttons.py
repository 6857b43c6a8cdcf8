"""The foot of a dialog that reads something before it adds it (a file's import, a warehouse's preview): what it
is reading and its progress bar, left of Cancel and the primary button."""

from __future__ import annotations

from dataclasses import dataclass

from usagelens.ui.qt import QDialogButtonBox, QHBoxLayout, QLabel, QProgressBar, QPushButton


@dataclass(frozen=True)
class ProgressFooter:
    layout: QHBoxLayout
    reading: QLabel
    progress: QProgressBar
    buttons: QDialogButtonBox
    primary: QPushButton


def progress_footer(primary_text: str) -> ProgressFooter:
    """The row; the primary button (the theme's ``primary``) is made the default only once it is in the box: a
    box given a default button first makes it its focus proxy, and Tab then jumped past Cancel."""
    reading, progress = QLabel(), QProgressBar()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    primary = QPushButton(primary_text)
    primary.setObjectName("primary")
    buttons.addButton(primary, QDialogButtonBox.ButtonRole.AcceptRole)
    primary.setDefault(True)
    layout = QHBoxLayout()
    layout.addWidget(reading)
    layout.addWidget(progress, 1)
    layout.addWidget(buttons)
    return ProgressFooter(layout, reading, progress, buttons, primary)
