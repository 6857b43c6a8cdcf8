"""Step 4's pain points on the demo: the Android rows on top, and any row pinned as a finding with its evidence
(its signals, the score's formula, the users' quote), which step 5 lists and a re-compute confirms."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import QMenu

from usagelens.workspace.analyses import recompute
from usagelens.workspace.analyses.pain_points import SCORE_TEXT

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_a_pain_point_row_is_pinned_with_its_evidence(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=60000) as blocker:
        page.gallery.select_kind("pain_points")
    result = blocker.args[0]
    assert not result.empty and result.table["segment"].iloc[0] == "android"
    assert SCORE_TEXT in page.message.text()  # the formula is stated where the table is read
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab()
    qtbot.wait(5)
    assert window.grab().save(str(SCREENSHOTS / "analysis-pain_points-top.png"))

    menu = QMenu()
    page.table.row_menu(menu, 2)
    pin = next(action for action in menu.actions() if action.text() == "Pin this row as a finding")
    pin.trigger()
    finding = window.document.project.findings[-1]
    row = result.table.iloc[2]
    assert finding.kind == "pain point" and finding.title == f"Pain point: {row['step']} · {row['segment']}"
    assert [q.text for q in finding.quotes] == [row["quote"]] and SCORE_TEXT in finding.detail
    assert finding.snapshot and finding.snapshot.startswith(b"\x89PNG")

    top = page.pin_finding()  # the toolbar's button, with no row selected: the most painful row
    assert top is not None and top.title == f"Pain point: {result.table['step'].iloc[0]} · android"
    window.go_to_step(5)
    findings = window.pages[4].entities
    titles = [findings.model.data(findings.model.index(r, 0)) for r in range(findings.model.rowCount())]
    assert finding.title in titles and top.title in titles
    assert finding.analysis is not None
    pd.testing.assert_frame_equal(recompute(window.document.project, finding.analysis).table, result.table)
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert finding not in window.document.project.findings
