"""The one look of every chart, on screen and in print: palette, axis styling and value formatting.

The palette is Okabe–Ito, which stays distinguishable for colour-blind readers. Importing this module sets
pyqtgraph's global options (white background, dark text) before any chart is built.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette

from usagelens.charts.locale_text import in_locale

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
MARKER_COLOUR = "#8c8c8c"
TEXT_COLOUR = "#30343b"
AXIS_COLOUR = "#b8bcc4"
AXIS_LABEL_STYLE = {"color": "#4a4f57", "font-size": "10pt"}
SPAN_COLOURS = (PALETTE[5], PALETTE[1])  # before / after windows
LABEL_HEADROOM = 0.3  # of the top value, kept free above the curves when marker labels are drawn
PERCENT_OVERHANG = 0.04  # a rate axis reaches this far past 100 %, so a point at 100 % is drawn whole
TITLE_NUDGE = 5  # pixels, pyqtgraph.AxisItem.resizeEvent's ``nudge``
HIGHLIGHT_COLOUR = PALETTE[3]  # vermillion: anomalies stand out from the blue/orange series

pg.setConfigOptions(antialias=True, background="w", foreground=TEXT_COLOUR)


def paper_palette() -> QPalette:
    """The palette of every chart widget, whatever the app's theme: charts are drawn for paper, and a dark
    window colour under the plot would tint the anti-aliased edges of an exported PNG or SVG."""
    palette = QPalette(QColor("white"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(TEXT_COLOUR))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    return palette


def style_axes(item: pg.PlotItem) -> None:
    """Light axis lines, dark tick labels and readable axis titles (``setPen`` alone would also turn the
    titles the light grey of the lines, which printed too faint to read)."""
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(AXIS_COLOUR))
        axis.setTextPen(TEXT_COLOUR)
        axis.labelStyle = dict(AXIS_LABEL_STYLE)
        axis.setLabel(axis.labelText)
    set_margins(item)


def set_margins(item: pg.PlotItem, left: float = 1, top: float = 1, right: float = 1) -> None:
    """The plot's margins inside its widget; below, always room for the bottom axis' title, which pyqtgraph
    sets that far below the axis' own rectangle, where the widget's edge cut its descenders ("Share of what
    follows create_project")."""
    item.layout.setContentsMargins(left, top, right, TITLE_NUDGE)


def value_top(top: float, headroom: float, percent: bool) -> float:
    """The top of a value axis: ``headroom`` (a fraction of the top value) above the data for labels, but a
    rate axis never runs past 100 % (a share above it cannot exist, so the room would read as one)."""
    wanted = top * (1 + headroom) or 1.0
    return min(wanted, 1 + PERCENT_OVERHANG) if percent and top <= 1 else wanted


def format_value(value: float, percent: bool = False, locale: QLocale | None = None, unit: str = "",
                 decimals: int | None = None) -> str:
    """A value as the read-outs and labels print it: percentages, or numbers with separators and their
    ``unit`` ("51 s"), in ``locale`` (default: the user's). ``decimals`` fixes the digits after the point for
    every value of a chart alike (:func:`shared_decimals`); by default each value picks its own."""
    if value != value:  # NaN
        return "–"
    if percent:
        return in_locale(f"{value:.1%}", locale)
    if decimals is None:
        decimals = 0 if abs(value) >= 100 or float(value).is_integer() else 2
    number = in_locale(f"{value:,.{decimals}f}", locale)
    return f"{number} {unit}" if unit else number


def shared_decimals(values: np.ndarray) -> int | None:
    """Digits after the point for labelling all of ``values`` alike: none for whole numbers (None), else one
    from 10 up or where one is enough (1.5 min), two below, so a pain score of 75 reads "75.0" beside "86.7",
    not "75" beside "86.67"."""
    finite = values[np.isfinite(values)]
    if not len(finite) or np.all(finite == np.round(finite)):
        return None
    return 1 if np.abs(finite).max() >= 10 or np.allclose(finite, np.round(finite, 1)) else 2


HALF_LABEL_HEIGHT = 9  # pixels a vertical axis' end label reaches past the plot's top or foot
MIN_TITLE_KEPT = 0.5  # of a vertical axis title's characters an elided title must keep to be worth showing


class ValueAxis(pg.AxisItem):
    """A value axis with thousands separators, or percentages when ``percent`` is set (then no tick is
    labelled past 100 %, even where the axis reaches a little beyond to draw a point at 100 % whole).
    Its numbers are written in ``locale``: the user's on screen, English in the report."""

    def __init__(self, orientation: str, locale: QLocale | None = None) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)  # "1,200" reads better than "1.2 (x1000)" for counts of users
        self.locale = locale or QLocale()
        self.percent = False
        self.overhang = 0  # pixels a tick label may reach past the ends of a horizontal axis (into a margin)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        # pyqtgraph leaves out every tick label that reaches past this rectangle: a value axis' "0" at the foot
        # of the plot reaches half a line below it, so a count's axis started at 100.
        rect = super().boundingRect()
        if self.orientation in ("bottom", "top"):
            return rect.adjusted(-self.overhang, 0, self.overhang, 0)
        return rect.adjusted(0, -HALF_LABEL_HEIGHT, 0, HALF_LABEL_HEIGHT)

    def labelString(self) -> str:  # noqa: N802 - pyqtgraph API
        """The axis title, cut to the axis' height with "…" on a vertical axis: a short plot (two stacked
        revenue charts at 1366 × 768) clipped "In each line's currency" at both ends. The whole title is the
        axis' tooltip then, and a title that would keep less than half its length is left out."""
        full = self.labelText
        room = self.size().height() - 2 * HALF_LABEL_HEIGHT
        if self.orientation not in ("left", "right") or not full or room <= 0:
            return super().labelString()
        size = str(self.labelStyle.get("font-size", "10pt"))
        font = QFont()
        font.setPointSizeF(float(size.removesuffix("pt")) if size.endswith("pt") else font.pointSizeF())
        shown = QFontMetricsF(font).elidedText(full, Qt.TextElideMode.ElideRight, room)
        if len(shown) - 1 < len(full) * MIN_TITLE_KEPT:
            shown = ""  # "In …" or "In each li…" says nothing: the axis goes untitled, its tooltip still whole
        self.setToolTip(full if shown != full else "")
        self.labelText = shown
        try:
            return super().labelString()
        finally:
            self.labelText = full

    def resizeEvent(self, ev: object = None) -> None:  # noqa: N802 - pyqtgraph API
        if self.label is not None and self.orientation in ("left", "right") and self.labelText:
            self.label.setHtml(self.labelString())  # cut again to the new height
        super().resizeEvent(ev)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802,N803
        levels = super().tickValues(minVal, maxVal, size)
        if not self.percent:
            return levels
        return [(spacing, [v for v in values if v <= 1 + 1e-9]) for spacing, values in levels]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - Qt API
        if self.percent:
            texts = [f"{v:.0%}" if spacing >= 0.01 else f"{v:.1%}" for v in values]
        else:
            texts = [f"{v:,.0f}" if spacing >= 1 else f"{v:,.2g}" for v in values]
        return [in_locale(text, self.locale) for text in texts]


