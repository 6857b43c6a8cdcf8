"""The standard view every definition reads, and the expressions and client helpers definitions share.

The view has ``user_id`` (string), ``ts`` (``timestamp(6)`` without a time zone, holding UTC), ``event``
(string), optionally ``seq`` (int64, the row's position in its source: the tie-break between events at the
same instant, which only order-sensitive metrics read), optionally ``__user_key`` (an integer per user, numbered
in the order of the text ids, stored by :mod:`usagelens.io.event_parquet`: what windows over each user's events
partition by, as they sort it in half the time of text; see :func:`user_key`) and any properties. ``ts`` is
naive UTC rather than a zoned type so that cutting it into days, ISO weeks and months never depends on a
session's time zone; a backend converts zoned columns once, when it builds the view.

Periods are computed on the backend only as *start dates* (a day, the Monday of its ISO week, the first of
its month) with functions every SQL engine has; offsets between periods, grids and rates are computed on
the client from those dates with :mod:`usagelens.analytics.periods`, so numbers never depend on a
backend's date-difference or division rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa

from usagelens.analytics.definitions.text_order import code_point_order
from usagelens.analytics.errors import AnalysisError, missing_columns
from usagelens.analytics.periods import DateLike, Period, day_range_within, period_of_day, period_start
from usagelens.model.translatable import QT_TRANSLATE_NOOP

USER, TIME, EVENT, TIE_BREAK, USER_KEY = "user_id", "ts", "event", "seq", "__user_key"
USER_ORDER = "__user_order"
TIMESTAMP = "timestamp(6)"
DayRange = tuple[int, int]
EPOCH = dt.datetime(1970, 1, 1)


def standard_view(
    table: ir.Table,
    *,
    user: str,
    time: str,
    event: str,
    properties: Sequence[str] = (),
    tie_break: str | None = None,
    usable: str | None = None,
    user_key: str | None = None,
    user_order: str | None = None,
) -> ir.Table:
    """``table`` renamed and typed as the standard view; rows missing a user, time or event are left out.

    A zoned time column is converted to UTC by the cast (backends run their sessions in UTC for this);
    a blank user or event counts as missing, as in :class:`usagelens.analytics.EventLog`. ``usable`` names a
    boolean column that already says which rows have all three (an export converted by
    :mod:`usagelens.io.event_parquet`): testing it is free, while trimming two text columns of every row
    made simple metrics 3–5× slower on DuckDB. ``user_key`` names an integer column numbering the users (the
    same conversion stores one) that becomes the view's optional ``__user_key``. ``user_order`` names an integer
    column that orders each user's events by itself, as time then ``tie_break`` do (the row number of a
    conversion stored in each user's order): the view's optional ``__user_order``, see :func:`ordering`.
    """
    missing = [name for name in dict.fromkeys([user, time, event, *properties]) if name not in table.columns]
    if missing:
        raise missing_columns(missing)
    columns: dict[str, ir.Value] = {
        USER: as_text(table[user]),
        TIME: table[time].cast(TIMESTAMP),
        EVENT: as_text(table[event]),
    }
    if tie_break is not None:
        columns[TIE_BREAK] = table[tie_break].cast("int64")
    if user_key is not None:
        columns[USER_KEY] = table[user_key]
    if user_order is not None:
        columns[USER_ORDER] = table[user_order].cast("int64")
    # A property named as a view column (GA4's own ``user_id`` beside ``user_pseudo_id``) would replace it.
    columns.update({name: table[name] for name in properties if name not in columns})
    if usable is not None:
        return table.filter(table[usable]).select(**columns)
    view = table.select(**columns)
    return view.filter(
        view[USER].notnull(),
        view[TIME].notnull(),
        view[EVENT].notnull(),
        view[USER].strip() != "",
        view[EVENT].strip() != "",
    )


def as_text(column: ir.Column) -> ir.StringValue:
    """An identifier column as text; integral floats lose their ``.0`` (a numeric id column that picked up a
    missing value is stored as float, yet ``7.0`` is user ``7``)."""
    if column.type().is_floating():
        whole = column == column.floor()
        return whole.ifelse(column.cast("int64").cast("string"), column.cast("string"))
    return column.cast("string")


def user_key_name(view: ir.Table) -> str:
    """The name of :func:`user_key`'s column: ``__user_key`` when the view has it, else ``user_id``."""
    return USER_KEY if USER_KEY in view.columns else USER


def user_key(view: ir.Table) -> ir.Column:
    """What identifies a user where the id is only a key (a window over each user's events, a per-user
    group-by, a join of per-user results): the view's integer ``__user_key`` when it has one, else the text
    ``user_id``. Views without the number (warehouses, a Parquet file read as it is) compile to the same SQL as
    before it existed."""
    return view[user_key_name(view)]


# Who answers a definition's query instead of its backend, while set (ViewEvents sets it around its metrics, with
# the engine the queries go to: usagelens.model.query_engine): a linked warehouse source's results kept in the
# project answer, or run the query there and keep what it gives.
fetcher: ContextVar[Callable[[ir.Table], pa.Table] | None] = ContextVar("fetcher", default=None)


