"""Step 8's review board, Qt-free: each objective's baseline → current → target, its status and trend, and
the actions that served it with their measured impact.

The review page and the PDF report both show this, so it is computed once here (in a worker) and the two can
never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from usagelens.analytics.cohorts import cohort_mask
from usagelens.analytics.errors import AnalysisError, cohort_failed
from usagelens.analytics.impact import ActionImpact, action_objective_id, impact_of_action
from usagelens.analytics.kpi import PERIOD_LENGTH, KpiInputs, KpiValue, complete_periods, evaluate_kpi
from usagelens.analytics.kpi_series import kpi_series
from usagelens.model import Action, ActionStatus, Cohort, KpiBinding, Objective, Project
from usagelens.model.translatable import QT_TRANSLATE_NOOP, said
from usagelens.workspace.analyses import AnalysisInputs
from usagelens.workspace.linked_cohorts import linked_conditions

ON_TRACK_SLACK = 0.8  # on track while progress is at least 80% of the share of time that has passed


@dataclass
class ObjectiveStatus:
    """One row of the review board."""

    objective: Objective
    current: KpiValue | None = None
    trend: pd.Series | None = None
    actions: list[Action] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return self.current.value if self.current else None

    @property
    def share(self) -> float | None:
        return progress_share(self.objective, self.value)


def progress_share(objective: Objective, current: float | None) -> float | None:
    """How far the KPI has moved from baseline towards target (0 = baseline, 1 = target reached)."""
    if current is None or objective.baseline is None or objective.target is None:
        return None
    span = objective.target - objective.baseline
    if span == 0:
        return 1.0 if current == objective.target else 0.0
    return (current - objective.baseline) / span


def elapsed_share(objective: Objective, on: date | None) -> float | None:
    """The share of the time from baseline date to deadline that has passed on ``on``."""
    start, end = objective.baseline_date, objective.deadline
    if on is None or start is None or end is None or end <= start:
        return None
    return min(max((on - start).days / (end - start).days, 0.0), 1.0)


def status_text(objective: Objective, current: float | None, on: date | None = None) -> str:
    """target reached / on track / at risk / off track, judged against the time that has passed when the
    objective has a baseline date and deadline; "not measurable yet" and "no data" otherwise."""
    share = progress_share(objective, current)
    if share is None:
        return "not measurable yet" if objective.binding is None or objective.target is None else "no data"
    if share >= 1:
        return "target reached"
    if share < 0:
        return "off track"
    expected = elapsed_share(objective, on)
    needed = 0.5 if expected is None else expected * ON_TRACK_SLACK
    return "on track" if share >= needed else "at risk"


STATUS_COLOURS = {
    "target reached": "#1a7f37", "on track": "#1a7f37", "at risk": "#b35900", "off track": "#c62828",
    "no data": "#6b7079", "not measurable yet": "#6b7079",
}


def served_by(project: Project, objective: Objective) -> list[Action]:
    """Actions aimed at the objective: chosen for it, or addressing a finding tied to it."""
    tied = {f.id for f in project.findings if objective.id in f.objective_ids}
    return [a for a in project.actions
            if action_objective_id(project, a) == objective.id or tied & set(a.finding_ids)]


def trend_period(binding: KpiBinding) -> str:
    """The trend's step: survey scores rest on a few answers a week, so a monthly score is the readable one."""
    return "month" if binding.metric in ("nps", "csat") else "week"


def complete_trend(trend: pd.Series, binding: KpiBinding, period: str, inputs: KpiInputs) -> pd.Series:
    """The trend without a last period the data does not cover to its end: an export that stops on a
    Wednesday makes that week's count look like a drop, and the trend would compare it as a whole week.
    A retention cohort's point needs its whole N-th period covered."""
    end = events_end(inputs)
    ends = [] if end is None else [end]
    if inputs.score_times is not None and pd.notna(pd.to_datetime(inputs.score_times).max()):
        ends.append(pd.to_datetime(inputs.score_times).max())
    if trend.empty or not ends:
        return trend
    starts = pd.Series(trend.index, index=trend.index)
    if binding.metric == "retention":
        starts = starts + PERIOD_LENGTH[period] * int(binding.params.get("offset", 4))  # type: ignore[call-overload]
    return trend[complete_periods(starts, period, max(ends)).to_numpy()]


def events_end(inputs: KpiInputs) -> pd.Timestamp | None:
    """The time of the last event the KPIs are measured on: the log's, or a warehouse's (one small query, asked
    once per inputs), never the end of the first rows a project keeps of a warehouse's table."""
    if inputs.events is not None:
        end = inputs.events.end()
    elif inputs.log is not None and inputs.log.n_events:
        end = inputs.log.end
    else:
        return None
    return None if pd.isna(end) else pd.Timestamp(end)


