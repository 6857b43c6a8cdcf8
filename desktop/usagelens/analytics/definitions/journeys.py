"""Journeys (:mod:`usagelens.analytics.journeys`) as an Ibis definition.

The grouping rules arrive resolved into a mapping (:func:`usagelens.analytics.journeys.anchored`, the same call
the numpy path makes) and become one ``CASE`` over ``event``; a row starts a visit when the user's previous row
(in the view's order: time, then the ``seq`` tie-break, see :func:`.view.ordering`) is another touchpoint.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.paths import event_frequencies, frequency_facts, path_symbols
from usagelens.analytics.definitions.text_order import code_point_order
from usagelens.analytics.definitions.view import (
    EVENT,
    USER,
    DayRange,
    fetch,
    ordering,
    user_key,
    vocabulary,
    within_days,
)
from usagelens.analytics.journeys import (
    ENDED,
    OTHER,
    anchored,
    shape_journeys,
    shape_top_journeys,
    step_columns,
)
from usagelens.analytics.paths import START_LABEL
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
    firsts = _first_visits(events, params)
    return firsts.group_by(step_columns(params.depth)).aggregate(users=firsts.count())


def _first_visits(events: ir.Table, params: JourneyParams) -> ir.Table:
    """Each user's first visit to the anchor in the range, with the journey from it in ``step_0`` … ."""
    event = events[EVENT]
    mapped = events.mutate(**{TOUCHPOINT: event.substitute(dict(params.mapping)) if params.mapping else event})
    by_user = ibis.window(group_by=user_key(mapped), order_by=ordering(mapped))
    marked = mapped.mutate(**{PREVIOUS: mapped[TOUCHPOINT].lag().over(by_user)})
    visits = marked.filter(marked[PREVIOUS].isnull() | (marked[PREVIOUS] != marked[TOUCHPOINT])).drop(PREVIOUS)
    symbols = path_symbols(visits, TOUCHPOINT, params.depth, before=params.before)
    here = visits[TOUCHPOINT]
    steps = dict(zip(step_columns(params.depth), [*symbols, here] if params.before else [here, *symbols], strict=True))
    stepped = visits.mutate(**steps)
    arrivals = within_days(stepped.filter(stepped[TOUCHPOINT] == params.anchor), params.days)
    ranked = arrivals.mutate(**{RANK: ibis.row_number().over(group_by=user_key(arrivals), order_by=ordering(arrivals))})
    return ranked.filter(ranked[RANK] == 0)


def top_journeys_definition(events: ir.Table, params: JourneyParams, top: int) -> ir.Table:
    """What :func:`usagelens.analytics.journeys.top_journeys` shapes, in one query: the ``top`` journeys of
    :func:`journeys_definition` ranked as :func:`.journeys.shape_journeys` orders them (most users, then their
    steps, the outside label for null) with ``journeys`` 1 and ``folded`` false, and the others summed where the
    map draws them (``step_k`` the node in column k, null where none; ``folded`` true); O(top × depth) rows.

    One pipeline that reads the events once: whether a journey's first steps are a kept one's is a window over
    the journeys sharing them, not a second reference to the kept ones (which BigQuery, Trino and ClickHouse
    would evaluate, events and all, again)."""
    outside = START_LABEL if params.before else ENDED
    columns = step_columns(params.depth)
    firsts = _first_visits(events, params)
    taken = firsts.group_by(columns).aggregate(users=firsts.count())
    steps = [taken[c].fill_null(outside) for c in columns]
    ties = [code_point_order(step, taken) for step in steps]  # as the numpy path sorts, whatever the collation
    ranked = taken.select(*[step.name(c) for step, c in zip(steps, columns, strict=True)], "users",
                          rank=ibis.row_number().over(order_by=[ibis.desc(taken["users"]), *ties]))
    walked = columns[::-1] if params.before else columns  # from the anchor outwards
    first_kept = {f"on_{k}": ranked["rank"].min().over(group_by=walked[: k + 1]) < top for k in range(1, len(walked))}
    marked = ranked.mutate(**first_kept)
    drawn = _drawn([marked[c] for c in walked], lambda k: marked[f"on_{k}"], outside)
    kept = marked["rank"] < top
    shown = {c: ibis.ifelse(kept, marked[c], value) for c, value in zip(walked, drawn, strict=True)}
    places = marked.group_by(place=ibis.ifelse(kept, marked["rank"], ibis.null("int64")), **shown).aggregate(
        users=marked["users"].sum(), journeys=marked.count())
    return places.select(*columns, "users", "journeys", folded=places["place"].isnull())


