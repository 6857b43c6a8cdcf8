"""Journeys (issue 16.5): each user's touchpoints after (or leading to) their first visit to one touchpoint.

The journey map of step 4 draws these as a Sankey. Events are first grouped into touchpoints by the user's
rules (:mod:`.touchpoint_rules`), then consecutive repeats of one touchpoint collapse into one visit (three
``view_task`` in a row are one visit to "Tasks"), so a journey shows where users went, not how often they
clicked. Each user counts once: from the first visit in the date range to the anchor touchpoint (or, leading
to it, up to that visit), so the counts are users and add up to everyone who got there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import CACHE_ROWS, chunks
from usagelens.analytics.paths import START_LABEL
from usagelens.analytics.periods import DateLike, time_window
from usagelens.analytics.touchpoint_rules import TouchpointRule, touchpoint_mapping, touchpoint_of
from usagelens.model.translatable import QT_TRANSLATE_NOOP

ENDED = "(ended)"  # a journey that stops before its last step: the user did nothing more
OTHER = "Other"  # the journey map's journeys past its top ones, where they leave those
KEY_SEPARATOR = "\x1f"  # joins a journey's first steps into one key: never part of an event name shown


def step_columns(depth: int) -> list[str]:
    return [f"step_{k}" for k in range(depth + 1)]


def anchored(
    names: Iterable[str], event: str, groups: Sequence[TouchpointRule], depth: int
) -> tuple[dict[str, str], str]:
    """The rules' mapping over the data's event ``names`` and the touchpoint the journeys are anchored at (see
    :func:`touchpoint_of`); an :class:`AnalysisError` when neither the data nor the rules have it, or for a
    depth below 1. Both engines resolve their names here, so they agree on what is grouped and refused."""
    if depth < 1:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "a journey needs at least 1 step"))
    names = list(names)
    mapping = touchpoint_mapping(names, groups)
    anchor = touchpoint_of(event, mapping)
    if anchor not in {mapping.get(name, name) for name in names}:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "{event!r} is neither an event of the data nor a touchpoint its grouping rules make").format(
            event=event))
    return mapping, anchor


def shape_top_journeys(frame: pd.DataFrame, depth: int) -> pd.DataFrame:
    """:func:`top_journeys`' table from either engine's rows: the kept journeys as :func:`shape_journeys` orders
    them, then the folded ones by where they are drawn (a step not drawn last)."""
    columns = step_columns(depth)
    table = pd.DataFrame({c: frame[c].astype(object).where(frame[c].notna(), None) for c in columns})
    table["users"] = frame["users"].to_numpy(np.int64)
    table["journeys"] = frame["journeys"].to_numpy(np.int64)
    table["folded"] = frame["folded"].to_numpy(bool)
    kept = table[~table["folded"]].sort_values(["users", *columns], ascending=[False, *[True] * len(columns)],
                                               kind="stable")
    rest = table[table["folded"]].sort_values(columns, na_position="last", kind="stable")
    return pd.concat([kept, rest], ignore_index=True)


def shape_journeys(frame: pd.DataFrame, depth: int, before: bool) -> pd.DataFrame:
    """``step_0`` … ``step_depth`` (touchpoints in reading order; ``(ended)`` past the user's last one, or
    ``(start)`` before their first) and ``users``; the most common journeys first, ties by their touchpoints."""
    return _ranked(frame, depth, before).reset_index(drop=True)


def _ranked(frame: pd.DataFrame, depth: int, before: bool) -> pd.DataFrame:
    """:func:`shape_journeys` keeping each journey's row number in ``frame`` as its index."""
    columns = step_columns(depth)
    outside = START_LABEL if before else ENDED
    table = pd.DataFrame({c: frame[c].astype(object).where(frame[c].notna(), outside) for c in columns})
    table["users"] = frame["users"].to_numpy(np.int64)
    return table.sort_values(["users", *columns], ascending=[False, *[True] * len(columns)], kind="stable")


