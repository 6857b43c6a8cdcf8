"""Suspected test and internal users (:mod:`usagelens.cleaning.suspects`) found by queries, equal to pandas'.

The rules stay where they are written: only what they judge leaves the backend, and it is small. A cheap
case-insensitive search picks the user ids and e-mails that could hold a test word (a superset of what the
rule accepts: the backend's regular expressions have no look-behind), and the pandas rule judges those few;
e-mail domains are counted per user on the backend and judged by the pandas rule; volume is judged on the
histogram of events per user, as the report's spread is. Each user gets the reason of its first row in row
order, and the list is ranked on the backend by the pandas sort key, ties in the order pandas met the users
(the stage that first gave a reason, then the user's first row), so only the listed users are fetched.
A reason crosses the backend as its English and is given back its marked text (:class:`Phrase`), so the GUI
says it in the user's language on this path too.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa

from usagelens.cleaning import suspects
from usagelens.cleaning.compiled import values
from usagelens.cleaning.compiled.personal import email_domains
from usagelens.cleaning.outliers import robust_z
from usagelens.cleaning.personal import email_domains as pandas_email_domains
from usagelens.cleaning.suspects import EXTREME_Z, IN_EMAIL, IN_USER_ID, SuspectScan, SuspectUser, volume_reason
from usagelens.model.query_engine import takes_tables
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase

# Every text the test-word rule can match, and more: Python folds ı and İ into i and ſ into s, RE2 does not.
MIGHT_HOLD_TEST_WORD = "(?i)(te[sſ]t|demo|[iıİ]nternal|qa)"
# An e-mail of printable ASCII has the same domain on the backend as in pandas (lower case and whitespace
# agree there); any other goes through the pandas rule itself.
_PLAIN = r"^[\x{20}-\x{7e}]*$"
_USER, _ROW, _REASON, _FIRST, _EVENTS = "u", "r", "why", "first", "n"
_REASONS = pa.schema([("k", pa.string()), (_REASON, pa.string())])
Marked = dict[str, Phrase]  # the reasons sent to the backend, by the English it gives back


def user_rows(table: ir.Table, user: str, order: str, emails: Sequence[str] = ()) -> ir.Table:
    """The rows that have a user: its id as text, the row number, and each e-mail column as stripped text."""
    ids = values.as_text(table[user])
    return table.filter(ids.notnull()).select(
        **{_USER: ids, _ROW: table[order]},
        **{f"e{i}": values.strip(values.as_text(table[name])) for i, name in enumerate(emails)},
    )


def per_user(rows: ir.Table) -> ir.Table:
    """One row per user: its events and its first row (pandas numbers users in that order)."""
    return rows.group_by(_USER).aggregate(**{_EVENTS: ibis._.count(), _FIRST: rows[_ROW].min()})


def sorted_counts(users: ir.Table) -> np.ndarray:
    """Every user's event count, sorted, rebuilt from the histogram (the only part that leaves the backend)."""
    histogram = users.group_by(_EVENTS).aggregate(users=ibis._.count()).order_by(_EVENTS).execute()
    return np.repeat(histogram[_EVENTS].to_numpy(dtype=np.int64), histogram["users"].to_numpy(dtype=np.int64))


def _first_reason(rows: ir.Table, key: ir.Value, why: dict[str, Phrase], marked: Marked) -> ir.Table | None:
    """Users with a row whose ``key`` has a reason in ``why``, each with the reason of its first such row; the
    reasons join ``marked``.

    The reasons go along with the query as a table the rows join, or where that would write to the warehouse
    (:func:`~usagelens.model.query_engine.takes_tables`) as a ``CASE`` in its text."""
    if not why:
        return None
    marked.update((str(reason), reason) for reason in why.values())
    english = {k: str(reason) for k, reason in why.items()}
    if takes_tables(rows):
        reasons = ibis.memtable(pa.table({"k": list(english), _REASON: list(english.values())}, schema=_REASONS))
        keyed = rows.mutate(k_=key)
        matched = keyed.inner_join(reasons, keyed["k_"] == reasons["k"])
    else:
        said = rows.mutate(**{_REASON: key.cases(*english.items())})
        matched = said.filter(said[_REASON].notnull())
    return matched.group_by(_USER).aggregate(**{_REASON: matched[_REASON].argmin(matched[_ROW])})


def _test_words(texts: ir.StringValue, what: Phrase, *, lower: bool = False) -> dict[str, Phrase]:
    """The pandas test-word rule on the distinct texts that might hold a test word, keyed by the text."""
    candidates = texts.name("t").as_table().distinct()
    found = values.fetch(candidates.filter(candidates["t"].re_search(MIGHT_HOLD_TEST_WORD)))["t"]
    found = found.astype("str").reset_index(drop=True)
    words = suspects._test_words(found.str.lower() if lower else found, what)
    return {found[i]: reason for i, reason in words.items()}