def drawn_journeys(events: ir.Table, params: JourneyParams, top: Sequence[Sequence[str]]) -> ir.Table:
    """``user_id``, the journey the user took (``step_0`` … ``step_depth``, the outside label where they had no
    touchpoint) and where the journey map draws it when it keeps the ``top`` journeys (their steps in reading
    order): ``drawn_0`` … ``drawn_depth``, null where it is not drawn, as :func:`.journeys.folded` walks it."""
    firsts = _first_visits(events, params)
    outside = START_LABEL if params.before else ENDED
    steps = [firsts[c].fill_null(outside) for c in step_columns(params.depth)]
    walked = steps[::-1] if params.before else steps  # from the anchor outwards
    kept = [list(journey)[::-1] if params.before else list(journey) for journey in top]

    def on_a_kept_one(k: int) -> ir.BooleanValue:
        return ibis.or_(*[ibis.and_(*[walked[j] == journey[j] for j in range(k + 1)]) for journey in kept])

    drawn = _drawn(walked, on_a_kept_one, outside)
    drawn = drawn[::-1] if params.before else drawn
    return firsts.select(USER, **dict(zip(step_columns(params.depth), steps, strict=True)),
                         **{f"drawn_{k}": value for k, value in enumerate(drawn)})


def _drawn(walked: Sequence[ir.StringValue], on_a_kept_one: Callable[[int], ir.BooleanValue],
           outside: str) -> list[ir.StringValue]:
    """Where a journey (its steps ``walked`` from the anchor outwards) is drawn, as :func:`.journeys.folded`
    walks it: each step while the journey's first ``k + 1`` steps are those of a kept one
    (``on_a_kept_one(k)``), Other where it leaves them, nothing past that or past where it stopped."""
    drawn, following = [walked[0]], ibis.literal(True)
    for k in range(1, len(walked)):
        following &= walked[k - 1] != outside
        on_kept = on_a_kept_one(k)
        drawn.append(ibis.cases((following & (on_kept | (walked[k] == outside)), walked[k]),
                                (following, ibis.literal(OTHER)), else_=ibis.null("string")))
        following &= on_kept
    return drawn


def journey_params(view: ir.Table, event: str, depth: int, groups: Sequence[TouchpointRule], before: bool,
                   start: DateLike, end: DateLike) -> JourneyParams:
    """The journeys' parameters on ``view``: its events named by the rules, its days in the range (the names
    and the days from one scan of the view)."""
    names = fetch(event_frequencies(vocabulary(view)))
    mapping, anchor = anchored(names[EVENT], event, groups, depth)
    days = frequency_facts(names, start, end).days
    return JourneyParams(anchor, depth, days, tuple(sorted(mapping.items())), before)


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
    params = journey_params(view, event, depth, groups, before, start, end)
    return shape_journeys(fetch(journeys_definition(view, params)), depth, before)


def top_journeys(
    view: ir.Table,
    event: str,
    *,
    top: int,
    depth: int = 4,
    groups: Sequence[TouchpointRule] = (),
    before: bool = False,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.journeys.top_journeys`, over a standard view."""
    params = journey_params(view, event, depth, groups, before, start, end)
    return shape_top_journeys(fetch(top_journeys_definition(view, params, top)), depth)


def journey_members(
    view: ir.Table,
    event: str,
    *,
    top: Sequence[Sequence[str]],
    where: Mapping[str, str],
    beyond_top: bool = False,
    depth: int = 4,
    groups: Sequence[TouchpointRule] = (),
    before: bool = False,
    start: DateLike = None,
    end: DateLike = None,
) -> ir.Table:
    """The rows of ``view`` of the users behind a row of the journey map that keeps the ``top`` journeys: those
    whose :func:`drawn_journeys` columns have the values ``where`` gives (``drawn_2`` = "pay", or every
    ``step_k`` of one journey), and with ``beyond_top`` whose journey is none of ``top`` (its Other)."""
    params = journey_params(view, event, depth, groups, before, start, end)
    table = drawn_journeys(view, params, top)
    chosen = [table[column] == value for column, value in where.items()]
    if beyond_top:
        columns = step_columns(depth)
        chosen += [~ibis.or_(*[ibis.and_(*[table[c] == v for c, v in zip(columns, journey, strict=True)])
                               for journey in top])]
    users = table.filter(*chosen) if chosen else table
    return view.filter(view[USER].isin(users[USER]))