def journeys(
    log: EventLog,
    event: str,
    *,
    depth: int = 4,
    groups: Sequence[TouchpointRule] = (),
    before: bool = False,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """Every distinct journey of ``depth`` touchpoints after each user's first visit to ``event``'s touchpoint
    in the range (with ``before``: the ``depth`` touchpoints leading up to it), and how many users took it.

    ``event`` is an event (its touchpoint is the anchor) or a rule's name. The touchpoints after the anchor may
    lie outside the range. Columns: see :func:`shape_journeys`.
    """
    return journeys_taken(log, event, depth=depth, groups=groups, before=before, start=start, end=end).table


def top_journeys(
    log: EventLog,
    event: str,
    *,
    top: int,
    depth: int = 4,
    groups: Sequence[TouchpointRule] = (),
    before: bool = False,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """What the journey map draws of :func:`journeys`: the ``top`` most common, the others folded (see
    :func:`fold_journeys`), so that an engine returns O(top × depth) rows however many journeys users took."""
    table = journeys(log, event, depth=depth, groups=groups, before=before, start=start, end=end)
    return fold_journeys(table, top, before)


def fold_journeys(journeys: pd.DataFrame, top: int, before: bool) -> pd.DataFrame:
    """:func:`journeys`' (ranked) table kept to its first ``top`` rows (``folded`` false, ``journeys`` 1) and
    one row per place the others are drawn (:func:`folded`: ``step_k`` the node drawn in column k, None where
    nothing is), with their ``users`` and how many ``journeys`` were folded there (``folded`` true)."""
    columns = step_columns(len(journeys.columns) - 2)
    drawn = pd.DataFrame(folded(journeys, top, before)[top:], columns=columns)
    rest = drawn.assign(users=journeys["users"].to_numpy(np.int64)[top:], journeys=1)
    rest = rest.groupby(columns, dropna=False, sort=False, as_index=False).agg(
        users=("users", "sum"), journeys=("journeys", "sum"))
    kept = journeys.iloc[:top].assign(journeys=1, folded=False)
    return shape_top_journeys(pd.concat([kept, rest.assign(folded=True)], ignore_index=True), len(columns) - 1)


def folded(journeys: pd.DataFrame, top: int, before: bool) -> np.ndarray:
    """Where each journey is drawn when the map keeps the first ``top``: its node in each column (reading
    order), None in the columns past where it stopped or was folded into Other; a band joins two nodes of one
    journey in neighbouring columns. A folded journey follows the kept ones as long as it shares their first
    steps (so the bands stay true to where its users went), goes to Other where it leaves them, or to the
    outside label where it stops. A journey leading to the anchor is walked from the anchor backwards, so it
    too is folded where it leaves the kept ones. The people behind a band or a node are the users of the
    journeys drawn there."""
    steps = journeys[step_columns(len(journeys.columns) - 2)].to_numpy(object)
    if before:
        steps = steps[:, ::-1]  # from the anchor outwards
    outside = START_LABEL if before else ENDED
    drawn = np.full(steps.shape, None, dtype=object)
    drawn[:, 0] = steps[:, 0]
    key = pd.Series(steps[:, 0], dtype=object)
    following = np.ones(len(steps), dtype=bool)  # still on the first steps of a kept journey
    for k in range(1, steps.shape[1]):
        here, there = steps[:, k - 1], steps[:, k]
        following &= here != outside
        key = key + KEY_SEPARATOR + pd.Series(there, dtype=object)
        kept = key.isin(set(key.iloc[:top])).to_numpy()
        drawn[following, k] = np.where(kept | (there == outside), there, OTHER)[following]
        following &= kept
    return drawn[:, ::-1] if before else drawn


@dataclass(frozen=True)
class JourneysTaken:
    """:func:`journeys`' ``table`` and who took each journey: the codes of the ``users`` counted and, for each
    of them, the row of ``table`` they took (so the people behind a row are exactly those it counts)."""

    table: pd.DataFrame
    users: np.ndarray
    rows: np.ndarray


def journeys_taken(
    log: EventLog,
    event: str,
    *,
    depth: int = 4,
    groups: Sequence[TouchpointRule] = (),
    before: bool = False,
    start: DateLike = None,
    end: DateLike = None,
) -> JourneysTaken:
    """:func:`journeys` with the users who took each one (see :class:`JourneysTaken`).

    No array the size of the log is made: the arrivals are found in chunks of :data:`.kernels.CACHE_ROWS` rows
    and each journey is read from the rows next to its arrival (:func:`visits_from`). At 100M events the
    touchpoint of every row, the visit flags, the index of 51M visits and their codes and users, the day array
    and the range mask took 2-4 CPU s of a journey map's first call."""
    mapping, anchor = anchored(log.event_names, event, groups, depth)
    names = sorted({mapping.get(name, name) for name in log.event_names})
    code_of = {name: code for code, name in enumerate(names)}
    dtype = np.int16 if len(names) < np.iinfo(np.int16).max else np.int32  # room for the outside code too
    touchpoints = np.array([code_of[mapping.get(name, name)] for name in log.event_names], dtype=dtype)
    here = code_of[anchor]
    origin = arrivals(log, touchpoints == here, time_window(log, start, end))
    who = log.user_codes[origin]
    bound = log.user_starts[who] - 1 if before else log.user_starts[who + 1]
    steps = visits_from(log.event_codes, touchpoints, origin, bound, depth, before=before, anchor=here,
                        outside=len(names))
    arrived = np.full((len(origin), 1), here, dtype=steps.dtype)
    matrix = np.hstack([steps[:, ::-1], arrived] if before else [arrived, steps])
    paths, taken, counts = np.unique(matrix, axis=0, return_inverse=True, return_counts=True)
    labels = np.array([*names, None], dtype=object)  # None: outside the user's events
    frame = pd.DataFrame({c: labels[paths[:, k]] for k, c in enumerate(step_columns(depth))})
    table = _ranked(frame.assign(users=counts), depth, before)
    rank = np.empty(len(table), dtype=np.int64)
    rank[table.index.to_numpy()] = np.arange(len(table))
    return JourneysTaken(table.reset_index(drop=True), who.astype(np.int64), rank[np.reshape(taken, -1)])


def arrivals(log: EventLog, at_anchor: np.ndarray, window: tuple[int, int] | None) -> np.ndarray:
    """Each user's first row that starts a visit to the anchor (a row of an event ``at_anchor[code]`` whose
    previous row is another touchpoint or another user's) with its time in ``window`` (None: any time), in user
    order. Read a chunk of rows at a time, each with the row before it."""
    events, users, times = log.event_codes, log.user_codes, log.times
    found, last = [], -1  # last: the user of the last arrival found, who may go on in the next chunk
    for rows in chunks(log.n_events, CACHE_ROWS):
        lead = 1 if rows.start else 0
        span = slice(rows.start - lead, rows.stop)
        anchored_here, who = at_anchor[events[span]], users[span]
        arrive = anchored_here.copy()
        arrive[1:] &= ~anchored_here[:-1] | (who[1:] != who[:-1])
        if window is not None:
            moment = times[span]
            arrive &= (moment >= window[0]) & (moment < window[1])
        at = np.flatnonzero(arrive[lead:])
        if not len(at):
            continue
        arriving = who[lead:][at]
        first = np.empty(len(at), dtype=bool)  # rows are in user order: a user's first is where the user changes
        first[0] = arriving[0] != last
        first[1:] = arriving[1:] != arriving[:-1]
        found.append(at[first] + rows.start)
        last = int(arriving[-1])
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def visits_from(
    events: np.ndarray, touchpoints: np.ndarray, origin: np.ndarray, bound: np.ndarray, depth: int, *,
    before: bool, anchor: int, outside: int,
) -> np.ndarray:
    """The touchpoints of the ``depth`` visits after each ``origin`` row (with ``before``, leading to it, the
    nearest first), ``outside`` past the user's rows (``bound``: the first row after them, or with ``before``
    the last row before them). A visit is a run of one touchpoint, and ``origin`` starts a visit to ``anchor``.

    Read from a window of rows next to each origin, widened for the few whose window holds fewer visits than
    ``depth`` and does not reach their bound, so no visit index of the whole log is made."""
    found = np.full((len(origin), depth), outside, dtype=touchpoints.dtype)
    pending, width = np.arange(len(origin)), 4 * depth
    while len(pending):
        short = []
        for part in chunks(len(pending), max(CACHE_ROWS // width, 1)):
            mine = pending[part]
            offsets = -np.arange(1, width + 1) if before else np.arange(1, width + 1)
            rows = origin[mine, None] + offsets
            inside = rows > bound[mine, None] if before else rows < bound[mine, None]
            codes = touchpoints[events[np.where(inside, rows, origin[mine, None])]]
            new = inside.copy()  # the first row of a visit (the anchor before the first)
            new[:, 0] &= codes[:, 0] != anchor
            new[:, 1:] &= codes[:, 1:] != codes[:, :-1]
            visit = np.cumsum(new, axis=1)
            at, column = np.nonzero(new & (visit <= depth))
            found[mine[at], visit[at, column] - 1] = codes[at, column]
            short.append(mine[(visit[:, -1] < depth) & inside[:, -1]])  # more rows of theirs past the window
        pending, width = np.concatenate(short), width * 4
    return found
