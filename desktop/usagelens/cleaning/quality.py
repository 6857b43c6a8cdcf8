"""The data quality report a product owner reads before trusting an export.

Every column is factorised once; missing values, distinct counts and full-row duplicates all come from
those integer codes, which keeps a million-row report well under a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from usagelens.cleaning.outliers import ColumnOutliers, column_outliers
from usagelens.cleaning.personal import email_columns
from usagelens.cleaning.suspects import EventsPerUser, SuspectScan, SuspectUser, find_suspects
from usagelens.cleaning.values import DATE, NUMBER, TEXT, to_date, type_label
from usagelens.model.entities import Source, SourceKind
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Dated, Phrase, joined, plural

MAX_SUSPECTS = 50


@dataclass(frozen=True)
class ColumnProfile:
    name: str
    type: str  # text / number / date / yes-no (/ duration)
    missing: int  # blank text counts as missing
    missing_share: float
    distinct: int  # distinct present values


@dataclass(frozen=True)
class QualityReport:
    rows: int
    columns: list[ColumnProfile]
    duplicate_rows: int  # rows that repeat an earlier row exactly
    failed_timestamps: int
    has_timestamps: bool
    date_range: tuple[pd.Timestamp, pd.Timestamp] | None
    events_per_user: EventsPerUser | None
    suspects: list[SuspectUser] = field(default_factory=list)  # strongest first, capped
    suspect_total: int = 0  # likely test/internal accounts (a name or e-mail says so)
    unusually_active: int = 0  # event-log users whose only mark is their volume
    outliers: list[ColumnOutliers] = field(default_factory=list)  # numeric columns with any flagged value

    @property
    def missing_cells(self) -> int:
        return sum(c.missing for c in self.columns)

    def summary_rows(self) -> list[tuple[str, str]]:
        """Label/value pairs for the quality panel, formatted for reading: the values are marked too, so the
        GUI writes their numbers and dates as the user's locale does and their words in the user's language."""
        cells = self.rows * len(self.columns)
        gappy = [c for c in self.columns if c.missing]
        missing: str = "0"  # nothing found reads 0, as the duplicates, timestamps and users beside it do
        if gappy:
            missing = plural(len(gappy), QT_TRANSLATE_NOOP("Quality", "{cells:,} cells ({share:.1%}) in {count:,} "
                                                                      "column"),
                             QT_TRANSLATE_NOOP("Quality", "{cells:,} cells ({share:.1%}) in {count:,} columns")).format(
                cells=self.missing_cells, share=self.missing_cells / cells)
        rows = [
            (QT_TRANSLATE_NOOP("Quality", "Rows"), _count(self.rows)),
            (QT_TRANSLATE_NOOP("Quality", "Columns"), _count(len(self.columns))),
            (QT_TRANSLATE_NOOP("Quality", "Duplicate rows"), _share(self.duplicate_rows, self.rows)),
            (QT_TRANSLATE_NOOP("Quality", "Missing values"), missing),
        ]
        if self.has_timestamps:
            span: str = "—"
            if self.date_range:  # ISO in English, the locale's dates in the GUI
                span = QT_TRANSLATE_NOOP("Quality", "{first} – {last}").format(
                    first=Dated(self.date_range[0].date()), last=Dated(self.date_range[1].date()))
            rows += [(QT_TRANSLATE_NOOP("Quality", "Date range"), span),
                     (QT_TRANSLATE_NOOP("Quality", "Unparseable timestamps"), _count(self.failed_timestamps))]
        if self.events_per_user:
            spread = self.events_per_user
            rows += [
                (QT_TRANSLATE_NOOP("Quality", "Users"), _count(spread.users)),
                (QT_TRANSLATE_NOOP("Quality", "Events per user"),
                 QT_TRANSLATE_NOOP("Quality", "median {median:,.0f}, 90% up to {p90:,.0f} (min {min:,}, max {max:,})")
                 .format(median=spread.median, p90=spread.p90, min=spread.min, max=spread.max)),
            ]
        if self.events_per_user or self.suspect_total:
            rows.append((QT_TRANSLATE_NOOP("Quality", "Suspected test/internal users"), _count(self.suspect_total)))
        if self.unusually_active:
            rows.append((QT_TRANSLATE_NOOP("Quality", "Unusually active users"), _count(self.unusually_active)))
        flagged = joined((Phrase("", "{column} ({flagged:,})", {"column": o.column, "flagged": o.flagged})
                          for o in self.outliers), ", ")
        rows.append((QT_TRANSLATE_NOOP("Quality", "Outliers"), flagged or "0"))
        return rows

    def column_table(self) -> pd.DataFrame:
        """One row per column: column, type, missing, missing_share, distinct."""
        return pd.DataFrame(
            [(c.name, c.type, c.missing, c.missing_share, c.distinct) for c in self.columns],
            columns=["column", "type", "missing", "missing_share", "distinct"],
        )


def _count(n: int) -> Phrase:
    """``216,777``, which the GUI writes with the locale's separators ("216.777")."""
    return Phrase("", "{n:,}", {"n": n})


