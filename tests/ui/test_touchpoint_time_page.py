"""Time at each touchpoint in step 4 on the demo project (issue 16.5): the gallery lists it, draws a bar per
event with its middle half, and its table reads durations as people say them."""

from __future__ import annotations

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_the_gallery_draws_the_time_at_each_touchpoint(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.gallery.select_kind("touchpoint_time")
    result = blocker.args[0]
    assert not result.empty, result.message
    assert page.gallery.current_kind() == "touchpoint_time"
    assert len(page.chart.plots()) == 1 and not page.chart.message.isVisible()
    assert page.panel.values()["gap_minutes"] == 30  # the sessions analysis' own pause
    medians = result.table["median"].dt.total_seconds()
    assert medians.is_monotonic_decreasing  # longest stop first, on the chart and in the table
    assert result.charts[0].intervals is not None  # the p25–p75 lines
    column = list(result.table.columns).index("median")
    shown = page.table.model.data(page.table.model.index(0, column))
    assert shown.endswith(" s") and "days" not in shown  # "51 s", not "0 days 00:00:51"
    assert page.chart.plots()[0].rows[0].endswith(" s")  # the chart's values say their unit too ("Median: 51 s")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab()  # the first paint sizes the axes to their labels
    qtbot.wait(5)
    assert window.grab().save(str(SCREENSHOTS / "analysis-touchpoint_time.png"))
