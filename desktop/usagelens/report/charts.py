"""Charts drawn the same way on screen and in the printed report.

The report layer owns them (the UI layer sits above it and reuses them), so a chart in the PDF is the very
chart the user looked at. pyqtgraph is used for speed; the palette is Okabe–Ito, which stays distinguishable
for colour-blind readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QWidget

from usagelens.model import Project

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
MARKER_COLOUR = "#8c8c8c"
TEXT_COLOUR = "#30343b"

pg.setConfigOptions(antialias=True, background="w", foreground=TEXT_COLOUR)


@dataclass(frozen=True)
class Marker:
    """A dated event drawn as a labelled vertical line (a release, an outage)."""

    when: date
    label: str


def project_markers(project: Project) -> list[Marker]:
    """The project's release markers plus shipped actions' release dates, each date once (step 7)."""
    markers = [Marker(r.date, r.label) for r in project.releases]
    known = {m.when for m in markers}
    markers += [
        Marker(a.release_date, a.title)
        for a in project.actions
        if a.release_date is not None and a.release_date not in known
    ]
    return sorted(markers, key=lambda m: m.when)


def _seconds(values: Iterable[object]) -> np.ndarray:
    """Datetimes as float epoch seconds, the x unit of pyqtgraph's DateAxisItem."""
    stamps = pd.to_datetime(pd.Series(list(values) if not isinstance(values, pd.Series) else values))
    return stamps.astype("datetime64[ns]").astype("int64").to_numpy() / 1e9


class TimeSeriesChart(pg.PlotWidget):
    """Lines over a date axis with a legend, release markers, hover read-out and an empty-state message."""

    def __init__(self, parent: QWidget | None = None, *, y_label: str = "") -> None:
        super().__init__(parent=parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.setMinimumHeight(240)
        item = self.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setLabel("left", y_label)
        item.setMenuEnabled(False)
        item.hideButtons()
        for axis in ("left", "bottom"):
            item.getAxis(axis).setTextPen(TEXT_COLOUR)
            item.getAxis(axis).setPen(pg.mkPen("#b8bcc4"))
        self._legend = item.addLegend(offset=(-10, -10), labelTextColor=TEXT_COLOUR,
                                      brush=pg.mkBrush(255, 255, 255, 220))
        self._message = pg.TextItem(color="#6b7079", anchor=(0.5, 0.5))
        self._message.setFont(QFont(self.font().family(), 11))
        self._readout = pg.TextItem(color=TEXT_COLOUR, anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 220))
        self._readout.setZValue(10)
        self._series: list[tuple[str, np.ndarray, np.ndarray]] = []
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def set_series(
        self,
        series: Sequence[tuple[str, Sequence[object] | pd.Series, Sequence[float] | pd.Series]],
        markers: Sequence[Marker] = (),
        *,
        empty_message: str = "No data to show.",
        incomplete_last: bool = False,
    ) -> None:
        """Replace what is drawn: ``series`` is (name, dates, values) per line.

        ``incomplete_last`` draws the last point hollow on a dotted segment: the data ends inside that
        period, so its lower value is not a real drop.
        """
        item = self.getPlotItem()
        item.clear()
        self._legend.clear()
        self._series = []
        drawn = [(n, x, y) for n, x, y in series if len(x)]
        if not drawn:
            self._show_message(empty_message)
            return
        for number, (name, dates, values) in enumerate(drawn):
            x = _seconds(dates)
            y = np.asarray(values, dtype=float)
            colour = PALETTE[number % len(PALETTE)]
            curve = item.plot(
                x, y, name=name, pen=pg.mkPen(colour, width=2),
                symbol="o" if len(x) <= 40 else None, symbolSize=5, symbolBrush=colour, symbolPen=None,
            )
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            if incomplete_last and len(x) >= 2:
                curve.setData(x[:-1], y[:-1])
                item.plot(x[-2:], y[-2:], pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DotLine),
                          symbol="o", symbolSize=6, symbolBrush="w", symbolPen=pg.mkPen(colour))
            self._series.append((name, x, y))
        self._draw_markers(markers)
        item.enableAutoRange()
        item.setYRange(0, max(float(np.nanmax(y)) for _, _, y in self._series) * 1.08 or 1.0, padding=0)
        item.addItem(self._readout, ignoreBounds=True)
        self._readout.setText("")

    def _draw_markers(self, markers: Sequence[Marker]) -> None:
        item = self.getPlotItem()
        x_min = min(x[0] for _, x, _ in self._series)
        x_max = max(x[-1] for _, x, _ in self._series)
        shown = [m for m in markers if x_min <= pd.Timestamp(m.when).value / 1e9 <= x_max]
        for number, marker in enumerate(shown):
            # Labels sit right of their line and step down, so neighbouring releases never overprint.
            line = pg.InfiniteLine(
                pos=pd.Timestamp(marker.when).value / 1e9, angle=90, movable=False,
                pen=QPen(QColor(MARKER_COLOUR), 0, Qt.PenStyle.DashLine),
                label=marker.label,
                labelOpts={"position": 0.97 - 0.07 * (number % 4), "anchors": [(0, 0), (0, 0)],
                           "color": "#555a62", "fill": (255, 255, 255, 210)},
            )
            item.addItem(line, ignoreBounds=True)

    def _show_message(self, text: str) -> None:
        item = self.getPlotItem()
        item.setXRange(0, 1, padding=0)
        item.setYRange(0, 1, padding=0)
        self._message.setText(text)
        self._message.setPos(0.5, 0.5)
        item.addItem(self._message, ignoreBounds=True)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self._series or not self.getPlotItem().sceneBoundingRect().contains(scene_pos):
            return
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        name, x, y = self._series[0]
        index = int(np.clip(np.searchsorted(x, point.x()), 0, len(x) - 1))
        if index > 0 and abs(x[index - 1] - point.x()) < abs(x[index] - point.x()):
            index -= 1
        when = pd.Timestamp(x[index] * 1e9).strftime("%Y-%m-%d")
        lines = [when] + [f"{n}: {values[index]:,.0f}" for n, xs, values in self._series if len(xs) > index]
        self._readout.setText("\n".join(lines))
        self._readout.setPos(x[index], y[index])

    def readout_text(self) -> str:
        return self._readout.toPlainText()
