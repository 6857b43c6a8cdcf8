"""The people behind a number, on a standard view: who the users of a group are and what one of them did, as
small queries where the events lie (issue 16.3 on a warehouse). Most groups are cohort conditions
(:meth:`ViewEvents.members`); a funnel's step (reached or dropped, in a segment, or what was next after dropping
there), a retention cell, a lifecycle state, an active-days bucket and an experiment's variant are the rows of the
users their own definitions count there (``*_members``: the view's rows of those users), so a drop-off is listed
by the very definition that counts it."""

from __future__ import annotations

from typing import Literal

import ibis
import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.activity import PeriodParams, active_days_per_user, lifecycle_marks
from usagelens.analytics.definitions.experiments import experiment_people
from usagelens.analytics.definitions.funnel_views import dropped_and_next
from usagelens.analytics.definitions.funnels import Progress, params_of
from usagelens.analytics.definitions.retention import RetentionParams, cohort_starts, returned_periods
from usagelens.analytics.definitions.segments import anchored_segments, check_breakdown
from usagelens.analytics.definitions.text_order import code_point_order
from usagelens.analytics.definitions.view import (
    EVENT,
    TIE_BREAK,
    TIME,
    USER,
    USER_KEY,
    USER_ORDER,
    day_number,
    facts,
    fetch,
    ordering,
    user_key_name,
    within_days,
)
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.funnel_views import check_dropped_at
from usagelens.analytics.funnels import FunnelOrder
from usagelens.analytics.periods import DateLike, DurationLike, Period, check_period
from usagelens.analytics.retention import RetentionMode
from usagelens.model.translatable import QT_TRANSLATE_NOOP

LifecycleGroup = Literal["active", "new", "returning", "resurrecting", "dormant"]


def user_activity(view: ir.Table) -> pd.DataFrame:
    """One row per user of ``view``, by user id: ``user_id``, ``events``, ``first_seen``, ``last_seen``
    (times as naive UTC, as the numpy path lists them)."""
    per_user = view.group_by(USER).aggregate(events=view.count(), first_seen=view[TIME].min(),
                                             last_seen=view[TIME].max())
    frame = fetch(per_user.order_by(code_point_order(per_user[USER], per_user)))
    return pd.DataFrame({
        "user_id": frame[USER].astype(object),
        "events": frame["events"].astype("int64"),
        "first_seen": _naive(frame["first_seen"]),
        "last_seen": _naive(frame["last_seen"]),
    })


def user_events(view: ir.Table, user_id: str) -> pd.DataFrame:
    """The events of ``user_id`` in the view's order (time, then the tie-break or the name): ``time``
    (naive UTC), ``event``, then the view's properties."""
    mine = view.filter(view[USER] == user_id)
    frame = fetch(mine.order_by(ordering(mine)))
    properties = [c for c in frame.columns if c not in (USER, TIME, EVENT, TIE_BREAK, USER_KEY, USER_ORDER)]
    events = pd.DataFrame({"time": _naive(frame[TIME]), "event": frame[EVENT].astype(object)})
    return pd.concat([events, frame[properties].reset_index(drop=True)], axis=1)


