"""The quality report's queries give the pandas report's values (row count, column profiles, duplicate rows,
date range, events per user) on the same stored table."""

from __future__ import annotations

from pathlib import Path

import ibis
import pandas as pd
import pytest
from compiled_engines import ORDER, duckdb_session, stored
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usagelens.cleaning import quality_report
from usagelens.cleaning.compiled import quality
from usagelens.model.entities import Source, SourceKind


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> ibis.BaseBackend:
    return duckdb_session(tmp_path_factory.mktemp("spill"))


def check(con: ibis.BaseBackend, folder: Path, frame: pd.DataFrame) -> None:
    pandas_frame, table = stored(con, frame, folder)
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


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows)
def test_the_report_queries_give_the_pandas_report(con, tmp_path, data):
    frame = pd.DataFrame(data, columns=["user", "event", "ts", "amount", "flag"]).astype(
        {"user": "str", "event": "str", "amount": "float64", "flag": "bool"})
    check(con, tmp_path, frame.assign(ts=pd.to_datetime(frame["ts"], format="ISO8601")))
