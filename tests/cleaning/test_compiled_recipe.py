"""The compiled recipe (DuckDB) gives what the pandas recipe gives: rows, values, outcomes.

The fixtures pin each step kind; the property at the end tries random recipes on random small tables, 25 of
them by default. ``USAGELENS_DEEP_PROPERTIES=1`` runs 2,000 (a few minutes), to hunt new divergences after a
change to either engine.
"""

from __future__ import annotations

import os
from typing import Any

import ibis
import numpy as np
import pandas as pd
import pytest
from compiled_engines import ORDER, compiled_rows, duckdb_session, outcome_view, registered, rows, stored

from usagelens.cleaning import apply_recipe
from usagelens.cleaning.compiled import CannotCompile, compile_recipe
from usagelens.model import RecipeStep

Step = tuple[str, dict[str, Any]]


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> ibis.BaseBackend:
    return duckdb_session(tmp_path_factory.mktemp("spill"))


@pytest.fixture
def same(con: ibis.BaseBackend, tmp_path_factory: pytest.TempPathFactory):
    """``same(frame, *steps, roles=..., pseudonym_key=...)``: asserts both engines agree, returns the outcomes;
    ``parquet=True`` starts both from a Parquet file, as the app does, instead of a registered Arrow table."""

    def check(frame: pd.DataFrame, *steps: Step, parquet: bool = False, **options: Any):
        recipe = [RecipeStep(op, params) for op, params in steps]
        pandas_frame, table = (stored(con, frame, tmp_path_factory.mktemp("parquet")) if parquet
                               else registered(con, frame))
        expected = apply_recipe(pandas_frame, recipe, **options)
        compiled = compile_recipe(table, recipe, **options)
        assert compiled_rows(compiled.table) == rows(expected.frame)
        assert outcome_view(compiled.outcomes) == outcome_view(expected.outcomes)
        return expected.outcomes

    return check


@pytest.fixture
def events() -> pd.DataFrame:
    return pd.DataFrame({
        "user": pd.Series(["u1", "u2", "qa-test-7", "u1", None, "u3", "u2", "Bot_1"], dtype="str"),
        "email": pd.Series(["a@x.com", "b@Acme.io", "q@acme.io", "a@x.com", "z@sub.acme.io", " ", None,
                            "bot@y.org"], dtype="str"),
        "event": pd.Series(["Sign Up", "signup", "view", "view", "buy", "view", None, "view"], dtype="str"),
        "plan": pd.Series([" Pro ", "pro  plan", "", None, "free", "FREE", "team\t", "pro"], dtype="str"),
        "seats": [1.0, 2.5, None, 1.0, 3.0, np.nan, 7.0, 2.0],
        "count": pd.array([1, 2, 3, 1, 5, 6, 7, 2], dtype="int64"),
        "amount": pd.Series(["12", " 3.5 ", "n/a", "1e3", "", None, "0x10", "-inf"], dtype="str"),
        "when": pd.Series(["2024-01-02", "2024-01-03 10:00:00", "03/15/2024", "soon", None, "2024-02-01T00:00Z",
                           "2024-01-02", ""], dtype="str"),
        "ts": pd.to_datetime(["2024-01-01 10:00:00", "2024-01-02 00:00:00", "2024-01-02 23:59:59.5",
                              "2024-01-03 00:00:00", "2024-01-01 00:00:00", None, "2024-01-05 00:00:00",
                              "2024-01-03 00:00:00"], format="ISO8601"),
        "active": pd.Series(["yes", "No", "1", "maybe", None, "TRUE ", "off", "y"], dtype="str"),
        "paid": [True, False, True, True, False, False, True, False],
    })


ROLES = {"user_id": "user", "event": "event", "timestamp": "ts"}


@pytest.mark.parametrize("steps", [
    [("drop_columns", {"columns": ["email", "seats"]})],
    [("drop_columns", {"columns": ["nope"]})],
    [("rename_columns", {"mapping": {"plan": "tier", "seats": "n"}})],
    [("rename_columns", {"mapping": {"plan": "seats"}})],
])
def test_column_shape_steps(same, events, steps):
    same(events, *steps)


@pytest.mark.parametrize("column", ["amount", "when", "active", "seats", "count", "paid", "ts", "plan"])
@pytest.mark.parametrize("to", ["text", "number", "date", "yes-no"])
def test_change_type_counts_and_quotes_what_it_loses(same, events, column, to):
    same(events, ("change_type", {"column": column, "to": to}))


@pytest.mark.parametrize("params", [
    {}, {"case": "lower"}, {"case": "upper", "collapse_spaces": False}, {"columns": ["plan", "seats"]},
])
def test_trim_text(same, events, params):
    same(events, ("trim_text", params))


@pytest.mark.parametrize("params", [
    {}, {"columns": ["user"]}, {"columns": ["user"], "keep": "last"}, {"columns": ["seats", "email"]},
])
def test_remove_duplicates_keeps_the_first_by_row_number(same, events, params):
    same(pd.concat([events, events.iloc[[0, 3]]], ignore_index=True), ("remove_duplicates", params))


