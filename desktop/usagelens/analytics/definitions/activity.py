"""Who is active, how often, and what they do (design §4): active users, event counts, feature adoption,
stickiness, the active-days frequency and lifecycle, as Ibis definitions plus their client-side shapers.

Every distinct count is a ``distinct()`` (a group-by) followed by a count, never ``nunique``, which some
backends answer approximately.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.adoption import release_adoption_table
from usagelens.analytics.definitions.view import (
    EVENT,
    TIME,
    DayRange,
    facts,
    fetch,
    grid_starts,
    next_period,
    on_grid,
    period_grid,
    period_numbers,
    period_of,
    previous_period,
    user_key_name,
    vocabulary,
    within_days,
)
from usagelens.analytics.events import daily_active_series, day_series
from usagelens.analytics.lifecycle import frequency_table, lifecycle_table, month_days, stickiness_table
from usagelens.analytics.periods import DateLike, Period, check_period

FREQUENCY_DAYS = {"day": 1, "week": 7, "month": 31}


@dataclass(frozen=True)
class PeriodParams:
    """A period size over an inclusive range of day numbers (already resolved against the data)."""

    period: Period
    days: DayRange


def _distinct_user_periods(rows: ir.Table, period: Period) -> ir.Table:
    """Each user's (:func:`.view.user_key`) distinct periods."""
    return rows.select(user_key_name(rows), period=period_of(rows[TIME], period)).distinct()


# --- active users ---------------------------------------------------------------------------------------


def active_users_definition(events: ir.Table, params: PeriodParams) -> ir.Table:
    """``period`` (start date), ``active_users``: distinct users with an event in the range, per period."""
    pairs = _distinct_user_periods(within_days(events, params.days), params.period)
    return pairs.group_by("period").aggregate(active_users=pairs.count())


def shape_active_users(result: pd.DataFrame, params: PeriodParams) -> pd.DataFrame:
    """Every period overlapping the range, zero where nobody was active."""
    lo, width = period_grid(params.days, params.period) if params.days[0] <= params.days[1] else (0, 0)
    counts = on_grid(period_numbers(result["period"], params.period), result["active_users"].to_numpy(), lo, width)
    return pd.DataFrame({"period": grid_starts(lo, width, params.period), "active_users": counts})


def active_users(view: ir.Table, period: Period, *, start: DateLike = None, end: DateLike = None) -> pd.DataFrame:
    """As :func:`usagelens.analytics.active_users`, over a standard view."""
    params = PeriodParams(check_period(period), facts(view, start, end).days)
    return shape_active_users(fetch(active_users_definition(view, params)), params)


# --- event counts and adoption --------------------------------------------------------------------------


def event_counts_definition(events: ir.Table, names: ir.Table) -> ir.Table:
    """``event`` (every event of ``names``, the view or the whole view a segment is cut from), ``order_rows``
    (its rows there, for the order), ``events`` (rows), ``users`` (distinct) and ``all_users`` (distinct
    users of the view)."""
    frequency = names.group_by(EVENT).aggregate(order_rows=names.count())
    rows = events.group_by(EVENT).aggregate(events=events.count())
    pairs = events.select(EVENT, user_key_name(events)).distinct()
    users = pairs.group_by(EVENT).aggregate(users=pairs.count())
    counted = rows.join(users, EVENT)
    joined = frequency.left_join(counted, frequency[EVENT] == counted[EVENT])
    per_event = joined.select(
        frequency[EVENT], "order_rows", events=counted.events.fill_null(0), users=counted.users.fill_null(0)
    )
    everyone = events.select(user_key_name(events)).distinct()
    return per_event.cross_join(everyone.aggregate(all_users=everyone.count()))


def _in_code_order(table: pd.DataFrame, frequency: str) -> pd.DataFrame:
    """Rows in the numpy path's event-code order: most frequent first, then by name."""
    order = np.lexsort((table[EVENT].to_numpy(object), -table[frequency].to_numpy(np.int64)))
    return table.iloc[order].reset_index(drop=True)


