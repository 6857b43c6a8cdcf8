"""Suspected test users, numeric outliers and exclusion weights found by queries equal pandas' on the same table
(cleaning/compiled/suspects.py, outliers.py, exclusion.py): hand-made edges and hypothesis properties.
``USAGELENS_DEEP_PROPERTIES=1`` tries 2,000 tables instead of 25."""

from __future__ import annotations

import os

import ibis
import numpy as np
import pandas as pd
import pytest
from compiled_engines import ORDER, duckdb_session, registered
from hypothesis import given, settings
from hypothesis import strategies as st

from usagelens.cleaning.compiled import outliers as queried_outliers
from usagelens.cleaning.compiled import suspects as queried_suspects
from usagelens.cleaning.compiled.exclusion import user_weights as queried_weights
from usagelens.cleaning.exclusion import user_weights
from usagelens.cleaning.outliers import column_outliers
from usagelens.cleaning.suspects import find_suspects
from usagelens.model import Source, SourceKind
from usagelens.model.query_engine import queries_to

EXAMPLES = 2000 if os.environ.get("USAGELENS_DEEP_PROPERTIES") else 25


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> ibis.BaseBackend:
    return duckdb_session(tmp_path_factory.mktemp("spill"))


def same_suspects(con: ibis.BaseBackend, frame: pd.DataFrame, *, event_counts: bool = True,
                  own: tuple[str, ...] = (), limit: int = 50) -> None:
    pandas_frame, table = registered(con, frame)
    emails = [c for c in frame.columns if c != "user"]
    expected = find_suspects(pandas_frame["user"], [pandas_frame[e] for e in emails], event_counts=event_counts,
                             own_domains=own, limit=limit)
    for engine in ("duckdb", "trino"):  # the reasons as a table the rows join, or as a CASE in the SQL
        with queries_to(engine):
            found = queried_suspects.find_suspects(table, "user", emails, order=ORDER, event_counts=event_counts,
                                                   own_domains=own, limit=limit)
        assert found == expected


def events(users: list[object], emails: list[object] | None = None) -> pd.DataFrame:
    """A table of users and their e-mails (none: pandas' scan fails on an e-mail column with no value)."""
    return pd.DataFrame({"user": users} if emails is None else {"user": users, "email": emails}, dtype="str")


def test_test_words_in_ids_and_emails_with_the_look_behind_the_database_lacks(con: ibis.BaseBackend) -> None:
    users = ["test_1", "QA", "aqa", "Tester", "latest", "qa2", "qaz", "ınternal-x", "demo", "u1", "u2", "u3"]
    emails = ["a@x.com", None, "  QA.team@Corp.io ", "b@latest.org", "", "c@demo.net", "d@x.com", None,
              "e@x.com", "teſt@y.org", "İnternal@z.de", "f@x.com"]
    same_suspects(con, events(users, emails))


def test_domains_the_team_own_outsized_and_public_ones_and_emails_outside_ascii(con: ibis.BaseBackend) -> None:
    users = [f"u{i}" for i in range(12)] * 2
    emails = ([f"p{i}@acme.io" for i in range(5)] + ["x@gmail.com", "y@GMAIL.com", "Ünï@Firma.DE", "q@firma.de",
              "no-at-sign", None, " z@Team.Example "]) * 2
    same_suspects(con, events(users, emails), own=("team.example", "@firma.de"))


def test_a_user_whose_rows_carry_several_reasons_gets_the_first_row_s(con: ibis.BaseBackend) -> None:
    users = ["u1", "u1", "u1", "u2", "u2"]
    emails = ["ok@a.com", "qa@a.com", "demo@a.com", "internal@b.com", "test@b.com"]
    same_suspects(con, events(users, emails))


def test_volume_ties_and_the_order_pandas_meets_users_in(con: ibis.BaseBackend) -> None:
    users = ["bot", "other_bot"] * 400 + [f"u{i}" for i in range(200)] + ["test_b", "test_a", "demo_bot"] * 2
    same_suspects(con, events(users))
    same_suspects(con, events(users), limit=2)
    same_suspects(con, events(users), event_counts=False)


def test_more_than_half_equal_falls_back_to_the_mean_deviation(con: ibis.BaseBackend) -> None:
    users = [f"u{i}" for i in range(100)] + ["heavy"] * 40 + ["u1", "u2"]
    same_suspects(con, events(users))


@pytest.mark.parametrize("users", [[], [None, None], ["only"] * 5, ["only"], ["7", "007", "", None, " "]])
def test_no_users_one_user_and_missing_or_blank_ids(con: ibis.BaseBackend, users: list[object]) -> None:
    same_suspects(con, events(users))


def test_numeric_user_ids_read_as_the_pandas_text(con: ibis.BaseBackend) -> None:
    frame = pd.DataFrame({"user": [7.0, 7.0, np.nan, 8.0] * 3, "email": ["test@a.com", None, "x@b.com", ""] * 3})
    same_suspects(con, frame.astype({"email": "str"}))


