"""Older ``project.json`` payloads brought up to the current format, one function per version (glue's savers).

``UPGRADES[n]`` turns a version-``n`` payload into a version-``n + 1`` one; opening a file runs every step from
its version on, so a file of any old version is read by the current model alone. Each old version has a saved
file under ``tests/data/projects/`` that the tests open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Payload = dict[str, Any]


def _v1_to_v2(payload: Payload) -> Payload:
    """Version 2 adds saved cohorts; a version-1 project has none. (The version also stops an older UsageLens,
    which ignores keys it does not know, from opening a file with cohorts and dropping them on its next save.)"""
    payload.setdefault("cohorts", [])
    return payload


def _v2_to_v3(payload: Payload) -> Payload:
    """Version 3 marks quotes (a finding's quote is an object: its text, a mark, when and where it was said) and
    records stakeholders' endorsements with reviews. A version-2 quote was its text alone, unmarked; a version-2
    review has no endorsements. Anything that is not the expected shape is left for the model's checks to name."""
    for finding in payload.get("findings") or []:
        if isinstance(finding, dict) and isinstance(finding.get("quotes"), list):
            finding["quotes"] = [{"text": q} if isinstance(q, str) else q for q in finding["quotes"]]
    for review in payload.get("reviews") or []:
        if isinstance(review, dict):
            review.setdefault("endorsements", [])
    return payload


def _v3_to_v4(payload: Payload) -> Payload:
    """Version 4 may keep a big source's table in parts (``data/<id>.parquet``, ``data/<id>.2.parquet``…: an
    export appended on disk adds only its rows, :mod:`usagelens.model.parquet_parts`). A version-3 file holds
    each table whole, so nothing changes; the version stops an older UsageLens from opening the first part alone
    and dropping the others on its next save."""
    return payload


UPGRADES: dict[int, Callable[[Payload], Payload]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}
CURRENT = max(UPGRADES) + 1


def upgraded(payload: Payload, version: int) -> Payload:
    """``payload`` of format ``version`` as the current format."""
    for step in range(version, CURRENT):
        payload = UPGRADES[step](payload)
    return payload
