"""The sections of the stakeholder report, each written onto a ``PagedDocument`` from ``SummaryData``.

Each writer takes the document, the data and the section's heading and knows nothing about the others, so the
user can choose any subset (``ReportOptions``) and the executive summary stays one page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from usagelens.analytics.impact import action_objective_id
from usagelens.analytics.kpi import binding_label
from usagelens.analytics.priority import by_priority, rice_score
from usagelens.charts.export import chart_svg, offscreen_layout
from usagelens.charts.from_data import chart_widget
from usagelens.charts.locale_text import REPORT_LOCALE
from usagelens.charts.time_series import Marker, TimeSeriesChart, project_markers
from usagelens.model import Action, ActionStatus, Endorsement, Finding, Objective, Quote, QuoteMark, Review, SourceKind
from usagelens.report.paged_document import PagedDocument
from usagelens.workspace.analyses import ChartData
from usagelens.workspace.evidence import FindingEvidence
from usagelens.workspace.formatting import RATE_METRICS, esc, fmt_date, fmt_kpi, fmt_number, impact_text, table_html
from usagelens.workspace.kept_runs import english_as_of_text
from usagelens.workspace.review_board import STATUS_COLOURS, status_text
from usagelens.workspace.selection import data_line, data_notes, kpi_data_label, selection
from usagelens.workspace.summary import ReportOptions, SummaryData
from usagelens.workspace.voices import (
    COLUMNS,
    endorsement_about,
    endorsement_day,
    marked_quotes,
    quote_note,
    voices_per_month,
)

CHART_SIZE = (860, 300)
SNAPSHOT_HEIGHT = 240  # layout pixels of a pinned chart under its finding
EVIDENCE_ROOM = 60  # its three caption lines
HEADING_ROOM = 70  # layout pixels for a chart's h3 heading and its one-line caption above it
SECTION_HEADING_ROOM = 45  # layout pixels of a section's h2
SECTION_START_ROOM = 120  # what must fit under a section heading: a table's header and first rows, a paragraph
PERCENT_LABEL = "Per cent (%)"  # a lone "%" reads as a stray mark on the axis
CONFIDENCE_ORDER = {"high": 0, "medium": 1, "low": 2}
QUOTE_ROOM = 70  # layout pixels of a quotes' lead line and a first two-line quote with its caption


def chosen_findings(data: SummaryData, options: ReportOptions) -> list[Finding]:
    """The findings the user chose, most confident first (the order a reader should meet them)."""
    findings = data.project.findings
    if options.finding_ids is not None:
        findings = [f for f in findings if f.id in options.finding_ids]
    return sorted(findings, key=lambda f: CONFIDENCE_ORDER.get(f.confidence, 3))


class ReportCharts:
    """Draws a report's charts with one offscreen chart widget and keeps each SVG, so the second layout pass
    (for the contents page) reuses them: creating and destroying plot widgets is the slow, fragile part."""

    def __init__(self) -> None:
        self._chart: TimeSeriesChart | None = None
        self._svgs: dict[str, bytes] = {}

    def svg(self, key: str, data: SummaryData, series: list, y_label: str, empty: str, *,
            zero_based: bool = True, shaded: Sequence[tuple[date, date, str]] = (),
            incomplete_last: bool = False) -> bytes:
        if key not in self._svgs:
            if self._chart is None:
                self._chart = TimeSeriesChart(locale=REPORT_LOCALE)
                offscreen_layout(self._chart, *CHART_SIZE)
            self._chart.getPlotItem().setLabel("left", y_label)
            self._chart.set_series(series, project_markers(data.project), empty_message=empty,
                                   zero_based=zero_based, shaded=shaded, incomplete_last=incomplete_last)
            self._svgs[key] = chart_svg(self._chart, key)
        return self._svgs[key]

    def result_svg(self, key: str, data: ChartData, markers: Sequence[Marker]) -> bytes:
        """A gallery chart (a finding's analysis on today's data) as the analysis page draws it."""
        if key not in self._svgs:
            widget = chart_widget(data, markers, REPORT_LOCALE)
            try:
                offscreen_layout(widget, *CHART_SIZE)
                self._svgs[key] = chart_svg(widget, key)
            finally:
                widget.close()
                widget.deleteLater()
        return self._svgs[key]

    def close(self) -> None:
        if self._chart is not None:
            self._chart.close()
            self._chart.deleteLater()
            self._chart = None


def _chart(
    doc: PagedDocument, charts: ReportCharts, data: SummaryData, title: str, series: list, y_label: str, empty: str,
    *, zero_based: bool = True, shaded: Sequence[tuple[date, date, str]] = (), incomplete_last: bool = False,
) -> None:
    """A time chart with the project's release markers (and any shaded date spans), as vector SVG in the page."""
    svg = charts.svg(title, data, series, y_label, empty, zero_based=zero_based, shaded=shaded,
                     incomplete_last=incomplete_last)
    doc.chart(svg, *CHART_SIZE)


