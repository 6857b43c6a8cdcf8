"""Steps that act on the roles of an event log: excluding users and renaming (merging) events.

They find the user and event columns through the source's roles when their parameters do not name one,
so a recipe keeps working when the user re-maps roles after a refresh.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from usagelens.cleaning.personal import email_columns, email_domains
from usagelens.cleaning.steps import (
    NO_EMAIL_COLUMN,
    NO_USER_COLUMN,
    Param,
    Params,
    StepContext,
    StepError,
    listed,
    quoted,
    step_kind,
)
from usagelens.cleaning.values import as_text
from usagelens.model.translatable import QT_TRANSLATE_NOOP, plural


def _describe_exclude(params: Params) -> str:
    parts: list[str] = []  # each marked, joined by a marked "and", so the GUI says the whole in the user's language
    if params.get("users"):
        parts.append(plural(len(params["users"]), QT_TRANSLATE_NOOP("StepKind", "{count:,} user"),
                            QT_TRANSLATE_NOOP("StepKind", "{count:,} users")))
    if params.get("pattern"):
        parts.append(QT_TRANSLATE_NOOP("StepKind", "users matching '{pattern}'").format(pattern=str(params["pattern"])))
    if params.get("domains"):
        parts.append(QT_TRANSLATE_NOOP("StepKind", "users with email at {domains}").format(
            domains=listed(params["domains"])))
    whom = parts[0] if parts else ""
    for part in parts[1:]:
        whom = QT_TRANSLATE_NOOP("StepKind", "{first} and {second}").format(first=whom, second=part)
    reason = params.get("reason")
    if reason:
        return QT_TRANSLATE_NOOP("StepKind", "Exclude {whom} ({reason})").format(whom=whom, reason=str(reason))
    return QT_TRANSLATE_NOOP("StepKind", "Exclude {whom}").format(whom=whom)


def _exclude_rules(params: Params, columns: Sequence[str] | None) -> str | None:
    if not (params.get("users") or params.get("pattern") or params.get("domains")):
        return QT_TRANSLATE_NOOP("StepKind", "Name the users to exclude, a pattern or an email domain")
    return None


def pattern_regex(pattern: str) -> str:
    """A user's pattern as a case-insensitive regex: ``*``/``?`` wildcards match the whole value, plain text
    matches anywhere in it (``test`` finds ``qa-test-7``)."""
    if not any(ch in pattern for ch in "*?"):
        return "(?i)" + re.escape(pattern)
    # built by hand rather than with fnmatch.translate, whose atomic groups the Arrow (RE2) engine rejects
    parts = {"*": ".*", "?": "."}
    return "(?i)^" + "".join(parts.get(ch) or re.escape(ch) for ch in pattern) + "$"


def _emails(frame: pd.DataFrame, params: Params, *, required: bool) -> pd.Series | None:
    """The email column named in the step, else the first one that looks like emails."""
    name = params.get("email_column") or next(iter(email_columns(frame)), None)
    if name is None and required:
        raise StepError(NO_EMAIL_COLUMN)
    return None if name is None else frame[name]


def _flagged_rows(frame: pd.DataFrame, params: Params, users: pd.Series | None) -> np.ndarray:
    """Rows that match any rule of the step, before widening to every row of a matched user."""
    flagged = np.zeros(len(frame), dtype=bool)
    if users is not None and params.get("users"):
        flagged |= users.isin([str(u) for u in params["users"]]).to_numpy()
    emails = None
    if params.get("pattern") or params.get("domains"):
        emails = _emails(frame, params, required=bool(params.get("domains")))
    if params.get("pattern"):
        regex = pattern_regex(str(params["pattern"]))
        for values in (users, emails):
            if values is not None:
                flagged |= as_text(values).str.contains(regex, regex=True).fillna(False).to_numpy(dtype=bool)
    if params.get("domains") and emails is not None:
        wanted = tuple(d.strip().lower().lstrip("@") for d in params["domains"])
        domains = email_domains(emails)
        subdomain = domains.str.endswith(tuple("." + d for d in wanted))
        flagged |= (domains.isin(wanted) | subdomain).fillna(False).to_numpy(dtype=bool)
    return flagged


@step_kind(
    "exclude_users", QT_TRANSLATE_NOOP("StepKind", "Exclude users"),
    Param("column", "column"),
    Param("users", "values"),
    Param("pattern", "text"),
    Param("domains", "texts"),
    Param("email_column", "column"),
    Param("reason", "text"),
    summary=_describe_exclude,
    rules=_exclude_rules,
)
def exclude_users(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Drop every row of listed users and of users whose id or email matches a pattern or domain.

    A match on any one row excludes all of that user's rows, so a test account whose email appears once
    in a customer export is gone from the whole event log. Without a user column, only matching rows go.
    """
    users = None
    if params.get("column") or context.roles.get("user_id"):
        users = as_text(frame[context.role_column(frame, params, "column", "user_id")])
    elif params.get("users"):
        raise StepError(NO_USER_COLUMN)
    flagged = _flagged_rows(frame, params, users)
    if users is not None:
        matched = users[flagged].dropna().unique()
        flagged |= users.isin(matched).to_numpy()
        context.note(excluded_note(len(matched)))
    return frame[~flagged]


def excluded_note(users: int) -> str:
    """The note of an exclusion, the same on both paths (this one and the database's)."""
    return plural(users, QT_TRANSLATE_NOOP("StepKind", "Excluded {count:,} user"),
                  QT_TRANSLATE_NOOP("StepKind", "Excluded {count:,} users"))


def absent_note(absent: list[str]) -> str:
    """The note of a renaming whose old names are not in the data, the same on both paths."""
    return QT_TRANSLATE_NOOP("StepKind", "Not in the data: {events}").format(events=quoted(absent))


def _describe_rename_events(params: Params) -> str:
    mapping = params["mapping"]
    targets = set(mapping.values())
    if len(mapping) > 1 and len(targets) == 1:
        return QT_TRANSLATE_NOOP("StepKind", "Merge events {events} → '{target}'").format(events=quoted(mapping),
                                                                                          target=str(targets.pop()))
    pairs = [f"'{old}' → '{new}'" for old, new in mapping.items()]
    if len(pairs) == 1:
        return QT_TRANSLATE_NOOP("StepKind", "Rename event {pair}").format(pair=pairs[0])
    return QT_TRANSLATE_NOOP("StepKind", "Rename events: {pairs}").format(pairs=listed(pairs))


@step_kind(
    "rename_events", QT_TRANSLATE_NOOP("StepKind", "Rename or merge events"),
    Param("mapping", "text_map", required=True),
    Param("column", "column"),
    summary=_describe_rename_events,
)
def rename_events(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Give events readable names; mapping several names to one merges them (``Sign Up``, ``signup``)."""
    name = context.role_column(frame, params, "column", "event")
    mapping = dict(params["mapping"])
    events = as_text(frame[name])
    absent = sorted(set(mapping) - set(events.dropna().unique()))
    if absent:
        context.note(absent_note(absent))
    out = frame.copy(deep=False)
    out[name] = events.replace(mapping)
    return out
