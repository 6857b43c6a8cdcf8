"""The stakeholder summary's data: which sections exist and the numbers they show.

``gather_summary`` is Qt-free and may run in a worker; :mod:`usagelens.report.pdf` lays the result out as a
paged document on the GUI thread (it draws charts with widgets).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from usagelens.analytics.impact import ActionImpact
from usagelens.analytics.kpi import complete_periods
from usagelens.analytics.themes import theme_summary
from usagelens.model import Project, Source
from usagelens.model.stored_table import row_count
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace.analyses import AnalysisInputs
from usagelens.workspace.evidence import FindingEvidence, finding_evidence
from usagelens.workspace.kept_runs import kept_part
from usagelens.workspace.money import RevenueSummary, revenue_summary
from usagelens.workspace.project_data import feedback_table, kpi_inputs, linked_events_source
from usagelens.workspace.review_board import ObjectiveStatus, action_impacts, objective_statuses

Progress = Callable[[float], None]


SECTIONS: dict[str, str] = {  # the report's English titles, marked for the report dialog in the user's language
    "summary": QT_TRANSLATE_NOOP("Report", "Executive summary"),
    "objectives": QT_TRANSLATE_NOOP("Report", "Objectives and hypotheses"),
    "data": QT_TRANSLATE_NOOP("Report", "Data sources"),
    "activity": QT_TRANSLATE_NOOP("Report", "Active users"),
    "findings": QT_TRANSLATE_NOOP("Report", "Findings"),
    "feedback": QT_TRANSLATE_NOOP("Report", "Customer feedback"),
    "actions": QT_TRANSLATE_NOOP("Report", "Action plan"),
    "impact": QT_TRANSLATE_NOOP("Report", "Implementation and measured impact"),
    "review": QT_TRANSLATE_NOOP("Report", "Review"),
    "voices": QT_TRANSLATE_NOOP("Report", "Customer and stakeholder voices"),
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
    evidence: dict[str, FindingEvidence] = field(default_factory=dict)  # finding id -> its pinned analysis today
    last_week_partial: bool = False  # the data ends inside the last week of ``weekly_active``
    revenue: RevenueSummary | None = None  # per currency, converted only with the project's exchange rates
    linked_rows: dict[str, int] = field(default_factory=dict)  # source id -> its events counted in its warehouse
    warehouse_as_of: datetime | None = None  # the oldest warehouse result the data and KPIs came from (kept ones)

    @property
    def data_end(self) -> date | None:
        return None if self.data_range is None else self.data_range[1].date()

    def rows_of(self, source: Source) -> int | None:
        """A source's rows as the report prints them: a warehouse's table's events counted there (None when they
        were not: a table not analysed, or out of reach), never the first rows the project keeps of it."""
        return self.linked_rows.get(source.id) if source.link is not None else row_count(source)


def gather_summary(
    project: Project, *, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
    cohort: str = "",
) -> SummaryData:
    """Compute the numbers of the summary (active users, KPI values) from the project's cleaned data; with
    ``cohort`` (an id), every pinned finding's analysis is re-computed for that cohort's users (its evidence
    line names the cohort), while the KPIs and activity stay on everyone. A warehouse's numbers come from the
    results kept in the project where they are (:attr:`SummaryData.warehouse_as_of` says how old)."""
    data = SummaryData(project=project, generated=date.today())
    analysis_inputs = AnalysisInputs(project)
    if progress:
        progress(0.1)
    log = analysis_inputs.log
    if progress:
        progress(0.5)
    with kept_part() as kept:
        span = analysis_inputs.span
        if span is not None:  # the events in memory or in a warehouse: the weekly users asked of either
            events = analysis_inputs.events
            data.data_range = span
            data.weekly_active = events.metrics.active_users(events.data, "week")
            last = data.weekly_active["period"].tail(1)
            data.last_week_partial = not last.empty and not complete_periods(last, "week", span[1]).iloc[0]
            linked = linked_events_source(project)
            if linked is not None:
                data.linked_rows[linked.id] = events.rows()
        inputs = kpi_inputs(project, log, analysis_inputs.provider)
        data.board = objective_statuses(project, inputs)
        if progress:
            progress(0.8)
        data.impacts = action_impacts(project, inputs)
    data.warehouse_as_of = kept.as_of
    for finding in project.findings:
        evidence = finding_evidence(analysis_inputs, finding, cohort)
        if evidence is not None:
            data.evidence[finding.id] = evidence
    if progress:
        progress(0.9)
    feedback = feedback_table(project)
    if feedback is not None and project.themes:
        data.themes = theme_summary(feedback["comment"], project.themes)
    payments = analysis_inputs.payments
    if payments is not None and len(payments.amounts):
        data.revenue = revenue_summary(payments, project.exchange_rates)
    if progress:
        progress(1.0)
    return data
