"""A long list of users goes along with a warehouse's query as a table: the query's text stays small, and a kept
result's key follows the list's content, not the table's random name, in any process."""

from __future__ import annotations

import ibis

from usagelens.analytics.definitions.cohorts import LONG_LIST, CohortParams, Listed, cohort_definition
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