def _chart_room(doc: PagedDocument) -> float:
    """Layout pixels of a chart with its h3 heading and a line of text above it."""
    return CHART_SIZE[1] * min(1.0, doc.content_width / CHART_SIZE[0]) + HEADING_ROOM


def _keep_with_chart(doc: PagedDocument) -> None:
    """Reserve room for a heading, a line of text and the chart below them on one page."""
    doc.keep_space(_chart_room(doc))


def _section_heading(doc: PagedDocument, heading: str, room: float = SECTION_START_ROOM) -> None:
    """A section's heading, on a new page unless ``room`` more pixels of its content fit below it: a heading
    alone at the foot of a page, its chart on the next, read as a mistake."""
    doc.keep_space(SECTION_HEADING_ROOM + room)
    doc.html(f"<h2>{heading}</h2>")


def _status_cell(data: SummaryData, objective_id: str) -> str:
    row = next(r for r in data.board if r.objective.id == objective_id)
    status = status_text(row.objective, row.value, data.data_end)
    return f"<span style='color:{STATUS_COLOURS.get(status, '#23272e')}'><b>{esc(status)}</b></span>"


def _small_date(day: object) -> str:
    return f"<span class='muted' style='font-size:7.5pt'>{fmt_date(day)}</span>"


def _measured_on(data: SummaryData, objective: Objective) -> str:
    """The KPI's metric and the sources it is measured on, under the KPI's own words."""
    if objective.binding is None:
        return ""
    on = kpi_data_label(data.project, objective.binding.metric)
    return f"<br/><span class='caption'>{esc(binding_label(objective.binding))} · on {esc(on)}</span>"


def _objective_rows(data: SummaryData) -> list[list[str]]:
    rows = []
    for row in data.board:
        o = row.objective
        rows.append(
            [
                esc(o.statement),
                esc(o.kpi or binding_label(o.binding)) + _measured_on(data, o),
                f"{fmt_kpi(o.baseline, o)}<br/>{_small_date(o.baseline_date)}",
                f"{fmt_kpi(row.value, o)}",
                f"{fmt_kpi(o.target, o)}<br/>{_small_date(o.deadline)}",
                "–" if row.share is None else f"{row.share:.0%}",
                _status_cell(data, o.id),
            ]
        )
    return rows


def _objective_table(data: SummaryData) -> str:
    return table_html(
        ["Objective", "KPI", "Baseline", "Current", "Target", "Progress", "Status"],
        _objective_rows(data),
        numeric={2, 3, 4, 5},
        widths=[20, 21, 12, 11, 11, 13, 12],
    )


def _action_line(action: Action, data: SummaryData) -> str:
    score = rice_score(action)
    parts = [esc(action.owner) or "no owner", f"due {fmt_date(action.due)}", esc(action.status.value)]
    if score is not None:
        parts.append(f"RICE {score:,.0f}")
    return f"<b>{esc(action.title)}</b> <span class='muted'>({'; '.join(parts)})</span>"


