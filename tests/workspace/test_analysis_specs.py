"""The Qt-free analysis layer: every gallery entry returns exactly the engine's table for its parameters,
and odd inputs come back as a readable message instead of an exception."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from usagelens import analytics as a
from usagelens.model import SavedAnalysis, load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, recompute, run_analysis
from usagelens.workspace.analyses import pain_points as pain
from usagelens.workspace.analyses.journey_map import fold


@pytest.fixture(scope="module")
def inputs() -> AnalysisInputs:
    path = demo_project()
    assert Path(path).exists(), "run samples/generate.py first"
    return AnalysisInputs(load_project(path))


@pytest.fixture(scope="module")
def facts(inputs: AnalysisInputs) -> DataFacts:
    return DataFacts.of(inputs)


def _range(p: dict[str, Any]) -> dict[str, Any]:
    return {"start": p["start"], "end": p["end"]}


def _survey(i: AnalysisInputs, p: dict[str, Any]) -> pd.DataFrame:
    scores, times, _ = i.survey  # type: ignore[misc]
    months = times.dt.to_period("M").dt.start_time
    rows = []
    for month in sorted(months.dropna().unique()):
        answers = pd.to_numeric(scores[months == month]).dropna()
        bands = {"promoters": (answers >= 9).mean(), "passives": answers.between(7, 8).mean(),
                 "detractors": (answers <= 6).mean()}
        rows.append(a.nps(answers).assign(period=month, **bands))
    table = pd.concat(rows, ignore_index=True)
    return table[["period", "metric", "value", "ci_low", "ci_high", "responses", "promoters", "passives",
                  "detractors"]]


def _revenue(i: AnalysisInputs, p: dict[str, Any]) -> pd.DataFrame:
    """The demo bills in three currencies and has no exchange rates: one block of rows per currency."""
    parts = [
        a.arpu(i.payments.in_currency(code), i.log, p["period"], **_range(p)).assign(currency=code)  # type: ignore[union-attr]
        for code in ("EUR", "GBP", "USD")
    ]
    table = pd.concat(parts, ignore_index=True)
    return table[["currency", *table.columns[:-1]]]


def _longest_first(table: pd.DataFrame) -> pd.DataFrame:
    """The most frequent events by longest median time (none last), as the chart draws them."""
    return table.sort_values("median", ascending=False, kind="stable", na_position="last")


# What each analysis must equal: the engine function called directly with the panel's default parameters.
EXPECTED: dict[str, Callable[[AnalysisInputs, dict[str, Any]], pd.DataFrame]] = {
    "active_users": lambda i, p: a.active_users(i.log, p["period"], **_range(p)),
    "stickiness": lambda i, p: a.stickiness(i.log, **_range(p)),
    "lifecycle": lambda i, p: a.lifecycle(i.log, p["period"], **_range(p)),
    "frequency": lambda i, p: a.active_days_frequency(i.log, p["period"], **_range(p)),
    "event_counts": lambda i, p: a.event_counts(i.log).head(p["top"]),
    "adoption": lambda i, p: a.feature_adoption(i.log, **_range(p)).head(p["top"]),
    "funnel": lambda i, p: a.funnel(
        i.log, p["steps"], order=p["order"], window=f"{p['window_days']}d", **_range(p)
    ),
    "funnel_over_time": lambda i, p: a.funnel_over_time(
        i.log, p["steps"], p["period"], order=p["order"], window=f"{p['window_days']}d", **_range(p)
    ),
    "time_to_convert": lambda i, p: a.time_to_convert(
        i.log, p["steps"], order=p["order"], window=f"{p['window_days']}d", **_range(p)
    ),
    "after_dropping": lambda i, p: a.next_after_dropping(
        i.log, p["steps"], p["dropped_at"], top=p["top"], order=p["order"], window=f"{p['window_days']}d", **_range(p)
    ),
    "conversion_drivers": lambda i, p: a.funnel_drivers(
        i.log, p["steps"], attributes=["plan", "country", "company_size", "platform"], customers=i.customers,
        top=p["top"], order=p["order"], window=f"{p['window_days']}d", **_range(p)
    ),
    "retention": lambda i, p: a.retention_table(
        i.log, p["period"], mode=p["mode"], max_periods=p["max_periods"], **_range(p)
    ),
    "paths": lambda i, p: a.top_paths(i.log, p["event"], depth=p["depth"], top=p["top"], **_range(p)),
    "journey_map": lambda i, p: fold(a.top_journeys(i.log, p["event"], top=p["top"], depth=p["depth"], **_range(p)),
                                     before=False)[0],
    "sessions": lambda i, p: a.session_summary(i.log, p["period"], gap=f"{p['gap_minutes']}min", **_range(p)),
    "touchpoint_time": lambda i, p: _longest_first(
        a.touchpoint_times(i.log, gap=f"{p['gap_minutes']}min", **_range(p)).head(p["top"])
    ),
    "heatmap": lambda i, p: a.usage_heatmap(i.log, p["measure"], **_range(p)),
    "segments": lambda i, p: a.compare_segments(
        i.log,
        lambda part: a.feature_adoption(part, events=[p["event"]], **_range(p)),
        p["by"],
        customers=i.customers,
    ),
    "survey": _survey,
    "revenue": _revenue,
    "anomalies": lambda i, p: a.anomalies(a.daily_series(i.log), window=p["window"], threshold=p["threshold"]),
    "experiment": lambda i, p: a.experiment(i.log, p["by"], p["goal"], customers=i.customers, **_range(p)),
    "before_after": lambda i, p: a.before_after(a.daily_series(i.log), p["change"], days=p["days"]),
    "metric_trend": lambda i, p: _metric_sums(i, p),
    "experiment_plan": lambda i, p: _plan(i, p),
    "trends": lambda i, p: a.event_trend(i.log, p["period"], **_range(p))[["period", "users", "events"]]
    .rename(columns={"events": "value"}).astype({"value": float}),  # every event per week, and its users
    "themes": lambda i, p: _themes(i, p),
    "pain_points": lambda i, p: pain.pain_points(a, i.log, p, customers=i.customers, feedback=pain.feedback_of(i),
                                                 themes=i.project.themes).table,
}


def _themes(inputs: AnalysisInputs, params: dict[str, Any]) -> pd.DataFrame:
    """Step 5's theme table (``theme_summary``) of each month's comments, in the rules' order."""
    from usagelens.analytics.themes import starter_rules, theme_summary
    from usagelens.workspace.project_data import feedback_table

    answers = feedback_table(inputs.project)
    assert answers is not None and params["split"] == "time" and params["period"] == "month"
    rules = inputs.project.themes or starter_rules()
    order = [rule.name for rule in rules] + ["(no theme)"]
    months = answers["time"].dt.to_period("M").dt.start_time
    parts = []
    for month in sorted(months.dropna().unique()):
        comments = answers.loc[months == month, "comment"]
        summary = theme_summary(comments, rules).set_index("theme").loc[order].reset_index()
        said = int((comments.str.strip() != "").sum())
        parts.append(summary.assign(period=month, period_comments=said)[
            ["period", "theme", "comments", "share", "period_comments"]])
    return pd.concat(parts, ignore_index=True)


