"""Charts to SVG, PNG and into printed pages, undistorted.

pyqtgraph's own SVG exporter crashes on current Qt and rendering a widget straight into a 300-dpi PDF
measures its fonts at the wrong DPI (design §6). The reliable path: paint the widget into a ``QSvgGenerator``
at the widget's own size and logical DPI; that SVG is both the file export and, through ``QSvgRenderer``,
the vector drawing placed on a PDF page.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator, QSvgRenderer
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget


def offscreen_layout(widget: QWidget, width: int, height: int) -> None:
    """Give a never-shown widget its real geometry so charts lay out their axes before being painted."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(width, height)
    widget.show()
    QApplication.processEvents()


def _render(widget: QWidget, painter: QPainter) -> None:
    """Paint ``widget`` with its children at its own size in the painter's coordinates. A plot (a
    QGraphicsView) is given its target rectangle: by default it would fill the whole device, which a 2×
    image then scales up twice. Any other widget (a panel holding several plots) takes the target offset
    in PySide6's overload."""
    if isinstance(widget, QGraphicsView):
        widget.render(painter, QRectF(0, 0, widget.width(), widget.height()), widget.viewport().rect())
    else:
        widget.render(painter, QPoint())


def settle(widget: QWidget) -> None:
    """Let a chart finish laying out before it is exported. pyqtgraph sizes each axis to its tick labels
    while painting, so a chart exported right after new data would show a value axis without its numbers:
    paint once to a scratch image, then deliver the layout requests that paint posted."""
    scratch = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(scratch)
    _render(widget, painter)
    painter.end()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def chart_svg(widget: QWidget, title: str = "") -> bytes:
    """The widget drawn as SVG vector graphics."""
    settle(widget)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    size = widget.size()
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(widget.logicalDpiX())
    generator.setTitle(title)
    painter = QPainter(generator)
    _render(widget, painter)
    painter.end()
    buffer.close()
    return bytes(data.data())


def chart_image(widget: QWidget, scale: float = 2.0) -> QImage:
    """The widget as a bitmap at ``scale`` × its size (2× keeps print and retina screens sharp)."""
    settle(widget)
    size = QSize(int(widget.width() * scale), int(widget.height() * scale))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _render(widget, painter)
    painter.end()
    return image


def save_chart(widget: QWidget, path: str | os.PathLike[str]) -> None:
    """Export a chart to ``.svg`` or ``.png`` by the file's suffix; raises OSError with a readable text (in the
    user's language: only the GUI saves a chart)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".svg":
        target.write_bytes(chart_svg(widget))
    elif suffix == ".png":
        if not chart_image(widget).save(str(target), "PNG"):
            raise OSError(QCoreApplication.translate("ChartExport", "Could not write {name}.").format(name=target.name))
    else:
        raise OSError(QCoreApplication.translate("ChartExport", "Charts can be saved as .png or .svg files."))


def paint_svg(painter: QPainter, svg: bytes, target: QRectF) -> None:
    """Draw SVG bytes into ``target`` keeping the aspect ratio (vectors stay vectors in a PDF)."""
    renderer = QSvgRenderer(QByteArray(svg))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter, target)


def image_bytes(image: QImage) -> bytes:
    """PNG bytes of an image (for embedding into documents)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
