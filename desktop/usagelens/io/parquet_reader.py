"""Reading Parquet files: what the project file stores its tables as, and what warehouses and notebooks export.

Parquet says what each column is, so its types are kept (a numeric user id becomes text when it is given the
role, as a spreadsheet's does); nested columns are flattened the way JSON's are. The file is read in batches,
for progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from usagelens.io.callbacks import Cancelled, Progress
from usagelens.io.containers import Part
from usagelens.io.errors import ImportCancelled, ImportFailed
from usagelens.io.nested import flat_table, text_table
from usagelens.io.watched import READ_SHARE
from usagelens.model.translatable import QT_TRANSLATE_NOOP

BATCH_ROWS = 64 * 1024


def read_parquet_preview(part: Part, rows: int) -> pd.DataFrame:
    """The first ``rows`` rows, every column as text."""
    with _parquet(part) as file:
        first = next(file.iter_batches(batch_size=rows), None)
        table = file.schema_arrow.empty_table() if first is None else pa.Table.from_batches([first])
    return text_table(flat_table(table)).to_pandas()


def read_parquet_table(part: Part, progress: Progress, cancelled: Cancelled) -> pd.DataFrame:
    """Every row, with the file's own column types (dates as ``datetime64``)."""
    with _parquet(part) as file:
        total = max(file.metadata.num_rows, 1)
        batches, done = [], 0
        for batch in file.iter_batches(batch_size=BATCH_ROWS):
            if cancelled():
                raise ImportCancelled
            batches.append(batch)
            done += batch.num_rows
            progress(READ_SHARE * done / total)
        table = pa.Table.from_batches(batches, schema=file.schema_arrow)
    return flat_table(table).to_pandas(date_as_object=False)


@contextmanager
def _parquet(part: Part) -> Iterator[pq.ParquetFile]:
    """The open file; pyarrow's complaints about a damaged one as one sentence."""
    try:
        with part.open_seekable() as handle, pq.ParquetFile(handle) as file:
            yield file
    except pa.ArrowException:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} is damaged or incomplete; export the Parquet file "
                                                       "again.").format(name=part.label)) from None
