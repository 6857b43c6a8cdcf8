"""Cohorts in step 4 as a user drives them: create one in the Cohorts… dialog, filter an analysis to it, break
an analysis down by it, see mistakes explained in the dialog, and undo; screenshots to look at."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from usagelens.analytics.cohorts import cohort_mask
from usagelens.workspace.analyses import AnalysisInputs, run_analysis

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_create_a_cohort_in_the_dialog_and_filter_an_analysis(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    project = window.document.project
    dialog = page.edit_cohorts()
    qtbot.waitExposed(dialog)
    event = page.facts.events[1]
    dialog.name.setText("Regulars")
    dialog.description.setText(f"Did {event} at least 3 times")
    row = dialog.rows[0]
    row.editors["event"].setCurrentIndex(row.editors["event"].findData(event))
    row.editors["at_least"].setValue(3)
    second = dialog.add_condition({"kind": "first_seen"})
    second.editors["start"].setText("2024-01-01")
    qtbot.wait(20)  # the new row is laid out
    dialog.grab()
    assert dialog.grab().save(str(SCREENSHOTS / "cohorts-dialog.png"))
    cohort = dialog.save()
    assert cohort is not None and [c.name for c in project.cohorts] == ["Regulars"]
    assert dialog.list.count() == 1 and dialog.list.currentItem().text() == "Regulars"
    assert dialog.summary.text().startswith(f"Users who did {event} at least 3 times and first seen from 2024-01-01")
    dialog.close()

    picker = page.cohort_picker
    assert [picker.box.itemText(i) for i in range(picker.box.count())] == ["Everyone", "Regulars"]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        picker.box.setCurrentIndex(1)
    result = blocker.args[0]
    inputs = AnalysisInputs(project)
    assert inputs.log is not None
    members = int(cohort_mask(inputs.log, cohort.conditions, match="all", customers=inputs.customers).sum())
    assert result.cohort == "Regulars" and result.params["cohort"] == cohort.id and result.n_users == members
    assert 0 < members < inputs.log.n_users
    expected = run_analysis(result.kind, inputs, page.current_params()).table
    pd.testing.assert_frame_equal(page.table.model.frame().reset_index(drop=True), expected)
    assert page.summary.text().startswith(f"Cohort “Regulars”: {members:,} users")
    window.grab()
    qtbot.wait(5)
    assert window.grab().save(str(SCREENSHOTS / "analysis-cohort-filter.png"))

    # the cohort is offered as a breakdown at once
    page.gallery.select_kind("funnel")
    qtbot.waitUntil(lambda: page.current_kind() == "funnel", timeout=30000)
    by = page.panel.editors["by"]
    assert by.findData(f"cohort:{cohort.id}") >= 0

    # saved with the analysis, and undone like any edit
    saved = page.save_current("Funnel of regulars")
    assert saved.params["cohort"] == cohort.id
    window.document.undo_stack.undo()  # the saved analysis
    window.document.undo_stack.undo()  # the cohort
    assert project.cohorts == [] and picker.box.count() == 1 and picker.cohort_id() == ""


def test_the_dialog_explains_a_cohort_it_cannot_save(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    dialog = page.edit_cohorts()
    assert dialog.save() is None and dialog.error.text() == "Give the cohort a name."
    dialog.name.setText("Funnel drop-off")
    row = dialog.rows[0]
    row.kind_box.setCurrentIndex(row.kind_box.findData("funnel"))
    row.editors["steps"].setText("signup")
    assert dialog.save() is None and dialog.error.text() == "Condition 1: a funnel needs at least two steps."
    assert dialog.error.isVisible()
    row.editors["steps"].setText(", ".join(page.facts.events[:3]))
    row.editors["step"].setValue(2)
    cohort = dialog.save()
    assert cohort is not None and cohort.conditions[0]["steps"] == list(page.facts.events[:3])
    assert not dialog.error.isVisible()
    dialog.new_cohort()
    dialog.name.setText("funnel DROP-off")
    assert dialog.save() is None and "already a cohort named" in dialog.error.text()
    dialog.list.setCurrentRow(0)
    dialog.delete_current()
    assert window.document.project.cohorts == [] and dialog.list.count() == 0
    window.document.undo_stack.undo()
    assert [c.name for c in window.document.project.cohorts] == ["Funnel drop-off"] and dialog.list.count() == 1


def test_a_cohort_of_users_active_in_a_range(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    """'Did an event' offers any event, as 'First seen' does: users active between two days (a period's active
    users, as step 4 lists them on a warehouse), kept as they are when the cohort is opened again."""
    dialog = page.edit_cohorts()
    qtbot.waitExposed(dialog)
    dialog.name.setText("Active in March")
    row = dialog.rows[0]
    assert row.editors["event"].currentText() == "(any event)"
    row.editors["start"].setText("2024-03-01")
    row.editors["end"].setText("2024-03-31")
    cohort = dialog.save()
    assert cohort is not None and cohort.conditions[0]["event"] is None
    assert dialog.summary.text().startswith("Users who did any event at least once between 2024-03-01 and 2024-03-31")
    assert dialog.grab().save(str(SCREENSHOTS / "cohorts-dialog-any-event.png"))
    dialog.new_cohort()
    dialog.list.setCurrentRow(0)
    assert dialog.rows[0].editors["event"].currentText() == "(any event)"
    assert dialog.rows[0].condition() == cohort.conditions[0]
    inputs = AnalysisInputs(window.document.project)
    assert inputs.log is not None
    assert 0 < int(cohort_mask(inputs.log, cohort.conditions).sum()) < inputs.log.n_users
    dialog.close()
