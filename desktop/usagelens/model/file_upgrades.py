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


UPGRADES: dict[int, Callable[[Payload], Payload]] = {1: _v1_to_v2}
CURRENT = max(UPGRADES) + 1


def upgraded(payload: Payload, version: int) -> Payload:
    """``payload`` of format ``version`` as the current format."""
    for step in range(version, CURRENT):
        payload = UPGRADES[step](payload)
    return payload
