"""The one look of every chart, on screen and in print: palette, axis styling and value formatting.

The palette is Okabe–Ito, which stays distinguishable for colour-blind readers. Importing this module sets
pyqtgraph's global options (white background, dark text) before any chart is built.
"""

from __future__ import annotations

import pyqtgraph as pg

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
MARKER_COLOUR = "#8c8c8c"
TEXT_COLOUR = "#30343b"
AXIS_COLOUR = "#b8bcc4"
AXIS_LABEL_STYLE = {"color": "#4a4f57", "font-size": "10pt"}
SPAN_COLOURS = (PALETTE[5], PALETTE[1])  # before / after windows
LABEL_HEADROOM = 0.3  # of the top value, kept free above the curves when marker labels are drawn
HIGHLIGHT_COLOUR = PALETTE[3]  # vermillion: anomalies stand out from the blue/orange series

pg.setConfigOptions(antialias=True, background="w", foreground=TEXT_COLOUR)


def style_axes(item: pg.PlotItem) -> None:
    """Light axis lines, dark tick labels and readable axis titles (``setPen`` alone would also turn the
    titles the light grey of the lines, which printed too faint to read)."""
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(AXIS_COLOUR))
        axis.setTextPen(TEXT_COLOUR)
        axis.labelStyle = dict(AXIS_LABEL_STYLE)
        axis.setLabel(axis.labelText)


def format_value(value: float, percent: bool = False) -> str:
    """A value as the read-outs and labels print it: percentages, or numbers with separators."""
    if value != value:  # NaN
        return "–"
    if percent:
        return f"{value:.1%}"
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:,.2f}"


class ValueAxis(pg.AxisItem):
    """A value axis with thousands separators, or percentages when ``percent`` is set."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)  # "1,200" reads better than "1.2 (x1000)" for counts of users
        self.percent = False

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - Qt API
        if self.percent:
            return [f"{v:.0%}" if spacing >= 0.01 else f"{v:.1%}" for v in values]
        return [f"{v:,.0f}" if spacing >= 1 else f"{v:,.2g}" for v in values]
