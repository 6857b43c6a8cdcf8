"""The report's voices section: testimonials, suggestions and endorsements per month, the marked quotes with their
findings and each review's endorsements, and a plain sentence when there are none."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from usagelens.model import Action, Endorsement, Finding, Objective, Project, Quote, QuoteMark, Review, Stance
from usagelens.workspace.summary import ReportOptions, gather_summary


def _text(project: Project, tmp_path: Path, options: ReportOptions) -> str:
    from usagelens.report.pdf import export_pdf

    out = tmp_path / "voices.pdf"
    export_pdf(gather_summary(project), out, options)
    pages = " ".join(page.extract_text() for page in PdfReader(out).pages)
    return " ".join(unicodedata.normalize("NFKC", pages).split())


def _project() -> Project:
    objective = Objective("More teams export weekly", id="o1")
    action = Action("Scheduled exports", id="a1")
    exports = Finding("Exports delight", created=date(2024, 3, 5), quotes=[
        Quote("The PDF export saves me an hour every Monday", QuoteMark.TESTIMONIAL, date(2024, 3, 2),
              "survey answer, score 10"),
        Quote("Let me schedule the export", QuoteMark.SUGGESTION, date(2024, 5, 9)),
        Quote("It is fine I guess"),
    ])
    other = Finding("Left out", quotes=[Quote("Not in this report", QuoteMark.TESTIMONIAL, date(2024, 3, 1))])
    review = Review(date(2024, 4, 1), endorsements=[
        Endorsement("Dana Ruiz", "VP Product", "The export roadmap", about="o1"),
        Endorsement("Sam Lee", "Support lead", "Scheduling first", Stance.CONCERNS, date(2024, 4, 3), about="a1"),
    ])
    return Project(objectives=[objective], actions=[action], findings=[exports, other], reviews=[review])


def test_the_section_counts_per_month_and_quotes_the_chosen_findings(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = _project()
    text = _text(project, tmp_path, ReportOptions(sections=("voices",), finding_ids=(project.findings[0].id,)))
    assert "Customer and stakeholder voices" in text
    assert "Mar 2024 1 0 0 0 Apr 2024 0 0 1 1 May 2024 0 1 0 0 All 1 1 1 1" in text
    assert "“The PDF export saves me an hour every Monday” from “Exports delight”; testimonial; survey answer, " \
           "score 10; 2024-03-02" in text
    assert "“Let me schedule the export”" in text
    assert "Not in this report" not in text and "It is fine I guess" not in text
    assert "Review of 2024-04-01" in text
    assert "Dana Ruiz VP Product endorses The export roadmap Objective: More teams export weekly 2024-04-01" in text
    assert "Sam Lee Support lead has concerns Scheduling first Action: Scheduled exports 2024-04-03" in text


def test_nothing_marked_says_so(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = _text(Project(findings=[Finding("Plain", quotes=[Quote("Evidence only")])]), tmp_path,
                 ReportOptions(sections=("voices",)))
    assert "No quote is marked as a testimonial or an improvement suggestion (step 5)" in text


def test_the_workbook_has_the_counts_and_the_endorsements() -> None:
    from usagelens.workspace.tables import report_tables

    project = _project()
    tables = report_tables(gather_summary(project))
    assert list(tables)[-3:] == ["Reviews", "Voices per month", "Endorsements"]
    counts = tables["Voices per month"]
    assert counts["Testimonials"].tolist() == [2, 0, 0] and counts["Concerns"].tolist() == [0, 1, 0]
    endorsements = tables["Endorsements"]
    assert endorsements[["who", "stance", "about"]].values.tolist() == [
        ["Dana Ruiz", "endorses", "Objective: More teams export weekly"],
        ["Sam Lee", "has concerns", "Action: Scheduled exports"]]
    assert endorsements["given"].dt.date.tolist() == [date(2024, 4, 1), date(2024, 4, 3)]
    assert "Let me schedule the export (improvement suggestion; 2024-05-09)" in tables["Findings"]["quotes"].iloc[0]
    assert "Voices per month" not in report_tables(gather_summary(Project()))
