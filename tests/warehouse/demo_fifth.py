"""The demo's events of a fifth of its users (the warehouse's work a fifth), imported or with its events linked
in a DuckDB file or a PostgreSQL table of a local cluster: the cohort tests on linked events compare the two."""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
import numpy as np
import pandas as pd

from usagelens.model import Project, SourceKind, WarehouseLink, load_project
from usagelens.paths import demo_project
from usagelens.workspace.warehouse import linked_source, preview


def fifth_of_demo() -> Project:
    """The demo project with the events of every fifth user only."""
    project = load_project(demo_project())
    events = next(s for s in project.sources if s.kind == SourceKind.EVENTS)
    users = events.table["user_id"]
    events.table = events.table[users.isin(users.drop_duplicates().sort_values().iloc[::5])].reset_index(drop=True)
    return project


def linked_events(project: Project, link: WarehouseLink | None) -> Project:
    """``project`` with its events source linked to ``link`` (same name, roles and id); unchanged without one."""
    if link is not None:
        index, events = next((i, s) for i, s in enumerate(project.sources) if s.kind == SourceKind.EVENTS)
        project.sources[index] = linked_source(events.name, link, preview(link), events.roles)
        project.sources[index].id = events.id
    return project


def events_with_order(project: Project) -> pd.DataFrame:
    """``project``'s events with a ``seq`` column, the tie-break that keeps equal times in the imported order."""
    events = next(s for s in project.sources if s.kind == SourceKind.EVENTS).table
    return events.assign(seq=np.arange(len(events), dtype=np.int64))


def duckdb_events(folder: Path, events: pd.DataFrame) -> WarehouseLink:
    """``events`` as table ``events`` of a DuckDB file in ``folder``."""
    path = folder / "demo.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("frame", events)
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    return WarehouseLink(url=f"duckdb://{path}", table="events", tie_break="seq")


def postgres_events(table: str, events: pd.DataFrame) -> WarehouseLink:
    """``events`` as ``table`` of the tests' local PostgreSQL cluster."""
    import postgres_cluster

    cluster = postgres_cluster.cluster()
    con = ibis.postgres.connect(**cluster.connection)
    con.create_table(table, events, overwrite=True)
    con.disconnect()
    return WarehouseLink(url=f"postgres://postgres@127.0.0.1:{cluster.port}/postgres", table=table,
                         tie_break="seq")
