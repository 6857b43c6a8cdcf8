"""Gallery analyses filtered to a cohort and broken down by cohorts: the engine's tables on the members' log, the
cohort named in the result, and a plain message for empty, deleted, broken or unfilterable cases."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens import analytics as a
from usagelens.analytics.cohorts import cohort_mask
from usagelens.model import Cohort, Finding, Project, SavedAnalysis, Source, SourceKind
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, rerun, run_analysis
from usagelens.workspace.evidence import finding_evidence, settings_line

EVENTS = pd.DataFrame(
    [
        ("ann", "2024-03-04 10:00", "signup"), ("ann", "2024-03-05 10:00", "export"),
        ("ann", "2024-03-12 10:00", "export"), ("ann", "2024-03-20 10:00", "pay"),
        ("bob", "2024-03-04 11:00", "signup"), ("bob", "2024-03-06 11:00", "export"),
        ("cat", "2024-03-11 09:00", "signup"), ("cat", "2024-03-18 09:00", "export"),
        ("dan", "2024-03-18 12:00", "signup"),
    ],
    columns=["user", "time", "event"],
).assign(time=lambda f: pd.to_datetime(f["time"]))
CUSTOMERS = pd.DataFrame({"user": ["ann", "bob", "cat", "dan"], "plan": ["pro", "free", "pro", "free"]})
EXPORTERS = Cohort("Exporters", conditions=[{"kind": "event_count", "event": "export", "at_least": 1}])
PRO = Cohort("Pro", conditions=[{"kind": "attribute", "attribute": "plan", "op": "in", "values": ["pro"]}])


def project(*cohorts: Cohort) -> Project:
    return Project(
        sources=[
            Source("events", SourceKind.EVENTS, EVENTS,
                   roles={"user_id": "user", "timestamp": "time", "event": "event"}),
            Source("customers", SourceKind.CUSTOMERS, CUSTOMERS, roles={"user_id": "user"}),
        ],
        cohorts=list(cohorts),
    )


def run(inputs: AnalysisInputs, kind: str, **params: object):
    return run_analysis(kind, inputs, {**ANALYSES[kind].defaults(inputs.facts), **params})


def test_an_analysis_filtered_to_a_cohort_is_the_engines_table_on_its_members() -> None:
    inputs = AnalysisInputs(project(EXPORTERS, PRO))
    result = run(inputs, "active_users", period="week", cohort=EXPORTERS.id)
    log = inputs.log
    assert log is not None
    members = log.subset_users(cohort_mask(log, EXPORTERS.conditions))
    expected = a.active_users(members, "week", start=result.params["start"], end=result.params["end"])
    pd.testing.assert_frame_equal(result.table, expected)
    assert result.table["active_users"].tolist() == [2, 2, 2]  # dan (never exported) would make the last 3
    assert (result.cohort, result.n_users, result.params["cohort"]) == ("Exporters", 3, EXPORTERS.id)
    assert run(inputs, "active_users", period="week").cohort == ""


def test_every_event_analysis_runs_on_a_cohort() -> None:
    inputs = AnalysisInputs(project(PRO))
    for kind, spec in ANALYSES.items():
        if spec.needs is not SourceKind.EVENTS:
            continue
        result = run(inputs, kind, cohort=PRO.id)
        assert result.cohort == "Pro", (kind, result.message)
        assert "Traceback" not in result.message


def test_an_empty_cohort_says_so() -> None:
    nobody = Cohort("Payers twice", conditions=[{"kind": "event_count", "event": "pay", "at_least": 2}])
    result = run(AnalysisInputs(project(nobody)), "funnel", cohort=nobody.id)
    assert result.empty and result.message.startswith("No users in cohort “Payers twice”")


def test_a_deleted_a_broken_and_an_unfilterable_cohort_say_why() -> None:
    broken = Cohort("Teleporters", conditions=[{"kind": "event_count", "event": "teleport"}])
    inputs = AnalysisInputs(project(broken, PRO))
    gone = run(inputs, "adoption", cohort="deleted0000")
    assert gone.empty and "no longer exists" in gone.message
    bad = run(inputs, "adoption", cohort=broken.id)
    assert bad.message == "The cohort “Teleporters” cannot be worked out: event 'teleport' does not occur in the data."
    survey = run_analysis("survey", inputs, {"cohort": PRO.id})
    assert survey.empty and "Survey answers cannot be filtered to a cohort" in survey.message


def test_listed_users_no_longer_in_the_data_are_noted() -> None:
    listed = Cohort("Picked", conditions=[{"kind": "users", "user_ids": ["ann", "zoe", "yan"]}])
    result = run(AnalysisInputs(project(listed)), "event_counts", cohort=listed.id)
    assert result.n_users == 1
    assert result.message.endswith("2 listed users of cohort “Picked” are no longer in the data.")


def test_editing_a_cohort_is_seen_by_the_next_run_on_the_same_inputs() -> None:
    cohort = Cohort("Some", conditions=[{"kind": "users", "user_ids": ["ann"]}])
    the_project = project(cohort)
    inputs = AnalysisInputs(the_project)
    assert run(inputs, "event_counts", cohort=cohort.id).n_users == 1
    the_project.cohorts[0] = Cohort("Some", conditions=[{"kind": "users", "user_ids": ["ann", "bob"]}], id=cohort.id)
    assert run(inputs, "event_counts", cohort=cohort.id).n_users == 2


def test_a_cohort_as_a_breakdown_members_against_everyone_else() -> None:
    inputs = AnalysisInputs(project(EXPORTERS))
    choices = ANALYSES["funnel"].params(inputs.facts)[-1].choices
    by = next(value for value, label in choices if label == "Cohort: Exporters")
    result = run(inputs, "funnel", steps=["signup", "export"], window_days=0, by=by)
    table = result.table[["segment", "step", "users"]]
    assert table.values.tolist() == [
        ["Exporters", 1, 3], ["Exporters", 2, 3], ["everyone else", 1, 1], ["everyone else", 2, 0]
    ]
    assert result.params["by"] == by and "by cohort “Exporters”" in result.charts[0].title


def test_each_cohort_at_once_labels_users_in_several_cohorts() -> None:
    inputs = AnalysisInputs(project(EXPORTERS, PRO))
    result = run(inputs, "segments", event="pay", by="cohort:*")
    assert result.table[["segment", "segment_users"]].values.tolist() == [
        ["(in no cohort)", 1], ["Exporters", 1], ["Exporters + Pro", 2]  # dan; bob; ann and cat
    ]


def test_a_breakdown_by_cohort_inside_a_cohort_filter() -> None:
    inputs = AnalysisInputs(project(EXPORTERS, PRO))
    result = run(inputs, "active_users", period="month", cohort=PRO.id, by=f"cohort:{EXPORTERS.id}")
    assert result.table[["segment", "segment_users"]].values.tolist() == [["Exporters", 2]]


def test_the_report_names_the_cohort_of_a_pinned_analysis() -> None:
    saved = SavedAnalysis("Adoption of pros", "adoption", {"cohort": PRO.id, "by": f"cohort:{EXPORTERS.id}"})
    the_project = project(EXPORTERS, PRO)
    assert "Cohort: Pro" in settings_line(saved, the_project.cohorts)
    assert "Cohort: a deleted cohort" in settings_line(saved)
    evidence = finding_evidence(AnalysisInputs(the_project), Finding("Pros adopt", analysis=saved))
    assert evidence is not None and "Cohort: Pro" in evidence.settings
    assert rerun(AnalysisInputs(the_project), saved).cohort == "Pro"


@pytest.mark.parametrize("kind", ["revenue", "metric_trend"])
def test_analyses_of_other_sources_refuse_a_cohort(kind: str) -> None:
    result = run_analysis(kind, AnalysisInputs(project(PRO)), {"cohort": PRO.id, "period": "month", "metric": "x"})
    assert result.empty and "filtered to a cohort" in result.message
