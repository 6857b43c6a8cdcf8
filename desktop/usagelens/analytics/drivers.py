"""Conversion drivers (design §4): what converted users did or were, compared with those who dropped.

For every event and every attribute value, a 2×2 table (converted/dropped × with/without) gives an odds
ratio and a p-value (Fisher's exact test for small tables, χ² otherwise). This is association, not
causation: the table says which users convert, not why.

Hundreds of features are tested at once, so raw p-values below 5 % turn up by chance alone (9 of 200 on pure
noise): ``significant`` is decided on Benjamini–Hochberg q-values instead, which keep the expected share of
false discoveries among the flagged features at :data:`FDR`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers, user_segments
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.funnels import FunnelProgress, funnel_progress
from usagelens.analytics.kernels import distinct_pairs
from usagelens.analytics.periods import day_range, row_mask_for_days
from usagelens.analytics.stats import two_by_two_p

TESTED_COLUMNS = ["kind", "feature", "converted_with", "dropped_with", "converted_share", "dropped_share",
                  "odds_ratio", "p_value", "test"]  # fmt: skip
COLUMNS = [*TESTED_COLUMNS[:-1], "q_value", "significant", "test"]
FDR = 0.05  # the false discovery rate ``significant`` is decided at


@dataclass(frozen=True)
class Drivers:
    """The drivers' table with the two groups it compares: the users who entered the funnel and those of them
    who converted, counted by the same query, so that a caller need not ask the funnel again."""

    table: pd.DataFrame
    entered: int
    converted: int

    @property
    def dropped(self) -> int:
        return self.entered - self.converted


def feature_rows(
    kind: str,
    names: Sequence[str],
    with_converted: np.ndarray,
    with_dropped: np.ndarray,
    converted: int,
    dropped: int,
) -> list[dict[str, object]]:
    records = []
    for name, a, c in zip(names, with_converted.tolist(), with_dropped.tolist(), strict=True):
        b, d = converted - a, dropped - c
        # Haldane–Anscombe: add ½ to every cell when one is empty, so the ratio stays finite
        cells = [x + 0.5 for x in (a, b, c, d)] if 0 in (a, b, c, d) else [a, b, c, d]
        p_value, test = two_by_two_p(a, b, c, d)
        records.append(
            {"kind": kind, "feature": name, "converted_with": a, "dropped_with": c,
             "converted_share": a / converted if converted else math.nan,
             "dropped_share": c / dropped if dropped else math.nan,
             "odds_ratio": cells[0] * cells[3] / (cells[1] * cells[2]), "p_value": p_value, "test": test}
        )  # fmt: skip
    return records


def funnel_drivers(
    log: EventLog,
    steps: Sequence[str],
    *,
    attributes: Sequence[str] = (),
    customers: Customers | None = None,
    top: int | None = None,
    **options: object,
) -> pd.DataFrame:
    """The table of :func:`conversion_drivers`."""
    return conversion_drivers(log, steps, attributes=attributes, customers=customers, top=top, **options).table


def conversion_drivers(
    log: EventLog,
    steps: Sequence[str],
    *,
    attributes: Sequence[str] = (),
    customers: Customers | None = None,
    top: int | None = None,
    **options: object,
) -> Drivers:
    """Events and attribute values over- or under-represented among users who completed the funnel, with how
    many entered it and converted.

    Users are those who entered the funnel (``options`` as :func:`funnel_progress`); *converted* reached
    the last step. An event counts for a user who did it at least once in the funnel's date range (the
    funnel's own steps are left out). ``attributes`` are customer attributes or event properties (read on
    the entering row); each value is one feature.

    Columns: ``kind`` ("event" or "attribute"), ``feature`` (event name or "attribute = value"),
    ``converted_with``, ``dropped_with`` (int64 users having the feature), ``converted_share``,
    ``dropped_share`` (fractions), ``odds_ratio`` (>1: more common among converters), ``p_value`` (raw),
    ``q_value`` (Benjamini–Hochberg over every feature), ``significant`` (``q_value`` ≤ :data:`FDR`), ``test``
    ("fisher" or "chi2"); most significant first.
    """
    progress: FunnelProgress = funnel_progress(log, steps, **options)  # type: ignore[arg-type]
    is_converted = np.zeros(log.n_users, dtype=bool)
    is_converted[progress.users[progress.reached == len(steps)]] = True
    entered = np.zeros(log.n_users, dtype=bool)
    entered[progress.users] = True
    n_converted = int(is_converted.sum())
    n_dropped = int(entered.sum()) - n_converted

    start, end = options.get("start"), options.get("end")
    rows = row_mask_for_days(log, *day_range(log, start, end)) & entered[log.user_codes]  # type: ignore[arg-type]
    n_codes = len(log.event_names)
    codes, users = distinct_pairs(log.event_codes[rows], log.user_codes[rows], n_codes, log.n_users)
    weights = is_converted[users].astype(np.float64)
    with_converted = np.bincount(codes, weights=weights, minlength=n_codes).astype(np.int64)
    with_any = np.bincount(codes, minlength=n_codes)
    candidates = [c for c in range(n_codes) if log.event_names[c] not in set(steps) and with_any[c] > 0]
    records = feature_rows(
        "event", [log.event_names[c] for c in candidates], with_converted[candidates],
        with_any[candidates] - with_converted[candidates], n_converted, n_dropped,
    )  # fmt: skip

    anchors = np.full(log.n_users, -1, dtype=np.int64)
    anchors[progress.users] = progress.entry_rows
    for attribute in attributes:
        segments = user_segments(log, attribute, anchor_rows=anchors, customers=customers)
        inside = segments.codes >= 0
        counts_converted = np.bincount(segments.codes[inside & is_converted], minlength=segments.n)
        counts_all = np.bincount(segments.codes[inside], minlength=segments.n)
        names = [f"{attribute} = {label}" for label in segments.labels]
        records += feature_rows(
            "attribute", names, counts_converted, counts_all - counts_converted, n_converted, n_dropped
        )
    return Drivers(drivers_table(records, top), n_converted + n_dropped, n_converted)


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg q-values: the i-th smallest of m p-values becomes min over j ≥ i of p_(j)·m/j, at most 1.

    A feature is a discovery at false discovery rate α exactly when its q-value is ≤ α (the step-up rule). A
    missing p-value stays missing and is not counted among the m tests.
    """
    p = np.asarray(p_values, dtype=np.float64)
    q = np.full(len(p), np.nan)
    tested = np.flatnonzero(~np.isnan(p))
    order = tested[np.argsort(p[tested], kind="stable")]
    scaled = p[order] * len(order) / np.arange(1, len(order) + 1)
    q[order] = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    return q


def drivers_table(records: list[dict[str, object]], top: int | None) -> pd.DataFrame:
    """The rows of :func:`feature_rows`, most significant first (then the most lopsided), the first ``top``;
    q-values are over every feature tested, not only the ``top`` shown."""
    table = pd.DataFrame.from_records(records, columns=TESTED_COLUMNS)
    q_values = benjamini_hochberg(table["p_value"].to_numpy(np.float64))
    table = table.assign(q_value=q_values, significant=q_values <= FDR)[COLUMNS]
    table["distance"] = np.abs(np.log(table["odds_ratio"].astype(float)))
    table = table.sort_values(["p_value", "distance"], ascending=[True, False], kind="stable")
    table = table.drop(columns="distance").reset_index(drop=True)
    return table.head(top) if top else table
