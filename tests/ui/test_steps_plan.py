"""A product owner's walk through steps 1 and 5–8 on the demo project: baseline from data, RICE, measured
impact, the review board, a recorded review and a report with chosen sections."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from usagelens.analytics.kpi import evaluate_kpi
from usagelens.model.commands import SetField
from usagelens.ui.entity_table import VALUE_ROLE
from usagelens.ui.pages import objectives as objectives_page
from usagelens.workspace.project_data import analysed_log, kpi_inputs
from usagelens.workspace.summary import ReportOptions


def _column(model, field: str) -> int:  # type: ignore[no-untyped-def]
    return [model.column_spec(n).field for n in range(model.columnCount())].index(field)


def test_plan_measure_review_and_report(qtbot, window, wait_idle, demo_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        pdf_text, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_path(demo_path, ask=False)
    project = window.document.project

    # Step 1: the baseline is measured on the data up to the baseline date, undoably.
    window.go_to_step(1)
    page = window.pages[0]
    page.objectives.view.selectRow(0)
    objective = project.objectives[0]
    window.document.push(SetField(("objectives", objective.id), "baseline", 0.05))  # as if typed by hand
    asked: list[date] = []
    monkeypatch.setattr(objectives_page, "ask_date", lambda parent, title, text, default: asked.append(default)
                        or default)
    page.compute_baseline()
    wait_idle()
    inputs = kpi_inputs(project, analysed_log(project))
    expected = evaluate_kpi(objective.binding, inputs, as_of=date(2024, 3, 31)).value
    assert objective.baseline == pytest.approx(expected) and objective.baseline_date == date(2024, 3, 31)
    window.document.undo_stack.undo()
    assert objective.baseline == 0.05 and asked == [date(2024, 3, 31)]  # the objective's own as-of day

    # Step 6: RICE factors give a score column.
    window.go_to_step(6)
    actions = window.pages[5].entities.model
    for field, value in (("reach", "1500"), ("impact", "2"), ("confidence", "0.8"), ("effort", "4")):
        assert actions.setData(actions.index(1, _column(actions, field)), value, Qt.ItemDataRole.EditRole)
    assert actions.data(actions.index(1, _column(actions, "rice"))) == "600"
    assert actions.data(actions.index(1, _column(actions, "rice")), VALUE_ROLE) == pytest.approx(600)

    # Step 7: the shipped release's impact is measured in the background and shown.
    window.go_to_step(7)
    wait_idle()
    implement = window.pages[6]
    shipped = next(a for a in project.actions if a.release_date == date(2024, 4, 1))
    assert implement.impacts[shipped.id].verdict == "increase"
    row = project.actions.index(shipped)
    model = implement.status.model
    assert model.data(model.index(row, _column(model, "impact"))) == "increase"
    implement.status.view.selectRow(row)
    assert "95% CI" in implement.impact_text.text()
    assert implement.impact_chart._value_axis.percent  # a rate reads "30%" on the axis, not a bare 30

    # Step 8: the board shows progress, status and trend; a review records today's values.
    window.go_to_step(8)
    wait_idle()
    review = window.pages[7]
    board = review.board_model
    assert board.data(board.index(0, _column(board, "progress")), VALUE_ROLE) > 1
    assert board.data(board.index(0, _column(board, "status"))) == "target reached"
    values, _target = board.data(board.index(0, _column(board, "trend")), VALUE_ROLE)
    assert len(values) >= 20
    assert board.data(board.index(0, _column(board, "trend"))).startswith(f"{len(values)} weekly values, from ")
    assert "\nKPI: Weekly adoption of set_reminder · on Planwise events (Jan–Jun 2024)" in board.data(
        board.index(0, _column(board, "statement")))
    view = review.board_view
    assert view.horizontalHeader().length() <= view.viewport().width()  # no sideways scrolling at 1280 px
    assert "Reminders 2.0" in board.data(board.index(0, _column(board, "actions")))
    review.reviews.add_item()
    recorded = project.reviews[-1]
    assert recorded.data_until == date(2024, 6, 30) and len(recorded.values) == 3

    # Report: the user's choice of sections is what gets written.
    from usagelens.ui.report_dialog import ReportDialog

    dialog = ReportDialog(project, ReportOptions(sections=("summary", "review")))
    qtbot.addWidget(dialog)
    assert dialog.options().sections == ("summary", "review")
    window.report_options = dialog.options()
    pdf = tmp_path / "review.pdf"
    window.export_pdf(str(pdf))
    wait_idle()
    qtbot.waitUntil(pdf.exists, timeout=30000)
    text = pdf_text(pdf)
    assert "2. Review" in text and "Action plan" not in text
