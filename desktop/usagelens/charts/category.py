"""Charts over categories rather than dates: bars, funnels, next-step flows, curves and heat maps.

Like the date charts (:mod:`usagelens.charts.time_series`), the printed summary draws the very chart the user saw;
they take Qt-free :class:`~usagelens.workspace.analyses.ChartData` and use only the Okabe–Ito palette.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from usagelens.charts.style import PALETTE, TEXT_COLOUR, ValueAxis, format_value, style_axes
from usagelens.workspace.analyses import ChartData

DROP_COLOUR = "#E69F0066"  # palette orange, translucent: the users lost at a funnel step
MISSING_CELL = (242, 242, 242, 255)
HEAT_MAP = pg.ColorMap([0.0, 1.0], [QColor("#ffffff"), QColor(PALETTE[0])])


class _CategoryAxis(pg.AxisItem):
    """An axis that prints category labels at integer positions and nothing in between."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.labels: list[str] = []

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802,N803
        low, high = sorted((minVal, maxVal))  # an inverted view box hands the range over reversed
        shown = [i for i in range(len(self.labels)) if low - 0.5 <= i <= high + 0.5]
        if size <= 0:
            return [(1.0, [float(i) for i in shown])]
        # Thin out labels that would collide (24 hours on a narrow chart, 26 weekly cohorts on a short one):
        # every 2nd, 3rd, 4th, 6th... label, by the room each needs along the axis.
        metrics = QFontMetricsF(self.style.get("tickFont") or QFont())
        if self.orientation in ("bottom", "top"):
            needed = max((metrics.horizontalAdvance(self.labels[i]) for i in shown), default=1.0) + 10
        else:
            needed = metrics.height() + 2
        per_label = size / max(len(shown), 1)
        step = next((k for k in (1, 2, 3, 4, 6, 8, 12) if per_label * k >= needed), 24)
        return [(float(step), [float(i) for i in shown if i % step == 0])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [self.labels[int(v)] if 0 <= int(v) < len(self.labels) else "" for v in values]


class _PlotBase(pg.PlotWidget):
    """Shared look (axes, grid, legend) and the hover read-out of every category chart."""

    def __init__(self, horizontal: bool, parent: QWidget | None = None, *, grid: bool = False) -> None:
        self.categories = _CategoryAxis("left" if horizontal else "bottom")
        self.values: pg.AxisItem = (
            _CategoryAxis("left") if grid else ValueAxis("bottom" if horizontal else "left")
        )
        axes = (
            {"left": self.categories, "bottom": self.values}
            if horizontal
            else {"left": self.values, "bottom": self.categories}
        )
        super().__init__(parent=parent, axisItems=axes)
        self.setMinimumHeight(220)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        style_axes(item)
        self.horizontal = horizontal
        self.readout = pg.TextItem(color=TEXT_COLOUR, anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 230))
        self.readout.setZValue(20)
        self.readout.hide()  # until the pointer is over a bar or cell
        self.rows: list[str] = []  # one read-out text per category
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self.rows or not self.getPlotItem().sceneBoundingRect().contains(scene_pos):
            return
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        index = int(round(point.y() if self.horizontal else point.x()))
        if 0 <= index < len(self.rows):
            self.show_readout(self.rows[index], point)

    def show_readout(self, text: str, point: QPointF) -> None:
        self.readout.setText(text)
        self.readout.setPos(point)
        self.readout.show()

    def readout_text(self) -> str:
        return self.readout.toPlainText()

    def _label(
        self, text: str, x: float, y: float, anchor: tuple[float, float], colour: str = TEXT_COLOUR
    ) -> None:
        label = pg.TextItem(text, color=colour, anchor=anchor)
        label.setFont(QFont(self.font().family(), 9))
        label.setPos(x, y)
        self.getPlotItem().addItem(label, ignoreBounds=True)


