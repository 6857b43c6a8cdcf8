"""Paths (design §4): next-event transitions and the most common k-step sequences after an event.

A user's next event is simply the next row of the log (rows are sorted by user then time, ties in
source order), so transitions are a shifted comparison and every k-step path is k array lookups encoded
into one mixed-radix integer that ``np.unique`` counts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import chunks
from usagelens.analytics.periods import DateLike, day_range, row_mask_for_days
from usagelens.model.translatable import QT_TRANSLATE_NOOP

END_LABEL = "(end)"
START_LABEL = "(start)"
PATH_SEPARATOR = " → "


def transitions(log: EventLog, *, start: DateLike = None, end: DateLike = None) -> pd.DataFrame:
    """How often each event is directly followed by each other event of the same user, in the range.

    Columns: ``from_event``, ``to_event``, ``count`` (int64), ``share`` (fraction of ``from_event``'s
    outgoing transitions); most frequent first.
    """
    inside = row_mask_for_days(log, *day_range(log, start, end))
    n_codes = len(log.event_names)
    counts = np.zeros(n_codes * n_codes, dtype=np.int64)
    for rows in chunks(max(log.n_events - 1, 0)):  # row i and the row after it, a chunk of pairs at a time
        after = slice(rows.start + 1, rows.stop + 1)
        follows = inside[rows] & inside[after] & (log.user_codes[rows] == log.user_codes[after])
        pairs = log.event_codes[rows][follows].astype(np.int64) * n_codes + log.event_codes[after][follows]
        counts += np.bincount(pairs, minlength=n_codes * n_codes)
    present = np.flatnonzero(counts)
    outgoing = counts.reshape(n_codes, n_codes).sum(axis=1) if n_codes else counts
    names = np.array(log.event_names, dtype=object)
    table = pd.DataFrame(
        {
            "from_event": names[present // max(n_codes, 1)],
            "to_event": names[present % max(n_codes, 1)],
            "count": counts[present].astype(np.int64),
            "share": counts[present] / outgoing[present // max(n_codes, 1)],
        }
    )
    return table.sort_values(
        ["count", "from_event", "to_event"], ascending=[False, True, True], ignore_index=True
    )


def path_symbols(
    codes: np.ndarray, origin: np.ndarray, first_row: np.ndarray, last_row: np.ndarray, depth: int, *,
    before: bool, outside: int,
) -> list[np.ndarray]:
    """The codes of the ``depth`` rows after each ``origin`` row (or with ``before``, the rows before it), one
    array per step in reading order; ``outside`` where that row lies past its user's last row (or before their
    first), each user's rows being ``first_row``..``last_row`` of ``codes``."""
    symbols = []
    for step in range(depth, 0, -1) if before else range(1, depth + 1):
        row = origin - step if before else origin + step
        beyond = (row < first_row) | (row > last_row)
        symbols.append(np.where(beyond, outside, codes[np.clip(row, 0, max(len(codes) - 1, 0))]))
    return symbols


def top_paths(
    log: EventLog,
    start_event: str,
    *,
    depth: int = 3,
    top: int | None = 20,
    start: DateLike = None,
    end: DateLike = None,
    before: bool = False,
) -> pd.DataFrame:
    """The most common sequences of the ``depth`` events that follow each occurrence of ``start_event`` (or,
    with ``before``, that lead to it: what came before ``contact_support``).

    Every occurrence in the range makes a path (a user who repeats the event contributes several); a path cut
    short by the user's last event ends in ``(end)``, one that reaches back past their first event starts with
    ``(start)``. ``top=None`` keeps every path.

    Columns: ``from_event`` and ``to_event`` — the event and the following events joined by " → ", or with
    ``before`` the preceding events (oldest first) and the event — ``count`` (int64 occurrences), ``share``
    (fraction of all occurrences); most frequent first.
    """
    if depth < 1:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "path depth must be at least 1"))
    radix = len(log.event_names) + 1  # one more symbol for (end) or (start)
    if depth * np.log2(radix) >= 62:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "path depth {depth} is too deep for {names} event names").format(
            depth=depth, names=radix - 1))
    origin = np.flatnonzero(
        (log.event_codes == log.event_code(start_event)) & row_mask_for_days(log, *day_range(log, start, end))
    )
    key = np.zeros(len(origin), dtype=np.int64)
    users = log.user_codes[origin]
    first_row, last_row = log.user_starts[users], log.user_starts[users + 1] - 1
    for symbol in path_symbols(log.event_codes, origin, first_row, last_row, depth, before=before, outside=radix - 1):
        key = key * radix + symbol
    paths, counts = np.unique(key, return_counts=True)
    chosen = np.argsort(-counts, kind="stable")[:top]
    names = [*log.event_names, START_LABEL if before else END_LABEL]
    labels = []
    for path in paths[chosen]:
        symbols = [(int(path) // radix**power) % radix for power in range(depth - 1, -1, -1)]
        labels.append(PATH_SEPARATOR.join(names[s] for s in symbols))
    event = pd.Series([start_event] * len(chosen), dtype=object)
    path_labels = pd.Series(labels, dtype=object)
    return pd.DataFrame(
        {
            "from_event": path_labels if before else event,
            "to_event": event if before else path_labels,
            "count": counts[chosen].astype(np.int64),
            "share": counts[chosen] / max(len(origin), 1),
        }
    )
