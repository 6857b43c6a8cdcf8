"""Charts read at a glance: every funnel step labelled without overprinting, heat maps with a colour scale,
rate axes that end at 100 %, and legends that sit outside the plot instead of on the lines."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from usagelens.charts.category import CategoryChart, HeatMapChart
from usagelens.charts.style import PERCENT_OVERHANG
from usagelens.charts.time_series import TimeSeriesChart
from usagelens.workspace.analyses.spec import ChartData, Series

LONG_STEPS = [
    "signup", "create_first_project_from_a_template", "invite_teammate_by_email_address", "set_reminder",
    "upgrade_to_the_business_plan_annually", "view_dashboard", "export_report_as_pdf", "complete_task", "comment",
]


def _shown(qtbot, chart, width: int = 650, height: int = 330):  # type: ignore[no-untyped-def]
    """The chart on screen at a size and settled: the first paint sizes the axes to their labels, the second
    lays the labels out in the plot that is left."""
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    _settle(qtbot, chart)
    return chart


def _settle(qtbot, chart) -> None:  # type: ignore[no-untyped-def]
    chart.grab()
    qtbot.wait(10)
    chart.grab()


def _overlapping(rects: list[QRectF]) -> list[tuple[QRectF, QRectF]]:
    return [(a, b) for a, b in combinations(rects, 2) if a.intersects(b)]


def _axis_labels(axis: pg.AxisItem) -> list[tuple[QRectF, str]]:
    """The tick labels an axis draws at its current size, with their rectangles, as pyqtgraph lays them out."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        return [(rect, text) for rect, _flags, text in axis.generateDrawSpecs(painter)[2]]
    finally:
        painter.end()


def _funnel(steps: list[str]) -> ChartData:
    users = np.array([1923, 1505, 373, 121, 15, 9, 4, 4, 1][: len(steps)], dtype=float)
    labels = [f"{i}. {name}" for i, name in enumerate(steps, start=1)]
    return ChartData("funnel", "Funnel", [Series("Users", labels, users)], y_label="Users")


