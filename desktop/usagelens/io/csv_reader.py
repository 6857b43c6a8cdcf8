"""Reading delimited text exports (.csv, .tsv, .txt).

The preview parses only the head of the file with the csv module, growing the head until it holds enough
rows, so it is instant for any file size. The full read runs pyarrow's multithreaded CSV reader (fast; progress
comes from the bytes it has read, and cancel makes its next read fail); files pyarrow refuses (stray
bytes in another encoding, ragged rows) are read again with pandas' C engine, which is more forgiving.
Everything is read as text; :func:`usagelens.io.columns.type_columns` decides the numbers afterwards, the
same way as for spreadsheets.
"""

from __future__ import annotations

import io
import mmap
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from os import PathLike
from typing import Any, BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from usagelens.io.columns import type_columns, unique_names
from usagelens.io.dialect import QUOTE, Record, parse_records
from usagelens.io.encoding import LENIENT_ERRORS, check_text, decode
from usagelens.io.errors import ImportCancelled, ImportFailed, display_name
from usagelens.io.formats import file_size
from usagelens.model.entities import ImportOptions

HEAD_START = 256 * 1024
HEAD_MAX = 16 * 1024 * 1024
BLOCK_SIZE = 1 << 20
BINARY_CHECK_BYTES = 64 * 1024
PANDAS_CHUNK_ROWS = 100_000
POLL_SECONDS = 0.05
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
) -> pd.DataFrame:
    """The whole table: text columns, then numbers where every value is a number."""
    header, _ = _head_table(path, options, 0)
    names = unique_names(header.fields)
    progress(0.0)
    try:
        frame = _read_with_arrow(path, options, names, header.next_line, progress, cancelled)
    except (pa.ArrowException, UnicodeError):
        frame = _read_with_pandas(path, options, names, header.next_line, progress, cancelled)
    return type_columns(frame, options.decimal)


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
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
) -> pd.DataFrame:
    """pyarrow's multithreaded reader on a worker thread, while this thread reports progress and honours
    cancel: the streaming reader parses one block at a time and was 2–3× slower on two cores."""
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
        newlines_in_values=encoding not in ("utf-8", "utf-8-sig") or _has_quote(path),
        ignore_empty_lines=True,
    )
    convert_options = pacsv.ConvertOptions(
        column_types={name: pa.string() for name in names},
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )
    size = max(file_size(path), 1)
    with open(path, "rb") as handle, ThreadPoolExecutor(max_workers=1) as executor:
        source = _WatchedFile(handle)
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
                raise
    if source.stopped:
        raise ImportCancelled
    progress(0.9)
    return table.to_pandas()  # text becomes pandas' pyarrow-backed str without a copy


def _has_quote(path: str | PathLike[str]) -> bool:
    """Whether the file holds a quote at all. Only a quoted value can hold a newline, and telling pyarrow
    that none can lets its threads split the file at any newline (a third faster); one memchr pass."""
    with open(path, "rb") as handle:
        if not file_size(path):
            return False
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return mapped.find(QUOTE.encode()) >= 0


class _WatchedFile(io.RawIOBase):
    """The file as pyarrow reads it: counts the bytes handed out (progress) and fails once stopped (cancel)."""

    def __init__(self, handle: BinaryIO) -> None:
        super().__init__()
        self._handle = handle
        self.bytes_read = 0
        self.stopped = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.stopped:
            raise ImportCancelled
        count = self._handle.readinto(buffer)
        self.bytes_read += count
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
