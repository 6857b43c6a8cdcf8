"""Charts over dates, drawn the same way on screen and in the printed report.

The charts layer sits below the report and the UI, so a chart in the PDF is the very chart the user looked
at. pyqtgraph is used for speed; colours and axes come from :mod:`usagelens.charts.style`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QWidget

from usagelens.charts.locale_text import date_text, in_language, month_name
from usagelens.charts.style import (
    HIGHLIGHT_COLOUR,
    LABEL_HEADROOM,
    MARKER_COLOUR,
    PALETTE,
    SPAN_COLOURS,
    TEXT_COLOUR,
    OutsideLegend,
    ValueAxis,
    format_value,
    paper_palette,
    style_axes,
    value_top,
)
from usagelens.model import Project

MARKER_LABEL_STEP = 0.07  # of the plot's height between stepped marker labels, at least (a label's height)
MARKER_LABEL_LEVELS = 4  # steps before the labels start at the top again
BAND_ALPHA = 56  # of 255: an interval band behind its line, a pale tint whatever the background
MARKER_LABEL_FILL = 150  # of 255: a release label's white ground, the curve it sits on still showing through
SPAN_NAME_COLOUR = "#555a62"  # the names of shaded spans, above the plot


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


def _span_seconds(first: date, last: date) -> tuple[float, float]:
    """A span of whole days, ``first`` through ``last``, in the x unit (epoch seconds)."""
    return pd.Timestamp(first).value / 1e9, (pd.Timestamp(last) + pd.Timedelta(days=1)).value / 1e9


class DateAxis(pg.DateAxisItem):
    """Dates shown in UTC, as the app's timestamps are (the local zone would move a day's label), and no
    lower-level label crowding a higher one: pyqtgraph would print "Apr" and "02" on top of each other.
    Month and day names are those of ``locale`` (pyqtgraph's ``strftime`` follows the process' C locale,
    which is neither the user's choice in the app nor English in the report)."""

    def __init__(self, locale: QLocale | None = None) -> None:
        super().__init__(orientation="bottom", utcOffset=0)
        self.locale = locale or QLocale()

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - Qt API
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None or ("%b" not in spec.format and "%a" not in spec.format):
            return super().tickStrings(values, scale, spacing)
        texts = []
        for value in values:
            when = datetime.fromtimestamp(value, tz=UTC)
            day = self.locale.dayName(when.isoweekday(), QLocale.FormatType.ShortFormat)
            named = spec.format.replace("%b", month_name(when.month, self.locale)).replace("%a", day)
            texts.append(when.strftime(named))
        return texts

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802, N803
        levels = []
        taken = np.array([])
        for spacing, ticks in super().tickValues(minVal, maxVal, size):
            values = np.asarray(ticks, dtype=float)
            if taken.size and values.size > 1:
                gap = float(np.median(np.diff(np.sort(values))))
                crowded = (np.abs(values[:, None] - taken[None, :]) < 0.5 * gap).any(axis=1)
                values = values[~crowded]
            levels.append((spacing, values.tolist()))
            taken = np.concatenate([taken, values])
        return levels


class TimeSeriesChart(pg.PlotWidget):
    """Lines over a date axis with a legend, release markers, hover read-out and an empty-state message."""

    def __init__(self, parent: QWidget | None = None, *, y_label: str = "", locale: QLocale | None = None) -> None:
        locale = locale or QLocale()
        self._value_axis = ValueAxis("left", locale)
        super().__init__(parent=parent, axisItems={"bottom": DateAxis(locale),
                                                   "left": self._value_axis})
        self.setLocale(locale)  # numbers and dates of the read-out: the user's, or the report's English
        self.setMinimumHeight(240)
        self.setPalette(paper_palette())  # light in a dark app too: drawn for print
        item = self.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setMenuEnabled(False)
        item.hideButtons()
        style_axes(item)
        item.setLabel("left", y_label)
        self._legend = OutsideLegend(item)
        self._message = pg.TextItem(color="#6b7079", anchor=(0.5, 0.5))
        self._message.setFont(QFont(self.font().family(), 11))
        self._readout = pg.TextItem(color=TEXT_COLOUR, anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 220))
        self._readout.setZValue(10)
        self._series: list[tuple[str, np.ndarray, np.ndarray]] = []
        self._percent = False
        self._marker_lines: list[pg.InfiniteLine] = []
        item.vb.sigResized.connect(self._place_marker_labels)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def set_series(
        self,
        series: Sequence[tuple[str, Sequence[object] | pd.Series, Sequence[float] | pd.Series]],
        markers: Sequence[Marker] = (),
        *,
        empty_message: str = "",
        incomplete_last: bool = False,
        percent: bool = False,
        highlights: tuple[str, Sequence[object], Sequence[float]] | None = None,
        intervals: tuple[Sequence[float], Sequence[float]] | None = None,
        shaded: Sequence[tuple[date, date, str]] = (),
        zero_based: bool = True,
        dashed: Collection[str] = (),
    ) -> None:
        """Replace what is drawn: ``series`` is (name, dates, values) per line; a line named in ``dashed`` is
        drawn dashed in the colour of the line before it (the same measure over an earlier range).

        ``incomplete_last`` draws the last point hollow on a dotted segment: the data ends inside that
        period, so its lower value is not a real drop. ``highlights`` (name, dates, values) are marked as
        points (anomalies), ``intervals`` (low, high) shade a band around the first line, ``shaded`` date
        spans are tinted behind the lines (before/after windows) and ``percent`` formats the axis and
        read-out as percentages. ``zero_based`` starts the value axis at zero (counts and rates); pass False
        for scores that may be negative or sit far from zero (NPS), so the axis spans just the data.
        """
        item = self.getPlotItem()
        item.clear()
        item.hideAxis("top")  # the names of shaded spans, shown again by _name_spans
        self._marker_lines = []
        self._legend.clear()
        self._series = []
        self._percent = percent
        self._value_axis.percent = percent
        drawn = [(n, x, y) for n, x, y in series if len(x)]
        if not drawn:
            self._show_message(empty_message or in_language(self.locale(), "Chart",
                                                            QT_TRANSLATE_NOOP("Chart", "No data to show.")))
            return
        number = -1
        for name, dates, values in drawn:
            x = _seconds(dates)
            y = np.asarray(values, dtype=float)
            if name not in dashed or number < 0:
                number += 1
            colour = PALETTE[number % len(PALETTE)]
            style = Qt.PenStyle.DashLine if name in dashed else Qt.PenStyle.SolidLine
            curve = item.plot(
                x, y, name=name, pen=pg.mkPen(colour, width=2, style=style),
                symbol="o" if len(x) <= 40 else None, symbolSize=5,
                # hollow points on a dashed line: its legend sample tells it apart even where no dash fits
                symbolBrush="w" if name in dashed else colour, symbolPen=pg.mkPen(colour) if name in dashed else None,
            )
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            if len(x) > 60:  # a wide antialiased polyline with many turns strokes ~10× slower than segments
                curve.curve.setSegmentedLineMode("on")
            if incomplete_last and len(x) >= 2 and name not in dashed:  # an earlier range has no cut period
                curve.setData(x[:-1], y[:-1])
                item.plot(x[-2:], y[-2:], pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DotLine),
                          symbol="o", symbolSize=6, symbolBrush="w", symbolPen=pg.mkPen(colour))
            self._series.append((name, x, y))
        self._draw_extras(highlights, intervals, shaded)
        labelled = self._draw_markers(markers)
        # Marker labels sit in the top band of the plot: leave that band to them rather than to the curve.
        headroom = LABEL_HEADROOM if labelled else 0.08
        item.enableAutoRange()
        top = max(float(np.nanmax(y)) if np.isfinite(y).any() else 0.0 for _, _, y in self._series)
        if intervals is not None and np.isfinite(np.asarray(intervals[1], dtype=float)).any():
            top = max(top, float(np.nanmax(np.asarray(intervals[1], dtype=float))))
        lows = [float(np.nanmin(y)) for _, _, y in self._series if np.isfinite(y).any()]
        bottom = min(0.0, *lows) if zero_based else min(lows, default=0.0)
        if intervals is not None and np.isfinite(np.asarray(intervals[0], dtype=float)).any():
            bottom = min(bottom, float(np.nanmin(np.asarray(intervals[0], dtype=float))))
        if zero_based:
            item.setYRange(bottom * 1.08, value_top(top, headroom, percent), padding=0)
        else:  # a margin of the data's own span, whatever its sign (scaling by 1.08 clips negative maxima)
            margin = (top - bottom) * 0.08 or 1.0
            item.setYRange(bottom - margin, top + margin + (top - bottom) * (headroom - 0.08), padding=0)
        item.addItem(self._readout, ignoreBounds=True)
        self._readout.setText("")

    def _draw_extras(
        self,
        highlights: tuple[str, Sequence[object], Sequence[float]] | None,
        intervals: tuple[Sequence[float], Sequence[float]] | None,
        shaded: Sequence[tuple[date, date, str]],
    ) -> None:
        item = self.getPlotItem()
        if intervals is not None and self._series:
            x = self._series[0][1]
            low = pg.PlotCurveItem(x, np.asarray(intervals[0], dtype=float))
            high = pg.PlotCurveItem(x, np.asarray(intervals[1], dtype=float))
            # A translucent tint of the line's colour, pale on a light and a dark background alike: lighter(170)
            # of the dark blue was a saturated sky blue the line drowned in.
            tint = QColor(PALETTE[0])
            tint.setAlpha(BAND_ALPHA)
            band = pg.FillBetweenItem(low, high, brush=pg.mkBrush(tint))
            band.setZValue(-5)
            item.addItem(band, ignoreBounds=True)  # its bounding box starts at x=0, which would show 1970
        if highlights is not None and len(highlights[1]):
            name, dates, values = highlights
            item.plot(_seconds(dates), np.asarray(values, dtype=float), name=name, pen=None, symbol="o",
                      symbolSize=10, symbolBrush=pg.mkBrush(HIGHLIGHT_COLOUR),
                      symbolPen=pg.mkPen("w", width=1.5))
        for number, (first, last, _label) in enumerate(shaded):
            span = pg.LinearRegionItem(
                _span_seconds(first, last), movable=False,
                brush=pg.mkBrush(QColor(SPAN_COLOURS[number % 2]).lighter(130).name() + "38"), pen=pg.mkPen(None))
            span.setZValue(-10)
            item.addItem(span)
        self._name_spans(shaded)

    def _name_spans(self, shaded: Sequence[tuple[date, date, str]]) -> None:
        """Name each shaded span ("before", "after") above the plot, centred over it: inside the plot, a name
        sat on the curve where the window starts (a KPI's first days are often its lowest)."""
        if not shaded:
            return
        item = self.getPlotItem()
        middles = [(sum(_span_seconds(first, last)) / 2, label) for first, last, label in shaded]
        item.showAxis("top")
        axis = item.getAxis("top")
        axis.setPen(pg.mkPen(None))  # no axis line or ticks: a row of names, not a second scale
        axis.setTextPen(SPAN_NAME_COLOUR)
        axis.setStyle(tickLength=0)
        axis.setTicks([middles])

    def _draw_markers(self, markers: Sequence[Marker]) -> int:
        """Draw the markers within the data's dates; how many were drawn."""
        item = self.getPlotItem()
        x_min = min(x[0] for _, x, _ in self._series)
        x_max = max(x[-1] for _, x, _ in self._series)
        shown = [m for m in markers if x_min <= pd.Timestamp(m.when).value / 1e9 <= x_max]
        self._marker_lines = []
        for marker in shown:
            # Labels sit right of their line (left of it near the right edge, so they are not cut off) and
            # step down (:meth:`_place_marker_labels`), so neighbouring releases never overprint.
            at = pd.Timestamp(marker.when).value / 1e9
            side = (1, 0) if at > x_min + 0.7 * (x_max - x_min) else (0, 0)
            line = pg.InfiniteLine(
                pos=at, angle=90, movable=False,
                pen=QPen(QColor(MARKER_COLOUR), 0, Qt.PenStyle.DashLine),
                label=marker.label,
                labelOpts={"anchors": [side, side], "color": "#555a62", "fill": (255, 255, 255, MARKER_LABEL_FILL)},
            )
            line.setZValue(5)  # its label stays readable where a curve passes under it, and the curve seen
            item.addItem(line, ignoreBounds=True)
            self._marker_lines.append(line)
        self._place_marker_labels()
        return len(shown)

    def _place_marker_labels(self) -> None:
        """Step the marker labels down from the top by at least a label's height: a fixed share of the plot's
        height let two labels overprint in a short plot (two stacked revenue charts at 1366 × 768)."""
        height = self.getPlotItem().vb.height()
        if not self._marker_lines or height <= 0:
            return
        label_height = max(line.label.boundingRect().height() for line in self._marker_lines)
        step = max(MARKER_LABEL_STEP, (label_height + 2) / height)
        levels = max(1, min(MARKER_LABEL_LEVELS, int(0.9 / step) + 1))  # as many as fit above the foot
        for number, line in enumerate(self._marker_lines):
            line.label.setPosition(0.97 - step * (number % levels))

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
        when = date_text(pd.Timestamp(x[index] * 1e9).date(), self.locale())
        lines = [when] + [f"{n}: {format_value(values[index], self._percent, self.locale())}"
                          for n, xs, values in self._series if len(xs) > index]
        self._readout.setText("\n".join(lines))
        self._readout.setPos(x[index], y[index])

    def point_at(self, pos: QPoint, reach: float = 24.0) -> tuple[str, int] | None:
        """(series name, index) of the line's point nearest widget position ``pos`` (within ``reach`` pixels),
        None elsewhere: what a right-click there is about."""
        scene_pos = self.mapToScene(pos)
        box = self.getPlotItem().vb
        if not self._series or not box.sceneBoundingRect().contains(scene_pos):
            return None
        nearest: tuple[float, str, int] | None = None
        for name, x, y in self._series:
            finite = np.flatnonzero(np.isfinite(y))
            if not len(finite):
                continue
            points = [box.mapViewToScene(QPointF(float(x[i]), float(y[i]))) for i in finite]
            distances = [np.hypot(p.x() - scene_pos.x(), p.y() - scene_pos.y()) for p in points]
            best = int(np.argmin(distances))
            if distances[best] <= reach and (nearest is None or distances[best] < nearest[0]):
                nearest = (distances[best], name, int(finite[best]))
        return None if nearest is None else (nearest[1], nearest[2])

    def readout_text(self) -> str:
        return self._readout.toPlainText()
