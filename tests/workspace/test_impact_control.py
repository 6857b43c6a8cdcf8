"""Step 7's impact against a control group (issue 16.6): an action that reached a cohort (a beta) is measured
on the daily gap between its users and everyone else, so a change that lifted all users alike (a campaign
launched the same day) is not credited to the action."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from usagelens.model import (
    Action,
    ActionStatus,
    Cohort,
    KpiBinding,
    Objective,
    Project,
    Source,
    SourceKind,
)
from usagelens.workspace.formatting import impact_text
from usagelens.workspace.project_data import analysed_log, kpi_inputs
from usagelens.workspace.review_board import action_impacts

RELEASE = date(2024, 3, 4)  # a Monday, four weeks after the data starts
BETA = Cohort("Beta", conditions=[{"kind": "attribute", "attribute": "plan", "op": "in", "values": ["beta"]}])


def _project(beta_lift: float, everyone_lift: float = 0.25) -> Project:
    """120 users active every day for eight weeks; each exports on a day with chance 0.2, plus
    ``everyone_lift`` for all from the release on (a campaign) and ``beta_lift`` more for the beta's half."""
    rng = np.random.default_rng(7)
    days = pd.date_range("2024-02-05", periods=56, freq="D")
    rows = []
    for user in range(120):
        beta = user % 2 == 0
        for day in days:
            rows.append((f"u{user}", day + pd.Timedelta(hours=9), "open"))
            chance = 0.2 + (everyone_lift + (beta_lift if beta else 0.0)) * (day.date() >= RELEASE)
            if rng.random() < chance:
                rows.append((f"u{user}", day + pd.Timedelta(hours=10), "export"))
    events = pd.DataFrame(rows, columns=["user", "time", "event"])
    customers = pd.DataFrame({"user": [f"u{u}" for u in range(120)],
                              "plan": ["beta" if u % 2 == 0 else "stable" for u in range(120)]})
    objective = Objective("More exports", kpi="Daily export adoption",
                          binding=KpiBinding("adoption", {"event": "export", "period": "day"}))
    action = Action("New export button", status=ActionStatus.SHIPPED, release_date=RELEASE,
                    objective_id=objective.id, exposed_cohort=BETA.id)
    return Project(name="impact", objectives=[objective], actions=[action], cohorts=[BETA], sources=[
        Source("Events", SourceKind.EVENTS, table=events, roles={"user_id": "user", "timestamp": "time",
                                                                 "event": "event"}),
        Source("Customers", SourceKind.CUSTOMERS, table=customers, roles={"user_id": "user"}),
    ])


def _impact(project: Project):  # type: ignore[no-untyped-def]
    (impact,) = action_impacts(project, kpi_inputs(project, analysed_log(project))).values()
    return impact


def test_a_lift_for_everyone_is_not_credited_to_an_action_that_reached_a_cohort() -> None:
    project = _project(beta_lift=0.0)
    against_control = _impact(project)
    assert against_control.verdict == "no clear change" and against_control.exposed == "Beta"
    project.actions[0].exposed_cohort = ""
    before_after = _impact(project)
    assert before_after.verdict == "increase" and before_after.difference == pytest.approx(0.25, abs=0.03)


def test_the_cohort_s_own_lift_is_measured_as_the_change_in_its_gap_to_everyone_else() -> None:
    project = _project(beta_lift=0.15)
    impact = _impact(project)
    assert impact.verdict == "increase" and impact.difference == pytest.approx(0.15, abs=0.03)
    assert abs(impact.before_mean) < 0.03 and impact.after_mean == pytest.approx(0.15, abs=0.03)
    assert impact.ci_low < impact.difference < impact.ci_high
    text = impact_text(impact, project.objectives[0])
    assert text.startswith("gap of “Beta” to everyone else") and text.endswith(": increase")


@pytest.mark.parametrize(("change", "said"), [
    (lambda p: setattr(p.actions[0], "exposed_cohort", "gone"), "no longer exists"),
    (lambda p: setattr(p.cohorts[0], "conditions", [{"kind": "attribute", "attribute": "plan", "op": "in",
                                                      "values": ["beta", "stable"]}]), "everyone is in “Beta”"),
    (lambda p: setattr(p.objectives[0], "binding", KpiBinding("nps", {})), "not a survey"),
], ids=["deleted cohort", "everyone exposed", "survey KPI"])
def test_what_a_control_group_cannot_compare_is_said(change, said: str) -> None:  # type: ignore[no-untyped-def]
    project = _project(beta_lift=0.1)
    change(project)
    impact = _impact(project)
    assert impact.verdict == "not measurable" and said in impact.reason