class OutsideLegend(pg.LegendItem):
    """A legend in a row of its own above the plot area, so it never covers a line, a bar or a label.

    It takes the plot's (unused) title cell, lays its entries out in as many columns as the plot is wide
    enough for, and takes no room at all while it has fewer than two entries (the chart's title names a
    single series)."""

    def __init__(self, item: pg.PlotItem) -> None:
        super().__init__(offset=None, labelTextColor=TEXT_COLOUR, horSpacing=14)
        self._plot = item
        item.layout.removeItem(item.titleLabel)
        item.titleLabel.hide()
        item.legend = self  # PlotItem adds every named item it is given to ``legend``
        item.vb.sigResized.connect(self.fit)
        self.setParentItem(item)
        self.fit()

    def addItem(self, item: object, name: str) -> None:  # noqa: N802 - pyqtgraph API
        super().addItem(item, name)
        self.fit()

    def clear(self) -> None:
        super().clear()
        self.fit()

    def fit(self) -> None:
        """Columns for the plot's width and a row for them, or no row at all for fewer than two entries (a
        layout keeps a hidden item's minimum height, so the legend leaves the layout instead)."""
        shown = len(self.items) >= 2
        placed = self._plot.layout.itemAt(0, 1) is self
        if shown:
            widest = 20 + max(
                sample.boundingRect().width() + label.item.boundingRect().width() for sample, label in self.items
            )
            self.setColumnCount(max(1, min(len(self.items), int(self._plot.vb.width() // widest))))
            if not placed:
                self._plot.layout.addItem(self, 0, 1)
            self._plot.layout.setRowFixedHeight(0, self.layout.preferredSize().height())
        elif placed:
            self._plot.layout.removeItem(self)
            self._plot.layout.setRowFixedHeight(0, 0)
        self.setVisible(shown)
