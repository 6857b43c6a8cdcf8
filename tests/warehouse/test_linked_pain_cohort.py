"""Pain points filtered to a cohort name as error and support events only those the cohort's users did: the
data facts (what the panel's defaults come from) are everyone's, and a cohort that never contacted support was
told that ``contact_support`` counted as its support contacts. The same sentence on the accelerator (the demo
imported), and with its events linked in a DuckDB file and in PostgreSQL."""

from __future__ import annotations

import pytest
from demo_fifth import duckdb_events, events_with_order, fifth_of_demo, linked_events, postgres_events

from usagelens.model import Cohort, Project, WarehouseLink
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.analyses.spec import COHORT_PREFIX

NEVER_SUPPORT = Cohort("Never contacted support", conditions=[
    {"kind": "event_count", "event": "contact_support", "at_least": 0, "at_most": 0}])
EVERYONE_SAID = "Errors: error_shown; support: contact_support."
COHORT_SAID = "Errors: error_shown; support: no event matches the support words."


def _demo(link: WarehouseLink | None = None) -> Project:
    """A fifth of the demo's users with the cohort; with ``link``, its events linked there."""
    project = fifth_of_demo()
    project.cohorts = [NEVER_SUPPORT]
    return linked_events(project, link)


@pytest.fixture(scope="module")
def duckdb_link(tmp_path_factory: pytest.TempPathFactory) -> WarehouseLink:
    return duckdb_events(tmp_path_factory.mktemp("pain"), events_with_order(_demo()))


@pytest.fixture(scope="module")
def postgres_link() -> WarehouseLink:
    return postgres_events("pain_events", events_with_order(_demo()))


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
