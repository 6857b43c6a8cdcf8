"""How well the sources of a project fit together: customers joined to events on the user id.

Breakdowns by plan or country only cover event users that have a customer row, so the product owner must
know, before trusting a segment, how many users fall through the join in either direction.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from usagelens.cleaning.steps import count
from usagelens.io.source_builder import ids_as_text
from usagelens.model.entities import Project, Source, SourceKind
from usagelens.model.stored_table import column_names, table_column

EXAMPLES = 5


@dataclass(frozen=True)
class JoinReport:
    """Distinct user ids on each side of the events ⟷ customers join."""

    events: str  # source names
    customers: str
    event_users: int
    customer_users: int
    matched: int
    events_only: list[str]  # a few event users without a customer row
    customers_only: list[str]  # a few customers without any event

    @property
    def event_users_without_customer(self) -> int:
        return self.event_users - self.matched

    @property
    def customers_without_events(self) -> int:
        return self.customer_users - self.matched

    def summary(self) -> str:
        """One paragraph for the Gather page."""
        share = self.matched / self.event_users if self.event_users else 0.0
        text = (f"{self.customers} joins {self.events} on the user id: {self.matched:,} of "
                f"{self.event_users:,} event users ({share:.1%}) have a customer row. "
                f"No customer row for {count(self.event_users_without_customer, 'event user')}")
        if self.events_only:
            text += f" (e.g. {', '.join(self.events_only)})"
        text += f"; no events for {count(self.customers_without_events, 'customer')}"
        if self.customers_only:
            text += f" (e.g. {', '.join(self.customers_only)})"
        return text + "."


def _user_ids(source: Source) -> pd.Index:
    column = source.column("user_id")
    if column is None or column not in column_names(source):
        return pd.Index([], dtype="str")
    return pd.Index(ids_as_text(table_column(source, column)).dropna().unique())


def join_report(events: Source, customers: Source) -> JoinReport:
    """Users of ``events`` with and without a row in ``customers``, and the reverse (raw tables)."""
    event_ids, customer_ids = _user_ids(events), _user_ids(customers)
    matched = event_ids.intersection(customer_ids)
    return JoinReport(
        events=events.name,
        customers=customers.name,
        event_users=len(event_ids),
        customer_users=len(customer_ids),
        matched=len(matched),
        events_only=sorted(event_ids.difference(customer_ids))[:EXAMPLES],
        customers_only=sorted(customer_ids.difference(event_ids))[:EXAMPLES],
    )


def join_reports(project: Project) -> list[JoinReport]:
    """One report per pair of event log and customer table in ``project``."""
    return [join_report(events, customers)
            for events in project.sources_of(SourceKind.EVENTS)
            for customers in project.sources_of(SourceKind.CUSTOMERS)]
