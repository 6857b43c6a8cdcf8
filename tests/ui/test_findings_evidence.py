"""Step 5's evidence and feedback, and step 6's sortable plan, walked through on the demo project."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QItemSelectionModel, Qt

from usagelens.model import Action
from usagelens.model.commands import RemoveItem
from usagelens.workspace.analyses import ANALYSES
from usagelens.workspace.evidence import compare_evidence, table_fingerprint


def _column(model, field: str) -> int:  # type: ignore[no-untyped-def]
    return [model.column_spec(n).field for n in range(model.columnCount())].index(field)


def _select(view, row: int) -> None:  # type: ignore[no-untyped-def]
    """Select one row whatever keyboard modifiers earlier tests left pressed (``selectRow`` honours them)."""
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), flags)


def test_fingerprint_ignores_float_noise_and_sees_changes() -> None:
    table = pd.DataFrame({"period": ["a", "b"], "rate": [0.1 + 0.2, 0.5]})
    pinned = table_fingerprint(table)
    assert compare_evidence(pinned, table.assign(rate=[0.3, 0.5])).changed is False
    changed = compare_evidence(pinned, pd.concat([table, table]))
    assert changed.changed is True and "2 → 4 rows" in changed.text
    assert compare_evidence("", table).changed is None


def test_pinned_finding_shows_its_evidence_recomputes_and_links_hypotheses(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, demo_path: Path, tmp_path: Path) -> None:
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(4)
    analyse = window.pages[3]
    qtbot.waitUntil(lambda: analyse.result is not None, timeout=60000)
    wait_idle()
    finding = analyse.pin_finding()
    assert finding is not None and finding.evidence_summary == table_fingerprint(analyse.result.table)

    window.go_to_step(5)
    page = window.pages[4]
    project = window.document.project
    _select(page.entities.view, project.findings.index(finding))
    assert page.entities.selected_item() is finding
    assert not page.detail.snapshot.pixmap().isNull()
    assert ANALYSES[finding.analysis.kind].title in page.detail.settings.text()
    page.detail.recompute_button.click()
    wait_idle()
    assert "Same numbers" in page.detail.status.text()
    finding.evidence_summary = "1x1:000000000000"  # as if the data had changed since pinning
    page.detail.recompute()
    wait_idle()
    assert "changed" in page.detail.status.text()
    window.grab().save(str(tmp_path / "step5.png"))

    # What the data shows is written in the panel; leaving the box records one undoable edit.
    edit = page.detail.detail.edit
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setPlainText("Adoption tripled after the release.")
    assert finding.detail != "Adoption tripled after the release."  # nothing recorded while typing
    edit.clearFocus()
    assert finding.detail == "Adoption tripled after the release."
    window.document.undo_stack.undo()
    assert finding.detail != "Adoption tripled after the release."
    qtbot.waitUntil(lambda: edit.toPlainText() == finding.detail)

    # Hypotheses offered are those of the objectives the finding is tied to.
    objective = project.objectives[0]
    page.links.list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: page.hypotheses.list.count() == len(objective.hypotheses))
    page.hypotheses.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert finding.hypothesis_ids == [objective.hypotheses[0].id]
    window.document.undo_stack.undo()
    assert finding.hypothesis_ids == []


def test_feedback_themes_and_citing_a_comment(qtbot, window, wait_idle, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(5)
    page = window.pages[4]
    page.tabs.setCurrentWidget(page.feedback)
    wait_idle()
    panel = page.feedback
    comments = panel.comments
    total = comments.model.rowCount()
    assert total > 100
    comments.filter_edit.setText("export")
    assert 0 < comments.model.rowCount() < total
    comments.filter_edit.clear()

    project = window.document.project
    assert len(project.themes) == 5 and not panel.starter_button.isVisible()  # the demo ships starter themes
    for rule in list(project.themes):
        window.document.push(RemoveItem(("themes",), rule.id))
    wait_idle()
    assert panel.starter_button.isVisible()
    panel.starter_button.click()
    wait_idle()
    assert len(project.themes) == 5 and not panel.starter_button.isVisible()
    counts = panel.counts.model.frame()
    assert list(counts["theme"])[-1] == "(no theme)" and counts["comments"].sum() >= total
    rules = panel.rules.model
    assert rules.setData(rules.index(0, 1), "android, crash", Qt.ItemDataRole.EditRole)
    assert project.themes[0].keywords == ["android", "crash"]
    wait_idle()
    panel.theme_filter.setCurrentIndex(panel.theme_filter.findData(project.themes[0].id))
    assert 0 < comments.model.rowCount() < total

    # A theme picked in the counts lists all its comments, ready to cite.
    counts = panel.counts.model
    row = counts.frame()["theme"].tolist().index(project.themes[1].name)
    panel.show_theme_of_row(row)
    assert panel.theme_filter.currentData() == project.themes[1].id
    assert comments.model.rowCount() == int(panel._data.masks[project.themes[1].id].sum())

    finding = project.findings[1]
    _select(page.entities.view, 1)
    _select(comments.view, 0)
    quote = panel.selected_comment()
    panel.cite_button.click()
    assert [q.text for q in finding.quotes] == [quote]
    quotes = page.detail.quotes.model  # the finding's panel lists them
    qtbot.waitUntil(lambda: quotes.rowCount() == 1 and quotes.data(quotes.index(0, 0)) == quote)
    panel.cite_button.click()
    assert len(finding.quotes) == 1 and "already" in panel.status.text()
    window.document.undo_stack.undo()
    assert finding.quotes == []


def test_action_plan_sorts_by_rice_and_filters(qtbot, window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(6)
    plan = window.pages[5].entities
    project = window.document.project
    model = plan.model
    scores = {1: ("1500", "2", "0.8", "4"), 2: ("300", "1", "1", "1")}  # RICE 600 and 300
    for row, values in scores.items():
        for field, value in zip(("reach", "impact", "confidence", "effort"), values, strict=True):
            assert model.setData(model.index(row, _column(model, field)), value, Qt.ItemDataRole.EditRole)
    plan.view.sortByColumn(_column(model, "rice"), Qt.SortOrder.DescendingOrder)
    _select(plan.view, 0)
    assert plan.selected_item() is project.actions[1]
    _select(plan.view, 1)
    assert plan.selected_item() is project.actions[2]
    assert [a.id for a in project.actions].index(project.actions[1].id) == 1  # the project's order is untouched

    plan.view.sortByColumn(_column(model, "rice"), Qt.SortOrder.AscendingOrder)
    assert plan.proxy.index(0, 0).data() == project.actions[2].title
    assert plan.proxy.index(1, 0).data() == project.actions[1].title  # unscored actions stay last

    title = project.actions[2].title
    plan.filter_edit.setText(title)
    assert plan.view.model().rowCount() == 1
    _select(plan.view, 0)
    removed = plan.selected_item()
    assert removed is project.actions[2]
    plan.remove_selected()
    assert removed not in project.actions and isinstance(project.actions[0], Action)
    plan.add_item()
    assert plan.filter_edit.text() == "" and plan.selected_item() is project.actions[-1]


def test_expected_effect_is_written_beside_the_plan(qtbot, window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(6)
    page = window.pages[5]
    action = window.document.project.actions[0]
    _select(page.entities.view, 0)
    qtbot.waitUntil(lambda: page.expected.edit.toPlainText() == action.expected_impact)
    view = page.entities.view
    assert view.horizontalHeader().length() <= view.viewport().width()  # no sideways scrolling at 1280 px
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.expected.edit.setFocus()
    qtbot.waitUntil(page.expected.edit.hasFocus)
    page.expected.edit.setPlainText("Weekly reminder use from 10% to 35%")
    page.expected.edit.clearFocus()
    assert action.expected_impact == "Weekly reminder use from 10% to 35%"
    window.document.undo_stack.undo()
    assert action.expected_impact != "Weekly reminder use from 10% to 35%"