class CategoryChart(_PlotBase):
    """Bars (grouped when there are several series), a funnel with its drop-off, a next-step flow or curves.

    Long labels (event names) read best down the side, so ``bars`` and ``flow`` are horizontal; a funnel
    and a curve run left to right like the process they show.
    """

    def __init__(self, data: ChartData, parent: QWidget | None = None) -> None:
        super().__init__(horizontal=data.kind in ("bars", "flow"), parent=parent)
        self.data = data
        item = self.getPlotItem()
        item.showGrid(x=self.horizontal, y=not self.horizontal, alpha=0.15)
        self.values.percent = data.percent  # type: ignore[attr-defined]
        labels = [str(x) for x in data.series[0].x] if data.series else []
        if data.kind == "flow":
            labels = [f"→ {label}" for label in labels]
        self.categories.labels = labels
        item.setLabel("bottom" if self.horizontal else "left", data.y_label)
        if data.x_label:
            item.setLabel("left" if self.horizontal else "bottom", data.x_label)
        if len(data.series) > 1 or data.kind == "curve":
            item.addLegend(offset=(-10, 10), labelTextColor=TEXT_COLOUR, brush=pg.mkBrush(255, 255, 255, 220))
        {"funnel": self._draw_funnel, "curve": self._draw_curves}.get(data.kind, self._draw_bars)()
        self._draw_intervals()
        top = max((float(np.nanmax(s.y)) for s in data.series if np.isfinite(s.y).any()), default=1.0)
        if data.intervals is not None and np.isfinite(data.intervals[1]).any():
            top = max(top, float(np.nanmax(data.intervals[1])))
        value_range, category_range = (
            (0, top * (1.28 if self.horizontal else 1.22) or 1),
            (-0.6, len(labels) - 0.4),
        )
        if self.horizontal:
            item.setRange(xRange=value_range, yRange=category_range, padding=0)
            item.getViewBox().invertY(True)
        else:
            item.setRange(xRange=category_range, yRange=value_range, padding=0)
        item.addItem(self.readout, ignoreBounds=True)

    def _draw_bars(self) -> None:
        data, item = self.data, self.getPlotItem()
        n = len(data.series)
        width = 0.8 / n
        for number, series in enumerate(data.series):
            positions = np.arange(len(series.y)) - 0.4 + width * (number + 0.5)
            colour = PALETTE[number % len(PALETTE)]
            values = np.nan_to_num(series.y)
            bars = (
                pg.BarGraphItem(
                    x0=0,
                    y=positions,
                    height=width * 0.9,
                    width=values,
                    brush=colour,
                    pen=None,
                    name=series.name,
                )
                if self.horizontal
                else pg.BarGraphItem(
                    x=positions,
                    y0=0,
                    width=width * 0.9,
                    height=values,
                    brush=colour,
                    pen=None,
                    name=series.name,
                )
            )
            item.addItem(bars)
            if n > 1:
                item.legend.addItem(bars, series.name)
            # Labels sit past the bar's end, or past its error bar when there is one, so they never overlap.
            ends = (
                np.fmax(values, np.nan_to_num(data.intervals[1]))
                if data.intervals is not None and not number
                else values
            )
            for position, value, end in zip(positions, series.y, ends, strict=True):
                text = format_value(float(value), data.percent)
                if self.horizontal:
                    self._label(text, float(end), float(position), (-0.05, 0.5))
                elif n <= 3:
                    self._label(text, float(position), float(end), (0.5, 1.0))
        self.rows = (
            [
                "\n".join(
                    [str(self.data.series[0].x[i])]
                    + [
                        f"{s.name}: {format_value(float(s.y[i]), data.percent)}"
                        for s in data.series
                        if i < len(s.y)
                    ]
                )
                for i in range(len(data.series[0].y))
            ]
            if data.series
            else []
        )

    def _draw_funnel(self) -> None:
        """Users per step as bars, the users lost since the previous step stacked on top in orange."""
        series, item = self.data.series[0], self.getPlotItem()
        users = np.nan_to_num(series.y)
        positions = np.arange(len(users), dtype=float)
        item.addItem(pg.BarGraphItem(x=positions, y0=0, width=0.6, height=users, brush=PALETTE[0], pen=None))
        previous = np.concatenate([[users[0] if len(users) else 0], users[:-1]])
        lost = np.maximum(previous - users, 0)
        item.addItem(
            pg.BarGraphItem(x=positions, y0=users, width=0.6, height=lost, brush=DROP_COLOUR, pen=None)
        )
        first = users[0] if len(users) and users[0] else np.nan
        self.rows = []
        for i, (position, value) in enumerate(zip(positions, users, strict=True)):
            of_previous = value / previous[i] if previous[i] else np.nan
            of_start = value / first
            self._label(f"{value:,.0f} users\n{of_start:.0%} of step 1", position, previous[i], (0.5, 1.0))
            if i and lost[i]:
                self._label(
                    f"−{1 - of_previous:.0%}\n({lost[i]:,.0f} lost)",
                    position,
                    value + lost[i] / 2,
                    (0.5, 0.5),
                    "#7a4a00",
                )
            self.rows.append(
                f"{series.x[i]}\n{value:,.0f} users\n{format_value(of_previous, True)} of previous step"
                f"\n{format_value(of_start, True)} of step 1"
            )

    def _draw_curves(self) -> None:
        for number, series in enumerate(self.data.series):
            colour = PALETTE[number % len(PALETTE)]
            self.getPlotItem().plot(
                np.arange(len(series.y)),
                series.y,
                name=series.name,
                pen=pg.mkPen(colour, width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
            )
        self.rows = (
            [
                "\n".join(
                    [str(self.data.series[0].x[i])]
                    + [
                        f"{s.name}: {format_value(float(s.y[i]), self.data.percent)}"
                        for s in self.data.series
                        if i < len(s.y)
                    ]
                )
                for i in range(len(self.data.series[0].y))
            ]
            if self.data.series
            else []
        )

    def _draw_intervals(self) -> None:
        if self.data.intervals is None or not self.data.series:
            return
        low, high = (np.asarray(v, dtype=float) for v in self.data.intervals)
        mid = (low + high) / 2
        positions = np.arange(len(mid), dtype=float)
        options = {"height": high - low} if not self.horizontal else {"width": high - low}
        coords = {"x": positions, "y": mid} if not self.horizontal else {"x": mid, "y": positions}
        self.getPlotItem().addItem(
            pg.ErrorBarItem(**coords, **options, beam=0.15, pen=pg.mkPen(TEXT_COLOUR, width=1.2))
        )


class HeatMapChart(_PlotBase):
    """A matrix coloured from white to blue by value, each cell's value printed in it."""

    def __init__(self, data: ChartData, parent: QWidget | None = None) -> None:
        super().__init__(horizontal=False, parent=parent, grid=True)
        matrix = np.asarray(data.matrix, dtype=float)
        rows, cols = matrix.shape
        item = self.getPlotItem()
        top = float(np.nanmax(matrix)) if np.isfinite(matrix).any() else 1.0
        scaled = np.clip(np.nan_to_num(matrix / (top or 1.0)), 0, 1)
        rgba = HEAT_MAP.map(scaled.ravel(), mode="byte").reshape(rows, cols, 4)
        rgba[np.isnan(matrix)] = MISSING_CELL
        image = pg.ImageItem(rgba, axisOrder="row-major")
        image.setRect(QRectF(-0.5, -0.5, cols, rows))
        item.addItem(image)
        self.categories.labels = list(data.column_labels)
        self.values.labels = list(data.row_labels)  # type: ignore[attr-defined]
        if data.x_label:
            item.setLabel("bottom", data.x_label)
        item.getViewBox().invertY(True)
        item.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=0)
        self._matrix, self._data = matrix, data
        texts = [
            [(f"{v:.0%}" if data.percent else _compact(v)) if np.isfinite(v) else "" for v in row]
            for row in matrix
        ]
        font = QFont(self.font().family(), 8 if cols <= 14 and rows <= 16 else 7)
        item.addItem(_CellLabels(texts, scaled > 0.55, font), ignoreBounds=True)
        item.addItem(self.readout, ignoreBounds=True)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self.getPlotItem().sceneBoundingRect().contains(scene_pos):
            return
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        r, c = int(round(point.y())), int(round(point.x()))
        if 0 <= r < self._matrix.shape[0] and 0 <= c < self._matrix.shape[1]:
            value = format_value(float(self._matrix[r, c]), self._data.percent)
            self.show_readout(f"{self._data.row_labels[r]} · {self._data.column_labels[c]}\n{value}", point)