ids = st.sampled_from(["u1", "u2", "Test", "qa_1", "aqa", "7", "", " "]) | st.none()
mails = st.sampled_from(["a@acme.io", "b@acme.io", "qa@acme.io", "x@gmail.com", " C@ACME.IO", "bad", ""]) | st.none()


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.tuples(ids, mails), max_size=30), st.booleans(), st.integers(1, 4))
def test_the_suspect_queries_give_the_pandas_scan(con: ibis.BaseBackend, data: list[tuple[object, object]],
                                                  event_counts: bool, limit: int) -> None:
    frame = pd.DataFrame(data, columns=["user", "email"], dtype="str")
    if frame["email"].isna().all():
        frame = frame.drop(columns="email")
    same_suspects(con, frame, event_counts=event_counts, own=("acme.io",) if limit == 4 else (), limit=limit)


def same_outliers(con: ibis.BaseBackend, values: pd.Series) -> queried_outliers.QueriedOutliers:
    pandas_frame, table = registered(con, pd.DataFrame({"v": values}))
    found = queried_outliers.column_outliers(table, "v")
    assert found.exact
    assert found.outliers == column_outliers("v", pandas_frame["v"])
    return found


@pytest.mark.parametrize("values", [
    [], [np.nan, np.inf, -np.inf], [5.0], [1.0, 1.0, 1.0], [1.0] * 10 + [2.0, 50.0],
    [1.0, 2.0, 3.0, 4.0, 100.0, -100.0, np.nan, 2.5], list(range(1, 42)) + [1000],
])
def test_outliers_of_hand_made_columns(con: ibis.BaseBackend, values: list[float]) -> None:
    same_outliers(con, pd.Series(values, dtype="float64"))


def test_integers_with_gaps_and_plain_integers(con: ibis.BaseBackend) -> None:
    same_outliers(con, pd.Series([1, 2, None, 2, 3, 90], dtype="Int64").astype("float64"))
    assert same_outliers(con, pd.Series([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 800], dtype="int64")).outliers.flagged


def test_a_value_at_the_limit_after_the_mean_fallback_is_said_to_be_uncertain(con: ibis.BaseBackend) -> None:
    # Seven zeros, 35 and v: the MAD is 0, so the scale is 1.2533 times the mean deviation (35 + v) / 9, and v
    # sits on the 3.5 limit when v = c (35 + v) with c = 3.5 · 1.2533 / 9.
    c = 3.5 * 1.2533 / 9
    _, table = registered(con, pd.DataFrame({"v": [0.0] * 7 + [35.0, 35 * c / (1 - c)]}))
    assert not queried_outliers.column_outliers(table, "v").exact
    _, table = registered(con, pd.DataFrame({"v": [0.0] * 7 + [35.0, 30.0]}))
    assert queried_outliers.column_outliers(table, "v").exact


# pandas divides by a tiny MAD with an overflow warning (an error in tests): values near 1e-300 are left out
floats = (st.sampled_from([0.0, -0.0, 1.0, 1.5, 2.0, 3.25, -7.0, 1e6, np.nan, np.inf])
          | st.floats(-1e9, 1e9).filter(lambda x: x == 0 or abs(x) > 1e-100))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(floats, max_size=40))
def test_the_outlier_queries_give_the_pandas_counts_and_fences(con: ibis.BaseBackend, values: list[float]) -> None:
    pandas_frame, table = registered(con, pd.DataFrame({"v": pd.Series(values, dtype="float64")}))
    found = queried_outliers.column_outliers(table, "v")
    if found.exact:
        assert found.outliers == column_outliers("v", pandas_frame["v"])


def test_order_statistics_refuse_a_pick_that_is_not_the_kth_value(con: ibis.BaseBackend,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _, table = registered(con, pd.DataFrame({"v": [3.0, 1.0, 2.0]}))
    assert queried_outliers.order_statistics(table["v"], 3, [0, 1, 2]) == [1.0, 2.0, 3.0]
    monkeypatch.setattr(queried_outliers, "quantile_disc", lambda value, q: value.max())
    with pytest.raises(queried_outliers.OrderStatisticMissed):
        queried_outliers.order_statistics(table["v"], 3, [0])


@pytest.mark.parametrize("kind", [SourceKind.EVENTS, SourceKind.REVENUE])
def test_what_an_exclusion_takes_away_is_counted_as_pandas_counts_it(con: ibis.BaseBackend,
                                                                     kind: SourceKind) -> None:
    frame = pd.DataFrame({
        "user": ["a", "a", "b", None, "c", "c", "d"],
        "amount": [10.0, np.nan, 5.5, 3.0, 1.0, 2.0, 7.0],
        "currency": ["usd", " USD", None, "eur", "EUR", "", "gbp"],
    }).astype({"user": "str", "currency": "str"})
    pandas_frame, table = registered(con, frame)
    roles = {"user_id": "user", "amount": "amount", "currency": "currency", "timestamp": "t", "event": "e"}
    source = Source(name="s", kind=kind, table=pandas_frame, roles=roles)
    picked = ["a", "c", "nobody"]
    expected, found = user_weights(source, pandas_frame, picked), queried_weights(table, source, picked)
    assert found is not None and expected is not None
    assert found.describe(picked) == expected.describe(picked)
    pd.testing.assert_frame_equal(found.per_user, expected.per_user, check_names=False)
    pd.testing.assert_series_equal(found.total_money, expected.total_money, check_names=False,
                                   check_index_type=False)
    empty, table = registered(con, frame.iloc[:0])
    assert queried_weights(table, source, picked).describe(picked) == user_weights(source, empty, picked).describe(
        picked)
