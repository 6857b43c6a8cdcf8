"""A label that keeps its text to a few lines of its width, ending the last line of a long paragraph in "…".

Step 4's data line names every source the analyses read; wrapped freely beside the Users picker at 1366 px it
took three lines of the chart's height, and cut to one line it showed "Data: Events: Planwise events (Jan–Jun
2024) · Customers: Cu…" where a second line fitted beside the picker's height. Here a paragraph wraps onto the
lines the label has to spare and is cut only on the last; its tooltip and :meth:`text` (what a screen reader and
the tests read) keep every word.
"""

from __future__ import annotations

import re
from typing import Any

from usagelens.ui.qt import QLabel, QPainter, QSize, QSizePolicy, Qt, QWidget

# Where a line may break: at a space, but never just before a "·" (a separator ends the line it follows); after
# a separator if one fits.
BREAK = re.compile(r" (?!·)")


class ElidedLabel(QLabel):
    """Plain text in at most ``lines`` lines of the label's width: each paragraph (split at "\\n") starts a line
    of its own, a long one wraps onto the lines left over, and whatever still does not fit ends in "…". The
    whole text is its tip."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, lines: int = 2) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        # as wide as the layout gives: its width never pushes the widgets beside it off the page
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for every paragraph, and for ``lines`` lines at least: how many a paragraph wraps onto depends on
        the width the layout gives, so the height does not (a row that grew and shrank would jolt the chart)."""
        rows = max(self.lines, len(self.text().split("\n")))
        margins = self.contentsMargins()
        return QSize(super().sizeHint().width(), rows * self.fontMetrics().lineSpacing() + margins.top()
                     + margins.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, self.sizeHint().height())

    def shown_lines(self) -> list[str]:
        """The lines as painted, each within the width the label has."""
        paragraphs = self.text().split("\n")
        spare = max(0, self.lines - len(paragraphs))
        shown: list[str] = []
        for paragraph in paragraphs:
            wrapped = self._wrapped(paragraph, 1 + spare)
            spare -= len(wrapped) - 1
            shown += wrapped
        return shown

    def _wrapped(self, paragraph: str, most: int) -> list[str]:
        """``paragraph`` broken into at most ``most`` lines of whole words, the last cut with "…" if need be."""
        width, metrics = self.contentsRect().width(), self.fontMetrics()
        lines: list[str] = []
        rest = paragraph
        while len(lines) < most - 1 and metrics.horizontalAdvance(rest) > width:
            words = BREAK.split(rest)
            taken = 1
            while taken < len(words) and metrics.horizontalAdvance(" ".join(words[: taken + 1])) <= width:
                taken += 1
            if metrics.horizontalAdvance(words[0]) > width:  # not even a word fits: cut it on this line
                break
            # a line rather ends after a separator, so "Customers: Customers (CRM export)" stays on one line
            taken = next((n for n in range(taken, 0, -1) if words[n - 1].endswith("·")), taken)
            lines.append(" ".join(words[:taken]))
            rest = " ".join(words[taken:])
        return [*lines, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]

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
