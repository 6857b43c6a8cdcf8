"""Reading delimited text exports (.csv, .tsv, .txt).

The preview parses only the head of the file with the csv module, growing the head until it holds enough
rows, so it is instant for any file size. The full read runs pyarrow's multithreaded CSV reader (fast; progress
comes from the bytes it has read, and cancel makes its next read fail); files pyarrow refuses (stray
bytes in another encoding, ragged rows) are read again with pandas' C engine, which is more forgiving.
Everything is read as text except the columns the caller names as times, which Arrow parses while it reads
when their first values are ISO 8601 (the common export); :func:`usagelens.io.columns.type_columns` decides
the numbers afterwards, the same way as for spreadsheets.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from os import PathLike
from typing import Any, BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from usagelens.io.columns import type_columns, unique_names
from usagelens.io.dialect import QUOTE, Record, parse_records
from usagelens.io.encoding import LENIENT_ERRORS, check_text, decode
from usagelens.io.errors import ImportCancelled, ImportFailed, display_name
from usagelens.io.formats import file_size, read_head
from usagelens.io.timestamps import ISO_TIME_TYPES
from usagelens.model.entities import ImportOptions

HEAD_START = 16 * 1024
HEAD_MAX = 16 * 1024 * 1024
BLOCK_SIZE = 1 << 20
BINARY_CHECK_BYTES = 64 * 1024
PANDAS_CHUNK_ROWS = 100_000
POLL_SECONDS = 0.05
TYPE_SAMPLE_ROWS = 50
_QUOTE_BYTE = QUOTE.encode()
_PANDAS_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def read_csv_preview(path: str | PathLike[str], options: ImportOptions, rows: int) -> pd.DataFrame:
    """The first ``rows`` data rows as text, from the head of the file only."""
    header, data = _head_table(path, options, rows)
    width = max([len(header.fields), *(len(record.fields) for record in data)])
    names = unique_names(header.fields + [""] * (width - len(header.fields)))
    cells = [
        [field or None for field in record.fields] + [None] * (width - len(record.fields)) for record in data
    ]
    return pd.DataFrame(
        {name: pd.Series([row[i] for row in cells], dtype="str") for i, name in enumerate(names)}
    )


def read_csv_table(
    path: str | PathLike[str],
    options: ImportOptions,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
    times: Collection[str] = (),
) -> pd.DataFrame:
    """The whole table: text columns, then numbers where every value is a number, and the ``times``
    columns as ``datetime64`` when every value is ISO 8601 (else they stay text for the caller to parse)."""
    header, head = _head_table(path, options, TYPE_SAMPLE_ROWS)
    names = unique_names(header.fields)
    types = {name: pa.string() for name in names}
    for position, name in enumerate(names):
        if name in times:
            types[name] = _time_type([record.fields[position] for record in head if position < len(record.fields)])
    progress(0.0)
    quoted = _QUOTE_BYTE in read_head(path, HEAD_START)  # the raw bytes: parsed fields lose their quotes
    try:
        frame = _read_with_arrow(path, options, names, header.next_line, types, quoted, progress, cancelled)
    except (pa.ArrowException, UnicodeError):
        frame = _read_with_pandas(path, options, names, header.next_line, progress, cancelled)
    return type_columns(frame, options.decimal)


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


def _head_table(path: str | PathLike[str], options: ImportOptions, rows: int) -> tuple[Record, list[Record]]:
    """The header record and up to ``rows`` non-blank data records, reading no more than they need."""
    encoding = options.encoding or "utf-8"
    size = HEAD_START
    while True:
        with open(path, "rb") as handle:
            data = handle.read(size)
            complete = not handle.read(1)
        check_text(data[:BINARY_CHECK_BYTES], encoding, display_name(path))
        records = parse_records(decode(data, encoding, final=complete), options.delimiter or ",")
        if not complete:
            records = records[:-1]  # the last record may be cut in the middle
        table = [r for r in records if r.line >= options.header_row and not r.blank]
        if complete or len(table) > rows or size >= HEAD_MAX:
            break
        size *= 4
    if not table:
        name = display_name(path)
        if options.header_row:
            raise ImportFailed(f"{name} has nothing from row {options.header_row + 1} on.")
        raise ImportFailed(f"{name} is empty.")
    return table[0], table[1 : rows + 1]


def _read_with_arrow(
    path: str | PathLike[str],
    options: ImportOptions,
    names: list[str],
    skip: int,
    types: dict[str, pa.DataType],
    quoted: bool,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
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
                path, options, names, skip, column_types, newlines_in_values, progress, cancelled
            )
        except _QuoteSeen:
            newlines_in_values = True
        except pa.ArrowInvalid:
            # Every block read so far was quote-free, so a quoted newline cannot be the cause.
            if column_types == text_types:
                raise
            column_types = text_types


def _arrow_attempt(
    path: str | PathLike[str],
    options: ImportOptions,
    names: list[str],
    skip: int,
    column_types: dict[str, pa.DataType],
    newlines_in_values: bool,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
) -> pd.DataFrame:
    """One read by pyarrow's multithreaded reader on a worker thread, while this thread reports progress and
    honours cancel: the streaming reader parses one block at a time and was 2–3× slower on two cores.
    Raises :class:`_QuoteSeen` when it assumed no quoted newlines and the file has a quote."""
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
    size = max(file_size(path), 1)
    with open(path, "rb") as handle, ThreadPoolExecutor(max_workers=1) as executor:
        source = _WatchedFile(handle, watch_quotes=not newlines_in_values)
        reading = executor.submit(pacsv.read_csv, source, read_options, parse_options, convert_options)
        while True:
            if cancelled():
                source.stopped = True  # the reader's next read fails, so the worker ends soon
            try:
                table = reading.result(timeout=POLL_SECONDS)
                break
            except FuturesTimeout:
                progress(0.9 * min(source.bytes_read / size, 1.0))
            except Exception:
                if source.stopped:
                    raise ImportCancelled from None
                if source.quote_seen:
                    raise _QuoteSeen from None
                raise
    if source.stopped:
        raise ImportCancelled
    if source.quote_seen:
        raise _QuoteSeen
    progress(0.9)
    return table.to_pandas()  # text becomes pandas' pyarrow-backed str without a copy


class _QuoteSeen(Exception):
    """A read that assumed no quoted newlines met a quote: the file has to be read the careful way."""


class _WatchedFile(io.RawIOBase):
    """The file as pyarrow reads it: counts the bytes handed out (progress), fails once stopped (cancel) and,
    when asked, looks for a quote in each block (it stops the read at the first)."""

    def __init__(self, handle: BinaryIO, *, watch_quotes: bool) -> None:
        super().__init__()
        self._handle = handle
        self._watch_quotes = watch_quotes
        self.bytes_read = 0
        self.stopped = False
        self.quote_seen = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.stopped:
            raise ImportCancelled
        count = self._handle.readinto(buffer)
        self.bytes_read += count
        if self._watch_quotes and bytes(memoryview(buffer)[:count]).find(_QUOTE_BYTE) >= 0:
            self.quote_seen = True
            raise _QuoteSeen
        return count


def _read_with_pandas(
    path: str | PathLike[str],
    options: ImportOptions,
    names: list[str],
    skip: int,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
) -> pd.DataFrame:
    size = max(file_size(path), 1)
    chunks = []
    with open(path, "rb") as handle:
        reader = pd.read_csv(
            handle,
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
                progress(0.9 * min(handle.tell() / size, 1.0))
        except pd.errors.ParserError as error:
            raise ImportFailed(_parser_message(display_name(path), str(error))) from None
    if not chunks:
        return pd.DataFrame({name: pd.Series([], dtype="str") for name in names})
    return pd.concat(chunks, ignore_index=True)


def _parser_message(name: str, detail: str) -> str:
    """pandas' tokenizer error as advice: which line is off and what usually causes it."""
    match = _PANDAS_FIELDS.search(detail)
    if match:
        expected, line, saw = match.groups()
        return (
            f"Line {line} of {name} has {saw} values but the header has {expected} columns; "
            "check the delimiter and the header row."
        )
    if "EOF inside string" in detail:
        return f"{name} ends inside a quoted value; the file is probably cut off or has an unmatched quote."
    return f"{name} could not be read as a table; check the delimiter and the header row."