def executive_summary(
    doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts
) -> None:
    _section_heading(doc, heading)
    if data.board:
        doc.html(_objective_table(data))
    findings = chosen_findings(data, options)[:3]
    if findings:
        items = "".join(
            f"<li><b>{esc(f.title)}</b> <span class='muted'>({esc(f.kind)}, {esc(f.confidence)} confidence)</span></li>"
            for f in findings
        )
        doc.html(f"<h3>Top findings</h3><ul>{items}</ul>")
    actions = by_priority([a for a in data.project.actions if a.status != ActionStatus.DROPPED])[:3]
    if actions:
        doc.html("<h3>Top actions</h3><ul>" + "".join(f"<li>{_action_line(a, data)}</li>" for a in actions) + "</ul>")
    measured = [(a, data.impacts[a.id]) for a in data.project.actions if a.id in data.impacts]
    if measured:
        objectives = {o.id: o for o in data.project.objectives}
        items = "".join(
            f"<li><b>{esc(a.title)}</b>: {esc(impact_text(i, objectives.get(action_objective_id(data.project, a))))}"
            "</li>"
            for a, i in measured
        )
        doc.html(f"<h3>What shipped changed</h3><ul>{items}</ul>")


def objectives(
    doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts
) -> None:
    _section_heading(doc, heading)
    if not data.board:
        doc.html("<p class='muted'>No objectives have been set yet.</p>")
        return
    doc.html(_objective_table(data))
    for o in data.project.objectives:
        if o.hypotheses:
            items = "".join(
                f"<li>{esc(h.text)} <b>({esc(h.status)})</b>{' — ' + esc(h.evidence) if h.evidence else ''}</li>"
                for h in o.hypotheses
            )
            doc.html(f"<h3>{esc(o.statement)}</h3><ul>{items}</ul>")


def sources(doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts) -> None:
    _section_heading(doc, heading)
    project = data.project
    if not project.sources:
        doc.html("<p class='muted'>No data has been imported yet.</p>")
        return
    analysed = {s.id for kind in SourceKind for s in selection(project, kind).sources}
    rows = [
        [
            esc(s.name),
            esc(SourceKind(s.kind).label),
            esc(s.file_name),
            fmt_number(data.rows_of(s)),
            fmt_number(s.failed_timestamps),
            str(len([r for r in project.recipes.get(s.id, []) if r.enabled])),
            "yes" if s.id in analysed else "<b>no</b>",
        ]
        for s in project.sources
    ]
    doc.html(table_html(["Source", "Kind", "File", "Rows", "Unreadable dates", "Cleaning steps", "Analysed"], rows,
                        numeric={3, 4, 5}))
    notes = "".join(f"<br/>⚠ {esc(note)}" for note in data_notes(project))
    if data.warehouse_as_of is not None:
        as_of = esc(english_as_of_text(data.warehouse_as_of))
        notes += (f"<br/>Warehouse results as of {as_of} (kept in the project): "
                  "the events' rows, active users and KPIs.")
    doc.html(f"<p class='caption'><b>Analysed:</b> {esc(data_line(project))}{notes}</p>")
    _revenue(doc, data)


def _revenue(doc: PagedDocument, data: SummaryData) -> None:
    """Revenue as billed, one row per currency and never a sum across them; a converted total only with the
    project's exchange rates, printed with it."""
    revenue = data.revenue
    if revenue is None:
        return
    rows = [[esc(r.currency or "–"), f"{r.revenue:,.2f}", fmt_number(r.payments), fmt_number(r.customers)]
            for r in revenue.by_currency.itertuples()]
    if revenue.total is not None:
        total = revenue.total.iloc[0]
        rows.append([f"<b>Total in {esc(total['currency'])}</b>", f"<b>{total['revenue']:,.2f}</b>",
                     fmt_number(total["payments"]), fmt_number(total["customers"])])
    caption = revenue.line
    if len(revenue.by_currency) > 1 and revenue.total is None:
        caption += " Enter exchange rates in step 4 (Revenue & CLV) to see one total."
    doc.keep_space(SECTION_START_ROOM)
    doc.html("<h3>Revenue</h3>" + table_html(["Currency", "Revenue", "Payments", "Paying customers"], rows,
                                             numeric={1, 2, 3}))
    if caption:
        doc.html(f"<p class='caption'>{esc(caption)}</p>")


