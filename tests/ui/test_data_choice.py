"""Step 4 says which data it analyses and lets the user choose; the PDF names the same sources."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from usagelens.model import Source, SourceKind, load_project
from usagelens.model.commands import InsertItem
from usagelens.ui import data_choice_dialog
from usagelens.ui.data_choice_dialog import DataChoiceDialog
from usagelens.ui.qt import Qt
from usagelens.workspace.summary import ReportOptions, gather_summary


def _second_log(project) -> Source:  # type: ignore[no-untyped-def]
    first = project.sources_of(SourceKind.EVENTS)[0]
    table = first.table.iloc[:500].copy()
    return Source("mobile.csv", SourceKind.EVENTS, table, roles=dict(first.roles))


def test_the_page_names_both_logs_and_the_choice_narrows_them(qtbot, window, wait_idle, demo_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_path(demo_path, ask=False)
    project = window.document.project
    window.document.push(InsertItem(("sources",), _second_log(project)))
    window.go_to_step(4)
    page = window.pages[3]
    wait_idle()
    assert "Events: Planwise events (Jan–Jun 2024) + mobile.csv (combined)" in page.data_label.text()
    assert page.data_button.isVisible()
    page.inputs.log  # noqa: B018 - loads the combined log
    assert page.inputs.log.n_events == len(project.sources_of(SourceKind.EVENTS)[0].table) + 500

    def only_the_first(dialog: DataChoiceDialog) -> int:
        widget = dialog.lists[SourceKind.EVENTS]
        widget.item(1).setCheckState(Qt.CheckState.Unchecked)
        return 1

    monkeypatch.setattr(DataChoiceDialog, "exec", only_the_first)
    assert data_choice_dialog.choose_data(window.document, window)
    wait_idle()
    qtbot.waitUntil(lambda: "mobile.csv is not analysed" in page.data_label.text())
    assert "Events: Planwise events (Jan–Jun 2024) ·" in page.data_label.text()
    window.document.undo_stack.undo()
    assert window.document.project.analysed == {}


def test_the_pdf_names_the_analysed_sources(qtbot, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.report.pdf import export_pdf

    project = load_project(demo_path)
    project.sources.append(_second_log(project))
    out = tmp_path / "two.pdf"
    export_pdf(gather_summary(project), out, ReportOptions(sections=("objectives", "data")))
    text = " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in PdfReader(out).pages)).split())
    assert "Analysed: Events: Planwise events (Jan–Jun 2024) + mobile.csv (combined)" in text
    assert "on Planwise events (Jan–Jun 2024) + mobile.csv (combined)" in text  # the KPI says what it is measured on


def test_a_kind_with_every_source_checked_is_left_to_the_default(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = load_project(demo_path)
    project.sources.append(_second_log(project))
    dialog = DataChoiceDialog(project)
    qtbot.addWidget(dialog)
    assert dialog.analysed() == {}
    dialog.lists[SourceKind.EVENTS].item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.analysed() == {"events": [project.sources[-1].id]}
    assert isinstance(project.sources[0].table, pd.DataFrame)
