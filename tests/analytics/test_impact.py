"""Step 7's measured impact and the KPI series and as-of values behind it, on the demo project's planted stories."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from usagelens.analytics.adoption import feature_adoption
from usagelens.analytics.impact import action_objective_id, impact_of_action
from usagelens.analytics.kpi import KpiInputs, evaluate_kpi
from usagelens.analytics.kpi_series import kpi_series
from usagelens.analytics.priority import by_priority, rice_score
from usagelens.analytics.themes import search_comments, starter_rules, theme_summary
from usagelens.model import Action, KpiBinding, Project, ThemeRule, load_project
from usagelens.paths import demo_project
from usagelens.workspace.project_data import analysed_log, feedback_table, kpi_inputs

ADOPTION = KpiBinding("adoption", {"event": "set_reminder", "period": "week"})


@pytest.fixture(scope="module")
def demo() -> Project:
    return load_project(demo_project())


@pytest.fixture(scope="module")
def inputs(demo: Project) -> KpiInputs:
    log = analysed_log(demo)
    assert log is not None
    return kpi_inputs(demo, log)


def test_reminders_release_shows_the_planted_increase(demo: Project, inputs: KpiInputs) -> None:
    action = next(a for a in demo.actions if a.release_date == date(2024, 4, 1))
    objective = next(o for o in demo.objectives if o.id == action_objective_id(demo, action))
    assert objective.binding == ADOPTION
    impact = impact_of_action(action, objective.binding, inputs)
    assert impact.verdict == "increase" and impact.measured
    assert impact.window_days == 28 and impact.before_start == date(2024, 3, 4)
    assert impact.p_value < 1e-6 and impact.ci_low > 0.10  # daily share of actives: ~7% before, ~24% after
    assert impact.after_mean > 2.5 * impact.before_mean
    assert impact.series is not None and len(impact.series) == 56
    assert impact.windows == [  # the two 28-day windows meet at the release day, which opens "after"
        (date(2024, 3, 4), date(2024, 3, 31), "before"),
        (date(2024, 4, 1), date(2024, 4, 28), "after"),
    ]


def test_too_few_days_after_the_release_is_flagged(inputs: KpiInputs) -> None:
    late = Action("Late release", release_date=date(2024, 6, 25))
    impact = impact_of_action(late, ADOPTION, inputs)
    assert impact.verdict == "too few data" and not impact.measured and "14" in impact.reason
    assert impact.windows == []
    assert impact_of_action(Action("No date"), ADOPTION, inputs).verdict == "not measurable"
    assert impact_of_action(late, None, inputs).verdict == "not measurable"


def test_kpi_as_of_a_date_matches_the_metric_on_data_up_to_that_date(inputs: KpiInputs) -> None:
    value = evaluate_kpi(ADOPTION, inputs, as_of=date(2024, 3, 31))
    expected = feature_adoption(inputs.log, start="2024-03-25", end="2024-03-31", events=["set_reminder"])
    assert value.as_of == date(2024, 3, 25)
    assert value.value == pytest.approx(float(expected["adoption_rate"].iloc[0]))
    nps_then = evaluate_kpi(KpiBinding("nps", {}), inputs, as_of=date(2024, 4, 14))
    assert nps_then.as_of <= date(2024, 4, 14) and nps_then.value == pytest.approx(5, abs=4)  # README: +5


def test_weekly_series_agrees_with_the_current_kpi(inputs: KpiInputs) -> None:
    series = kpi_series(ADOPTION, inputs, "week")
    current = evaluate_kpi(ADOPTION, inputs)
    assert series[str(current.as_of)] == pytest.approx(current.value)
    assert series["2024-01-08":"2024-03-25"].mean() == pytest.approx(0.096, abs=0.02)  # README: 9.6% in Q1
    retention = KpiBinding("retention", {"period": "week", "offset": 4})
    assert kpi_series(retention, replace(inputs), "day").between(0, 1).all()


def test_rice_score_and_priority_order() -> None:
    big = Action("Big", reach=1000, impact=2, confidence=0.5, effort=4)
    sure = Action("Sure", reach=400, impact=1, confidence=1.0, effort=1)
    assert rice_score(big) == pytest.approx(250) and rice_score(sure) == pytest.approx(400)
    assert rice_score(Action("Unscored", reach=10)) is None
    assert [a.title for a in by_priority([Action("Unscored"), big, sure])] == ["Sure", "Big", "Unscored"]


def test_themes_count_comments_and_quote_customers(demo: Project) -> None:
    comments = feedback_table(demo)["comment"]
    table = theme_summary(comments, starter_rules())
    crashes = table.set_index("theme").loc["Crashes & errors"]
    assert crashes["comments"] > 20 and any("crash" in q.lower() for q in crashes["quotes"])
    assert table["theme"].iloc[-1] == "(no theme)"
    assert len(set(crashes["quotes"])) == len(crashes["quotes"]) <= 3
    assert theme_summary(comments.iloc[:0], [ThemeRule("x", ["y"])])["comments"].sum() == 0
    # Keywords match word starts: "ice" does not find "price".
    sample = pd.Series(["The price is high", "Nice tool", "", None])
    assert theme_summary(sample, [ThemeRule("Ice", ["ice"])])["comments"].iloc[0] == 0
    assert search_comments(sample, "PRICE high").tolist() == ["The price is high"]
