"""Reading JSON exports: JSON lines (Mixpanel's and Amplitude's raw exports), a JSON array of records, or
pretty-printed records one after another. Nested objects become dotted columns (:mod:`usagelens.io.nested`).

pyarrow's JSON reader parses JSON lines on every core, with progress and Cancel as the CSV reader has them. It
cannot read a JSON array, and it refuses a field whose values change type (an id that is a number in one
record and text in the next, exactly where ``7`` and ``"007"`` must stay two users); those files are read by
Python's :mod:`json`, exactly and about five times slower. Both give the same table: one text column per leaf
(numbers as written, ``true``/``false``, lists as JSON), typed afterwards the way a CSV is.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.json as pajson

from usagelens.io.callbacks import Cancelled, Progress, never_cancelled, no_progress, scaled
from usagelens.io.containers import Part
from usagelens.io.encoding import LENIENT_ERRORS
from usagelens.io.errors import ImportCancelled, ImportFailed
from usagelens.io.nested import flat_table, json_text, text_table
from usagelens.io.watched import READ_SHARE, WatchedStream, read_watched

HEAD_BYTES = 1 << 20  # the layout is learnt from the first megabyte (thousands of records)
BLOCK_SIZE = 4 << 20
TEXT_CHUNK = 1 << 20
MAX_RECORD_CHARS = 64 << 20  # one record longer than this is a broken file, not a record
CHECK_EVERY = 10_000  # records between progress reports and cancel checks on the exact path
_SPACE = re.compile(r"[\s,]*")  # between records: white space, and the commas of an array


@dataclass(frozen=True)
class _Layout:
    """What the head says about reading the rest with pyarrow: the fields to keep as text (pyarrow would turn
    date-like strings into timestamps), whether records span lines, and the head's column order."""

    text_fields: pa.Schema
    multiline: bool
    order: list[str]


def read_json_preview(part: Part, rows: int) -> pd.DataFrame:
    """The first ``rows`` records as text, read the way the whole file will be."""
    head = part.head(HEAD_BYTES + 1)
    layout = _layout(head)
    if layout is not None:
        whole = _whole_lines(head, complete=len(head) <= HEAD_BYTES)
        table = pajson.read_json(io.BytesIO(whole), parse_options=_parse_options(layout))
        return _finish(table.slice(0, rows), layout.order)
    return _exact_table(part, no_progress, never_cancelled, limit=rows).to_pandas()


def read_json_table(part: Part, progress: Progress, cancelled: Cancelled) -> pd.DataFrame:
    """Every record, one text column per leaf."""
    layout = _layout(part.head(HEAD_BYTES + 1))
    if layout is None:
        return _exact_table(part, progress, cancelled).to_pandas()
    read_options = pajson.ReadOptions(block_size=BLOCK_SIZE, use_threads=True)
    parse_options = _parse_options(layout)
    reached = [0.0]

    def report(fraction: float) -> None:
        reached[0] = fraction
        progress(fraction)

    try:
        table = read_watched(part, lambda source: pajson.read_json(source, read_options, parse_options),
                             report, cancelled)
    except pa.ArrowInvalid:
        # A field changes type after the head, or a record is broken (the exact reader says which): read it
        # again exactly, the bar going on from where it stopped.
        return _exact_table(part, scaled(progress, reached[0], 1 - reached[0]), cancelled).to_pandas()
    return _finish(table, layout.order)


def _layout(head: bytes) -> _Layout | None:
    """How pyarrow should read the file, from its head; None when pyarrow cannot (an array, a field that
    changes type within the head, not UTF-8 or not JSON at all)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{"):
        return None
    first_line = text.split(b"\n", 1)[0]
    try:
        multiline = not isinstance(json.loads(first_line), dict)
    except ValueError:
        multiline = True
    whole = _whole_lines(head, complete=len(head) <= HEAD_BYTES)
    if not whole.strip():
        return None  # not one whole line in the head: records too long to learn from, read exactly
    try:
        table = pajson.read_json(io.BytesIO(whole), parse_options=pajson.ParseOptions(newlines_in_values=multiline))
    except pa.ArrowInvalid:
        return None
    return _Layout(_as_text(table.schema), multiline, flat_table(table).column_names)


def _parse_options(layout: _Layout) -> pajson.ParseOptions:
    return pajson.ParseOptions(
        explicit_schema=layout.text_fields, newlines_in_values=layout.multiline, unexpected_field_behavior="infer"
    )


def _as_text(schema: pa.Schema) -> pa.Schema:
    """The fields of ``schema`` that pyarrow inferred as timestamps, as text (nested ones inside their struct):
    the export's own text is kept and timestamps are parsed once, by the role's parser."""

    def text_fields(fields: list[pa.Field]) -> list[pa.Field]:
        kept = []
        for field in fields:
            if pa.types.is_timestamp(field.type):
                kept.append(pa.field(field.name, pa.string()))
            elif pa.types.is_struct(field.type):
                inner = text_fields(list(field.type))
                if inner:
                    kept.append(pa.field(field.name, pa.struct(inner)))
        return kept

    return pa.schema(text_fields(list(schema)))


def _whole_lines(head: bytes, *, complete: bool) -> bytes:
    """``head`` without a last line cut in the middle (a partial record would fail to parse)."""
    return head if complete else head[: head.rfind(b"\n") + 1]


def _finish(table: pa.Table, order: list[str]) -> pd.DataFrame:
    """pyarrow's table flat and as text, its columns in the head's order (explicit text fields come first in
    pyarrow's schema) with fields first seen later after them."""
    flat = text_table(flat_table(table))
    names = flat.column_names
    known = [name for name in order if name in names]
    return flat.select(known + [name for name in names if name not in known]).to_pandas()


def _exact_table(part: Part, progress: Progress, cancelled: Cancelled, limit: int | None = None) -> pa.Table:
    """The records read by Python's json module, one text column per leaf; at most ``limit`` of them."""
    columns: dict[str, list[str | None]] = {}
    rows = 0
    with part.open() as handle:
        source = WatchedStream(handle)
        for rows, record in enumerate(_records(io.BufferedReader(source), part.label), start=1):
            _flatten_into(columns, record, "", rows - 1)
            if rows % CHECK_EVERY == 0:
                if cancelled():
                    raise ImportCancelled
                progress(READ_SHARE * part.share_read(source.bytes_read))
            if rows == limit:
                break
    for values in columns.values():
        values.extend([None] * (rows - len(values)))
    return pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()})


