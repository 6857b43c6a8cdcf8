"""What the pages say about a warehouse's events (users joined to the customers, the last day of data, the
summary's range and weekly users, a review's "data until") is asked of the warehouse, never read off the first
100 rows the project keeps: on a table of ~2,000 rows the two differ, and the warehouse's answer equals the
same events imported."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from usagelens.analytics.kpi import evaluate_kpi
from usagelens.analytics.kpi_series import kpi_series
from usagelens.model import (
    Action,
    ActionStatus,
    Cohort,
    Finding,
    KpiBinding,
    Objective,
    Project,
    SavedAnalysis,
    Source,
    SourceKind,
    WarehouseLink,
)
from usagelens.workspace import linked_facts
from usagelens.workspace.analyses import AnalysisInputs
from usagelens.workspace.evidence import finding_evidence
from usagelens.workspace.join_report import join_reports
from usagelens.workspace.project_data import kpi_inputs, last_data_day
from usagelens.workspace.review_board import action_impacts, data_until
from usagelens.workspace.summary import gather_summary
from usagelens.workspace.warehouse import PREVIEW_ROWS, linked_source, preview

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}


def _customers(frame: pd.DataFrame) -> Source:
    """40 of the 60 event users, and two customers without events."""
    users = sorted(frame["user_id"].unique())[:40] + ["c901", "c902"]
    table = pd.DataFrame({"user_id": users, "country": ["FR"] * len(users)})
    return Source("CRM", SourceKind.CUSTOMERS, table=table, roles={"user_id": "user_id"})


def _projects(database: Path, frame: pd.DataFrame) -> tuple[Project, Project]:
    """The events linked in the warehouse, and the same events imported; each with the customers, an objective
    and a finding."""
    link = WarehouseLink(url=f"duckdb://{database}", table="events", tie_break="seq")
    linked = linked_source("Events", link, preview(link), ROLES)
    imported = Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]), roles=dict(ROLES))
    objective = Objective("More weekly users", binding=KpiBinding("active_users", {"period": "week"}))
    finding = Finding("Weekly users", analysis=SavedAnalysis("Weekly users", "active_users", {"period": "week"}))
    return tuple(Project(name=name, sources=[events, _customers(frame)], objectives=[objective],  # type: ignore[return-value]
                         findings=[finding]) for name, events in (("linked", linked), ("imported", imported)))


def test_the_preview_is_not_the_data(database: Path, frame: pd.DataFrame) -> None:
    """The premise of every other test here: the first rows hold fewer users and end earlier."""
    linked, _ = _projects(database, frame)
    rows = linked.sources[0].table
    assert len(rows) == PREVIEW_ROWS < len(frame)
    assert rows["user_id"].nunique() < frame["user_id"].nunique()
    assert rows["timestamp"].max().date() < frame["timestamp"].max().date()


def test_the_join_note_counts_the_warehouse_users(database: Path, frame: pd.DataFrame) -> None:
    linked, imported = _projects(database, frame)
    (got,), (expected,) = join_reports(linked), join_reports(imported)
    assert (got.event_users, got.matched, got.events_only, got.customers_only) == \
        (expected.event_users, expected.matched, expected.events_only, expected.customers_only) == \
        (60, 40, ["u040", "u041", "u042", "u043", "u044"], ["c901", "c902"])
    assert "40 of 60 event users in its warehouse (66.7%) have a customer row" in got.summary()


@pytest.mark.parametrize("long_list", [1_000, 10])  # past it, the ids go along as a table, not in the text
def test_many_warehouse_users_are_matched_by_the_customers_ids(
        database: Path, frame: pd.DataFrame, monkeypatch: pytest.MonkeyPatch, long_list: int) -> None:
    """Too many users to fetch: the customers' ids go to the warehouse, with the same numbers."""
    monkeypatch.setattr(linked_facts, "FETCHED_USERS", 10)
    monkeypatch.setattr(linked_facts, "LONG_LIST", long_list)
    linked, imported = _projects(database, frame)
    (got,), (expected,) = join_reports(linked), join_reports(imported)
    assert (got.event_users, got.matched, got.events_only, got.customers_only) == \
        (expected.event_users, expected.matched, expected.events_only, expected.customers_only)


def test_too_many_on_both_sides_are_counted_not_matched(
        database: Path, frame: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linked_facts, "FETCHED_USERS", 10)
    monkeypatch.setattr(linked_facts, "LISTED_IDS", 10)
    (got,) = join_reports(_projects(database, frame)[0])
    assert (got.event_users, got.customer_users, got.matched) == (60, 42, None)
    assert "60 event users in its warehouse and 42 customers are too many to match here" in got.summary()


def test_an_unreachable_warehouse_is_one_sentence_in_the_join_note(
        database: Path, frame: pd.DataFrame, tmp_path: Path) -> None:
    linked, _ = _projects(database, frame)
    linked.sources[0].link = WarehouseLink(url=f"duckdb://{tmp_path / 'gone.duckdb'}", table="events")
    (got,) = join_reports(linked)
    assert got.summary().startswith("How CRM joins Events could not be counted in its warehouse: ")
    assert "\n" not in got.summary() and "Traceback" not in got.summary()