def _share(n: int, total: int) -> Phrase:
    """``12 (1.0%)``; plain ``0`` when there is nothing to report."""
    return Phrase("", "{n:,} ({share:.1%})", {"n": n, "share": n / total}) if n and total else _count(n)


def _profile(name: str, values: pd.Series) -> tuple[ColumnProfile, np.ndarray]:
    """A column's profile and its factorised codes (blank text folded into missing, code -1)."""
    codes, uniques = pd.factorize(values)
    kind = type_label(values.dtype)
    if kind == TEXT and len(uniques):
        blank = pd.Series(uniques, dtype=object).astype("str").str.strip().eq("").to_numpy(dtype=bool)
        if blank.any():
            remap = np.where(blank, -1, np.cumsum(~blank) - 1)
            codes = np.where(codes >= 0, remap.take(codes, mode="clip"), -1)
            uniques = uniques[~blank]
    missing = int(np.count_nonzero(codes < 0))
    share = missing / len(values) if len(values) else 0.0
    return ColumnProfile(str(name), kind, missing, share, len(uniques)), codes


def _duplicates(codes: Sequence[np.ndarray]) -> int:
    """Rows equal to an earlier row in every column, counted through one combined int64 key per row.

    The per-column codes are folded into a single key (re-compressed whenever it could overflow), so the
    comparison is one hash pass over integers instead of a row-wise comparison of mixed types.
    """
    if not codes or len(codes[0]) == 0:
        return 0
    key = np.zeros(len(codes[0]), dtype=np.int64)
    span = 1
    for column in codes:
        width = int(column.max()) + 2  # code -1 (missing) becomes 0
        if span * width >= 2**62:
            key, uniques = pd.factorize(key)
            span = len(uniques)
        key = key * width + (column + 1)
        span *= width
    return len(key) - len(pd.unique(key))


def _date_range(values: pd.Series | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    if values is None or type_label(values.dtype) != DATE:
        return None
    times = to_date(values).dropna()
    return (times.min(), times.max()) if len(times) else None


def quality_report(
    source: Source,
    *,
    table: pd.DataFrame | None = None,
    own_domains: Sequence[str] = (),
    max_suspects: int = MAX_SUSPECTS,
) -> QualityReport:
    """The quality report of ``source``'s raw table, or of ``table`` (e.g. the cleaned one) read with the
    source's roles. ``own_domains`` are the team's email domains, whose users count as internal."""
    frame = source.table if table is None else table

    def role(name: str) -> str | None:
        column = source.column(name)
        return column if column in frame.columns else None

    profiles, codes = [], []
    for name in frame.columns:
        profile, column_codes = _profile(name, frame[name])
        profiles.append(profile)
        codes.append(column_codes)

    user_column, time_column = role("user_id"), role("timestamp")
    scan = SuspectScan([], 0, 0, None)
    if user_column:
        emails = [frame[c] for c in email_columns(frame) if c != user_column]
        scan = find_suspects(
            frame[user_column], emails, event_counts=source.kind is SourceKind.EVENTS,
            own_domains=own_domains, limit=max_suspects,
        )
    outliers = [  # numeric user ids are labels, not quantities
        found for p in profiles
        if p.type == NUMBER and p.name != user_column
        and (found := column_outliers(p.name, frame[p.name])) and found.flagged
    ]
    return QualityReport(
        rows=len(frame),
        columns=profiles,
        duplicate_rows=_duplicates(codes),
        failed_timestamps=source.failed_timestamps,
        has_timestamps="timestamp" in source.kind.roles,
        date_range=_date_range(frame[time_column] if time_column else None),
        events_per_user=scan.events_per_user,
        suspects=scan.users,
        suspect_total=scan.likely,
        unusually_active=scan.unusually_active,
        outliers=outliers,
    )
