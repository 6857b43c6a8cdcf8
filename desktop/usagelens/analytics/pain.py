"""Pain signals per user and journey step: what followed each time a user did a step (issue 16, pain points).

A user's events are read as *actions* (any event that is not an error or a support contact) each followed by
the signal events up to their next action: ``step → error_shown → contact_support → next action`` gives the
step one error and one support contact. An action *repeats* when the user's very next action is the same
event within a short gap (a rage-click: the app did not seem to react). Only events inside the date range
take part, so an action's signals are those of the range too.

The table is small — one row per user and step they did, labelled with the user's segment when asked (one
pass for all segments: a user's signals do not depend on who else is in their segment) — and the client joins
it to the feedback of the same users (``workspace.analyses.pain_points``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers, sorted_labels
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import chunks
from usagelens.analytics.periods import DateLike, DurationLike, day_range, parse_duration, rows_for_days
from usagelens.analytics.segments import CountedOn, segments_counted_on
from usagelens.model.translatable import QT_TRANSLATE_NOOP

COLUMNS = ["user_id", "step", "events", "errors", "support", "repeats"]
COUNTS = COLUMNS[2:]
DEFAULT_GAP = "10s"
OTHER_ACTION, ERROR, SUPPORT = 0, -1, -2  # event roles; a step's is its number, from 1


def check_steps(steps: Sequence[str]) -> None:
    """Steps are named once each: a step's row would otherwise be counted twice."""
    if not steps:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "choose at least one step"))
    repeated = sorted({s for s in steps if list(steps).count(s) > 1})
    if repeated:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "step {step!r} is listed twice").format(step=repeated[0]))


def shape_step_signals(result: pd.DataFrame, steps: Sequence[str]) -> pd.DataFrame:
    """The table both engines give: :data:`COLUMNS` (after ``segment`` if the result has one), counts as int64,
    by segment (in :func:`sorted_labels` order), user id, then the steps' order."""
    columns = {
        **({"segment": result["segment"].to_numpy(object)} if "segment" in result.columns else {}),
        "user_id": result["user_id"].to_numpy(object),
        "step": result["step"].to_numpy(object),
        **{name: result[name].to_numpy(np.int64) for name in COUNTS},
    }
    return _ordered(columns, pd.Index(steps).get_indexer(columns["step"]))


def _ordered(columns: dict[str, np.ndarray], step_numbers: np.ndarray) -> pd.DataFrame:
    """:func:`shape_step_signals`'s table of its columns as arrays and each row's step number: put in order
    before the frame is made (a frame's text columns are Arrow arrays, each conversion and take of 400,000 of
    them a tenth of a second)."""
    keys = [step_numbers, columns["user_id"].astype(str)]
    if "segment" in columns:  # each distinct label ranked once, not each row's
        codes, labels = pd.factorize(columns["segment"], use_na_sentinel=False)
        keys.append(pd.Index(sorted_labels(labels)).get_indexer(labels)[codes])
    order = np.lexsort(keys)
    return pd.DataFrame({name: values[order] for name, values in columns.items()})


def step_signals(
    log: EventLog,
    steps: Sequence[str],
    *,
    errors: Sequence[str] = (),
    support: Sequence[str] = (),
    gap: DurationLike = DEFAULT_GAP,
    start: DateLike = None,
    end: DateLike = None,
    by: str | None = None,
    customers: Customers | None = None,
    counted: CountedOn = "first",
) -> pd.DataFrame:
    """Per user and step: ``events`` (times they did it in the range), ``errors`` and ``support`` (error
    events and support contacts between each of those and their next action), ``repeats`` (times their next
    action was the same step again within ``gap``).

    ``errors`` and ``support`` name events; names absent from the data match nothing (they come from name
    patterns), and an event in both counts as an error. Columns: :data:`COLUMNS`; users who did a step only.
    With ``by``, a leading ``segment`` column: each user's segment as :func:`compare_segments` splits them
    (``customers``, ``counted``), the same rows it would give per segment, in one pass.
    """
    check_steps(steps)
    segments = segments_counted_on(log, by, customers=customers, counted=counted) if by else None
    roles = _roles(log, steps, errors, support)
    gap_ns = parse_duration(gap)
    totals = np.zeros((len(COUNTS), log.n_users, len(steps)), dtype=np.int64)
    inside = rows_for_days(log, *day_range(log, start, end))
    starts = log.user_starts
    edges = [*(int(np.searchsorted(starts, block.start, side="left")) for block in chunks(log.n_events)), log.n_users]
    for first, stop in itertools.pairwise(edges):  # whole users, about a chunk's rows each
        if stop > first:
            _count_block(log, slice(first, stop), inside, roles, gap_ns, totals)
    flat = totals.reshape(len(COUNTS), -1)
    present = np.flatnonzero(flat[0])
    users, step_numbers = np.divmod(present, len(steps))
    labels = {} if segments is None else {"segment": segments.labels[segments.codes[users]]}
    return _ordered({
        **labels,
        "user_id": log.user_ids[users],
        "step": np.asarray(steps, dtype=object)[step_numbers],
        **{name: flat[i, present] for i, name in enumerate(COUNTS)},
    }, step_numbers)


