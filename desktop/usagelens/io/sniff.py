"""Guessing how to read a file, so the import dialog opens with the right settings already chosen."""

from __future__ import annotations

from os import PathLike

from usagelens.io.containers import Part
from usagelens.io.dialect import detect_decimal, detect_delimiter, detect_header_row, only_separators, parse_records
from usagelens.io.encoding import decode, detect_encoding
from usagelens.io.errors import IS_EMPTY, ImportFailed, no_data_message
from usagelens.io.excel_reader import first_filled_sheet, row_widths
from usagelens.io.formats import FileFormat
from usagelens.io.tables import open_export
from usagelens.model.entities import ImportOptions

SNIFF_BYTES = 64 * 1024


def detect_options(path: str | PathLike[str]) -> ImportOptions:
    """Encoding, delimiter, header row and decimal mark of a text export, or the first filled sheet and its
    header row of a workbook; JSON and Parquet say how they are read themselves. Reads only the head of the
    (first) file: 64 KB of a text file. The members of a zip are read with the options of the first."""
    with open_export(path) as export:
        first = export.parts[0]
        if export.format is FileFormat.SPREADSHEET:
            sheet, rows = first_filled_sheet(first)
            return ImportOptions(sheet=sheet, header_row=detect_header_row(row_widths(rows)))
        if export.format is FileFormat.TEXT:
            return _text_options(first)
        return ImportOptions()


def _text_options(part: Part) -> ImportOptions:
    name = part.label
    head = part.head(SNIFF_BYTES + 1)
    complete = len(head) <= SNIFF_BYTES
    head = head[:SNIFF_BYTES]
    encoding = detect_encoding(head, name)
    text = decode(head, encoding, final=complete)
    if not text.strip():
        raise ImportFailed(IS_EMPTY.format(name=name))
    if only_separators(text):
        raise ImportFailed(no_data_message(name))
    if not complete:
        text = text[: text.rfind("\n") + 1] or text  # a cut last line would skew the column counts
    delimiter = detect_delimiter(text)
    records = parse_records(text, delimiter)
    header_row = records[detect_header_row([0 if r.blank else len(r.fields) for r in records])].line
    data = [record for record in records if record.line > header_row]
    return ImportOptions(
        encoding=encoding,
        delimiter=delimiter,
        header_row=header_row,
        decimal=detect_decimal(data, delimiter),
    )
