"""Step 8's loop: refresh the sources from new exports, record a review on the new data, compare it."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from usagelens.model import Source, SourceKind
from usagelens.ui.pages import review as review_page


def _truncated_events(tmp_path: Path, before: str) -> Path:
    """samples/events.csv up to (not including) ``before``, as a customer's earlier export would be."""
    original = Path(__file__).parents[2] / "samples" / "events.csv"
    target = tmp_path / "events_until_may.csv"
    with original.open(newline="", encoding="utf-8") as src, target.open("w", newline="", encoding="utf-8") as out:
        reader, writer = csv.reader(src), csv.writer(out)
        writer.writerow(next(reader))
        writer.writerows(row for row in reader if row[1] < before)
    return target


def test_refresh_data_records_a_comparable_review(window, wait_idle, demo_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_path(demo_path, ask=False)
    project = window.document.project
    window.go_to_step(8)
    wait_idle()
    page = window.pages[7]
    page.reviews.add_item()
    previous = project.reviews[-1]
    assert previous.data_until == date(2024, 6, 30)

    new_file = _truncated_events(tmp_path, "2024-06-01")
    asked: list[str] = []

    def choose(_parent, source: Source) -> str:  # type: ignore[no-untyped-def]
        asked.append(source.name)
        return str(new_file) if source.kind == SourceKind.EVENTS else ""  # the other sources are skipped

    monkeypatch.setattr(review_page, "choose_refresh_file", choose)
    events = project.sources_of(SourceKind.EVENTS)[0]
    rows_before = len(events.table)
    page.refresh_data()
    wait_idle()

    assert asked == [s.name for s in project.sources]
    assert len(project.reviews) == 2
    recorded = project.reviews[-1]
    assert recorded.data_until == date(2024, 5, 31)
    assert recorded.values.keys() & previous.values.keys()
    assert any(recorded.values[k] != previous.values[k] for k in recorded.values.keys() & previous.values.keys())
    assert len(events.table) < rows_before and events.file_name == new_file.name

    # The reviews table compares each KPI with the review before it.
    model = page.reviews.model
    column = [model.column_spec(n).field for n in range(model.columnCount())].index("values")
    assert "pts)" not in model.data(model.index(0, column))  # the first review has nothing to compare with
    assert "pts)" in model.data(model.index(1, column))

    # The reloads and the review are one undoable step.
    window.document.undo_stack.undo()
    wait_idle()
    assert len(project.reviews) == 1 and len(project.sources_of(SourceKind.EVENTS)[0].table) == rows_before
