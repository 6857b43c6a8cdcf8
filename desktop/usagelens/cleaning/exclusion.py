"""What excluding some users takes with them: their share of the users, of the rows and, in a revenue
source, of the money in each currency.

Said before an exclusion is confirmed, because the users a rule suspects can be the ones who matter most:
on one real purchase export, a volume rule's "test users" were 1.7 % of the customers and 17 % of the revenue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from usagelens.cleaning.values import as_text, to_number
from usagelens.model import Source, SourceKind, currency_codes
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, joined, plural

ROW_NOUNS = {SourceKind.EVENTS: "event", SourceKind.REVENUE: "payment", SourceKind.FEEDBACK: "answer"}
USERS = (QT_TRANSLATE_NOOP("Exclusion", "{count:,} user"), QT_TRANSLATE_NOOP("Exclusion", "{count:,} users"))
ROWS_OF = {  # a count of rows in the words of what one row is (ROW_NOUNS)
    "event": (QT_TRANSLATE_NOOP("Exclusion", "{count:,} event"), QT_TRANSLATE_NOOP("Exclusion", "{count:,} events")),
    "payment": (QT_TRANSLATE_NOOP("Exclusion", "{count:,} payment"),
                QT_TRANSLATE_NOOP("Exclusion", "{count:,} payments")),
    "answer": (QT_TRANSLATE_NOOP("Exclusion", "{count:,} answer"), QT_TRANSLATE_NOOP("Exclusion", "{count:,} answers")),
    "row": (QT_TRANSLATE_NOOP("Exclusion", "{count:,} row"), QT_TRANSLATE_NOOP("Exclusion", "{count:,} rows")),
}


@dataclass(frozen=True)
class UserWeights:
    """The rows (and money per currency) of some candidate users, with the table's totals: the share of any
    selection of them is then a sum, cheap enough to work out on the UI thread as the selection changes."""

    noun: str  # what one row is: event, payment, answer, row
    per_user: pd.DataFrame  # index user id; column "rows", plus one column per currency code in revenue sources
    total_users: int
    total_rows: int
    total_money: pd.Series  # revenue per currency code ("" when unnamed); empty outside revenue sources

    def describe(self, users: Sequence[str]) -> str:
        """One sentence: how many users, rows and how much of each currency's revenue go with ``users`` (marked:
        the GUI says it in the user's language, with its numbers as the locale writes them)."""
        picked = self.per_user.reindex(list(dict.fromkeys(users))).fillna(0.0)
        rows = int(picked["rows"].sum())
        who = QT_TRANSLATE_NOOP("Exclusion", "{users} ({share} of {total:,}) with {rows:,} of {all_rows} ({row_share})"
                                ).format(users=plural(len(picked), *USERS), share=_share(len(picked), self.total_users),
                                         total=self.total_users, rows=rows,
                                         all_rows=plural(self.total_rows, *ROWS_OF[self.noun]),
                                         row_share=_share(rows, self.total_rows))
        money = [(QT_TRANSLATE_NOOP("Exclusion", "{share} of the {code} revenue ({part:,.2f} of {total:,.2f} {code})")
                  if code else QT_TRANSLATE_NOOP("Exclusion", "{share} of the revenue ({part:,.2f} of {total:,.2f})"))
                 .format(share=_share(picked[code].sum(), total), code=code, part=picked[code].sum(), total=total)
                 for code, total in self.total_money.items()]
        if money:
            return QT_TRANSLATE_NOOP("Exclusion", "{who}, paying {money}.").format(who=who, money=joined(money, ", "))
        return QT_TRANSLATE_NOOP("Exclusion", "{who}.").format(who=who)


def _share(part: float, whole: float) -> str:
    """``1.7%`` (with the locale's decimal point in the GUI), or a dash where there is no whole."""
    return Phrase("", "{share:.1%}", {"share": part / whole}) if whole else "–"


def user_weights(source: Source, frame: pd.DataFrame, users: Sequence[str]) -> UserWeights | None:
    """The weights of ``users`` in ``frame`` (a table of ``source``); None when it has no user column."""
    user_column = source.column("user_id")
    if user_column not in frame.columns:
        return None
    ids = as_text(frame[user_column])
    mask = ids.isin(list(users)).to_numpy()
    picked = pd.DataFrame({"user": ids[mask], "rows": 1})
    total_money = pd.Series(dtype=float)
    amount_column, currency_column = source.column("amount"), source.column("currency")
    if source.kind is SourceKind.REVENUE and amount_column in frame.columns:
        amounts = to_number(frame[amount_column]).fillna(0.0)
        codes = (currency_codes(frame[currency_column]) if currency_column in frame.columns
                 else pd.Series("", index=frame.index))
        total_money = amounts.groupby(codes).sum()
        for code in total_money.index:
            picked[code] = amounts[mask].where(codes[mask] == code, 0.0)
    return UserWeights(ROW_NOUNS.get(source.kind, "row"), picked.groupby("user").sum(), int(ids.nunique()),
                       len(frame), total_money)
