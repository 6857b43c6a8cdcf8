"""Laying the stakeholder report out on pages and writing it as a PDF or to a printer (GUI thread only)."""

from __future__ import annotations

import os

from PySide6.QtGui import QPagedPaintDevice, QPdfWriter

from usagelens import __version__
from usagelens.model.atomic_file import replacing
from usagelens.report.paged_document import PagedDocument, default_page_layout
from usagelens.report.sections import WRITERS, ReportCharts
from usagelens.workspace.formatting import esc
from usagelens.workspace.summary import SECTIONS, ReportOptions, SummaryData


def _heading(number: int, key: str) -> str:
    return f"{number}. {SECTIONS[key]}"


def _toc(doc: PagedDocument, entries: list[tuple[str, int | None]]) -> None:
    rows = "".join(
        f"<tr><td>{esc(title)}</td><td class='num'>{'' if page is None else page}</td></tr>" for title, page in entries
    )
    doc.html(f"<h1>Contents</h1><table width='100%' cellpadding='5'>{rows}</table>")


def _layout(data: SummaryData, options: ReportOptions, charts: ReportCharts,
            pages: dict[str, int] | None) -> PagedDocument:
    doc = PagedDocument(f"{data.project.name} — usage summary")
    chosen = [key for key in options.sections if key in WRITERS]
    headings = {key: _heading(number, key) for number, key in enumerate(chosen, start=1)}
    _cover(doc, data)
    doc.page_break()
    _toc(doc, [(headings[key], (pages or {}).get(headings[key])) for key in chosen])
    for number, key in enumerate(chosen):
        # The executive summary has a page of its own; the other sections flow on from each other.
        if number == 0 or key == "summary" or chosen[number - 1] == "summary":
            doc.page_break()
        WRITERS[key](doc, data, options, headings[key], charts)
    return doc


def build_summary(data: SummaryData, options: ReportOptions | None = None) -> PagedDocument:
    """The stakeholder report: cover, contents, then the chosen sections.

    Laid out twice: the first pass finds the page of each heading for the table of contents, which takes one
    page either way, so the numbers hold in the second.
    """
    options = options or ReportOptions()
    charts = ReportCharts()
    try:
        first = _layout(data, options, charts, None)
        chosen = [key for key in options.sections if key in WRITERS]
        pages = first.pages_of([_heading(number, key) for number, key in enumerate(chosen, 1)])
        return _layout(data, options, charts, pages)
    finally:
        charts.close()


def _cover(doc: PagedDocument, data: SummaryData) -> None:
    project = data.project
    period = "–"
    if data.data_range is not None:
        start, end = data.data_range
        period = f"{start:%-d %b %Y} – {end:%-d %b %Y}"  # as the findings' data lines write days
    doc.html(
        "<p style='margin-top:180px'><span class='muted'>Usage review</span></p>"
        f"<h1 style='font-size:28pt'>{esc(project.name)}</h1>"
        f"<p>{esc(project.description)}</p>"
        f"<p style='margin-top:30px'><b>Data period:</b> {period}<br/>"
        f"<b>Objectives:</b> {len(project.objectives)} &nbsp; <b>Findings:</b> {len(project.findings)} &nbsp; "
        f"<b>Actions:</b> {len(project.actions)}<br/>"
        f"<span class='muted'>Prepared {data.generated:%-d %b %Y} with UsageLens {__version__}</span></p>"
    )


def paint_summary(data: SummaryData, device: QPagedPaintDevice, options: ReportOptions | None = None) -> int:
    """Lay out and paint the summary on a printer or PDF writer; returns the page count."""
    return build_summary(data, options).paint(device)


def export_pdf(data: SummaryData, path: str | os.PathLike[str], options: ReportOptions | None = None) -> int:
    """Write the summary PDF atomically (a failed export never leaves half a file; through a symlink the
    linked file is written); returns the page count."""
    with replacing(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageLayout(default_page_layout())
        writer.setResolution(300)
        writer.setTitle(f"{data.project.name} — usage summary")
        writer.setCreator(f"UsageLens {__version__}")
        pages = paint_summary(data, writer, options)
        del writer  # flushes and closes the file
    return pages
