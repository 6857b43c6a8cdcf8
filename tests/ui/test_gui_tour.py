"""A user's walk through the app on the demo project: every step, an import, an edit, save, reopen, PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from usagelens.model import load_project
from usagelens.ui.import_dialog import ImportDialog

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_tour_of_every_step(qtbot, window, wait_idle, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(demo_path, ask=False)
    assert "demo.ulens" in window.windowTitle()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(window.pages, start=1):
        window.go_to_step(number)
        assert window.stack.currentWidget() is page
        wait_idle()
        assert window.grab().save(str(SCREENSHOTS / f"step{number}.png"))
    analyse = window.pages[3]
    assert analyse.result is not None and analyse.result.n_events > 100_000
    assert analyse.table.model.rowCount() >= 10
    review = window.pages[7]
    assert any(v.value is not None for v in review.current.values())
    clean = window.pages[2]
    assert clean.result is not None and clean.quality.model.rowCount() > 3


def test_import_edit_save_reopen_and_export(qtbot, window, wait_idle, pdf_text, demo_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            samples_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_path(demo_path, ask=False)
    sources_before = len(window.document.project.sources)

    def run_dialog(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.previewing(), timeout=20000)
        assert dialog.import_button.isEnabled(), dialog.error.text()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.source is not None or dialog.error.isVisible(), timeout=60000)
        return int(dialog.source is not None)

    monkeypatch.setattr(ImportDialog, "exec", run_dialog)
    assert window.import_data(str(samples_dir / "survey.csv"))
    imported = window.document.project.sources[-1]
    assert len(window.document.project.sources) == sources_before + 1
    assert imported.kind.value == "feedback" and len(imported.table) > 100
    assert window.isWindowModified()

    window.go_to_step(1)
    objectives = window.pages[0].objectives
    index = objectives.model.index(0, 0)
    assert objectives.model.setData(index, "Lift weekly actives — ✓ edited", Qt.ItemDataRole.EditRole)
    assert window.document.project.objectives[0].statement == "Lift weekly actives — ✓ edited"
    window.document.undo_stack.undo()
    assert window.document.project.objectives[0].statement != "Lift weekly actives — ✓ edited"
    window.document.undo_stack.redo()

    saved = tmp_path / "edited.ulens"
    assert window.save_to(saved)
    assert not window.isWindowModified()
    reopened = load_project(saved)
    assert reopened.objectives[0].statement == "Lift weekly actives — ✓ edited"
    assert len(reopened.sources) == sources_before + 1

    assert window.open_path(saved, ask=False)
    pdf = tmp_path / "summary.pdf"
    window.export_pdf(str(pdf))
    wait_idle()
    qtbot.waitUntil(pdf.exists, timeout=30000)
    text = pdf_text(pdf)
    assert "Lift weekly actives" in text
    assert 2 <= len(PdfReader(pdf).pages) <= 12
