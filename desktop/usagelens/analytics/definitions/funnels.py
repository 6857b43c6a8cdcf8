"""Funnels (design §4) as an Ibis definition: sequential, strict or any order, window, exclusion, range,
median time to convert.

Users are followed one step at a time through a table with one row per user who entered and the moment
they reached each step (null from the first step they did not reach): step j+1 is a left join of that
table with the rows of its event and a group-by per user. Nothing reads the source's row order except
*strict* order, whose "very next event" needs the ``seq`` tie-break column:

- *sequential*: step j is the earliest S_j row at or after the time step j−1 was reached. An event that
  repeats in the steps gets an ordinal per user by time, and a step takes a row whose ordinal is above the
  one used before, so one row never satisfies two steps (rows at the same instant are interchangeable, so
  how the ordinal breaks ties does not change a count or a time).
- *strict*: step j is the user's next row (by time, then ``seq``) after step j−1's, and must be S_j.
- *any*: step j is the m-th S_j row at or after entering, m = how often S_j occurs in steps 1..j; it is
  reached at the later of that row's time and the time step j−1 was reached.

With a window W every step's row must be at most W after the entering S1; with an exclusion event a user
drops out at step j if they did it strictly between the moments steps j−1 and j were reached (only at the
chosen step with ``exclude_after``). The median
times to convert are exact on every backend: the one or two middle durations are picked with
``row_number`` and averaged on the client, as ``numpy.median`` does.

Speed (100M events on DuckDB): the rows of the funnel's events are read from the view once, into one
relation every step joins (a CTE the engine computes once), with the event as a small code rather than
text; each step's table is read once, by the next step, and the per-step counts and middle durations come
from the last table alone. Per-step tables joined by every later step and by the summary made DuckDB scan
the source and redo the earlier steps' joins up to nine times for a 3-step funnel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.segments import anchored_segments, check_breakdown, sorted_labels
from usagelens.analytics.definitions.view import (
    EPOCH,
    EVENT,
    TIME,
    TIMESTAMP,
    USER,
    DayRange,
    facts,
    fetch,
    middle_values,
    ordering,
    user_key,
    within_days,
)
from usagelens.analytics.funnels import (
    FunnelOrder,
    check_exclusion,
    check_funnel,
    median_delta,
    shape_reached,
    stack_segments,
    step_table,
)
from usagelens.analytics.periods import DateLike, DurationLike, parse_duration

SUMMARY = ("previous_low", "previous_high", "start_low", "start_high")


@dataclass(frozen=True)
class FunnelParams:
    steps: tuple[str, ...]
    days: DayRange
    order: FunnelOrder = "sequential"
    window_us: int | None = None
    exclude: str | None = None
    by: str | None = None  # a breakdown: customer attribute, or event property of the entering row
    exclude_after: int | None = None  # the exclusion only between this step and the next (1-based)


def _reached(j: int) -> str:
    """The column holding when step ``j`` (1-based) was reached."""
    return f"reached_{j}"


class Progress:
    """When each user who entered one funnel over one view reached each of its steps."""

    def __init__(self, events: ir.Table, params: FunnelParams) -> None:
        self.events, self.params = events, params
        self.repeated = sorted({step for step in params.steps if params.steps.count(step) > 1})
        names = [*params.steps, *([params.exclude] if params.exclude is not None else [])]
        self.codes = {name: code for code, name in enumerate(dict.fromkeys(names))}

    def _used(self, name: str) -> str:
        return f"used_{self.repeated.index(name)}"

    def _wanted(self) -> ir.Table:
        """The rows of the funnel's events, read once: ``uid``, ``at``, ``kind`` (the event's code), and the
        ``position`` of the row among all the user's rows (strict order) or its ``ordinal`` among the user's
        rows of its event (sequential order with a repeated event)."""
        events, order = self.events, self.params.order
        if order == "strict":
            by_user = ibis.window(group_by=user_key(events), order_by=ordering(events))
            events = events.mutate(position=ibis.row_number().over(by_user))
        rows = events.filter(events[EVENT].isin(list(self.codes)))
        kind = rows[EVENT].cases(*self.codes.items())
        extra = {"position": rows.position} if order == "strict" else {}
        wanted = rows.select(uid=rows[USER], at=rows[TIME], kind=kind, **extra)
        if order == "sequential" and self.repeated:
            wanted = wanted.mutate(ordinal=ibis.row_number().over(group_by=["uid", "kind"], order_by="at"))
        return wanted

    def reached(self) -> ir.Table:
        """``user_id`` and ``reached_1`` … ``reached_k`` (null from the first step not reached), one row per
        user who entered; plus the bookkeeping columns of the order (``position``, ``used_…``)."""
        steps, order = self.params.steps, self.params.order
        wanted = self._wanted()
        first = wanted.filter(wanted.kind == self.codes[steps[0]])
        first = within_days(first, self.params.days, "at")
        extra: dict[str, ir.Value] = {}
        if order == "strict":
            extra["position"] = first.position.min()
        elif order == "sequential" and steps[0] in self.repeated:
            extra[self._used(steps[0])] = first.ordinal.min()
        state = first.group_by(user_id=first.uid).aggregate(reached_1=first.at.min(), **extra)
        occurrences = self._occurrences(state, wanted) if order == "any" else None
        for j in range(2, len(steps) + 1):
            # .view(): each join reads the state and the rows as relations of their own (both derive from the
            # view, and a join's result would otherwise extend the join it came from)
            if order == "strict":
                state = self._next_strict(state.view(), wanted.view(), j)
            elif order == "sequential":
                state = self._next_sequential(state.view(), wanted.view(), j)
            else:
                state = self._next_any(state.view(), occurrences.view(), j)
            if self.params.exclude is not None and self.params.exclude_after in (None, j - 1):
                state = self._exclude(state.view(), wanted.view(), j)
        return state

    def tables(self) -> list[ir.Table]:
        """Step j's users (0-based list), with ``user_id`` and when they reached each step."""
        reached = self.reached()
        return [reached.filter(reached[_reached(j)].notnull()) for j in range(1, len(self.params.steps) + 1)]

    def _step_rows(self, state: ir.Table, rows: ir.Table, j: int) -> list[ir.BooleanValue]:
        """Join conditions shared by every order: the user's rows of step j's event within the window.

        The window compares whole microseconds since 1970, each side of one table: Ibis refuses sub-second
        intervals on ClickHouse, and a difference of the two sides' times (``delta``) is a condition DuckDB
        evaluates on every matched pair, not as a join comparison (1.6× the join time at 1M events)."""
        conditions = [state[USER] == rows.uid, rows.kind == self.codes[self.params.steps[j - 1]]]
        window = self.params.window_us
        if window is not None:
            conditions.append(_micros(rows.at) <= _micros(state.reached_1) + window)
        return conditions

    def _next_sequential(self, state: ir.Table, rows: ir.Table, j: int) -> ir.Table:
        name = self.params.steps[j - 1]
        used = self._used(name) if name in self.repeated else None
        conditions = [*self._step_rows(state, rows, j), rows.at >= state[_reached(j - 1)]]
        if used is not None and used in state.columns:
            conditions.append(rows.ordinal > state[used])
        joined = state.left_join(rows, conditions)
        carried = [column for column in state.columns if column != used]
        taken = {_reached(j): joined.at.min(), **({used: joined.ordinal.min()} if used else {})}
        return joined.group_by(carried).aggregate(**taken)

    def _next_strict(self, state: ir.Table, rows: ir.Table, j: int) -> ir.Table:
        conditions = [*self._step_rows(state, rows, j), rows.position == state.position + 1]
        joined = state.left_join(rows, conditions)
        carried = [state[column] for column in state.columns if column != "position"]
        return joined.select(*carried, **{_reached(j): rows.at}, position=rows.position)

    def _occurrences(self, entered: ir.Table, wanted: ir.Table) -> ir.Table:
        """For any order: each user's rows of the step events at or after entering, numbered per event."""
        rows = wanted.view()
        steps = [self.codes[step] for step in dict.fromkeys(self.params.steps)]
        joined = entered.join(rows, [entered[USER] == rows.uid, rows.kind.isin(steps), rows.at >= entered.reached_1])
        after = joined.select(USER, "kind", "at")
        numbered = after.mutate(occurrence=ibis.row_number().over(group_by=[USER, "kind"], order_by="at"))
        most = max(self.params.steps.count(step) for step in self.params.steps)
        return numbered.filter(numbered.occurrence < most)

    def _next_any(self, state: ir.Table, occurrences: ir.Table, j: int) -> ir.Table:
        name = self.params.steps[j - 1]
        rows = occurrences.rename(uid=USER)
        conditions = [*self._step_rows(state, rows, j), rows.occurrence == self.params.steps[:j].count(name) - 1]
        joined = state.left_join(rows, conditions)
        previous = state[_reached(j - 1)]
        # greatest() skips nulls on most engines: without the row, or step j-1, step j is not reached
        missing = rows.at.isnull() | previous.isnull()
        reached = missing.ifelse(ibis.null(TIMESTAMP), ibis.greatest(rows.at, previous))
        return joined.select(*[state[column] for column in state.columns], **{_reached(j): reached})

    def _exclude(self, state: ir.Table, rows: ir.Table, j: int) -> ir.Table:
        """Users who did the exclusion event strictly between reaching steps j−1 and j did not reach step j."""
        assert self.params.exclude is not None
        conditions = [
            state[USER] == rows.uid,
            rows.kind == self.codes[self.params.exclude],
            rows.at > state[_reached(j - 1)],
            rows.at < state[_reached(j)],
        ]
        joined = state.left_join(rows, conditions)
        counted = joined.group_by(list(state.columns)).aggregate(hits=joined.at.count())
        dropped = (counted.hits > 0).ifelse(ibis.null(TIMESTAMP), counted[_reached(j)])
        return counted.select(**{c: dropped if c == _reached(j) else counted[c] for c in state.columns})


