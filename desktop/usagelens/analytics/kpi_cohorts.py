"""The daily cohorts behind two KPI series (:mod:`.kpi_series`): conversion per day of entering a funnel, and
retention per user's first day, on an event log.

Each returns one row per cohort day with its users and how many of them converted (or came back), only for
the users whose whole window lies inside the data (``data_end``: the time of its last event), so the series'
last points do not dip only because the export stopped. :mod:`.definitions.kpi` gives the same tables from a
standard view (a warehouse, a big table kept on disk); the series is shaped from either by the same code.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.funnels import FunnelOrder, funnel_progress
from usagelens.analytics.periods import DurationLike, Period, check_period, parse_duration, period_start, user_days
from usagelens.analytics.retention import RetentionMode
from usagelens.model.translatable import QT_TRANSLATE_NOOP

# The length of the window a retention binding's unit stands for, in days (a month as 30 days: a daily cohort
# has no calendar month of its own)
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}


def check_window(period: str, offset: int, mode: str) -> int:
    """The window's length in days for a retention per first day; :class:`AnalysisError` for a period, offset or
    mode it cannot have (both engines check alike, so they fail alike)."""
    width = PERIOD_DAYS[check_period(period)]
    if mode not in ("on", "on_or_after"):
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "retention mode must be 'on' or 'on_or_after', not {mode!r}").format(mode=mode))
    if offset < 0:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "a retention offset is zero or more, not {offset}").format(offset=offset))
    return width


def cohort_days(days: ArrayLike, users: ArrayLike, hits: ArrayLike, names: tuple[str, str]) -> pd.DataFrame:
    """``day`` (its midnight), then users and hits under ``names``, one row per day number in ``days`` (sorted)."""
    return pd.DataFrame({"day": period_start(np.asarray(days, np.int64), "day"),
                         names[0]: np.asarray(users, np.int64), names[1]: np.asarray(hits, np.int64)})


def _per_day(days: np.ndarray, hit: np.ndarray, names: tuple[str, str]) -> pd.DataFrame:
    """:func:`cohort_days` of one row per user: their cohort day and whether they count as a hit."""
    present, index = np.unique(days, return_inverse=True)
    users = np.bincount(index, minlength=len(present))
    hits = np.bincount(index, weights=hit.astype(np.float64), minlength=len(present))
    return cohort_days(present, users, hits.astype(np.int64), names)


def conversion_by_entry_day(
    log: EventLog,
    steps: Sequence[str],
    *,
    data_end: pd.Timestamp,
    order: FunnelOrder = "sequential",
    window: DurationLike = None,
    exclude: str | None = None,
    exclude_after: int | None = None,
) -> pd.DataFrame:
    """Per day of entering (a user's first S1 in the data): ``day``, ``entered`` and ``converted`` (reached the
    last step within the window), counting only users whose window ends by ``data_end``; days without such
    an entrant have no row.

    One funnel over all the data, split by entry day, keeps daily series (impact) cheap. The KPI value takes
    the first S1 in its month instead: the two differ only for entry events users repeat.
    """
    progress = funnel_progress(log, steps, order=order, window=window, exclude=exclude, exclude_after=exclude_after)
    entered_at = log.times[progress.entry_rows]
    settled = entered_at + (parse_duration(window) or 0) <= pd.Timestamp(data_end).value
    converted = progress.reached == len(steps)
    return _per_day(log.days[progress.entry_rows][settled], converted[settled], ("entered", "converted"))


def retention_by_first_day(
    log: EventLog,
    period: Period,
    offset: int,
    *,
    data_end: pd.Timestamp,
    mode: RetentionMode = "on",
    start_event: str | None = None,
    return_event: str | None = None,
) -> pd.DataFrame:
    """Per user's first day (of any event, or of ``start_event``): ``day``, ``users`` and ``retained`` (active,
    or did ``return_event``, in the ``offset``-th window of the period's length in days after that day; in
    that window or later for ``on_or_after``), for the days whose window ends by the day of ``data_end``."""
    width = check_window(period, offset, mode)
    starts_users, starts_days = _user_days_of(log, start_event)
    users, days = _user_days_of(log, return_event)
    none = np.iinfo(np.int64).max
    first = np.full(log.n_users, none, dtype=np.int64)
    np.minimum.at(first, starts_users, starts_days)
    started = first < none
    keep = started[users]
    users, lag = users[keep], days[keep] - first[users[keep]]
    hit = lag >= offset * width if mode == "on_or_after" else (lag >= offset * width) & (lag < (offset + 1) * width)
    retained = np.zeros(log.n_users, dtype=bool)
    retained[users[hit]] = True
    last_day = np.datetime64(pd.Timestamp(data_end), "D").astype(np.int64) if not pd.isna(data_end) else -none
    mature = started & (first + (offset + 1) * width - 1 <= last_day)
    return _per_day(first[mature], retained[mature], ("users", "retained"))


def _user_days_of(log: EventLog, event: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (user, day) pairs with any event, or with ``event`` only."""
    if event is None:
        return user_days(log)
    rows = log.event_codes == log.event_code(event)
    pairs = np.unique(np.stack([log.user_codes[rows], log.days[rows]]), axis=1)
    return pairs[0], pairs[1]
