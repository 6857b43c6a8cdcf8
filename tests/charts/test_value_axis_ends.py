"""A count's value axis labels its foot: "0" sits on the plot's bottom edge, half a line past it, and
pyqtgraph drops every label that reaches past the axis' rectangle (the axis started at 100)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtGui import QImage, QPainter

from usagelens.charts.time_series import TimeSeriesChart


def test_the_zero_of_a_count_axis_is_labelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = TimeSeriesChart()
    qtbot.addWidget(chart)
    chart.resize(700, 300)
    chart.show()
    days = pd.date_range("2024-01-01", periods=26, freq="W-MON")
    chart.set_series([("Active users", days, [800 + 10 * i for i in range(26)])])
    qtbot.waitExposed(chart)
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = chart._value_axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert "0" in [text for _, _, text in texts]


def test_a_chart_labels_its_values_with_the_same_decimals() -> None:
    from usagelens.charts.style import format_value, shared_decimals

    scores = np.array([86.666, 75.0, 23.333])
    decimals = shared_decimals(scores)
    assert [format_value(v, decimals=decimals) for v in scores] == ["86.7", "75.0", "23.3"]
    assert shared_decimals(np.array([125030.0, 31936.0])) is None  # whole numbers stay whole
    assert [format_value(v, unit="min", decimals=shared_decimals(np.array([1.5, 0.8]))) for v in (1.5, 0.8)] == \
        ["1.5 min", "0.8 min"]
