"""Reading delimited text exports (.csv, .tsv, .txt).

The preview parses only the head of the file with the csv module, growing the head until it holds enough
rows, so it is instant for any file size. The full read runs pyarrow's multithreaded CSV reader (fast; progress
comes from the bytes it has read, and cancel makes its next read fail); files pyarrow refuses (stray
bytes in another encoding, ragged rows) are read again with pandas' C engine, which is more forgiving.
Everything is read as text except the columns the caller names as times, which Arrow parses while it reads
when their first values are ISO 8601 (the common export); :mod:`usagelens.io.tables` decides the numbers
afterwards, the same way for every format.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection
from typing import BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from usagelens.io.callbacks import Cancelled, Progress
from usagelens.io.columns import unique_names
from usagelens.io.containers import Part
from usagelens.io.dialect import QUOTE, Record, only_separators, parse_records
from usagelens.io.encoding import LENIENT_ERRORS, check_text, decode
from usagelens.io.errors import IS_EMPTY, ImportCancelled, ImportFailed, no_data_message
from usagelens.io.timestamps import ISO_TIME_TYPES
from usagelens.io.watched import READ_SHARE, WatchedStream, read_watched
from usagelens.model.entities import ImportOptions
from usagelens.model.translatable import QT_TRANSLATE_NOOP

HEAD_START = 16 * 1024
HEAD_MAX = 16 * 1024 * 1024
BLOCK_SIZE = 1 << 20
BINARY_CHECK_BYTES = 64 * 1024
PANDAS_CHUNK_ROWS = 100_000
TYPE_SAMPLE_ROWS = 50
_QUOTE_BYTE = QUOTE.encode()
_PANDAS_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def read_csv_preview(part: Part, options: ImportOptions, rows: int) -> pd.DataFrame:
    """The first ``rows`` data rows as text, from the head of the file only."""
    header, data = _head_table(part, options, rows)
    width = max([len(header.fields), *(len(record.fields) for record in data)])
    names = unique_names(header.fields + [""] * (width - len(header.fields)))
    cells = [
        [field or None for field in record.fields] + [None] * (width - len(record.fields)) for record in data
    ]
    return pd.DataFrame(
        {name: pd.Series([row[i] for row in cells], dtype="str") for i, name in enumerate(names)}
    )


def read_csv_table(
    part: Part,
    options: ImportOptions,
    progress: Progress,
    cancelled: Cancelled,
    times: Collection[str] = (),
) -> pd.DataFrame:
    """The whole table as text, except the ``times`` columns, which are ``datetime64`` when every value is
    ISO 8601 (else they stay text for the caller to parse)."""
    header, head = _head_table(part, options, TYPE_SAMPLE_ROWS)
    names = unique_names(header.fields)
    types = {name: pa.string() for name in names}
    for position, name in enumerate(names):
        if name in times:
            types[name] = _time_type([record.fields[position] for record in head if position < len(record.fields)])
    progress(0.0)
    quoted = _QUOTE_BYTE in part.head(HEAD_START)  # the raw bytes: parsed fields lose their quotes
    try:
        return _read_with_arrow(part, options, names, header.next_line, types, quoted, progress, cancelled)
    except (pa.ArrowException, UnicodeError):
        return _read_with_pandas(part, options, names, header.next_line, progress, cancelled)


def _time_type(values: list[str]) -> pa.DataType:
    """The Arrow timestamp type that reads every one of ``values`` (the head of a time column), or text.
    Arrow's CSV parser and its cast accept exactly the same ISO 8601 forms."""
    sample = pa.array([value or None for value in values], pa.string())
    if sample.null_count == len(sample):
        return pa.string()
    for time_type in ISO_TIME_TYPES:
        try:
            pc.cast(sample, time_type)
            return time_type
        except pa.ArrowInvalid:
            continue
    return pa.string()


def _head_table(part: Part, options: ImportOptions, rows: int) -> tuple[Record, list[Record]]:
    """The header record and up to ``rows`` non-blank data records, reading no more than they need."""
    encoding = options.encoding or "utf-8"
    size = HEAD_START
    while True:
        with part.open() as handle:
            data = handle.read(size)
            complete = not handle.read(1)
        check_text(data[:BINARY_CHECK_BYTES], encoding, part.label)
        text = decode(data, encoding, final=complete)
        if complete and only_separators(text):
            raise ImportFailed(no_data_message(part.label))
        records = parse_records(text, options.delimiter or ",")
        if not complete:
            records = records[:-1]  # the last record may be cut in the middle
        table = [r for r in records if r.line >= options.header_row and not r.blank]
        if complete or len(table) > rows or size >= HEAD_MAX:
            break
        size *= 4
    if not table:
        if options.header_row:
            raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} has nothing from row {row} on.").format(
                name=part.label, row=options.header_row + 1))
        raise ImportFailed(IS_EMPTY.format(name=part.label))
    return table[0], table[1 : rows + 1]


