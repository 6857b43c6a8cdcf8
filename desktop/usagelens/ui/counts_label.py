"""A line of counts that gives way part by part: "2,996 users · 216,777 events" on a narrow window.

Beside step 4's analysis title the counts are a nicety that must not widen the window. Cut with "…" they read
"2.…" or "216.77…" in German, which looks like another number; here a part that does not fit is left out whole.
"""

from __future__ import annotations

from typing import Any

from usagelens.ui.qt import QLabel, QPainter, QSizePolicy, Qt, QWidget

SEPARATOR = " · "


class CountsLabel(QLabel):
    """Plain text of parts joined by " · ", painted with as many leading parts as fit its width (none, if not
    even the first does); :meth:`text` keeps them all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # as wide as the layout gives: its width never pushes the widgets beside it off the page
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def shown_text(self) -> str:
        """The leading parts that fit the label's width, whole."""
        width, metrics = self.contentsRect().width(), self.fontMetrics()
        parts = self.text().split(SEPARATOR)
        while parts and metrics.horizontalAdvance(SEPARATOR.join(parts)) > width:
            parts.pop()
        return SEPARATOR.join(parts)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())
        painter.end()