def _finding_room(data: SummaryData, finding: Finding) -> int:
    """Layout pixels a finding's heading, chart and evidence lines need together (0: it has no chart)."""
    if finding.snapshot or finding.id in data.evidence:
        return HEADING_ROOM + max(SNAPSHOT_HEIGHT, CHART_SIZE[1]) + EVIDENCE_ROOM
    return 0


def activity(doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts) -> None:
    _section_heading(doc, heading, _chart_room(doc))
    table = data.weekly_active
    series = [] if table is None else [("Weekly active users", table["period"], table["active_users"])]
    _chart(doc, charts, data, "Weekly active users", series, "Weekly active users", "No behavioural data imported yet.",
           incomplete_last=data.last_week_partial)
    partial = " The last week is partial (the data ends inside it) and drawn hollow." if data.last_week_partial else ""
    doc.html(
        "<p class='caption'>Distinct users with at least one event per ISO week (Monday start). "
        f"Dashed lines mark releases.{partial}</p>"
    )


def findings(doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts) -> None:
    chosen = chosen_findings(data, options)
    # the section's heading stays with its first finding (never alone at the foot of a page)
    _section_heading(doc, heading, (_finding_room(data, chosen[0]) if chosen else 0) or SECTION_START_ROOM)
    if not chosen:
        doc.html("<p class='muted'>No findings recorded yet.</p>")
        return
    objectives_by_id = {o.id: o.statement for o in data.project.objectives}
    for f in chosen:
        # statements end with a full stop: "… deadlines; Keep new users …", not "… deadlines.; Keep …"
        tied = "; ".join(esc(objectives_by_id[i].rstrip(".")) for i in f.objective_ids if i in objectives_by_id)
        quotes = "".join(_quote(q) for q in f.quotes)
        if _finding_room(data, f):  # the heading, its chart and the evidence lines stay together
            doc.keep_space(_finding_room(data, f))
        doc.html(
            f"<h3>{esc(f.title)}</h3><p class='muted'>{esc(f.kind)} · {esc(f.confidence)} confidence"
            f"{' · serves: ' + tied if tied else ''}</p><p>{esc(f.detail)}</p>"
        )
        _evidence(doc, data, f, data.evidence.get(f.id), charts)
        if quotes:  # led by a line of its own: a fragment's first paragraph loses its indent in the document
            doc.keep_space(QUOTE_ROOM)
            doc.html(f"<p class='caption'><b>In customers' words</b></p>{quotes}")


def _quote(quote: Quote, finding: Finding | None = None) -> str:
    """A quote in the customer's words, indented, with what is known of it (and its finding, where the quote
    is read away from it)."""
    notes = [f"from “{esc(finding.title)}”"] if finding is not None else []
    if note := quote_note(quote, fmt_date):
        notes.append(esc(note))
    caption = f"<br/><span class='caption'>{'; '.join(notes)}</span>" if notes else ""
    return f"<p style='margin-left:14px'><i>“{esc(quote.text)}”</i>{caption}</p>"


def _evidence(doc: PagedDocument, data: SummaryData, finding: Finding, evidence: FindingEvidence | None,
              charts: ReportCharts) -> None:
    """The pinned chart as the finding saw it (or, where none was pinned, its analysis drawn on today's data, or
    on the warehouse results kept in the project), how to repeat it, on which data, and whether they agree."""
    if finding.snapshot and not doc.image(finding.snapshot, f"finding-{finding.id}", SNAPSHOT_HEIGHT):
        doc.html("<p class='caption'>The chart pinned with this finding could not be read.</p>")
    if evidence is None:
        return
    if not finding.snapshot and evidence.charts:
        chart = evidence.charts[0]
        svg = charts.result_svg(f"finding-{finding.id}", chart, project_markers(data.project))
        doc.html(f"<p class='caption'>{esc(chart.title)} — drawn from {esc(evidence.drawn_from)} (no chart was "
                 "pinned)</p>")
        doc.chart(svg, *CHART_SIZE)
    mark = "⚠ " if evidence.changed else ""
    doc.html(
        f"<p class='caption'><b>Evidence:</b> {esc(evidence.settings)}<br/><b>Data:</b> {esc(evidence.data_range)}"
        f"<br/><b>{esc(evidence.checked_on)}:</b> {mark}{esc(evidence.check)}</p>"
    )


