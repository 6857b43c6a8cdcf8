"""An item drawn in device pixels over a whole plot, laid out afresh at each paint.

Labels that must not overprint, and a Sankey whose every part depends on the chart's size, are placed for the
surface being painted (the screen, a 2× PNG, an SVG, a printed page), not in data coordinates that a different
size would stretch.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QTransform


class DevicePixelItem(pg.GraphicsObject):
    """Covers its view box; :meth:`draw` paints in device pixels inside ``area``, the view box on that device."""

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        view = self.getViewBox()
        return view.viewRect() if view is not None else QRectF()

    def paint(self, painter: QPainter, *_: object) -> None:
        to_device = painter.transform()
        view = self.getViewBox()
        area = to_device.mapRect(view.viewRect()) if view is not None else QRectF()
        painter.resetTransform()
        self.draw(painter, to_device, area)
        painter.setTransform(to_device)

    def draw(self, painter: QPainter, to_device: QTransform, area: QRectF) -> None:
        raise NotImplementedError
