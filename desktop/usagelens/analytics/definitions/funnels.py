"""Funnels (design §4) as an Ibis definition: sequential, strict or any order, window, exclusion, range,
median time to convert.

Users are followed one step at a time: a table of the users who reached step j and when they reached
each step so far, joined with the rows of step j+1's event to give the next table. Nothing reads the
source's row order except *strict* order, whose "very next event" needs the ``seq`` tie-break column:

- *sequential*: step j is the earliest S_j row at or after the time step j−1 was reached. An event that
  repeats in the steps gets an ordinal per user by time, and a step takes a row whose ordinal is above the
  one used before, so one row never satisfies two steps (rows at the same instant are interchangeable, so
  how the ordinal breaks ties does not change a count or a time).
- *strict*: step j is the user's next row (by time, then ``seq``) after step j−1's, and must be S_j.
- *any*: step j is the m-th S_j row at or after entering, m = how often S_j occurs in steps 1..j; it is
  reached at the later of that row's time and the time step j−1 was reached.

With a window W every step's row must be at most W after the entering S1; with an exclusion event a user
drops out at step j if they did it strictly between the moments steps j−1 and j were reached. The median
times to convert are exact on every backend: the one or two middle durations are picked with
``row_number`` and averaged on the client, as ``numpy.median`` does.
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
    EVENT,
    TIME,
    USER,
    DayRange,
    facts,
    fetch,
    middle_values,
    ordering,
    within_days,
)
from usagelens.analytics.funnels import FunnelOrder, check_funnel, median_delta, stack_segments, step_table
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


def _reached(j: int) -> str:
    """The column holding when step ``j`` (1-based) was reached."""
    return f"reached_{j}"


class Progress:
    """The per-step tables of users who reached each step, built for one funnel over one view."""

    def __init__(self, events: ir.Table, params: FunnelParams) -> None:
        self.events, self.params = events, params
        self.repeated = sorted({step for step in params.steps if params.steps.count(step) > 1})

    def rows(self, name: str, *, ordinal: bool = False) -> ir.Table:
        """The (``uid``, ``at``) rows of event ``name``, with an ``ordinal`` per user by time if asked."""
        rows = self.events.filter(self.events[EVENT] == name).select(uid=self.events[USER], at=self.events[TIME])
        if ordinal:
            rows = rows.mutate(ordinal=ibis.row_number().over(group_by="uid", order_by="at"))
        return rows

    def _used(self, name: str) -> str:
        return f"used_{self.repeated.index(name)}"

    def tables(self) -> list[ir.Table]:
        """Step j's table (0-based list) has ``user_id`` and ``reached_1`` … ``reached_j``."""
        steps, order = self.params.steps, self.params.order
        if order == "strict":
            numbered = self.events.mutate(
                position=ibis.row_number().over(group_by=USER, order_by=ordering(self.events))
            ).select(uid=USER, at=TIME, event=EVENT, position="position")
            first = within_days(numbered.filter(numbered.event == steps[0]), self.params.days, "at")
            state = first.group_by(user_id=first.uid).aggregate(reached_1=first.at.min(), position=first.position.min())
        else:
            ordinal = order == "sequential" and steps[0] in self.repeated
            first = within_days(self.rows(steps[0], ordinal=ordinal), self.params.days, "at")
            extra = {self._used(steps[0]): first.ordinal.min()} if ordinal else {}
            state = first.group_by(user_id=first.uid).aggregate(reached_1=first.at.min(), **extra)
        tables = [state]
        occurrences = self._occurrences(state) if order == "any" else None
        for j in range(2, len(steps) + 1):
            # .view() makes each table a relation of its own: a step joins rows derived from the same
            # expressions as the table it extends (repeated events), which Ibis would read as ambiguous
            if order == "strict":
                state = self._next_strict(state.view(), numbered.view(), j)
            elif order == "sequential":
                state = self._next_sequential(state.view(), j)
            else:
                state = self._next_any(state.view(), occurrences.view(), j)
            state = self._exclude(state.view(), j)
            tables.append(state)
        return tables

    def _deadline(self, state: ir.Table) -> ir.TimestampValue | None:
        window = self.params.window_us
        return None if window is None else state.reached_1 + ibis.interval(microseconds=window)

    def _next_sequential(self, state: ir.Table, j: int) -> ir.Table:
        name = self.params.steps[j - 1]
        ordinal = name in self.repeated
        rows = self.rows(name, ordinal=ordinal).view()
        joined = state.join(rows, state[USER] == rows.uid)
        conditions = [joined.at >= joined[_reached(j - 1)]]
        used = self._used(name) if ordinal else None
        if used is not None and used in state.columns:
            conditions.append(joined.ordinal > joined[used])
        deadline = self._deadline(joined)
        if deadline is not None:
            conditions.append(joined.at <= deadline)
        found = joined.filter(*conditions)
        carried = [column for column in state.columns if column != used]
        taken = {_reached(j): found.at.min(), **({used: found.ordinal.min()} if used else {})}
        return found.group_by(carried).aggregate(**taken)

    def _next_strict(self, state: ir.Table, numbered: ir.Table, j: int) -> ir.Table:
        rows = numbered.filter(numbered.event == self.params.steps[j - 1])
        joined = state.join(rows, [state[USER] == rows.uid, rows.position == state.position + 1])
        deadline = self._deadline(joined)
        found = joined if deadline is None else joined.filter(joined.at <= deadline)
        carried = [column for column in state.columns if column != "position"]
        return found.select(*carried, **{_reached(j): found.at}, position=found.position_right)

    def _occurrences(self, entered: ir.Table) -> ir.Table:
        """For any order: each user's rows of the step events at or after entering, numbered per event."""
        wanted = self.events.filter(self.events[EVENT].isin(list(set(self.params.steps))))
        joined = entered.join(wanted, entered[USER] == wanted[USER])
        after = joined.filter(joined[TIME] >= joined.reached_1).select("user_id", EVENT, at=TIME)
        numbered = after.mutate(occurrence=ibis.row_number().over(group_by=[USER, EVENT], order_by="at"))
        most = max(self.params.steps.count(step) for step in self.params.steps)
        return numbered.filter(numbered.occurrence < most)

    def _next_any(self, state: ir.Table, occurrences: ir.Table, j: int) -> ir.Table:
        name = self.params.steps[j - 1]
        nth = self.params.steps[:j].count(name) - 1
        rows = occurrences.filter(occurrences[EVENT] == name, occurrences.occurrence == nth)
        joined = state.join(rows, state[USER] == rows[USER])
        deadline = self._deadline(joined)
        found = joined if deadline is None else joined.filter(joined.at <= deadline)
        reached = ibis.greatest(found.at, found[_reached(j - 1)])
        return found.select(*state.columns, **{_reached(j): reached})

    def _exclude(self, state: ir.Table, j: int) -> ir.Table:
        """Drop users who did the exclusion event strictly between reaching steps j−1 and j."""
        if self.params.exclude is None:
            return state
        hits = self.rows(self.params.exclude).view()
        return state.anti_join(
            hits,
            [state[USER] == hits.uid, hits.at > state[_reached(j - 1)], hits.at < state[_reached(j)]],
        )


