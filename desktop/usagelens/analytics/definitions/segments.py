"""Breakdowns as Ibis definitions: one segment label per user, from a customer attribute or from an event
property read on the row that put the user in the analysis (their funnel entry, their cohort start).

Labels are made on the backend, so that a median is taken over exactly the users a label covers: values
become text (integral floats lose their ``.0``), blank or missing ones become ``(missing)``. The client
sorts labels as the numpy path does, ``(missing)`` last.
"""

from __future__ import annotations

from collections.abc import Callable

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.attributes import MISSING_LABEL, sorted_labels
from usagelens.analytics.definitions.view import (
    TIE_BREAK,
    TIME,
    USER,
    Whole,
    as_text,
    facts,
    fetch,
    ordering,
    user_key,
    user_key_name,
    whole_view,
)
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.segments import CountedOn, stack_segment_tables
from usagelens.model.translatable import QT_TRANSLATE_NOOP


def label(value: ir.Column) -> ir.StringValue:
    """A segment label: the value as text, ``(missing)`` for a missing or blank one."""
    text = as_text(value)
    return (text.isnull() | (text.strip() == "")).ifelse(MISSING_LABEL, text)


def check_breakdown(events: ir.Table, by: str, customers: ir.Table | None) -> None:
    """Raise the numpy path's error when ``by`` is neither a customer attribute nor an event property."""
    if customers is not None and by in customers.columns and by not in (USER, TIE_BREAK):
        return
    if by not in events.columns:
        where = QT_TRANSLATE_NOOP("Analysis", "customer attribute or event property") if customers is not None \
            else QT_TRANSLATE_NOOP("Analysis", "event property")
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no {where} named {by!r}").format(where=where, by=by))


def at_edge_instant(rows: ir.Table, *, last: bool = False) -> ir.Table:
    """The rows at each user's first (or ``last``) instant: a group-by and a join narrow the rows a ranking
    must sort to a few per user (three times faster than ranking every row at 10M events). Both go by the user
    number where the rows have one (:func:`.view.user_key`): an integer's group-by and join cost half a text
    id's."""
    key = user_key_name(rows)
    edge = rows.group_by(key).aggregate(at=rows[TIME].max() if last else rows[TIME].min()).view()
    return rows.semi_join(edge, [rows[key] == edge[key], rows[TIME] == edge.at])


def anchored_segments(
    anchor_rows: ir.Table, by: str, customers: ir.Table | None, *, last: bool = False, keyed: bool = False
) -> ir.Table:
    """``user_id``, ``segment`` for the users of ``anchor_rows`` (view rows; the first of a user's rows, by
    time then tie-break, or the last with ``last``, is the one whose property labels them), from customer
    attribute ``by`` if the customers table has it (its last row per user counts), else from event property
    ``by``. With ``keyed``, the users are named by :func:`.view.user_key` instead of ``user_id`` (the same
    column without the number): what a query that joins the labels by the number reads, without the text ids
    of every row."""
    key = user_key_name(anchor_rows) if keyed else USER
    if customers is not None and by in customers.columns and by not in (USER, TIE_BREAK):
        users = anchor_rows.select(*dict.fromkeys([USER, key])).distinct()
        latest = customers.mutate(rank=ibis.row_number().over(group_by=USER, order_by=ibis.desc(customers[TIE_BREAK])))
        values = latest.filter(latest["rank"] == 0).select(USER, value=latest[by])
        joined = users.left_join(values, users[USER] == values[USER])
        return joined.select(users[key], segment=label(values.value))
    edge = at_edge_instant(anchor_rows, last=last)
    order = [ibis.desc(column) for column in ordering(edge)] if last else ordering(edge)
    ranked = edge.mutate(rank=ibis.row_number().over(group_by=user_key(edge), order_by=order))
    first = ranked.filter(ranked["rank"] == 0)
    return first.select(key, segment=label(first[by]))


def compare_segments(
    view: ir.Table,
    metric: Callable[[ir.Table], pd.DataFrame],
    by: str,
    *,
    customers: ir.Table | None = None,
    counted: CountedOn = "first",
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.compare_segments`: ``metric`` on each segment's part of the view, over the
    whole view's days and events (:data:`.view.whole_view`), so a segment where nobody did an event still
    lists it."""
    check_breakdown(view, by, customers)
    segments = anchored_segments(view, by, customers, last=counted == "last", keyed=True).view()
    sizes = fetch(segments.group_by("segment").aggregate(users=segments.count()))
    labels = sorted_labels(sizes["segment"])
    users = dict(zip(sizes["segment"], sizes["users"], strict=True))
    token = whole_view.set(Whole(view, facts(view).days))
    try:
        key = user_key_name(view)
        tables = [metric(view.semi_join(segments.filter(segments.segment == name), key)) for name in labels]
    finally:
        whole_view.reset(token)
    return stack_segment_tables(labels, [int(users[name]) for name in labels], tables)
