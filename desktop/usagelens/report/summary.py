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
from usagelens.analytics.kpi import KpiValue, evaluate_kpi
from usagelens.model import Objective, Project
from usagelens.report.project_data import event_log, events_source, kpi_inputs

Progress = Callable[[float], None]


@dataclass
class SummaryData:
    """Everything the summary shows, computed once."""

    project: Project
    generated: date
    data_range: tuple[pd.Timestamp, pd.Timestamp] | None = None
    weekly_active: pd.DataFrame | None = None
    kpis: dict[str, KpiValue] = field(default_factory=dict)


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
    for objective in project.objectives:
        if objective.binding is not None:
            data.kpis[objective.id] = evaluate_kpi(objective.binding, inputs)
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


def fmt_kpi(value: float | None, objective: Objective) -> str:
    """A KPI value in the unit of its metric: rates as percentages, NPS as a signed score."""
    if value is None or value != value:
        return "–"
    metric = objective.binding.metric if objective.binding else ""
    if metric in RATE_METRICS:
        return f"{value:.1%}"
    if metric == "nps":
        return f"{value:+.0f}"
    return fmt_number(value)


def fmt_date(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else "–"


def table_html(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """An HTML table whose header row repeats on each page (Qt maps <thead> to repeated header rows)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-color:#d5dae1;'
        f'border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def objective_rows(data: SummaryData) -> list[list[str]]:
    rows = []
    for objective in data.project.objectives:
        current = data.kpis.get(objective.id)
        rows.append([
            esc(objective.statement),
            esc(objective.kpi),
            fmt_kpi(objective.baseline, objective),
            fmt_kpi(current.value if current else None, objective),
            fmt_kpi(objective.target, objective),
            fmt_date(objective.deadline),
        ])
    return rows


def hypotheses_html(objective: Objective) -> str:
    if not objective.hypotheses:
        return ""
    items = "".join(f"<li>{esc(h.text)} <span class='muted'>({esc(h.status)})</span></li>" for h in objective.hypotheses)
    return f"<p><b>{esc(objective.statement)}</b></p><ul>{items}</ul>"
