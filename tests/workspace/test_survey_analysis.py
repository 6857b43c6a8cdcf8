"""NPS / CSAT per week or month, split by a column of the survey or the answering user's customer attribute,
with the shares of promoters, passives and detractors (issue 16.4): hand-counted answers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from usagelens.analytics.surveys import score_bands, survey_over_time
from usagelens.model import Project, Source, SourceKind
from usagelens.workspace.analyses import AnalysisInputs, run_analysis

SURVEY = pd.DataFrame({
    "user": ["a", "b", "c", "d", "a", "e", "f"],
    "answered": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-09", "2024-01-10",
                                "2024-01-11", None]),
    "score": [10, 9, 3, 7, 6, 10, 10],
    "plan": ["pro", "free", "free", "pro", "pro", None, "pro"],
})
CUSTOMERS = pd.DataFrame({"id": ["a", "b", "c", "d", "e"], "country": ["DE", "FR", "DE", "FR", "DE"]})


def _inputs(scale: str = "nps", scores: list[int] | None = None) -> AnalysisInputs:
    survey = SURVEY.assign(score=scores) if scores else SURVEY
    return AnalysisInputs(Project(name="survey", sources=[
        Source("Survey", SourceKind.FEEDBACK, table=survey, score_scale=scale,
               roles={"user_id": "user", "timestamp": "answered", "score": "score"}),
        Source("Customers", SourceKind.CUSTOMERS, table=CUSTOMERS, roles={"user_id": "id"}),
    ]))


def test_weekly_scores_and_bands_count_each_answer_once() -> None:
    table = survey_over_time(SURVEY["score"], SURVEY["answered"], "nps", "week")
    # week of 1 Jan: 10, 9, 3 -> 2 promoters, 1 detractor; week of 8 Jan: 7, 6, 10; the undated answer is left out
    assert table["period"].tolist() == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-08")]
    assert table["responses"].tolist() == [3, 3]
    assert table["value"].tolist() == pytest.approx([100 * (2 - 1) / 3, 0.0])
    assert table[["promoters", "passives", "detractors"]].to_numpy().ravel().tolist() == pytest.approx(
        [2 / 3, 0, 1 / 3, 1 / 3, 1 / 3, 1 / 3])


def test_a_split_by_a_survey_column_keeps_missing_labels_last() -> None:
    table = survey_over_time(SURVEY["score"], SURVEY["answered"], "nps", "month", SURVEY["plan"])
    assert table["segment"].tolist() == ["free", "pro", "(missing)"]
    assert table["responses"].tolist() == [2, 3, 1]  # pro: 10, 7, 6 (the undated 10 left out)
    assert table.loc[1, "value"] == pytest.approx(0.0)


def test_csat_bands_are_satisfied_neutral_dissatisfied() -> None:
    bands = score_bands(pd.Series([5, 4, 3, 1, None]), "csat")
    assert bands == pytest.approx({"satisfied": 0.5, "neutral": 0.25, "dissatisfied": 0.25})
    assert all(math.isnan(v) for v in score_bands(pd.Series([], dtype=float), "nps").values())


def test_the_gallery_splits_by_the_survey_or_the_customers_and_draws_the_bands() -> None:
    inputs = _inputs()
    assert inputs.facts.survey_segments == ("plan", "country")
    by_country = run_analysis("survey", inputs, {"period": "month", "by": "country", "show": "score"})
    # a, c, a, e answered from Germany, b and d from France; f's answer has no time
    assert by_country.table["segment"].tolist() == ["DE", "FR"]
    assert by_country.table["responses"].tolist() == [4, 2]
    bands = run_analysis("survey", inputs, {"period": "week", "by": "", "show": "bands"})
    assert [s.name for s in bands.charts[0].series] == ["Promoters", "Passives", "Detractors"]
    assert "57% promoters, 14% passives, 29% detractors" in bands.message  # of all 7 answers
    worst = run_analysis("survey", inputs, {"period": "month", "by": "plan", "show": "bands"})
    assert worst.charts[0].title == "Detractors per month by plan"
    unknown = run_analysis("survey", inputs, {"period": "month", "by": "shoe_size", "show": "score"})
    assert unknown.empty and "shoe_size" in unknown.message


def test_themes_by_score_band_count_each_band_s_comments() -> None:
    comments = ["crash on start", "love the reminders", "too expensive, and it crashes", "", "fine", "crash", "x"]
    inputs = _inputs()
    inputs.project.sources[0].table = SURVEY.assign(comment=comments)
    inputs.project.sources[0].roles["comment"] = "comment"
    result = run_analysis("themes", AnalysisInputs(inputs.project), {"split": "score"})
    table = result.table.set_index(["band", "theme"])
    # promoters (9-10): a's "crash on start", b's "love the reminders", e's "crash", f's "x" (undated: a band
    # needs no time); passives (7-8): d's empty answer; detractors (0-6): c's "too expensive, and it crashes"
    # and a's "fine"
    assert table.loc[("promoters", "Crashes & errors"), "comments"] == 2
    assert table.loc[("promoters", "Reminders"), "comments"] == 1
    assert table.loc[("promoters", "(no theme)"), "band_comments"] == 4
    assert table.loc[("detractors", "Price"), "share"] == 0.5
    assert table.loc[("detractors", "(no theme)"), "share"] == 0.5
    assert table.loc[("passives", "(no theme)"), "band_comments"] == 0
    assert [s.name for s in result.charts[0].series] == ["Promoters", "Passives", "Detractors"]
    assert "shares can add up to more than 100 %" in result.message