def _read_with_arrow(
    part: Part,
    options: ImportOptions,
    names: list[str],
    skip: int,
    types: dict[str, pa.DataType],
    quoted: bool,
    progress: Progress,
    cancelled: Cancelled,
) -> pd.DataFrame:
    """The table through pyarrow, first in the fastest way the head allows, then more carefully.

    Telling pyarrow that no value holds a newline lets its threads split the file at any newline (a third
    faster), which only a quoted value can break: with no quote in the head, the read starts that way and
    watches each block for a quote, starting over the careful way when one shows up. A time column whose head
    is ISO but whose later values are not makes the typed read fail; it is then read as text.
    """
    text_types = {name: pa.string() for name in names}
    column_types = types
    newlines_in_values = quoted or (options.encoding or "utf-8") not in ("utf-8", "utf-8-sig")
    while True:  # each retry reads more carefully than the last, so there are at most three reads
        try:
            return _arrow_attempt(
                part, options, names, skip, column_types, newlines_in_values, progress, cancelled
            )
        except _QuoteSeen:
            newlines_in_values = True
        except pa.ArrowInvalid:
            # Every block read so far was quote-free, so a quoted newline cannot be the cause.
            if column_types == text_types:
                raise
            column_types = text_types


def _arrow_attempt(
    part: Part,
    options: ImportOptions,
    names: list[str],
    skip: int,
    column_types: dict[str, pa.DataType],
    newlines_in_values: bool,
    progress: Progress,
    cancelled: Cancelled,
) -> pd.DataFrame:
    """One read by pyarrow's multithreaded reader; raises :class:`_QuoteSeen` when it assumed no quoted
    newlines and the file has a quote."""
    encoding = options.encoding or "utf-8"
    read_options = pacsv.ReadOptions(
        column_names=names,
        skip_rows=skip,
        block_size=BLOCK_SIZE,
        use_threads=True,
        encoding="utf8" if encoding in ("utf-8", "utf-8-sig") else encoding,
    )
    parse_options = pacsv.ParseOptions(
        delimiter=options.delimiter or ",",
        quote_char=QUOTE,
        newlines_in_values=newlines_in_values,
        ignore_empty_lines=True,
    )
    convert_options = pacsv.ConvertOptions(
        column_types=column_types,
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )

    def read(source: BinaryIO) -> pa.Table:
        return pacsv.read_csv(source, read_options, parse_options, convert_options)

    table = read_watched(part, read, progress, cancelled, inspect=None if newlines_in_values else _no_quote)
    return table.to_pandas()  # text becomes pandas' pyarrow-backed str without a copy


class _QuoteSeen(Exception):
    """A read that assumed no quoted newlines met a quote: the file has to be read the careful way."""


def _no_quote(block: memoryview) -> None:
    if bytes(block).find(_QUOTE_BYTE) >= 0:
        raise _QuoteSeen


def _read_with_pandas(
    part: Part,
    options: ImportOptions,
    names: list[str],
    skip: int,
    progress: Progress,
    cancelled: Cancelled,
) -> pd.DataFrame:
    chunks = []
    with part.open() as handle:
        source = WatchedStream(handle)
        reader = pd.read_csv(
            io.BufferedReader(source),
            sep=options.delimiter or ",",
            quotechar=QUOTE,
            header=None,
            names=names,
            index_col=False,
            skiprows=skip,
            dtype="str",
            keep_default_na=False,
            na_values=[""],
            encoding=options.encoding or "utf-8",
            encoding_errors=LENIENT_ERRORS,
            engine="c",
            chunksize=PANDAS_CHUNK_ROWS,
        )
        try:
            for chunk in reader:
                if cancelled():
                    raise ImportCancelled
                chunks.append(chunk)
                progress(READ_SHARE * part.share_read(source.bytes_read))
        except pd.errors.ParserError as error:
            raise ImportFailed(_parser_message(part.label, str(error))) from None
    if not chunks:
        return pd.DataFrame({name: pd.Series([], dtype="str") for name in names})
    return pd.concat(chunks, ignore_index=True)


def _parser_message(name: str, detail: str) -> str:
    """pandas' tokenizer error as advice: which line is off and what usually causes it."""
    match = _PANDAS_FIELDS.search(detail)
    if match:
        expected, line, saw = match.groups()
        return QT_TRANSLATE_NOOP("Import", "Line {line} of {name} has {saw} values but the header has {expected} "
                                           "columns; check the delimiter and the header row.").format(
            line=line, name=name, saw=saw, expected=expected)
    if "EOF inside string" in detail:
        return QT_TRANSLATE_NOOP("Import", "{name} ends inside a quoted value; the file is probably cut off or has an "
                                           "unmatched quote.").format(name=name)
    return QT_TRANSLATE_NOOP("Import", "{name} could not be read as a table; check the delimiter and the header "
                                       "row.").format(name=name)
