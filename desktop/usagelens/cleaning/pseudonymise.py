"""Replacing personal values with stable pseudonyms.

A pseudonym is the salted SHA-256 of the value, cut to a short hex string. The salt lives in the project
(``Project.pseudonym_salt``), so the same email becomes the same pseudonym in the events and the customer
export and joins still work, while someone without the project cannot confirm a guess by hashing it. Values
are hashed as text, so user ``7`` read as a number in one export and as text in another still match.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence

import pandas as pd

from usagelens.cleaning.steps import Param, Params, StepContext, StepError, listed, step_kind
from usagelens.cleaning.values import map_uniques

DEFAULT_LENGTH = 16
MIN_LENGTH, MAX_LENGTH = 8, 64


def new_salt() -> str:
    """A fresh random salt for a new project (128 bits, as hex)."""
    return secrets.token_hex(16)


def pseudonyms(values: pd.Series, salt: str, length: int = DEFAULT_LENGTH) -> pd.Series:
    """Each value's salted hash as ``length`` hex characters; missing values stay missing."""
    if not salt:
        raise StepError("Pseudonymising needs the project's salt; without one values could be guessed back")
    seeded = hashlib.sha256(salt.encode("utf-8") + b"\x00")

    def digest(text: str) -> str:
        hasher = seeded.copy()
        hasher.update(text.encode("utf-8"))
        return hasher.hexdigest()[:length]

    return map_uniques(values, lambda uniques: uniques.map(digest))


def _length_rules(params: Params, columns: Sequence[str] | None) -> str | None:
    length = params.get("length", DEFAULT_LENGTH)
    if not MIN_LENGTH <= length <= MAX_LENGTH:
        return f"'length' should be between {MIN_LENGTH} and {MAX_LENGTH} characters"
    return None


@step_kind(
    "pseudonymise", "Pseudonymise",
    Param("columns", "columns", required=True),
    Param("length", "number"),
    summary=lambda params: f"Pseudonymise {listed(params['columns'])}",
    rules=_length_rules,
)
def pseudonymise(frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
    """Replace the values of personal columns with their pseudonyms."""
    length = int(params.get("length", DEFAULT_LENGTH))
    out = frame.copy(deep=False)
    for name in params["columns"]:
        out[name] = pseudonyms(frame[name], context.salt, length)
    return out
