"""The demo's events imported or linked in a DuckDB file give a product owner the same step 4: the same default
parameters for every gallery analysis (the typical journey of the first funnel and pain points among them, the
customers' attributes to break down by), and the same table for each when run with them."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from usagelens import app
from usagelens.model import Project, Source, SourceKind, WarehouseLink, load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.warehouse import linked_source, preview


def _demo(linked_to: Path | None = None) -> Project:
    """The demo; with ``linked_to``, its events linked in that DuckDB file."""
    project = load_project(demo_project())
    if linked_to is not None:
        index, events = next((i, s) for i, s in enumerate(project.sources) if s.kind == SourceKind.EVENTS)
        link = WarehouseLink(url=f"duckdb://{linked_to}", table="events", tie_break="seq")
        project.sources[index] = linked_source(events.name, link, preview(link), events.roles)
        project.sources[index].id = events.id
    return project


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's events as table ``events`` of a DuckDB file, with their source order as ``seq`` (and as the
    export ``events.csv`` beside it)."""
    events = next(s for s in _demo().sources if s.kind == SourceKind.EVENTS).table
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    events.to_csv(path.with_name("events.csv"), index=False)
    with duckdb.connect(str(path)) as con:
        con.register("frame", events.assign(seq=np.arange(len(events), dtype=np.int64)))
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    return path


@pytest.fixture(scope="module")
def both(demo_database: Path) -> tuple[AnalysisInputs, AnalysisInputs]:
    """The demo's inputs with its events imported, and with them linked."""
    return AnalysisInputs(_demo()), AnalysisInputs(_demo(demo_database))


def test_every_analysis_defaults_to_the_same_parameters(both: tuple[AnalysisInputs, AnalysisInputs]) -> None:
    imported, linked = both
    assert imported.log is not None and linked.log is None  # the premise: one in memory, one in the warehouse
    assert linked.facts == imported.facts
    assert imported.facts.journey == ("signup", "complete_task", "view_dashboard")
    assert imported.facts.attributes == ("plan", "country", "company_size", "platform")  # customers' first
    for kind, spec in ANALYSES.items():
        assert spec.defaults(linked.facts) == spec.defaults(imported.facts), kind


@pytest.mark.parametrize("kind", list(ANALYSES))
def test_every_analysis_gives_the_same_table(both: tuple[AnalysisInputs, AnalysisInputs], kind: str) -> None:
    imported, linked = both
    params = ANALYSES[kind].defaults(imported.facts)
    expected, got = run_analysis(kind, imported, params), run_analysis(kind, linked, params)
    assert got.message == expected.message
    assert got.empty == expected.empty
    if expected.table is None:
        assert got.table is None
        return
    pd.testing.assert_frame_equal(got.table.reset_index(drop=True), expected.table.reset_index(drop=True),
                                  check_exact=False, rtol=1e-9)


@pytest.mark.parametrize("params", [{"by": "platform"}, {"by": "country"},
                                    {"start": "2024-02-01", "end": "2024-03-31", "period": "week"}],
                         ids=["by-platform", "by-country", "range"])
def test_revenue_of_linked_events_per_segment_and_range(both: tuple[AnalysisInputs, AnalysisInputs],
                                                        params: dict[str, str]) -> None:
    """The payments stay in the project: each segment's payers (of an event property or a customer attribute) are
    matched to the users the warehouse puts in it, and its active users are counted there, as in memory."""
    imported, linked = both
    params = {**ANALYSES["revenue"].defaults(imported.facts), **params}
    expected, got = run_analysis("revenue", imported, params), run_analysis("revenue", linked, params)
    assert not expected.empty and got.message == expected.message
    pd.testing.assert_frame_equal(got.table, expected.table, check_exact=False, rtol=1e-9)


@pytest.mark.parametrize(("kind", "by"), [("segments", "country"), ("funnel", "company_size"), ("retention", "plan"),
                                          ("pain_points", "country"), ("experiment", "plan")])
def test_a_breakdown_by_a_customer_attribute(both: tuple[AnalysisInputs, AnalysisInputs], kind: str, by: str) -> None:
    """The customers' attributes a breakdown can use go along with the warehouse's query: the same segments."""
    imported, linked = both
    params = {**ANALYSES[kind].defaults(imported.facts), "by": by}
    expected, got = run_analysis(kind, imported, params), run_analysis(kind, linked, params)
    assert not expected.empty and got.message == expected.message
    pd.testing.assert_frame_equal(got.table, expected.table, check_exact=False, rtol=1e-9)


@pytest.mark.parametrize("analysis", ["pain-points", "journey-map"])
def test_the_command_line_starts_at_the_same_typical_journey(demo_database: Path, tmp_path: Path,
                                                             analysis: str) -> None:
    """Without steps (or a touchpoint), ``usagelens analyze`` on the warehouse starts where it does on the export."""
    roles = ["--user", "user_id", "--time", "timestamp", "--event", "event"]
    warehouse, export = tmp_path / "warehouse.csv", tmp_path / "export.csv"
    assert app.main(["analyze", f"duckdb://{demo_database}", "--table", "events", "--tie-break", "seq", *roles,
                     "--property", "platform", "--property", "plan", analysis, "--out", str(warehouse)]) == 0
    exported = demo_database.with_name("events.csv")
    assert app.main(["analyze", str(exported), *roles, analysis, "--out", str(export)]) == 0
    assert warehouse.read_text() == export.read_text()


def test_customers_go_along_to_a_read_only_postgresql_role(frame: pd.DataFrame,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A role that may only SELECT the events still joins the customers sent with the query (a temporary table of
    the session): the same segments, funnel and experiment by the customers' country as with the events imported."""
    from postgres_cluster import password_protected_table

    url = password_protected_table("gallery_events", frame, "gallery_reader", "only-select")
    monkeypatch.setenv("ULENS_PASSWORD", "only-select")
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    users = sorted(frame["user_id"].unique())
    countries = pd.DataFrame({"user_id": users, "country": ["FR", "DE", "US"] * 20})
    crm = Source("CRM", SourceKind.CUSTOMERS, table=countries, roles={"user_id": "user_id"})
    link = WarehouseLink(url=url, table="gallery_events", tie_break="seq")
    linked = AnalysisInputs(Project(sources=[linked_source("Events", link, preview(link), roles), crm]))
    imported = AnalysisInputs(Project(sources=[Source("Events", SourceKind.EVENTS, table=frame.drop(columns=["seq"]),
                                                      roles=dict(roles)), crm]))
    assert linked.facts == imported.facts and "country" in imported.facts.attributes
    for kind in ("segments", "funnel", "experiment"):
        params = {**ANALYSES[kind].defaults(imported.facts), "by": "country"}
        expected, got = run_analysis(kind, imported, params), run_analysis(kind, linked, params)
        assert not got.empty, got.message
        pd.testing.assert_frame_equal(got.table, expected.table, check_exact=False, rtol=1e-9)
