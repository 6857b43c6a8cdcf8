"""Cohorts as an Ibis definition: the ids of the users a cohort's conditions select, for DuckDB and warehouses.

Each rule is a one-column table of ``user_id``: an attribute's segment labels (:func:`.segments.anchored_segments`,
as a breakdown labels users) kept where the client decided they match (:func:`.cohort_rules.matching_labels`,
the numpy path's own decision over the same distinct labels); a group-by count of an event's rows (or every row)
in the days; each user's first time in the days; a funnel's users whose last step reached is the rule's
(:class:`.funnels.Progress`); the listed ids present in the view. ``all`` intersects them, ``any`` unites them.
A filtered analysis reads ``view.semi_join(members, "user_id")`` (:func:`in_cohort`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa

from usagelens.analytics.cohort_rules import (
    AttributeRule,
    EventCountRule,
    FirstSeenRule,
    FunnelRule,
    matching_labels,
    read_rules,
    set_labels,
)
from usagelens.analytics.definitions.funnels import FunnelParams, Progress, params_of
from usagelens.analytics.definitions.packed import table_along
from usagelens.analytics.definitions.segments import anchored_segments, check_breakdown, sorted_labels
from usagelens.analytics.definitions.view import (
    EVENT,
    TIE_BREAK,
    TIME,
    USER,
    DayRange,
    facts,
    fetch,
    within_days,
)
from usagelens.analytics.errors import AnalysisError, cohort_failed
from usagelens.model.query_engine import packs_lists, takes_tables
from usagelens.model.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Labelled:
    """An attribute rule with the labels it matches, decided on the client."""

    attribute: str
    labels: tuple[str, ...]
    last: bool = False  # an event property of the user's last event


@dataclass(frozen=True)
class Counted:
    event: str | None  # None: any event
    days: DayRange
    at_least: int
    at_most: int | None


@dataclass(frozen=True)
class FirstSeen:
    days: DayRange
    event: str | None


@dataclass(frozen=True)
class StoppedAt:
    """Users of a funnel whose last step reached is ``step`` (1-based)."""

    funnel: FunnelParams
    step: int


LONG_LIST = 1_000
"""More listed ids than this go along with a query as a table (:func:`listed_table`) instead of in its text."""


LISTED_TEXT = 500_000
"""The most characters a list of ids may take in a query's text where it cannot go along as a table: half of
Trino's default ``query.max-length`` (1,000,000), the rest left for the query around it."""


@dataclass(frozen=True)
class Listed:
    user_ids: tuple[str, ...]
    outside: bool = False  # every user but the listed ones


Part = Labelled | Counted | FirstSeen | StoppedAt | Listed


@dataclass(frozen=True)
class CohortParams:
    parts: tuple[Part, ...]
    match: str = "all"


def cohort_definition(events: ir.Table, params: CohortParams, customers: ir.Table | None = None) -> ir.Table:
    """``user_id`` of every member, once each."""
    tables = [_members(events, part, customers).select(USER) for part in params.parts]
    if len(tables) == 1:
        return tables[0]
    return ibis.intersect(*tables) if params.match == "all" else ibis.union(*tables, distinct=True)


def _members(events: ir.Table, part: Part, customers: ir.Table | None) -> ir.Table:
    if isinstance(part, Labelled):
        segments = anchored_segments(events, part.attribute, customers, last=part.last)
        return segments.filter(segments.segment.isin(part.labels) if part.labels else ibis.literal(False))
    if isinstance(part, Counted):
        rows = within_days(events if part.event is None else events.filter(events[EVENT] == part.event), part.days)
        counts = rows.group_by(USER).aggregate(n=rows.count())
        if part.at_least == 0:  # users without a row count too: every user, with 0 where none
            users = events.select(USER).distinct()
            joined = users.left_join(counts, users[USER] == counts[USER])
            counts = joined.select(users[USER], n=joined.n.fill_null(0))
        kept = counts.filter(counts.n >= part.at_least)
        return kept if part.at_most is None else kept.filter(kept.n <= part.at_most)
    if isinstance(part, FirstSeen):
        rows = events if part.event is None else events.filter(events[EVENT] == part.event)
        first = rows.group_by(USER).aggregate(first=rows[TIME].min())
        return within_days(first, part.days, "first")
    if isinstance(part, StoppedAt):
        reached = Progress(events, part.funnel).reached()
        stopped = reached[f"reached_{part.step}"].notnull()
        if part.step < len(part.funnel.steps):
            stopped &= reached[f"reached_{part.step + 1}"].isnull()
        return reached.filter(stopped)
    users = events.select(USER).distinct()
    if len(part.user_ids) > LONG_LIST and takes_tables(events):
        listed = listed_table(part.user_ids, events)
        return users.anti_join(listed, USER) if part.outside else users.semi_join(listed, USER)
    if sum(len(user_id) + 4 for user_id in part.user_ids) > LISTED_TEXT:  # quoted, and a comma and space
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "a condition names {count} users, too many to write into a query on this warehouse "
                        "(Trino and Databricks take no list along with a query): narrow the condition, or import "
                        "the events").format(count=f"{len(part.user_ids):,}"))
    inside = users[USER].isin(part.user_ids) if part.user_ids else ibis.literal(False)
    return users.filter(~inside if part.outside else inside)


