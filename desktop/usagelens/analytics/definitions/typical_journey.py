"""The typical journey after an entry event (:mod:`usagelens.analytics.typical_journey`) as an Ibis definition:
one query of each user's first entry, the first time they did each other event at or after it, the events the
most users did (ties by name) and the middle values of their delays, finished on the client as numpy does."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.text_order import code_point_order
from usagelens.analytics.definitions.view import EVENT, TIME, facts, fetch, middle_values, user_key_name
from usagelens.analytics.funnels import median_delta
from usagelens.analytics.typical_journey import shape_typical_journey


def typical_journey_definition(view: ir.Table, entry: str, steps: int) -> ir.Table:
    """``event``, ``users``, ``low`` and ``high`` (the middle delays in µs): a row for ``entry`` (its users, no
    delay) and one for each of the ``steps − 1`` events the most of its users did at or after first doing it."""
    key = user_key_name(view)
    entering = view.filter(view[EVENT] == entry)
    entered = entering.group_by(key).aggregate(entered=entering[TIME].min())
    others = view.filter(view[EVENT] != entry)
    joined = others.join(entered, key)
    after = joined.filter(joined[TIME] >= joined.entered)
    firsts = after.group_by([key, EVENT, "entered"]).aggregate(first=after[TIME].min())
    firsts = firsts.select(key, EVENT, delay=firsts["first"].delta(firsts.entered, unit="microsecond"))
    counted = firsts.group_by(EVENT).aggregate(users=firsts.count())
    top = counted.order_by([ibis.desc("users"), code_point_order(counted[EVENT], counted)]).limit(max(steps - 1, 0))
    chosen = firsts.semi_join(top, EVENT)
    middle = middle_values(chosen.select(EVENT, value=chosen.delay), [EVENT])
    rows = top.join(middle, EVENT).select(EVENT, users=top.users.cast("int64"), low=middle.low.cast("int64"),
                                          high=middle.high.cast("int64"))
    zero = ibis.literal(0, type="int64")
    start = entered.aggregate(users=entered.count().cast("int64")).select(
        ibis.literal(entry, type="string").name(EVENT), "users", low=zero, high=zero)
    return ibis.union(start.filter(start.users > 0), rows, distinct=False)


def typical_journey(view: ir.Table, entry: str, steps: int = 3) -> pd.DataFrame:
    """As :func:`usagelens.analytics.typical_journey`, over a standard view."""
    result = fetch(typical_journey_definition(view, entry, steps))
    first = result[EVENT].to_numpy(object) == entry
    if not first.any():
        known = facts(view, events=[entry])
        if known.days != (0, -1):  # events, but not this one: the numpy path's error
            known.require([entry])
    result = pd.concat([result[first], result[~first]], ignore_index=True)
    delays = [median_delta(np.array([low, high], dtype=np.int64) * 1000) for low, high in
              zip(result["low"], result["high"], strict=True)]
    return shape_typical_journey(list(result[EVENT]), list(result["users"]), delays)