def feedback(doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts) -> None:
    _section_heading(doc, heading)
    themes = data.themes
    if themes is None or themes.empty:
        doc.html("<p class='muted'>No feedback themes defined (step 5).</p>")
        return
    rows = [
        [
            f"<b>{esc(t.theme)}</b>",
            fmt_number(t.comments),
            f"{t.share:.0%}" if t.share == t.share else "–",
            "<br/>".join(f"<i>“{esc(q)}”</i>" for q in t.quotes),
        ]
        for t in themes.itertuples()
    ]
    doc.html(table_html(["Theme", "Comments", "Share", "What customers say"], rows, numeric={1, 2}))


def actions(doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts) -> None:
    _section_heading(doc, heading)
    plan = by_priority(data.project.actions)
    if not plan:
        doc.html("<p class='muted'>No actions planned yet.</p>")
        return
    rows = [
        [
            f"<b>{esc(a.title)}</b>",
            esc(a.owner),
            fmt_date(a.due),
            esc(a.status.value),
            "–" if (s := rice_score(a)) is None else f"{s:,.0f}",
            esc(a.expected_impact),
        ]
        for a in plan
    ]
    doc.html(
        table_html(
            ["Action", "Owner", "Due", "Status", "RICE", "Expected effect"],
            rows,
            numeric={4},
            widths=[26, 14, 14, 11, 7, 28],
            nowrap={2},
        )
    )


def impact(doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts) -> None:
    shipped = [a for a in data.project.actions if a.status == ActionStatus.SHIPPED]
    _section_heading(doc, heading, _chart_room(doc) if shipped else SECTION_START_ROOM)
    if not shipped:
        doc.html("<p class='muted'>Nothing has shipped yet.</p>")
        return
    objectives_by_id = {o.id: o for o in data.project.objectives}
    for action in shipped:
        objective = objectives_by_id.get(action_objective_id(data.project, action))
        result = data.impacts.get(action.id)
        _keep_with_chart(doc)
        doc.html(
            f"<h3>{esc(action.title)}</h3><p>Released {fmt_date(action.release_date)}; measured on "
            f"<i>{esc(objective.kpi if objective else 'no KPI')}</i>: {esc(impact_text(result, objective))}</p>"
        )
        if result is not None and result.series is not None and objective is not None:
            rate = objective.binding is not None and objective.binding.metric in RATE_METRICS
            values = result.series.to_numpy(float) * (100 if rate else 1)
            label = f"{objective.kpi or 'KPI'}, daily"
            _chart(doc, charts, data, action.title, [(label, result.series.index, values)],
                   PERCENT_LABEL if rate else "", "", shaded=result.windows)
            doc.html(
                "<p class='caption'>Daily values of the KPI in equal windows before and after the release "
                "(shaded; the dashed line is the release); the change is Welch's t-test on the daily values.</p>"
            )


def review(doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts) -> None:
    _section_heading(doc, heading, _chart_room(doc))
    for row in data.board:
        o = row.objective
        if row.trend is None or len(row.trend) < 2:
            continue
        rate = o.binding is not None and o.binding.metric in RATE_METRICS
        values = row.trend.to_numpy(float) * (100 if rate else 1)
        bench = [f"baseline {fmt_kpi(o.baseline, o)}", f"target {fmt_kpi(o.target, o)}"]
        if o.industry is not None:
            bench.append(
                f"industry {fmt_kpi(o.industry, o)}{' (' + esc(o.industry_source) + ')' if o.industry_source else ''}"
            )
        _keep_with_chart(doc)
        doc.html(f"<h3>{esc(o.kpi or o.statement)}</h3><p class='muted'>{'; '.join(bench)}</p>")
        label = binding_label(o.binding)
        nps = o.binding is not None and o.binding.metric == "nps"  # a score of −100..100: no zero baseline
        _chart(doc, charts, data, o.statement, [(label, row.trend.index, values)], PERCENT_LABEL if rate else "", "",
               zero_based=not nps)
    reviews = sorted(data.project.reviews, key=lambda r: r.date)
    if reviews:
        objectives_by_id = {o.id: o for o in data.project.objectives}
        rows = [
            [
                fmt_date(r.date),
                fmt_date(r.data_until),
                "<br/>".join(
                    f"{esc(objectives_by_id[i].kpi)}: {fmt_kpi(v, objectives_by_id[i])}"
                    for i, v in r.values.items()
                    if i in objectives_by_id
                ),
                esc(r.notes),
            ]
            for r in reviews
        ]
        doc.html("<h3>Reviews so far</h3>" + table_html(["Review", "Data until", "KPI values", "Notes"], rows))


