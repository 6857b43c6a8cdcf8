"""Which column holds e-mail addresses, decided on the backend as :mod:`usagelens.cleaning.personal` decides.

A column's name decides when it can; otherwise pandas looks at a seeded random sample of up to 1,000 of the
column's present values. The same positions are drawn here (pandas' own sampling: ``RandomState(0).choice``
over the present values in row order) and only those values are fetched, so the verdict is the same.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa

from usagelens.cleaning.compiled import values
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.cleaning.personal import EMAIL, SAMPLE_SIZE, _kind_by_name, _kind_by_values
from usagelens.cleaning.values import TEXT
from usagelens.model.query_engine import takes_tables

_POSITION = "__usagelens_position"
_BLOCK = 1024  # rows per block of row numbers when drawing the sample


@functools.lru_cache(maxsize=4)
def _drawn_ranks(total: int) -> np.ndarray:
    """pandas' seeded draw of the sampled ranks among ``total`` present values. It permutes all of them (over a
    second at 10M rows), and a check draws from tables of the same size many times: each size is drawn once."""
    ranks = np.random.RandomState(0).choice(total, size=min(SAMPLE_SIZE, total), replace=False)
    ranks.setflags(write=False)
    return ranks


def _sample(table: ir.Table, name: str, context: CompileContext) -> pd.Series:
    """The values pandas samples: the present values at seeded random positions among the present rows.

    A position is a rank in row order; ranking every row (a window sorted by row number) took seconds per
    column at 10M rows. Instead the present rows are counted per block of row numbers, which tells the block
    of each drawn position; only the row numbers of those blocks are fetched and ranked here, and the values
    of the drawn rows fetched last. Three scans, and at most ``SAMPLE_SIZE`` blocks leave the backend.
    """
    present = table.filter(table[name].notnull())
    rows = present[context.order]
    counts = values.fetch(present.group_by(b=rows // _BLOCK).aggregate(n=ibis._.count()).order_by("b"))
    sizes = counts["n"].to_numpy(dtype=np.int64)
    ends = np.cumsum(sizes)
    total = int(ends[-1]) if len(ends) else 0
    positions = _drawn_ranks(total)
    block_of = np.searchsorted(ends, positions, side="right")  # index of each drawn rank's block in ``counts``
    needed = np.unique(block_of)
    blocks = counts["b"].to_numpy(dtype=np.int64)[needed]
    candidates = present.mutate(b=rows // _BLOCK)
    candidates = _among(candidates, candidates["b"], blocks).select("b", r=context.order)
    numbers = values.fetch(candidates).sort_values(["b", "r"])["r"].to_numpy(dtype=np.int64)
    begins = np.concatenate([[0], np.cumsum(sizes[needed])[:-1]]).astype(np.int64)  # each block in ``numbers``
    slot = np.searchsorted(needed, block_of)
    picked = numbers[begins[slot] + positions - (ends - sizes)[block_of]]
    sample = values.fetch(_among(present, rows, picked).select(name))[name]
    return values.as_pandas(sample, table[name].type(), nulls=False)


def _among(table: ir.Table, column: ir.IntegerColumn, wanted: np.ndarray) -> ir.Table:
    """The rows of ``table`` whose ``column`` is one of ``wanted`` (at most :data:`SAMPLE_SIZE` integers): a
    table of them goes along with the query, or where that would write to the warehouse
    (:func:`~usagelens.model.query_engine.takes_tables`) an ``IN`` list in its text."""
    if not takes_tables(table):
        return table.filter(column.isin(wanted.tolist()))
    listed = ibis.memtable(pa.table({_POSITION: pa.array(wanted, pa.int64())}))
    return table.semi_join(listed, column == listed[_POSITION])


def _kind(table: ir.Table, name: str, context: CompileContext) -> str | None:
    kind = _kind_by_name(name)
    if kind is None:
        kind = _kind_by_values(_sample(table, name, context).astype("str").str.strip(), name)
    return kind


def detect_personal_columns(table: ir.Table, context: CompileContext) -> dict[str, str]:
    """:func:`usagelens.cleaning.personal.detect_personal_columns` of ``table``: text columns holding personal
    data, by name or by the same sample of values."""
    found = {}
    for name in context.visible(table):
        if values.type_label(table[name].type()) == TEXT and (kind := _kind(table, name, context)):
            found[name] = kind
    return found


def email_columns(table: ir.Table, context: CompileContext) -> Iterator[str]:
    """The columns that hold e-mail addresses, in table order, each judged only when asked for."""
    for name in context.visible(table):
        if values.type_label(table[name].type()) == TEXT and _kind(table, name, context) == EMAIL:
            yield name


def email_domains(emails: ir.Value) -> ir.StringValue:
    """The lower-cased part after the last ``@``; missing where there is none."""
    domain = values.strip(values.as_text(emails)).lower().re_extract(r"@([^@\s]+)$", 1)
    return ibis.ifelse(domain == "", ibis.null("string"), domain)
