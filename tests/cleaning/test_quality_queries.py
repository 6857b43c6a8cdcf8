"""The quality report's queries give the pandas report's values (row count, column profiles, duplicate rows,
date range, events per user) on the same table. ``USAGELENS_DEEP_PROPERTIES=1`` tries 2,000 tables instead of
25."""

from __future__ import annotations

import os

import ibis
import pandas as pd
import pytest
from compiled_engines import ORDER, duckdb_session, registered
from hypothesis import given, settings
from hypothesis import strategies as st

from usagelens.cleaning import quality_report
from usagelens.cleaning.compiled import quality
from usagelens.model.entities import Source, SourceKind


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> ibis.BaseBackend:
    return duckdb_session(tmp_path_factory.mktemp("spill"))


def check(con: ibis.BaseBackend, frame: pd.DataFrame) -> None:
    pandas_frame, table = registered(con, frame)
    source = Source(name="t", kind=SourceKind.EVENTS, table=pandas_frame,
                    roles={"user_id": "user", "timestamp": "ts", "event": "event"})
    expected = quality_report(source)
    columns = [c for c in table.columns if c != ORDER]
    assert quality.column_profiles(table, columns) == (expected.rows, expected.columns)
    assert quality.duplicate_rows(table, columns) == expected.duplicate_rows
    assert quality.date_range(table, "ts") == expected.date_range
    assert quality.events_per_user(table, "user") == expected.events_per_user


rows = st.lists(st.tuples(
    st.sampled_from(["u1", "u2", "007", "7", ""]) | st.none(),
    st.sampled_from(["view", "buy", " ", "View"]) | st.none(),
    st.sampled_from(["2024-01-01 00:00:00", "2024-03-02 10:00:00.5"]) | st.none(),
    st.sampled_from([1.0, 2.5, -0.0, 0.0]) | st.none(),
    st.booleans(),
), max_size=15)


EXAMPLES = 2000 if os.environ.get("USAGELENS_DEEP_PROPERTIES") else 25


@settings(max_examples=EXAMPLES, deadline=None)
@given(rows)
def test_the_report_queries_give_the_pandas_report(con, data):
    frame = pd.DataFrame(data, columns=["user", "event", "ts", "amount", "flag"]).astype(
        {"user": "str", "event": "str", "amount": "float64", "flag": "bool"})
    check(con, frame.assign(ts=pd.to_datetime(frame["ts"], format="ISO8601")))