def shape_event_counts(result: pd.DataFrame) -> pd.DataFrame:
    table = _in_code_order(result, "order_rows")
    users = table["users"].to_numpy(np.int64)
    everyone = int(table["all_users"].iloc[0]) if len(table) else 0
    return pd.DataFrame(
        {
            "event": pd.Series(table[EVENT].to_numpy(object), dtype=object),
            "events": table["events"].to_numpy(np.int64),
            "users": users,
            "share_of_users": users / everyone if everyone else np.zeros(len(table)),
        }
    )


def event_counts(view: ir.Table) -> pd.DataFrame:
    """As :func:`usagelens.analytics.event_counts`, over a standard view."""
    return shape_event_counts(fetch(event_counts_definition(view, vocabulary(view))))


@dataclass(frozen=True)
class AdoptionParams:
    days: DayRange
    events: tuple[str, ...] | None = None


def adopting_pairs(rows: ir.Table, params: AdoptionParams) -> ir.Table:
    """The distinct events and users (:func:`.view.user_key`) of ``rows``, of the asked events only when some
    are named: the others' counts are never shown, and a feature's pairs are a fraction of every event's."""
    if params.events:
        rows = rows.filter(rows[EVENT].isin(params.events))
    return rows.select(EVENT, user_key_name(rows)).distinct()


def feature_adoption_definition(events: ir.Table, params: AdoptionParams, names: ir.Table) -> ir.Table:
    """``event`` (every event of ``names``, see :func:`event_counts_definition`), ``rows`` (there, for the
    order), ``users`` who did it in the range (0 for an event not asked about), ``active_users``."""
    rows = within_days(events, params.days)
    frequency = names.group_by(EVENT).aggregate(rows=names.count())
    pairs = adopting_pairs(rows, params)
    adopters = pairs.group_by(EVENT).aggregate(users=pairs.count())
    active = rows.select(user_key_name(rows)).distinct()
    joined = frequency.left_join(adopters, frequency[EVENT] == adopters[EVENT])
    per_event = joined.select(frequency[EVENT], "rows", users=adopters["users"].fill_null(0))
    return per_event.cross_join(active.aggregate(active_users=active.count()))


def shape_feature_adoption(result: pd.DataFrame, params: AdoptionParams) -> pd.DataFrame:
    """Most adopted first; ties keep the event-code order, as the numpy path does."""
    table = _in_code_order(result, "rows")
    if params.events is not None:
        table = table.set_index(EVENT).loc[list(params.events)].reset_index()
    users = table["users"].to_numpy(np.int64)
    active = int(result["active_users"].iloc[0]) if len(result) else 0
    shaped = pd.DataFrame(
        {
            "event": pd.Series(table[EVENT].to_numpy(object), dtype=object),
            "users": users,
            "active_users": np.full(len(table), active, dtype=np.int64),
            "adoption_rate": users / active if active else np.full(len(table), np.nan),
        }
    )
    return shaped.sort_values("users", ascending=False, kind="stable", ignore_index=True)


