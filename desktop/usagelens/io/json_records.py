"""The exact JSON reader: Python's :mod:`json`, one record at a time, for what pyarrow's reader cannot read (a
JSON array, pretty-printed records, a field that is an object in one record and text in the next, a record
too long to learn a layout from). About five times slower than pyarrow, and it reads any valid JSON; its error
messages name the line a broken record starts on.

Its table is the one pyarrow's path gives: one text column per leaf under dotted names, numbers as Python
writes them, ``true``/``false``, lists as JSON, empty text as missing.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from typing import BinaryIO

import pyarrow as pa

from usagelens.io.callbacks import Cancelled, Progress
from usagelens.io.containers import Part
from usagelens.io.encoding import LENIENT_ERRORS
from usagelens.io.errors import ImportCancelled, ImportFailed
from usagelens.io.nested import json_text
from usagelens.io.watched import READ_SHARE, WatchedStream
from usagelens.model.translatable import QT_TRANSLATE_NOOP

TEXT_CHUNK = 1 << 20
MAX_RECORD_CHARS = 64 << 20  # one record longer than this is a broken file, not a record
CHECK_EVERY = 10_000  # records between progress reports and cancel checks
_SPACE = re.compile(r"[\s,]*")  # between records: white space, and the commas of an array


def exact_table(part: Part, progress: Progress, cancelled: Cancelled, limit: int | None = None) -> pa.Table:
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
                raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} ends before its JSON array is closed; the file "
                                                               "is probably cut off.").format(name=label))
            return
        if in_array and char == "]":
            return
        value = scanner.value()
        if not isinstance(value, dict):
            sentence = QT_TRANSLATE_NOOP("Import", "{name} does not hold records: line {line} is a JSON list, not an "
                                                   "object with named fields.") if isinstance(value, list) else \
                QT_TRANSLATE_NOOP("Import", "{name} does not hold records: line {line} is a JSON single value, not an "
                                            "object with named fields.")
            raise ImportFailed(sentence.format(name=label, line=scanner.line()))
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
                    QT_TRANSLATE_NOOP("Import", "{name} is not valid JSON at line {line} ({problem}); the file may be "
                                                "cut off or not be JSON.").format(name=self._label, line=self.line(),
                                                                                  problem=error.msg)
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
