"""Paths (design §4) as Ibis definitions: next-event transitions and the top k-step sequences after an event.

Both are about a user's *next* event, so both need the source's order between events at the same instant:
they order by time, then the view's ``seq`` tie-break column (see :func:`.view.ordering`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from usagelens.analytics.definitions.text_order import code_point_order
from usagelens.analytics.definitions.view import (
    EVENT,
    TIME,
    DayRange,
    Facts,
    day_number,
    fetch,
    ordering,
    user_key,
    vocabulary,
    whole_view,
    within_days,
)
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.paths import END_LABEL, PATH_SEPARATOR, START_LABEL
from usagelens.analytics.periods import DateLike, day_range_within
from usagelens.model.translatable import QT_TRANSLATE_NOOP

# Beyond this many event names a ``CASE`` on every row costs more than the text it saves in the sort.
CODED_NAMES = 256
CODE = "__event_code"  # the event's position among the view's names, in place of the name while sorted


def transitions_definition(events: ir.Table, days: DayRange | None, names: Sequence[str] = ()) -> ir.Table:
    """``from_event``, ``to_event``, ``count``: a user's directly consecutive events, both in the range.

    With ``names`` (the view's event names in code point order, :func:`event_names`), each row
    carries its event's position among them instead of its name, so that the sort of every row by user and
    time moves a small integer rather than text (half the CPU at 10M events, and no spill where the text
    would not fit); the codes keep the order by name among events at one instant, and only the few pairs are
    named again.
    """
    rows = within_days(events, days)
    if names:
        rows = rows.mutate(**{EVENT: rows[EVENT].cases(*((name, code) for code, name in enumerate(names)))})
    following = rows[EVENT].lead().over(ibis.window(group_by=user_key(rows), order_by=ordering(rows)))
    pairs = rows.select(from_event=rows[EVENT], to_event=following).filter(ibis._.to_event.notnull())
    counted = pairs.group_by(["from_event", "to_event"]).aggregate(count=pairs.count())
    if not names:
        return counted
    named = list(enumerate(names))
    return counted.select(
        from_event=counted.from_event.cases(*named), to_event=counted.to_event.cases(*named), count=counted["count"]
    )


def event_names(frequencies: pd.DataFrame) -> list[str]:
    """The names of :func:`event_frequencies` (in code point order, the order :func:`.view.ordering` breaks
    ties in on every engine), or none when there are too many to code by a ``CASE`` on every row, or one is missing."""
    names = frequencies[EVENT]
    return [] if len(names) > CODED_NAMES or names.isna().any() else list(names)


def shape_transitions(result: pd.DataFrame) -> pd.DataFrame:
    outgoing = result.groupby("from_event")["count"].transform("sum").to_numpy(np.float64)
    table = pd.DataFrame(
        {
            "from_event": result["from_event"].to_numpy(object),
            "to_event": result["to_event"].to_numpy(object),
            "count": result["count"].to_numpy(np.int64),
            "share": result["count"].to_numpy(np.float64) / outgoing,
        }
    )
    return table.sort_values(["count", "from_event", "to_event"], ascending=[False, True, True], ignore_index=True)


def transitions(view: ir.Table, *, start: DateLike = None, end: DateLike = None) -> pd.DataFrame:
    """As :func:`usagelens.analytics.transitions`, over a standard view: the names to code the events by and
    the asked range's days from the one small query top paths and journeys ask too (:func:`event_frequencies`,
    so a linked source answers it from its kept results), then the pairs."""
    frequencies = fetch(event_frequencies(vocabulary(view)))
    days = None if start is None and end is None else frequency_facts(frequencies, start, end).days
    return shape_transitions(fetch(transitions_definition(view, days, event_names(frequencies))))


@dataclass(frozen=True)
class PathParams:
    start_event: str
    depth: int
    top: int | None
    days: DayRange
    before: bool = False  # the events leading to the start event, not following it


def path_symbols(events: ir.Table, column: str, depth: int, *, before: bool) -> list[ir.Value]:
    """``column`` of the ``depth`` rows after each row of the same user (or with ``before``, the rows before
    it) in reading order, null past the user's last row (or before their first)."""
    by_user = ibis.window(group_by=user_key(events), order_by=ordering(events))
    value = events[column]
    return [(value.lag(depth + 1 - k) if before else value.lead(k)).over(by_user) for k in range(1, depth + 1)]


