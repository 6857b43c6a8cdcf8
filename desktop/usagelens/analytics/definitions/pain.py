"""Pain signals per user and journey step as an Ibis definition (see :mod:`usagelens.analytics.pain`).

One sort of each user's rows numbers their actions with a running count (a signal event takes the number of
the action before it), a group-by gathers each action with its signals, and a second sort, of the actions
only, compares each with the next for repeats. The order of events at one instant is the view's (time, then
the ``seq`` tie-break), as for paths. Per segment, the users' labels join the per-user result in the same
query: running it once per segment's part of the view re-sorted every row each time (a user's signals do not
depend on the other users).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.segments import anchored_segments, check_breakdown
from usagelens.analytics.definitions.usage import gap_microseconds
from usagelens.analytics.definitions.view import EVENT, TIME, USER, DayRange, facts, fetch, ordering, within_days
from usagelens.analytics.pain import COLUMNS, DEFAULT_GAP, check_steps, shape_step_signals
from usagelens.analytics.periods import DateLike, DurationLike
from usagelens.analytics.segments import CountedOn


@dataclass(frozen=True)
class SignalParams:
    steps: tuple[str, ...]
    errors: tuple[str, ...]  # error events that are not steps
    support: tuple[str, ...]  # support contacts that are neither errors nor steps
    gap_us: int | None  # a repeat is the same action again within this many microseconds
    days: DayRange


def step_signals_definition(events: ir.Table, params: SignalParams) -> ir.Table:
    """``user_id``, ``step``, ``events``, ``errors``, ``support``, ``repeats`` per user and step done in the range."""
    rows = within_days(events, params.days)
    is_error = rows[EVENT].isin(params.errors) if params.errors else ibis.literal(False)
    is_support = rows[EVENT].isin(params.support) if params.support else ibis.literal(False)
    marked = rows.mutate(  # 0/1 by ifelse: PostgreSQL casts no boolean to a number
        error=is_error.ifelse(1, 0),
        contact=is_support.ifelse(1, 0),
        action=(is_error | is_support).ifelse(0, 1),
    )
    running = ibis.window(group_by=marked[USER], order_by=ordering(marked), preceding=None, following=0)
    numbered = marked.mutate(episode=marked.action.sum().over(running))
    owned = numbered.filter(numbered.episode > 0)  # a signal before the user's first action belongs to none
    doing = owned.action == 1
    actions = owned.group_by([USER, "episode"]).aggregate(
        step=owned[EVENT].max(where=doing),
        at=owned[TIME].max(where=doing),
        errors=owned.error.sum(),
        support=owned.contact.sum(),
    )
    following = ibis.window(group_by=actions[USER], order_by=actions.episode)
    again = actions.step.lead().over(following) == actions.step
    if params.gap_us is not None:
        again &= actions.at.lead().over(following).delta(actions.at, unit="microsecond") <= params.gap_us
    marked_actions = actions.mutate(repeat=again.ifelse(1, 0))
    done = marked_actions.filter(marked_actions.step.isin(params.steps))
    return done.group_by([USER, "step"]).aggregate(
        events=done.count(),
        errors=done.errors.sum(),
        support=done.support.sum(),
        repeats=done.repeat.sum(),
    )


def step_signals(
    view: ir.Table,
    steps: Sequence[str],
    *,
    errors: Sequence[str] = (),
    support: Sequence[str] = (),
    gap: DurationLike = DEFAULT_GAP,
    start: DateLike = None,
    end: DateLike = None,
    by: str | None = None,
    customers: ir.Table | None = None,
    counted: CountedOn = "first",
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.step_signals`, over a standard view (``customers`` a customers view)."""
    check_steps(steps)
    known = facts(view, start, end, steps)
    known.require(steps)
    if by:
        check_breakdown(view, by, customers)
    wanted = tuple(steps)
    error_names = tuple(dict.fromkeys(n for n in errors if n not in wanted))
    support_names = tuple(dict.fromkeys(n for n in support if n not in wanted and n not in error_names))
    gap_us = None if gap is None else gap_microseconds(gap)
    params = SignalParams(wanted, error_names, support_names, gap_us, known.days)
    table = step_signals_definition(view, params)
    if by:
        segments = anchored_segments(view, by, customers, last=counted == "last")
        table = segments.inner_join(table, USER).select("segment", *COLUMNS)
    return shape_step_signals(fetch(table), steps)