def _micros(time: ir.TimestampValue) -> ir.IntegerValue:
    """Microseconds since 1970 (negative before), exact on every backend."""
    return time.delta(ibis.literal(EPOCH, TIMESTAMP), unit="microsecond")


def _summary(reached: ir.Table, steps: int, by: list[str]) -> ir.Table:
    """Per step (and group of ``by``): its users and the middle durations (µs) since the previous step and
    since entering, all from the one table of when each user reached each step."""
    keys = [*by, "step"]
    none = ibis.null("int64")
    rows = []
    for j in range(1, steps + 1):
        at = reached[_reached(j)]
        rows.append(
            reached.select(
                *by,
                step=ibis.literal(j, "int64"),
                at=at,
                previous=none if j == 1 else at.delta(reached[_reached(j - 1)], unit="microsecond"),
                start=none if j == 1 else at.delta(reached.reached_1, unit="microsecond"),
            )
        )
    # the filter after the union: one filtered copy per step made Ibis inline the steps' joins in each copy
    long = ibis.union(*rows)
    long = long.filter(long.at.notnull())
    table = long.group_by(keys).aggregate(users=long.count())
    for kind in ("previous", "start"):
        timed = long.filter(long[kind].notnull())
        middle = middle_values(timed.select(*keys, value=timed[kind]), keys).view()
        joined = table.left_join(middle, [table[key] == middle[key] for key in keys])
        table = joined.select(
            *[table[column] for column in table.columns], **{f"{kind}_low": middle.low, f"{kind}_high": middle.high}
        )
    return table.select(*keys, "users", *SUMMARY)


