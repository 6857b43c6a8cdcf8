"""Step 4 as a user drives it on the demo project: every analysis through its panel, exports read back,
saving and re-opening, pinning a finding that step 5 shows, cancelling, and screenshots to look at."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, recompute, run_analysis

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def show(qtbot, page, kind: str) -> Any:  # type: ignore[no-untyped-def]
    """Pick ``kind`` in the gallery and wait until its chart is drawn."""
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        if page.current_kind() == kind:
            page.run()
        else:
            page.gallery.select_kind(kind)
    return blocker.args[0]


def test_every_analysis_runs_through_its_panel(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    project = window.document.project
    for kind in ANALYSES:
        result = show(qtbot, page, kind)
        assert result.kind == kind and page.panel.kind == kind
        assert not result.empty, f"{kind}: {result.message}"
        expected = run_analysis(kind, AnalysisInputs(project), page.current_params()).table
        pd.testing.assert_frame_equal(page.table.model.frame().reset_index(drop=True), expected)
        assert page.table.model.rowCount() == len(expected)
        assert page.chart.plots() and not page.chart.message.isVisible()
        window.grab()  # the first paint sizes the axes to their labels; the picture is the settled second one
        qtbot.wait(5)
        assert window.grab().save(str(SCREENSHOTS / f"analysis-{kind}.png"))


def test_changing_a_parameter_recomputes(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, "active_users")
    period = page.panel.editors["period"]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        period.setCurrentIndex(period.findData("month"))
    assert blocker.args[0].params["period"] == "month" and len(page.table.model.frame()) == 6


def test_funnel_steps_are_edited_with_searchable_pickers(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, "funnel")
    steps = page.panel.editors["steps"]
    with qtbot.waitSignal(page.result_shown, timeout=30000):
        steps.add_button.click()
    assert len(page.current_params()["steps"]) == 4
    box = steps._rows[-1]
    box.completer().setCompletionPrefix("remind")  # what typing "remind" into the picker does
    assert box.completer().completionCount() == 1 and box.completer().currentCompletion() == "set_reminder"

    # Any step moves up or down, or goes, while two remain; each change recomputes.
    before = page.current_params()["steps"]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        steps.move(1, 1)
    assert blocker.args[0].params["steps"] == [before[0], before[2], before[1], before[3]]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        steps.remove(0)
    assert blocker.args[0].params["steps"] == [before[2], before[1], before[3]]
    first_row = steps._steps.itemAt(0).widget()
    up, down, remove = [b for b in first_row.findChildren(QToolButton)]
    assert not up.isEnabled() and down.isEnabled() and remove.isEnabled()
    steps.remove(0)
    assert len(steps.value()) == 2 and not steps._steps.itemAt(0).widget().findChildren(QToolButton)[2].isEnabled()


def test_experiment_control_is_picked_from_the_variants(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, "experiment")
    by, control = page.panel.editors["by"], page.panel.editors["control"]
    variants = [control.itemText(i) for i in range(1, control.count())]
    assert control.itemText(0) == "(the first)" and len(variants) >= 2
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        control.setCurrentIndex(2)
    table = blocker.args[0].table
    assert table.loc[table["variant"].astype(str) == variants[1], "p_value"].isna().all()  # the control row
    other = next(i for i in range(by.count()) if by.itemData(i) != by.currentData())
    by.setCurrentIndex(other)
    assert [control.itemText(i) for i in range(1, control.count())] != variants


def test_exports_read_back(qtbot, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, "funnel")
    frame = page.table.model.frame()
    for suffix in ("png", "svg", "csv", "xlsx"):
        target = tmp_path / f"funnel.{suffix}"
        (page.chart if suffix in ("png", "svg") else page.table).export(str(target))
        assert target.stat().st_size > 0
    from usagelens.ui.qt import QImage

    image = QImage(str(tmp_path / "funnel.png"))
    assert image.width() >= page.chart.width()
    svg = ET.parse(tmp_path / "funnel.svg").getroot()
    assert svg.tag.endswith("svg") and "signup" in (tmp_path / "funnel.svg").read_text(encoding="utf-8")
    csv = pd.read_csv(tmp_path / "funnel.csv")
    assert csv["users"].tolist() == frame["users"].tolist()
    xlsx = pd.read_excel(tmp_path / "funnel.xlsx", engine="calamine")
    assert xlsx["event"].tolist() == frame["event"].tolist()


def test_save_and_reopen_an_analysis(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, "retention")
    page.panel.set_values({"period": "month", "max_periods": 4}, notify=False)
    saved = page.save_current("Monthly retention")
    assert window.document.project.analyses[-1] is saved and saved.params["max_periods"] == 4
    assert page.gallery.saved.count() == 1
    show(qtbot, page, "funnel")
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.open_saved(saved.id)
    assert blocker.args[0].kind == "retention" and blocker.args[0].params == saved.params
    window.document.undo_stack.undo()
    assert not window.document.project.analyses and page.gallery.saved.count() == 0


def test_pin_as_finding_shows_in_step_5_and_recomputes(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, "adoption")
    page.gallery.name_edit.setText("Few users export reports")
    finding = page.pin_finding()
    project = window.document.project
    assert finding is not None and project.findings[-1] is finding
    assert finding.snapshot and finding.snapshot.startswith(b"\x89PNG")
    assert finding.analysis is not None and finding.analysis.kind == "adoption"
    window.go_to_step(5)
    findings = window.pages[4].entities
    titles = [findings.model.data(findings.model.index(row, 0)) for row in range(findings.model.rowCount())]
    assert "Few users export reports" in titles
    again = recompute(project, finding.analysis)
    pd.testing.assert_frame_equal(again.table, page.result.table)


def test_empty_results_explain_themselves_in_the_chart_area(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, "heatmap")
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.panel.set_values({"start": "2030-01-01", "end": "2030-02-01"})
    assert blocker.args[0].empty
    assert page.chart.message.isVisible() and "no events" in page.chart.message.text().lower()
    assert not page.chart.plots() and not page.pin_button.isEnabled()


def test_cancel_a_running_analysis(qtbot, page, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import usagelens.ui.pages.analyse as analyse

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.6)
        return run_analysis(*args, **kwargs)

    monkeypatch.setattr(analyse, "run_analysis", slow)
    shown: list[object] = []
    page.result_shown.connect(shown.append)
    before = page.result
    page.run()
    assert page.cancel_button.isVisible()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.runner.has_running(), timeout=10000)
    qtbot.wait(50)
    assert not shown and page.result is before
    assert "cancelled" in page.chart.message.text().lower() and not page.cancel_button.isVisible()


def test_a_newer_run_replaces_a_stale_one(qtbot, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import usagelens.ui.pages.analyse as analyse

    monkeypatch.setattr(analyse, "run_analysis", lambda *a, **k: (time.sleep(0.3), run_analysis(*a, **k))[1])
    shown: list[Any] = []
    page.result_shown.connect(shown.append)
    period = page.panel.editors["period"]
    period.setCurrentIndex(period.findData("day"))
    qtbot.wait(20)
    with qtbot.waitSignal(page.result_shown, timeout=30000):
        period.setCurrentIndex(period.findData("month"))
    qtbot.wait(400)
    assert [r.params["period"] for r in shown] == ["month"]