FILTERS = [
    {"column": "plan", "operator": "equals", "value": "pro"},
    {"column": "seats", "operator": "equals", "value": "1"},
    {"column": "seats", "operator": "equals", "value": "one"},
    {"column": "count", "operator": "one_of", "values": [1, "2", 7.0]},
    {"column": "user", "operator": "not_one_of", "values": ["u1"]},
    {"column": "seats", "operator": "not_one_of", "values": [1]},
    {"column": "paid", "operator": "equals", "value": "yes"},
    {"column": "ts", "operator": "equals", "value": "2024-01-03"},
    {"column": "plan", "operator": "contains", "value": "PRO"},
    {"column": "seats", "operator": "contains", "value": "2.5"},
    {"column": "count", "operator": "contains", "value": "1"},
    {"column": "seats", "operator": "greater", "value": 1},
    {"column": "count", "operator": "less", "value": "3"},
    {"column": "ts", "operator": "greater", "value": "2024-01-02"},
    {"column": "plan", "operator": "greater", "value": 1},
    {"column": "plan", "operator": "is_missing"},
    {"column": "seats", "operator": "not_missing"},
    {"column": "ts", "operator": "date_range", "start": "2024-01-02", "end": "2024-01-02"},
    {"column": "ts", "operator": "date_range", "end": "2024-01-02 12:00"},
    {"column": "when", "operator": "date_range", "start": "2024-01-03"},
    {"column": "plan", "operator": "one_of"},
]


@pytest.mark.parametrize("params", FILTERS)
def test_filter_rows(same, events, params):
    same(events, ("filter_rows", params))


@pytest.mark.parametrize("params", [
    {"columns": ["plan", "seats"], "method": "drop"},
    {"columns": ["plan"], "value": "none"},
    {"columns": ["seats", "seats"], "value": 0},
    {"columns": ["seats"], "value": "many"},
    {"columns": ["paid", "count"], "value": 1},
    {"columns": ["ts"], "value": "2024-06-01"},
])
def test_fill_missing(same, events, params):
    same(events, ("fill_missing", params))


@pytest.mark.parametrize("params", [
    {"users": ["u1", "nobody"]},
    {"pattern": "test"},
    {"pattern": "BOT_*"},
    {"pattern": "u?"},
    {"domains": ["acme.io"], "reason": "internal"},
    {"domains": ["@Y.org"], "email_column": "email"},
    {"users": ["u3"], "column": "email"},
])
def test_exclude_users(same, events, params):
    same(events, ("exclude_users", params), roles=ROLES)


def test_exclude_users_without_a_user_column(same, events):
    same(events, ("exclude_users", {"pattern": "acme"}))
    same(events, ("exclude_users", {"users": ["u1"]}))


def test_exclude_users_finds_the_email_column_from_a_sample_of_values(same):
    rng = np.random.default_rng(3)
    n = 2500
    contact = np.where(rng.random(n) < 0.85, [f"p{i}@test.org" for i in range(n)], [f"p{i}" for i in range(n)])
    frame = pd.DataFrame({"who": pd.Series([f"u{i % 90}" for i in range(n)], dtype="str"),
                          "contact": pd.Series(contact, dtype="str")})
    outcomes = same(frame, ("exclude_users", {"pattern": "test"}), roles={"user_id": "who"})
    assert outcomes[0].rows_after < n


@pytest.mark.parametrize("params", [
    {"mapping": {"Sign Up": "signup", "signup": "Sign Up", "absent": "x"}},
    {"mapping": {"u1": "first"}, "column": "user"},
    {"mapping": {"1": "one"}, "column": "count"},
])
def test_rename_events(same, events, params):
    same(events, ("rename_events", params), roles=ROLES)


@pytest.mark.parametrize("params", [
    {"columns": ["user", "email"]}, {"columns": ["seats", "count", "paid"], "length": 64}, {"columns": ["ts"]},
])
def test_pseudonymise_gives_the_pandas_tokens(same, events, params):
    same(events, ("pseudonymise", params), pseudonym_key="s3cret-ключ")
    same(events, ("pseudonymise", params))  # no key: the step fails the same way


def test_a_typical_recipe_with_broken_and_disabled_steps(same, events):
    same(
        events,
        ("remove_duplicates", {"columns": ["user", "event"]}),
        ("filter_rows", {"column": "nope", "operator": "is_missing"}),
        ("trim_text", {"columns": ["plan"], "case": "lower"}),
        ("exclude_users", {"pattern": "test"}),
        ("rename_events", {"mapping": {"Sign Up": "signup"}}),
        ("no_such_step", {}),
        ("pseudonymise", {"columns": ["user"]}),
        roles=ROLES, pseudonym_key="k", parquet=True,
    )


def test_the_row_number_column_is_no_name_for_a_column(con, events):
    _, table = registered(con, events)
    outcome = compile_recipe(table, [RecipeStep("rename_columns", {"mapping": {"plan": ORDER}})]).outcomes[0]
    assert outcome.error == f"'{ORDER}' is the row-number column of this table; choose another name"


