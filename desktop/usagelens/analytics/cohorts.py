"""Cohorts on the encoded event log: which users a cohort's conditions select, as a boolean mask per user.

A cohort filters an analysis with :meth:`EventLog.subset_users` (the analysis then sees only its members, over
the whole log's days) and breaks one down as a two-valued attribute. Each rule is one vectorised pass: a
``bincount`` of an event's rows, each user's first row, :func:`funnel_progress`, or a label lookup; rules
combine with ``&`` (all) or ``|`` (any). The Ibis definition of the same name
(:mod:`usagelens.analytics.definitions.cohorts`) gives the same members on a database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import Customers, user_segments
from usagelens.analytics.cohort_rules import (
    AttributeRule,
    CohortRules,
    EventCountRule,
    FirstSeenRule,
    FunnelRule,
    Rule,
    matching_labels,
    read_rules,
)
from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.funnels import funnel_progress
from usagelens.analytics.periods import day_range


def cohort_mask(
    log: EventLog, conditions: Sequence[Mapping[str, Any]], *, match: str = "all", customers: Customers | None = None
) -> np.ndarray:
    """``mask[user_code]``: whether the user matches ``all`` (or ``any``) of the cohort's conditions (their
    plain form, see :mod:`.cohort_rules`); :class:`AnalysisError` for a condition that cannot be asked."""
    return rules_mask(log, read_rules(conditions, match), customers)


def rules_mask(log: EventLog, rules: CohortRules, customers: Customers | None = None) -> np.ndarray:
    """:func:`cohort_mask` of rules already read."""
    masks = [_mask(log, rule, customers) for rule in rules.rules]
    return np.logical_and.reduce(masks) if rules.match == "all" else np.logical_or.reduce(masks)


def cohort_members(
    log: EventLog, conditions: Sequence[Mapping[str, Any]], *, match: str = "all", customers: Customers | None = None
) -> pd.DataFrame:
    """The members' ids, sorted: one column ``user_id`` (text). The table both executors agree on."""
    mask = cohort_mask(log, conditions, match=match, customers=customers)
    return pd.DataFrame({"user_id": pd.Series(log.user_ids[mask], dtype=object)})


def listed_but_absent(log: EventLog, conditions: Sequence[Mapping[str, Any]]) -> int:
    """How many ids of the cohort's user lists are not in the log (users since removed, or another export)."""
    listed = {uid for c in conditions if c.get("kind") == "users" for uid in c.get("user_ids") or ()}
    return len(listed) - int(pd.Index(log.user_ids).isin(list(listed)).sum()) if listed else 0


def _mask(log: EventLog, rule: Rule, customers: Customers | None) -> np.ndarray:
    if isinstance(rule, AttributeRule):
        last = log.user_starts[1:] - 1 if rule.last else None
        segments = user_segments(log, rule.attribute, anchor_rows=last, customers=customers)
        return matching_labels(rule, segments.labels)[segments.codes] if segments.n else np.zeros(log.n_users, bool)
    if isinstance(rule, EventCountRule):
        first, last = day_range(log, rule.start, rule.end)
        days = log.days
        rows = (days >= first) & (days <= last)
        if rule.event is not None:
            rows &= log.event_codes == log.event_code(rule.event)
        counts = np.bincount(log.user_codes[rows], minlength=log.n_users)
        inside = counts >= rule.at_least
        return inside if rule.at_most is None else inside & (counts <= rule.at_most)
    if isinstance(rule, FirstSeenRule):
        if rule.event is None:
            users, rows = np.arange(log.n_users), log.user_starts[:-1]
        else:
            rows = np.flatnonzero(log.event_codes == log.event_code(rule.event))
            users = log.user_codes[rows]
            first = np.ones(len(rows), dtype=bool)
            first[1:] = users[1:] != users[:-1]  # rows are sorted by user then time
            users, rows = users[first], rows[first]
        lo, hi = day_range(log, rule.start, rule.end)
        days = log.days[rows]
        mask = np.zeros(log.n_users, dtype=bool)
        mask[users[(days >= lo) & (days <= hi)]] = True
        return mask
    if isinstance(rule, FunnelRule):
        progress = funnel_progress(log, rule.steps, order=rule.order, window=rule.window, exclude=rule.exclude,
                                   start=rule.start, end=rule.end)
        mask = np.zeros(log.n_users, dtype=bool)
        mask[progress.users[progress.reached == rule.step]] = True
        return mask
    listed = pd.Index(log.user_ids).isin(list(rule.user_ids))
    return ~listed if rule.outside else listed


def in_cohort(
    log: EventLog, conditions: Sequence[Mapping[str, Any]], *, match: str = "all", customers: Customers | None = None
) -> EventLog:
    """The log of the cohort's members over the whole log's days: what an analysis filtered to it reads."""
    return log.subset_users(cohort_mask(log, conditions, match=match, customers=customers))
