"""A table view that says something while it has no rows, so a blank grid reads as "nothing yet", not as broken.

The lists of steps 1, 5 and 6 say how to add the first entry; the Connect dialog's preview says how to fill it.
"""

from __future__ import annotations

from typing import Any

from usagelens.ui.qt import QPainter, QPalette, Qt, QTableView


class HintTableView(QTableView):
    """A :class:`QTableView` drawing ``empty_text`` in its middle, in the placeholder colour, while it is empty."""

    empty_text = ""

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.viewport().update()

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and (model is None or model.rowCount() == 0):
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            # centred, so vertical margins only matter in a short view, where they would hide a line of the text
            area = self.viewport().rect().adjusted(24, 2, -24, -2)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()
