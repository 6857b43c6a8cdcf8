"""Pain points filtered to a cohort name as error and support events only those the cohort's users did: the
data facts (what the panel's defaults come from) are everyone's, and a cohort that never contacted support was
told that ``contact_support`` counted as its support contacts. The same sentence on the accelerator (the demo
imported), and with its events linked in a DuckDB file and in PostgreSQL."""

from __future__ import annotations

import duckdb
import ibis
import numpy as np
import pandas as pd
import pytest

from usagelens.model import Cohort, Project, SourceKind, WarehouseLink, load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.analyses.spec import COHORT_PREFIX
from usagelens.workspace.warehouse import linked_source, preview

NEVER_SUPPORT = Cohort("Never contacted support", conditions=[
    {"kind": "event_count", "event": "contact_support", "at_least": 0, "at_most": 0}])
EVERYONE_SAID = "Errors: error_shown; support: contact_support."
COHORT_SAID = "Errors: error_shown; support: no event matches the support words."


def _demo(link: WarehouseLink | None = None) -> Project:
    """The demo's events of a fifth of its users (the warehouse's work a fifth) with the cohort; with ``link``,
    its events linked there."""
    project = load_project(demo_project())
    events = next(s for s in project.sources if s.kind == SourceKind.EVENTS)
    users = events.table["user_id"]
    events.table = events.table[users.isin(users.drop_duplicates().sort_values().iloc[::5])].reset_index(drop=True)
    project.cohorts = [NEVER_SUPPORT]
    if link is not None:
        index, events = next((i, s) for i, s in enumerate(project.sources) if s.kind == SourceKind.EVENTS)
        project.sources[index] = linked_source(events.name, link, preview(link), events.roles)
        project.sources[index].id = events.id
    return project


def _events_with_order() -> pd.DataFrame:
    events = next(s for s in _demo().sources if s.kind == SourceKind.EVENTS).table
    return events.assign(seq=np.arange(len(events), dtype=np.int64))


@pytest.fixture(scope="module")
def duckdb_link(tmp_path_factory: pytest.TempPathFactory) -> WarehouseLink:
    path = tmp_path_factory.mktemp("pain") / "demo.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("frame", _events_with_order())
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    return WarehouseLink(url=f"duckdb://{path}", table="events", tie_break="seq")


@pytest.fixture(scope="module")
def postgres_link() -> WarehouseLink:
    import postgres_cluster

    cluster = postgres_cluster.cluster()
    con = ibis.postgres.connect(**cluster.connection)
    con.create_table("pain_events", _events_with_order(), overwrite=True)
    con.disconnect()
    return WarehouseLink(url=f"postgres://postgres@127.0.0.1:{cluster.port}/postgres", table="pain_events",
                         tie_break="seq")


@pytest.mark.parametrize("engine", ["accelerator", "duckdb", "postgres"])
def test_a_cohort_s_message_names_only_the_events_its_users_did(engine: str, request: pytest.FixtureRequest
                                                                  ) -> None:
    link = None if engine == "accelerator" else request.getfixturevalue(f"{engine}_link")
    inputs = AnalysisInputs(_demo(link))
    assert (inputs.log is None) == (link is not None)  # the premise: in memory, or in the warehouse
    params = {**ANALYSES["pain_points"].defaults(inputs.facts), "by": "", "min_users": 5}
    everyone = run_analysis("pain_points", inputs, params)
    assert EVERYONE_SAID in everyone.message
    cohort = run_analysis("pain_points", inputs, {**params, "cohort": NEVER_SUPPORT.id})
    assert not cohort.empty and (cohort.table["support_rate"] == 0).all()  # the numbers were right already
    assert COHORT_SAID in cohort.message, cohort.message
    # broken down by the cohort, everyone's events are analysed again: both are named
    split = run_analysis("pain_points", inputs, {**params, "by": f"{COHORT_PREFIX}{NEVER_SUPPORT.id}"})
    assert EVERYONE_SAID in split.message
