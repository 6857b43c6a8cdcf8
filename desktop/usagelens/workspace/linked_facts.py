"""What the pages say about a warehouse's events, asked of the warehouse: the project keeps only the first rows
of a linked source (:data:`~usagelens.workspace.warehouse.PREVIEW_ROWS`), which count nothing.

Each question is one or two small queries on a view opened once by the caller
(:func:`~usagelens.workspace.warehouse_results.kept_events`), so a page asking several reuses one connection,
and each is answered from the results kept in the project where they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.cohorts import LONG_LIST, listed_table
from usagelens.analytics.definitions.text_order import code_point_order
from usagelens.analytics.definitions.view import USER, fetch
from usagelens.analytics.definitions.view_events import ViewEvents
from usagelens.model import Project, Source
from usagelens.model.query_engine import takes_tables
from usagelens.workspace.warehouse_results import kept_events

FETCHED_USERS = 100_000  # a warehouse's user ids fetched to be matched here, at most (a few MB)
LISTED_IDS = 10_000  # customer ids written into one query instead, at most (BigQuery takes queries up to 1 MB)


@dataclass(frozen=True)
class WarehouseUsers:
    """A warehouse's event users as a join with the customers needs them: every id when they are few enough to
    fetch; else their number and which customers are among them (when the customers are few enough to name in a
    query); else only their number."""

    count: int
    ids: pd.Index | None = None
    matched: pd.Index | None = None  # the customer ids that have events (when ``ids`` is None)
    unmatched: tuple[str, ...] = ()  # a few event users without a customer row (likewise)


def warehouse_users(events: ViewEvents, customer_ids: pd.Index, examples: int) -> WarehouseUsers:
    """The event users of ``events`` matched against ``customer_ids`` (text), with up to ``examples`` users
    that have no customer row."""
    with events.fetching():
        return _matched(events.view, customer_ids, examples)


def _matched(view: ir.Table, customer_ids: pd.Index, examples: int) -> WarehouseUsers:
    users = view.select(USER).distinct()
    found = fetch(users.limit(FETCHED_USERS + 1))[USER]
    if len(found) <= FETCHED_USERS:
        return WarehouseUsers(len(found), pd.Index(found.astype("str")))
    total = int(fetch(users.aggregate(users=users.count()))["users"].iloc[0])
    if len(customer_ids) > LISTED_IDS:
        return WarehouseUsers(total)
    along = len(customer_ids) > LONG_LIST and takes_tables(view)  # else an IN list (up to LISTED_IDS)
    known = (view[USER].isin(listed_table(customer_ids, view)[USER]) if along
             else view[USER].isin(list(customer_ids)) if len(customer_ids) else view[USER].isnull())
    matched = fetch(view.filter(known).select(USER).distinct())[USER]
    unknown = view.filter(~known).select(USER).distinct()
    # the first by code point, as the imported events' note sorts them, whatever the database's collation
    others = fetch(unknown.order_by(code_point_order(unknown[USER], unknown)).limit(examples))[USER]
    return WarehouseUsers(total, matched=pd.Index(matched.astype("str")), unmatched=tuple(others.astype("str")))


def frequent_linked_events(source: Source, project: Project, limit: int = 40) -> list[str]:
    """The ``limit`` most frequent events of a warehouse's table, asked of it (one small query), as
    :func:`~usagelens.workspace.project_data.frequent_events` gives an imported table's: what KPIs are bound to
    in step 1, which the first rows the project keeps may not all show; answered from the project when kept."""
    events = kept_events(project, source)  # after the recipe: merged or renamed events as analysed
    counts = events.metrics.event_counts(events.data).sort_values("events", ascending=False, kind="stable")
    return [str(name) for name in counts["event"].head(limit)]
