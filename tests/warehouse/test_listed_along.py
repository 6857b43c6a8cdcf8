"""A long list of users goes along with a warehouse's query as a table: the query's text stays small, and a kept
result's key follows the list's content, not the table's random name, in any process."""

from __future__ import annotations

from datetime import date

import ibis
import pandas as pd
import pyarrow as pa
import pytest

from usagelens.analytics import Customers
from usagelens.analytics.definitions.cohorts import LONG_LIST, CohortParams, Listed, cohort_definition
from usagelens.analytics.definitions.segments import anchored_segments
from usagelens.analytics.definitions.view_events import ViewEvents
from usagelens.workspace.analyses.spec import _customers_along
from usagelens.workspace.warehouse_results import key_sql

EVENTS = ibis.table({"user_id": "string", "ts": "timestamp", "event": "string"}, "events")


def _members(ids: list[str]) -> ibis.Table:
    return cohort_definition(EVENTS, CohortParams((Listed(tuple(ids)),)))


def test_a_long_list_is_sent_as_a_table_and_keyed_by_its_content() -> None:
    ids = [f"user-{i:06}" for i in range(50_000)]
    first, again = _members(ids), _members(list(reversed(ids)))  # re-created: another memtable, same ids
    assert len(ibis.to_sql(first, dialect="postgres")) < 1_000
    assert key_sql(first) == key_sql(again)
    assert key_sql(_members([*ids[1:], "someone else"])) != key_sql(first)


def test_a_short_list_stays_in_the_text() -> None:
    ids = [f"user-{i}" for i in range(LONG_LIST)]
    assert "user-999" in ibis.to_sql(_members(ids), dialect="postgres")


@pytest.mark.parametrize(("engine", "how"), [("postgres", "packed"), ("clickhouse", "table"), ("trino", "text"),
                                              ("databricks", "text")])
def test_only_an_engine_that_writes_nothing_gets_the_list_as_a_table(engine: str, how: str) -> None:
    """Trino would create a real table in its current schema and Databricks upload to a volume: a linked
    source's events name the engine their stand-in view's queries go to, a part of them too, and there the
    list stays in the query's text, whether built through the metrics or while fetching. PostgreSQL gets it as
    one text value split in the query (a read replica refuses a temporary table)."""
    ids = [f"user-{i:06}" for i in range(LONG_LIST + 1)]
    events = ViewEvents(EVENTS, fetcher=lambda expr: pa.table({}), engine=engine).until(date(2024, 3, 1))
    with events.fetching():
        sql = ibis.to_sql(_members(ids), dialect="postgres")
    by_metric = ibis.to_sql(events.metrics.in_cohort(EVENTS, [{"kind": "users", "user_ids": ids}]), dialect="postgres")
    for text in (sql, by_metric):
        assert ("user-001000" in text) is (how != "table")
        assert ("STRING_TO_ARRAY" in text) is (how == "packed")
        assert ("'user-001000'" in text) is (how == "text")  # an IN list's quoted value


def test_a_packed_list_is_keyed_by_its_digest() -> None:
    """A kept result's key names a packed list by its digest, as it does an IN list's: 1,001 ids written into
    every key would make the project grow by each list's length per query."""
    ids = [f"user-{i:06}" for i in range(LONG_LIST + 1)]
    events = ViewEvents(EVENTS, fetcher=lambda expr: pa.table({}), engine="postgres")
    with events.fetching():
        first, again, other = _members(ids), _members(list(reversed(ids))), _members([*ids[1:], "someone else"])
    assert "user-001000" not in key_sql(first) and len(key_sql(first)) < 2_000
    assert key_sql(first) == key_sql(again) != key_sql(other)


def test_the_customers_go_along_only_where_the_engine_takes_tables() -> None:
    frame = pd.DataFrame({"user_id": ["u1", "u2", "u3"], "plan": ["free", "pro", "free"]})
    customers = Customers(frame, "user_id")
    assert _customers_along(customers, "postgres") is not None
    assert _customers_along(customers, "trino") is None
    packed = ibis.to_sql(_customers_along(customers, "postgres"), dialect="postgres")  # in the text: no table
    assert "STRING_TO_ARRAY" in packed and "u2" in packed


def test_the_customers_digest_is_made_once_per_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every query of a breakdown by a customer attribute carries the customers (JSON of a million of them cost
    0.7 s per key): their content's digest is made once per table, and equal content keys equally."""
    frame = pd.DataFrame({"user_id": [f"c{i}" for i in range(3000)], "plan": ["free", "pro", "team"] * 1000,
                          "country": ["DE", "FR"] * 1500})
    along = _customers_along(Customers(frame, "user_id"), "clickhouse")  # an in-memory table sent along
    assert isinstance(along, ibis.Table)
    made = []
    stream = pa.ipc.new_stream
    monkeypatch.setattr(pa.ipc, "new_stream", lambda *args: made.append(1) or stream(*args))
    keys = [key_sql(anchored_segments(EVENTS, attribute, along)) for attribute in ("plan", "plan", "country")]
    assert len(made) == 1
    assert keys[0] == keys[1] != keys[2]
    again = _customers_along(Customers(frame.copy(), "user_id"), "clickhouse")
    assert key_sql(anchored_segments(EVENTS, "plan", again)) == keys[0]
    other = _customers_along(Customers(frame.assign(plan=["pro", "free", "team"] * 1000), "user_id"), "clickhouse")
    assert key_sql(anchored_segments(EVENTS, "plan", other)) != keys[0]
