"""Finding accounts that are probably not real customers: test, demo, QA and internal users.

Each rule works on the distinct users (or distinct emails), never row by row, and says why it fired, so
the product owner can judge each suspect and turn the ones they agree with into an ``exclude_users`` step.

A name or an e-mail address makes a user a likely test account. Volume alone never does: in a purchase
export the users far above everyone are the best customers (on one real export the 1.7 % of customers a
volume rule called test users paid 17 % of the revenue). So volume is no reason at all outside event logs,
and in an event log a user who is only unusually active is a note to look at, never offered for exclusion
by default.

Each reason is a marked text (:mod:`usagelens.model.translatable`): the CLI and the tests read its English, the
GUI says it in the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from usagelens.cleaning.outliers import robust_z
from usagelens.cleaning.personal import email_domains
from usagelens.cleaning.values import as_text
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase

TEST_WORDS = r"(?i)(?<![a-z])(test|demo|internal|qa(?![a-z]))"
EXTREME_Z = 6.0
# A company domain shared by 30–80% of users looks like the team itself; above that it is the customer
# base (an internal tool), so everyone would be flagged and nobody helped.
OUTSIZED_SHARE, UNIFORM_SHARE = 0.3, 0.8
OUTSIZED_MIN_USERS = 5
PUBLIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com",
    "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de",
    "yandex.ru", "mail.ru", "qq.com", "163.com",
})
# what a test word in a user id or an e-mail says, by the ``what`` :func:`_test_words` is given
IN_USER_ID = QT_TRANSLATE_NOOP("Suspects", "user id contains '{word}'")
IN_EMAIL = QT_TRANSLATE_NOOP("Suspects", "email contains '{word}'")


@dataclass(frozen=True)
class SuspectUser:
    user_id: str
    events: int | None  # events in the log (None outside event sources)
    reasons: tuple[str, ...]
    likely: bool = True  # a name or e-mail rule fired; False: only unusually active (a note, not a verdict)


@dataclass(frozen=True)
class EventsPerUser:
    """How many events users have: the spread that tells a bot from a power user."""

    users: int
    min: int
    median: float
    p90: float
    max: int


@dataclass(frozen=True)
class SuspectScan:
    """What :func:`find_suspects` found: the users to show and how many of each kind there are in all."""

    users: list[SuspectUser]  # likely test accounts first, then the unusually active; at most ``limit``
    likely: int  # users a name or e-mail rule marks as test/internal
    unusually_active: int  # users whose only mark is their volume (event logs only)
    events_per_user: EventsPerUser | None  # for event logs


Reasons = dict[int, list[Phrase]]  # user code -> why that user looks suspicious


def _add_by_rows(
    reasons: Reasons, user_codes: np.ndarray, row_keys: np.ndarray, why: Mapping[int, Phrase]
) -> None:
    """Users with a row whose key (an email or domain code) has a reason get that reason, once."""
    if not why:
        return
    rows = np.flatnonzero(np.isin(row_keys, np.fromiter(why, dtype=np.int64)) & (user_codes >= 0))
    users, first = np.unique(user_codes[rows], return_index=True)
    for user, key in zip(users, row_keys[rows[first]], strict=True):
        reasons.setdefault(int(user), []).append(why[int(key)])


def events_per_user(counts: np.ndarray) -> EventsPerUser | None:
    """The distribution of per-user event counts; None without users."""
    if len(counts) == 0:
        return None
    return EventsPerUser(len(counts), int(counts.min()), float(np.median(counts)),
                         float(np.percentile(counts, 90)), int(counts.max()))


def _test_words(texts: pd.Series, what: Phrase) -> dict[int, Phrase]:
    """Positions of texts containing a test word, with ``what`` (:data:`IN_USER_ID`, :data:`IN_EMAIL`) naming
    the word."""
    words = texts.str.extract(TEST_WORDS, expand=False).str.lower().fillna("").tolist()
    return {i: what.format(word=word) for i, word in enumerate(words) if word}


def volume_reason(events: int, median: float) -> Phrase:
    """Why a user far above everyone is listed: its events, and how many times the median user's."""
    return QT_TRANSLATE_NOOP("Suspects", "{events:,} events ({times:,.0f}× the median user)").format(
        events=events, times=events / median)