def voices(doc: PagedDocument, data: SummaryData, options: ReportOptions, heading: str, charts: ReportCharts) -> None:
    """Testimonials, improvement suggestions and stakeholders' endorsements per month, then the quotes
    themselves with their findings and the endorsements of each review (only the findings chosen for the report
    are quoted or counted)."""
    _section_heading(doc, heading)
    chosen = chosen_findings(data, options)
    reviews = sorted(data.project.reviews, key=lambda r: r.date)
    counts = voices_per_month(chosen, reviews)
    if counts.empty:
        doc.html("<p class='muted'>No quote is marked as a testimonial or an improvement suggestion (step 5) and no "
                 "endorsement is recorded with a review (step 8).</p>")
        return
    rows = [[f"{row.month:%b %Y}", *(fmt_number(getattr(row, c)) for c in COLUMNS)]
            for row in counts.table.itertuples()]
    rows.append(["<b>All</b>", *(f"<b>{fmt_number(n)}</b>" for n in counts.totals().values())])
    doc.html(table_html(["Month", *COLUMNS.values()], rows, numeric={1, 2, 3, 4}, widths=[20, 20, 24, 18, 18]))
    undated = f" {fmt_number(counts.undated)} marked quotes have no date and are only in the total." \
        if counts.undated else ""
    doc.html("<p class='caption'>A quote counts in the month the customer said it (else when its finding was "
             f"written); an endorsement in the month it was given (else its review's).{undated}</p>")
    for mark, title in ((QuoteMark.TESTIMONIAL, "Testimonials"), (QuoteMark.SUGGESTION, "Improvement suggestions")):
        quoted = marked_quotes(chosen, mark)
        if quoted:
            doc.keep_space(SECTION_START_ROOM)
            doc.html(f"<h3>{title}</h3>" + "".join(_quote(q, f) for f, q in quoted))
    endorsed = [r for r in reviews if r.endorsements]
    if endorsed:
        doc.keep_space(SECTION_START_ROOM)
        doc.html("<h3>Endorsements per review</h3>")
    for r in endorsed:
        doc.keep_space(SECTION_START_ROOM)
        doc.html(f"<p><b>Review of {fmt_date(r.date)}</b></p>" + table_html(
            ["Who", "Stance", "On what", "Given"], [_endorsement_row(data, r, e) for e in r.endorsements],
            widths=[24, 17, 45, 14], nowrap={3}))


def _endorsement_row(data: SummaryData, review: Review, endorsement: Endorsement) -> list[str]:
    """Who (and their role), where they stand, on what (with the objective or action it names) and when."""
    about = endorsement_about(data.project, endorsement)
    what = esc(endorsement.what) + (f"<br/><span class='caption'>{esc(about)}</span>" if about else "")
    role = f"<br/><span class='caption'>{esc(endorsement.role)}</span>" if endorsement.role else ""
    colour = "#1a7f37" if endorsement.stance == endorsement.stance.ENDORSES else "#b35900"
    return [f"<b>{esc(endorsement.name)}</b>{role}",
            f"<span style='color:{colour}'>{esc(endorsement.stance.value)}</span>", what,
            fmt_date(endorsement_day(review, endorsement))]


Writer = Callable[[PagedDocument, SummaryData, ReportOptions, str, ReportCharts], None]
WRITERS: dict[str, Writer] = {
    "summary": executive_summary,
    "objectives": objectives,
    "data": sources,
    "activity": activity,
    "findings": findings,
    "feedback": feedback,
    "actions": actions,
    "impact": impact,
    "review": review,
    "voices": voices,
}
