"""remove_duplicates, filter_rows and fill_missing on small tables with exact expected results."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from usagelens.cleaning import STEP_KINDS, StepStatus


@pytest.fixture
def plans() -> pd.DataFrame:
    return pd.DataFrame({
        "user": ["u1", "u1", "u2", "u3", "u4"],
        "plan": ["pro", "pro", "team", None, "free"],
        "seats": [5.0, 5.0, 12.0, np.nan, 1.0],
        "at": pd.to_datetime(["2024-01-01 08:00", "2024-01-01 08:00", "2024-01-31 23:59:59.999999",
                              "2024-02-01", "2023-12-31 23:00"], format="ISO8601"),
    })


def test_remove_duplicates_keeps_first_of_each_full_row(run, plans):
    result = run(plans, ("remove_duplicates", {}))
    assert_frame_equal(result.frame, plans.iloc[[0, 2, 3, 4]])
    assert (result.outcomes[0].rows_before, result.outcomes[0].rows_after) == (5, 4)


def test_remove_duplicates_on_a_subset_can_keep_the_last(run):
    frame = pd.DataFrame({"user": ["a", "a", "b"], "n": [1, 2, 3]})
    result = run(frame, ("remove_duplicates", {"columns": ["user"], "keep": "last"}))
    assert_frame_equal(result.frame, frame.iloc[[1, 2]])


def test_remove_duplicates_without_duplicates_keeps_every_row(run, plans):
    unique = plans.drop_duplicates()
    result = run(unique, ("remove_duplicates", {}))
    assert_frame_equal(result.frame, unique)
    assert result.outcomes[0].status is StepStatus.APPLIED


@pytest.mark.parametrize(
    ("params", "kept"),
    [
        ({"column": "plan", "operator": "equals", "value": "pro"}, [0, 1]),
        ({"column": "plan", "operator": "one_of", "values": ["pro", "team"]}, [0, 1, 2]),
        ({"column": "plan", "operator": "not_one_of", "values": ["pro"]}, [2, 3, 4]),  # missing stays
        ({"column": "plan", "operator": "contains", "value": "EA"}, [2]),  # case-insensitive
        ({"column": "seats", "operator": "equals", "value": "5"}, [0, 1]),  # read as the column's type
        ({"column": "seats", "operator": "one_of", "values": [1, 12]}, [2, 4]),
        ({"column": "seats", "operator": "greater", "value": 4}, [0, 1, 2]),
        ({"column": "seats", "operator": "less", "value": 5}, [4]),
        ({"column": "plan", "operator": "is_missing"}, [3]),
        ({"column": "seats", "operator": "not_missing"}, [0, 1, 2, 4]),
        ({"column": "at", "operator": "greater", "value": "2024-01-31"}, [2, 3]),
        ({"column": "at", "operator": "date_range", "start": "2024-01-01", "end": "2024-01-31"}, [0, 1, 2]),
        ({"column": "at", "operator": "date_range", "start": "2024-01-15"}, [2, 3]),
        ({"column": "at", "operator": "date_range", "end": "2024-01-01T07:59:59"}, [4]),
    ],
)
def test_filter_rows_keeps_exactly_the_matching_rows(run, plans, params, kept):
    result = run(plans, ("filter_rows", params))
    assert result.outcomes[0].error is None
    assert_frame_equal(result.frame, plans.iloc[kept])


def test_filter_rows_with_nothing_to_remove_keeps_every_row(run, plans):
    result = run(plans, ("filter_rows", {"column": "user", "operator": "not_missing"}))
    assert_frame_equal(result.frame, plans)


def test_date_range_compares_aware_timestamps_in_utc(run):
    frame = pd.DataFrame({"at": pd.to_datetime(["2024-01-01T00:30:00+02:00", "2024-01-01T03:00:00+02:00"])})
    result = run(frame, ("filter_rows", {"column": "at", "operator": "date_range", "start": "2024-01-01"}))
    assert_frame_equal(result.frame, frame.iloc[[1]])  # the first is 2023-12-31 22:30 UTC


def test_greater_on_text_asks_for_a_type_change(run, plans):
    result = run(plans, ("filter_rows", {"column": "plan", "operator": "greater", "value": 3}))
    outcome = result.outcomes[0]
    assert outcome.status is StepStatus.FAILED
    assert outcome.error == "'greater' compares numbers or dates, but plan holds text; change its type first"
    assert_frame_equal(result.frame, plans)


def test_value_that_does_not_fit_the_column_is_reported(run, plans):
    result = run(plans, ("filter_rows", {"column": "seats", "operator": "equals", "value": "many"}))
    assert result.outcomes[0].error == "'many' is not a number (seats holds number values)"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"column": "plan", "operator": "equals"}, "'equals' needs a value to compare with"),
        ({"column": "plan", "operator": "one_of", "values": []}, "'one of' needs at least one value"),
        ({"column": "at", "operator": "date_range"}, "A date range needs a start date, an end date or both"),
        ({"column": "plan", "operator": "like"}, "'operator' should be one of: equals, one_of, not_one_of, "
         "contains, greater, less, is_missing, not_missing, date_range"),
        ({"column": "at", "operator": "date_range", "start": "soon"},
         "'start' should be a date like 2024-01-31"),
    ],
)
def test_filter_rows_validation(plans, params, message):
    assert STEP_KINDS["filter_rows"].validate(params, list(plans.columns)) == message


def test_fill_missing_fills_blanks_and_gaps_with_a_typed_value(run):
    frame = pd.DataFrame({"plan": ["pro", "  ", None], "seats": [1.0, np.nan, 3.0]})
    result = run(frame, ("fill_missing", {"columns": ["plan", "seats"], "value": "0"}))
    expected = pd.DataFrame({"plan": ["pro", "0", "0"], "seats": [1.0, 0.0, 3.0]})
    assert_frame_equal(result.frame, expected)
    assert result.outcomes[0].notes == ("Filled 3 missing values",)


def test_fill_missing_can_drop_rows_with_gaps(run):
    frame = pd.DataFrame({"a": ["x", "", "z", "w"], "b": [1.0, 2.0, np.nan, 4.0]})
    result = run(frame, ("fill_missing", {"columns": ["a", "b"], "method": "drop"}))
    assert_frame_equal(result.frame, frame.iloc[[0, 3]])


def test_fill_missing_without_gaps_changes_nothing(run, plans):
    result = run(plans, ("fill_missing", {"columns": ["user"], "value": "nobody"}))
    assert_frame_equal(result.frame, plans)
    assert result.outcomes[0].notes == ()


def test_fill_missing_refuses_a_value_of_the_wrong_type(run, plans):
    result = run(plans, ("fill_missing", {"columns": ["seats"], "value": "lots"}))
    assert result.outcomes[0].error == "'lots' is not a number (seats holds number values)"
    assert_frame_equal(result.frame, plans)
