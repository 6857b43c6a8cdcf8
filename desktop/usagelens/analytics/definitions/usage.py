"""When and how long customers use the product (design §4): the weekday × hour map and sessions per period,
as Ibis definitions plus their client-side shapers.

Sessions are found without any row order: a user's distinct instants are ordered by time (no ties among
them), an instant starts a session when the gap to the user's previous instant exceeds the threshold, and
every instant belongs to the latest session start at or before it. Medians are picked on the backend as the
one or two middle values and averaged on the client, as the numpy path does.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from usagelens.analytics.definitions.view import (
    TIME,
    USER,
    DayRange,
    asked_days,
    facts,
    fetch,
    fetch_arrow,
    grid_starts,
    middle_of_few_values,
    on_grid,
    period_grid,
    period_numbers,
    period_of,
    user_key_name,
    within_days,
)
from usagelens.analytics.heatmap import WEEKDAYS
from usagelens.analytics.periods import DateLike, DurationLike, Period, check_period, parse_duration
from usagelens.analytics.sessions import DEFAULT_GAP

# --- weekday × hour ---------------------------------------------------------------------------------------


def usage_heatmap_definition(events: ir.Table, days: DayRange, measure: str) -> ir.Table:
    """``weekday`` (0 = Monday), ``hour``, ``value``: events, or distinct users with ``measure="users"``."""
    rows = within_days(events, days)
    cells = rows.select(USER, weekday=rows[TIME].day_of_week.index(), hour=rows[TIME].hour())
    if measure == "users":
        cells = cells.distinct()
    return cells.group_by(["weekday", "hour"]).aggregate(value=cells.count())


def shape_usage_heatmap(result: pd.DataFrame) -> pd.DataFrame:
    cells = result["weekday"].to_numpy(np.int64) * 24 + result["hour"].to_numpy(np.int64)
    return pd.DataFrame(
        {
            "weekday": np.repeat(np.arange(7), 24),
            "weekday_name": np.repeat(WEEKDAYS, 24),
            "hour": np.tile(np.arange(24), 7),
            "value": on_grid(cells, result["value"].to_numpy(), 0, 168),
        }
    )


def usage_heatmap(
    view: ir.Table, measure: str = "events", *, start: DateLike = None, end: DateLike = None
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.usage_heatmap`, over a standard view."""
    days = facts(view, start, end).days
    return shape_usage_heatmap(fetch(usage_heatmap_definition(view, days, measure)))


# --- sessions ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionParams:
    period: Period
    days: DayRange
    gap_us: int  # a gap longer than this many microseconds starts a new session


def gap_microseconds(gap: DurationLike) -> int:
    """The session gap in the view's whole microseconds: a difference of whole microseconds exceeds a gap of
    ``d`` nanoseconds exactly when it exceeds ``d // 1000``, so sessions match the numpy path's."""
    return parse_duration(gap) // 1000


def sessions_definition(events: ir.Table, gap_us: int, who: str = USER) -> ir.Table:
    """One row per session of the whole view: ``who`` (``user_id``, or the view's user number), ``started``,
    ``ended``, ``events``.

    One sort of each user's rows by time gives every row the times before and after it and its position; a row
    starts a session when nothing or more than the gap precedes it, and ends one when nothing or more than the
    gap follows it. Of rows at one instant all but the first have a gap of 0 before them (and all but the last
    after them), so their order never matters. A row that both starts and ends a session is a session of its
    own; the first and last rows of longer sessions alternate in each user's order, so only they are sorted
    again, by position, and a ``lag`` gives each last row its first row's time and position. At 10M events
    (3 of 4 rows start a session, most sessions are one row) this is a fifth less CPU than pairing each start
    with the next start, which sorted every start again and needed the user's last time and row count from
    windows over the whole partition.

    ``lag`` is only read on a session's last row, which always has its first row before it: past a user's
    first row ClickHouse's ``lagInFrame`` gives the type's default rather than NULL.
    """
    # ``who`` names the users: the text id for the listing, which shows it; the user number for the summary,
    # which only counts them (no text id of any row read, and both sorts by an integer: 25-30 % less CPU at
    # 10M events; the listing by the number measured slower, as it carried both to the result)
    by_user = ibis.window(group_by=events[who], order_by=events[TIME])
    rows = events.select(
        who,
        TIME,
        before=events[TIME].lag().over(by_user),
        after=events[TIME].lead().over(by_user),
        position=ibis.row_number().over(by_user),
    )
    edges = rows.select(
        who,
        TIME,
        "position",
        starts=rows.before.isnull() | (rows[TIME].delta(rows.before, unit="microsecond") > gap_us),
        ends=rows.after.isnull() | (rows.after.delta(rows[TIME], unit="microsecond") > gap_us),
    ).filter(ibis._.starts | ibis._.ends)
    alone = edges.filter(edges.starts & edges.ends)  # a session of one row
    alone = alone.select(who, started=alone[TIME], ended=alone[TIME], events=ibis.literal(1, "int64"))
    bounds = edges.filter(edges.starts != edges.ends)  # a longer session's first and last rows, in turn
    by_position = ibis.window(group_by=bounds[who], order_by=bounds.position)
    paired = bounds.select(
        who,
        "ends",
        started=bounds[TIME].lag().over(by_position),
        ended=bounds[TIME],
        events=(bounds.position - bounds.position.lag().over(by_position) + 1).cast("int64"),
    )
    return alone.union(paired.filter(paired.ends).select(who, "started", "ended", "events"))


