"""Reading JSON exports: JSON lines (Mixpanel's and Amplitude's raw exports), a JSON array of records, or
pretty-printed records one after another. Nested objects become dotted columns (:mod:`usagelens.io.nested`).

pyarrow's JSON reader parses JSON lines on every core, with progress and Cancel as the CSV reader has them.
It refuses a field whose values change type: an id that is a number in one record and text in the next,
exactly where ``7`` and ``"007"`` must stay two users. Such a field's numbers and booleans are turned into
JSON text as the bytes stream in (they are read as text anyway, then typed the way a CSV is), which costs a
regular-expression pass instead of the exact reader's five-fold time. What pyarrow still cannot read (a JSON
array, objects that turn into text) goes to the exact reader, :mod:`usagelens.io.json_records`. Both give the
same table.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.json as pajson

from usagelens.io.callbacks import Cancelled, Progress, never_cancelled, no_progress, scaled
from usagelens.io.containers import Part
from usagelens.io.errors import ImportFailed
from usagelens.io.json_records import exact_table
from usagelens.io.nested import flat_table, text_table
from usagelens.io.watched import read_watched
from usagelens.model.translatable import QT_TRANSLATE_NOOP

HEAD_BYTES = 1 << 20  # the layout is learnt from the first megabyte (thousands of records)
BLOCK_SIZE = 4 << 20
QUOTE_CHUNK = 4 << 20
MAX_QUOTED_FIELDS = 8  # fields read as text before the exact reader is the better bet
# pyarrow's message for a field whose values change between scalar types (not to or from objects and lists).
_SCALAR_CHANGE = re.compile(r"Column\(([^)]*)\) changed from (?:number|string|boolean) to (?:number|string|boolean)")


@dataclass(frozen=True)
class _Layout:
    """What the head says about reading the rest with pyarrow: the fields to keep as text (pyarrow would turn
    date-like strings into timestamps), the names whose scalar values are quoted into text, whether records
    span lines, and the head's column order."""

    text_fields: pa.Schema
    quoted: frozenset[str]
    multiline: bool
    order: list[str]

    def parse_options(self) -> pajson.ParseOptions:
        return pajson.ParseOptions(
            explicit_schema=self.text_fields, newlines_in_values=self.multiline, unexpected_field_behavior="infer"
        )


def read_json_preview(part: Part, rows: int) -> pd.DataFrame:
    """The first ``rows`` records as text, read the way the whole file will be."""
    head = part.head(HEAD_BYTES + 1)
    layout = _layout(head)
    if layout is None:
        return _with_columns(exact_table(part, no_progress, never_cancelled, limit=rows).to_pandas(), part)
    source = _quoting(io.BytesIO(_whole_lines(head)), layout.quoted)
    table = pajson.read_json(source, parse_options=layout.parse_options())
    return _with_columns(_finish(table.slice(0, rows), layout.order, keep_numbers=False), part)


class JsonFiles:
    """Reads the JSON files of one export one after the other. The layout learnt from the first file's head
    serves the rest (a month of Amplitude's hourly files has one shape; learning it again cost a third of the
    time of each small file), and a field found to change type stays quoted for the files after it."""

    def __init__(self) -> None:
        self._layout: _Layout | None = None

    def read(self, part: Part, progress: Progress, cancelled: Cancelled) -> pd.DataFrame:
        """Every record: text columns, and number columns where a field only ever holds numbers."""
        if self._layout is None:
            self._layout = _layout(part.head(HEAD_BYTES + 1))
        read_options = pajson.ReadOptions(block_size=BLOCK_SIZE, use_threads=True)
        reached = 0.0

        def report(fraction: float) -> None:
            nonlocal reached
            reached = fraction
            progress(fraction)

        while (layout := self._layout) is not None:

            def read(source: BinaryIO, layout: _Layout = layout) -> pa.Table:
                return pajson.read_json(_quoting(source, layout.quoted), read_options, layout.parse_options())

            try:
                table = read_watched(part, read, report, cancelled)
            except pa.ArrowInvalid as error:
                self._layout = _quoting_more(layout, error)  # a field changes type after the head
            else:
                return _with_columns(_finish(table, layout.order, keep_numbers=True), part)
        # Broken, or beyond pyarrow: read exactly, the bar going on from where it stopped.
        return _with_columns(exact_table(part, scaled(progress, reached, 1 - reached), cancelled).to_pandas(), part)


