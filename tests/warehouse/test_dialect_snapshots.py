"""Compile-only snapshots: every definition's SQL for BigQuery, Snowflake, Trino and Databricks, no credentials.

Each definition is compiled over unbound tables of the standard view's schema (and a customers table) with
``ibis.to_sql`` and compared with ``snapshots/<dialect>/<definition>.sql``: a change to a definition, to Ibis
or to sqlglot that stops a dialect compiling fails here, and one that changes its SQL shows in the diff.
After a deliberate change, rewrite the files with ``USAGELENS_UPDATE_SNAPSHOTS=1`` and review them.
The presets' views (GA4's nested export, PostHog's JSON properties) are pinned for BigQuery, where GA4's
export lives.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir
import numpy as np
import pytest

from usagelens.analytics.definitions.activity import (
    AdoptionParams,
    PeriodParams,
    ReleaseParams,
    active_days_frequency_definition,
    active_users_definition,
    adoption_since_release_definition,
    daily_events_definition,
    event_counts_definition,
    feature_adoption_definition,
    lifecycle_definition,
    stickiness_definition,
)
from usagelens.analytics.definitions.cohorts import (
    LONG_LIST,
    CohortParams,
    Counted,
    FirstSeen,
    Labelled,
    Listed,
    cohort_definition,
)
from usagelens.analytics.definitions.drivers import drivers_definition
from usagelens.analytics.definitions.experiments import experiment_definition
from usagelens.analytics.definitions.funnels import FunnelParams, funnel_definition
from usagelens.analytics.definitions.journeys import (
    JourneyParams,
    drawn_journeys,
    journeys_definition,
    top_journeys_definition,
)
from usagelens.analytics.definitions.kpi import (
    FirstDayParams,
    conversion_by_entry_day_definition,
    retention_by_first_day_definition,
)
from usagelens.analytics.definitions.paths import (
    PathParams,
    event_frequencies,
    top_paths_definition,
    transitions_definition,
)
from usagelens.analytics.definitions.people import frequency_members, lifecycle_members
from usagelens.analytics.definitions.property_values import property_values_definition
from usagelens.analytics.definitions.retention import RetentionParams, retention_definition
from usagelens.analytics.definitions.segment_adoption import segment_adoption_definition
from usagelens.analytics.definitions.segments import anchored_segments
from usagelens.analytics.definitions.touchpoint_time import TouchpointParams, touchpoint_definition
from usagelens.analytics.definitions.usage import (
    SessionParams,
    session_members,
    session_summary_definition,
    session_users_definition,
    sessions_definition,
    usage_heatmap_definition,
)
from usagelens.analytics.definitions.view import standard_view
from usagelens.cleaning.compiled import personal as compiled_personal
from usagelens.cleaning.compiled import suspects as compiled_suspects
from usagelens.io.warehouse.presets import GA4, POSTHOG, Preset
from usagelens.model.query_engine import queries_to

SNAPSHOTS = Path(__file__).parent / "snapshots"
DIALECTS = ["bigquery", "snowflake", "trino", "databricks"]
UPDATE = os.environ.get("USAGELENS_UPDATE_SNAPSHOTS") == "1"

EVENTS = ibis.table(
    {"user_id": "string", "ts": "timestamp(6)", "event": "string", "seq": "int64", "plan": "string"}, name="events"
)
CUSTOMERS = ibis.table({"user_id": "string", "seq": "int64", "tier": "string"}, name="customers")
RAW = ibis.table({"distinct_id": "string", "time": "timestamp('UTC', 6)", "name": "string", "plan": "string"}, "raw")
DAYS = (19786, 19799)  # 2024-03-04 to 2024-03-17
GAP = 30 * 60 * 1_000_000  # µs
FUNNEL = FunnelParams(("view", "cart", "purchase"), DAYS, "sequential", 86_400_000_000, "refund")
RELEASE = ReleaseParams("purchase", "week", DAYS)
# without a funnel rule: its SQL is the funnel's own (funnel.sql), and would tie these files to funnels.py
COHORT = (Labelled("tier", ("gold", "(missing)")), Counted("purchase", DAYS, 0, 2), FirstSeen(DAYS, "signup"),
          Listed(("007", "7")))
RETENTION = RetentionParams("week", DAYS, "on_or_after", "signup", "purchase", 8)

DEFINITIONS: dict[str, Callable[[], ir.Table]] = {
    "standard_view": lambda: standard_view(RAW, user="distinct_id", time="time", event="name", properties=["plan"]),
    "active_users": lambda: active_users_definition(EVENTS, PeriodParams("week", DAYS)),
    "event_counts": lambda: event_counts_definition(EVENTS, EVENTS),
    "feature_adoption": lambda: feature_adoption_definition(EVENTS, AdoptionParams(DAYS), EVENTS),
    "adoption_since_release": lambda: adoption_since_release_definition(EVENTS, RELEASE),
    "stickiness": lambda: stickiness_definition(EVENTS, DAYS),
    "active_days_frequency": lambda: active_days_frequency_definition(EVENTS, PeriodParams("month", DAYS)),
    "lifecycle": lambda: lifecycle_definition(EVENTS, "week"),
    "daily_series": lambda: daily_events_definition(EVENTS, "purchase", DAYS),
    "retention_table": lambda: retention_definition(EVENTS, RETENTION),
    "retention_breakdown": lambda: retention_definition(EVENTS, replace(RETENTION, by="tier"), CUSTOMERS),
    "funnel": lambda: funnel_definition(EVENTS, FUNNEL),
    "funnel_strict": lambda: funnel_definition(EVENTS, replace(FUNNEL, order="strict")),
    # one event name: the definition lists the steps' names in set order, which varies between processes
    "funnel_any_order": lambda: funnel_definition(EVENTS, replace(FUNNEL, order="any", steps=("view", "view"))),
    "funnel_breakdown": lambda: funnel_definition(EVENTS, replace(FUNNEL, by="tier"), CUSTOMERS),
    "funnel_drivers": lambda: drivers_definition(EVENTS, FUNNEL, ["plan", "tier"], CUSTOMERS, EVENTS),
    "experiment": lambda: experiment_definition(EVENTS, "tier", "purchase", DAYS, CUSTOMERS),
    "usage_heatmap": lambda: usage_heatmap_definition(EVENTS, DAYS, "users"),
    "sessions": lambda: sessions_definition(EVENTS, GAP),
    "session_summary": lambda: session_summary_definition(EVENTS, SessionParams("week", DAYS, GAP)),
    "session_users": lambda: session_users_definition(EVENTS, GAP, DAYS),
    "transitions": lambda: transitions_definition(EVENTS, DAYS, ("cart", "purchase", "view")),
    "touchpoint_times": lambda: touchpoint_definition(EVENTS, TouchpointParams(DAYS, GAP, ("view", "cart"))),
    "top_paths": lambda: top_paths_definition(EVENTS, PathParams("view", 3, 20, DAYS), ("view", "cart", "purchase")),
    "event_frequencies": lambda: event_frequencies(EVENTS),
    "journeys": lambda: journeys_definition(EVENTS, JourneyParams("Views", 3, DAYS, (("view_home", "Views"),
                                                                                    ("view_plans", "Views")))),
    "journeys_before": lambda: journeys_definition(EVENTS, JourneyParams("purchase", 2, DAYS, before=True)),
    "drawn_journeys": lambda: drawn_journeys(EVENTS, JourneyParams("purchase", 2, DAYS, before=True),
                                             [("view", "cart", "purchase"), ("(start)", "view", "purchase")]),
    "top_journeys": lambda: top_journeys_definition(
        EVENTS, JourneyParams("Views", 3, DAYS, (("view_home", "Views"), ("view_plans", "Views"))), 10),
    "top_journeys_before": lambda: top_journeys_definition(EVENTS, JourneyParams("purchase", 2, DAYS, before=True), 5),
    "segments": lambda: anchored_segments(EVENTS, "plan", None),
    "segment_adoption": lambda: segment_adoption_definition(
        EVENTS, AdoptionParams(DAYS, ("purchase",)), anchored_segments(EVENTS, "plan", None, keyed=True)),
    "property_values": lambda: property_values_definition(EVENTS, ["seq", "plan"], 31),
    "cohort_all": lambda: cohort_definition(EVENTS, CohortParams(COHORT, "all"), CUSTOMERS),
    "cohort_any": lambda: cohort_definition(EVENTS, CohortParams(COHORT[1:3], "any")),
    # past LONG_LIST the ids go along as a table, not in the text (on Trino and Databricks, in it)
    "cohort_long_list": lambda: cohort_definition(
        EVENTS, CohortParams((Listed(tuple(f"u{i}" for i in range(LONG_LIST + 1))), COHORT[1]), "any")),
    # a recipe's compiled steps: a note's reasons and the rows a sample draws go along as tables (likewise)
    "suspect_reasons": lambda: compiled_suspects._first_reason(
        rows := compiled_suspects.user_rows(EVENTS, "user_id", "seq"), rows["u"], {"test_1": "a test word"}, {}),
    "sampled_rows": lambda: compiled_personal._among(EVENTS, EVENTS["seq"], np.array([3, 1026])),
    # the people behind a row, listed where the events lie (members whose definitions ask nothing while built)
    "lifecycle_members": lambda: lifecycle_members(EVENTS, "week", "2024-03-11", "resurrecting"),
    "frequency_members": lambda: frequency_members(EVENTS, "week", "2024-03-11", 3, at_least=True,
                                                   start="2024-03-04", end="2024-03-17"),
    "session_members": lambda: session_members(EVENTS, gap="30min", start="2024-03-04", end="2024-03-17"),
    # the KPI series' daily cohorts: entrants settled by 2024-03-17 12:00, week-1 retention of the first days
    "conversion_by_entry_day": lambda: conversion_by_entry_day_definition(EVENTS, FUNNEL, 1_710_676_800_000_000),
    "retention_by_first_day": lambda: retention_by_first_day_definition(EVENTS, FirstDayParams(7, 1, DAYS[1] - 13,
                                                                                               start_event="signup")),
}

GA4_PARAM = "struct<string_value: string, int_value: int64, float_value: float64, double_value: float64>"
GA4_EXPORT = ibis.table({
    "event_date": "string", "event_timestamp": "int64", "event_name": "string",
    "event_params": f"array<struct<key: string, value: {GA4_PARAM}>>", "user_id": "string",
    "user_pseudo_id": "string", "platform": "string", "device": "struct<category: string, operating_system: string>",
    "geo": "struct<country: string, city: string>", "_TABLE_SUFFIX": "string"}, name="events_*")
POSTHOG_EVENTS = ibis.table({"uuid": "string", "event": "string", "properties": "string", "timestamp": "timestamp",
                             "distinct_id": "string"}, name="events")


def preset_view(preset: Preset, table: ir.Table, properties: list[str]) -> ir.Table:
    mapped = preset.apply(table, properties, "bigquery")
    return standard_view(mapped.table, user=mapped.user, time=mapped.time, event=mapped.event,
                         properties=list(mapped.properties.values()))


PRESET_VIEWS: dict[str, Callable[[], ir.Table]] = {
    "ga4_preset": lambda: preset_view(GA4, GA4_EXPORT, ["page_location", "ga_session_id", "device.category",
                                                       "geo.country", "platform"]),
    "posthog_preset": lambda: preset_view(POSTHOG, POSTHOG_EVENTS, ["$browser", "plan"]),
}


def compiled(name: str, dialect: str) -> str:
    """The SQL built for a query that goes to ``dialect``'s engine (which decides whether a table may go along
    with it: model.query_engine), with each in-memory table (named at random when made) named by its place."""
    with queries_to(dialect):
        expr = DEFINITIONS[name]()
    sql = ibis.to_sql(expr, dialect=dialect) + "\n"
    for place, table in enumerate(expr.op().find(ops.InMemoryTable)):
        sql = sql.replace(table.name, f"memtable_{place}")
    return sql


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("name", list(DEFINITIONS))
def test_definition_compiles_as_its_snapshot(name: str, dialect: str) -> None:
    assert_snapshot(compiled(name, dialect), name, dialect)


@pytest.mark.parametrize("name", list(PRESET_VIEWS))
def test_a_presets_view_compiles_for_bigquery_as_its_snapshot(name: str) -> None:
    assert_snapshot(ibis.to_sql(PRESET_VIEWS[name](), dialect="bigquery") + "\n", name, "bigquery")


def assert_snapshot(sql: str, name: str, dialect: str) -> None:
    path = SNAPSHOTS / dialect / f"{name}.sql"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(sql.encode())  # bytes: blank-stripping SQL holds a carriage return
    assert path.exists(), f"no snapshot {path.relative_to(SNAPSHOTS.parent)}: run with USAGELENS_UPDATE_SNAPSHOTS=1"
    assert sql == path.read_bytes().decode(), (
        f"{name} compiles differently for {dialect} than {path.relative_to(SNAPSHOTS.parent)}; if meant, "
        "rewrite the snapshots with USAGELENS_UPDATE_SNAPSHOTS=1 and review the diff"
    )


def test_every_snapshot_belongs_to_a_definition() -> None:
    stored = {(path.parent.name, path.stem) for path in SNAPSHOTS.glob("*/*.sql")}
    presets = {("bigquery", name) for name in PRESET_VIEWS}
    assert stored <= {(dialect, name) for dialect in DIALECTS for name in DEFINITIONS} | presets