def _domains(emails: ir.StringValue) -> ir.StringValue:
    """Each (stripped) e-mail's domain by the pandas rule: on the backend for plain ASCII, else looked up."""
    plain = emails.re_search(_PLAIN)
    listed = emails.name("e").as_table().distinct()
    exotic = values.fetch(listed.filter(~listed["e"].re_search(_PLAIN)).limit(values.LOOKUP_LIMIT + 1))["e"]
    if exotic.empty:
        return email_domains(emails)
    if len(exotic) > values.LOOKUP_LIMIT:
        raise values.CannotCompile(QT_TRANSLATE_NOOP("Quality", "more than {count:,} e-mails are not plain ASCII")
                                   .format(count=values.LOOKUP_LIMIT))
    exotic = exotic.astype("str")
    found = pandas_email_domains(exotic.str.lower())
    pairs = {e: d for e, d in zip(exotic, found, strict=True) if isinstance(d, str)}
    looked_up = ibis.literal(pairs, type="map<string, string>")[emails] if pairs else ibis.null("string")
    return ibis.ifelse(plain, email_domains(emails), looked_up)


def _email_rules(rows: ir.Table, emails: ir.StringValue, own_domains: Sequence[str],
                 marked: Marked) -> list[ir.Table | None]:
    """Test words in the e-mails, then the team's own and outsized company domains (one e-mail column)."""
    words = _first_reason(rows, emails, _test_words(emails, IN_EMAIL, lower=True), marked)
    domains = rows.mutate(d=_domains(emails))
    pairs = domains.filter(domains["d"].notnull()).select(_USER, "d").distinct()
    shared = values.fetch(pairs.group_by("d").aggregate(users=ibis._.count()))
    with_email = int(pairs.select(_USER).distinct().count().execute())
    names = shared["d"].astype("str").reset_index(drop=True)
    why = suspects._domain_reasons(names, shared["users"].to_numpy(dtype=np.int64), with_email, own_domains)
    return [words, _first_reason(domains, domains["d"], {names[code]: reason for code, reason in why.items()},
                                 marked)]


def _volume_floor(counts: np.ndarray) -> int | None:
    """The fewest events that make a user extreme (the robust z rises with the count), None if nobody is."""
    extreme = counts[robust_z(counts) > EXTREME_Z]
    return int(extreme.min()) if len(extreme) else None


def find_suspects(
    table: ir.Table,
    user: str,
    emails: Sequence[str] = (),
    *,
    order: str,
    event_counts: bool = False,
    own_domains: Sequence[str] = (),
    limit: int = 50,
) -> SuspectScan:
    """:func:`usagelens.cleaning.suspects.find_suspects` of ``table``'s ``user`` column and ``emails`` columns,
    with ``order`` the row-number column that stands for pandas' row order."""
    rows = user_rows(table, user, order, emails)
    users = per_user(rows).cache()
    marked: Marked = {}
    rules = [_first_reason(rows, rows[_USER], _test_words(rows[_USER], IN_USER_ID), marked)]
    for i in range(len(emails)):
        rules += _email_rules(rows, rows[f"e{i}"], own_domains, marked)
    counts = sorted_counts(users)
    distribution = suspects.events_per_user(counts) if event_counts else None
    floor = _volume_floor(counts) if distribution is not None else None

    ranked = users
    for i, rule in enumerate(rules):
        if rule is None:
            ranked = ranked.mutate(**{f"w{i}": ibis.null("string")})
            continue
        rule = rule.rename({f"u{i}": _USER, f"w{i}": _REASON})
        ranked = ranked.left_join(rule, ranked[_USER] == rule[f"u{i}"]).drop(f"u{i}")
    said = [ranked[f"w{i}"].notnull() for i in range(len(rules))]
    active = ranked[_EVENTS] >= floor if floor is not None else ibis.literal(False)
    likely = ibis.or_(*said)
    ranked = ranked.mutate(
        likely=likely, active=active,
        reasons=sum((s.cast("int64") for s in said), active.cast("int64")),
        stage=ibis.cases(*((s, i) for i, s in enumerate(said)), else_=len(said)),
    )
    flagged = ranked.filter(ranked["likely"] | ranked["active"])
    totals = flagged.aggregate(likely=flagged["likely"].cast("int64").sum(), all=flagged.count()).execute()
    total_likely, total = int(totals["likely"].fillna(0).iloc[0]), int(totals["all"].fillna(0).iloc[0])
    top = values.fetch(flagged.order_by([flagged["likely"].desc(), flagged["reasons"].desc(),
                                         flagged[_EVENTS].desc(), "stage", _FIRST]).limit(limit))
    listed = [
        SuspectUser(str(row[_USER]), int(row[_EVENTS]) if event_counts else None,
                    _reasons(row, len(rules), distribution, marked), bool(row["likely"]))
        for _, row in top.iterrows()
    ]
    return SuspectScan(listed, total_likely, total - total_likely, distribution)


def _reasons(row: pd.Series, rules: int, distribution: suspects.EventsPerUser | None,
             marked: Marked) -> tuple[str, ...]:
    """A listed user's reasons in the pandas order, marked as pandas marks them."""
    found: list[str] = [marked.get(row[f"w{i}"], row[f"w{i}"]) for i in range(rules) if isinstance(row[f"w{i}"], str)]
    if row["active"] and distribution is not None:
        found.append(volume_reason(int(row[_EVENTS]), distribution.median))
    return tuple(found)
