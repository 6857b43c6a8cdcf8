"""What every step page shares: the step heading, a body, and refreshing when the project changes."""

from __future__ import annotations

from collections.abc import Callable

from usagelens.model.steps import Step
from usagelens.ui.document import ProjectDocument
from usagelens.ui.page_scroll import PageContent, PageScrollArea
from usagelens.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QShowEvent,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import step_purpose, step_title
from usagelens.ui.workers import TaskRunner


class StepPage(QWidget):
    """A page of the method. Subclasses fill ``self.body`` and implement ``refresh``; the heading and the body
    scroll vertically together when the window is too short for what the body needs.

    ``refresh`` runs after the project is replaced or changed (coalesced, so a burst of edits triggers one
    refresh) — pages render from the project, they keep no state of their own.
    """

    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.document = document
        self.runner = runner
        self.setObjectName(f"step{step.number}Page")
        content = PageContent()  # scrolls up and down when the window is too short for it (ui/page_scroll.py)
        content.setObjectName("pageContent")
        self.scroll_area = PageScrollArea(content)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.scroll_area)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(10)
        header = QHBoxLayout()
        badge = QLabel(str(step.number))
        badge.setObjectName("stepBadge")
        badge.setFixedSize(34, 34)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        title = QLabel(step_title(step))
        title.setObjectName("pageTitle")
        purpose = QLabel(step_purpose(step))
        purpose.setObjectName("pagePurpose")
        purpose.setWordWrap(True)
        titles.addWidget(title)
        titles.addWidget(purpose)
        header.addWidget(badge)
        header.addSpacing(8)
        header.addLayout(titles, 1)
        outer.addLayout(header)
        line = QFrame()
        line.setObjectName("pageRule")
        line.setFrameShape(QFrame.Shape.HLine)
        outer.addWidget(line)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        document.reset.connect(self._refresh_timer.start)
        document.changed.connect(self._on_document_changed)
        self._when_shown: Callable[[], None] | None = None

    def when_on_screen(self, work: Callable[[], None]) -> None:
        """Run ``work`` now if the page is on screen, else when it is next shown (only the latest waits).

        Heavy work of a page the user is not looking at (the quality check of step 3, decoding a raw table for
        step 2's grid) would compete with the page they are looking at: reopening a 10M-event project spent
        2.6 s checking step 3's quality before step 4's chart could be computed. Without a shown window
        (headless use, tests) every page counts as on screen.
        """
        if self.isVisible() or not self.window().isVisible():
            self._when_shown = None
            work()
        else:
            self._when_shown = work

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        work, self._when_shown = self._when_shown, None
        if work is not None:
            work()

    def _on_document_changed(self, path: tuple[str, ...]) -> None:
        if self.reacts_to(path):
            self._refresh_timer.start()

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        """Whether a change at ``path`` affects this page; by default every change does."""
        return True

    def refresh(self) -> None:
        """Re-render from ``self.document.project``."""


def banner(text: str = "", *, kind: str = "info") -> QLabel:
    """A tinted message strip for hints, empty states and errors inside a page."""
    label = QLabel(text)
    label.setObjectName(f"banner_{kind}")
    label.setWordWrap(True)
    label.setVisible(bool(text))
    return label


def set_banner(label: QLabel, text: str, *, kind: str = "info") -> None:
    """Change a banner's text and tint; an empty text hides it."""
    if label.objectName() != f"banner_{kind}":
        label.setObjectName(f"banner_{kind}")
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept and reject, in the platform's order."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
