"""Findings carry their evidence into the PDF: the pinned chart, the settings in one line, the data range
and whether today's data still gives the same numbers."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from usagelens.model import Finding, Project, SavedAnalysis, load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import AnalysisInputs, rerun
from usagelens.workspace.evidence import table_fingerprint
from usagelens.workspace.summary import ReportOptions, gather_summary

FUNNEL = SavedAnalysis("Invite funnel", "funnel", {"steps": ["signup", "create_project", "invite_teammate"],
                                                   "window_days": 14, "order": "sequential"})


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(demo_project())


def _png(qtbot) -> bytes:  # type: ignore[no-untyped-def]
    from usagelens.charts.export import image_bytes
    from usagelens.ui.qt import QColor, QImage

    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#0072B2"))
    return image_bytes(image)


def _report(project: Project, findings: list[Finding], tmp_path: Path) -> tuple[PdfReader, str]:
    from usagelens.report.pdf import export_pdf

    project.findings = findings
    out = tmp_path / "findings.pdf"
    export_pdf(gather_summary(project), out, ReportOptions(sections=("findings",)))
    reader = PdfReader(out)
    text = " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages)).split())
    return reader, text


def test_a_pinned_finding_prints_its_chart_settings_range_and_check(qtbot, project: Project,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    table = rerun(AnalysisInputs(project), FUNNEL).table
    pinned = Finding("Invites leak", "Few invite.", analysis=FUNNEL, evidence_summary=table_fingerprint(table),
                     snapshot=_png(qtbot))
    reader, text = _report(project, [pinned], tmp_path)
    assert sum(len(page.images) for page in reader.pages) == 1
    assert "Evidence: Funnel · Steps: signup → create_project → invite_teammate" in text
    assert "Data: 1 Jan 2024 – 30 Jun 2024" in text
    assert "Today: Same numbers as when the finding was pinned." in text


def test_changed_numbers_and_unpinned_charts_are_said(qtbot, project: Project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stale = Finding("Invites leak", analysis=FUNNEL, evidence_summary="3x6:000000000000")
    by_hand = Finding("Written by hand", "No analysis behind it.")
    reader, text = _report(project, [stale, by_hand], tmp_path)
    assert "The numbers changed since the finding was pinned" in text
    assert "drawn from today's data (no chart was pinned)" in text
    assert sum(len(page.images) for page in reader.pages) == 0  # today's chart is a vector drawing
    assert text.count("Evidence:") == 1
