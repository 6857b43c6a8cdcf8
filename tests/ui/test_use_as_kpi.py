"""Step 4's "Use as KPI": any funnel or retention question becomes an objective's KPI, equal to the analysis."""

from __future__ import annotations

import pytest
from test_analysis_page import show  # the step-4 tests' helper (tests/ui is on the path)

from usagelens.analytics.kpi import KpiInputs, evaluate_kpi
from usagelens.model import KpiBinding
from usagelens.workspace.kpi_from_analysis import binding_from_analysis


def test_a_retention_analysis_becomes_the_kpi_it_shows(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    result = show(qtbot, page, "retention")
    page.panel.set_values({"start_event": "signup"})
    result = show(qtbot, page, "retention")
    objective = window.document.project.objectives[1]
    binding = page.use_as_kpi(objective.id, offset=4)
    assert objective.binding == binding == KpiBinding(
        "retention", {"period": "week", "offset": 4, "mode": "on", "start_event": "signup"})
    curve = result.charts[1].series[0]
    kpi = evaluate_kpi(binding, KpiInputs(page.inputs.log))
    assert kpi.value == pytest.approx(float(curve.y[list(curve.x).index("4")]))
    window.document.undo_stack.undo()
    assert objective.binding != binding


def test_a_funnel_without_a_signup_step_can_be_a_kpi(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, "funnel")
    page.panel.set_values({"steps": ["view_dashboard", "export_report"], "window_days": 7, "order": "any"})
    show(qtbot, page, "funnel")
    objective = window.document.project.objectives[0]
    binding = page.use_as_kpi(objective.id)
    assert binding == KpiBinding("funnel", {"steps": ["view_dashboard", "export_report"], "window_days": 7,
                                            "order": "any"})
    assert page.kpi_button.isVisible()
    assert "is now measured by Funnel view_dashboard → export_report conversion within 7 days" in page.message.text()


def test_analyses_that_are_no_kpi_say_so() -> None:
    assert binding_from_analysis("heatmap", {"measure": "events"}) is None
    assert binding_from_analysis("active_users", {"period": "month", "by": "plan"}) == KpiBinding(
        "active_users", {"period": "month"})
