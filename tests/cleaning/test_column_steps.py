"""drop_columns, rename_columns, change_type and trim_text on small tables with exact expected results."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from usagelens.cleaning import StepStatus
from usagelens.cleaning.column_steps import conversion_loss


@pytest.fixture
def people() -> pd.DataFrame:
    return pd.DataFrame({
        "id": [7.0, 8.0, np.nan],
        "email": ["a@x.com", "b@x.com", None],
        "phone": ["+1 555 0100", None, "+1 555 0101"],
        "amount": ["12.5", "n/a", " 3 "],
    })


def test_drop_columns(run, people):
    result = run(people, ("drop_columns", {"columns": ["email", "phone"]}))
    assert_frame_equal(result.frame, people[["id", "amount"]])


def test_rename_columns(run, people):
    result = run(people, ("rename_columns", {"mapping": {"id": "user_id", "amount": "revenue"}}))
    assert list(result.frame.columns) == ["user_id", "email", "phone", "revenue"]
    assert result.frame["revenue"].tolist() == people["amount"].tolist()


def test_rename_columns_refuses_to_make_two_columns_with_one_name(run, people):
    result = run(people, ("rename_columns", {"mapping": {"id": "email"}}))
    assert result.outcomes[0].error == "Two columns would be called email"
    result = run(people, ("rename_columns", {"mapping": {"id": "x", "phone": "x"}}))
    assert result.outcomes[0].error == "Two columns would be called x"


def test_rename_columns_can_swap_names(run, people):
    result = run(people, ("rename_columns", {"mapping": {"email": "phone", "phone": "email"}}))
    assert result.frame["phone"].tolist() == people["email"].tolist()


def test_change_type_to_number_counts_what_failed(run, people):
    result = run(people, ("change_type", {"column": "amount", "to": "number"}))
    assert_series_equal(result.frame["amount"], pd.Series([12.5, np.nan, 3.0], name="amount"))
    assert result.outcomes[0].notes == ("1 value in amount could not be read as numbers and is now missing ('n/a')",)


def test_change_type_says_before_what_it_would_lose(people):
    comments = pd.Series(["Too slow", "9", None, "n/a", "Too slow", "  "])
    assert conversion_loss(comments, "number") == (
        "3 of 4 values cannot be read as numbers ('Too slow', 'n/a') and would become missing."
    )
    assert conversion_loss(people["amount"].iloc[[0, 2]], "number") == ""


def test_change_type_to_text_keeps_ids_as_written(run, people):
    result = run(people, ("change_type", {"column": "id", "to": "text"}))
    assert result.frame["id"].tolist()[:2] == ["7", "8"]
    assert result.frame["id"].isna().tolist() == [False, False, True]
    assert result.outcomes[0].notes == ()


def test_change_type_to_date_reads_mixed_formats_and_offsets_to_utc(run):
    frame = pd.DataFrame({"t": ["2024-03-01", "2024-03-01 10:00:00.123456", "2024-03-01T12:00:00+02:00",
                                "03/15/2024", "someday", ""]})
    result = run(frame, ("change_type", {"column": "t", "to": "date"}))
    expected = pd.to_datetime(["2024-03-01", "2024-03-01 10:00:00.123456", "2024-03-01 10:00:00",
                               "2024-03-15", None, None], format="ISO8601")
    assert result.frame["t"].tolist() == list(expected)
    assert result.outcomes[0].notes == ("1 value in t could not be read as dates and is now missing ('someday')",)


def test_change_type_to_yes_no(run):
    frame = pd.DataFrame({"paid": ["Yes", "no", "TRUE", "0", "maybe", None]})
    result = run(frame, ("change_type", {"column": "paid", "to": "yes-no"}))
    expected = pd.Series([True, False, True, False, None, None], dtype="boolean", name="paid")
    assert_series_equal(result.frame["paid"], expected)
    assert result.outcomes[0].notes == (
        "1 value in paid could not be read as yes/no answers and is now missing ('maybe')",
    )


def test_change_type_rejects_an_unknown_type(run, people):
    result = run(people, ("change_type", {"column": "amount", "to": "money"}))
    assert result.outcomes[0].error == "'to' should be one of: text, number, date, yes-no"


def test_trim_text_strips_collapses_and_lowers(run):
    frame = pd.DataFrame({"plan": ["  Pro  Plan ", "pro plan", "   ", None], "n": [1, 2, 3, 4]})
    result = run(frame, ("trim_text", {"case": "lower"}))
    expected = pd.DataFrame({"plan": ["pro plan", "pro plan", None, None], "n": [1, 2, 3, 4]})
    assert_frame_equal(result.frame, expected.astype({"plan": "str"}))


def test_trim_text_can_keep_inner_spaces_and_case(run):
    frame = pd.DataFrame({"a": [" A  b "], "b": [" C "], "n": [1]})
    result = run(frame, ("trim_text", {"columns": ["a", "n"], "collapse_spaces": False}))
    assert result.frame.iloc[0].tolist() == ["A  b", " C ", 1]
    assert result.outcomes[0].notes == ("Not text, left as they are: n",)


def test_trim_text_on_tidy_text_changes_nothing(run):
    frame = pd.DataFrame({"a": ["x", "y z"]})
    assert_frame_equal(run(frame, ("trim_text", {})).frame, frame)


def test_missing_column_skips_the_step_and_the_rest_still_runs(run, people):
    result = run(
        people,
        ("drop_columns", {"columns": ["phone"]}),
        ("change_type", {"column": "phone", "to": "text"}),
        ("rename_columns", {"mapping": {"id": "user_id"}}),
    )
    statuses = [o.status for o in result.outcomes]
    assert statuses == [StepStatus.APPLIED, StepStatus.FAILED, StepStatus.APPLIED]
    assert result.outcomes[1].error == "Column 'phone' is not in the table (renamed or removed since?)"
    assert list(result.frame.columns) == ["user_id", "email", "amount"]