def fetch_arrow(expr: ir.Table) -> pa.Table:
    """Run a definition's (small) result on its backend (or ask the :data:`fetcher` set), as Arrow."""
    answer = fetcher.get()
    return expr.to_pyarrow() if answer is None else answer(expr)


def fetch(expr: ir.Table) -> pd.DataFrame:
    """Run a definition's (small) result on its backend (or ask the :data:`fetcher` set)."""
    return fetch_arrow(expr).to_pandas()


# --- the range and the event names a metric is asked about ---------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What a metric must know about the view before it is built: the day range and which events exist."""

    days: DayRange
    present: frozenset[str]

    def require(self, names: Iterable[str | None]) -> None:
        """Raise the numpy path's error for the first name that never occurs in the view."""
        for name in names:
            if name is not None and name not in self.present:
                raise AnalysisError(QT_TRANSLATE_NOOP(
                    "Analysis", "event {name!r} does not occur in the data").format(name=name))


@dataclass(frozen=True)
class Whole:
    """The view a segment was cut from, and its days: what the segment's metrics default to."""

    view: ir.Table
    days: DayRange


# Set by compare_segments while a metric runs on one segment, as EventLog.subset_users keeps the parent's
# days and event names for the numpy path: segments are compared over the same periods and events.
whole_view: ContextVar[Whole | None] = ContextVar("whole_view", default=None)


def vocabulary(view: ir.Table) -> ir.Table:
    """The view whose events a metric lists and numbers: the whole view when ``view`` is a segment of it."""
    whole = whole_view.get()
    return view if whole is None else whole.view


def facts(view: ir.Table, start: DateLike = None, end: DateLike = None, events: Iterable[str | None] = ()) -> Facts:
    """The inclusive day range of :func:`usagelens.analytics.periods.day_range` (missing bounds from the
    data, or the whole view's in a segment; ``(0, -1)`` for an empty view) and which of ``events`` occur
    (in the whole view), in one query (none if not needed)."""
    wanted = list(dict.fromkeys(name for name in events if name is not None))
    whole = whole_view.get()
    observed = None if whole is None else whole.days
    need_bounds = (start is None or end is None) and observed is None
    if not wanted and not need_bounds:
        return Facts(day_range_within(observed or (0, -1), start, end), frozenset())
    view = vocabulary(view)
    found = {f"has_{i}": (view[EVENT] == name).any() for i, name in enumerate(wanted)}
    row = fetch(view.aggregate(first=view[TIME].min(), last=view[TIME].max(), **found)).iloc[0]
    bounds = (0, -1) if pd.isna(row["first"]) else (day_number(row["first"]), day_number(row["last"]))
    present = frozenset(name for i, name in enumerate(wanted) if not pd.isna(row[f"has_{i}"]) and row[f"has_{i}"])
    return Facts(day_range_within(observed or bounds, start, end), present)


def asked_days(view: ir.Table, start: DateLike = None, end: DateLike = None) -> DayRange | None:
    """The day range of :func:`facts`, or None when neither bound is given: the range is then the data's own,
    which every row lies in, so the scan of every row that finds it is not needed by a metric that only
    filters by it (:func:`within_days` keeps every row for None)."""
    return None if start is None and end is None else facts(view, start, end).days


def within_days(view: ir.Table, days: DayRange | None, time: str = TIME) -> ir.Table:
    """The rows whose calendar day (of column ``time``) lies in the inclusive range ``days`` (every row for
    None: see :func:`asked_days`)."""
    if days is None:
        return view
    first, last = days
    return view.filter(view[time] >= day_timestamp(first), view[time] < day_timestamp(last + 1))


def day_timestamp(day: int) -> ir.TimestampScalar:
    """Midnight (UTC) of day number ``day`` as a literal of the view's time type."""
    return ibis.literal(EPOCH + dt.timedelta(days=day), type=TIMESTAMP)


def ordering(view: ir.Table) -> list[ir.Column]:
    """The order of a user's events: time, then the tie-break column when the source has one; or the view's
    ``__user_order`` alone, which orders them the same way in one integer (rows stored in that order, which
    DuckDB sorts by it in about half the CPU time of time and row in the export's order).

    Without ``seq``, events at the same instant fall back to name order, which is deterministic but not the
    source's order; order-sensitive metrics (strict funnels, transitions, paths) need ``seq`` to match it. The
    name order is the code points' on every engine, as the numpy path sorts, not a database's collation.
    """
    if USER_ORDER in view.columns:
        return [view[USER_ORDER]]
    return [view[TIME], view[TIE_BREAK] if TIE_BREAK in view.columns else code_point_order(view[EVENT], view)]