def _roles(log: EventLog, steps: Sequence[str], errors: Sequence[str], support: Sequence[str]) -> np.ndarray:
    """Each event code's role: step number (1 to k), :data:`OTHER_ACTION`, :data:`ERROR` or :data:`SUPPORT`."""
    step_codes = [log.event_code(name) for name in steps]
    known = {name: code for code, name in enumerate(log.event_names)}
    roles = np.full(len(log.event_names), OTHER_ACTION, dtype=np.int16)  # steps may be many
    roles[[known[n] for n in support if n in known]] = SUPPORT
    roles[[known[n] for n in errors if n in known]] = ERROR
    roles[step_codes] = np.arange(1, len(steps) + 1)  # a step is what a user did, whatever its name says
    return roles


class _Block:
    """A block of whole users' rows in the range, as positions ``0..n``: each position's event, where each user's
    positions begin, and the log row of a position. Rows out of the range are left out, so a position's
    neighbour is the user's previous or next event of the range."""

    def __init__(self, log: EventLog, users: slice, inside: slice | np.ndarray) -> None:
        self.log, self.users = log, users
        starts = log.user_starts[users.start:users.stop + 1]
        self.lo = int(starts[0])
        if isinstance(inside, slice):
            self.kept: np.ndarray | None = None
            self.events = log.event_codes[self.lo:int(starts[-1])]  # the mapped codes themselves, no copy
            self.bounds = starts - self.lo
        else:
            self.kept = np.flatnonzero(inside[self.lo:int(starts[-1])]) + self.lo
            self.events = log.event_codes[self.kept]
            self.bounds = np.searchsorted(self.kept, starts)
        self.user_begins = np.zeros(len(self.events) + 1, dtype=bool)
        self.user_begins[self.bounds] = True  # position p + 1 begins a user (or ends the block): p ends its user

    def rows(self, positions: np.ndarray) -> np.ndarray:
        return positions + self.lo if self.kept is None else self.kept[positions]

    def per_user(self, positions: np.ndarray) -> np.ndarray:
        """How many of the sorted ``positions`` each user of the block has."""
        return np.diff(np.searchsorted(positions, self.bounds))

    def user_of(self, positions: np.ndarray) -> np.ndarray:
        """The block's user number (from 0) at each position."""
        return np.searchsorted(self.bounds, positions, side="right") - 1

    def within(self, now: np.ndarray, after: np.ndarray, gap_ns: int | None) -> np.ndarray:
        """Whether the event at each position ``after`` is at most ``gap_ns`` after the one at ``now``."""
        if gap_ns is None:
            return np.ones(len(now), dtype=bool)
        times = self.log.times
        return times[self.rows(after)] - times[self.rows(now)] <= gap_ns


def _count_block(log: EventLog, users: slice, inside: slice | np.ndarray, roles: np.ndarray, gap_ns: int | None,
                 totals: np.ndarray) -> None:
    """Add the counts of ``users``' rows to ``totals`` (``events``, ``errors``, ``support``, ``repeats`` by user
    and step).

    Signals are rare, so the actions are counted from each step's positions alone, and each run of signal rows
    is then given to the action before it: no array of the block's length is made but a mask at a time."""
    block = _Block(log, users, inside)
    for step in range(totals.shape[2]):
        is_step = block.events == np.flatnonzero(roles == step + 1)[0]
        totals[0, users, step] += block.per_user(np.flatnonzero(is_step))
        again = np.flatnonzero(is_step[:-1] & is_step[1:])  # the step as the very next event, of the user or not
        again = again[~block.user_begins[again + 1]]
        totals[3, users, step] += block.per_user(again[block.within(again, again + 1, gap_ns)])
    if roles.min() < 0:
        signals = np.flatnonzero(roles[block.events] < 0)
        if len(signals):
            _count_signals(block, roles, signals, gap_ns, totals)


def _count_signals(block: _Block, roles: np.ndarray, signals: np.ndarray, gap_ns: int | None,
                   totals: np.ndarray) -> None:
    """Give each run of consecutive signal positions to the action before it, when that is a step of the same
    user: its errors and support contacts, and a repeat when the action after the run is the same step again."""
    begins = np.ones(len(signals), dtype=bool)
    begins[1:] = np.diff(signals) != 1
    ends = np.append(begins[1:], True)
    run_of = np.cumsum(begins) - 1
    before = signals[begins] - 1  # each run's action, or -1 when the block begins with signals
    action = np.maximum(before, 0)
    user = block.user_of(action)
    step = np.where(before >= 0, roles[block.events[action]] - 1, -1)  # -1 too after an action that is not a step
    # a user's signals before their first action belong to no step (the run began with another user's)
    signal_step = np.where(block.user_of(signals) == user[run_of], step[run_of], -1)
    for row, role in ((1, ERROR), (2, SUPPORT)):
        hit = (roles[block.events[signals]] == role) & (signal_step >= 0)
        np.add.at(totals[row], (block.users.start + user[run_of][hit], signal_step[hit]), 1)
    after = signals[ends] + 1  # the action after each run, or the block's end
    has_after = after < len(block.events)
    after = np.minimum(after, len(block.events) - 1)
    again = (step >= 0) & has_after & (roles[block.events[after]] == step + 1) & (block.user_of(after) == user)
    again &= block.within(action, after, gap_ns)
    np.add.at(totals[3], (block.users.start + user[again], step[again]), 1)