def _naive(times: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(times)
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_convert("UTC").dt.tz_localize(None)
    return stamps.astype("datetime64[ns]").reset_index(drop=True)


def funnel_members(
    view: ir.Table, steps: tuple[str, ...] | list[str], step: int, *, dropped: bool = False, by: str | None = None,
    segment: str | None = None, customers: ir.Table | None = None, order: FunnelOrder = "sequential",
    window: DurationLike = None, exclude: str | None = None, exclude_after: int | None = None,
    start: DateLike = None, end: DateLike = None, entered: tuple[DateLike, DateLike] | None = None,
) -> ir.Table:
    """The rows of the users who reached ``step`` of the funnel (``dropped``: reached the step before it and not
    it), with ``by`` only those in breakdown ``segment``, placed as ``funnel_breakdown`` places them (a customer
    attribute, or the event property of the first step's event they entered with); with ``entered`` (first and
    last day) only those who entered on those days, as ``funnel_over_time`` groups them."""
    params = params_of(view, steps, order, window, exclude, start, end, by, exclude_after)
    reached = Progress(view, params).reached()  # reached_j: when step j was reached, null from the first missed
    if entered is not None:
        reached = within_days(reached, (day_number(entered[0]), day_number(entered[1])), "reached_1")
    chosen = reached[f"reached_{step}"].notnull()
    if dropped:
        chosen = ~chosen & reached[f"reached_{step - 1}"].notnull()
    users = reached.filter(chosen).select(USER)
    if by is not None:
        check_breakdown(view, by, customers)
        entering = within_days(view.filter(view[EVENT] == params.steps[0]), params.days)
        segments = anchored_segments(entering, by, customers)
        users = users.semi_join(segments.filter(segments.segment == segment), USER)
    return view.semi_join(users, USER)


def after_dropping_members(
    view: ir.Table, steps: tuple[str, ...] | list[str], dropped_at: int, next_event: str | None, *,
    order: FunnelOrder = "sequential", window: DurationLike = None, exclude: str | None = None,
    exclude_after: int | None = None, start: DateLike = None, end: DateLike = None,
) -> ir.Table:
    """The rows of the users who dropped after step ``dropped_at`` and did ``next_event`` at their first moment
    after it (None: did nothing later), as ``next_after_dropping`` counts them."""
    check_dropped_at(steps, order, dropped_at)
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    dropped, firsts, pairs = dropped_and_next(view, Progress(view, params).reached(), dropped_at)
    users = dropped.select(USER).anti_join(firsts, USER) if next_event is None else \
        pairs.filter(pairs.next_event == next_event).select(USER)
    return view.semi_join(users, USER)


def experiment_members(
    view: ir.Table, variant: str, label: str, goal_event: str, *, converted: bool = False,
    customers: ir.Table | None = None, start: DateLike = None, end: DateLike = None,
) -> ir.Table:
    """The rows of the users ``experiment`` counts in variant ``label`` (active in the range), or with
    ``converted`` those of them who did the goal event there."""
    known = facts(view, start, end, [goal_event])
    check_breakdown(view, variant, customers)
    people = experiment_people(view, variant, goal_event, known.days, customers)
    chosen = people.segment == label
    if converted:
        chosen &= people.converted
    key = user_key_name(view)
    return view.semi_join(people.filter(chosen).select(key), key)


def retention_members(
    view: ir.Table, period: Period, cohort: DateLike, offset: int, *, mode: RetentionMode = "on",
    start_event: str | None = None, return_event: str | None = None, start: DateLike = None, end: DateLike = None,
    lost: bool = False,
) -> ir.Table:
    """The rows of the users of ``retention_table``'s cell (``cohort``'s period start, ``offset``): the cohort's
    users back in that period (``on_or_after``: their last return then or later), or with ``lost`` the
    cohort's others, from the very cohorts and returns the table counts."""
    period = check_period(period)
    known = facts(view, start, end, [start_event, return_event])
    known.require([start_event, return_event])
    params = RetentionParams(period, known.days, mode, start_event, return_event)
    first = _period_start(cohort, period, 0)
    cohorts = cohort_starts(view, params)
    cohorts = cohorts.filter(cohorts.cohort == first)
    active = returned_periods(view, params, cohorts, ["cohort"])
    target = _period_start(cohort, period, offset)
    back = active.filter(active.period == target if mode == "on" else active.period >= target).select(USER)
    return view.semi_join(cohorts.select(USER).anti_join(back, USER) if lost else back, USER)


def lifecycle_members(view: ir.Table, period: Period, at: DateLike, group: LifecycleGroup) -> ir.Table:
    """The rows of the users ``lifecycle`` counts in ``group`` in the period starting ``at`` (over the whole
    history, as it counts them): active in it, new, returning or resurrecting there, or dormant (active in the
    period before, not in it)."""
    period = check_period(period)
    marks = lifecycle_marks(view, period)
    now, before = _period_start(at, period, 0), _period_start(at, period, -1)
    if group == "dormant":
        chosen = (marks.period == before) & (marks.following.isnull() | (marks.following != now))
    else:
        chosen = marks.period == now
        if group == "new":
            chosen &= marks.previous.isnull()
        elif group == "returning":
            chosen &= marks.previous == before
        elif group == "resurrecting":
            chosen &= marks.previous.notnull() & (marks.previous != before)
        elif group != "active":
            raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no lifecycle group {group!r}").format(group=group))
    key = user_key_name(view)
    return view.semi_join(marks.filter(chosen).select(key), key)


def frequency_members(
    view: ir.Table, period: Period, at: DateLike, days: int, *, at_least: bool = False, start: DateLike = None,
    end: DateLike = None,
) -> ir.Table:
    """The rows of the users active on exactly (``at_least``: that many or more) ``days`` days of the period
    starting ``at``, within the range, as ``active_days_frequency`` counts them."""
    period = check_period(period)
    per_user = active_days_per_user(view, PeriodParams(period, facts(view, start, end).days))
    enough = per_user.active_days >= days if at_least else per_user.active_days == days
    key = user_key_name(view)
    return view.semi_join(per_user.filter(enough & (per_user.period == _period_start(at, period, 0))).select(key), key)


def _period_start(day: DateLike, period: Period, shift: int) -> ir.DateScalar:
    """The start of the period ``shift`` periods after the one that starts at ``day``, as a date literal."""
    first = pd.Timestamp(day).normalize()  # type: ignore[arg-type]
    moved = first + (pd.DateOffset(months=shift) if period == "month" else
                     pd.Timedelta(days=shift * (7 if period == "week" else 1)))
    return ibis.literal(moved.date(), type="date")
