"""Cell painters of the review board: a progress bar towards the target and a KPI sparkline.

Both read the cell's raw value (``VALUE_ROLE``) that the board's columns declare, so the table model stays
the generic entity model and the delegates stay dumb painters. The cell's text stays the model's (for the
tooltip, copy and accessibility) but is painted by the delegate next to the graphic.
"""

from __future__ import annotations

from typing import Any

from usagelens.charts.sparkline import paint_sparkline
from usagelens.ui.entity_table import VALUE_ROLE, AnyIndex
from usagelens.ui.qt import QApplication, QColor, QPainter, QPalette, QRectF, QStyledItemDelegate, Qt

BAR_COLOURS = {"good": "#2e8b57", "warn": "#d98e04", "bad": "#c62828"}
TEXT_WIDTH = 44


class _GraphicDelegate(QStyledItemDelegate):
    """Paints the cell background as usual, then a graphic and (if ``paints_text``) the cell's text at the
    right; the text is the tooltip either way."""

    paints_text = True

    def initStyleOption(self, option: Any, index: AnyIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.text = ""  # painted by ``paint`` beside the graphic

    def paint(self, painter: QPainter, option: Any, index: AnyIndex) -> None:
        super().paint(painter, option, index)
        rect = QRectF(option.rect)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "") if self.paints_text else ""
        graphic = rect.adjusted(6, 0, -(TEXT_WIDTH + 6) if text else -6, 0)
        self.paint_graphic(painter, graphic, index.data(VALUE_ROLE))
        if text:
            painter.save()
            painter.setPen(option.palette.color(option.palette.ColorRole.Text))
            painter.drawText(rect.adjusted(0, 0, -6, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             text)
            painter.restore()

    def paint_graphic(self, painter: QPainter, rect: QRectF, value: Any) -> None:
        raise NotImplementedError


class ProgressBarDelegate(_GraphicDelegate):
    """A share (0 = baseline, 1 = target) as a bar; past the target the bar is full, below baseline red."""

    def paint_graphic(self, painter: QPainter, rect: QRectF, value: Any) -> None:
        if not isinstance(value, int | float):
            return
        bar = QRectF(rect.left(), rect.center().y() - 4, rect.width(), 8)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QApplication.palette().color(QPalette.ColorRole.Midlight))  # the track, in either theme
        painter.drawRoundedRect(bar, 3, 3)
        tone = "good" if value >= 0.5 else "warn" if value > 0 else "bad"
        painter.setBrush(QColor(BAR_COLOURS[tone]))
        bar.setWidth(bar.width() * min(max(value, 0.03), 1.0))
        painter.drawRoundedRect(bar, 3, 3)
        painter.restore()


class SparklineDelegate(_GraphicDelegate):
    """The cell's ``(values, target)`` pair as a sparkline over the whole cell (its words are the tooltip)."""

    paints_text = False

    def paint_graphic(self, painter: QPainter, rect: QRectF, value: Any) -> None:
        if isinstance(value, tuple) and len(value) == 2:
            paint_sparkline(painter, rect, list(value[0]), target=value[1])