def test_the_last_day_of_data_is_the_warehouse_s(database: Path, frame: pd.DataFrame) -> None:
    linked, imported = _projects(database, frame)
    assert last_data_day(linked) == last_data_day(imported) == frame["timestamp"].max().date()


def test_a_review_s_data_until_is_the_warehouse_s(database: Path, frame: pd.DataFrame) -> None:
    linked, imported = _projects(database, frame)
    expected = data_until(kpi_inputs(imported, AnalysisInputs(imported).log))
    assert data_until(kpi_inputs(linked, None)) == expected == frame["timestamp"].max().date()


def test_the_summary_and_a_finding_s_evidence_cover_the_warehouse_s_days(database: Path, frame: pd.DataFrame) -> None:
    linked, imported = _projects(database, frame)
    got, expected = gather_summary(linked), gather_summary(imported)
    assert got.data_range == expected.data_range and got.data_end == date(2024, 3, 15)
    pd.testing.assert_frame_equal(got.weekly_active, expected.weekly_active)
    assert got.last_week_partial == expected.last_week_partial
    (finding,) = linked.findings
    got_range = finding_evidence(AnalysisInputs(linked), finding).data_range  # may say when the results were kept
    assert got_range.split(" · ")[0] == finding_evidence(AnalysisInputs(imported), finding).data_range


def test_the_report_counts_a_warehouse_table_s_rows_there(database: Path, frame: pd.DataFrame) -> None:
    linked, imported = _projects(database, frame)
    got, expected = gather_summary(linked), gather_summary(imported)
    assert got.rows_of(linked.sources[0]) == expected.rows_of(imported.sources[0]) == len(frame)
    assert got.rows_of(linked.sources[1]) == len(linked.sources[1].table)  # the customers: a file's rows


def test_step_3_says_its_checks_read_only_the_first_rows(database: Path, frame: pd.DataFrame) -> None:
    from usagelens.ui.pages.clean import compute_clean_result

    linked, _ = _projects(database, frame)
    result = compute_clean_result(linked, linked.sources[0])
    assert "only the first 100 rows the project keeps of it" in result.note
    assert list(result.quality.columns) == ["Check", "First 100 rows", "After cleaning"]


def _with_revenue(project: Project, frame: pd.DataFrame) -> Project:
    """The project with a revenue export kept in it: a payment by every third event user every five days."""
    users = sorted(frame["user_id"].unique())[::3]
    days = pd.date_range("2024-01-03", "2024-03-20", freq="5D")
    table = pd.DataFrame([(user, day + pd.Timedelta(hours=i), 9.5 + i) for i, user in enumerate(users) for day in days],
                         columns=["customer", "paid_at", "amount"])
    project.sources.append(Source("Payments", SourceKind.REVENUE, table=table,
                                  roles={"user_id": "customer", "timestamp": "paid_at", "amount": "amount"}))
    return project


@pytest.mark.parametrize("period", ["week", "month"])
def test_arpu_of_warehouse_events_and_payments_kept_here(database: Path, frame: pd.DataFrame, period: str) -> None:
    """The active users are asked of the warehouse, the payments summed in the project: the KPI, as of a past
    day and over time, equals the one of the same events imported."""
    linked, imported = (_with_revenue(project, frame) for project in _projects(database, frame))
    binding = KpiBinding("arpu", {"period": period})
    for as_of in (None, date(2024, 2, 20)):
        expected = evaluate_kpi(binding, kpi_inputs(imported, AnalysisInputs(imported).log), as_of=as_of)
        got = evaluate_kpi(binding, kpi_inputs(linked, None), as_of=as_of)
        assert expected.value is not None and expected.value > 0 and got == expected
    expected_series = kpi_series(binding, kpi_inputs(imported, AnalysisInputs(imported).log), period)
    assert len(expected_series) >= 3
    pd.testing.assert_series_equal(kpi_series(binding, kpi_inputs(linked, None), period), expected_series)


@pytest.mark.parametrize(("conditions", "verdict"), [
    ([{"kind": "event_count", "event": "invite", "at_least": 2}], None),
    ([{"kind": "event_count", "event": "signup", "at_least": 1}], "not measurable"),  # everyone signed up
], ids=["inviters", "everyone"])
def test_an_action_s_impact_against_a_control_group_is_measured_in_the_warehouse(
        database: Path, frame: pd.DataFrame, conditions: list[dict[str, object]], verdict: str | None) -> None:
    """A change that reached a cohort: its users' daily KPI against everyone else's, each group a part of the
    warehouse's view, as on the imported events."""
    impacts = []
    for project in _projects(database, frame):
        cohort = Cohort("Reached", conditions=conditions)
        project.cohorts = [cohort]
        project.actions = [Action("New invite flow", status=ActionStatus.SHIPPED, release_date=date(2024, 2, 12),
                                  objective_id=project.objectives[0].id, exposed_cohort=cohort.id)]
        log = AnalysisInputs(project).log
        (impact,) = action_impacts(project, kpi_inputs(project, log)).values()
        impacts.append(impact)
    got, expected = impacts
    assert expected.verdict == (verdict or expected.verdict) and (verdict or expected.measured)
    assert replace(got, series=None) == replace(expected, series=None)
    if expected.series is not None:
        pd.testing.assert_series_equal(got.series, expected.series)
