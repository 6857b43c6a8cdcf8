"""The project's name: edited in File ▸ Project properties, shown in the title bar, printed on the PDF."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from usagelens.model import Project, load_project
from usagelens.model.entities import DEFAULT_PROJECT_NAME
from usagelens.ui.properties_dialog import ProjectPropertiesDialog
from usagelens.ui.qt import QFileDialog
from usagelens.workspace.summary import gather_summary


def test_properties_edit_name_and_description_in_one_undo_step(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = ProjectPropertiesDialog(window.document.project, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("  Checkout review  ")
    dialog.description.setPlainText("Why carts are abandoned")
    dialog.apply(window.document)
    project = window.document.project
    assert (project.name, project.description) == ("Checkout review", "Why carts are abandoned")
    assert window.windowTitle().startswith("Checkout review")
    window.document.undo_stack.undo()
    assert (project.name, project.description) == (DEFAULT_PROJECT_NAME, "")
    assert window.windowTitle().startswith(DEFAULT_PROJECT_NAME)


def test_an_empty_name_cannot_be_accepted(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = ProjectPropertiesDialog(window.document.project, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("   ")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_save_as_names_an_untitled_project_after_its_file(qtbot, window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "Onboarding Q3.ulens"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    assert window.save_as()
    assert load_project(target).name == "Onboarding Q3"
    assert window.windowTitle().startswith("Onboarding Q3[*]")
    assert not window.isWindowModified()


def test_pdf_cover_and_every_footer_carry_the_name(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.report.pdf import export_pdf

    out = tmp_path / "summary.pdf"
    pages = export_pdf(gather_summary(Project(name="Checkout review")), out)
    texts = [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in PdfReader(out).pages]
    assert len(texts) == pages
    assert all("Checkout review" in text for text in texts)
    assert not any(DEFAULT_PROJECT_NAME in text for text in texts)