def session_summary_definition(events: ir.Table, params: SessionParams) -> ir.Table:
    """Per period of a session's start (in the range): ``sessions``, ``users``, ``duration_sum`` (µs) and the
    middle values of duration (µs) and of events per session, both from their values counted per period
    (:func:`.view.middle_of_few_values`): many sessions share a duration (every one-event session lasts 0 µs),
    so fewer rows are sorted than by ranking every session."""
    key = user_key_name(events)
    sessions = within_days(sessions_definition(events, params.gap_us, key), params.days, "started")
    sessions = sessions.mutate(
        period=period_of(sessions.started, params.period),
        duration=sessions.ended.delta(sessions.started, unit="microsecond"),
    )
    users = sessions.select(key, "period").distinct()
    per_period = sessions.group_by("period").aggregate(sessions=sessions.count(), duration_sum=sessions.duration.sum())
    per_period = per_period.join(users.group_by("period").aggregate(users=users.count()), "period")
    duration = middle_of_few_values(sessions.select("period", value=sessions.duration), ["period"])
    count = middle_of_few_values(sessions.select("period", value=sessions.events), ["period"])
    both = per_period.join(duration.rename(duration_low="low", duration_high="high"), "period")
    return both.join(count.rename(events_low="low", events_high="high"), "period")


def _middle_mean(result: pd.DataFrame, column: str, scale: int, numbers: np.ndarray, lo: int, width: int) -> np.ndarray:
    """The medians of ``column``'s middle values on the grid, NaN where no session started."""
    medians = np.full(width, np.nan)
    index = numbers - lo
    low = result[f"{column}_low"].to_numpy(np.float64) * scale
    high = result[f"{column}_high"].to_numpy(np.float64) * scale
    medians[index] = (low + high) / 2
    return medians


def shape_session_summary(result: pd.DataFrame, params: SessionParams) -> pd.DataFrame:
    lo, width = period_grid(params.days, params.period)
    numbers = period_numbers(result["period"], params.period)
    count = on_grid(numbers, result["sessions"].to_numpy(), lo, width)
    users = on_grid(numbers, result["users"].to_numpy(), lo, width)
    total = np.zeros(width)
    total[numbers - lo] = result["duration_sum"].to_numpy(np.float64) * 1000
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = total / count
        per_user = np.where(users > 0, count / users, np.nan)
    return pd.DataFrame(
        {
            "period": grid_starts(lo, width, params.period),
            "sessions": count,
            "users": users,
            "sessions_per_user": per_user,
            "median_duration": pd.to_timedelta(_middle_mean(result, "duration", 1000, numbers, lo, width), unit="ns"),
            "mean_duration": pd.to_timedelta(mean, unit="ns"),
            "median_events": _middle_mean(result, "events", 1, numbers, lo, width),
        }
    )


def shape_sessions(result: pa.Table) -> pd.DataFrame:
    """The listing in the numpy path's order: by user id as text, then start. Arrow sorts text by code point
    as Python does (on the client, so that no backend collation decides it), ten times faster than pandas
    on millions of sessions."""
    table = result.take(pc.sort_indices(result, [(USER, "ascending"), ("started", "ascending")]))
    started = table["started"].to_numpy().astype("datetime64[ns]")
    ended = table["ended"].to_numpy().astype("datetime64[ns]")
    return pd.DataFrame(
        {
            "user_id": pd.Series(table[USER].to_numpy(zero_copy_only=False), dtype=object),
            "session_start": started,
            "session_end": ended,
            "duration": ended - started,
            "events": table["events"].to_numpy().astype(np.int64),
        }
    )


def sessions(
    view: ir.Table, *, gap: DurationLike = DEFAULT_GAP, start: DateLike = None, end: DateLike = None
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.sessions`, over a standard view: the sessions that start in the range."""
    listing = within_days(sessions_definition(view, gap_microseconds(gap)), asked_days(view, start, end), "started")
    return shape_sessions(fetch_arrow(listing))


def session_users_definition(events: ir.Table, gap_us: int, days: DayRange | None) -> ir.Table:
    """``user_id`` of each user with a session starting in ``days``, once each: the users a period of the
    session summary counts, when ``days`` are that period's."""
    return within_days(sessions_definition(events, gap_us), days, "started").select(USER).distinct()


def session_users(
    view: ir.Table, *, gap: DurationLike = DEFAULT_GAP, start: DateLike = None, end: DateLike = None
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.session_users`, over a standard view: the ids, sorted (on the client, as
    Python sorts text)."""
    found = fetch(session_users_definition(view, gap_microseconds(gap), asked_days(view, start, end)))
    return pd.DataFrame({USER: pd.Series(sorted(found[USER]), dtype=object)})


def session_members(
    view: ir.Table, *, gap: DurationLike = DEFAULT_GAP, start: DateLike = None, end: DateLike = None
) -> ir.Table:
    """The rows of ``view`` of :func:`session_users`' users: the people behind a row of the sessions table,
    listed where the events lie."""
    return view.semi_join(session_users_definition(view, gap_microseconds(gap), asked_days(view, start, end)), USER)


def session_summary(
    view: ir.Table,
    period: Period = "day",
    *,
    gap: DurationLike = DEFAULT_GAP,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.session_summary`, over a standard view."""
    period = check_period(period)
    params = SessionParams(period, facts(view, start, end).days, gap_microseconds(gap))
    return shape_session_summary(fetch(session_summary_definition(view, params)), params)
