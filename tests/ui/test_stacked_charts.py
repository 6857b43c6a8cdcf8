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