def funnel_definition(events: ir.Table, params: FunnelParams, customers: ir.Table | None = None) -> ir.Table:
    """[``segment``], ``step``, ``users`` (reached it) and the middle durations of :data:`SUMMARY`, one row
    per step (and segment) that someone reached."""
    reached = Progress(events, params).reached()
    by = []
    if params.by is not None:
        entering = within_days(events.filter(events[EVENT] == params.steps[0]), params.days)
        segments = anchored_segments(entering, params.by, customers)
        reached = reached.join(segments.view(), USER)
        by = ["segment"]
    return _summary(reached, len(params.steps), by)


def _median(low: object, high: object) -> pd.Timedelta:
    """``numpy.median`` of durations whose one or two middle values (µs) are ``low`` and ``high``."""
    if pd.isna(low):
        return pd.NaT
    return median_delta(np.array([low, high], dtype=np.int64) * 1000)


def _steps(rows: pd.DataFrame, params: FunnelParams) -> pd.DataFrame:
    """One funnel table from its rows of the definition's result (steps nobody reached may be absent)."""
    rows = rows.set_index("step").reindex(range(1, len(params.steps) + 1))
    return step_table(
        params.steps,
        rows["users"].fillna(0).to_numpy(np.int64),
        [_median(low, high) for low, high in zip(rows.previous_low, rows.previous_high, strict=True)],
        [_median(low, high) for low, high in zip(rows.start_low, rows.start_high, strict=True)],
    )


