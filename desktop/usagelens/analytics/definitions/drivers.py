"""Conversion drivers (design §4) as an Ibis definition: how many converted and dropped users had each event
and attribute value; the odds ratios and tests are computed on the client by the numpy path's own functions.
:func:`drivers_members` picks the users behind one of those counts by the same definition.

The users are those who entered the funnel (its definition in :mod:`.funnels`); converted ones reached the
last step. An event counts for a user who did it in the funnel's date range; the funnel's own steps are left
out. An attribute is a customer attribute or the property of the entering row, one feature per value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.funnels import FunnelParams, Progress, params_of
from usagelens.analytics.definitions.segments import anchored_segments, check_breakdown, sorted_labels
from usagelens.analytics.definitions.view import EVENT, USER, fetch, vocabulary, within_days
from usagelens.analytics.drivers import Drivers, drivers_table, feature_rows
from usagelens.analytics.funnels import FunnelOrder
from usagelens.analytics.periods import DateLike, DurationLike


def drivers_definition(
    events: ir.Table, params: FunnelParams, attributes: Sequence[str], customers: ir.Table | None, names: ir.Table
) -> ir.Table:
    """``kind`` ("total", "event" or "attribute:" and its name), ``feature``, ``order_rows`` (an event's rows in
    ``names``, for the order), ``users`` and ``converted`` (how many of them reached the last step)."""
    people = funnel_people(events, params)

    def tally(table: ir.Table, kind: str, feature: str | None = None, order: str | None = None) -> ir.Table:
        """Users and converted users per value of column ``feature`` of ``table`` (one row without)."""
        joined = table.join(people, USER)
        counted = joined.group_by(
            kind=ibis.literal(kind),
            feature=ibis.literal("") if feature is None else joined[feature],
            order_rows=ibis.null("int64") if order is None else joined[order],
        ).aggregate(users=joined.count(), converted=joined.count(where=joined.done))
        return counted.select("kind", "feature", "order_rows", "users", "converted")

    parts = [tally(people.select(USER), "total")]
    frequency = names.group_by(EVENT).aggregate(order_rows=names.count())
    pairs = event_pairs(events, params).join(frequency, EVENT)
    parts.append(tally(pairs, "event", EVENT, "order_rows"))
    for attribute in attributes:
        parts.append(tally(attribute_segments(events, params, attribute, customers), f"attribute:{attribute}",
                           "segment"))
    return ibis.union(*parts)


def funnel_people(events: ir.Table, params: FunnelParams) -> ir.Table:
    """The users who entered the funnel, ``done`` when they reached its last step."""
    tables = Progress(events, params).tables()
    entered = tables[0].select(USER).view()
    finished = tables[-1].select(USER).mutate(done=ibis.literal(True)).view()
    joined = entered.left_join(finished, entered[USER] == finished[USER])
    return joined.select(entered[USER], done=finished.done.fill_null(False)).view()


def event_pairs(events: ir.Table, params: FunnelParams) -> ir.Table:
    """Each user and event other than the funnel's steps they did in its date range, once."""
    rows = within_days(events, params.days).filter(~events[EVENT].isin(list(params.steps)))
    return rows.select(USER, EVENT).distinct()


def attribute_segments(events: ir.Table, params: FunnelParams, attribute: str, customers: ir.Table | None) -> ir.Table:
    """Each user's ``segment`` of ``attribute``: a customer attribute, or the property of the first step's event
    they entered with."""
    entering = within_days(events.filter(events[EVENT] == params.steps[0]), params.days)
    return anchored_segments(entering, attribute, customers).view()


def shape_drivers(result: pd.DataFrame, attributes: Sequence[str], top: int | None) -> Drivers:
    total = result[result["kind"] == "total"]
    n_entered = int(total["users"].sum())
    n_converted = int(total["converted"].sum())
    n_dropped = n_entered - n_converted
    events = result[result["kind"] == "event"]
    events = events.iloc[np.lexsort((events["feature"].to_numpy(object), -events["order_rows"].to_numpy(np.int64)))]
    converted, users = events["converted"].to_numpy(np.int64), events["users"].to_numpy(np.int64)
    records = feature_rows("event", list(events["feature"]), converted, users - converted, n_converted, n_dropped)
    for attribute in attributes:
        rows = result[result["kind"] == f"attribute:{attribute}"].set_index("feature")
        labels = sorted_labels(rows.index)
        rows = rows.loc[labels]
        converted, users = rows["converted"].to_numpy(np.int64), rows["users"].to_numpy(np.int64)
        names = [f"{attribute} = {label}" for label in labels]
        records += feature_rows("attribute", names, converted, users - converted, n_converted, n_dropped)
    return Drivers(drivers_table(records, top), n_entered, n_converted)


def funnel_drivers(view: ir.Table, steps: Sequence[str], **options: Any) -> pd.DataFrame:
    """The table of :func:`conversion_drivers`."""
    return conversion_drivers(view, steps, **options).table


def conversion_drivers(
    view: ir.Table,
    steps: Sequence[str],
    *,
    attributes: Sequence[str] = (),
    customers: ir.Table | None = None,
    top: int | None = None,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> Drivers:
    """As :func:`usagelens.analytics.conversion_drivers`, over a standard view and a customers view: one query
    for the table and the users who entered and converted."""
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    for attribute in attributes:
        check_breakdown(view, attribute, customers)
    result = fetch(drivers_definition(view, params, attributes, customers, vocabulary(view)))
    return shape_drivers(result, attributes, top)


def drivers_members(
    view: ir.Table,
    steps: Sequence[str],
    feature: str,
    *,
    attribute: str | None = None,
    converted: bool = True,
    customers: ir.Table | None = None,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> ir.Table:
    """The rows of the users a drivers row counts: those who converted (or, not ``converted``, dropped out) and
    did event ``feature`` in the range, or with ``attribute`` have ``feature`` as its value, as
    :func:`drivers_definition` counts them."""
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    people = funnel_people(view, params)
    group = people.filter(people.done if converted else ~people.done).select(USER)
    if attribute is None:
        pairs = event_pairs(view, params)
        having = pairs.filter(pairs[EVENT] == feature).select(USER)
    else:
        check_breakdown(view, attribute, customers)
        segments = attribute_segments(view, params, attribute, customers)
        having = segments.filter(segments.segment == feature).select(USER)
    return view.semi_join(group.semi_join(having, USER), USER)