def test_a_disabled_step_is_reported_not_run(con, events):
    _, table = registered(con, events)
    steps = [RecipeStep("drop_columns", {"columns": ["plan"]}, enabled=False)]
    assert str(compile_recipe(table, steps).outcomes[0].status) == "disabled"


def test_too_many_distinct_dates_to_look_up_is_refused_naming_the_step(con, monkeypatch):
    monkeypatch.setattr("usagelens.cleaning.compiled.values.LOOKUP_LIMIT", 2)
    _, table = registered(con, pd.DataFrame({"d": ["2024-01-01", "2024-01-02", "x"]}))
    with pytest.raises(CannotCompile, match=r"Step 1 \(Change d to date\)"):
        compile_recipe(table, [RecipeStep("change_type", {"column": "d", "to": "date"})])


# --- properties: random small tables, random recipes -------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from usagelens.cleaning.row_steps import FILTER_OPERATORS  # noqa: E402

COLUMNS = ["user", "plan", "seats", "n", "day", "flag"]
words = st.sampled_from(["pro", "Pro ", " team", "pro  plan", "", "  ", "3", "2.5", "yes", "no", "qa-test",
                         "2024-01-02", "2024-01-03 08:00:00", "x@acme.io", "ß", "İ"])
table_rows = st.lists(
    st.tuples(
        st.sampled_from(["u1", "u2", "u3", "007", "test-9"]) | st.none(),
        words | st.none(),
        st.sampled_from([0.0, 1.0, 2.5, -3.0, 1e16]) | st.none(),
        st.integers(-3, 3),
        st.sampled_from(["2024-01-01 00:00:00", "2024-01-02 12:30:00", "2024-01-03 00:00:00.25"]) | st.none(),
        st.booleans(),
    ),
    max_size=8,
)
tables = table_rows.map(lambda r: pd.DataFrame(r, columns=COLUMNS).astype(
    {"user": "str", "plan": "str", "seats": "float64", "n": "int64", "flag": "bool"}
).assign(day=lambda f: pd.to_datetime(f["day"], format="ISO8601")))
scalars = words | st.integers(-3, 3) | st.sampled_from([2.5, True])
some_columns = st.lists(st.sampled_from(COLUMNS), unique=True, max_size=3)
steps = st.one_of(
    st.tuples(st.just("remove_duplicates"), st.fixed_dictionaries(
        {}, optional={"columns": some_columns, "keep": st.sampled_from(["first", "last"])})),
    st.tuples(st.just("drop_columns"), st.fixed_dictionaries({"columns": some_columns})),
    st.tuples(st.just("rename_columns"), st.fixed_dictionaries(
        {"mapping": st.dictionaries(st.sampled_from(COLUMNS), st.sampled_from(["a", "b", "plan"]), min_size=1)})),
    st.tuples(st.just("change_type"), st.fixed_dictionaries(
        {"column": st.sampled_from(COLUMNS), "to": st.sampled_from(["text", "number", "date", "yes-no"])})),
    st.tuples(st.just("filter_rows"), st.fixed_dictionaries(
        {"column": st.sampled_from(COLUMNS), "operator": st.sampled_from(FILTER_OPERATORS)},
        optional={"value": scalars, "values": st.lists(scalars, max_size=3),
                  "start": st.sampled_from(["2024-01-02", "2024-01-02 12:00"]), "end": st.just("2024-01-02")})),
    st.tuples(st.just("fill_missing"), st.fixed_dictionaries(
        {"columns": some_columns}, optional={"method": st.sampled_from(["value", "drop"]), "value": scalars})),
    st.tuples(st.just("exclude_users"), st.fixed_dictionaries(
        {}, optional={"users": st.lists(st.sampled_from(["u1", "007", "7"]), max_size=2),
                      "pattern": st.sampled_from(["test", "U?", "*acme*"]), "domains": st.just(["acme.io"])})),
    st.tuples(st.just("rename_events"), st.fixed_dictionaries(
        {"mapping": st.dictionaries(words, st.sampled_from(["pro", "merged"]), min_size=1)})),
    st.tuples(st.just("trim_text"), st.fixed_dictionaries(
        {}, optional={"columns": some_columns, "case": st.sampled_from(["keep", "lower", "upper"]),
                      "collapse_spaces": st.booleans()})),
    st.tuples(st.just("pseudonymise"), st.fixed_dictionaries(
        {"columns": some_columns}, optional={"length": st.sampled_from([8, 16, 64])})),
)


EXAMPLES = 2000 if os.environ.get("USAGELENS_DEEP_PROPERTIES") else 25


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tables, st.lists(steps, min_size=1, max_size=4))
def test_any_recipe_gives_the_same_table_and_outcomes(same, table, recipe):
    same(table, *recipe, roles={"user_id": "user", "event": "plan"}, pseudonym_key="k")
