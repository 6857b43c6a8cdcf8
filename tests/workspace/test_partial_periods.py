"""A last period the data does not cover to its end is never compared as a whole one."""

from __future__ import annotations

from datetime import date

import pandas as pd

from usagelens.model import KpiBinding, Objective, Project, load_project
from usagelens.paths import demo_project
from usagelens.workspace.project_data import analysed_log, kpi_inputs
from usagelens.workspace.review_board import objective_statuses


def _trend(project: Project, binding: KpiBinding, until: date | None = None) -> pd.Series:
    project.objectives = [Objective("x", binding=binding)]
    inputs = kpi_inputs(project, analysed_log(project))
    (row,) = objective_statuses(project, inputs.until(until) if until else inputs)
    assert row.trend is not None
    return row.trend


def test_an_export_ending_midweek_leaves_its_last_week_out_of_the_trend() -> None:
    project = load_project(demo_project())
    weekly = KpiBinding("active_users", {"period": "week"})
    whole = _trend(project, weekly)
    assert whole.index.max() == pd.Timestamp("2024-06-24")  # the demo ends on a Sunday: every week is whole
    cut = _trend(project, weekly, date(2024, 6, 26))  # a Wednesday
    assert cut.index.max() == pd.Timestamp("2024-06-17")
    assert (cut.to_numpy() == whole[: len(cut)].to_numpy()).all()


def test_a_retention_cohort_shows_once_its_nth_week_is_over() -> None:
    project = load_project(demo_project())
    trend = _trend(project, KpiBinding("retention", {"period": "week", "offset": 4, "start_event": "signup"}))
    assert trend.index.max() + pd.Timedelta(weeks=5) <= pd.Timestamp("2024-07-01")


def test_the_active_users_chart_draws_a_partial_last_week_hollow_and_says_so() -> None:
    from usagelens.workspace.analyses import AnalysisInputs, run_analysis

    inputs = AnalysisInputs(load_project(demo_project()))
    params = {"period": "week", "start": "2024-01-01", "end": "2024-06-26", "by": ""}
    result = run_analysis("active_users", inputs, params)
    assert result.charts[0].incomplete_last
    assert "The last week (from 24 Jun 2024) is partial" in result.message
    whole = run_analysis("active_users", inputs, {**params, "end": "2024-06-30"})
    assert not whole.charts[0].incomplete_last and not whole.message
