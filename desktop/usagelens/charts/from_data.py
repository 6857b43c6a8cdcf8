"""The widget that draws a gallery chart (``ChartData``): the analysis page and the report build it alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from usagelens.charts.category import category_chart
from usagelens.charts.odds import OddsRatioChart
from usagelens.charts.sankey import SankeyChart
from usagelens.charts.time_series import Marker, TimeSeriesChart
from usagelens.workspace.analyses import ChartData


def time_chart(data: ChartData, markers: Sequence[Marker], locale: QLocale | None = None) -> TimeSeriesChart:
    chart = TimeSeriesChart(y_label=data.y_label, locale=locale)
    highlights = (
        None if data.highlights is None else (data.highlights.name, data.highlights.x, data.highlights.y)
    )
    chart.set_series(
        [(s.name, s.x, s.y) for s in data.series],
        markers,
        percent=data.percent,
        highlights=highlights,
        intervals=data.intervals,
        shaded=data.shaded,
        incomplete_last=data.incomplete_last,
        dashed={s.name for s in data.series if s.dashed},
    )
    return chart


def chart_widget(data: ChartData, markers: Sequence[Marker] = (), locale: QLocale | None = None) -> QWidget:
    """A new widget drawing ``data``: dates with release markers, or categories; numbers and month names in
    ``locale`` (default: the user's; the report passes English)."""
    if data.kind == "sankey":
        return SankeyChart(data, locale=locale)
    if data.kind == "odds":
        return OddsRatioChart(data, locale=locale)
    return time_chart(data, markers, locale) if data.kind == "time" else category_chart(data, locale)
