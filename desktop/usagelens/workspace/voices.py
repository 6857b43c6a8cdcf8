"""The qualitative indicators product owners report beside the numbers (issue 16.4): customers' quotes marked as
testimonials or improvement suggestions, and stakeholders' endorsements (or concerns) recorded with reviews,
counted per month.

Step 8 shows the counts and the report prints them with the quotes themselves, so both come from here. A quote
is dated by the day the customer said it, else by its finding's date; an endorsement by the day it was given,
else by its review's date. A marked quote with neither date is counted apart, never put in a month it is not from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from usagelens.model import Endorsement, Finding, Project, Quote, QuoteMark, Review, Stance

COLUMNS = {  # column -> its heading in the step 8 table and the report
    "testimonials": "Testimonials",
    "suggestions": "Improvement suggestions",
    "endorsements": "Endorsements",
    "concerns": "Concerns",
}
_QUOTE_COLUMN = {QuoteMark.TESTIMONIAL: "testimonials", QuoteMark.SUGGESTION: "suggestions"}
_STANCE_COLUMN = {Stance.ENDORSES: "endorsements", Stance.CONCERNS: "concerns"}


@dataclass(frozen=True)
class VoiceCounts:
    """Marked quotes and endorsements per calendar month, every month from the first to the last zero-filled
    (``month`` is the month's first day; the other columns are ``COLUMNS``), and the marked quotes with no date."""

    table: pd.DataFrame
    undated: int = 0

    @property
    def empty(self) -> bool:
        return self.table.empty and not self.undated

    def totals(self) -> dict[str, int]:
        """Each column's count over all months."""
        return {column: int(self.table[column].sum()) for column in COLUMNS}


def quote_note(quote: Quote, day_text: Callable[[date], str] = date.isoformat) -> str:
    """What is known of a quote besides its words: its mark, where and when it was said
    (``"testimonial; survey answer, score 10; 2024-03-02"``), or ``""``."""
    parts = [quote.mark.label.lower()] if quote.mark else []
    parts += [quote.source] if quote.source else []
    parts += [day_text(quote.said)] if quote.said else []
    return "; ".join(parts)


def quote_line(quote: Quote) -> str:
    """A quote as one line of plain text (a workbook's cell): its words, then what is known of it."""
    note = quote_note(quote)
    return f"{quote.text} ({note})" if note else quote.text


def quote_day(finding: Finding, quote: Quote) -> date | None:
    """When a quote counts: the day it was said, else the day its finding was written."""
    return quote.said or finding.created


def endorsement_day(review: Review, endorsement: Endorsement) -> date:
    """When an endorsement counts: the day it was given, else its review's date."""
    return endorsement.day or review.date


def about_choices(project: Project) -> dict[str, str]:
    """What an endorsement can be about, id -> words (``"Objective: …"``, ``"Action: …"``), objectives first."""
    return {o.id: f"Objective: {o.statement}" for o in project.objectives} | {
        a.id: f"Action: {a.title}" for a in project.actions}


def endorsement_about(project: Project, endorsement: Endorsement) -> str:
    """The objective or action an endorsement is about, in words; ``""`` for none (or one since deleted)."""
    return about_choices(project).get(endorsement.about, "") if endorsement.about else ""


def marked_quotes(findings: Iterable[Finding], mark: QuoteMark) -> list[tuple[Finding, Quote]]:
    """The quotes with ``mark``, each with its finding, oldest first (undated ones last, in the findings' order)."""
    found = [(f, q) for f in findings for q in f.quotes if q.mark == mark]
    return sorted(found, key=lambda pair: (quote_day(*pair) is None, quote_day(*pair) or date.min))


def voices_per_month(findings: Iterable[Finding], reviews: Iterable[Review]) -> VoiceCounts:
    """Count the marked quotes of ``findings`` and the endorsements of ``reviews`` per month."""
    counts: Counter[tuple[date, str]] = Counter()
    undated = 0
    for finding in findings:
        for quote in finding.quotes:
            column = _QUOTE_COLUMN.get(quote.mark)
            if column is None:
                continue
            day = quote_day(finding, quote)
            if day is None:
                undated += 1
            else:
                counts[day.replace(day=1), column] += 1
    for review in reviews:
        for endorsement in review.endorsements:
            day = endorsement_day(review, endorsement)
            counts[day.replace(day=1), _STANCE_COLUMN[endorsement.stance]] += 1
    months = sorted({month for month, _ in counts})
    if months:
        months = list(pd.date_range(months[0], months[-1], freq="MS").date)
    table = pd.DataFrame({"month": pd.to_datetime(pd.Series(months, dtype=object))})
    for column in COLUMNS:
        table[column] = pd.array([counts[month, column] for month in months], dtype="int64")
    return VoiceCounts(table, undated)