def _with_columns(frame: pd.DataFrame, part: Part) -> pd.DataFrame:
    """``frame``, unless no record holds a value (``[]``, or only ``{}``): that is no table."""
    if not len(frame.columns):
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} holds no records with values.").format(name=part.label))
    return frame


def _layout(head: bytes) -> _Layout | None:
    """How pyarrow should read the file, from its head; None when pyarrow cannot (an array, not one whole
    record in the head, a field that is an object in one record and text in another, not JSON at all)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{"):
        return None
    try:
        multiline = not isinstance(json.loads(text.split(b"\n", 1)[0]), dict)
    except ValueError:
        multiline = True
    whole = _whole_lines(head)
    if not whole.strip():
        return None
    layout: _Layout | None = _Layout(pa.schema([]), frozenset(), multiline, [])
    while layout is not None:
        parse = pajson.ParseOptions(newlines_in_values=multiline)
        try:
            table = pajson.read_json(_quoting(io.BytesIO(whole), layout.quoted), parse_options=parse)
        except pa.ArrowInvalid as error:
            layout = _quoting_more(layout, error)
            continue
        return _Layout(_as_text(table.schema), layout.quoted, multiline, flat_table(table).column_names)
    return None


def _quoting_more(layout: _Layout, error: pa.ArrowInvalid) -> _Layout | None:
    """``layout`` with the field pyarrow's ``error`` names quoted as well, or None when the error is not a
    change between scalar types or too many fields are quoted already."""
    found = _SCALAR_CHANGE.search(str(error))
    if found is None or len(layout.quoted) >= MAX_QUOTED_FIELDS:
        return None
    name = found.group(1).rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")  # a JSON pointer's last step
    if name in layout.quoted:
        return None
    return _Layout(layout.text_fields, layout.quoted | {name}, layout.multiline, layout.order)


def _quoting(stream: BinaryIO, names: frozenset[str]) -> BinaryIO:
    """``stream`` with the numbers and booleans of the fields called ``names`` written as JSON text."""
    if not names:
        return stream
    keys = "|".join(re.escape(json.dumps(name, ensure_ascii=False)) for name in sorted(names))
    pattern = re.compile(rf'((?:{keys})\s*:\s*)(-?\d[\d.eE+-]*|true|false)'.encode())
    return io.BufferedReader(_QuotedValues(stream, lambda data: pattern.sub(rb'\1"\2"', data)), QUOTE_CHUNK)


class _QuotedValues(io.RawIOBase):
    """A stream rewritten a run of whole lines at a time (a field and its value share a line in JSON lines)."""

    def __init__(self, stream: BinaryIO, rewrite: Callable[[bytes], bytes]) -> None:
        super().__init__()
        self._stream = stream
        self._rewrite = rewrite
        self._ready = memoryview(b"")
        self._partial = b""  # a line whose end has not been read yet

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._ready:
            chunk = self._stream.read(QUOTE_CHUNK)
            data = self._partial + chunk
            if not chunk:
                self._partial = b""
                if not data:
                    return 0
                cut = len(data)
            else:
                cut = data.rfind(b"\n") + 1
                self._partial = data[cut:]
            self._ready = memoryview(self._rewrite(data[:cut]))
        count = min(len(buffer), len(self._ready))
        buffer[:count] = self._ready[:count]
        self._ready = self._ready[count:]
        return count


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


def _whole_lines(head: bytes) -> bytes:
    """The head without a last line cut in the middle (a partial record would fail to parse)."""
    return head if len(head) <= HEAD_BYTES else head[: head.rfind(b"\n") + 1]


def _finish(table: pa.Table, order: list[str], *, keep_numbers: bool) -> pd.DataFrame:
    """pyarrow's table flat and as text (but ``keep_numbers``), its columns in the head's order (explicit text
    fields come first in pyarrow's schema) with fields first seen later after them."""
    flat = text_table(flat_table(table), keep_numbers=keep_numbers)
    names = flat.column_names
    known = [name for name in order if name in names]
    return flat.select(known + [name for name in names if name not in known]).to_pandas()
