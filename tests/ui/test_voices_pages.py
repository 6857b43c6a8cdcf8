"""Marking quotes in step 5 and recording endorsements in step 8, each undoable, counted per month beside them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from usagelens.model import QuoteMark, Stance
from usagelens.ui.qt import QItemSelectionModel, Qt

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _select(view, row: int) -> None:  # type: ignore[no-untyped-def]
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), flags)


def _cell(model, row: int, field: str) -> str:  # type: ignore[no-untyped-def]
    column = [model.column_spec(n).field for n in range(model.columnCount())].index(field)
    return str(model.data(model.index(row, column)))


def test_cite_a_comment_as_a_testimonial_and_mark_another_quote(qtbot, window, wait_idle,  # type: ignore[no-untyped-def]
                                                                demo_path: Path) -> None:
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(5)
    page = window.pages[4]
    page.tabs.setCurrentWidget(page.feedback)
    wait_idle()
    panel, project = page.feedback, window.document.project
    finding = project.findings[0]
    _select(page.entities.view, 0)
    frame = panel.comments.model.frame()
    row = int(frame["score"].idxmax())  # a promoter's comment
    panel.cite_row(row, QuoteMark.TESTIMONIAL)
    quote = finding.quotes[-1]
    answer = frame.iloc[row]
    assert quote.mark == QuoteMark.TESTIMONIAL and quote.said == answer["time"].date()
    assert quote.source == f"survey answer, score {answer['score']:g}" and "as testimonial" in panel.status.text()
    panel.cite_row(row, QuoteMark.SUGGESTION)  # cited again with another mark: re-marked, not cited twice
    assert finding.quotes[-1] is quote and quote.mark == QuoteMark.SUGGESTION
    window.document.undo_stack.undo()
    assert quote.mark == QuoteMark.TESTIMONIAL

    page.tabs.setCurrentIndex(0)
    quotes = page.detail.quotes
    qtbot.waitUntil(lambda: quotes.model.rowCount() == len(finding.quotes))
    last = quotes.model.rowCount() - 1
    assert _cell(quotes.model, last, "mark") == "Testimonial"
    _select(quotes.view, last)
    quotes.mark_selected(QuoteMark.SUGGESTION)
    assert quote.mark == QuoteMark.SUGGESTION and _cell(quotes.model, last, "mark") == "Suggestion"
    assert quotes.model.setData(quotes.model.index(last, 1), "Evidence", Qt.ItemDataRole.EditRole)  # the Mark column
    assert quote.mark == QuoteMark.NONE
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert quote.mark == QuoteMark.TESTIMONIAL
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "findings-quotes.png"))


def test_record_an_endorsement_with_a_review_and_count_it(qtbot, window, wait_idle,  # type: ignore[no-untyped-def]
                                                          demo_path: Path) -> None:
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(8)
    wait_idle()
    page, project = window.pages[7], window.document.project
    page.reviews.add_item()
    review = project.reviews[-1]
    _select(page.reviews.view, len(project.reviews) - 1)
    endorsements = page.voices.endorsements
    endorsements.add_item()
    endorsement = review.endorsements[0]
    assert endorsement.day == review.date and endorsement.stance == Stance.ENDORSES
    model = endorsements.model
    assert model.setData(model.index(0, 0), "Dana Ruiz", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(0, 2), "has concerns", Qt.ItemDataRole.EditRole)
    objective = project.objectives[0]
    assert model.setData(model.index(0, 4), f"Objective: {objective.statement}", Qt.ItemDataRole.EditRole)
    assert (endorsement.name, endorsement.stance, endorsement.about) == ("Dana Ruiz", Stance.CONCERNS, objective.id)
    assert _cell(page.reviews.model, len(project.reviews) - 1, "endorsements") == "1 has concerns"

    counts = page.voices.counts.model.frame()
    month = date.today().replace(day=1)
    assert counts.iloc[-1]["Concerns"] == 1 and counts.iloc[-1]["Month"].endswith(str(month.year))
    assert counts.iloc[-1][["Testimonials", "Improvement suggestions", "Endorsements"]].sum() == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "review-endorsements.png"))
    page.voices.tabs.setCurrentIndex(1)
    assert window.grab().save(str(SCREENSHOTS / "review-voices-per-month.png"))

    for _ in range(4):  # the about, the stance, the name and the endorsement itself
        window.document.undo_stack.undo()
    assert review.endorsements == []
    assert page.voices.counts.model.frame()["Concerns"].sum() == 0
    window.document.undo_stack.redo()
    assert review.endorsements[0] is endorsement and endorsement.name == ""
    endorsements.view.selectRow(0)
    endorsements.remove_selected()
    assert review.endorsements == []
