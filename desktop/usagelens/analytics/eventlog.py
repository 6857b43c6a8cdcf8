"""The encoded event log every metric reads.

An export is encoded once — user ids and event names to integer codes, timestamps to int64 nanoseconds
(UTC), rows sorted by user then time — so that metrics become linear passes and binary searches over
numpy arrays instead of group-bys over strings. The log is immutable; derived arrays (day numbers,
distinct user-days) are cached on first use and shared by every metric that needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
import pandas as pd

from usagelens.analytics.encoding import compact, encode_labels, user_time_order, utc_nanoseconds
from usagelens.analytics.errors import AnalysisError, missing_columns
from usagelens.analytics.kernels import group_starts
from usagelens.model.translatable import QT_TRANSLATE_NOOP

NS_PER_DAY = 86_400 * 10**9
T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class EventLog:
    """An event export encoded for fast metrics.

    Arrays are aligned row by row and sorted by ``user_codes`` then ``times`` (ties keep the source
    order). ``user_ids[code]`` and ``event_names[code]`` decode; event codes are in descending frequency,
    so code 0 is the most common event. ``source_rows`` maps each row back to its position in the source
    the log was built from; ``properties`` holds the requested extra columns in log order.
    ``distinct_times`` are the sorted distinct timestamps. ``time_ranks`` order each user's rows by time as
    integers below ``len(distinct_times)``: equal times of a user share a rank, a later time has a higher
    one. :meth:`from_frame` gives each row's index into ``distinct_times``; a memory-mapped log
    (:mod:`usagelens.analytics.mapped_log`) the rank among its user's own times, which it can compute in
    one streaming pass, and which is all funnels (comparing a user's rows with each other) need.
    ``observed_days`` (first, last day number) overrides the default date range of every metric; a
    segment keeps its parent's so that segments are compared over the same periods.

    The arrays may be read-only memory maps and of narrower integer types (int16 event codes); metrics
    widen before any arithmetic that could overflow.
    """

    user_codes: np.ndarray
    times: np.ndarray
    event_codes: np.ndarray
    user_ids: np.ndarray
    event_names: list[str]
    property_columns: pd.DataFrame | Callable[[], pd.DataFrame]  # or how to make them, on first use
    distinct_times: np.ndarray
    time_ranks: np.ndarray
    dropped_rows: int = 0
    observed_days: tuple[int, int] | None = None
    # None: the log's own order is its source's; a callable makes them on first use (see source_rows)
    rows_in_source: np.ndarray | Callable[[], np.ndarray] | None = None
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        user: str,
        time: str,
        event: str,
        properties: Sequence[str] = (),
    ) -> EventLog:
        """Encode ``frame``; rows missing a user, time or event are dropped and counted in ``dropped_rows``.

        The time column must already be parsed (naive datetimes are taken as UTC, aware ones are
        converted to UTC); parsing and its failure report belong to the import step.
        """
        wanted = [user, time, event, *properties]
        missing = [name for name in dict.fromkeys(wanted) if name not in frame.columns]
        if missing:
            raise missing_columns(missing)
        user_raw, user_labels = encode_labels(frame[user])
        event_raw, event_labels = encode_labels(frame[event])
        times = utc_nanoseconds(frame[time], time)
        keep = (user_raw >= 0) & (event_raw >= 0) & (times != np.iinfo(np.int64).min)
        rows = None if keep.all() else np.flatnonzero(keep)
        if rows is not None:
            user_raw, event_raw, times = user_raw[rows], event_raw[rows], times[rows]
        by_label = np.argsort(user_labels.astype(str), kind="stable")  # unicode sort: C comparisons
        user_map, user_ids = compact(user_raw, user_labels, by_label)
        frequency = np.bincount(event_raw, minlength=len(event_labels))
        event_map, names = compact(event_raw, event_labels, np.lexsort((event_labels, -frequency)))
        order, user_codes, time_ranks, distinct_times = user_time_order(user_raw, user_map, times)
        if order is None:  # already sorted by user then time
            source_rows = np.arange(len(times)) if rows is None else rows
            event_codes = event_map[event_raw]
        else:
            source_rows = order if rows is None else rows[order]
            times, event_codes = times[order], event_map[event_raw[order]]
        kept_properties = frame[list(properties)]
        if order is not None or rows is not None:
            kept_properties = kept_properties.iloc[source_rows]
        return cls(
            user_codes=user_codes,
            times=times,
            event_codes=event_codes,
            user_ids=user_ids,
            event_names=[str(name) for name in names],
            property_columns=kept_properties.reset_index(drop=True),
            rows_in_source=source_rows,
            distinct_times=distinct_times,
            time_ranks=time_ranks,
            dropped_rows=int(len(frame) - len(times)),
        )

    # --- sizes and bounds -------------------------------------------------------------------------

    @property
    def n_events(self) -> int:
        return len(self.times)

    @property
    def n_users(self) -> int:
        return len(self.user_ids)

    @property
    def start(self) -> pd.Timestamp:
        """The earliest event time (NaT for an empty log)."""
        return pd.Timestamp(self.times.min()) if self.n_events else pd.NaT

    @property
    def end(self) -> pd.Timestamp:
        """The latest event time (NaT for an empty log)."""
        return pd.Timestamp(self.times.max()) if self.n_events else pd.NaT

    @property
    def properties(self) -> pd.DataFrame:
        """The requested extra columns in log order. A log taken from another (a segment's, an experiment
        arm's) makes them on first use: most metrics never read them, and at 100M events copying every
        property column for each segment cost seconds and gigabytes."""
        if callable(self.property_columns):
            return self.cached("properties", self.property_columns)
        return self.property_columns

    # --- shared derived arrays, computed once -----------------------------------------------------

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` computed once per log and key; metrics share encodings through this."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]  # type: ignore[return-value]

    @property
    def source_rows(self) -> np.ndarray:
        """Each row's position in the source the log was built from (``arange`` when already in its order,
        made on first use: a mapped log of 100M rows need not store or hold it)."""
        if self.rows_in_source is None:
            return self.cached("source_rows", lambda: np.arange(self.n_events))
        if callable(self.rows_in_source):
            return self.cached("source_rows", self.rows_in_source)
        return self.rows_in_source

    @property
    def days(self) -> np.ndarray:
        """Each row's calendar day (UTC) as days since 1970-01-01.

        Divided straight into int32 (the ufunc casts block by block), so no int64 temporary the size of
        the log is made: for a memory-mapped log of 100M rows that would be 800 MB.
        """

        def build() -> np.ndarray:
            days = np.empty(self.n_events, dtype=np.int32)
            return np.floor_divide(self.times, NS_PER_DAY, out=days, casting="unsafe")

        return self.cached("days", build)

    @property
    def day_bounds(self) -> tuple[int, int]:
        """The first and last day number with events, ``(0, -1)`` for an empty log. From the earliest and latest
        time, so a metric that needs only the range does not make :attr:`days` (at 100M events, 0.3-0.45 s)."""
        if not self.n_events:
            return 0, -1
        times = self.times
        return self.cached("data_days", lambda: (int(times.min()) // NS_PER_DAY, int(times.max()) // NS_PER_DAY))

    @property
    def user_starts(self) -> np.ndarray:
        """CSR offsets: user ``u``'s rows are ``user_starts[u]:user_starts[u + 1]``."""
        return self.cached(
            "user_starts",
            lambda: group_starts(self.user_codes, self.n_users),
        )

    def subset_users(self, keep: np.ndarray) -> EventLog:
        """The log of the users with ``keep[user_code]`` True, users renumbered, events and times shared.

        Event codes and time ranks stay valid (the event list and ``distinct_times`` are reused), so a
        segment's log is one boolean take of each array, not a re-encoding. The rows' mask is each user's flag
        repeated over their rows (:attr:`user_starts`), not looked up row by row: at 100M events the lookup and
        the take and renumbering of the user codes it replaces were 0.4-0.6 CPU s of each segment.
        """
        counts = np.diff(self.user_starts)
        kept = np.asarray(keep, dtype=bool) & (counts > 0)
        observed = self.day_bounds if self.n_events else None
        return self._take(np.repeat(kept, counts), observed_days=self.observed_days or observed,
                          users=(kept, counts[kept]))

    def until(self, last_day: int) -> EventLog:
        """The log of the events on or before day number ``last_day`` (what the data said back then)."""
        return self._take(self.days <= last_day, observed_days=None)

    def _take(
        self, rows: np.ndarray, *, observed_days: tuple[int, int] | None,
        users: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> EventLog:
        """The rows selected by a boolean mask; users left without rows are dropped and renumbered. ``users``,
        when the caller knows them: which users keep rows and how many each, so their codes are made directly."""
        if users is None:
            user_codes = self.user_codes[rows]
            keep = np.zeros(self.n_users, dtype=bool)
            keep[user_codes] = True
            user_codes = (np.cumsum(keep, dtype=np.int64) - 1).astype(self.user_codes.dtype)[user_codes]
        else:
            keep, counts = users
            user_codes = np.repeat(np.arange(len(counts), dtype=self.user_codes.dtype), counts)
        return EventLog(
            user_codes=user_codes,
            times=self.times[rows],
            event_codes=self.event_codes[rows],
            user_ids=self.user_ids[keep],
            event_names=self.event_names,
            property_columns=lambda: self.properties[rows].reset_index(drop=True),
            rows_in_source=lambda: self.source_rows[rows],
            distinct_times=self.distinct_times,
            time_ranks=self.time_ranks[rows],
            observed_days=observed_days,
        )

    def event_code(self, name: str) -> int:
        """The code of event ``name``; an unknown name is a user error, reported plainly."""
        try:
            return self.event_names.index(name)
        except ValueError:
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "Analysis", "event {name!r} does not occur in the data").format(name=name)) from None
