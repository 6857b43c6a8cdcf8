"""Time at each touchpoint (issue 16.5): how long users stay on an event before their next one in the session.

An event row's time is the gap to the same user's next row when that row is in the same session (design §4:
a gap of at most the session threshold, :func:`.sessions.session_ends`); the last row of a session has no
time and is counted as a session that ended there. Rows follow the log's order (user, time, then the
source's order of events at one instant, as transitions and paths read it), so of two events at the same
instant the first spends 0 s and the second carries the time to what follows.

Per event: its occurrences in the range, the users who did it, how many ended a session, the percentiles
p25/median/p75/p90 and the mean of the times (the next row may lie past the range), and the occurrences per
bucket of :data:`BUCKETS`. Percentiles are exact, picked by rank in whole microseconds and interpolated as
:func:`.funnel_views.percentile` does, so the Ibis definition (:mod:`.definitions.touchpoint_time`) gives the
same nanoseconds on every backend.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.funnel_views import needed_ranks, percentile
from usagelens.analytics.kernels import CACHE_ROWS, UsersPerCode, chunks
from usagelens.analytics.periods import DateLike, DurationLike, parse_duration, time_window
from usagelens.analytics.sessions import DEFAULT_GAP, session_ends
from usagelens.model.translatable import QT_TRANSLATE_NOOP

# bucket column -> its upper bound in seconds (exclusive; the last has none); the 1 and 10 minute edges are
# time to convert's (:data:`.funnel_views.BUCKETS`), split finer for the seconds to minutes a touchpoint takes
BUCKETS: tuple[tuple[str, str, float], ...] = (
    ("under_10_s", "< 10 s", 10),
    ("s_10_to_30", "10–30 s", 30),
    ("s_30_to_60", "30 s–1 min", 60),
    ("min_1_to_3", "1–3 min", 180),
    ("min_3_to_10", "3–10 min", 600),
    ("min_10_to_30", "10–30 min", 1_800),
    ("min_30_or_more", "30 min or more", np.inf),
)
BUCKET_EDGES_US = [int(upper * 1_000_000) for _, _, upper in BUCKETS[:-1]]
QUANTILES = (("p25", 25), ("median", 50), ("p75", 75), ("p90", 90))


def touchpoint_times(
    log: EventLog,
    *,
    gap: DurationLike = DEFAULT_GAP,
    events: Sequence[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
) -> pd.DataFrame:
    """One row per event with occurrences in the range (only ``events`` when given), most frequent first (ties
    by name): see :func:`touchpoint_table` for the columns.

    The log is read :data:`.kernels.CACHE_ROWS` rows at a time, so each chunk's temporaries stay in the CPU cache
    and no array the size of the log is made (at 100M events the whole-log flags, masks and gathers were 2-3 CPU s
    of a 4 s first call); only the times themselves, one int64 key per timed row, are sorted whole."""
    n_codes = len(log.event_names)
    chosen = None
    if events is not None:
        chosen = np.zeros(n_codes, dtype=bool)
        chosen[[log.event_code(name) for name in events]] = True
    limit = int(parse_duration(gap or DEFAULT_GAP))  # type: ignore[arg-type]
    base = limit // 1000 + 1  # a time within a session is at most the gap: code × base + time is one int64 key
    if n_codes * base >= 2**62:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "a session gap of {gap} is too long to time {n_codes} events").format(gap=gap, n_codes=n_codes))
    window = time_window(log, start, end)
    times, event_codes, user_codes = (np.asarray(a) for a in (log.times, log.event_codes, log.user_codes))
    occurrences = np.zeros(n_codes, np.int64)
    buckets = np.zeros(n_codes * len(BUCKETS), np.int64)
    users = UsersPerCode(n_codes, log.n_users)
    keys: list[np.ndarray] = []  # per chunk, the key of every row with a time
    for rows in chunks(log.n_events, CACHE_ROWS):
        t = times[rows.start:rows.stop + 1]  # and the next row's, past the chunk
        every, who = event_codes[rows], user_codes[rows]
        timed = ~session_ends(log, limit, rows)  # rows with a next row in their session (never the log's last)
        inside = _inside(t[:len(every)], every, window, chosen)
        codes = every
        if inside is not None:
            codes, who, timed = every[inside], who[inside], timed & inside
        occurrences += np.bincount(codes, minlength=n_codes)
        users.add(codes, who)
        waited = np.diff(t)[timed[:len(t) - 1]] // 1000  # whole microseconds, as the view holds them
        timed_codes = every[timed].astype(np.int64)
        bucket = np.searchsorted(BUCKET_EDGES_US, waited, side="right")
        buckets += np.bincount(timed_codes * len(BUCKETS) + bucket, minlength=len(buckets))
        timed_codes *= base
        timed_codes += waited
        keys.append(timed_codes)
    key = np.concatenate(keys) if keys else np.zeros(0, np.int64)
    key.sort()
    first = np.searchsorted(key, np.arange(n_codes + 1) * base)  # where each code's times start
    ended = occurrences - buckets.reshape(n_codes, len(BUCKETS)).sum(axis=1)  # rows in range without a time
    counted = users.counts()
    found = []
    for code in np.flatnonzero(occurrences):
        mine = key[first[code]:first[code + 1]] - code * base
        ranks = {rank: int(mine[rank - 1]) for rank in needed_ranks(len(mine))}
        found.append(touchpoint_row(log.event_names[code], int(occurrences[code]), int(counted[code]),
                                    int(ended[code]), len(mine), int(mine.sum()), ranks,  # µs in int64: exact
                                    buckets[code * len(BUCKETS):(code + 1) * len(BUCKETS)]))
    return touchpoint_table(found)


def _inside(times: np.ndarray, codes: np.ndarray, window: tuple[int, int] | None,
            chosen: np.ndarray | None) -> np.ndarray | None:
    """Which of a chunk's rows are in the time window and of a chosen event (None: every row)."""
    inside = None if window is None else (times >= window[0]) & (times < window[1])
    if chosen is not None:
        inside = chosen[codes] if inside is None else inside & chosen[codes]
    return inside


