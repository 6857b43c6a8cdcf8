"""Replaying recipes: order, skipped steps, untouched input, descriptions, saving and cancelling."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from usagelens.cleaning import STEP_KINDS, StepStatus, apply_recipe, describe_step, validate_step
from usagelens.model import RecipeStep
from usagelens.model.serialize import from_json, to_json

ROLES = {"user_id": "user", "event": "event", "timestamp": "at"}

# one step of every kind, with the description the recipe list shows for it
EVERY_KIND = [
    (RecipeStep("remove_duplicates", {}), "Remove duplicate rows"),
    (RecipeStep("remove_duplicates", {"columns": ["user", "at"]}), "Remove rows that repeat user, at"),
    (RecipeStep("trim_text", {"columns": ["plan"], "case": "lower"}),
     "Trim spaces in plan and make lower case"),
    (RecipeStep("rename_events", {"mapping": {"Sign Up": "signup"}}), "Rename event 'Sign Up' → 'signup'"),
    (RecipeStep("rename_events", {"mapping": {"a": "x", "b": "y"}}), "Rename events: 'a' → 'x', 'b' → 'y'"),
    (RecipeStep("filter_rows", {"column": "plan", "operator": "one_of", "values": ["pro", "team"]}),
     "Keep rows where plan is one of: pro, team"),
    (RecipeStep("filter_rows", {"column": "at", "operator": "date_range", "start": "2024-01-01",
                                "end": "2024-06-30"}),
     "Keep rows where at is between 2024-01-01 and 2024-06-30"),
    (RecipeStep("fill_missing", {"columns": ["plan"], "value": "free"}), "Fill missing plan with 'free'"),
    (RecipeStep("fill_missing", {"columns": ["plan", "user"], "method": "drop"}),
     "Drop rows with missing plan, user"),
    (RecipeStep("exclude_users", {"users": ["u3", "qa1", "qa2"], "reason": "test accounts"}),
     "Exclude 3 users (test accounts)"),
    (RecipeStep("exclude_users", {"domains": ["acme.com"], "pattern": "*test*"}),
     "Exclude users matching '*test*' and users with email at acme.com"),
    (RecipeStep("change_type", {"column": "seats", "to": "number"}), "Change seats to number"),
    (RecipeStep("pseudonymise", {"columns": ["email"]}), "Pseudonymise email"),
    (RecipeStep("rename_columns", {"mapping": {"at": "time"}}), "Rename column at → time"),
    (RecipeStep("drop_columns", {"columns": ["email", "phone"]}), "Drop columns: email, phone"),
]


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame({
        "user": ["u1", "u1", "u2", "u3", "u4"],
        "event": ["Sign Up", "Sign Up", "view", "view", "a"],
        "at": pd.to_datetime(["2024-01-02", "2024-01-02", "2024-03-01", "2024-07-01", "2024-02-02"]),
        "plan": [" Pro", " Pro", "team", None, "free"],
        "seats": ["1", "1", "x", "3", "4"],
        "email": ["a@shop.com", "a@shop.com", "b@acme.com", None, "test@shop.com"],
        "phone": ["1", "1", "2", "3", "4"],
    })


def test_every_kind_is_described_in_one_line():
    assert {step.op for step, _ in EVERY_KIND} == set(STEP_KINDS)
    assert [describe_step(step) for step, _ in EVERY_KIND] == [text for _, text in EVERY_KIND]


def test_malformed_or_unknown_steps_still_get_a_description():
    assert describe_step(RecipeStep("drop_columns", {"columns": "email"})) == "Drop columns"
    assert describe_step(RecipeStep("teleport", {})) == "Unknown step 'teleport' (made by a newer UsageLens?)"


def test_the_whole_recipe_runs_in_order_and_leaves_the_input_alone(table):
    before = table.copy(deep=True)
    result = apply_recipe(table, [step for step, _ in EVERY_KIND], roles=ROLES, pseudonym_key="pepper")
    assert_frame_equal(table, before)
    assert [o.rows_after for o in result.outcomes] == [4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1]
    assert result.failed == []
    assert list(result.frame.columns) == ["user", "event", "time", "plan", "seats"]
    assert result.frame.iloc[0].tolist() == ["u1", "signup", pd.Timestamp("2024-01-02"), "pro", 1.0]


def test_a_broken_step_is_skipped_and_the_rest_still_runs(table):
    steps = [
        RecipeStep("drop_columns", {"columns": ["phone"]}),
        RecipeStep("drop_columns", {"columns": ["phone"]}),  # gone by now
        RecipeStep("teleport", {}),
        RecipeStep("remove_duplicates", {}),
    ]
    result = apply_recipe(table, steps)
    assert [o.status for o in result.outcomes] == [StepStatus.APPLIED, StepStatus.FAILED, StepStatus.FAILED,
                                                   StepStatus.APPLIED]
    assert [o.error for o in result.failed] == [
        "Column 'phone' is not in the table (renamed or removed since?)",
        "Unknown step 'teleport' (made by a newer UsageLens?)",
    ]
    assert [(o.rows_before, o.rows_after) for o in result.outcomes] == [(5, 5), (5, 5), (5, 5), (5, 4)]
    assert_frame_equal(result.frame, table.drop(columns="phone").iloc[[0, 2, 3, 4]])


def test_a_surprise_inside_a_step_becomes_a_message(table):
    weird = table.assign(seats=[{"a": 1}, [1], 2, 3, 4])  # values no step was written for
    result = apply_recipe(weird, [RecipeStep("remove_duplicates", {}), RecipeStep("drop_columns",
                                                                                  {"columns": ["seats"]})])
    assert result.outcomes[0].status is StepStatus.FAILED
    assert result.outcomes[0].error.startswith("Could not remove duplicate rows: ")
    assert list(result.frame.columns) == [c for c in table.columns if c != "seats"]


def test_disabled_steps_are_listed_but_not_applied(table):
    result = apply_recipe(table, [RecipeStep("remove_duplicates", {}, enabled=False)])
    assert result.outcomes[0].status is StepStatus.DISABLED
    assert_frame_equal(result.frame, table)


def test_an_empty_recipe_returns_the_table_as_it_was(table):
    result = apply_recipe(table, [])
    assert result.outcomes == []
    assert_frame_equal(result.frame, table)


def test_progress_and_cancel(table):
    seen: list[float] = []
    steps = [RecipeStep("remove_duplicates", {})] * 4
    result = apply_recipe(table, steps, progress=seen.append, cancelled=lambda: len(seen) >= 2)
    assert seen == [0.25, 0.5]
    assert result.cancelled
    assert [o.status for o in result.outcomes][2:] == [StepStatus.NOT_RUN, StepStatus.NOT_RUN]


def test_recipe_survives_a_json_round_trip():
    steps = [step for step, _ in EVERY_KIND] + [RecipeStep("trim_text", {}, enabled=False)]
    text = json.dumps(to_json(steps))
    loaded = [from_json(RecipeStep, item) for item in json.loads(text)]
    assert loaded == steps


def test_validate_step_names_what_is_missing(table):
    step = RecipeStep("pseudonymise", {"columns": ["email", "name", "phone_2"]})
    assert validate_step(step, list(table.columns)) == \
        "Columns 'name', 'phone_2' are not in the table (renamed or removed since?)"
    assert validate_step(RecipeStep("drop_columns", {"columns": ["email"]}), list(table.columns)) is None
    assert validate_step(RecipeStep("drop_columns", {}), []) == "Choose at least one column."
    empty = RecipeStep("drop_columns", {"columns": []})
    assert validate_step(empty, []) == "Choose at least one column."


def test_a_filter_after_a_type_change_compares_numbers(table):
    steps = [
        RecipeStep("change_type", {"column": "seats", "to": "number"}),
        RecipeStep("filter_rows", {"column": "seats", "operator": "one_of", "values": ["1.0", 3]}),
    ]
    result = apply_recipe(table, steps)
    assert result.frame["seats"].tolist() == [1.0, 1.0, 3.0]


def test_missing_required_parameters_say_what_to_give() -> None:
    from usagelens.cleaning.steps import Param

    assert Param("column", "column", required=True).problem(None, ["a"]) == "Choose a column."
    assert Param("start_date", "date", required=True).problem(None, None) == (
        "Give a date like 2024-01-31 for “start date”."
    )
    assert Param("note", "text").problem(None, None) is None
