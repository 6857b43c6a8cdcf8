"""How the report lays out text: a heading keeps its room above whatever fragment came before it, and a table
given no widths breaks no word (a file name, "(transactions)") while a column of zeros stands wide."""

from __future__ import annotations

from usagelens.report.paged_document import PagedDocument
from usagelens.workspace.formatting import fitting_widths, table_html


def test_a_heading_keeps_its_margin_after_a_table(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = PagedDocument("t")
    doc.html(table_html(["A"], [["x"]]))
    doc.html("<h2>Next section</h2><p>text</p>")
    doc.page_break()
    doc.html("<h3>On a new page</h3>")
    blocks = {}
    block = doc.document.begin()
    while block.isValid():
        blocks[block.text()] = block.blockFormat()
        block = block.next()
    assert blocks["Next section"].topMargin() >= 10 and blocks["Next section"].headingLevel() == 2
    assert blocks["On a new page"].topMargin() >= 10 and blocks["On a new page"].pageBreakPolicy().value


def test_the_first_paragraph_keeps_its_margin_above(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt lays a document's first block out without its top margin: the cover's 180 px were lost."""
    doc = PagedDocument("t")
    doc.html("<p style='margin-top:180px'>Usage review</p><h1>Project</h1>")
    layout = doc.document.documentLayout()
    block = doc.document.begin()
    while block.text() != "Usage review":
        block = block.next()
    assert layout.blockBoundingRect(block).top() >= 180


def test_widths_give_every_column_its_longest_word() -> None:
    headers = ["Source", "Kind", "File", "Rows", "Unreadable dates"]
    rows = [["Billing (monthly charges)", "Revenue (transactions)", "web_traffic.csv", "4,258", "0"],
            ["In-app NPS survey", "Feedback (survey answers)", "<b>customers.xlsx</b>", "216,777", "0"]]
    widths = fitting_widths(headers, rows)
    assert abs(sum(widths) - 100) <= len(widths)
    per_char = 100 / 94  # percent of the line a character of body text takes
    for column, longest in ((1, "(transactions)"), (2, "customers.xlsx"), (4, "Unreadable")):
        assert widths[column] >= len(longest) * per_char, (column, widths)
    assert widths[0] > widths[4]  # the source's names get more room than a column of zeros
    assert len(fitting_widths(["Review", "Notes"], [["1 Jul 2024", ""]])) == 2  # an empty column too
