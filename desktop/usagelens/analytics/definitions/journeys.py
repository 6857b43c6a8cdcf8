"""Journeys (:mod:`usagelens.analytics.journeys`) as an Ibis definition.

The grouping rules arrive resolved into a mapping (:func:`usagelens.analytics.journeys.anchored`, the same call
the numpy path makes) and become one ``CASE`` over ``event``; a row starts a visit when the user's previous row
(in the view's order: time, then the ``seq`` tie-break, see :func:`.view.ordering`) is another touchpoint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.paths import path_symbols
from usagelens.analytics.definitions.view import EVENT, USER, DayRange, facts, fetch, ordering, vocabulary, within_days
from usagelens.analytics.journeys import anchored, shape_journeys, step_columns
from usagelens.analytics.periods import DateLike
from usagelens.analytics.touchpoint_rules import TouchpointRule

TOUCHPOINT, PREVIOUS, RANK = "touchpoint", "previous_touchpoint", "arrival_rank"


@dataclass(frozen=True)
class JourneyParams:
    anchor: str  # the touchpoint the journeys start at (or lead to)
    depth: int
    days: DayRange
    mapping: tuple[tuple[str, str], ...] = ()  # event → touchpoint, for the events the rules rename
    before: bool = False


def journeys_definition(events: ir.Table, params: JourneyParams) -> ir.Table:
    """``step_0`` … ``step_depth`` (null outside the user's visits) and ``users``: per journey from each user's
    first visit to the anchor in the range (or leading to it), in reading order."""
    event = events[EVENT]
    mapped = events.mutate(**{TOUCHPOINT: event.substitute(dict(params.mapping)) if params.mapping else event})
    by_user = ibis.window(group_by=USER, order_by=ordering(mapped))
    marked = mapped.mutate(**{PREVIOUS: mapped[TOUCHPOINT].lag().over(by_user)})
    visits = marked.filter(marked[PREVIOUS].isnull() | (marked[PREVIOUS] != marked[TOUCHPOINT])).drop(PREVIOUS)
    symbols = path_symbols(visits, TOUCHPOINT, params.depth, before=params.before)
    here = visits[TOUCHPOINT]
    steps = dict(zip(step_columns(params.depth), [*symbols, here] if params.before else [here, *symbols], strict=True))
    stepped = visits.mutate(**steps)
    arrivals = within_days(stepped.filter(stepped[TOUCHPOINT] == params.anchor), params.days)
    ranked = arrivals.mutate(**{RANK: ibis.row_number().over(group_by=USER, order_by=ordering(arrivals))})
    firsts = ranked.filter(ranked[RANK] == 0)
    return firsts.group_by(list(steps)).aggregate(users=firsts.count())


def journeys(
    view: ir.Table,
    event: str,
    *,
    depth: int = 4,
    groups: Sequence[TouchpointRule] = (),
    before: bool = False,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.journeys.journeys`, over a standard view."""
    names = fetch(vocabulary(view).select(EVENT).distinct())[EVENT]
    mapping, anchor = anchored(names, event, groups, depth)
    params = JourneyParams(anchor, depth, facts(view, start, end).days, tuple(sorted(mapping.items())), before)
    return shape_journeys(fetch(journeys_definition(view, params)), depth, before)
