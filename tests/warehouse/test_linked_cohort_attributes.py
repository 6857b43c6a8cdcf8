"""A cohort defined by a customer attribute of many values (an account of 400, a signup date of 700) on linked
events: the attribute stays in the project, the users its condition selects go to the warehouse, and every
analysis filtered to or broken down by the cohort is the imported project's, on DuckDB and on PostgreSQL. On
Trino or Databricks, where no list goes along as a table, only a list too long for a query's text is refused,
in one sentence."""

from __future__ import annotations

import ibis
import numpy as np
import pandas as pd
import pytest
from demo_fifth import duckdb_events, events_with_order, fifth_of_demo, linked_events, postgres_events

from usagelens.analytics import AnalysisError
from usagelens.analytics.definitions.cohorts import LISTED_TEXT, CohortParams, Listed, cohort_definition
from usagelens.model import Cohort, Project, SourceKind, WarehouseLink
from usagelens.model.query_engine import queries_to
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.analyses.spec import COHORT_PREFIX

COHORTS = [
    Cohort("Ten accounts", conditions=[{"kind": "attribute", "attribute": "account", "op": "in",
                                        "values": [f"acct-{i:03d}" for i in range(10)]}]),
    # users without an account (or without a customer row) are none of these: the list is of who is left out
    Cohort("Not account 7", conditions=[{"kind": "attribute", "attribute": "account", "op": "not_in",
                                         "values": ["acct-007"]}]),
    # 1,346 customers: past 1,000 the list goes along as a table
    Cohort("Signed up since March", match="any",
           conditions=[{"kind": "attribute", "attribute": "signup_date", "op": "at_least", "values": ["2024-03-01"]},
                       {"kind": "event_count", "event": "export_report", "at_least": 3}]),
]


def _demo(link: WarehouseLink | None = None) -> Project:
    """A fifth of the demo's users, its customers (all of them: the lists are of customers) with one more
    attribute, ``account`` (400 values, some missing), and the cohorts; with ``link``, its events linked there."""
    project = fifth_of_demo()
    customers = next(s for s in project.sources if s.kind == SourceKind.CUSTOMERS)
    count = len(customers.table)
    accounts = pd.Series([f"acct-{i % 400:03d}" for i in range(count)], dtype=object)
    customers.table = customers.table.assign(account=accounts.where(np.arange(count) % 9 != 0))
    project.cohorts = list(COHORTS)
    return linked_events(project, link)


@pytest.fixture(scope="module")
def duckdb_link(tmp_path_factory: pytest.TempPathFactory) -> WarehouseLink:
    return duckdb_events(tmp_path_factory.mktemp("cohorts"), events_with_order(_demo()))


@pytest.fixture(scope="module")
def postgres_link() -> WarehouseLink:
    return postgres_events("cohort_events", events_with_order(_demo()))


def _same(kind: str, imported: AnalysisInputs, linked: AnalysisInputs, **params: object) -> None:
    asked = {**ANALYSES[kind].defaults(imported.facts), **params}
    expected, got = run_analysis(kind, imported, asked), run_analysis(kind, linked, asked)
    assert got.message == expected.message, (kind, params)
    assert expected.table is not None and not expected.empty, (kind, params, expected.message)
    pd.testing.assert_frame_equal(got.table.reset_index(drop=True), expected.table.reset_index(drop=True),
                                  check_exact=False, rtol=1e-9, obj=f"{kind} {params}")


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_a_cohort_by_an_attribute_of_many_values_is_the_imported_one(engine: str, request: pytest.FixtureRequest
                                                                     ) -> None:
    link = request.getfixturevalue(f"{engine}_link")
    imported, linked = AnalysisInputs(_demo()), AnalysisInputs(_demo(link))
    assert linked.log is None and linked.events_elsewhere  # the premise: the events are in the warehouse
    assert "account" not in linked.facts.attributes  # too many values to go along with the queries
    for cohort in COHORTS:
        _same("active_users", imported, linked, period="month", cohort=cohort.id)
    _same("funnel", imported, linked, cohort=COHORTS[1].id)
    _same("paths", imported, linked, cohort=COHORTS[2].id)  # its event names in code point order on PostgreSQL
    _same("active_users", imported, linked, period="month", by=f"{COHORT_PREFIX}*")


def test_a_long_list_is_refused_in_one_sentence_only_where_it_cannot_go_along() -> None:
    events = ibis.table({"user_id": "string", "ts": "timestamp('UTC', 6)", "event": "string"}, name="events")
    ids = tuple(f"customer-{i:07d}" for i in range(LISTED_TEXT // 20 + 1))  # 20 characters each, quoted
    for engine in ("trino", "databricks"):
        with queries_to(engine):
            cohort_definition(events, CohortParams((Listed(ids[:20_000]),)))  # 440,000 characters: written in
            with pytest.raises(AnalysisError) as refused:
                cohort_definition(events, CohortParams((Listed(ids, outside=True),)))
        assert str(refused.value).startswith("a condition names 25,001 users, too many to write into a query")
        assert "\n" not in str(refused.value)
    with queries_to("postgres"):
        cohort_definition(events, CohortParams((Listed(ids, outside=True),)))  # a table goes along


def test_a_long_list_reaches_a_read_only_postgresql_as_text(postgres_link: WarehouseLink) -> None:
    """A read replica (hot standby) or a read-only role's sessions refuse the temporary table a list would need:
    on PostgreSQL the 1,346 users go as one text value the query splits into rows, and so do the customers'
    attributes a breakdown joins."""
    read_only = WarehouseLink(url=f"{postgres_link.url}?options=-c%20default_transaction_read_only%3Don",
                              table=postgres_link.table, tie_break=postgres_link.tie_break)
    imported, linked = AnalysisInputs(_demo()), AnalysisInputs(_demo(read_only))
    _same("active_users", imported, linked, period="month", cohort=COHORTS[2].id)
    _same("active_users", imported, linked, period="month", by="country")  # a customers' attribute
    _same("adoption", imported, linked, by="company_size")
