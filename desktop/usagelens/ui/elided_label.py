"""A label that keeps each of its lines to one line of its width, ending a long one in "…".

Step 4's data line names every source the analyses read; wrapped beside the Users picker at 1366 px it took
three lines of the chart's height. Elided, it takes one, and its tooltip and :meth:`text` (what a screen reader
and the tests read) keep every word.
"""

from __future__ import annotations

from typing import Any

from usagelens.ui.qt import QLabel, QPainter, QSizePolicy, Qt, QWidget


class ElidedLabel(QLabel):
    """Plain text whose lines (split at "\\n") are each cut to the label's width; the whole text is its tip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        # as wide as the layout gives: its width never pushes the widgets beside it off the page
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def shown_lines(self) -> list[str]:
        """The lines as painted: each elided to the width the label has."""
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in self.text().split("\n")]

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        rect = self.contentsRect()
        line_height = self.fontMetrics().lineSpacing()
        lines = self.shown_lines()
        top = max(0, (rect.height() - len(lines) * line_height) // 2)  # centred beside a taller neighbour
        for n, line in enumerate(lines):
            row = rect.adjusted(0, top + n * line_height, 0, 0)
            row.setHeight(line_height)
            self.style().drawItemText(painter, row, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                      self.palette(), self.isEnabled(), line, self.foregroundRole())
        painter.end()