def _plan(inputs: AnalysisInputs, params: dict[str, Any]) -> pd.DataFrame:
    """The sample size for the goal's adoption rate at 5-50 % and the chosen change; weeks from the mean of
    the lifecycle's new users per week without the first and last (partial) weeks."""
    from usagelens.analytics.experiments import sample_size

    baseline = float(a.feature_adoption(inputs.log, events=[params["goal"]], **_range(params))["adoption_rate"][0])
    new = a.lifecycle(inputs.log, "week", **_range(params))["new"].to_numpy(float)[1:-1].mean()
    rows = []
    for effect in sorted({0.05, 0.1, 0.2, 0.3, 0.5, params["effect"] / 100}):
        per = sample_size(baseline, effect, alpha=params["alpha"] / 100 / (params["variants"] - 1),
                          power=params["power"] / 100)
        rows.append({"relative_effect": effect, "baseline_rate": baseline, "target_rate": baseline * (1 + effect),
                     "users_per_variant": per, "users_needed": per * params["variants"],
                     "weeks_of_new_users": per * params["variants"] / new})
    return pd.DataFrame(rows)


def _metric_sums(inputs: AnalysisInputs, params: dict[str, Any]) -> pd.DataFrame:
    """Plain pandas: the metric of the demo's GA4 export summed per ISO week (Monday start)."""
    assert inputs.metrics is not None
    table = inputs.metrics.table.dropna(subset=["Date"])
    table = table[(table["Date"] >= params["start"]) & (table["Date"] <= params["end"])]
    weeks = table["Date"] - pd.to_timedelta(table["Date"].dt.day_of_week, unit="D")
    sums = table.groupby(weeks.rename("period"))[params["metric"]].sum().astype(float)
    return sums.reset_index().rename(columns={"Date": "period"})


