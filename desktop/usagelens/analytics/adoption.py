"""Feature adoption (design §4): who did an event among the users active in the same days."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.kernels import count_distinct_sorted, users_per_code
from usagelens.analytics.periods import (
    DateLike,
    Period,
    check_period,
    day_range,
    period_of_day,
    period_start,
    row_mask_for_days,
    rows_for_days,
    user_periods,
)
from usagelens.analytics.segments import CountedOn, compare_segments


def feature_adoption(
    log: EventLog, *, start: DateLike = None, end: DateLike = None, events: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per event, users who did it at least once in the range ÷ users active in the range (whole days).

    Columns: ``event``, ``users`` (int64, did the event), ``active_users`` (int64, the denominator,
    the same on every row), ``adoption_rate`` (fraction, NaN when nobody was active); most adopted first.
    """
    rows = rows_for_days(log, *day_range(log, start, end))
    n_codes = len(log.event_names)
    users = users_per_code(log.event_codes[rows], log.user_codes[rows], n_codes, log.n_users)
    active = count_distinct_sorted(log.user_codes[rows])
    codes = (
        np.arange(n_codes)
        if events is None
        else np.array([log.event_code(e) for e in events], dtype=np.int64)
    )
    table = pd.DataFrame(
        {
            "event": pd.Series([log.event_names[c] for c in codes], dtype=object),
            "users": users[codes],
            "active_users": np.full(len(codes), active, dtype=np.int64),
            "adoption_rate": users[codes] / active if active else np.full(len(codes), np.nan),
        }
    )
    return table.sort_values("users", ascending=False, kind="stable", ignore_index=True)


def segment_adoption(
    log: EventLog,
    by: str,
    *,
    events: Sequence[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    customers: Customers | None = None,
    counted: CountedOn = "first",
) -> pd.DataFrame:
    """:func:`feature_adoption` per segment of ``by``: ``compare_segments`` of it, the segments analysis. A
    function of its own so that the Ibis definitions can answer it in one query for every segment."""
    return compare_segments(
        log, lambda part: feature_adoption(part, start=start, end=end, events=events), by, customers=customers,
        counted=counted,
    )


def _first_period_counts(users: np.ndarray, numbers: np.ndarray, lo: int, width: int) -> np.ndarray:
    """How many users have their first listed period in each period (pairs sorted by user, period)."""
    first = np.ones(len(users), dtype=bool)
    first[1:] = users[1:] != users[:-1]
    return np.bincount(numbers[first] - lo, minlength=width)[:width]


def adoption_since_release(
    log: EventLog, event: str, release: DateLike, *, period: Period = "week", end: DateLike = None
) -> pd.DataFrame:
    """Adoption of a feature per period from its release date on, per period and cumulatively.

    Only activity on or after the release day counts, so the first period may be partial.
    Columns: ``period`` (datetime64 start), ``active_users`` and ``adopters`` (int64, in the period),
    ``adoption_rate``, ``cumulative_active_users`` and ``cumulative_adopters`` (int64, distinct users
    from the release to the end of the period), ``cumulative_adoption_rate``.
    """
    period = check_period(period)
    code = log.event_code(event)
    first, last = day_range(log, release, end)
    lo, hi = (int(p) for p in period_of_day(np.array([first, last]), period))
    width = max(hi - lo + 1, 0)
    active_users, active_periods = user_periods(log, period, first, last)
    rows = (log.event_codes == code) & row_mask_for_days(log, first, last)
    users, numbers = log.user_codes[rows], period_of_day(log.days[rows], period)
    change = np.ones(len(users), dtype=bool)
    change[1:] = (users[1:] != users[:-1]) | (numbers[1:] != numbers[:-1])
    users, numbers = users[change], numbers[change]
    return release_adoption_table(
        period_start(np.arange(lo, lo + width), period),
        np.bincount(active_periods - lo, minlength=width)[:width],
        np.bincount(numbers - lo, minlength=width)[:width],
        _first_period_counts(active_users, active_periods, lo, width),
        _first_period_counts(users, numbers, lo, width),
    )


def release_adoption_table(
    periods: np.ndarray, active: np.ndarray, adopters: np.ndarray, new_active: np.ndarray, new_adopters: np.ndarray
) -> pd.DataFrame:
    """The table of :func:`adoption_since_release` from per-period counts of active users and adopters, and
    of users active (adopting) for the first time since the release."""
    cumulative_active, cumulative_adopters = np.cumsum(new_active), np.cumsum(new_adopters)
    with np.errstate(divide="ignore", invalid="ignore"):
        return pd.DataFrame(
            {
                "period": periods,
                "active_users": active.astype(np.int64),
                "adopters": adopters.astype(np.int64),
                "adoption_rate": np.where(active > 0, adopters / active, np.nan),
                "cumulative_active_users": cumulative_active.astype(np.int64),
                "cumulative_adopters": cumulative_adopters.astype(np.int64),
                "cumulative_adoption_rate": np.where(
                    cumulative_active > 0, cumulative_adopters / cumulative_active, np.nan
                ),
            }
        )
