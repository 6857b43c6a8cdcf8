"""Finding unreadable text on screen: every visible text of a window measured against what is drawn behind it.

Two measures per text: the colour Qt will draw it in (the widget's palette, or an item's ``ForegroundRole``)
against the region's background as rendered (its most common pixel), and the rendered pixels themselves (the
pixel farthest from the background is the text's own colour; this catches colours Qt's palette does not know,
such as inline HTML). A text passes when both reach ``MINIMUM_CONTRAST``.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

MINIMUM_CONTRAST = 3.0
MAX_ITEMS = 40  # rows (and header sections) measured per view: the first screenful says enough


def pixels(image: QImage) -> np.ndarray:
    """An image as an H×W×3 uint8 array."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return buffer[:, : width * 3].reshape(height, width, 3).copy()


def luminance(rgb: np.ndarray) -> np.ndarray:
    channel = rgb.astype(np.float64) / 255.0
    linear = np.where(channel <= 0.04045, channel / 12.92, ((channel + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    la, lb = luminance(a), luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def measure(region: np.ndarray, colour: QColor | None) -> tuple[str, float, float]:
    """(background, contrast of ``colour`` on it, contrast of the region's most distant pixel on it)."""
    flat = region.reshape(-1, 3)
    colours, counts = np.unique(flat, axis=0, return_counts=True)
    background = colours[counts.argmax()]
    name = QColor(*(int(c) for c in background)).name()
    drawn = float(ratio(flat, background).max())
    if colour is None:
        return name, drawn, drawn
    return name, float(ratio(np.array([colour.red(), colour.green(), colour.blue()]), background)), drawn


def widget_text(widget: QWidget) -> str:
    """The text a widget shows itself (item views are measured per item)."""
    if isinstance(widget, QLabel):
        return "" if widget.pixmap() is not None and not widget.pixmap().isNull() else widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def item_regions(view: QAbstractItemView, origin: QPoint) -> Iterator[tuple[str, QRect, QColor | None]]:
    """(text, rectangle in the window, stated colour) of the first visible items and header sections."""
    model = view.model()
    if model is None:
        return
    viewport = view.viewport().visibleRegion().boundingRect()
    offset = origin + view.viewport().pos()
    root = view.rootIndex()
    columns = [view.modelColumn()] if isinstance(view, QListView) else range(min(model.columnCount(root), 12))
    for row in range(min(model.rowCount(root), MAX_ITEMS)):
        for column in columns:
            index = model.index(row, column, root)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            rect = view.visualRect(index) & viewport
            if text in (None, "") or rect.isEmpty() or not index.flags() & Qt.ItemFlag.ItemIsEnabled:
                continue
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            selected = view.selectionModel() is not None and view.selectionModel().isSelected(index)
            colour = QColor(foreground) if foreground is not None and not selected else None
            yield str(text), rect.translated(offset), colour
    for header in (getattr(view, "horizontalHeader", lambda: None)(), getattr(view, "verticalHeader", lambda: None)()):
        if isinstance(header, QHeaderView) and header.isVisible():
            yield from header_regions(header, origin + header.pos())


def header_regions(header: QHeaderView, origin: QPoint) -> Iterator[tuple[str, QRect, QColor | None]]:
    model = header.model()
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    for section in range(min(header.count(), MAX_ITEMS)):
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        position, size = header.sectionViewportPosition(section), header.sectionSize(section)
        rect = QRect(position, 0, size, header.height()) if horizontal else QRect(0, position, header.width(), size)
        rect &= header.viewport().visibleRegion().boundingRect()
        if text in (None, "") or header.isSectionHidden(section) or rect.isEmpty():
            continue
        foreground = model.headerData(section, header.orientation(), Qt.ItemDataRole.ForegroundRole)
        yield str(text), rect.translated(origin), QColor(foreground) if foreground is not None else None


def unreadable_texts(top: QWidget, image: QImage | None = None) -> list[str]:
    """Every visible, enabled text in ``top`` (a window, a dialog or a menu) whose contrast is too low."""
    image = image or top.grab().toImage()
    scale = image.devicePixelRatio()
    array = pixels(image)
    problems: list[str] = []

    def check(what: str, rect: QRect, colour: QColor | None) -> None:
        if rect.width() < 10 or rect.height() < 10:
            return  # an item scrolled almost out of sight
        inner = rect.adjusted(3, 2, -3, -2)
        x0, y0 = max(int(inner.left() * scale), 0), max(int(inner.top() * scale), 0)
        x1, y1 = int((inner.right() + 1) * scale), int((inner.bottom() + 1) * scale)
        region = array[y0:y1, x0:x1]
        if region.size == 0:
            return
        background, stated, drawn = measure(region, colour)
        if min(stated, drawn) < MINIMUM_CONTRAST:
            problems.append(f"{what}: {stated:.2f} stated ({colour.name() if colour else 'drawn'}), "
                            f"{drawn:.2f} drawn, on {background}")

    if isinstance(top, QMenu):
        for action in top.actions():
            if action.isVisible() and action.isEnabled() and not action.isSeparator() and action.text():
                check(f"menu item {action.text()!r}", top.actionGeometry(action), None)
        return problems
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not widget.isEnabled() or widget.window() is not top:
            continue
        visible = widget.visibleRegion().boundingRect()
        if visible.isEmpty():
            continue
        origin = widget.mapTo(top, QPoint(0, 0))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            for text, rect, colour in item_regions(widget, origin):
                check(f"{type(widget).__name__} item {text[:40]!r}", rect, colour)
            continue
        if isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                check(f"tab {widget.tabText(tab)!r}", widget.tabRect(tab).translated(origin), None)
            continue
        if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.toPlainText().strip():
            check(f"{type(widget).__name__} text", visible.translated(origin), None)
            continue
        text = widget_text(widget)
        if not text.strip():
            continue
        colour = None if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText and "<" in text \
            else widget.palette().color(widget.foregroundRole())
        area = visible if not isinstance(widget, QGroupBox) else visible & QRect(0, 0, widget.width(), 22)
        check(f"{type(widget).__name__} {text[:40]!r}", area.translated(origin), colour)
    return problems
