"""Trends for any question (issue 16.4) on a hand-made log: each measure, a formula, the previous period,
smoothing and breakdowns, worked out by hand; and the same table from the Ibis definitions on DuckDB."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics.definitions import duckdb_backend
from usagelens.analytics.kpi import KpiInputs, binding_label, evaluate_kpi
from usagelens.analytics.kpi_series import kpi_series
from usagelens.model import KpiBinding, Project, Source, SourceKind
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, AnalysisResult, run_analysis
from usagelens.workspace.kpi_from_analysis import binding_from_analysis
from usagelens.workspace.warehouse import gallery_table

# ISO weeks from Monday 4, 11, 18 and 25 March 2024; nothing happens in the week of the 11th. The amount is text
# as an export gives it: numbers (" 5 " too), one that is not a number ("abc"), blanks and missing values.
ROWS = [
    ("a", "2024-03-04 09:00", "export", "10", "free"),
    ("a", "2024-03-05 09:00", "export", "abc", "free"),
    ("a", "2024-03-05 10:00", "login", None, "free"),
    ("b", "2024-03-06 09:00", "export", " 5 ", "pro"),
    ("b", "2024-03-06 10:00", "login", "", "pro"),
    ("c", "2024-03-18 09:00", "login", None, "pro"),
    ("c", "2024-03-19 09:00", "login", "2", "pro"),
    ("a", "2024-03-20 09:00", "login", None, "free"),
    ("b", "2024-03-25 09:00", "export", "7.5", "pro"),
    ("b", "2024-03-26 09:00", "export", "-1", "pro"),
]
ROLES = {"user_id": "user", "timestamp": "time", "event": "event"}
WHOLE = {"start": "2024-03-04", "end": "2024-03-31"}


def _frame() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["user", "time", "event", "amount", "plan"]).astype({"amount": object})
    frame["time"] = pd.to_datetime(frame["time"])
    return frame


def _inputs() -> AnalysisInputs:
    return AnalysisInputs(Project(sources=[Source("events.csv", SourceKind.EVENTS, table=_frame(), roles=ROLES)]))


def _params(**given: object) -> dict[str, object]:
    return {**ANALYSES["trends"].defaults(_inputs().facts), **WHOLE, **given}


def _run(**given: object) -> AnalysisResult:
    return run_analysis("trends", _inputs(), _params(**given))


def _values(result: AnalysisResult, column: str = "value") -> list[float]:
    return [None if math.isnan(v) else v for v in result.table[column].tolist()]  # type: ignore[misc]


def test_the_amount_is_offered_as_a_number_and_the_defaults_count_every_event() -> None:
    params = ANALYSES["trends"].defaults(_inputs().facts)
    assert _inputs().facts.numbers == ("amount",)  # not the plan: its values are words
    assert (params["event"], params["measure"], params["formula"], params["compare_previous"]) == ("", "events", "", "")
    result = _run()
    assert list(result.table.columns) == ["period", "users", "value"]  # beside events: who did them
    assert _values(result) == [5, 0, 3, 2]  # the empty week is 0, not left out
    assert result.table["users"].tolist() == [2, 0, 2, 1]
    assert result.charts[0].series[0].name == "All events"


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("events", [3, 0, 0, 2]),
        ("users", [2, 0, 0, 1]),
        ("per_user", [1.5, None, None, 2.0]),  # a week without users has no events per user: empty, not 0 or inf
        ("sum", [15.0, 0.0, 0.0, 6.5]),  # "abc" is not a number: left out
        ("average", [7.5, None, None, 3.25]),  # over the 2 numbers of the week, not its 3 exports
    ],
)
def test_each_measure_of_one_event(measure: str, expected: list[float | None]) -> None:
    result = _run(event="export", measure=measure, property="amount")
    assert _values(result) == expected
    assert not result.empty


def test_values_that_are_not_numbers_or_missing_are_left_out_and_counted() -> None:
    result = _run(measure="sum", property="amount")
    assert _values(result) == [15.0, 0.0, 2.0, 6.5]
    # 10 events: 5 numbers, "abc", and four without an amount (two missing in week 1 counting the blank, two in 3)
    assert "amount: 1 with a value that is not a number and 4 without one of the 10 events are left out of the " \
           "sum." in result.message
    assert result.charts[0].series[0].name == "Sum of amount"


def test_a_formula_divides_and_an_empty_b_gives_an_empty_cell() -> None:
    result = _run(event="export", formula="divide", event_b="login", measure_b="users")
    table = result.table
    assert list(table.columns) == ["period", "a_users", "a", "b", "value"]  # b counts users itself
    assert table["a"].tolist() == [3, 0, 0, 2] and table["b"].tolist() == [2, 0, 2, 0]
    assert table["a_users"].tolist() == [2, 0, 0, 1]
    assert _values(result) == [1.5, None, 0.0, None]  # 0 ÷ 2 is 0; 2 ÷ 0 and 0 ÷ 0 are empty, never inf
    assert not np.isinf(table["value"]).any()
    assert "2 weeks left empty: B is 0 there." in result.message
    assert result.charts[0].series[0].name == "export events ÷ Users who did login"
    minus = _run(event="export", formula="subtract", event_b="login", measure_b="users")
    assert _values(minus) == [1, 0, -2, 2]


def test_the_previous_period_is_the_range_one_range_back_and_a_week_without_data_is_empty() -> None:
    result = _run(event="export", compare_previous="yes", start="2024-03-18", end="2024-03-31")
    table = result.table
    assert table["previous_period"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-04", "2024-03-11"]
    assert _values(result) == [0, 2]
    assert _values(result, "previous") == [3, None]  # no event at all in the week of the 11th: outside the data
    assert _values(result, "change") == [-1.0, None]
    assert "Compared with the previous 2 weeks (04 Mar 2024 to 17 Mar 2024). Mean per week 1 against 3 (-66.7%)." \
        in result.message
    current, previous = result.charts[0].series
    assert previous.dashed and not current.dashed
    assert list(previous.x) == list(current.x)  # drawn over the same weeks, to compare point by point
    before_data = _run(compare_previous="yes")
    assert "The previous 4 weeks (05 Feb 2024 to 03 Mar 2024) hold no events" in before_data.message
    assert before_data.table["previous"].isna().all()


def test_a_month_range_goes_back_by_as_many_months_and_a_day_range_by_as_many_days() -> None:
    months = _run(period="month", compare_previous="yes")
    assert months.table["previous_period"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-01"]
    days = _run(period="day", compare_previous="yes", start="2024-03-18", end="2024-03-26")
    assert days.table["previous_period"].iloc[0] == pd.Timestamp("2024-03-09")  # 9 days back
    assert _values(days, "previous")[:2] == [None, None]  # the 9th and 10th: a weekend without events


def test_smoothing_is_a_rolling_mean_that_waits_for_a_full_window() -> None:
    result = _run(smoothing="rolling")
    assert _values(result, "smoothed") == [None, None, None, 2.5]  # (5 + 0 + 3 + 2) / 4
    assert "Smoothed: the mean of the last 4 weeks, so the first 3 are empty." in result.message
    assert result.charts[0].series[0].y.tolist()[-1] == 2.5  # the chart draws the smoothed line
    assert result.charts[0].title.endswith("4-week rolling mean")


def test_a_breakdown_splits_by_each_users_first_plan() -> None:
    result = _run(event="export", by="plan")
    table = result.table
    assert table["segment"].unique().tolist() == ["free", "pro"]
    assert table.loc[table["segment"] == "free", "value"].tolist() == [2, 0, 0, 0]
    assert table.loc[table["segment"] == "pro", "value"].tolist() == [1, 0, 0, 2]
    assert [s.name for s in result.charts[0].series] == ["free", "pro"]
    compared = _run(event="export", by="plan", compare_previous="yes", start="2024-03-18")
    assert [s.dashed for s in compared.charts[0].series] == [False, True, False, True]


def test_the_last_week_cut_by_the_data_is_said_to_be_partial() -> None:
    assert "The last week (from 25 Mar 2024) is partial" in _run().message


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"measure": "sum", "property": ""}, "Choose a numeric event property to sum"),
        ({"measure": "average", "property": "colour"}, "No event property named 'colour'"),
        ({"event": "nope"}, "Event 'nope' does not occur in the data"),
        ({"start": "2031-01-01", "end": "2031-02-01"}, "There are no such events in this date range"),
    ],
)
def test_odd_questions_get_a_sentence(given: dict[str, object], message: str) -> None:
    result = _run(**given)
    assert result.empty and result.message.startswith(message), result.message


@pytest.mark.parametrize(
    "given",
    [
        {"event": "export", "formula": "divide", "event_b": "", "measure_b": "users", "compare_previous": "yes",
         "smoothing": "rolling", "period": "day", "start": "2024-03-18"},
        {"measure": "average", "property": "amount", "by": "plan", "compare_previous": "yes", "start": "2024-03-18"},
        {"measure": "per_user", "formula": "subtract", "event_b": "login", "measure_b": "sum", "property_b": "amount",
         "by": "plan"},
    ],
    ids=["formula-previous-smoothed", "average-by-plan", "per-user-minus-sum-by-plan"],
)
def test_duckdb_gives_the_same_result(given: dict[str, object]) -> None:
    """The Ibis definitions over a view on DuckDB: the same table, chart and message as the event log's."""
    view = duckdb_backend.register_frame(duckdb_backend.connect(memory_limit="1GB", threads=1), _frame(),
                                         user="user", time="time", event="event", properties=["amount", "plan"])
    on_view, in_memory = gallery_table("trends", view, _params(**given)), _run(**given)
    pd.testing.assert_frame_equal(on_view.table, in_memory.table)
    assert {"users", "a_users", "b_users"} & set(on_view.table.columns)  # who did the events counted, per period
    assert on_view.message == in_memory.message
    assert [s.name for s in on_view.charts[0].series] == [s.name for s in in_memory.charts[0].series]


