"""The funnel's views in step 4 on the demo project (issue 16.5): each drawn, the funnel row's menu opening what
users who stopped at that step did next, and the exclusion's step offered only with an exclusion event."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from usagelens.workspace.analyses import AnalysisInputs, run_analysis

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _show(qtbot, page, kind: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.gallery.select_kind(kind)
    return blocker.args[0]


def test_each_view_draws_its_chart(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for kind, charts in (("funnel_over_time", 1), ("time_to_convert", 1), ("after_dropping", 1)):
        result = _show(qtbot, page, kind)
        assert not result.empty, result.message
        assert len(page.chart.plots()) == charts and not page.chart.message.isVisible()
        assert page.panel.values()["steps"] == list(result.params["steps"])  # the funnel's own parameters
        if kind == "time_to_convert":  # durations read as people say them, not "0 days 00:07:18.929697"
            column = list(result.table.columns).index("p50")
            assert page.table.model.data(page.table.model.index(0, column)) == "7 min 19 s"
        window.grab()  # the first paint sizes the axes to their labels
        qtbot.wait(5)
        assert window.grab().save(str(SCREENSHOTS / f"analysis-{kind}.png"))


def test_a_funnel_row_opens_what_those_who_stopped_did_next(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    funnel = _show(qtbot, page, "funnel")
    menu = QMenu()
    page._row_menu(menu, 1)
    action = next(a for a in menu.actions() if a.text().startswith("What did users who stopped after step 2"))
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        action.trigger()
    result = blocker.args[0]
    assert result.kind == "after_dropping" and page.gallery.current_kind() == "after_dropping"
    assert result.params["dropped_at"] == 2 and result.params["steps"] == funnel.params["steps"]
    expected = run_analysis("after_dropping", AnalysisInputs(window.document.project), page.current_params())
    assert page.table.model.frame().reset_index(drop=True).equals(expected.table)
    last = QMenu()
    _show(qtbot, page, "funnel")
    page._row_menu(last, len(funnel.table) - 1)  # nobody stops after the last step
    assert not any(a.text().startswith("What did users") for a in last.actions())


def test_the_exclusion_step_is_offered_with_an_exclusion_event(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _show(qtbot, page, "funnel")
    step, event = page.panel.editors["exclude_step"], page.panel.editors["exclude"]
    assert not step.isEnabled()
    event.setCurrentIndex(event.findData("contact_support"))
    assert step.isEnabled()
