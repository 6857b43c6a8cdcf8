"""Themes of customer feedback: keyword rules the user edits turn free-text comments into counts and quotes.

A comment belongs to every theme one of whose keywords it contains (case-insensitive, whole words or word
starts, so "crash" also finds "crashes" but "ice" does not find "price"). Rules are plain data on the project
(``ThemeRule``), so the counts re-compute on refreshed survey exports.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from usagelens.model import ThemeRule
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase

QUOTES_PER_THEME = 3
MAX_QUOTE_CHARS = 220

NO_THEME = QT_TRANSLATE_NOOP("Themes", "(no theme)")  # the row of comments no rule matched
# Keywords in English and German: the app speaks both, and a product's comments come in its customers' language
# whatever the language of the app reading them.
STARTER_THEMES: tuple[tuple[Phrase, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Themes", "Crashes & errors"),
     ("crash", "error", "bug", "freez", "absturz", "abstürz", "abgestürzt", "stürzt", "fehler", "hängt sich",
      "friert", "eingefroren")),
    (QT_TRANSLATE_NOOP("Themes", "Price"), ("price", "expensive", "cost", "€", "$", "preis", "teuer", "kosten")),
    (QT_TRANSLATE_NOOP("Themes", "Exports & reports"),
     ("export", "report", "pdf", "excel", "bericht", "auswertung")),
    (QT_TRANSLATE_NOOP("Themes", "Onboarding"),
     ("onboarding", "getting started", "confus", "learn", "einstieg", "verwirr", "kompliziert", "anleitung",
      "erste schritte")),
    (QT_TRANSLATE_NOOP("Themes", "Reminders"),
     ("reminder", "notification", "deadline", "erinner", "benachrichtig", "frist")),
)
# the theme column's own words (not the user's theme names), which the GUI shows in the user's language
THEME_WORDS: dict[str, Phrase] = {str(word): word for word in (NO_THEME, *(name for name, _ in STARTER_THEMES))}


def theme_word(name: str) -> str:
    """A theme's name for a chart or a sentence: marked where it is one of the app's own words (a starter theme's
    name, "(no theme)"), so the GUI says it in the user's language; the user's own names as they are."""
    return THEME_WORDS.get(name, name)


def starter_rules() -> list[ThemeRule]:
    """Common SaaS feedback themes, a starting point the user edits."""
    return [ThemeRule(name, list(words)) for name, words in STARTER_THEMES]


def _pattern(keywords: list[str]) -> re.Pattern[str] | None:
    words = [k.strip() for k in keywords if k.strip()]
    if not words:
        return None
    # A keyword starting with a letter or digit must start a word; symbols such as € match anywhere.
    parts = [(r"\b" if re.match(r"\w", w) else "") + re.escape(w) for w in words]
    return re.compile("|".join(parts), re.IGNORECASE)


def parse_keywords(text: str) -> list[str]:
    """Keywords as the user types them: separated by commas."""
    return [part.strip() for part in text.split(",") if part.strip()]


def theme_mask(comments: pd.Series, rule: ThemeRule) -> pd.Series:
    """Which comments belong to the theme."""
    pattern = _pattern(rule.keywords)
    text = comments.fillna("").astype(str)
    if pattern is None:
        return pd.Series(False, index=comments.index)
    return text.str.contains(pattern, regex=True)


def search_comments(comments: pd.Series, query: str) -> pd.Series:
    """The non-empty comments containing every word of ``query`` (case-insensitive)."""
    text = comments.fillna("").astype(str).str.strip()
    keep = text != ""
    for word in query.split():
        keep &= text.str.contains(re.escape(word), case=False, regex=True)
    return text[keep]


def as_quote(text: str) -> str:
    """A comment as it is cited: whitespace folded, long ones shortened with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE_CHARS else text[: MAX_QUOTE_CHARS - 1].rstrip() + "…"


def _sample(text: pd.Series, count: int) -> list[str]:
    """The first ``count`` different comments (many answers repeat a stock phrase)."""
    distinct = text[~text.str.lower().duplicated()]
    return [as_quote(t) for t in distinct.head(count)]


def theme_summary(comments: pd.Series, rules: list[ThemeRule], *, quotes: int = QUOTES_PER_THEME) -> pd.DataFrame:
    """Per theme: comments that mention it, their share of all non-empty comments, and sample quotes
    (the first ones in the data, so the sample is stable across runs).

    Columns: ``theme``, ``comments`` (int64), ``share``, ``quotes`` (list of str); most mentioned first,
    then a row "(no theme)" for comments no rule matched.
    """
    text = comments.fillna("").astype(str).str.strip()
    text = text[text != ""]
    total = len(text)
    records, matched = [], pd.Series(False, index=text.index)
    for rule in rules:
        mask = theme_mask(text, rule)
        matched |= mask
        records.append({"theme": rule.name, "comments": int(mask.sum()), "quotes": _sample(text[mask], quotes)})
    records.sort(key=lambda r: -r["comments"])
    records.append(
        {"theme": NO_THEME, "comments": int((~matched).sum()), "quotes": _sample(text[~matched], quotes)}
    )
    table = pd.DataFrame.from_records(records, columns=["theme", "comments", "quotes"])
    table["comments"] = table["comments"].astype("int64")
    table.insert(2, "share", table["comments"] / total if total else float("nan"))
    return table


def themes_by_group(comments: pd.Series, groups: pd.Series, rules: list[ThemeRule],
                    order: list[object] | None = None) -> pd.DataFrame:
    """Per group (a period's start, a score band…) and theme: the non-empty comments that mention the theme and
    their share of the group's non-empty comments — how a theme grows or fades, or who raises it.

    ``order`` lists the groups to show (default: those present, sorted); a comment without a group is left out.
    Columns: ``group``, ``theme`` (the rules' order, then "(no theme)"), ``comments`` (int64), ``share``,
    ``group_comments`` (int64).
    """
    text = comments.fillna("").astype(str).str.strip().reset_index(drop=True)
    keys = groups.reset_index(drop=True)
    kept = (text != "") & keys.notna()
    text, keys = text[kept], keys[kept]
    masks = {rule.name: theme_mask(text, rule) for rule in rules}
    masks[NO_THEME] = ~pd.concat(list(masks.values()), axis=1).any(axis=1) if masks else pd.Series(True, text.index)
    rows = []
    for group in order if order is not None else sorted(keys.unique()):
        inside = (keys == group).to_numpy()
        total = int(inside.sum())
        for theme, mask in masks.items():
            hits = int((mask.to_numpy() & inside).sum())
            rows.append({"group": group, "theme": theme, "comments": hits, "share": hits / total if total else math.nan,
                         "group_comments": total})
    table = pd.DataFrame(rows, columns=["group", "theme", "comments", "share", "group_comments"])
    return table.astype({"comments": "int64", "group_comments": "int64"})