class _CellLabels(pg.GraphicsObject):
    """Every cell's value in one item: hundreds of TextItems would cost ~0.3 ms each to build and paint.

    Text is drawn in device pixels at each cell's centre, so it stays crisp and unscaled however the
    cells are stretched; white on dark cells, dark text on light ones.
    """

    def __init__(self, texts: list[list[str]], dark: np.ndarray, font: QFont) -> None:
        super().__init__()
        self._texts, self._dark, self._font = texts, dark, font

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        rows, cols = len(self._texts), len(self._texts[0]) if self._texts else 0
        return QRectF(-0.5, -0.5, cols, rows)

    def paint(self, painter: QPainter, *_: object) -> None:
        to_device = painter.transform()
        painter.resetTransform()
        painter.setFont(self._font)
        colours = {True: QColor("#ffffff"), False: QColor(TEXT_COLOUR)}
        metrics = QFontMetrics(self._font)
        cell = to_device.map(QPointF(1, 1)) - to_device.map(QPointF(0, 0))
        room = abs(cell.x()) - 4, abs(cell.y()) - 2
        font = QFont(self._font)
        widest = max((metrics.horizontalAdvance(t) for row in self._texts for t in row), default=0)
        if widest > room[0] or metrics.height() > room[1]:
            # Shrink the text to fit the cells, down to a still-legible size; below that the values are left
            # to the hover read-out (all or none, so the map never looks patchy).
            scale = min(room[0] / max(widest, 1), room[1] / max(metrics.height(), 1))
            size = font.pointSizeF() * scale
            if size < 6.0:
                painter.setTransform(to_device)
                return
            font.setPointSizeF(size)
            painter.setFont(font)
        for r, row in enumerate(self._texts):
            for c, text in enumerate(row):
                if text:
                    centre = to_device.map(QPointF(c, r))
                    painter.setPen(colours[bool(self._dark[r, c])])
                    painter.drawText(
                        QRectF(centre.x() - 40, centre.y() - 10, 80, 20), Qt.AlignmentFlag.AlignCenter, text
                    )
        painter.setTransform(to_device)


def _compact(value: float) -> str:
    """1234 → 1.2k: counts that fit a narrow cell."""
    if abs(value) >= 10_000:
        return f"{value / 1000:.0f}k"
    if abs(value) >= 1000:
        return f"{value / 1000:.1f}k"
    return f"{value:.0f}"


def category_chart(data: ChartData) -> QWidget:
    """The widget that draws ``data`` (any kind but ``time``, which :class:`TimeSeriesChart` draws)."""
    return HeatMapChart(data) if data.kind == "heatmap" else CategoryChart(data)
