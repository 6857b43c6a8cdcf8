"""Properties that must hold for any table and any parameters, checked with generated examples."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from usagelens.cleaning import STEP_KINDS, apply_recipe
from usagelens.cleaning.row_steps import FILTER_OPERATORS
from usagelens.model import RecipeStep

SMALL = settings(max_examples=100, deadline=None)

texts = st.one_of(st.none(), st.sampled_from(["pro", "team", " pro ", "", "free"]))
numbers = st.one_of(st.none(), st.integers(-5, 5).map(float))
tables = st.lists(st.tuples(texts, numbers, st.sampled_from(["u1", "u2", "u3"])), max_size=25).map(
    lambda rows: pd.DataFrame(rows, columns=["plan", "seats", "user"]).astype({"plan": "str", "seats": float})
)
scalars = st.one_of(st.sampled_from(["pro", "team", "3", "2024-01-01"]), st.integers(-5, 5))
filter_params = st.fixed_dictionaries(
    {"column": st.sampled_from(["plan", "seats", "user"]), "operator": st.sampled_from(FILTER_OPERATORS)},
    optional={"value": scalars, "values": st.lists(scalars, max_size=3), "start": st.just("2024-01-01")},
)


@SMALL
@given(tables, filter_params)
def test_filter_rows_never_adds_rows(table, params):
    result = apply_recipe(table, [RecipeStep("filter_rows", params)])
    assert len(result.frame) <= len(table)
    assert set(result.frame.index) <= set(table.index)


@SMALL
@given(tables, st.lists(st.sampled_from(["plan", "seats", "user"]), unique=True))
def test_remove_duplicates_is_idempotent(table, columns):
    step = RecipeStep("remove_duplicates", {"columns": columns})
    once = apply_recipe(table, [step]).frame
    assert_frame_equal(apply_recipe(once, [step]).frame, once)


@SMALL
@given(tables)
def test_pseudonyms_keep_gaps_and_which_values_are_equal(table):
    step = RecipeStep("pseudonymise", {"columns": ["user", "plan"]})
    out = apply_recipe(table, [step], pseudonym_key="s").frame
    for column in ("user", "plan"):
        assert (out[column].isna() == table[column].isna()).all()
        assert out[column].factorize()[0].tolist() == table[column].factorize()[0].tolist()


leaves = st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.sampled_from(["plan", "user"])
json_values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
param_names = st.sampled_from(
    ["columns", "column", "mapping", "value", "values", "operator", "to", "users", "pattern", "domains"]
)


@SMALL
@given(tables, st.sampled_from(sorted(STEP_KINDS)), st.dictionaries(param_names, json_values, max_size=4))
def test_any_parameters_give_an_outcome_never_an_exception(table, op, params):
    result = apply_recipe(table, [RecipeStep(op, params)], roles={"user_id": "user"}, pseudonym_key="s")
    outcome = result.outcomes[0]
    assert outcome.description
    assert (outcome.error is None) == (outcome.status == "applied")