def _domain_reasons(domains: pd.Series, users_per_domain: np.ndarray, users_with_email: int,
                    own_domains: Sequence[str]) -> dict[int, Phrase]:
    own = {d.strip().lower().lstrip("@") for d in own_domains}
    why = {}
    for code, domain in enumerate(domains):
        share = users_per_domain[code] / max(users_with_email, 1)
        if domain in own:
            why[code] = QT_TRANSLATE_NOOP("Suspects", "email at {domain} (your own domain)").format(domain=domain)
        elif (domain not in PUBLIC_DOMAINS and OUTSIZED_SHARE <= share <= UNIFORM_SHARE
              and users_per_domain[code] >= OUTSIZED_MIN_USERS):
            why[code] = QT_TRANSLATE_NOOP("Suspects", "email at {domain}, the domain of {share:.0%} of users").format(
                domain=domain, share=share)
    return why


def _email_rules(
    reasons: Reasons, user_codes: np.ndarray, emails: pd.Series, own_domains: Sequence[str]
) -> None:
    """Test words in emails, the team's own domains, and one company domain shared by too many users."""
    raw_codes, raw_uniques = pd.factorize(emails)  # normalise the distinct emails, not every row
    tidy_codes, unique_emails = pd.factorize(pd.Series(raw_uniques).astype("str").str.strip().str.lower())
    email_codes = np.where(raw_codes >= 0, tidy_codes.take(raw_codes, mode="clip"), -1)
    tidy_emails = pd.Series(unique_emails, dtype="str")
    _add_by_rows(reasons, user_codes, email_codes, _test_words(tidy_emails, IN_EMAIL))

    domain_codes, domains = pd.factorize(email_domains(tidy_emails))
    row_domains = np.where(email_codes >= 0, domain_codes.take(email_codes, mode="clip"), -1)
    known = (row_domains >= 0) & (user_codes >= 0)
    width = max(len(domains), 1)
    pairs = np.unique(user_codes[known].astype(np.int64) * width + row_domains[known])
    users_per_domain = np.bincount(pairs % width, minlength=len(domains))
    users_with_email = len(np.unique(pairs // width))
    why = _domain_reasons(pd.Series(domains, dtype="str"), users_per_domain, users_with_email, own_domains)
    _add_by_rows(reasons, user_codes, row_domains, why)


def find_suspects(
    user_ids: pd.Series,
    emails: Sequence[pd.Series] = (),
    *,
    event_counts: bool = False,
    own_domains: Sequence[str] = (),
    limit: int = 50,
) -> SuspectScan:
    """Suspected test/internal users, strongest first. Only when the rows are events (``event_counts``) is
    volume looked at: a user far above everyone gets it as a reason, and one with no other reason is listed as
    unusually active (``likely`` False)."""
    user_codes, user_names = pd.factorize(as_text(user_ids))
    reasons: Reasons = {}
    for user, reason in _test_words(pd.Series(user_names, dtype="str"), IN_USER_ID).items():
        reasons[user] = [reason]
    for column in emails:
        _email_rules(reasons, user_codes, column, own_domains)
    likely = set(reasons)

    counts = np.bincount(user_codes[user_codes >= 0], minlength=len(user_names))
    distribution = events_per_user(counts) if event_counts else None
    if distribution is not None:
        z = robust_z(counts)
        for user in np.flatnonzero(z > EXTREME_Z):
            reasons.setdefault(int(user), []).append(volume_reason(int(counts[user]), distribution.median))

    order = sorted(reasons, key=lambda u: (u not in likely, -len(reasons[u]), -counts[u]))
    top = [
        SuspectUser(str(user_names[u]), int(counts[u]) if event_counts else None, tuple(reasons[u]), u in likely)
        for u in order[:limit]
    ]
    return SuspectScan(top, len(likely), len(reasons) - len(likely), distribution)