def test_every_analysis_has_an_expectation() -> None:
    assert set(EXPECTED) == set(ANALYSES)


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_table_is_the_engine_result(kind: str, inputs: AnalysisInputs, facts: DataFacts) -> None:
    params = ANALYSES[kind].defaults(facts)
    result = run_analysis(kind, inputs, params)
    assert not result.empty, result.message
    assert result.charts and all(chart.title for chart in result.charts)
    pd.testing.assert_frame_equal(
        result.table.reset_index(drop=True), EXPECTED[kind](inputs, params).reset_index(drop=True)
    )


def test_defaults_come_from_the_data(facts: DataFacts) -> None:
    assert facts.first_day is not None and facts.first_day.isoformat() == "2024-01-01"
    assert {"plan", "platform"} <= set(facts.attributes)
    funnel = ANALYSES["funnel"].defaults(facts)
    assert funnel["steps"][0] == "signup" and funnel["window_days"] == 14
    assert ANALYSES["before_after"].defaults(facts)["change"] == "2024-04-01"  # the first release marker


def test_breakdowns_give_one_series_per_segment(inputs: AnalysisInputs, facts: DataFacts) -> None:
    params = {**ANALYSES["active_users"].defaults(facts), "by": "platform"}
    result = run_analysis("active_users", inputs, params)
    assert len(result.charts[0].series) == result.table["segment"].nunique() >= 2


@pytest.mark.parametrize(
    ("kind", "change", "expected"),
    [
        ("active_users", {"start": "2031-01-01", "end": "2031-02-01"}, "no data"),
        ("heatmap", {"start": "2031-01-01", "end": "2031-02-01"}, "no events"),
        ("funnel", {"steps": ["signup", "signup"], "order": "strict"}, "no user reached"),
        ("funnel", {"start": "2024-08-01", "end": "2024-08-31"}, "nobody did"),
        ("experiment", {"start": "2024-03-05", "end": "2024-03-05"}, "too few users"),
        ("paths", {"event": "no_such_event"}, "does not occur"),
        ("before_after", {"change": "2020-01-01"}, "at least 2 days"),
        ("segments", {"by": ""}, "choose an attribute"),
    ],
)
def test_odd_inputs_give_a_message(
    kind: str, change: dict[str, Any], expected: str, inputs: AnalysisInputs, facts: DataFacts
) -> None:
    result = run_analysis(kind, inputs, {**ANALYSES[kind].defaults(facts), **change})
    assert expected in result.message.lower()


def test_without_data_every_analysis_explains_itself() -> None:
    from usagelens.model import Project

    empty = AnalysisInputs(Project())
    facts = DataFacts.of(empty)
    for kind, spec in ANALYSES.items():
        result = run_analysis(kind, empty, spec.defaults(facts))
        assert result.empty and "import" in result.message.lower(), kind


def test_a_saved_analysis_recomputes_with_defaults_for_missing_parameters(inputs: AnalysisInputs) -> None:
    saved = SavedAnalysis("Monthly actives", "active_users", {"period": "month"})
    result = recompute(inputs.project, saved)
    assert len(result.table) == 6 and result.params["start"] == "2024-01-01"
