"""Pseudonymise compiled: the keyed SHA-256 of :mod:`usagelens.cleaning.pseudonymise` in the backend.

The pandas pseudonym is ``sha256(key ‖ 0x00 ‖ text)`` in hex, cut to ``length`` characters — a plain hash of
the concatenation, not an HMAC — so the backend's ``sha256`` of the same concatenated UTF-8 text gives the
identical token.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from usagelens.cleaning.compiled import values
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.cleaning.pseudonymise import DEFAULT_LENGTH, NO_KEY
from usagelens.cleaning.steps import Params, StepError


def pseudonyms(column: ir.Value, key: str, length: int = DEFAULT_LENGTH) -> ir.StringValue:
    """Each value's keyed hash as ``length`` hex characters; missing values stay missing."""
    if not key:
        raise StepError(NO_KEY)
    return (ibis.literal(key + "\x00") + values.as_text(column)).hexdigest("sha256").substr(0, length)


def pseudonymise(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    length = int(params.get("length", DEFAULT_LENGTH))
    return table.mutate(**{name: pseudonyms(table[name], context.pseudonym_key, length)
                           for name in params["columns"]})