def _flatten_into(columns: dict[str, list[str | None]], record: dict[str, object], prefix: str, row: int) -> None:
    """Append ``record``'s leaves as row ``row``: a nested object's leaves under dotted names, missing
    leaves of earlier rows filled with None. A name taken twice in one record (a key ``"a.b"`` beside an
    object ``a`` with a key ``b``) gets a numbered copy, as the CSV reader names repeated headers."""
    for key, value in record.items():
        name = prefix + key
        if isinstance(value, dict):
            _flatten_into(columns, value, name + ".", row)
            continue
        copy = 1
        while len(column := columns.setdefault(name if copy == 1 else f"{name}_{copy}", [])) > row:
            copy += 1
        column.extend([None] * (row - len(column)))
        column.append(_text(value))


def _text(value: object) -> str | None:
    """A JSON value as the text pyarrow's path gives it: numbers as Python writes them, lowercase booleans,
    lists as JSON, empty text as missing."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json_text(value)


def _records(stream: BinaryIO, label: str) -> Iterator[dict[str, object]]:
    """The records of a JSON array, of JSON lines or of objects one after another, decoded as they are read."""
    scanner = _Scanner(stream, label)
    in_array = scanner.next_char() == "["
    if in_array:
        scanner.skip(1)
    while True:
        char = scanner.next_char()
        if char == "":
            if in_array:
                raise ImportFailed(f"{label} ends before its JSON array is closed; the file is probably cut off.")
            return
        if in_array and char == "]":
            return
        value = scanner.value()
        if not isinstance(value, dict):
            kind = "list" if isinstance(value, list) else "single value"
            raise ImportFailed(
                f"{label} does not hold records: line {scanner.line()} is a JSON {kind}, "
                "not an object with named fields."
            )
        yield value


class _Scanner:
    """Text decoded from a byte stream a chunk at a time, parsed one JSON value at a time, keeping only what
    is not yet parsed (a few megabytes whatever the file's size)."""

    def __init__(self, stream: BinaryIO, label: str) -> None:
        self._stream = stream
        self._label = label
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors=LENIENT_ERRORS)
        self._parse = json.JSONDecoder().raw_decode
        self._text = ""
        self._pos = 0
        self._lines_before = 1  # the line number of the text's start
        self._eof = False

    def next_char(self) -> str:
        """The next character that is not white space or a separating comma ("" at the end)."""
        while True:
            self._pos = _SPACE.match(self._text, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._text):
                return self._text[self._pos]
            if not self._fill():
                return ""

    def skip(self, count: int) -> None:
        self._pos += count

    def value(self) -> object:
        """The JSON value starting here; :class:`ImportFailed` naming its line when it is not valid JSON."""
        while True:
            try:
                value, self._pos = self._parse(self._text, self._pos)
                return value
            except json.JSONDecodeError as error:
                if len(self._text) - self._pos < MAX_RECORD_CHARS and self._fill():
                    continue  # the value may go on in the next chunk
                raise ImportFailed(  # named by the line the value starts on, where the user would look
                    f"{self._label} is not valid JSON at line {self.line()} ({error.msg}); "
                    "the file may be cut off or not be JSON."
                ) from None

    def line(self) -> int:
        return self._lines_before + self._text.count("\n", 0, self._pos)

    def _fill(self) -> bool:
        """Read the next chunk, dropping the parsed text; False when the stream had nothing more."""
        if self._eof:
            return False
        chunk = self._stream.read(TEXT_CHUNK)
        self._eof = not chunk
        self._lines_before += self._text.count("\n", 0, self._pos)
        self._text = self._text[self._pos :] + self._decoder.decode(chunk, final=self._eof)
        self._pos = 0
        return True
