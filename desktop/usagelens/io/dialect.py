"""Reading the shape of a text table from a sample: delimiter, where the header is, decimal comma.

All guesses work on already decoded text and only on the first tens of kilobytes, so sniffing a 2 GB export
costs the same as sniffing a small one. The guesses are only defaults: the import dialog shows them and the
user can change every one.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

DELIMITERS = ",;\t|"
QUOTE = '"'
SNIFFER_MIN_CONSISTENCY = 0.9
DELIMITER_SAMPLE_CHARS = 16_000

# Long comments in survey exports exceed the csv module's default 128 KB field limit (process-wide setting).
csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))

_DOT_DECIMAL = re.compile(r"[-+]?\d+\.(\d{1,2}|\d{4,})")
_COMMA_DECIMAL = re.compile(r"[-+]?(\d+,(\d{1,2}|\d{4,})|\d{1,3}(\.\d{3})+,\d+)")


@dataclass(frozen=True)
class Record:
    """One parsed CSV record, the physical line it starts on and the line after it (a quoted value can
    span lines; header rows are counted in lines, as the CSV engines' ``skip_rows`` counts them)."""

    line: int
    fields: list[str]
    next_line: int

    @property
    def blank(self) -> bool:
        return not any(field.strip() for field in self.fields)


def parse_records(text: str, delimiter: str) -> list[Record]:
    """The records of ``text`` as the csv module reads them: quoted delimiters and newlines respected."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=QUOTE, strict=False)
    records: list[Record] = []
    start = 0
    try:
        for fields in reader:
            records.append(Record(start, fields, reader.line_num))
            start = reader.line_num
    except csv.Error:
        pass  # a sample cut inside a quoted value ends there; the records so far are still good
    return records


def only_separators(text: str) -> bool:
    """Whether ``text`` has characters but every one is a delimiter or white space: a table without data,
    which would otherwise read as one column named ``,,,`` or as rows of nothing."""
    return bool(text.strip()) and not text.strip(DELIMITERS + " \r\n")


def detect_delimiter(text: str) -> str:
    """The delimiter among ``, ; tab |`` that splits the sample into the most consistent column counts.

    ``csv.Sniffer`` is asked first and kept when its guess is as consistent as the best one: it also weighs
    quoting. The count decides otherwise, because the sniffer is easily fooled by title lines. The first
    lines are plenty to tell and spare four full parses of a long sample.
    """
    text = _first_lines(text, DELIMITER_SAMPLE_CHARS)
    scores = {delimiter: _consistency(parse_records(text, delimiter)) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: scores[d])
    try:
        sniffed = csv.Sniffer().sniff(text, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return best
    share, width = scores[sniffed]
    if width > 1 and share >= SNIFFER_MIN_CONSISTENCY and share >= scores[best][0]:
        return sniffed
    return best


def detect_header_row(widths: Sequence[int]) -> int:
    """The row where the table starts: the first row as wide as the table (title and blank rows above it
    are narrower). ``widths`` gives each row's number of fields, 0 for a blank row."""
    filled = [width for width in widths if width > 0]
    if not filled:
        return 0
    table_width = _typical_width(filled)
    return next(row for row, width in enumerate(widths) if width >= table_width)


def detect_decimal(records: Sequence[Record], delimiter: str) -> str:
    """``","`` when the delimiter leaves the comma free and numbers are written like ``1,5`` (European
    Excel), else ``"."``. Only unambiguous values count: ``1,500`` could be either."""
    if delimiter == ",":
        return "."
    comma = dot = 0
    for record in records:
        for field in record.fields:
            value = field.strip()
            comma += bool(_COMMA_DECIMAL.fullmatch(value))
            dot += bool(_DOT_DECIMAL.fullmatch(value))
    return "," if comma > dot else "."


def _consistency(records: Sequence[Record]) -> tuple[float, int]:
    """(share of rows with the table's width, that width); a single column scores nothing."""
    widths = [len(record.fields) for record in records if not record.blank]
    if not widths:
        return 0.0, 0
    width = _typical_width(widths)
    if width < 2:
        return 0.0, width
    return sum(w == width for w in widths) / len(widths), width


def _first_lines(text: str, limit: int) -> str:
    """The whole lines within the first ``limit`` characters of ``text`` (all of it when it is shorter, or
    when its first line alone is longer)."""
    if len(text) <= limit:
        return text
    end = text.rfind("\n", 0, limit)
    return text[: end + 1] if end > 0 else text


def _typical_width(widths: Sequence[int]) -> int:
    """The most common width; the wider one on a tie (a tiny table can have as many title rows as rows)."""
    counts = Counter(widths)
    return max(counts, key=lambda width: (counts[width], width))
