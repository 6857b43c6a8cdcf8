"""Two stacked charts (revenue per active and per paying user) share a short chart area without the second's
title and plot drawn over the first (each chart's own minimum height is too tall for a 1366 × 768 window)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.ui.analysis.chart_view import AnalysisChartWidget
from usagelens.workspace.analyses.spec import AnalysisResult, ChartData, Series


def test_stacked_charts_never_overlap_in_a_short_area(qtbot) -> None:  # type: ignore[no-untyped-def]
    days = pd.date_range("2024-01-01", periods=6, freq="MS").to_numpy()
    charts = [ChartData("time", title, [Series("ARPU", days, np.arange(6, dtype=float))]) for title in ("A", "B")]
    widget = AnalysisChartWidget()
    qtbot.addWidget(widget)
    widget.resize(740, 330)
    widget.show()
    widget.show_result(AnalysisResult("revenue", {}, charts=charts), [], "revenue")
    qtbot.waitExposed(widget)
    first_title, first, second_title, second = widget.charts
    assert first.geometry().bottom() < second_title.geometry().top()
    assert second.geometry().bottom() <= widget.height()


def test_a_short_chart_keeps_marker_labels_apart_and_its_axis_title_inside(qtbot) -> None:  # type: ignore[no-untyped-def]
    """At 1366 × 768 the second of two stacked revenue charts is ~60 px tall: its release labels overprinted
    and its axis title ran past both ends of the axis."""
    from datetime import date

    from usagelens.charts.time_series import Marker, TimeSeriesChart

    days = pd.date_range("2024-01-01", periods=6, freq="MS")
    chart = TimeSeriesChart(y_label="In each line's currency, converted at no rate at all")
    qtbot.addWidget(chart)
    chart.setMinimumHeight(0)
    chart.resize(700, 130)
    chart.show()
    chart.set_series([("ARPU", days, np.arange(6, dtype=float))],
                     [Marker(date(2024, 4, 1), "Reminders 2.0"), Marker(date(2024, 5, 12), "Outage: API incident")])
    qtbot.waitExposed(chart)
    first, second = (line.label.sceneBoundingRect() for line in chart._marker_lines)
    assert first.bottom() <= second.top() or second.bottom() <= first.top()
    axis = chart.getPlotItem().getAxis("left")
    assert axis.label.boundingRect().width() <= axis.size().height()  # the rotated title's length
    assert axis.toolTip() == "In each line's currency, converted at no rate at all"


def test_an_axis_title_that_would_keep_too_little_is_left_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The second stacked revenue chart's axis read "In …" (and the first "In each li…") at 1366 × 768."""
    from usagelens.charts.time_series import TimeSeriesChart

    days = pd.date_range("2024-01-01", periods=6, freq="MS")
    chart = TimeSeriesChart(y_label="In each line's currency")
    qtbot.addWidget(chart)
    chart.setMinimumHeight(0)
    chart.resize(700, 95)
    chart.show()
    chart.set_series([("ARPPU", days, np.arange(6, dtype=float) * 100)])
    qtbot.waitExposed(chart)
    axis = chart.getPlotItem().getAxis("left")
    shown = axis.labelString()
    assert "each line's" in shown or "…" not in shown, shown  # whole, half or more, or nothing at all
    assert axis.toolTip() == "In each line's currency"
    chart.resize(700, 400)
    qtbot.wait(10)
    assert "In each line's currency" in axis.labelString()