def top_paths_definition(events: ir.Table, params: PathParams, names: Sequence[str] = ()) -> ir.Table:
    """``step_1`` … ``step_k`` (null past the user's last event, or before their first), ``count`` and
    ``total`` (the occurrences of every path), per path that follows (or with ``before`` leads to) an
    occurrence of the start event in the range, in reading order; the other events may lie outside the range.
    With ``top``, only the paths fewer than ``top`` others outnumber: the top ones and those tied with the last
    of them, among which the client breaks ties by event frequency (no backend's text order decides it).

    With ``names`` (every event name of the view), the rows sorted by user and time carry the event's
    position among them rather than its name, as :func:`transitions_definition` does, and the paths found are
    named again; the order among events at one instant stays the view's."""
    named = list(enumerate(names))
    column, start = EVENT, params.start_event
    if names:
        column, start = CODE, list(names).index(params.start_event)
        events = events.mutate(**{CODE: events[EVENT].cases(*((name, code) for code, name in named))})
    symbols = path_symbols(events, column, params.depth, before=params.before)
    steps = {f"step_{k}": symbol for k, symbol in enumerate(symbols, start=1)}
    followed = events.mutate(**steps)
    origins = within_days(followed.filter(followed[column] == start), params.days)
    paths = origins.group_by(list(steps)).aggregate(count=origins.count())
    paths = paths.mutate(total=paths["count"].sum().over())
    if params.top is not None:
        # the top-th count by row number: ClickHouse's rank() over Ibis's whole-partition ROWS frame ranks no ties
        placed = paths.mutate(place=ibis.row_number().over(order_by=ibis.desc(paths["count"])))
        last_kept = placed.filter(placed["place"] < params.top)["count"].min().as_scalar()
        paths = paths.filter(paths["count"] >= last_kept)
    return paths.mutate(**{step: paths[step].cases(*named) for step in steps}) if names else paths


def event_frequencies(events: ir.Table) -> ir.Table:
    """``event``, ``rows``, ``first``, ``last``: what orders events the way the numpy path numbers them, and
    each one's first and last time, so that the names and the day range come from one scan of the view; the
    names in the order :func:`.view.ordering` sorts them by (code points), which transitions code the events
    by (:func:`event_names`)."""
    counted = events.group_by(EVENT).aggregate(rows=events.count(), first=events[TIME].min(), last=events[TIME].max())
    return counted.order_by(code_point_order(counted[EVENT], counted))


def frequency_facts(frequencies: pd.DataFrame, start: DateLike, end: DateLike) -> Facts:
    """The :func:`.view.facts` that :func:`event_frequencies` of the (whole) view holds, without a query of
    their own: every event name is present, and the data's days are its first and last times (or the whole
    view's days in a segment)."""
    whole = whole_view.get()
    if whole is not None:
        observed = whole.days
    elif len(frequencies):
        observed = (day_number(frequencies["first"].min()), day_number(frequencies["last"].max()))
    else:
        observed = (0, -1)
    return Facts(day_range_within(observed, start, end), frozenset(frequencies[EVENT]))


def shape_top_paths(result: pd.DataFrame, frequencies: pd.DataFrame, params: PathParams) -> pd.DataFrame:
    """Most frequent first; ties in the numpy path's order of event codes, ``(end)`` or ``(start)`` after every
    event."""
    order = np.lexsort((frequencies[EVENT].to_numpy(object), -frequencies["rows"].to_numpy(np.int64)))
    code = {name: rank for rank, name in enumerate(frequencies[EVENT].to_numpy(object)[order])}
    columns = [f"step_{k}" for k in range(1, params.depth + 1)]
    symbols = [
        [code.get(name, len(code)) if isinstance(name, str) else len(code) for name in result[c]] for c in columns
    ]
    counts = result["count"].to_numpy(np.int64)
    chosen = np.lexsort((*reversed(symbols), -counts))[: params.top] if len(counts) else np.zeros(0, dtype=np.int64)
    outside = START_LABEL if params.before else END_LABEL
    labels = [
        PATH_SEPARATOR.join(name if isinstance(name, str) else outside for name in result.loc[i, columns])
        for i in chosen
    ]
    event = pd.Series([params.start_event] * len(chosen), dtype=object)
    paths = pd.Series(labels, dtype=object)
    return pd.DataFrame(
        {
            "from_event": paths if params.before else event,
            "to_event": event if params.before else paths,
            "count": counts[chosen],
            "share": counts[chosen] / max(int(result["total"].iloc[0]) if len(result) else 0, 1),
        }
    )


def top_paths(
    view: ir.Table,
    start_event: str,
    *,
    depth: int = 3,
    top: int | None = 20,
    start: DateLike = None,
    end: DateLike = None,
    before: bool = False,
) -> pd.DataFrame:
    """As :func:`usagelens.analytics.top_paths`, over a standard view."""
    if depth < 1:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "path depth must be at least 1"))
    frequencies = fetch(event_frequencies(vocabulary(view)))
    radix = len(frequencies) + 1
    if depth * np.log2(radix) >= 62:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "path depth {depth} is too deep for {names} event names").format(
            depth=depth, names=radix - 1))
    known = frequency_facts(frequencies, start, end)
    known.require([start_event])
    params = PathParams(start_event, depth, top, known.days, before)
    names = list(frequencies[EVENT]) if len(frequencies) <= CODED_NAMES else []
    return shape_top_paths(fetch(top_paths_definition(view, params, names)), frequencies, params)