def shape_funnel(result: pd.DataFrame, params: FunnelParams) -> pd.DataFrame:
    """The funnel table; with a breakdown, one per segment of the entered users, stacked."""
    if params.by is None:
        return _steps(result, params)
    labels = sorted_labels(result.loc[result["step"] == 1, "segment"])
    tables = [_steps(result[result["segment"] == name].drop(columns="segment"), params) for name in labels]
    return stack_segments(labels, tables, _steps(result.iloc[:0], params))


def params_of(
    view: ir.Table,
    steps: Sequence[str],
    order: FunnelOrder,
    window: DurationLike,
    exclude: str | None,
    start: DateLike,
    end: DateLike,
    by: str | None = None,
    exclude_after: int | None = None,
) -> FunnelParams:
    """The funnel's parameters checked in the numpy path's order (steps, order, events, window, exclusion)."""
    check_funnel(steps, order)
    check_exclusion(steps, exclude, exclude_after)
    known = facts(view, start, end, [*steps, exclude])
    known.require(steps)
    limit = parse_duration(window)
    known.require([exclude])
    window_us = None if limit is None else limit // 1000  # the view holds whole microseconds
    return FunnelParams(tuple(steps), known.days, order, window_us, exclude, by, exclude_after)


def funnel(
    view: ir.Table,
    steps: Sequence[str],
    *,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.funnel`, over a standard view."""
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    return shape_funnel(fetch(funnel_definition(view, params)), params)


def funnel_reached(
    view: ir.Table,
    steps: Sequence[str],
    *,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.funnel_reached`, over a standard view: one query for every step."""
    params = params_of(view, steps, order, window, exclude, start, end, exclude_after=exclude_after)
    reached = Progress(view, params).reached()
    count = sum((reached[_reached(j)].notnull().ifelse(1, 0) for j in range(2, len(steps) + 1)),
                start=ibis.literal(1, "int64"))
    return shape_reached(fetch(reached.select(USER, reached=count)))


def funnel_breakdown(
    view: ir.Table,
    steps: Sequence[str],
    by: str,
    *,
    customers: ir.Table | None = None,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.funnel_breakdown`, over a standard view and a customers view (see
    :func:`.duckdb_backend.register_customers`)."""
    params = params_of(view, steps, order, window, exclude, start, end, by, exclude_after)
    check_breakdown(view, by, customers)
    return shape_funnel(fetch(funnel_definition(view, params, customers)), params)
