"""A word-sized trend line (Tufte's sparkline) painted with a QPainter: in table cells on screen and in print.

Painting is a plain function over a rectangle, so a delegate, a widget or a report page can all draw the very
same line without a chart widget per cell.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

LINE_COLOUR = "#0072B2"
TARGET_COLOUR = "#9aa0a8"


def paint_sparkline(painter: QPainter, rect: QRectF, values: Sequence[float], *, target: float | None = None,
                    colour: str = LINE_COLOUR) -> None:
    """Draw ``values`` left to right across ``rect``, the last point dotted, and ``target`` as a dashed line
    when it falls inside the drawn range (a target far off the range would flatten the trend)."""
    points = np.asarray([v for v in values if v == v], dtype=float)
    if len(points) < 2:
        return
    low, high = float(points.min()), float(points.max())
    if target is not None and low - (high - low) <= target <= high + (high - low):
        low, high = min(low, target), max(high, target)
    span = (high - low) or 1.0
    area = rect.adjusted(2, 3, -4, -3)

    def at(index: int, value: float) -> QPointF:
        x = area.left() + area.width() * index / (len(points) - 1)
        return QPointF(x, area.bottom() - area.height() * (value - low) / span)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if target is not None and low <= target <= high:
        painter.setPen(QPen(QColor(TARGET_COLOUR), 1, Qt.PenStyle.DashLine))
        painter.drawLine(at(0, target), at(len(points) - 1, target))
    painter.setPen(QPen(QColor(colour), 1.5))
    painter.drawPolyline(QPolygonF([at(i, v) for i, v in enumerate(points)]))
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(at(len(points) - 1, points[-1]), 2.2, 2.2)
    painter.restore()