def test_a_nine_step_funnel_labels_every_step_without_overprinting(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _shown(qtbot, CategoryChart(_funnel(LONG_STEPS)))
    labels = _axis_labels(chart.getPlotItem().getAxis("bottom"))
    assert [text.split(".")[0] for _, text in labels] == [str(i) for i in range(1, 10)]
    assert not _overlapping([rect for rect, _ in labels])
    assert any("…" in text for _, text in labels) and "1. signup" in [text for _, text in labels]
    values = chart.value_labels.drawn
    assert len([text for _, text, _ in values if "%" in text and "−" not in text]) == 9  # a count over every bar
    assert not _overlapping([rect for rect, _, _ in values])
    chart.scene().sigMouseMoved.emit(chart.getPlotItem().vb.mapViewToScene(QPointF(1, 100)))
    assert chart.readout_text().startswith("2. create_first_project_from_a_template\n1,505 users")


def test_funnel_counts_say_user_or_users_and_a_tiny_share_is_not_zero(qtbot) -> None:  # type: ignore[no-untyped-def]
    data = ChartData("funnel", "Funnel", [Series("Users", ["1. a", "2. b"], np.array([1000.0, 1.0]))])
    chart = _shown(qtbot, CategoryChart(data), 900)
    texts = [text for _, text, _ in chart.value_labels.drawn]
    assert "1 user\n<1% of step 1" in texts and "1,000 users\n100% of step 1" in texts


def test_a_heat_map_has_a_colour_scale_beside_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = np.array([[1.0, 0.5, 0.25], [1.0, 0.4, np.nan]])
    data = ChartData("heatmap", "Retention", matrix=matrix, row_labels=["a", "b"], column_labels=["0", "1", "2"],
                     percent=True)
    chart = _shown(qtbot, HeatMapChart(data))
    assert isinstance(chart.legend, pg.ColorBarItem)
    plot = chart.getPlotItem().vb.sceneBoundingRect()
    scale = chart.legend.sceneBoundingRect()
    assert scale.left() >= plot.right() and scale.height() > 0.8 * plot.height()
    assert [text for _, text in _axis_labels(chart.legend.axis)] == ["0%", "50%", "100%"]


def test_rate_axes_stop_at_one_hundred_percent(qtbot) -> None:  # type: ignore[no-untyped-def]
    bars = ChartData("bars", "Adoption", [Series("Adoption", ["a", "b"], np.array([1.0, 0.4]))], percent=True)
    curve = ChartData("curve", "Retention", [Series("Retention", ["0", "1"], np.array([1.0, 0.5]))], percent=True)
    charts = [_shown(qtbot, CategoryChart(data)) for data in (bars, curve)]
    for chart in charts:
        low, high = chart.values.range
        assert high <= 1 + PERCENT_OVERHANG
        assert max(v for _, values in chart.values.tickValues(low, high, 300) for v in values) <= 1
        assert "100%" in [text for _, text in _axis_labels(chart.values)]
    # With no room past the end of a bar at 100 %, its value is written inside it.
    assert ("100.0%", "#ffffff") in [(text, colour) for _, text, colour in charts[0].value_labels.drawn]


def test_a_rate_over_time_stops_at_one_hundred_percent(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _shown(qtbot, TimeSeriesChart())
    dates = pd.date_range("2024-01-01", periods=4, freq="MS")
    chart.set_series([("CSAT", dates, [0.9, 0.97, 0.99, 0.95])], percent=True)
    assert chart.getPlotItem().vb.viewRange()[1][1] <= 1 + PERCENT_OVERHANG


def test_legends_sit_above_the_plot_not_on_its_lines(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _shown(qtbot, TimeSeriesChart())
    dates = pd.date_range("2024-01-01", periods=30)
    names = ["Daily active users", "Expected (same weekday)", "Anomalies", "A fourth line", "A fifth line"]
    chart.set_series([(name, dates, np.full(30, 100.0 * (i + 1))) for i, name in enumerate(names)])
    _settle(qtbot, chart)
    legend, view = chart.getPlotItem().legend, chart.getPlotItem().vb
    assert legend.isVisible() and len(legend.items) == 5
    # The legend's row takes its height once the columns for the new width are known: a layout pass or two,
    # delivered by the event loop, so wait for the settled picture rather than a fixed number of milliseconds.
    qtbot.waitUntil(lambda: legend.sceneBoundingRect().bottom() <= view.sceneBoundingRect().top(), timeout=3000)
    assert legend.sceneBoundingRect().width() <= chart.width()

    chart.set_series([("Daily active users", dates, np.ones(30))])  # one line: its title names it
    assert not chart.getPlotItem().legend.isVisible()

    grouped = ChartData("bars", "By plan", [Series(p, ["a", "b"], np.array([0.5, 0.2])) for p in ("free", "team")],
                        percent=True)
    bars = _shown(qtbot, CategoryChart(grouped))
    assert len(bars.legend.items) == 2  # each series once
    assert bars.legend.sceneBoundingRect().bottom() <= bars.getPlotItem().vb.sceneBoundingRect().top()


def test_heat_map_cells_show_the_values_that_fit(qtbot) -> None:  # type: ignore[no-untyped-def]
    """26 weekly cohorts beside their curve: the two-digit rates fit their cells, a cohort's own "100%" is read
    from the colour scale instead; cells too small for any legible value show none."""
    rates = np.random.default_rng(0).uniform(0.2, 0.7, (26, 9))
    rates[:, 0] = 1.0
    data = ChartData("heatmap", "Retention", matrix=rates, row_labels=[f"2024-01-{i:02d} (80)" for i in range(26)],
                     column_labels=[str(i) for i in range(9)], percent=True)
    assert _shown(qtbot, HeatMapChart(data), 385, 330).cells.shown == 26 * 8
    assert _shown(qtbot, HeatMapChart(data), 900, 600).cells.shown == 26 * 9
    assert _shown(qtbot, HeatMapChart(data), 300, 200).cells.shown == 0


def test_an_interval_band_is_a_pale_tint_its_line_stands_out_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    """NPS's 95 % band was a saturated sky blue (the line's blue made lighter) the line drowned in."""
    chart = _shown(qtbot, TimeSeriesChart())
    dates = pd.date_range("2024-01-01", periods=4, freq="MS")
    chart.set_series([("NPS", dates, [-2.0, 4.5, 13.0, 25.0])], intervals=([-18, -12, -3, 10], [14, 21, 29, 40]),
                     zero_based=False)
    _settle(qtbot, chart)
    image = chart.grab().toImage()
    (band,) = [i for i in chart.getPlotItem().items if isinstance(i, pg.FillBetweenItem)]
    inside = chart.getPlotItem().vb.mapViewToScene(QPointF(pd.Timestamp("2024-02-15").timestamp(), 20.0))
    pixel = image.pixelColor(chart.mapFromScene(inside))
    assert band.brush().color().alpha() < 100
    assert pixel.lightness() > 200, pixel.name()  # pale behind a dark line, on the light theme's white


def test_a_curve_shows_through_a_release_label_it_passes_under(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A release label's ground hid the stretch of a theme's line it sat on (feedback themes at 1366 × 768)."""
    from datetime import date

    from usagelens.charts.time_series import Marker

    chart = _shown(qtbot, TimeSeriesChart(), 700, 260)
    dates = pd.date_range("2024-01-01", periods=6, freq="MS")
    chart.set_series([("Reminders", dates, [10.0] * 6)], [Marker(date(2024, 3, 1), "Outage: API incident")])
    _settle(qtbot, chart)
    label, vb = chart._marker_lines[0].label, chart.getPlotItem().vb
    rect = label.sceneBoundingRect()
    through = vb.mapSceneToView(rect.center())  # a curve drawn as the series' are, across the label
    x = np.array([vb.viewRange()[0][0], vb.viewRange()[0][1]])
    chart.getPlotItem().addItem(pg.PlotCurveItem(x, [through.y()] * 2, pen=pg.mkPen("#0072B2", width=2)),
                                ignoreBounds=True)
    _settle(qtbot, chart)
    image = chart.grab().toImage()
    column = [image.pixelColor(chart.mapFromScene(QPointF(rect.left() + 3, y)))
              for y in np.linspace(rect.top() + 1, rect.bottom() - 1, 30)]
    assert any(p.blue() - p.red() > 60 for p in column), [p.name() for p in column]


def test_before_and_after_windows_are_named_above_the_plot_not_on_its_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Step 7's impact chart wrote "before" on its curve's first days (a KPI's lowest, at the plot's foot)."""
    from datetime import date

    chart = _shown(qtbot, TimeSeriesChart(), 700, 220)
    dates = pd.date_range("2024-03-04", periods=56)
    spans = [(date(2024, 3, 4), date(2024, 3, 31), "before"), (date(2024, 4, 1), date(2024, 4, 28), "after")]
    chart.set_series([("Reminders", dates, np.linspace(0.04, 0.3, 56))], percent=True, shaded=spans)
    _settle(qtbot, chart)
    axis, view = chart.getPlotItem().getAxis("top"), chart.getPlotItem().vb
    names = _axis_labels(axis)
    assert [text for _, text in names] == ["before", "after"]
    top = view.sceneBoundingRect().top()
    for rect, _ in names:
        assert axis.mapRectToScene(rect).bottom() <= top + 1
    before = axis.mapRectToScene(names[0][0]).center().x()
    assert view.mapSceneToView(QPointF(before, top)).x() == pytest.approx(pd.Timestamp("2024-03-18").timestamp())

    chart.set_series([("Reminders", dates, np.ones(56))])  # no windows: no row of names
    assert not axis.isVisible()
