"""The stakeholder summary: what goes into it (gathered off the UI thread) and how it is laid out.

``gather_summary`` is Qt-free and may run in a worker; ``build_summary`` lays the result out as a
``PagedDocument`` and must run on the GUI thread because it draws charts with widgets.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from usagelens.analytics import active_users
from usagelens.analytics.impact import ActionImpact
from usagelens.analytics.themes import theme_summary
from usagelens.model import Objective, Project
from usagelens.report.project_data import event_log, events_source, feedback_table, kpi_inputs
from usagelens.report.review_board import ObjectiveStatus, action_impacts, objective_statuses

Progress = Callable[[float], None]


SECTIONS: dict[str, str] = {
    "summary": "Executive summary",
    "objectives": "Objectives and hypotheses",
    "data": "Data sources",
    "activity": "Active users",
    "findings": "Findings",
    "feedback": "Customer feedback",
    "actions": "Action plan",
    "impact": "Implementation and measured impact",
    "review": "Review",
}


@dataclass(frozen=True)
class ReportOptions:
    """What goes into the report: sections (keys of ``SECTIONS``, in report order) and which findings
    (None = all of them)."""

    sections: tuple[str, ...] = tuple(SECTIONS)
    finding_ids: tuple[str, ...] | None = None


@dataclass
class SummaryData:
    """Everything the summary shows, computed once."""

    project: Project
    generated: date
    data_range: tuple[pd.Timestamp, pd.Timestamp] | None = None
    weekly_active: pd.DataFrame | None = None
    board: list[ObjectiveStatus] = field(default_factory=list)
    impacts: dict[str, ActionImpact] = field(default_factory=dict)
    themes: pd.DataFrame | None = None  # theme counts and sample quotes of the survey comments

    @property
    def data_end(self) -> date | None:
        return None if self.data_range is None else self.data_range[1].date()


def gather_summary(
    project: Project, *, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> SummaryData:
    """Compute the numbers of the summary (active users, KPI values) from the project's cleaned data."""
    data = SummaryData(project=project, generated=date.today())
    source = events_source(project)
    if progress:
        progress(0.1)
    log = event_log(project, source) if source is not None else None
    if progress:
        progress(0.6)
    if log is not None and log.n_events:
        data.data_range = (log.start, log.end)
        data.weekly_active = active_users(log, "week")
    inputs = kpi_inputs(project, log)
    data.board = objective_statuses(project, inputs)
    if progress:
        progress(0.8)
    data.impacts = action_impacts(project, inputs)
    feedback = feedback_table(project)
    if feedback is not None and project.themes:
        data.themes = theme_summary(feedback["comment"], project.themes)
    if progress:
        progress(1.0)
    return data


# --- formatting helpers -------------------------------------------------------------------------------
def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def fmt_number(value: float | None) -> str:
    if value is None or value != value:
        return "–"
    if float(value).is_integer() and abs(value) >= 1:
        return f"{value:,.0f}"
    return f"{value:,.3g}" if abs(value) < 1 else f"{value:,.1f}"


RATE_METRICS = {"adoption", "retention", "csat"}


def fmt_kpi(value: float | None, objective: Objective | None) -> str:
    """A KPI value in the unit of its metric: rates as percentages, NPS as a signed score."""
    if value is None or value != value:
        return "–"
    metric = objective.binding.metric if objective is not None and objective.binding else ""
    if metric in RATE_METRICS:
        return f"{value:.1%}"
    if metric == "nps":
        return f"{value:+.0f}"
    return fmt_number(value)


def fmt_change(value: float | None, objective: Objective | None, *, signed: bool = True) -> str:
    """A difference of a KPI in its unit: percentage points for rates, points for NPS."""
    if value is None or value != value:
        return "–"
    metric = objective.binding.metric if objective is not None and objective.binding else ""
    sign = "+" if signed else ""
    if metric in RATE_METRICS:
        return f"{100 * value:{sign}.1f} pts"
    if metric == "nps":
        return f"{value:{sign}.1f} pts"
    return f"{value:{sign},.3g}"


def impact_text(impact: ActionImpact | None, objective: Objective | None) -> str:
    """One line a product owner can read: the change, its interval and whether the data can tell."""
    if impact is None:
        return "–"
    if not impact.measured:
        return f"{impact.verdict}: {impact.reason}"
    p = "p < 0.001" if impact.p_value < 0.001 else f"p = {impact.p_value:.3f}"
    return (f"{fmt_kpi(impact.before_mean, objective)} → {fmt_kpi(impact.after_mean, objective)} "
            f"({fmt_change(impact.difference, objective)}, 95% CI {fmt_change(impact.ci_low, objective)} to "
            f"{fmt_change(impact.ci_high, objective)}, {p}; {impact.window_days} days each side): "
            f"{impact.verdict}")


def fmt_date(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else "–"


def table_html(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset(),  # type: ignore[assignment]
               widths: list[int] | None = None, nowrap: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """An HTML table whose header row repeats on each page (Qt maps <thead> to repeated header rows);
    ``widths`` are column widths in percent of the text width; ``nowrap`` columns (dates) never break."""
    sizes = widths or [0] * len(headers)
    head = "".join(f'<th width="{w}%">{h}</th>' if w else f"<th>{h}</th>" for h, w in zip(headers, sizes, strict=True))
    body = "".join(
        "<tr>" + "".join(
            f'<td{" class=num" if i in numeric else ""}{" nowrap" if i in nowrap else ""}>{c}</td>'
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-color:#d5dae1;'
        f'border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
