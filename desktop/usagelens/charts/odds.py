"""The odds-ratio chart of conversion drivers: one horizontal bar per feature, drawn from 1 (no difference) on
a log scale, so a feature twice as common among converters reaches as far right as one half as common reaches
left. Significant features are coloured by their side, the others grey (``ChartData.muted``).

A log scale read around 1 is the honest picture of an odds ratio: on a linear one 0.5 would look like a small
dent beside a 2.0 of the same strength.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QTransform
from PySide6.QtWidgets import QWidget

from usagelens.charts.category import EDGE_ROOM, Placed, _PlotBase, _text_size
from usagelens.charts.locale_text import in_locale
from usagelens.charts.style import PALETTE, TEXT_COLOUR, OutsideLegend, ValueAxis, set_margins, style_axes
from usagelens.workspace.analyses import ChartData

MORE_COLOUR, LESS_COLOUR, MUTED_COLOUR = PALETTE[0], PALETTE[3], "#c5c9d0"
MIN_REACH = 1.0  # log2 units each side of 1 at least (0.5 to 2): a tiny difference is not drawn large, and 1 shows
HEADROOM = 0.3  # of the longest bar on each side, kept beyond it for the value labels
MIN_TICK_ROOM = 44  # device pixels between two tick labels


def ratio_text(ratio: float) -> str:
    """An odds ratio in English as the chart writes it: none from 10 up ("250"), two decimals from 0.1 ("2.35",
    "0.54"), two significant digits below ("0.004", never "0.00")."""
    if not math.isfinite(ratio):
        return "–"
    if ratio >= 10:
        return f"{ratio:,.0f}"
    return f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.2g}"


def tick_text(power: float) -> str:
    """The ratio at ``power`` of 2 on the axis: a doubling as a whole number ("1,024"), a halving as a decimal down
    to 0.125 and as a fraction beyond ("1/16"), and 1.5 and its inverse as "1.5" and "0.67"."""
    if power == round(power):
        whole = 2 ** abs(int(round(power)))
        return f"{whole:,}" if power >= 0 else (f"{1 / whole:g}" if whole <= 8 else f"1/{whole:,}")
    return f"{2 ** power:.2g}"


class LogRatioAxis(ValueAxis):
    """Ratios on a log2 axis: ticks at 1 and its doublings and halvings (every second or third when crowded),
    written as ratios ("0.5", "1", "2"), with 1.5 and 0.67 added on a narrow range."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802,N803
        low, high = sorted((minVal, maxVal))
        span = max(high - low, 1e-9)
        step = next((k for k in (1, 2, 3, 4, 5, 10) if size * k / span >= MIN_TICK_ROOM), 20)
        ticks = [float(v) for v in range(math.ceil(low / step) * step, math.floor(high) + 1, step)]
        if span <= 4:
            ticks += [v for v in (math.log2(1.5), -math.log2(1.5)) if low <= v <= high]
        return [(float(step), sorted(ticks))]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - Qt API
        return [in_locale(tick_text(v), self.locale) for v in values]


class OddsRatioChart(_PlotBase):
    """Horizontal bars of ``log2(odds ratio)`` for the categories of ``data.series[0]``, most significant at
    the top, with each ratio written at its bar's end."""

    def __init__(self, data: ChartData, parent: QWidget | None = None, *, locale: QLocale | None = None) -> None:
        super().__init__(horizontal=True, parent=parent, locale=locale)
        self.data = data
        item = self.getPlotItem()
        self.values = LogRatioAxis("bottom", self.locale())
        item.setAxisItems({"bottom": self.values})
        style_axes(item)
        item.showGrid(x=True, y=False, alpha=0.15)
        item.setLabel("bottom", data.y_label)
        series = data.series[0] if data.series else None
        features = [str(x) for x in series.x] if series is not None else []
        ratios = np.asarray(series.y, dtype=float) if series is not None else np.zeros(0)
        self.categories.labels = features
        self.legend = OutsideLegend(item)
        logs = np.log2(np.where(ratios > 0, ratios, np.nan))
        self._draw_bars(features, np.nan_to_num(logs), ratios)
        item.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(TEXT_COLOUR, width=1)))
        finite = logs[np.isfinite(logs)]
        low, high = min(float(finite.min(initial=0.0)), -MIN_REACH), max(float(finite.max(initial=0.0)), MIN_REACH)
        item.setRange(xRange=(low * (1 + HEADROOM), high * (1 + HEADROOM)), yRange=(-0.6, len(features) - 0.4),
                      padding=0)
        item.getViewBox().invertY(True)
        self.values.overhang = EDGE_ROOM
        set_margins(item, right=EDGE_ROOM)
        item.addItem(self.readout, ignoreBounds=True)

    def _draw_bars(self, features: list[str], logs: np.ndarray, ratios: np.ndarray) -> None:
        """One bar item per meaning (named for the legend), each bar's ratio at its outer end."""
        item, muted = self.getPlotItem(), set(self.data.muted)
        significant = np.array([f not in muted for f in features], dtype=bool)
        groups = (
            (significant & (logs > 0), MORE_COLOUR, QT_TRANSLATE_NOOP("Chart", "Converted users more often")),
            (significant & (logs <= 0), LESS_COLOUR, QT_TRANSLATE_NOOP("Chart", "Dropped-out users more often")),
            (~significant, MUTED_COLOUR, QT_TRANSLATE_NOOP("Chart", "Not significant")),
        )
        positions = np.arange(len(features), dtype=float)
        for chosen, colour, name in groups:
            if chosen.any():
                item.addItem(pg.BarGraphItem(x0=0, y=positions[chosen], height=0.7, width=logs[chosen], brush=colour,
                                             pen=None, name=self.words(name)))
        ends = [(float(end), float(y), self.number(ratio_text(r))) for end, y, r in zip(logs, positions, ratios,
                                                                                         strict=True)]
        self._add_labels(lambda to_device, metrics, area: _outer_labels(ends, to_device, metrics, area))
        verdict = {True: self.words(QT_TRANSLATE_NOOP("Chart", "significant")),
                   False: self.words(QT_TRANSLATE_NOOP("Chart", "not significant"))}
        name = self.data.series[0].name if self.data.series else ""
        self.rows = [f"{feature}\n{name}: {self.number(ratio_text(r))} ({verdict[bool(s)]})"
                     for feature, r, s in zip(features, ratios, significant, strict=True)]


def _outer_labels(ends: list[tuple[float, float, str]], to_device: QTransform, metrics: QFontMetricsF,
                  area: QRectF) -> list[Placed]:
    """Each ratio past its bar's end: right of a bar to the right of 1, left of one to the left; none when the
    rows are thinner than a line of text (the read-out still has them)."""
    if len(ends) > 1 and abs(to_device.map(QPointF(0, 1)).y() - to_device.map(QPointF(0, 0)).y()) < metrics.height():
        return []
    placed = []
    for end, position, text in ends:
        width, height = _text_size(metrics, text)
        point = to_device.map(QPointF(end, position))
        left = point.x() + 4 if end > 0 else point.x() - 4 - width
        if area.left() <= left and left + width <= area.right():
            placed.append((QRectF(left, point.y() - height / 2, width, height), text, TEXT_COLOUR))
    return placed
