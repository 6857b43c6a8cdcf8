"""The stakeholder report: chosen sections, contents page, executive summary, workbook, headless CLI."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from usagelens.app import main
from usagelens.model import Project, Review, ThemeRule, load_project, save_project
from usagelens.paths import demo_project
from usagelens.workspace.summary import SECTIONS, ReportOptions, gather_summary


@pytest.fixture(scope="module")
def demo() -> Project:
    project = load_project(demo_project())
    project.themes = [ThemeRule("Crashes", ["crash"]), ThemeRule("Exports", ["export"])]
    project.reviews = [Review(date(2024, 7, 1), "First look", {project.objectives[0].id: 0.31}, date(2024, 6, 30))]
    return project


def test_full_report_has_every_section_a_contents_page_and_sane_length(
    qtbot,
    demo: Project,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    pdf_text,
) -> None:
    from usagelens.report.pdf import export_pdf

    out = tmp_path / "report.pdf"
    pages = export_pdf(gather_summary(demo), out)
    text = unicodedata.normalize("NFKC", pdf_text(out))  # Qt's PDFs use ligatures ("ﬁ")
    assert 5 <= pages == len(PdfReader(out).pages) <= 14
    assert "Contents" in text and f"Page 1 of {pages}" in text
    for number, title in enumerate(SECTIONS.values(), start=1):
        assert text.count(f"{number}. {title}") >= 2, title  # in the contents and as the heading
    assert "target reached" in text and "Top findings" in text and "Top actions" in text
    assert "What shipped changed" in text and "increase" in text and "95% CI" in text
    assert "Crashes" in text and "First look" in text
    assert "Data period: 1 Jan 2024 – 30 Jun 2024" in text and ".;" not in text  # days as the findings write them


def test_chosen_sections_and_findings_only(qtbot, demo: Project, tmp_path: Path, pdf_text) -> None:  # type: ignore[no-untyped-def]
    from usagelens.report.pdf import export_pdf

    out = tmp_path / "short.pdf"
    kept = demo.findings[0]
    options = ReportOptions(sections=("summary", "findings"), finding_ids=(kept.id,))
    export_pdf(gather_summary(demo), out, options)
    text = pdf_text(out)
    assert "1. Executive summary" in text and "2. Findings" in text
    assert "Action plan" not in text and "Data sources" not in text
    assert kept.title.split(":")[0] in text
    assert all(f.title.split(",")[0] not in text for f in demo.findings[1:])


def test_workbook_has_a_sheet_per_table_and_formula_like_text_stays_text(demo: Project, tmp_path: Path) -> None:
    from usagelens.workspace.tables import export_xlsx

    demo.findings[0].detail = '=HYPERLINK("http://evil")'
    try:
        out = tmp_path / "tables.xlsx"
        assert export_xlsx(gather_summary(demo), out) == 8
    finally:
        demo.findings[0].detail = ""
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Objectives",
        "Hypotheses",
        "Revenue",
        "Findings",
        "Actions",
        "Impact",
        "Feedback themes",
        "Reviews",
    ]
    cell = book["Findings"]["D2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert book["Impact"]["B2"].value == "increase"


def test_cli_writes_pdf_and_workbook(
    qtbot,
    demo: Project,
    tmp_path: Path,
    pdf_text,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "demo.ulens"
    save_project(demo, project)
    out, xlsx = tmp_path / "summary.pdf", tmp_path / "tables.xlsx"
    assert main(["report", str(project), "--out", str(out), "--xlsx", str(xlsx), "--sections", "summary,impact"]) == 0
    assert "2. Implementation and measured impact" in pdf_text(out) and xlsx.exists()
    assert "sheets" in capsys.readouterr().out
    assert main(["report", str(project), "--out", str(out), "--sections", "summary,nope"]) == 2
    assert "unknown section 'nope'" in capsys.readouterr().err
    assert main(["report", str(project), "--out", str(out), "--xlsx", str(tmp_path / "t.csv")]) == 2