def middle_values(table: ir.Table, by: Sequence[str] = ()) -> ir.Table:
    """Per group of ``by`` (one row without), the lower and upper middle of column ``value`` as ``low`` and
    ``high`` (null when there are none): a median that is exact on every backend, finished on the client."""
    group = list(by) or None
    ranked = table.mutate(
        rank=ibis.row_number().over(group_by=group, order_by="value"),
        n=table.value.count().over(ibis.window(group_by=group)),
    )
    middle = ranked.filter((ranked["rank"] == (ranked.n - 1) // 2) | (ranked["rank"] == ranked.n // 2))
    return (
        middle.group_by(list(by)).aggregate(low=middle.value.min(), high=middle.value.max())
        if by
        else (middle.aggregate(low=middle.value.min(), high=middle.value.max()))
    )


def middle_of_few_values(table: ir.Table, by: Sequence[str]) -> ir.Table:
    """:func:`middle_values` of a column with few distinct values per group (events per session): each value
    counted per group, and the middle ones found from running counts over the counted values, so only the
    distinct values are sorted instead of every row."""
    counted = table.group_by([*by, "value"]).aggregate(rows=table.count())
    ranked = counted.mutate(
        reached=counted.rows.sum().over(ibis.window(group_by=list(by), order_by="value", preceding=None, following=0)),
        n=counted.rows.sum().over(ibis.window(group_by=list(by))),
    )

    def holds(rank: ir.IntegerValue) -> ir.BooleanValue:
        """The counted value covers the 0-based ``rank``: its rows are the ranks from reached − rows on."""
        return (ranked.reached - ranked.rows <= rank) & (rank < ranked.reached)

    middle = ranked.filter(holds((ranked.n - 1) // 2) | holds(ranked.n // 2))
    return middle.group_by(list(by)).aggregate(low=middle.value.min(), high=middle.value.max())


def percentile_ranks(table: ir.Table, by: str, value: str, percentiles: Sequence[int]) -> ir.Table:
    """``by``, ``position`` (1-based rank), ``value``: per group of ``by``, the values of column ``value`` at
    the ranks (ascending) that linear-interpolated ``percentiles`` need, as
    :func:`usagelens.analytics.funnel_views.needed_ranks` names them: exact on every backend (Ibis 12 cannot
    compile a median for BigQuery), picked with integer comparisons and interpolated on the client."""
    ranked = table.mutate(
        index=ibis.row_number().over(group_by=by, order_by=value),  # 0-based
        n=table[value].count().over(ibis.window(group_by=by)),
    )
    i, span = ranked["index"], ranked.n - 1
    wanted = ibis.or_(*(
        # i is the lower or upper neighbour of position p·(n−1)/100, in integers
        ((i * 100 <= p * span) & (p * span < (i + 1) * 100)) | (((i - 1) * 100 < p * span) & (p * span <= i * 100))
        for p in percentiles
    ))
    picked = ranked.filter(wanted)
    return picked.select(by, position=(picked["index"] + 1).cast("int64"), value=picked[value])


# --- periods on the backend: start dates only ----------------------------------------------------------


def period_of(ts: ir.TimestampValue, period: Period) -> ir.DateValue:
    """The first day of the period ``ts`` falls in: the date, the Monday of its ISO week, the 1st of its month."""
    day = ts.date()
    if period == "day":
        return day
    if period == "week":
        return day - ts.day_of_week.index().as_interval("D")  # index 0 is Monday on every backend
    return day.truncate("M")


def next_period(start: ir.DateValue, period: Period) -> ir.DateValue:
    """The start of the period after the one starting at ``start``."""
    if period == "month":
        return (start + ibis.interval(days=31)).truncate("M")
    return start + ibis.interval(days=7 if period == "week" else 1)


def previous_period(start: ir.DateValue, period: Period) -> ir.DateValue:
    """The start of the period before the one starting at ``start``."""
    if period == "month":
        return (start - ibis.interval(days=1)).truncate("M")
    return start - ibis.interval(days=7 if period == "week" else 1)


# --- on the client ---------------------------------------------------------------------------------------


def day_number(value: object) -> int:
    """A date or timestamp from a result as days since 1970-01-01."""
    return int(np.datetime64(pd.Timestamp(value).normalize().to_datetime64(), "D").astype(np.int64))


def period_numbers(dates: pd.Series, period: Period) -> np.ndarray:
    """Period start dates from a result as the numpy path's period numbers (int64)."""
    days = pd.to_datetime(dates).to_numpy("datetime64[D]").astype(np.int64)
    return period_of_day(days, period).astype(np.int64)


def period_grid(days: DayRange, period: Period) -> tuple[int, int]:
    """``(first period number, number of periods)`` of the grid that covers the day range."""
    lo, hi = (int(p) for p in period_of_day(np.array(days), period))
    return lo, max(hi - lo + 1, 0)


def on_grid(numbers: np.ndarray, values: np.ndarray, lo: int, width: int) -> np.ndarray:
    """``values`` placed at period numbers ``numbers`` on a zero-filled int64 grid; outside ones dropped."""
    index = numbers - lo
    inside = (index >= 0) & (index < width)
    return np.bincount(index[inside], weights=values[inside], minlength=width)[:width].astype(np.int64)


def grid_starts(lo: int, width: int, period: Period) -> np.ndarray:
    """The start dates (datetime64[ns]) of the grid's periods."""
    return period_start(np.arange(lo, lo + width), period)
