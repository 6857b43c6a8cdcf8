"""A small table sent to a warehouse inside the query's text, as one text value the query splits into rows.

Ibis sends an in-memory table (a long list of users, the customers' attributes for a breakdown) to PostgreSQL as
a temporary table of the session, which a read replica (hot standby) and a read-only session refuse: there the
query carries the rows instead (:func:`~usagelens.model.query_engine.packs_lists`). One literal compiles in a
tenth of a second where 50,000 values as an ``IN`` list took 16 s, and PostgreSQL splits it into a relation it
can hash-join.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.compute as pc

ROWS, FIELDS = "\x1e", "\x1f"  # ASCII's record and unit separators: between the rows, and a row's values
MISSING = "\x1a"  # ASCII's substitute: a missing value
_PACKED = "packed_row"


def can_pack(table: pa.Table) -> bool:
    """Whether every value of ``table`` can be written as text and read back (no separator inside a value, a
    type PostgreSQL casts text to)."""
    if table.num_rows == 0:
        return False
    try:
        texts = [pc.cast(column, pa.string()) for column in table.columns]
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False
    marks = f"[{ROWS}{FIELDS}{MISSING}]"
    return not any(pc.any(pc.match_substring_regex(text, marks)).as_py() for text in texts)


def packed_table(table: pa.Table) -> ir.Table:
    """``table`` (checked by :func:`can_pack`) as an Ibis relation read from one text literal: each row its
    values joined by :data:`FIELDS`, rows joined by :data:`ROWS`, each column cast back to its type."""
    texts = [pc.fill_null(pc.cast(column, pa.string()), MISSING) for column in table.columns]
    rows = [FIELDS.join(values) for values in zip(*(text.to_pylist() for text in texts), strict=True)]
    split = ibis.literal(ROWS.join(rows)).split(ROWS).unnest().name(_PACKED).as_table()
    fields = split[_PACKED].split(FIELDS)
    return split.select(**{
        name: fields[place].nullif(MISSING).cast(ibis.dtype(column.type))
        for place, (name, column) in enumerate(zip(table.column_names, table.columns, strict=True))
    })


def table_along(table: pa.Table, packed: bool) -> ir.Table:
    """``table`` as it goes along with a query: in the query's text where ``packed`` (the engine refuses a
    temporary table, :data:`~usagelens.model.query_engine.PACKS_LISTS`) and its values allow, else as an
    in-memory table Ibis sends."""
    return packed_table(table) if packed and can_pack(table) else ibis.memtable(table)
