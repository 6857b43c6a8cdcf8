"""Testimonials, improvement suggestions and endorsements counted per month, by hand-counted fixtures."""

from __future__ import annotations

from datetime import date

import pandas as pd

from usagelens.model import Endorsement, Finding, Quote, QuoteMark, Review, Stance
from usagelens.workspace.voices import marked_quotes, quote_line, voices_per_month


def _months(table: pd.DataFrame) -> list[str]:
    return [f"{m:%Y-%m}" for m in table["month"]]


def test_nothing_marked_nor_endorsed_counts_nothing() -> None:
    plain = Finding("Plain", created=date(2024, 3, 1), quotes=[Quote("Just evidence")])
    counts = voices_per_month([plain, Finding("Empty")], [Review(date(2024, 4, 1))])
    assert counts.empty and counts.table.empty and counts.undated == 0
    assert list(counts.table.columns) == ["month", "testimonials", "suggestions", "endorsements", "concerns"]
    assert counts.totals() == {"testimonials": 0, "suggestions": 0, "endorsements": 0, "concerns": 0}


def test_one_month() -> None:
    finding = Finding("Exports", created=date(2024, 3, 20), quotes=[
        Quote("Love it", QuoteMark.TESTIMONIAL, date(2024, 3, 2)),
        Quote("Great", QuoteMark.TESTIMONIAL),  # dated by its finding: 20 March
        Quote("Schedule it", QuoteMark.SUGGESTION, date(2024, 3, 31)),
        Quote("Meh"),
    ])
    review = Review(date(2024, 3, 28), endorsements=[Endorsement("Dana"), Endorsement("Sam", stance=Stance.CONCERNS)])
    counts = voices_per_month([finding], [review])
    assert _months(counts.table) == ["2024-03"]
    assert counts.table.iloc[0, 1:].tolist() == [2, 1, 1, 1]
    assert counts.table["testimonials"].dtype == "int64" and not counts.empty


def test_several_months_zero_filled_with_undated_quotes_apart() -> None:
    early = Finding("Early", created=date(2024, 1, 15), quotes=[Quote("Nice", QuoteMark.TESTIMONIAL)])
    undated = Finding("Undated", quotes=[Quote("Faster please", QuoteMark.SUGGESTION),
                                         Quote("Wow", QuoteMark.TESTIMONIAL)])
    late = Finding("Late", created=date(2024, 1, 1), quotes=[Quote("Add dark mode", QuoteMark.SUGGESTION,
                                                                    date(2024, 4, 30))])
    reviews = [Review(date(2024, 4, 2), endorsements=[Endorsement("Dana"), Endorsement("Kim", day=date(2024, 5, 1))]),
               Review(date(2024, 2, 1), endorsements=[Endorsement("Sam", stance=Stance.CONCERNS)])]
    counts = voices_per_month([early, undated, late], reviews)
    assert _months(counts.table) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]
    assert counts.table[["testimonials", "suggestions", "endorsements", "concerns"]].to_numpy().tolist() == [
        [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0], [0, 1, 1, 0], [0, 0, 1, 0]]
    assert counts.undated == 2
    assert counts.totals() == {"testimonials": 1, "suggestions": 1, "endorsements": 2, "concerns": 1}


def test_marked_quotes_oldest_first_with_what_is_known_of_them() -> None:
    a = Finding("A", created=date(2024, 5, 1), quotes=[Quote("Second", QuoteMark.TESTIMONIAL, source="interview")])
    b = Finding("B", quotes=[Quote("Undated", QuoteMark.TESTIMONIAL), Quote("Suggestion", QuoteMark.SUGGESTION)])
    c = Finding("C", quotes=[Quote("First", QuoteMark.TESTIMONIAL, date(2024, 2, 3), "survey answer, score 10")])
    assert [(f.title, q.text) for f, q in marked_quotes([a, b, c], QuoteMark.TESTIMONIAL)] == [
        ("C", "First"), ("A", "Second"), ("B", "Undated")]
    assert quote_line(c.quotes[0]) == "First (testimonial; survey answer, score 10; 2024-02-03)"
    assert quote_line(Quote("Plain")) == "Plain"
