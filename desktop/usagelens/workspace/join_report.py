"""How well the sources of a project fit together: customers joined to events on the user id.

Breakdowns by plan or country only cover event users that have a customer row, so the product owner must
know, before trusting a segment, how many users fall through the join in either direction.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from usagelens.analytics import AnalysisError
from usagelens.io.source_builder import ids_as_text
from usagelens.io.warehouse.url import WarehouseError
from usagelens.model.entities import Project, Source, SourceKind
from usagelens.model.stored_table import column_names, table_column
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, plural

EXAMPLES = 5


@dataclass(frozen=True)
class JoinReport:
    """Distinct user ids on each side of the events ⟷ customers join. A warehouse's events are counted there;
    ``matched`` is None when both sides are too many to match (:mod:`.linked_facts`)."""

    events: str  # source names
    customers: str
    event_users: int
    customer_users: int
    matched: int | None
    events_only: list[str]  # a few event users without a customer row
    customers_only: list[str]  # a few customers without any event
    where: str = ""  # where the event users were counted, when not in the project ("in its warehouse")
    problem: str = ""  # why they could not be counted there (an unreachable warehouse)

    @property
    def event_users_without_customer(self) -> int:
        return self.event_users - (self.matched or 0)

    @property
    def customers_without_events(self) -> int:
        return self.customer_users - (self.matched or 0)

    def summary(self) -> str:
        """One paragraph for the Gather page."""
        where = Phrase("", " {where}", {"where": self.where}) if self.where else ""
        names = {"customers": self.customers, "events": self.events}
        if self.problem:
            return QT_TRANSLATE_NOOP("JoinReport", "How {customers} joins {events} could not be counted{where}: "
                                                   "{problem}.").format(**names, where=where, problem=self.problem)
        if self.matched is None:
            return QT_TRANSLATE_NOOP("JoinReport", "{customers} joins {events} on the user id: {users:,} event "
                                                   "users{where} and {customer_users:,} customers are too many to "
                                                   "match here; a breakdown by a customer attribute counts only the "
                                                   "event users that have a customer row.").format(
                **names, users=self.event_users, where=where, customer_users=self.customer_users)
        share = self.matched / self.event_users if self.event_users else 0.0
        matched = QT_TRANSLATE_NOOP("JoinReport", "{customers} joins {events} on the user id: {matched:,} of {users:,} "
                                                  "event users{where} ({share:.1%}) have a customer row.").format(
            **names, matched=self.matched, users=self.event_users, where=where, share=share)
        no_customer = plural(self.event_users_without_customer,
                             QT_TRANSLATE_NOOP("JoinReport", "No customer row for {count:,} event user"),
                             QT_TRANSLATE_NOOP("JoinReport", "No customer row for {count:,} event users"))
        no_events = plural(self.customers_without_events,
                           QT_TRANSLATE_NOOP("JoinReport", "no events for {count:,} customer"),
                           QT_TRANSLATE_NOOP("JoinReport", "no events for {count:,} customers"))
        return QT_TRANSLATE_NOOP("JoinReport", "{matched} {no_customer}{examples}; {no_events}{customer_examples}."
                                 ).format(matched=matched, no_customer=no_customer, no_events=no_events,
                                          examples=_examples(self.events_only),
                                          customer_examples=_examples(self.customers_only))


def _examples(ids: list[str]) -> str:
    """A few of the ids a count is of: " (e.g. u1, u2)", or "" when there are none."""
    return QT_TRANSLATE_NOOP("JoinReport", " (e.g. {ids})").format(ids=", ".join(ids)) if ids else ""


def _user_ids(source: Source) -> pd.Index:
    column = source.column("user_id")
    if column is None or column not in column_names(source):
        return pd.Index([], dtype="str")
    return pd.Index(ids_as_text(table_column(source, column)).dropna().unique())


def join_report(project: Project, events: Source, customers: Source) -> JoinReport:
    """Users of ``events`` with and without a row in ``customers``, and the reverse (raw tables; a warehouse's
    events asked of the warehouse, its preview being no count of its users, or answered by the results of that
    kept in ``project``: the run around it says how old they are)."""
    customer_ids = _user_ids(customers)
    if events.link is not None:
        return _warehouse_report(project, events, customers.name, customer_ids)
    return _report(events.name, customers.name, _user_ids(events), customer_ids)


def _report(events: str, customers: str, event_ids: pd.Index, customer_ids: pd.Index, where: str = "") -> JoinReport:
    matched = event_ids.intersection(customer_ids)
    return JoinReport(events, customers, len(event_ids), len(customer_ids), len(matched),
                      sorted(event_ids.difference(customer_ids))[:EXAMPLES],
                      sorted(customer_ids.difference(event_ids))[:EXAMPLES], where)


def _warehouse_report(project: Project, events: Source, customers: str, customer_ids: pd.Index) -> JoinReport:
    from usagelens.workspace.linked_facts import warehouse_users  # Ibis loads only for a warehouse's project
    from usagelens.workspace.warehouse_results import kept_events

    where = QT_TRANSLATE_NOOP("JoinReport", "in its warehouse")
    try:
        users = warehouse_users(kept_events(project, events, raw=True), customer_ids, EXAMPLES)
    except (WarehouseError, AnalysisError) as error:
        return JoinReport(events.name, customers, 0, len(customer_ids), None, [], [], where, str(error))
    if users.ids is not None:
        return _report(events.name, customers, users.ids, customer_ids, where)
    if users.matched is None:
        return JoinReport(events.name, customers, users.count, len(customer_ids), None, [], [], where)
    return JoinReport(events.name, customers, users.count, len(customer_ids), len(users.matched),
                      list(users.unmatched), sorted(customer_ids.difference(users.matched))[:EXAMPLES], where)


def join_reports(project: Project) -> list[JoinReport]:
    """One report per pair of event log and customer table in ``project``."""
    return [join_report(project, events, customers)
            for events in project.sources_of(SourceKind.EVENTS)
            for customers in project.sources_of(SourceKind.CUSTOMERS)]