def touchpoint_row(event: str, occurrences: int, users: int, ended: int, n: int, total_us: int,
                   values_at: dict[int, int], buckets: Sequence[int]) -> dict[str, object]:
    """One event's row from its counts, the sum of its ``n`` times (µs) and the times at the ranks
    :func:`.funnel_views.needed_ranks` names."""
    return {
        "event": event, "occurrences": occurrences, "users": users, "session_ends": ended,
        "session_end_share": ended / occurrences if occurrences else np.nan,
        **{name: percentile(n, values_at, p) for name, p in QUANTILES},
        "mean": pd.Timedelta(total_us * 1000 / n, "ns") if n else pd.NaT,
        **{name: int(count) for (name, _, _), count in zip(BUCKETS, buckets, strict=True)},
    }


def touchpoint_table(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Columns: ``event``, ``occurrences``, ``users`` (who did it in the range), ``session_ends`` (occurrences
    that were their session's last event), ``session_end_share``, ``p25``, ``median``, ``p75``, ``p90``,
    ``mean`` (Timedelta, NaT when every occurrence ended a session), then the occurrences with a time per
    bucket of :data:`BUCKETS`; most frequent first, ties by name."""
    rows = sorted(rows, key=lambda row: (-int(row["occurrences"]), str(row["event"])))  # type: ignore[call-overload]
    columns: dict[str, object] = {"event": pd.Series([row["event"] for row in rows], dtype=object)}
    for name in ("occurrences", "users", "session_ends"):
        columns[name] = np.array([row[name] for row in rows], dtype=np.int64)
    columns["session_end_share"] = np.array([row["session_end_share"] for row in rows], dtype=np.float64)
    for name in (*(q for q, _ in QUANTILES), "mean"):  # an all-NaT column would otherwise read as datetimes
        columns[name] = pd.to_timedelta(pd.Series([row[name] for row in rows], dtype=object)).astype("m8[ns]")
    for name, _, _ in BUCKETS:
        columns[name] = np.array([row[name] for row in rows], dtype=np.int64)
    return pd.DataFrame(columns)
