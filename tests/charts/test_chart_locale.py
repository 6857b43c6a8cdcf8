"""Charts on screen write numbers and month names in the user's locale; the report's charts stay English,
as its words are."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QLocale, QPointF

from usagelens.charts.category import category_chart
from usagelens.charts.export import chart_svg, offscreen_layout
from usagelens.charts.from_data import chart_widget
from usagelens.charts.locale_text import REPORT_LOCALE, date_text, datetime_text, in_locale
from usagelens.charts.time_series import TimeSeriesChart
from usagelens.ui.application import create_application
from usagelens.workspace.analyses import ChartData, Series

DATES = pd.date_range("2024-01-01", periods=26, freq="W-MON")


@pytest.fixture
def locale() -> Iterator[Callable[[str], None]]:
    """Switch the default locale for one test and put the previous one back afterwards. The app is made
    first: made under a German default it would install German translators for the rest of the session."""
    create_application()
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


def _axis_texts(chart: TimeSeriesChart, top: float) -> list[str]:
    """The value axis' labels between 0 and ``top`` as pyqtgraph asks for them (the major ticks)."""
    axis = chart.getPlotItem().getAxis("left")
    spacing, values = axis.tickValues(0, top, 300)[0]
    return axis.tickStrings(values, 1.0, spacing)


@pytest.mark.parametrize(("name", "thousand"), [("de_DE", "1.000"), ("en_US", "1,000"), ("C", "1,000")])
def test_value_axis_numbers_follow_the_locale(qtbot, locale, name: str, thousand: str) -> None:  # type: ignore[no-untyped-def]
    locale(name)
    chart = TimeSeriesChart()
    qtbot.addWidget(chart)
    chart.set_series([("Users", DATES, np.linspace(0, 4000, 26))])
    assert thousand in _axis_texts(chart, 4000)


def test_month_names_and_read_out_follow_the_locale(qtbot, locale) -> None:  # type: ignore[no-untyped-def]
    locale("de_DE")
    chart = TimeSeriesChart()
    qtbot.addWidget(chart)
    offscreen_layout(chart, 860, 300)
    chart.set_series([("Nutzer", DATES, np.linspace(1200, 1900, 26))])
    svg = chart_svg(chart).decode()
    assert "1.500" in svg and "Mär" in svg and "1,500" not in svg
    vb = chart.getPlotItem().vb
    chart._on_mouse_moved(vb.mapViewToScene(QPointF(DATES[12].timestamp(), 1500)))
    assert chart.readout_text().splitlines()[0] == "25.03.2024"
    assert chart.readout_text().splitlines()[1].startswith("Nutzer: 1.")


def test_the_report_s_charts_stay_english_in_a_german_app(qtbot, locale) -> None:  # type: ignore[no-untyped-def]
    locale("de_DE")
    data = ChartData(kind="time", title="Users", series=[Series("Users", list(DATES), np.linspace(1200, 1900, 26))],
                     y_label="Users")
    chart = chart_widget(data, (), REPORT_LOCALE)
    qtbot.addWidget(chart)
    offscreen_layout(chart, 860, 300)
    svg = chart_svg(chart).decode()
    assert "1,500" in svg and "Mar" in svg and "1.500" not in svg


def test_bar_labels_and_heat_map_cells_follow_the_locale(qtbot, locale) -> None:  # type: ignore[no-untyped-def]
    locale("de_DE")
    series = [Series("Users", ["signup", "export"], np.array([1234.0, 56.5]))]
    bars = category_chart(ChartData(kind="bars", title="Events", series=series, y_label="Users"))
    qtbot.addWidget(bars)
    assert "Users: 1.234" in bars.rows[0] and "Users: 56,50" in bars.rows[1]
    heat = category_chart(ChartData(kind="heatmap", title="Hours", matrix=np.array([[1234.0, 56.0]]),
                                    row_labels=["Mon"], column_labels=["0", "1"]))
    qtbot.addWidget(heat)
    assert heat.cells._texts[0] == ["1,2k", "56"]


@pytest.mark.parametrize(("name", "day", "moment", "number"), [
    ("de_DE", "06.03.2026", "06.03.2026 14:05:09", "1.234,5"),
    ("en_US", "3/6/2026", "3/6/2026 2:05:09\u202fPM", "1,234.5"),
    ("C", "2026-03-06", "2026-03-06 14:05:09", "1,234.5"),
])  # fmt: skip
def test_dates_and_numbers_in_a_locale(name: str, day: str, moment: str, number: str) -> None:
    from datetime import date, datetime

    locale = QLocale(name)
    assert date_text(date(2026, 3, 6), locale) == day
    assert datetime_text(datetime(2026, 3, 6), locale) == day  # midnight: a day's bucket
    assert datetime_text(datetime(2026, 3, 6, 14, 5, 9), locale) == moment
    assert in_locale("1,234.5", locale) == number


def test_the_pdf_s_own_charts_stay_english_in_a_german_app(qtbot, locale) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from usagelens.model import Project
    from usagelens.report.sections import ReportCharts

    locale("de_DE")
    charts = ReportCharts()
    try:
        svg = charts.svg("kpi", SimpleNamespace(project=Project()), [("Users", DATES, np.linspace(1200, 1900, 26))],
                         "Users", "No data").decode()
    finally:
        charts.close()
    assert "1,500" in svg and "Mar" in svg and "1.500" not in svg
