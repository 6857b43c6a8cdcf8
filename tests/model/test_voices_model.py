"""Marked quotes and stakeholders' endorsements in the project: saved and opened as they were, a format-2 file's
plain-text quotes brought up unmarked, each edit undone and redone in one step."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from usagelens.model import (
    Endorsement,
    Finding,
    Project,
    ProjectFileError,
    Quote,
    QuoteMark,
    Review,
    Stance,
    load_project,
    save_project,
)
from usagelens.model.commands import InsertItem, RemoveItem, SetField
from usagelens.model.project_file import FORMAT_VERSION

# Saved by UsageLens at format 2 (commit 75210e1), when a quote was its text alone; kept as it was written.
FORMAT_2 = Path(__file__).parents[1] / "data" / "projects" / "format-2.ulens"


def _project() -> Project:
    finding = Finding("Exports delight", created=date(2024, 3, 5), quotes=[
        Quote("The PDF export saves me an hour — ünï", QuoteMark.TESTIMONIAL, date(2024, 3, 2),
              "survey answer, score 10"),
        Quote("Let me schedule it", QuoteMark.SUGGESTION),
        Quote("=SUM(A1)"),
    ])
    review = Review(date(2024, 4, 1), "Exports up", endorsements=[
        Endorsement("Dana Ruiz", "VP Product", "The export roadmap", about="o1"),
        Endorsement("Sam Lee", "Support lead", "Scheduling first", Stance.CONCERNS, date(2024, 4, 3), about="a1"),
    ])
    return Project(findings=[finding], reviews=[review])


def test_marked_quotes_and_endorsements_round_trip(tmp_path: Path) -> None:
    project = _project()
    save_project(project, tmp_path / "p.ulens")
    with zipfile.ZipFile(tmp_path / "p.ulens") as archive:
        assert json.loads(archive.read("manifest.json"))["version"] == FORMAT_VERSION >= 3
        stored = json.loads(archive.read("project.json"))
    assert stored["findings"][0]["quotes"][0]["mark"] == "testimonial"
    assert stored["reviews"][0]["endorsements"][1]["stance"] == "has concerns"
    loaded = load_project(tmp_path / "p.ulens")
    assert loaded.findings == project.findings and loaded.reviews == project.reviews


def test_a_format_2_file_opens_with_its_quotes_unmarked_and_no_endorsements(tmp_path: Path) -> None:
    with zipfile.ZipFile(FORMAT_2) as archive:
        assert json.loads(archive.read("manifest.json"))["version"] == 2
        assert json.loads(archive.read("project.json"))["findings"][0]["quotes"][0].startswith("The PDF export")
    project = load_project(FORMAT_2)
    assert project.name == "Format 2" and len(project.sources[0].table) == 2
    assert [(q.text, q.mark, q.said) for q in project.findings[0].quotes] == [
        ("The PDF export saves me an hour every Monday", QuoteMark.NONE, None),
        ("Please let me schedule the export", QuoteMark.NONE, None),
    ]
    assert project.findings[1].quotes == []
    assert project.reviews[0].endorsements == [] and project.reviews[0].values == {"obj1": 12.0}
    project.findings[0].quotes[0].mark = QuoteMark.TESTIMONIAL
    project.reviews[0].endorsements.append(Endorsement("Dana Ruiz"))
    save_project(project, tmp_path / "again.ulens")
    again = load_project(tmp_path / "again.ulens")
    assert again.findings[0].quotes[0].mark == QuoteMark.TESTIMONIAL
    assert again.reviews[0].endorsements[0].name == "Dana Ruiz"


@pytest.mark.parametrize(("quote", "message"), [
    ({"text": "x", "mark": "praise"}, r"findings\[0\]\.quotes\[0\]\.mark is 'praise', not one of"),
    (7, r"findings\[0\]\.quotes\[0\] should be an object, not a number"),
], ids=["unknown-mark", "number"])
def test_a_bad_quote_names_its_place(tmp_path: Path, quote: object, message: str) -> None:
    with zipfile.ZipFile(tmp_path / "bad.ulens", "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "usagelens-project", "version": 3}))
        archive.writestr("project.json", json.dumps({"findings": [{"title": "t", "quotes": [quote]}]}))
    with pytest.raises(ProjectFileError, match=message):
        load_project(tmp_path / "bad.ulens")


def test_marking_a_quote_and_editing_an_endorsement_undo_and_redo() -> None:
    project = _project()
    finding, review = project.findings[0], project.reviews[0]
    quote = finding.quotes[2]
    undo_mark = SetField(("findings", finding.id, "quotes", quote.id), "mark", QuoteMark.SUGGESTION).apply(project)
    assert quote.mark == QuoteMark.SUGGESTION
    redo_mark = undo_mark.apply(project)
    assert quote.mark == QuoteMark.NONE
    redo_mark.apply(project)
    assert quote.mark == QuoteMark.SUGGESTION

    path = ("reviews", review.id, "endorsements")
    added = Endorsement("Kim Park", "CFO", "Pricing test")
    undo_add = InsertItem(path, added).apply(project)
    undo_stance = SetField((*path, added.id), "stance", Stance.CONCERNS).apply(project)
    undo_remove = RemoveItem(path, review.endorsements[0].id).apply(project)
    assert [(e.name, e.stance) for e in review.endorsements] == [("Sam Lee", Stance.CONCERNS),
                                                                 ("Kim Park", Stance.CONCERNS)]
    undo_remove.apply(project)
    undo_stance.apply(project)
    assert review.endorsements[0].name == "Dana Ruiz" and added.stance == Stance.ENDORSES
    undo_add.apply(project)
    assert [e.name for e in review.endorsements] == ["Dana Ruiz", "Sam Lee"]
