"""A pinned finding's evidence, checked against today's data.

When an analysis is pinned as a finding, a short fingerprint of its result table is stored with it
(``Finding.evidence_summary``). Re-computing the analysis on refreshed or re-cleaned data and comparing
fingerprints tells the product owner whether the numbers behind the finding still hold, without keeping the
whole table in the project file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd

SIGNIFICANT_DIGITS = 6  # floats are compared at this precision, so summation order never reads as a change


def table_fingerprint(table: pd.DataFrame) -> str:
    """``"<rows>x<columns>:<digest>"`` of a result table; equal tables give equal fingerprints."""
    rounded = table.copy()
    for name in rounded.columns:
        if pd.api.types.is_float_dtype(rounded[name]):
            rounded[name] = rounded[name].map(lambda v: "" if pd.isna(v) else f"{v:.{SIGNIFICANT_DIGITS}g}")
    text = rounded.to_csv(index=False)
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    return f"{table.shape[0]}x{table.shape[1]}:{digest}"


@dataclass(frozen=True)
class EvidenceCheck:
    """The outcome of re-computing a pinned analysis: whether its numbers moved, in one sentence."""

    changed: bool | None  # None: nothing to compare against (pinned before fingerprints were kept)
    text: str


def _rows(fingerprint: str) -> int | None:
    head = fingerprint.split("x", 1)[0]
    return int(head) if head.isdigit() else None


def compare_evidence(pinned: str, table: pd.DataFrame) -> EvidenceCheck:
    """Compare the fingerprint stored at pin time with a freshly computed table."""
    current = table_fingerprint(table)
    if not pinned:
        return EvidenceCheck(None, "Re-computed on the current data; this finding was pinned without a record of "
                                   "its numbers, so no comparison is possible.")
    if pinned == current:
        return EvidenceCheck(False, "Same numbers as when the finding was pinned.")
    before, after = _rows(pinned), _rows(current)
    rows = f" ({before} → {after} rows)" if before is not None and before != after else ""
    return EvidenceCheck(True, f"The numbers changed since the finding was pinned{rows}: check that it still holds.")
