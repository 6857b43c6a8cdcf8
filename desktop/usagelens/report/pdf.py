"""Laying the summary out on pages and writing it as a PDF or to a printer (GUI thread only)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QPdfWriter

from usagelens import __version__
from usagelens.model import SourceKind
from usagelens.report.chart_export import chart_svg, offscreen_layout
from usagelens.report.charts import TimeSeriesChart, project_markers
from usagelens.report.paged_document import PagedDocument, default_page_layout
from usagelens.report.summary import (
    SummaryData,
    esc,
    fmt_date,
    fmt_number,
    hypotheses_html,
    objective_rows,
    table_html,
)

CHART_SIZE = (860, 330)


def active_users_svg(data: SummaryData) -> bytes:
    """The weekly-active-users chart drawn offscreen at a fixed size, as SVG."""
    chart = TimeSeriesChart(y_label="Weekly active users")
    offscreen_layout(chart, *CHART_SIZE)
    table = data.weekly_active
    series = [] if table is None else [("Weekly active users", table["period"], table["active_users"])]
    chart.set_series(series, project_markers(data.project), empty_message="No behavioural data imported yet.")
    svg = chart_svg(chart, "Weekly active users")
    chart.deleteLater()
    return svg


def build_summary(data: SummaryData) -> PagedDocument:
    """The stakeholder summary: cover, objectives, data, active users, findings, actions."""
    project = data.project
    doc = PagedDocument(f"{project.name} — usage summary")
    _cover(doc, data)
    doc.page_break()
    doc.html("<h2>1. Objectives</h2>")
    if project.objectives:
        doc.html(table_html(["Objective", "KPI", "Baseline", "Current", "Target", "Deadline"],
                            objective_rows(data), numeric={2, 3, 4}))
        doc.html("".join(hypotheses_html(o) for o in project.objectives) or "")
    else:
        doc.html("<p class='muted'>No objectives have been set yet.</p>")
    doc.html("<h2>2. Data sources</h2>")
    _sources(doc, data)
    doc.html("<h2>3. Active users</h2>")
    doc.chart(active_users_svg(data), *CHART_SIZE)
    doc.html("<p class='caption'>Distinct users with at least one event per ISO week (Monday start). "
             "Dashed lines mark releases.</p>")
    doc.html("<h2>4. Findings</h2>")
    if project.findings:
        doc.html(table_html(["Finding", "Kind", "Confidence", "Detail"], [
            [f"<b>{esc(f.title)}</b>", esc(f.kind), esc(f.confidence), esc(f.detail)] for f in project.findings
        ]))
    else:
        doc.html("<p class='muted'>No findings recorded yet.</p>")
    doc.html("<h2>5. Actions</h2>")
    if project.actions:
        doc.html(table_html(["Action", "Owner", "Due", "Status", "Expected impact"], [
            [f"<b>{esc(a.title)}</b>", esc(a.owner), fmt_date(a.due), esc(a.status.value), esc(a.expected_impact)]
            for a in project.actions
        ]))
    else:
        doc.html("<p class='muted'>No actions planned yet.</p>")
    return doc


def _cover(doc: PagedDocument, data: SummaryData) -> None:
    project = data.project
    period = "–"
    if data.data_range is not None:
        start, end = data.data_range
        period = f"{start:%d %b %Y} – {end:%d %b %Y}"
    doc.html(
        "<p style='margin-top:180px'><span class='muted'>Usage review</span></p>"
        f"<h1 style='font-size:28pt'>{esc(project.name)}</h1>"
        f"<p>{esc(project.description)}</p>"
        f"<p style='margin-top:30px'><b>Data period:</b> {period}<br/>"
        f"<b>Objectives:</b> {len(project.objectives)} &nbsp; <b>Findings:</b> {len(project.findings)} &nbsp; "
        f"<b>Actions:</b> {len(project.actions)}<br/>"
        f"<span class='muted'>Prepared {data.generated:%d %B %Y} with UsageLens {__version__}</span></p>"
    )


def _sources(doc: PagedDocument, data: SummaryData) -> None:
    sources = data.project.sources
    if not sources:
        doc.html("<p class='muted'>No data has been imported yet.</p>")
        return
    rows = [
        [esc(s.name), esc(SourceKind(s.kind).label), esc(s.file_name), fmt_number(len(s.table)),
         fmt_number(s.failed_timestamps)]
        for s in sources
    ]
    doc.html(table_html(["Source", "Kind", "File", "Rows", "Unreadable dates"], rows, numeric={3, 4}))


def paint_summary(data: SummaryData, device: QPagedPaintDevice) -> int:
    """Lay out and paint the summary on a printer or PDF writer; returns the page count."""
    return build_summary(data).paint(device)


def export_pdf(data: SummaryData, path: str | os.PathLike[str]) -> int:
    """Write the summary PDF atomically (a failed export never leaves half a file); returns the page count."""
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".pdf", dir=target.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp_name)
        writer.setPageLayout(default_page_layout())
        writer.setResolution(300)
        writer.setTitle(f"{data.project.name} — usage summary")
        writer.setCreator(f"UsageLens {__version__}")
        pages = paint_summary(data, writer)
        del writer  # flushes and closes the file
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return pages
