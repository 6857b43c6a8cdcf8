"""Exported charts show what the screen shows: axes with their numbers, at any scale."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from usagelens.charts.export import chart_image, chart_svg, offscreen_layout
from usagelens.charts.style import AXIS_LABEL_STYLE
from usagelens.charts.time_series import DateAxis, Marker, TimeSeriesChart
from usagelens.ui.application import create_application

DATES = pd.date_range("2024-01-01", periods=26, freq="W-MON")


def _fresh_chart() -> TimeSeriesChart:
    """A chart given data and exported at once, as the report does (no event loop in between), in the
    app's own look (its fonts decide how wide the axis numbers are)."""
    create_application()
    chart = TimeSeriesChart()
    offscreen_layout(chart, 860, 300)
    chart.getPlotItem().setLabel("left", "Weekly active users")  # a label set after layout, as the report does
    chart.set_series([("Weekly active users", DATES, np.linspace(1200, 1900, 26))])
    return chart


def test_svg_of_a_chart_just_given_data_has_its_value_axis_numbers(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _fresh_chart()
    qtbot.addWidget(chart)
    svg = chart_svg(chart).decode()
    assert "1,500" in svg and "Feb" in svg and "Weekly active users" in svg
    assert AXIS_LABEL_STYLE["color"] == chart.getPlotItem().getAxis("left").labelStyle["color"]


def _grey(image: QImage) -> np.ndarray:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(grey.constBits(), np.uint8).reshape(grey.height(), grey.bytesPerLine())
    return rows[:, : grey.width()].astype(int)


def test_a_2x_image_shows_the_whole_chart_not_a_zoomed_corner(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _fresh_chart()
    qtbot.addWidget(chart)
    double, single = chart_image(chart, scale=2.0), chart_image(chart, scale=1.0)
    assert (double.width(), double.height()) == (1720, 600)
    halved = _grey(double.scaled(single.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation))
    near = np.min([np.roll(halved, (dy, dx), (0, 1)) for dy in (-1, 0, 1) for dx in (-1, 0, 1)], axis=0)
    ink = _grey(single) < 128  # text, lines and points of the 1× picture
    assert ink.sum() > 500 and (near[ink] < 200).mean() > 0.9  # the same picture, only sharper


def test_date_axis_labels_days_in_utc_without_crowding_the_month(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _fresh_chart()
    qtbot.addWidget(chart)
    chart_image(chart)  # the axis measures its font while painting
    axis = chart.getPlotItem().getAxis("bottom")
    assert isinstance(axis, DateAxis)
    start, end = pd.Timestamp("2024-03-03").value / 1e9, pd.Timestamp("2024-04-28").value / 1e9
    levels = axis.tickValues(start, end, 900)
    months, *lower = [np.asarray(values) for _, values in levels]
    assert pd.Timestamp("2024-04-01").value / 1e9 in months  # midnight UTC, whatever the machine's zone
    for values in lower:
        assert values.size and not (np.abs(values[:, None] - months[None, :]) < 2 * 86_400).any()


def test_marker_labels_get_a_band_above_the_curves(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _fresh_chart()
    qtbot.addWidget(chart)
    values = np.linspace(1200, 1900, 26)
    chart.set_series([("Weekly active users", DATES, values)])
    plain_top = chart.getPlotItem().viewRange()[1][1]
    chart.set_series([("Weekly active users", DATES, values)], [Marker(DATES[10].date(), "Release")])
    labelled_top = chart.getPlotItem().viewRange()[1][1]
    assert plain_top == pytest.approx(1900 * 1.08) and labelled_top == pytest.approx(1900 * 1.3)
    outside = [Marker(DATES[0].date() - pd.Timedelta(days=60), "Long ago")]
    chart.set_series([("Weekly active users", DATES, values)], outside)
    assert chart.getPlotItem().viewRange()[1][1] == pytest.approx(plain_top)  # no label drawn, no band
