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
ACTION, ERROR, SUPPORT = 0, 1, 2


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
    position = {name: i for i, name in enumerate(steps)}
    labelled = "segment" in result.columns
    table = pd.DataFrame({
        **({"segment": result["segment"].to_numpy(object)} if labelled else {}),
        "user_id": result["user_id"].to_numpy(object),
        "step": result["step"].to_numpy(object),
        **{name: result[name].to_numpy(np.int64) for name in COUNTS},
    })
    keys = [table["step"].map(position).to_numpy(np.int64), table["user_id"].to_numpy(str)]
    if labelled:
        rank = {label: i for i, label in enumerate(sorted_labels(table["segment"]))}
        keys.append(table["segment"].map(rank).to_numpy(np.int64))
    order = np.lexsort(keys)
    return table.iloc[order].reset_index(drop=True) if len(table) else table


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
    step_codes = [log.event_code(name) for name in steps]
    segments = segments_counted_on(log, by, customers=customers, counted=counted) if by else None
    gap_ns = parse_duration(gap)
    n_codes, n_steps = len(log.event_names), len(steps)
    kind = np.zeros(n_codes, dtype=np.int8)
    known = {name: code for code, name in enumerate(log.event_names)}
    kind[[known[n] for n in support if n in known]] = SUPPORT
    kind[[known[n] for n in errors if n in known]] = ERROR
    kind[step_codes] = ACTION  # a step is what a user did, whatever its name says
    step_of = np.full(n_codes, -1, dtype=np.int64)
    step_of[step_codes] = np.arange(n_steps)
    totals = np.zeros((len(COUNTS), log.n_users * n_steps), dtype=np.int64)
    inside = rows_for_days(log, *day_range(log, start, end))
    starts = log.user_starts
    for block in chunks(log.n_events):  # whole users per block: a block ends at a user's first row
        lo, hi = (int(starts[np.searchsorted(starts, edge, side="left")]) for edge in (block.start, block.stop))
        if hi > lo:
            _count_block(log, slice(lo, hi), inside, kind, step_of, gap_ns, totals, n_steps)
    present = np.flatnonzero(totals[0])
    users = present // n_steps
    labels = {} if segments is None else {"segment": segments.labels[segments.codes[users]]}
    return shape_step_signals(pd.DataFrame({
        **labels,
        "user_id": log.user_ids[users],
        "step": np.asarray(steps, dtype=object)[present % n_steps],
        **{name: totals[i, present] for i, name in enumerate(COUNTS)},
    }), steps)


def _count_block(log: EventLog, rows: slice, inside: slice | np.ndarray, kind: np.ndarray, step_of: np.ndarray,
                 gap_ns: int | None, totals: np.ndarray, n_steps: int) -> None:
    """Add the block's counts to ``totals`` (rows ``events``, ``errors``, ``support``, ``repeats`` by
    ``user * steps + step``)."""
    keep = slice(None) if isinstance(inside, slice) else inside[rows]
    users = np.asarray(log.user_codes[rows], dtype=np.int64)[keep]
    events = np.asarray(log.event_codes[rows], dtype=np.int64)[keep]
    times = np.asarray(log.times[rows], dtype=np.int64)[keep]
    is_action = kind[events] == ACTION
    position = np.arange(len(events))
    owner = np.maximum.accumulate(np.where(is_action, position, -1))
    owned = (owner >= 0) & (users[np.maximum(owner, 0)] == users)  # a signal before a user's first action has none
    owner_step = np.where(owned, step_of[events[np.maximum(owner, 0)]], -1)
    key = users * n_steps + np.maximum(owner_step, 0)
    size = totals.shape[1]
    for row, wanted in ((0, is_action), (1, kind[events] == ERROR), (2, kind[events] == SUPPORT)):
        hit = wanted & (owner_step >= 0)
        totals[row] += np.bincount(key[hit], minlength=size)
    actions = np.flatnonzero(is_action)
    now, after = actions[:-1], actions[1:]
    again = (users[after] == users[now]) & (events[after] == events[now]) & (step_of[events[now]] >= 0)
    if gap_ns is not None:
        again &= times[after] - times[now] <= gap_ns
    totals[3] += np.bincount(key[now[again]], minlength=size)