def listed_table(user_ids: Sequence[str], near: ir.Table) -> ir.Table:
    """The ids as a one-column table that goes along with a query on ``near``: an in-memory table Ibis sends
    (DuckDB reads it in-process, ClickHouse as external data, Snowflake and BigQuery in the session), or on
    PostgreSQL one text value the query splits into rows (:func:`~usagelens.model.query_engine.packs_lists`:
    a temporary table would be refused on a read replica). Written into the SQL as an ``IN`` list, 50,000 ids
    cost 16 s of CPU and over a megabyte of text, more than BigQuery takes. Engines that would have to write a
    table to the warehouse (:func:`~usagelens.model.query_engine.takes_tables`) get the ``IN`` list still."""
    ids = pa.table({USER: pa.array(sorted(set(user_ids)), pa.string())})
    return table_along(ids, packs_lists(near))


def cohort_params(
    view: ir.Table, conditions: Sequence[Mapping[str, Any]], match: str = "all", customers: ir.Table | None = None
) -> CohortParams:
    """The conditions read and checked in the numpy path's order, with the client's decisions made: which labels
    an attribute rule matches (one small query per attribute rule), the days and events that exist."""
    rules = read_rules(conditions, match)
    parts: list[Part] = []
    for rule in rules.rules:
        if isinstance(rule, AttributeRule):
            check_breakdown(view, rule.attribute, customers)
            segments = anchored_segments(view, rule.attribute, customers, last=rule.last)
            labels = sorted_labels(fetch(segments.select("segment").distinct())["segment"])
            matched = [label for label, hit in zip(labels, matching_labels(rule, labels), strict=True) if hit]
            parts.append(Labelled(rule.attribute, tuple(matched), rule.last))
        elif isinstance(rule, EventCountRule):
            known = facts(view, rule.start, rule.end, [rule.event])
            known.require([rule.event])
            parts.append(Counted(rule.event, known.days, rule.at_least, rule.at_most))
        elif isinstance(rule, FirstSeenRule):
            known = facts(view, rule.start, rule.end, [rule.event])
            known.require([rule.event])
            parts.append(FirstSeen(known.days, rule.event))
        elif isinstance(rule, FunnelRule):
            funnel = params_of(view, rule.steps, rule.order, rule.window, rule.exclude, rule.start, rule.end)
            parts.append(StoppedAt(funnel, rule.step))
        else:
            parts.append(Listed(rule.user_ids, rule.outside))
    return CohortParams(tuple(parts), rules.match)


def cohort_members(
    view: ir.Table, conditions: Sequence[Mapping[str, Any]], *, match: str = "all", customers: ir.Table | None = None
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.cohorts.cohort_members`: the members' ids, sorted, in column ``user_id``."""
    members = fetch(cohort_definition(view, cohort_params(view, conditions, match, customers), customers))
    return pd.DataFrame({USER: pd.Series(sorted(members[USER]), dtype=object)})


def in_cohort(
    view: ir.Table, conditions: Sequence[Mapping[str, Any]], *, match: str = "all", customers: ir.Table | None = None,
    outside: bool = False,
) -> ir.Table:
    """The view's rows of the cohort's members: what an analysis filtered to the cohort reads (``outside``: the
    rows of everyone else, a control group)."""
    members = cohort_definition(view, cohort_params(view, conditions, match, customers), customers)
    return view.anti_join(members, USER) if outside else view.semi_join(members, USER)


def cohort_labels(
    view: ir.Table, cohorts: Sequence[tuple[str, Sequence[Mapping[str, Any]], str]], *, none: str, column: str,
    customers: ir.Table | None = None,
) -> ir.Table:
    """A customers view (``user_id``, ``seq``, ``column``) of the users of ``view``, each labelled with the set
    of ``cohorts`` (name, conditions, match) they are in as :func:`.cohort_rules.set_labels` names it, ``none``
    for no cohort: a breakdown by cohorts reads it as an attribute. The sets that occur are one small query;
    ``column`` must be a name every dialect takes (BigQuery: letters, digits and underscores)."""
    users = view.select(USER).distinct()
    sets = ibis.literal(0, "int64")
    for bit, (name, conditions, match) in enumerate(cohorts):
        try:
            params = cohort_params(view, conditions, match, customers)
        except AnalysisError as exc:
            raise cohort_failed(name, exc) from None
        members = cohort_definition(view, params, customers)
        sets = sets + users[USER].isin(members[USER]).ifelse(1 << bit, 0)
    present = sorted(int(value) for value in fetch(users.select(sets=sets).distinct())["sets"])
    names = set_labels([name for name, _, _ in cohorts], present, none)
    label = sets.cases(*zip(present, names, strict=True), else_=none) if present else ibis.literal(none)
    return users.select(USER, **{TIE_BREAK: ibis.literal(0, "int64"), column: label})