def feature_adoption(
    view: ir.Table, *, start: DateLike = None, end: DateLike = None, events: Sequence[str] | None = None
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.feature_adoption`, over a standard view."""
    known = facts(view, start, end, events or ())
    known.require(events or ())
    params = AdoptionParams(known.days, None if events is None else tuple(events))
    return shape_feature_adoption(fetch(feature_adoption_definition(view, params, vocabulary(view))), params)


@dataclass(frozen=True)
class ReleaseParams:
    event: str
    period: Period
    days: DayRange  # from the release day on


RELEASE_COUNTS = ("active", "adopters", "new_active", "new_adopters")


def adoption_since_release_definition(events: ir.Table, params: ReleaseParams) -> ir.Table:
    """``kind`` (one of :data:`RELEASE_COUNTS`), ``period``, ``users``: per period, the active users and the
    adopters of the event, and those active (adopting) for the first time since the release."""
    rows = within_days(events, params.days)
    active = _distinct_user_periods(rows, params.period)
    adopters = _distinct_user_periods(rows.filter(rows[EVENT] == params.event), params.period)
    parts = []
    for kind, pairs in (("active", active), ("adopters", adopters)):
        for first_time in (False, True):
            if first_time:
                pairs = pairs.group_by(user_key_name(rows)).aggregate(period=pairs.period.min())
            counts = pairs.group_by("period").aggregate(users=pairs.count())
            parts.append(counts.mutate(kind=ibis.literal(f"new_{kind}" if first_time else kind)))
    return ibis.union(*(part.select("kind", "period", "users") for part in parts))


def shape_adoption_since_release(result: pd.DataFrame, params: ReleaseParams) -> pd.DataFrame:
    lo, width = period_grid(params.days, params.period)

    def counts(kind: str) -> np.ndarray:
        rows = result[result["kind"] == kind]
        return on_grid(period_numbers(rows["period"], params.period), rows["users"].to_numpy(), lo, width)

    return release_adoption_table(grid_starts(lo, width, params.period), *(counts(kind) for kind in RELEASE_COUNTS))


def adoption_since_release(
    view: ir.Table, event: str, release: DateLike, *, period: Period = "week", end: DateLike = None
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.adoption_since_release`, over a standard view."""
    period = check_period(period)
    known = facts(view, release, end, [event])
    known.require([event])
    params = ReleaseParams(event, period, known.days)
    return shape_adoption_since_release(fetch(adoption_since_release_definition(view, params)), params)


# --- stickiness and the active-days frequency ----------------------------------------------------------


def stickiness_definition(events: ir.Table, days: DayRange) -> ir.Table:
    """``month``, ``user_days`` (distinct user-days in it), ``mau`` (distinct users), within the range."""
    rows = within_days(events, days)
    user_days = rows.select(user_key_name(rows), day=rows[TIME].date()).distinct()
    per_month = user_days.group_by(month=user_days.day.truncate("M")).aggregate(user_days=user_days.count())
    # the monthly users from the distinct user-days, not from every row again: 10M events 13.6-17.5 s -> 4.8-5.8 s
    users = user_days.select(user_key_name(rows), month=user_days.day.truncate("M")).distinct()
    mau = users.group_by("month").aggregate(mau=users.count())
    return per_month.join(mau, "month")


def shape_stickiness(result: pd.DataFrame, days: DayRange) -> pd.DataFrame:
    lo, days_in_month = month_days(*days)
    numbers, width = period_numbers(result["month"], "month"), len(days_in_month)
    user_days = on_grid(numbers, result["user_days"].to_numpy(), lo, width)
    return stickiness_table(lo, days_in_month, user_days, on_grid(numbers, result["mau"].to_numpy(), lo, width))


def stickiness(view: ir.Table, *, start: DateLike = None, end: DateLike = None) -> pd.DataFrame:
    """As :func:`usagelens.analytics.stickiness`, over a standard view."""
    days = facts(view, start, end).days
    return shape_stickiness(fetch(stickiness_definition(view, days)), days)


def active_days_frequency_definition(events: ir.Table, params: PeriodParams) -> ir.Table:
    """``period``, ``active_days``, ``users``: users active on exactly that many days of the period (in range)."""
    per_user = active_days_per_user(events, params)
    return per_user.group_by(["period", "active_days"]).aggregate(users=per_user.count())


def active_days_per_user(events: ir.Table, params: PeriodParams) -> ir.Table:
    """The user (:func:`.view.user_key`), ``period`` and ``active_days``: on how many days of each period (in
    the range) each user was active."""
    rows = within_days(events, params.days)
    key = user_key_name(rows)
    user_days = rows.select(key, period=period_of(rows[TIME], params.period), day=rows[TIME].date()).distinct()
    return user_days.group_by([key, "period"]).aggregate(active_days=user_days.count())


def shape_active_days_frequency(result: pd.DataFrame, params: PeriodParams) -> pd.DataFrame:
    lo, width = period_grid(params.days, params.period)
    most = FREQUENCY_DAYS[params.period]
    cells = (period_numbers(result["period"], params.period) - lo) * most + result["active_days"].to_numpy() - 1
    grid = on_grid(cells, result["users"].to_numpy(), 0, width * most).reshape(width, most)
    return frequency_table(grid_starts(lo, width, params.period), grid)


def active_days_frequency(
    view: ir.Table, period: Period = "week", *, start: DateLike = None, end: DateLike = None
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.active_days_frequency`, over a standard view."""
    params = PeriodParams(check_period(period), facts(view, start, end).days)
    return shape_active_days_frequency(fetch(active_days_frequency_definition(view, params)), params)


# --- lifecycle ------------------------------------------------------------------------------------------


def lifecycle_definition(events: ir.Table, period: Period) -> ir.Table:
    """``period``, ``new``, ``returning``, ``resurrecting`` and ``goes_dormant`` (active here, not in the next
    period) per period of the whole history: a user's previous and next active periods come from window
    functions over their distinct periods, compared as start dates."""
    marked = lifecycle_marks(events, period)
    returning = marked.previous == previous_period(marked.period, period)
    return marked.group_by("period").aggregate(
        new=marked.count(where=marked.previous.isnull()),
        returning=marked.count(where=returning),
        resurrecting=marked.count(where=marked.previous.notnull() & ~returning),
        goes_dormant=marked.count(
            where=marked.following.isnull() | (marked.following != next_period(marked.period, period))
        ),
    )


def lifecycle_marks(events: ir.Table, period: Period) -> ir.Table:
    """The user (:func:`.view.user_key`), each ``period`` they were active in, and their active periods just
    before and after it (``previous``, ``following``; null for none)."""
    pairs = _distinct_user_periods(events, period)
    by_user = ibis.window(group_by=user_key_name(events), order_by="period")
    return pairs.mutate(previous=pairs.period.lag().over(by_user), following=pairs.period.lead().over(by_user))


def shape_lifecycle(result: pd.DataFrame, params: PeriodParams) -> pd.DataFrame:
    """The counts on the range's grid; those going dormant after period p are dormant in p + 1."""
    lo, width = period_grid(params.days, params.period)
    numbers = period_numbers(result["period"], params.period)

    def counts(column: str, shift: int = 0) -> np.ndarray:
        return on_grid(numbers + shift, result[column].to_numpy(), lo, width)

    return lifecycle_table(
        grid_starts(lo, width, params.period),
        counts("new"),
        counts("returning"),
        counts("resurrecting"),
        counts("goes_dormant", 1),
    )


def lifecycle(view: ir.Table, period: Period, *, start: DateLike = None, end: DateLike = None) -> pd.DataFrame:
    """As :func:`usagelens.analytics.lifecycle`, over a standard view."""
    params = PeriodParams(check_period(period), facts(view, start, end).days)
    return shape_lifecycle(fetch(lifecycle_definition(view, params.period)), params)


# --- daily series (anomalies, before/after impact) -------------------------------------------------------


def daily_events_definition(events: ir.Table, name: str, days: DayRange) -> ir.Table:
    """``day``, ``events``: occurrences of event ``name`` per calendar day of the range."""
    rows = within_days(events.filter(events[EVENT] == name), days)
    return rows.group_by(day=rows[TIME].date()).aggregate(events=rows.count())


def shape_daily_events(result: pd.DataFrame, days: DayRange) -> pd.Series:
    numbers = period_numbers(result["day"], "day")
    return day_series(days[0], on_grid(numbers, result["events"].to_numpy(), days[0], max(days[1] - days[0] + 1, 0)))


def daily_series(view: ir.Table, event: str = "") -> pd.Series:
    """As :func:`usagelens.analytics.daily_series`, over a standard view."""
    if not event:
        return daily_active_series(active_users(view, "day"))
    known = facts(view, events=[event])
    known.require([event])
    return shape_daily_events(fetch(daily_events_definition(view, event, known.days)), known.days)
