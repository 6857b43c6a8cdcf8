"""Replacing personal values with stable pseudonyms, in the stored table or (old projects) in the recipe.

A pseudonym is the keyed SHA-256 of the value, cut to a short hex string. The key is a secret that never
goes into the project file: it lives in the OS keychain (``workspace.pseudonym_keys``), so the same e-mail
gets the same pseudonym in the events and the customer export and across refreshes, while someone holding
only the file cannot confirm a guess by hashing it. A one-way pseudonymisation uses a key that is thrown
away at once. Values are hashed as text, so user ``7`` read as a number in one export and as text in
another still match.

UsageLens 0.1 pseudonymised only in the recipe (the raw values stayed in the stored table) with a key it
wrote into the file; that ``pseudonymise`` step still runs for old projects, with the same hash, so its
pseudonyms and the stored ones agree.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence

import pandas as pd

from usagelens.cleaning.steps import Param, Params, StepContext, StepError, listed, step_kind
from usagelens.cleaning.values import map_uniques
from usagelens.model.entities import ProtectedColumn, Protection
from usagelens.model.translatable import QT_TRANSLATE_NOOP

RECIPE_STEP = "pseudonymise"  # the op of 0.1's recipe step, still run for old projects
DEFAULT_LENGTH = 16
MIN_LENGTH, MAX_LENGTH = 8, 64
NO_KEY = ("The key of this project's pseudonyms is not in this computer's keychain, so the same values would "
          "get other pseudonyms")


def new_key() -> str:
    """A fresh random key (256 bits, as hex)."""
    return secrets.token_hex(32)


def pseudonyms(values: pd.Series, key: str, length: int = DEFAULT_LENGTH) -> pd.Series:
    """Each value's keyed hash as ``length`` hex characters; missing values stay missing."""
    if not key:
        raise StepError(NO_KEY)
    seeded = hashlib.sha256(key.encode("utf-8") + b"\x00")

    def digest(text: str) -> str:
        hasher = seeded.copy()
        hasher.update(text.encode("utf-8"))
        return hasher.hexdigest()[:length]

    return map_uniques(values, lambda uniques: uniques.map(digest))


def protect_table(frame: pd.DataFrame, columns: Sequence[ProtectedColumn], *, key: str,
                  one_way_key: str) -> pd.DataFrame:
    """``frame`` with its personal columns pseudonymised (with ``key``, or ``one_way_key`` for one-way ones)
    or dropped; columns it lacks are skipped, so a refreshed export without them still loads."""
    out = frame.copy(deep=False)
    for protected in columns:
        name = protected.column
        if name not in out.columns:
            continue
        if protected.protection is Protection.DROPPED:
            out = out.drop(columns=name)
        else:
            secret = one_way_key if protected.protection is Protection.ONE_WAY else key
            out[name] = pseudonyms(out[name], secret, protected.length)
    return out


def _length_rules(params: Params, columns: Sequence[str] | None) -> str | None:
    length = params.get("length", DEFAULT_LENGTH)
    if not MIN_LENGTH <= length <= MAX_LENGTH:
        return QT_TRANSLATE_NOOP("StepKind", "'length' should be between {low} and {high} characters").format(
            low=MIN_LENGTH, high=MAX_LENGTH)
    return None


@step_kind(
    RECIPE_STEP, QT_TRANSLATE_NOOP("StepKind", "Pseudonymise"),
    Param("columns", "columns", required=True),
    Param("length", "number"),
    summary=lambda params: QT_TRANSLATE_NOOP("StepKind", "Pseudonymise {columns}").format(
        columns=listed(params["columns"])),
    rules=_length_rules,
)
def pseudonymise(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Replace the values of personal columns with their pseudonyms when analysing (old projects only: the
    stored table keeps the raw values, which is why new projects pseudonymise the stored table instead)."""
    length = int(params.get("length", DEFAULT_LENGTH))
    out = frame.copy(deep=False)
    for name in params["columns"]:
        out[name] = pseudonyms(frame[name], context.pseudonym_key, length)
    return out