def test_a_trend_becomes_a_kpi_of_its_last_complete_week() -> None:
    params = _params(event="export", formula="divide", event_b="", measure_b="users", by="plan",
                     smoothing="rolling", compare_previous="yes")
    binding = binding_from_analysis("trends", params)
    assert binding == KpiBinding("trend", {"period": "week", "event": "export", "measure": "events",
                                           "formula": "divide", "measure_b": "users"})
    assert binding_label(binding) == "Weekly export events ÷ Active users"
    log = _inputs().log
    kpi = evaluate_kpi(binding, KpiInputs(log))
    # the data ends on Tuesday 26 March: the last complete week is the 18th's, with no export among 2 users
    assert (kpi.value, kpi.as_of, kpi.basis) == (0.0, date(2024, 3, 18),
                                                 "export events ÷ Active users, week starting 2024-03-18")
    series = kpi_series(binding, KpiInputs(log), "week")
    assert [None if math.isnan(v) else v for v in series.tolist()] == [1.5, None, 0.0, 2.0]  # b alone, twice
    alone = binding_from_analysis("trends", _params(measure="sum", property="amount", measure_b="users"))
    assert alone == KpiBinding("trend", {"period": "week", "measure": "sum", "property": "amount"})
    assert evaluate_kpi(alone, KpiInputs(log)).value == 2.0  # the week of the 18th: c's "2"
    empty = evaluate_kpi(KpiBinding("trend", {"period": "week", "measure": "per_user", "event": "export"}),
                         KpiInputs(log), as_of=date(2024, 3, 24))
    assert empty.value is None and "nothing to divide by" in empty.basis  # the week of the 11th had no one
