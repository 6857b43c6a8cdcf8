"""Charts over categories rather than dates: bars, funnels, next-step flows, curves and heat maps.

Like the date charts (:mod:`usagelens.charts.time_series`), the printed summary draws the very chart the user saw;
they take Qt-free :class:`~usagelens.workspace.analyses.ChartData` and use only the Okabe–Ito palette.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTransform
from PySide6.QtWidgets import QWidget

from usagelens.charts.device_pixels import DevicePixelItem
from usagelens.charts.locale_text import in_language, in_locale
from usagelens.charts.style import (
    AXIS_COLOUR,
    PALETTE,
    TEXT_COLOUR,
    OutsideLegend,
    ValueAxis,
    format_value,
    paper_palette,
    set_margins,
    shared_decimals,
    style_axes,
    value_top,
)
from usagelens.workspace.analyses import ChartData

DROP_COLOUR = "#E69F0066"  # palette orange, translucent: the users lost at a funnel step
MISSING_CELL = (242, 242, 242, 255)
HEAT_MAP = pg.ColorMap([0.0, 1.0], [QColor("#ffffff"), QColor(PALETTE[0])])
DROP_TEXT = "#7a4a00"  # dark orange: the drop-off labels on the translucent orange
LABEL_GAP = 6  # device pixels kept free between neighbouring labels
EDGE_ROOM = 18  # device pixels beside a plot for the half of a tick label that overhangs its end
MIN_CELL_POINTS = 6.0  # the smallest legible size of a heat map cell's value
INK = "0123456789%k"  # every character a cell's value is written with
Placed = tuple[QRectF, str, str]  # a label laid out in device pixels: its rectangle, text and colour
Layout = Callable[[QTransform, QFontMetricsF, QRectF], list[Placed]]  # (view → device, font, plot area)


class _CategoryAxis(pg.AxisItem):
    """An axis that prints category labels at integer positions and nothing in between.

    Crowded labels are thinned out (every 2nd, 3rd… hour of a day), or, with ``elide`` (funnel steps, where
    every label matters), all kept and shortened in the middle to the room each has; the read-out shows the
    full name.
    """

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.labels: list[str] = []
        self.elide = False
        self._shown: dict[int, str] = {}  # the text each label is drawn with at the current size

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802,N803
        low, high = sorted((minVal, maxVal))  # an inverted view box hands the range over reversed
        shown = [i for i in range(len(self.labels)) if low - 0.5 <= i <= high + 0.5]
        if size <= 0:
            return [(1.0, [float(i) for i in shown])]
        # Thin out labels that would collide (24 hours on a narrow chart, 26 weekly cohorts on a short one):
        # every 2nd, 3rd, 4th, 6th... label, by the room each needs along the axis.
        metrics = QFontMetricsF(self.style.get("tickFont") or QFont())
        per_label = size / max(len(shown), 1)
        across = self.orientation in ("bottom", "top")
        if self.elide and across:
            self._shown = {i: _two_lines(self.labels[i], metrics, per_label - LABEL_GAP) for i in shown}
            return [(1.0, [float(i) for i in shown])]
        if across:
            needed = max((metrics.horizontalAdvance(self.labels[i]) for i in shown), default=1.0) + 10
        else:
            needed = metrics.height() + 2
        step = next((k for k in (1, 2, 3, 4, 6, 8, 12) if per_label * k >= needed), 24)
        return [(float(step), [float(i) for i in shown if i % step == 0])]

    def _updateMaxTextSize(self, x: int) -> None:  # noqa: N802 - pyqtgraph API
        # pyqtgraph sizes the axis to 80 % of a label's height (one line overestimates it), which would cut
        # the second line of a wrapped step name off.
        lines = max((text.count("\n") + 1 for text in self._shown.values()), default=1) if self.elide else 1
        super()._updateMaxTextSize(int(x / 0.8) if lines > 1 else x)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [
            self._shown.get(int(v), self.labels[int(v)]) if 0 <= int(v) < len(self.labels) else "" for v in values
        ]


def _two_lines(text: str, metrics: QFontMetricsF, room: float) -> str:
    """``text`` in at most two lines of ``room`` pixels: wrapped after an underscore or a space where one is
    near the end of the first line, and if the rest is still too long, elided in the middle (the first line
    keeps the start of the name, the second its end)."""
    if metrics.horizontalAdvance(text) <= room:
        return text
    cut = len(text) - 1
    while cut > 1 and metrics.horizontalAdvance(text[:cut]) > room:
        cut -= 1
    separator = max(text.rfind("_", 0, cut), text.rfind(" ", 0, cut))
    if separator >= cut // 2:
        cut = separator + 1
    return text[:cut] + "\n" + metrics.elidedText(text[cut:], Qt.TextElideMode.ElideLeft, room)


class _PlotBase(pg.PlotWidget):
    """Shared look (axes, grid, legend) and the hover read-out of every category chart; numbers in ``locale``
    (the user's on screen, English in the report)."""

    def __init__(self, horizontal: bool, parent: QWidget | None = None, *, grid: bool = False,
                 locale: QLocale | None = None) -> None:
        locale = locale or QLocale()
        self.categories = _CategoryAxis("left" if horizontal else "bottom")
        self.values: pg.AxisItem = (
            _CategoryAxis("left") if grid else ValueAxis("bottom" if horizontal else "left", locale)
        )
        axes = (
            {"left": self.categories, "bottom": self.values}
            if horizontal
            else {"left": self.values, "bottom": self.categories}
        )
        super().__init__(parent=parent, axisItems=axes)
        self.setLocale(locale)
        self.setMinimumHeight(220)
        self.setPalette(paper_palette())  # light in a dark app too: drawn for print
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

    def view_point(self, pos: QPoint) -> QPointF | None:
        """Widget position ``pos`` in the plot's coordinates; None outside the plot area."""
        scene_pos = self.mapToScene(pos)
        if not self.getPlotItem().vb.sceneBoundingRect().contains(scene_pos):
            return None
        return self.getPlotItem().vb.mapSceneToView(scene_pos)

    def show_readout(self, text: str, point: QPointF) -> None:
        self.readout.setText(text)
        self.readout.setPos(point)
        self.readout.show()

    def readout_text(self) -> str:
        return self.readout.toPlainText()

    def _add_labels(self, layout: Layout) -> None:
        """Value labels placed in device pixels by ``layout`` (bars' ends, funnel steps, odds ratios)."""
        self.value_labels = _PixelLabels(layout, QFont(self.font().family(), 9))
        self.getPlotItem().addItem(self.value_labels, ignoreBounds=True)

    def number(self, text: str) -> str:
        """A number the chart wrote in English, in the chart's locale."""
        return in_locale(text, self.locale())

    def words(self, text: str) -> str:
        """A word the chart writes (marked in the "Chart" context), in the language of the chart's locale."""
        return in_language(self.locale(), "Chart", text)


class CategoryChart(_PlotBase):
    """Bars (grouped when there are several series), a funnel with its drop-off, a next-step flow or curves.

    Long labels (event names) read best down the side, so ``bars`` and ``flow`` are horizontal; a funnel
    and a curve run left to right like the process they show.
    """

    def __init__(self, data: ChartData, parent: QWidget | None = None, *, locale: QLocale | None = None) -> None:
        super().__init__(horizontal=data.kind in ("bars", "flow"), parent=parent, locale=locale)
        self.data = data
        self.value_labels: _PixelLabels | None = None  # laid out when painted, to the chart's size
        item = self.getPlotItem()
        item.showGrid(x=self.horizontal, y=not self.horizontal, alpha=0.15)
        self.values.percent = data.percent  # type: ignore[attr-defined]
        labels = [str(x) for x in data.series[0].x] if data.series else []
        if data.kind == "flow":
            labels = [f"→ {label}" for label in labels]
        self.categories.labels = labels
        self.categories.elide = data.kind == "funnel"
        item.setLabel("bottom" if self.horizontal else "left", data.y_label)
        if data.x_label:
            item.setLabel("left" if self.horizontal else "bottom", data.x_label)
        self.legend = OutsideLegend(item)
        {"funnel": self._draw_funnel, "curve": self._draw_curves}.get(data.kind, self._draw_bars)()
        self._draw_intervals()
        top = max((float(np.nanmax(s.y)) for s in data.series if np.isfinite(s.y).any()), default=1.0)
        if data.intervals is not None and np.isfinite(data.intervals[1]).any():
            top = max(top, float(np.nanmax(self._intervals()[1])))
        value_range, category_range = (
            (0, value_top(top, 0.28 if self.horizontal else 0.22, data.percent)),
            (-0.6, len(labels) - 0.4),
        )
        if self.horizontal:
            item.setRange(xRange=value_range, yRange=category_range, padding=0)
            item.getViewBox().invertY(True)
            # The last value tick may be centred on the plot's edge: its label overhangs into a margin.
            self.values.overhang = EDGE_ROOM  # type: ignore[attr-defined]
            set_margins(item, right=EDGE_ROOM)
        else:
            item.setRange(xRange=category_range, yRange=value_range, padding=0)
        item.addItem(self.readout, ignoreBounds=True)

    def point_at(self, pos: QPoint) -> tuple[str, int] | None:
        """(series name, category index) of the bar or point under widget position ``pos``, None elsewhere:
        what a right-click there is about."""
        point, data = self.view_point(pos), self.data
        if point is None or not data.series:
            return None
        along, value = (point.y(), point.x()) if self.horizontal else (point.x(), point.y())
        index = int(round(along))
        if not 0 <= index < len(data.series[0].x):
            return None
        if data.kind == "bars" and len(data.series) > 1:  # grouped: which bar of the group
            number = int(np.clip((along - index + 0.4) // (0.8 / len(data.series)), 0, len(data.series) - 1))
        elif data.kind == "curve":  # the nearest line
            number = int(np.nanargmin([abs(s.y[index] - value) if index < len(s.y) else np.inf
                                       for s in data.series]))
        else:
            number = 0
        return data.series[number].name, index

    def _draw_bars(self) -> None:
        """Horizontal bars, grouped when there are several series, each with its value at its end."""
        data, item = self.data, self.getPlotItem()
        n = len(data.series)
        width = 0.8 / n
        ends: list[tuple[float, float, str]] = []  # (value, position, text) of every bar
        decimals = shared_decimals(np.concatenate([np.asarray(s.y, dtype=float) for s in data.series] or [[]]))
        for number, series in enumerate(data.series):
            positions = np.arange(len(series.y)) - 0.4 + width * (number + 0.5)
            values = np.nan_to_num(series.y)
            bars = pg.BarGraphItem(
                x0=0, y=positions, height=width * 0.9, width=values, brush=PALETTE[number % len(PALETTE)],
                pen=None, name=series.name,
            )
            item.addItem(bars)  # named, so the legend lists it
            reach = values
            if data.intervals is not None and not number:  # labels sit past the error bars, never on them
                reach = np.fmax(values, np.nan_to_num(self._intervals()[1]))
            ends += [
                (float(end), float(position),
                 format_value(float(value), data.percent, self.locale(), data.unit, decimals))
                for position, value, end in zip(positions, series.y, reach, strict=True)
            ]
        self._add_labels(lambda to_device, metrics, area: _bar_end_labels(ends, width, to_device, metrics, area))
        self.rows = self._rows()

    def _rows(self) -> list[str]:
        """One read-out per category: its full name, then each series' value."""
        data = self.data
        if not data.series:
            return []
        return [
            "\n".join(
                [str(data.series[0].x[i])]
                + [f"{s.name}: {format_value(float(s.y[i]), data.percent, self.locale(), data.unit)}"
                   for s in data.series if i < len(s.y)]
            )
            for i in range(len(data.series[0].y))
        ]

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
        of_previous = np.divide(users, previous, out=np.full(len(users), np.nan), where=previous > 0)
        of_start = users / first
        steps = []
        for i, (position, value) in enumerate(zip(positions, users, strict=True)):
            share = self.number(_whole_percent(of_start[i]))
            drop = self.number(_whole_percent(1 - of_previous[i]))
            of_first = self.words(QT_TRANSLATE_NOOP("Chart", "{share} of step 1")).format(share=share)
            counts = (f"{self._users(value)}\n{of_first}", self.number(f"{value:,.0f}") + f"\n{share}", share)
            gone = self.words(QT_TRANSLATE_NOOP("Chart", "({count} lost)")).format(count=self.number(f"{lost[i]:,.0f}"))
            drops = (f"−{drop}\n{gone}", f"−{drop}") if i and lost[i] else ()
            steps.append(_FunnelStep(float(position), float(value), float(lost[i]), counts, drops))
        self._add_labels(lambda to_device, metrics, area: _funnel_labels(steps, to_device, metrics, area))
        self.rows = [
            "\n".join([str(series.x[i]), self._users(value),
                       self.words(QT_TRANSLATE_NOOP("Chart", "{share} of previous step")).format(
                           share=format_value(of_previous[i], True, self.locale())),
                       self.words(QT_TRANSLATE_NOOP("Chart", "{share} of step 1")).format(
                           share=format_value(of_start[i], True, self.locale()))])
            for i, value in enumerate(users)
        ]

    def _users(self, value: float) -> str:
        """``1,923 users`` in the chart's locale and language."""
        one, other = QT_TRANSLATE_NOOP("Chart", "{count} user"), QT_TRANSLATE_NOOP("Chart", "{count} users")
        return self.words(one if int(value) == 1 else other).format(count=self.number(f"{value:,.0f}"))

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
        self.rows = self._rows()

    def _intervals(self) -> tuple[np.ndarray, np.ndarray]:
        """The error bars' (low, high), within 0–100 % for a rate (a normal interval can reach past them)."""
        assert self.data.intervals is not None
        low, high = (np.asarray(v, dtype=float) for v in self.data.intervals)
        return (np.clip(low, 0, 1), np.clip(high, 0, 1)) if self.data.percent else (low, high)

    def _draw_intervals(self) -> None:
        if self.data.intervals is None or not self.data.series:
            return
        low, high = self._intervals()
        mid = (low + high) / 2
        positions = np.arange(len(mid), dtype=float)
        options = {"height": high - low} if not self.horizontal else {"width": high - low}
        coords = {"x": positions, "y": mid} if not self.horizontal else {"x": mid, "y": positions}
        self.getPlotItem().addItem(
            pg.ErrorBarItem(**coords, **options, beam=0.15, pen=pg.mkPen(TEXT_COLOUR, width=1.2))
        )


class _PixelLabels(DevicePixelItem):
    """Value labels laid out in device pixels each time they are painted, by a ``layout`` function that
    knows the chart's current size: it picks the wording that fits and the side of a bar with room, and
    leaves out what cannot fit (the read-out still has it), so labels never overprint one another."""

    def __init__(self, layout: Layout, font: QFont) -> None:
        super().__init__()
        self._layout, self._font = layout, font
        self.drawn: list[Placed] = []  # what the last paint drew, in device pixels (tests measure it)

    def draw(self, painter: QPainter, to_device: QTransform, area: QRectF) -> None:
        painter.setFont(self._font)
        self.drawn = self._layout(to_device, QFontMetricsF(self._font), area)
        for rect, text, colour in self.drawn:
            painter.setPen(QColor(colour))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _text_size(metrics: QFontMetricsF, text: str) -> tuple[float, float]:
    """Width and height of a possibly multi-line label."""
    rect = metrics.boundingRect(QRectF(0, 0, 10_000, 10_000), Qt.AlignmentFlag.AlignCenter, text)
    return rect.width(), rect.height()


def _bar_end_labels(
    ends: list[tuple[float, float, str]], thickness: float, to_device: QTransform, metrics: QFontMetricsF,
    area: QRectF,
) -> list[Placed]:
    """Each horizontal bar's value past its end, or inside its end (white) where the plot has no room left;
    none at all when the bars are thinner than a line of text."""
    if abs(to_device.map(QPointF(0, thickness)).y() - to_device.map(QPointF(0, 0)).y()) < metrics.height() - 2:
        return []
    placed = []
    for end, position, text in ends:
        width, height = _text_size(metrics, text)
        point = to_device.map(QPointF(end, position))
        top = point.y() - height / 2
        if point.x() + 4 + width <= area.right() - 2:
            placed.append((QRectF(point.x() + 4, top, width, height), text, TEXT_COLOUR))
        elif point.x() - area.left() >= width + 8:
            placed.append((QRectF(point.x() - 4 - width, top, width, height), text, "#ffffff"))
    return placed


@dataclass(frozen=True)
class _FunnelStep:
    """A funnel bar's labels: wordings of its count (longest first) over the bar, and of its drop-off."""

    x: float
    users: float
    lost: float
    counts: tuple[str, ...]
    drops: tuple[str, ...]


def _funnel_labels(steps: list[_FunnelStep], to_device: QTransform, metrics: QFontMetricsF,
                   area: QRectF) -> list[Placed]:
    """Over every bar the longest wording of its count that fits the room of one step for all of them (one
    wording across the funnel reads evenly), and in each orange drop-off the wording of the loss that fits
    it, if any does."""
    room = abs(to_device.map(QPointF(1, 0)).x() - to_device.map(QPointF(0, 0)).x()) - LABEL_GAP
    wording = next(
        (k for k in range(len(steps[0].counts)) if all(_text_size(metrics, s.counts[k])[0] <= room for s in steps)),
        None,
    ) if steps else None
    placed = []
    for step in steps:
        if wording is not None:
            text = step.counts[wording]
            width, height = _text_size(metrics, text)
            top = to_device.map(QPointF(step.x, step.users + step.lost))
            placed.append((QRectF(top.x() - width / 2, max(area.top(), top.y() - 2 - height), width, height),
                           text, TEXT_COLOUR))
        low, high = (to_device.map(QPointF(step.x, v)) for v in (step.users, step.users + step.lost))
        for text in step.drops:
            width, height = _text_size(metrics, text)
            if width <= room and height <= abs(low.y() - high.y()) - 2:
                centre = (low.y() + high.y()) / 2
                placed.append((QRectF(low.x() - width / 2, centre - height / 2, width, height), text, DROP_TEXT))
                break
    return placed


class HeatMapChart(_PlotBase):
    """A matrix coloured from white to blue by value, each cell's value printed in it."""

    def __init__(self, data: ChartData, parent: QWidget | None = None, *, locale: QLocale | None = None) -> None:
        super().__init__(horizontal=False, parent=parent, grid=True, locale=locale)
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
            [self.number(f"{v:.0%}" if data.percent else _compact(v)) if np.isfinite(v) else "" for v in row]
            for row in matrix
        ]
        font = QFont(self.font().family(), 8 if cols <= 14 and rows <= 16 else 7)
        self.cells = _CellLabels(texts, scaled > 0.55, font)
        item.addItem(self.cells, ignoreBounds=True)
        item.addItem(self.readout, ignoreBounds=True)
        self.legend = _colour_scale(item, top, data.percent, self.locale())

    def point_at(self, pos: QPoint) -> tuple[str, int] | None:
        """(row label, column index) of the cell under widget position ``pos``; None outside the matrix."""
        point = self.view_point(pos)
        if point is None:
            return None
        r, c = int(round(point.y())), int(round(point.x()))
        if 0 <= r < self._matrix.shape[0] and 0 <= c < self._matrix.shape[1]:
            return str(self._data.row_labels[r]), c
        return None

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self.getPlotItem().sceneBoundingRect().contains(scene_pos):
            return
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        r, c = int(round(point.y())), int(round(point.x()))
        if 0 <= r < self._matrix.shape[0] and 0 <= c < self._matrix.shape[1]:
            value = format_value(float(self._matrix[r, c]), self._data.percent, self.locale())
            self.show_readout(f"{self._data.row_labels[r]} · {self._data.column_labels[c]}\n{value}", point)


class _CellLabels(pg.GraphicsObject):
    """Every cell's value in one item: hundreds of TextItems would cost ~0.3 ms each to build and paint.

    Text is drawn in device pixels at each cell's centre, so it stays crisp and unscaled however the
    cells are stretched; white on dark cells, dark text on light ones. It shrinks (down to a still legible
    size) until every value fits its cell, or at least a typical one: a value wider than that (a cohort's
    "100%") is then left out, to be read from the colour scale or the hover read-out.
    """

    def __init__(self, texts: list[list[str]], dark: np.ndarray, font: QFont) -> None:
        super().__init__()
        self._texts, self._dark, self._font = texts, dark, font
        self.shown = 0  # how many values the last paint wrote (tests read it)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        rows, cols = len(self._texts), len(self._texts[0]) if self._texts else 0
        return QRectF(-0.5, -0.5, cols, rows)

    def paint(self, painter: QPainter, *_: object) -> None:
        to_device = painter.transform()
        cell = to_device.map(QPointF(1, 1)) - to_device.map(QPointF(0, 0))
        room = abs(cell.x()) - 4, abs(cell.y()) - 2
        texts = sorted((text for row in self._texts for text in row if text),
                       key=QFontMetricsF(self._font).horizontalAdvance)
        font = _fitting_font(self._font, [texts[-1], texts[len(texts) // 2]] if texts else [], room)
        self.shown = 0
        if font is None:
            return
        metrics = QFontMetricsF(font)
        painter.resetTransform()
        painter.setFont(font)
        colours = {True: QColor("#ffffff"), False: QColor(TEXT_COLOUR)}
        for r, row in enumerate(self._texts):
            for c, text in enumerate(row):
                if text and metrics.horizontalAdvance(text) <= room[0]:
                    centre = to_device.map(QPointF(c, r))
                    painter.setPen(colours[bool(self._dark[r, c])])
                    painter.drawText(
                        QRectF(centre.x() - 40, centre.y() - 10, 80, 20), Qt.AlignmentFlag.AlignCenter, text
                    )
                    self.shown += 1
        painter.setTransform(to_device)


def _fitting_font(base: QFont, candidates: list[str], room: tuple[float, float]) -> QFont | None:
    """The largest size, from ``base`` down to a legible minimum, at which the widest value fits a cell, or
    failing that a typical one (``candidates`` in that order); ``None`` when not even that fits. Fonts come
    in whole pixels, so sizes are tried rather than computed, and since values have no descenders, their
    ink, not the line height, has to fit."""
    for text in candidates:
        font, size = QFont(base), base.pointSizeF()
        while size >= MIN_CELL_POINTS:
            font.setPointSizeF(size)
            metrics = QFontMetricsF(font)
            if metrics.horizontalAdvance(text) <= room[0] and metrics.tightBoundingRect(INK).height() <= room[1]:
                return font
            size -= 0.5
    return None


def _colour_scale(item: pg.PlotItem, top: float, percent: bool, locale: QLocale) -> pg.ColorBarItem:
    """The heat map's legend: a white-to-blue bar right of the plot, labelled at its ends and middle in the
    cells' own units, so a colour can be read as a value."""
    scale = pg.ColorBarItem(values=(0, top or 1.0), colorMap=HEAT_MAP, interactive=False, width=12, pen=AXIS_COLOUR)
    ticks = [0.0, top / 2, top] if top else [0.0]
    scale.axis.setTicks([[(v, in_locale(f"{v:.0%}" if percent else _compact(v), locale)) for v in ticks]])
    scale.axis.setTextPen(TEXT_COLOUR)
    scale.axis.setPen(AXIS_COLOUR)
    item.layout.addItem(scale, 2, 5)
    set_margins(item, top=EDGE_ROOM)  # the scale's top label is centred on its end
    item.layout.setColumnFixedWidth(4, 8)  # a gap between the map and its scale
    return scale


def _whole_percent(share: float) -> str:
    """A share in whole percent for a label, where a few users of thousands read "<1%", not "0%"."""
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def _compact(value: float) -> str:
    """1234 → 1.2k: counts that fit a narrow cell."""
    if abs(value) >= 10_000:
        return f"{value / 1000:.0f}k"
    if abs(value) >= 1000:
        return f"{value / 1000:.1f}k"
    return f"{value:.0f}"


def category_chart(data: ChartData, locale: QLocale | None = None) -> QWidget:
    """The widget that draws ``data`` (any kind but ``time``, which :class:`TimeSeriesChart` draws) with its
    numbers in ``locale`` (default: the user's)."""
    return HeatMapChart(data, locale=locale) if data.kind == "heatmap" else CategoryChart(data, locale=locale)
