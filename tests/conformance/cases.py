"""Hand-made event logs with the edge cases metrics get wrong, written once for every executor.

Each case is a frame of ``user_id`` (text), ``timestamp`` (naive UTC, µs) and ``event``, plus a ``plan``
property. Rows are listed in source order, which is the tie-break between events at the same instant.
"""

from __future__ import annotations

import pandas as pd


def frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """``rows`` are ``(user, "YYYY-MM-DD HH:MM[:SS[.ffffff]]", event)``; the plan is the user's first letter."""
    table = pd.DataFrame(rows, columns=["user_id", "timestamp", "event"])
    table["timestamp"] = pd.to_datetime(table["timestamp"], format="ISO8601").astype("datetime64[us]")
    table["user_id"] = table["user_id"].astype(object)
    table["plan"] = table["user_id"].str[:1]
    return table


CASES: dict[str, pd.DataFrame] = {
    # events at the same instant: a view and a cart together, two purchases together, a tie across users
    "ties": frame(
        [
            ("a", "2024-03-04 10:00", "view"),
            ("a", "2024-03-04 10:00", "cart"),
            ("a", "2024-03-04 10:00", "purchase"),
            ("a", "2024-03-04 10:00", "purchase"),
            ("b", "2024-03-04 10:00", "cart"),
            ("b", "2024-03-04 10:00", "view"),
            ("b", "2024-03-05 09:00", "purchase"),
            ("c", "2024-03-05 12:00", "view"),
            ("c", "2024-03-05 12:00", "view"),
            ("c", "2024-03-05 12:00", "cart"),
        ]
    ),
    # purchase -> purchase needs two rows; one row never fills two steps
    "repeats": frame(
        [
            ("once", "2024-03-04 09:00", "view"),
            ("once", "2024-03-04 09:10", "purchase"),
            ("twice", "2024-03-04 09:00", "purchase"),
            ("twice", "2024-03-06 09:00", "view"),
            ("twice", "2024-03-07 09:00", "purchase"),
            ("same", "2024-03-05 09:00", "purchase"),
            ("same", "2024-03-05 09:00", "purchase"),
            ("thrice", "2024-03-04 08:00", "view"),
            ("thrice", "2024-03-04 08:00", "purchase"),
            ("thrice", "2024-03-04 08:30", "view"),
            ("thrice", "2024-03-04 09:00", "purchase"),
            ("thrice", "2024-03-04 09:00", "purchase"),
        ]
    ),
    # the 1-day window: exactly 24 h counts, one microsecond more does not; an exclusion at a step's instant
    "window_edge": frame(
        [
            ("in", "2024-03-04 10:00:00", "signup"),
            ("in", "2024-03-05 10:00:00", "purchase"),
            ("out", "2024-03-04 10:00:00", "signup"),
            ("out", "2024-03-05 10:00:00.000001", "purchase"),
            ("excl", "2024-03-04 10:00:00", "signup"),
            ("excl", "2024-03-04 11:00:00", "refund"),
            ("excl", "2024-03-04 12:00:00", "purchase"),
            ("edge", "2024-03-04 10:00:00", "signup"),
            ("edge", "2024-03-04 10:00:00", "refund"),
            ("edge", "2024-03-04 12:00:00", "refund"),
            ("edge", "2024-03-04 12:00:00", "purchase"),
        ]
    ),
    # users with a single event each, on different days and weeks
    "single": frame(
        [
            ("u1", "2024-03-04 00:00", "signup"),
            ("u2", "2024-03-12 23:59", "purchase"),
            ("u3", "2024-04-01 12:00", "signup"),
        ]
    ),
    # microseconds across midnight, a Sunday and the Monday after it, a month end
    "microseconds": frame(
        [
            ("m", "2024-03-10 23:59:59.999999", "view"),
            ("m", "2024-03-11 00:00:00.000000", "purchase"),
            ("m", "2024-03-31 23:59:59.999999", "view"),
            ("n", "2024-03-11 00:00:00.000001", "view"),
            ("n", "2024-03-11 00:00:00.000002", "purchase"),
            ("n", "2024-04-01 00:00:00.000000", "view"),
        ]
    ),
    # ids are text: 007 and 7 are two users
    "ids": frame(
        [
            ("007", "2024-03-04 10:00", "signup"),
            ("7", "2024-03-04 11:00", "signup"),
            ("7", "2024-03-05 11:00", "purchase"),
            ("007", "2024-03-12 10:00", "purchase"),
            ("07", "2024-03-12 10:00", "signup"),
        ]
    ),
    # ISO weeks over a year end (2020 has a week 53), a leap day, gaps that make users dormant and resurrect
    "calendar": frame(
        [
            ("x", "2020-12-27 12:00", "signup"),
            ("x", "2020-12-28 12:00", "view"),
            ("x", "2021-01-03 12:00", "view"),
            ("x", "2021-01-04 00:00", "purchase"),
            ("x", "2021-02-28 12:00", "view"),
            ("y", "2020-12-31 23:00", "signup"),
            ("y", "2021-01-18 08:00", "view"),
            ("y", "2021-03-01 08:00", "view"),
            ("z", "2021-01-01 00:00", "signup"),
            ("z", "2021-01-02 00:00", "view"),
            ("z", "2021-01-25 00:00", "view"),
            ("z", "2021-01-26 00:00", "purchase"),
        ]
    ),
    # before and across the Unix epoch: negative times must floor to their day, week and month
    "epoch": frame(
        [
            ("p", "1969-12-28 23:59:59.999999", "signup"),
            ("p", "1969-12-29 00:00:00", "view"),
            ("p", "1969-12-31 23:59:59.999999", "purchase"),
            ("q", "1970-01-01 00:00:00", "signup"),
            ("q", "1970-01-01 00:00:00", "view"),
            ("q", "1970-01-05 00:00:00.000001", "purchase"),
        ]
    ),
    "empty": frame([]),
}

# customer attributes for breakdowns: a user listed twice (the last row counts), blank and missing values,
# users of the cases without a row, and the text ids 007 and 7 apart
CUSTOMERS = pd.DataFrame(
    {
        "user_id": ["a", "b", "a", "007", "7", "twice", "same", "in", "out", "excl", "x", "y", "p"],
        "tier": ["gold", "free", "silver", "gold", " ", "free", None, "gold", "gold", "free", "free", "gold", "free"],
    }
).astype(object)