def _summary(table: ir.Table, j: int, by: list[str]) -> ir.Table:
    """Step ``j``'s row per group of ``by``: its users and the middle durations (µs) since the previous step
    and since entering."""
    users = table.aggregate(users=table.count(), by=by).mutate(step=ibis.literal(j, "int64"))
    if j == 1:
        return users.mutate(**{name: ibis.null("int64") for name in SUMMARY})
    reached = table[_reached(j)]
    previous = middle_values(table.select(*by, value=reached.delta(table[_reached(j - 1)], unit="microsecond")), by)
    start = middle_values(table.select(*by, value=reached.delta(table.reached_1, unit="microsecond")), by)
    previous = previous.rename(previous_low="low", previous_high="high")
    start = start.rename(start_low="low", start_high="high")
    if not by:
        return users.cross_join(previous, start)
    return users.join(previous, by).join(start, by)


def funnel_definition(events: ir.Table, params: FunnelParams, customers: ir.Table | None = None) -> ir.Table:
    """[``segment``], ``step``, ``users`` (reached it) and the middle durations of :data:`SUMMARY`, one row
    per step (and segment)."""
    tables = Progress(events, params).tables()
    by = []
    if params.by is not None:
        entering = within_days(events.filter(events[EVENT] == params.steps[0]), params.days)
        segments = anchored_segments(entering, params.by, customers)
        tables = [table.join(segments.view(), USER) for table in tables]
        by = ["segment"]
    summaries = [_summary(table, j, by).select(*by, "step", "users", *SUMMARY) for j, table in enumerate(tables, 1)]
    return ibis.union(*summaries)


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
) -> FunnelParams:
    """The funnel's parameters checked in the numpy path's order (steps, order, events, window, exclusion)."""
    check_funnel(steps, order)
    known = facts(view, start, end, [*steps, exclude])
    known.require(steps)
    limit = parse_duration(window)
    known.require([exclude])
    window_us = None if limit is None else limit // 1000  # the view holds whole microseconds
    return FunnelParams(tuple(steps), known.days, order, window_us, exclude, by)


def funnel(
    view: ir.Table,
    steps: Sequence[str],
    *,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.funnel`, over a standard view."""
    params = params_of(view, steps, order, window, exclude, start, end)
    return shape_funnel(fetch(funnel_definition(view, params)), params)


def funnel_breakdown(
    view: ir.Table,
    steps: Sequence[str],
    by: str,
    *,
    customers: ir.Table | None = None,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.funnel_breakdown`, over a standard view and a customers view (see
    :func:`.duckdb_backend.register_customers`)."""
    params = params_of(view, steps, order, window, exclude, start, end, by)
    check_breakdown(view, by, customers)
    return shape_funnel(fetch(funnel_definition(view, params, customers)), params)
