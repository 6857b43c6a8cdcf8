"""Trends in step 4 on the demo project (issue 16.4): series B's editors follow the formula, the property follows
the measure, a formula with the previous period draws two lines, the earlier one dashed, and it can be a KPI."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from usagelens.workspace.analyses import AnalysisInputs, run_analysis

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_a_formula_with_the_previous_period_draws_both(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=30000):
        page.gallery.select_kind("trends")
    editors = page.panel.editors
    assert not editors["event_b"].isEnabled() and not editors["measure_b"].isEnabled()  # no formula, no B
    assert not editors["property"].isEnabled()  # total events read no property
    with qtbot.waitSignal(page.result_shown, timeout=30000):
        editors["formula"].setCurrentIndex(editors["formula"].findData("divide"))
    assert editors["event_b"].isEnabled() and editors["measure_b"].isEnabled()
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.panel.set_values({"event": "export_report", "measure_b": "users", "compare_previous": "yes",
                               "start": "2024-04-01"})
    result = blocker.args[0]
    assert not result.empty, result.message
    assert list(result.table.columns) == ["period", "a_users", "a", "b", "value", "previous_period", "previous",
                                          "change"]  # A counts events: who did them beside it
    expected = run_analysis("trends", AnalysisInputs(window.document.project), page.current_params())
    assert page.table.model.frame().reset_index(drop=True).equals(expected.table)
    curves = [item for plot in page.chart.plots() for item in plot.getPlotItem().listDataItems()]
    styles = [curve.opts["pen"].style() for curve in curves if curve.name()]
    assert styles == [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine]
    assert curves[0].opts["pen"].color() == curves[1].opts["pen"].color()  # the previous range in its colour
    assert "Compared with the previous 13 weeks" in result.message
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab()  # the first paint sizes the axes to their labels; the picture is the settled second one
    qtbot.wait(5)
    assert window.grab().save(str(SCREENSHOTS / "analysis-trends-formula-previous.png"))
    assert page.kpi_button.isVisible()  # the number per week, A ÷ B, can measure an objective
    objective = window.document.project.objectives[0]
    binding = page.use_as_kpi(objective.id)
    assert objective.binding == binding and binding is not None and binding.metric == "trend"
    assert "is now measured by Weekly export_report events ÷ Active users" in page.message.text()
    window.document.undo_stack.undo()
