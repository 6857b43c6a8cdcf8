"""Conversion drivers (design §4) as an Ibis definition: how many converted and dropped users had each event
and attribute value; the odds ratios and tests are computed on the client by the numpy path's own functions.

The users are those who entered the funnel (its definition in :mod:`.funnels`); converted ones reached the
last step. An event counts for a user who did it in the funnel's date range; the funnel's own steps are left
out. An attribute is a customer attribute or the property of the entering row, one feature per value.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.funnels import FunnelParams, Progress, params_of
from usagelens.analytics.definitions.segments import anchored_segments, check_breakdown, sorted_labels
from usagelens.analytics.definitions.view import EVENT, USER, fetch, vocabulary, within_days
from usagelens.analytics.drivers import drivers_table, feature_rows
from usagelens.analytics.funnels import FunnelOrder
from usagelens.analytics.periods import DateLike, DurationLike


def drivers_definition(
    events: ir.Table, params: FunnelParams, attributes: Sequence[str], customers: ir.Table | None, names: ir.Table
) -> ir.Table:
    """``kind`` ("total", "event" or "attribute:" and its name), ``feature``, ``order_rows`` (an event's rows in
    ``names``, for the order), ``users`` and ``converted`` (how many of them reached the last step)."""
    tables = Progress(events, params).tables()
    entered = tables[0].select(USER).view()
    finished = tables[-1].select(USER).mutate(done=ibis.literal(True)).view()
    joined = entered.left_join(finished, entered[USER] == finished[USER])
    people = joined.select(entered[USER], done=finished.done.fill_null(False)).view()

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
    rows = within_days(events, params.days).filter(~events[EVENT].isin(list(params.steps)))
    frequency = names.group_by(EVENT).aggregate(order_rows=names.count())
    pairs = rows.select(USER, EVENT).distinct().join(frequency, EVENT)
    parts.append(tally(pairs, "event", EVENT, "order_rows"))
    entering = within_days(events.filter(events[EVENT] == params.steps[0]), params.days)
    for attribute in attributes:
        parts.append(
            tally(anchored_segments(entering, attribute, customers).view(), f"attribute:{attribute}", "segment")
        )
    return ibis.union(*parts)


def shape_drivers(result: pd.DataFrame, attributes: Sequence[str], top: int | None) -> pd.DataFrame:
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
    return drivers_table(records, top)


def funnel_drivers(
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
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.funnel_drivers`, over a standard view and a customers view."""
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    for attribute in attributes:
        check_breakdown(view, attribute, customers)
    result = fetch(drivers_definition(view, params, attributes, customers, vocabulary(view)))
    return shape_drivers(result, attributes, top)
