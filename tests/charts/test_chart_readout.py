"""Hovering a chart reads out the exact value under the pointer (time series and category bars)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QPointF

from usagelens.charts.category import CategoryChart
from usagelens.charts.time_series import TimeSeriesChart
from usagelens.workspace.analyses.spec import ChartData, Series


def _hover(chart, x: float, y: float) -> None:  # type: ignore[no-untyped-def]
    """Move the pointer to data coordinates (x, y), as a mouse over the plot would."""
    chart.scene().sigMouseMoved.emit(chart.getPlotItem().vb.mapViewToScene(QPointF(x, y)))


def _shown(qtbot, chart) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.show()
    qtbot.wait(10)


def test_time_series_reads_out_the_nearest_point(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = TimeSeriesChart()
    _shown(qtbot, chart)
    dates = pd.date_range("2024-01-01", periods=5, freq="D")
    chart.set_series([("Active users", dates, [10, 1234, 30, 40, 50])])
    _hover(chart, pd.Timestamp("2024-01-02 01:00").value / 1e9, 1000)
    assert chart.readout_text() == "2024-01-02\nActive users: 1,234"


def test_bar_chart_reads_out_the_category_under_the_pointer(qtbot) -> None:  # type: ignore[no-untyped-def]
    data = ChartData("bars", "Events", [Series("Events", np.array(["login", "export"]), np.array([5.0, 7.0]))])
    chart = CategoryChart(data)
    _shown(qtbot, chart)
    _hover(chart, *((3.0, 1.0) if chart.horizontal else (1.0, 3.0)))
    assert "export" in chart.readout_text() and "7" in chart.readout_text()
