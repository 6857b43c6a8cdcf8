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


def test_a_heading_or_paragraph_after_a_table_stands_clear_of_its_last_row(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt lays a block right after a table out without its top margin: the report's headings and captions sat
    against the tables above them (the gap was the cell's padding, 5.5 px)."""
    from PySide6.QtCore import QSizeF

    from usagelens.report.paged_document import TABLE_GAP

    for after, room in (("<h2>Next</h2>", 14), ("<h3>Next</h3>", 10), ("<p class='caption'>Next</p>", TABLE_GAP)):
        doc = PagedDocument("t")
        doc.html("<p>Intro</p>")
        doc.html(table_html(["A"], [["x"], ["last row"]]))
        doc.html(after)
        doc.document.setPageSize(QSizeF(doc.content_width, 5000))
        layout, block, tops = doc.document.documentLayout(), doc.document.begin(), {}
        while block.isValid():
            tops[block.text()] = layout.blockBoundingRect(block)
            block = block.next()
        assert tops["Next"].top() - tops["last row"].bottom() >= room, after


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


def test_no_cell_of_the_data_sources_table_breaks_inside_a_word(qapp) -> None:  # type: ignore[no-untyped-def]
    """Laid out on the page as the report does: "Customers" broke as "Customer|s" while letters were counted alike."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextTable

    headers = ["Source", "Kind", "File", "Rows", "Unreadable dates", "Cleaning steps", "Analysed"]
    rows = [["Planwise events (Jan–Jun 2024)", "Behaviour (event log)", "events.csv", "216,777", "0", "0", "yes"],
            ["Customers (CRM export)", "Customers (identity / attributes)", "customers.xlsx", "3,000", "0", "0", "yes"],
            ["Billing (monthly charges)", "Revenue (transactions)", "revenue.csv", "4,258", "0", "0", "yes"],
            ["Website traffic (GA4)", "Metrics (counts per day)", "web_traffic.csv", "911", "0", "0", "yes"]]
    doc = PagedDocument("t")
    doc.html(table_html(headers, rows, numeric={3, 4, 5}))
    doc.document.setPageSize(QSizeF(doc.content_width, 5000))  # the width paint() lays the report out at
    (table,) = [f for f in doc.document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for r in range(table.rows()):
        for c in range(table.columns()):
            block = table.cellAt(r, c).firstCursorPosition().block()
            text, layout = block.text(), block.layout()
            for i in range(1, layout.lineCount()):
                start = layout.lineAt(i).textStart()
                assert text[start - 1] in " /-", (text, text[:start], layout.lineAt(i).width())
