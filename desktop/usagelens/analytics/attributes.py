"""Splitting users into segments by a customer attribute or an event property (breakdowns, segments).

A breakdown needs one label per user. A customer attribute (plan, country) comes from the customers
table joined on the user id; an event property (platform) is read on one chosen row per user — the row
that put the user in the analysis (their funnel entry, their cohort start event).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from usagelens.analytics.encoding import as_text
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.eventlog import EventLog
from usagelens.model.translatable import QT_TRANSLATE_NOOP

MISSING_LABEL = "(missing)"
# the same label marked, for the GUI to show a segment of users without a value in the user's language (the
# tables, the CLI and cohort rules keep the plain label, which is a value like any other)
MISSING_SHOWN = QT_TRANSLATE_NOOP("Analysis", "(missing)")


@dataclass(frozen=True)
class Customers:
    """A customers table and the name of its user id column (design §2, source kind ``customers``)."""

    frame: pd.DataFrame
    user: str

    def __post_init__(self) -> None:
        if self.user not in self.frame.columns:
            raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "customers table has no column {column!r}").format(
                column=self.user))

    def has(self, attribute: str) -> bool:
        return attribute in self.frame.columns and attribute != self.user


@dataclass(frozen=True)
class Segments:
    """Per-user segment codes (-1 = user not in the analysis) and their labels."""

    codes: np.ndarray
    labels: np.ndarray

    @property
    def n(self) -> int:
        return len(self.labels)


def sorted_labels(labels: object) -> list[str]:
    """Segment labels in the order every breakdown lists them: text order, ``(missing)`` last (as
    :func:`factorize_with_missing` numbers them)."""
    present = set(labels)  # type: ignore[call-overload]
    return sorted(present - {MISSING_LABEL}) + ([MISSING_LABEL] if MISSING_LABEL in present else [])


def factorize_with_missing(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Text labels sorted, with missing values as an explicit last ``(missing)`` segment."""
    codes, labels = pd.factorize(as_text(values), sort=True)
    labels = np.asarray(labels, dtype=object)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels = np.append(labels, MISSING_LABEL)
    return codes.astype(np.int64), labels


def user_segments(
    log: EventLog, by: str, *, anchor_rows: np.ndarray | None = None, customers: Customers | None = None
) -> Segments:
    """One segment per user from customer attribute ``by`` or, failing that, event property ``by``.

    ``anchor_rows[user]`` is the log row whose property labels the user (-1: the user is not in the
    analysis and gets code -1); without anchors a property is read on each user's first event.
    Users missing from the customers table, or with an empty value, fall into ``(missing)``.
    """
    if customers is not None and customers.has(by):
        table = customers.frame.drop_duplicates(customers.user, keep="last")
        keys = pd.Index(as_text(table[customers.user]))
        position = keys.get_indexer(pd.Index(log.user_ids, dtype=keys.dtype))
        values = pd.Series(table[by].to_numpy(object)[np.maximum(position, 0)]).where(position >= 0)
        rows = np.zeros(log.n_users, dtype=np.int64) if anchor_rows is None else anchor_rows
    elif by in log.properties.columns:
        rows = log.user_starts[:-1] if anchor_rows is None else anchor_rows
        # one value per user taken first: the whole column as Python objects would be 100M of them
        values = pd.Series(log.properties[by].take(np.maximum(rows, 0)).to_numpy(object))
    else:
        where = QT_TRANSLATE_NOOP("Analysis", "customer attribute or event property") if customers is not None \
            else QT_TRANSLATE_NOOP("Analysis", "event property")
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "no {where} named {by!r}").format(where=where, by=by))
    inside = rows >= 0
    codes = np.full(log.n_users, -1, dtype=np.int64)
    codes[inside], labels = factorize_with_missing(values[inside])
    return Segments(codes, labels)