def data_until(inputs: KpiInputs) -> date | None:
    """The day of the last event the KPIs are measured on (a review's "data until")."""
    end = events_end(inputs)
    return None if end is None else end.date()


def objective_statuses(project: Project, inputs: KpiInputs) -> list[ObjectiveStatus]:
    """The board: current value (latest data), trend and serving actions of every objective."""
    board = []
    for objective in project.objectives:
        row = ObjectiveStatus(objective, actions=served_by(project, objective))
        if objective.binding is not None:
            row.current = evaluate_kpi(objective.binding, inputs)
            try:
                period = trend_period(objective.binding)
                trend = kpi_series(objective.binding, inputs, period).dropna()
                row.trend = complete_trend(trend, objective.binding, period, inputs)
            except AnalysisError:
                row.trend = None
        board.append(row)
    return board


def action_impacts(project: Project, inputs: KpiInputs) -> dict[str, ActionImpact]:
    """The measured impact of every shipped action on its objective's KPI (against a control group when the
    action reached a cohort of users)."""
    objectives = {o.id: o for o in project.objectives}
    impacts = {}
    for action in project.actions:
        if action.status != ActionStatus.SHIPPED:
            continue
        objective = objectives.get(action_objective_id(project, action))
        binding = objective.binding if objective else None
        if action.exposed_cohort:
            impacts[action.id] = _impact_against_control(project, action, binding, inputs)
        else:
            impacts[action.id] = impact_of_action(action, binding, inputs)
    return impacts


EVENT_KPIS = ("active_users", "adoption", "retention", "funnel")  # measured per user, so per group of users


def _impact_against_control(project: Project, action: Action, binding: KpiBinding | None,
                            inputs: KpiInputs) -> ActionImpact:
    """The action's impact on the users of its exposed cohort, against everyone else over the same days."""
    cohort = next((c for c in project.cohorts if c.id == action.exposed_cohort), None)
    if cohort is None:
        return ActionImpact("not measurable", QT_TRANSLATE_NOOP(
            "Impact", "the cohort of exposed users no longer exists: choose another one"))
    if binding is not None and binding.metric not in EVENT_KPIS:
        return ActionImpact("not measurable", QT_TRANSLATE_NOOP(
            "Impact", "a control group compares KPIs measured on users' events (active users, adoption, retention, "
                      "conversion), not a survey or a metrics export"))
    try:
        groups = _exposed_and_control(project, cohort, inputs)
    except AnalysisError as exc:
        return ActionImpact("not measurable", said(cohort_failed(cohort.name, exc)))
    if groups is None:
        return ActionImpact("not measurable", QT_TRANSLATE_NOOP("Impact",
                                                                 "a control group needs the events in the project"))
    (exposed, in_it), (control, out_of_it) = groups
    if not in_it or not out_of_it:
        alone = (QT_TRANSLATE_NOOP("Impact", "everyone is in “{cohort}”, so there is no one to compare with")
                 if not out_of_it else
                 QT_TRANSLATE_NOOP("Impact", "nobody is in “{cohort}”, so there is no one to compare with"))
        return ActionImpact("not measurable", alone.format(cohort=cohort.name))
    return impact_of_action(action, binding, exposed, control=control, exposed=cohort.name)


Group = tuple[KpiInputs, bool]  # a group's inputs, and whether it has anyone


def _exposed_and_control(project: Project, cohort: Cohort, inputs: KpiInputs) -> tuple[Group, Group] | None:
    """The KPI inputs of the cohort's users and of everyone else: parts of the event log, or of a warehouse's
    view (each a query there; None: no events)."""
    log = inputs.log
    if log is not None:
        exposed = cohort_mask(log, cohort.conditions, match=cohort.match, customers=AnalysisInputs(project).customers)
        return ((KpiInputs(log.subset_users(exposed)), bool(exposed.any())),
                (KpiInputs(log.subset_users(~exposed)), bool((~exposed).any())))
    events = inputs.events  # a warehouse's view (a ViewEvents)
    if events is None:
        return None
    conditions = linked_conditions(cohort.conditions, AnalysisInputs(project).customers,
                                   events.customers)  # type: ignore[attr-defined]
    parts = [events.members(conditions, cohort.match, outside=outside)  # type: ignore[attr-defined]
             for outside in (False, True)]
    return ((KpiInputs(events=parts[0]), parts[0].rows() > 0), (KpiInputs(events=parts[1]), parts[1].rows() > 0))
