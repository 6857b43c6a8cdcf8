"""The conversion drivers' odds-ratio chart: ratios written as a reader says them, on a log axis whose ticks are
doublings and halvings, with each bar's ratio past its outer end and 1 always in view."""

from __future__ import annotations

import math

import numpy as np

from usagelens.charts.odds import LogRatioAxis, OddsRatioChart, ratio_text, tick_text
from usagelens.workspace.analyses import ChartData, Series


def test_ratios_and_ticks_read_as_people_write_them() -> None:
    assert [ratio_text(r) for r in (250.4, 5.525, 0.54, 0.004, math.inf)] == ["250", "5.53", "0.54", "0.004", "–"]
    assert [tick_text(v) for v in (-10, -4, -3, -1, -math.log2(1.5), 0, math.log2(1.5), 1, 10)] == [
        "1/1,024", "1/16", "0.125", "0.5", "0.67", "1", "1.5", "2", "1,024"]


def test_a_narrow_range_gets_one_and_a_half_and_a_wide_one_thins_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    axis = LogRatioAxis("bottom")
    ((_, narrow),) = axis.tickValues(-1.3, 1.3, 600)
    assert 0.0 in narrow and math.log2(1.5) in narrow and -1.0 in narrow
    ((step, wide),) = axis.tickValues(-12, 12, 300)
    assert step > 1 and len(wide) <= 300 // 44 + 1


def test_bars_go_left_and_right_of_one_with_their_ratios(qtbot) -> None:  # type: ignore[no-untyped-def]
    data = ChartData("odds", "Drivers", [Series("Odds ratio", ["login", "plan = free", "noise"],
                                                np.array([250.0, 0.004, 1.2]))], muted=("noise",))
    chart = OddsRatioChart(data)
    qtbot.addWidget(chart)
    chart.resize(700, 260)
    chart.show()
    chart.grab()
    low, high = chart.getPlotItem().vb.viewRange()[0]
    assert low < math.log2(0.004) and high > math.log2(250)  # room past both ends for the labels
    drawn = {text: rect for rect, text, _ in chart.value_labels.drawn}
    assert set(drawn) == {"250", "0.004", "1.20"}
    assert drawn["0.004"].right() < drawn["1.20"].left()  # a ratio below 1 is written left of its bar
    assert "login\nOdds ratio: 250 (significant)" == chart.rows[0] and chart.rows[2].endswith("(not significant)")
