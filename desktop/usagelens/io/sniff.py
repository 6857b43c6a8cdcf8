"""Guessing how to read a file, so the import dialog opens with the right settings already chosen."""

from __future__ import annotations

from os import PathLike

from usagelens.io.dialect import detect_decimal, detect_delimiter, detect_header_row, parse_records
from usagelens.io.encoding import decode, detect_encoding
from usagelens.io.errors import ImportFailed, display_name
from usagelens.io.excel_reader import first_filled_sheet, row_widths
from usagelens.io.formats import FileFormat, check_file, read_head
from usagelens.model.entities import ImportOptions

SNIFF_BYTES = 64 * 1024


def detect_options(path: str | PathLike[str]) -> ImportOptions:
    """Encoding, delimiter, header row and decimal mark of a text export, or the first filled sheet and its
    header row of a workbook. Reads only the first 64 KB of a text file."""
    if check_file(path) is FileFormat.SPREADSHEET:
        sheet, rows = first_filled_sheet(path)
        return ImportOptions(sheet=sheet, header_row=detect_header_row(row_widths(rows)))
    name = display_name(path)
    head = read_head(path, SNIFF_BYTES + 1)
    complete = len(head) <= SNIFF_BYTES
    head = head[:SNIFF_BYTES]
    encoding = detect_encoding(head, name)
    text = decode(head, encoding, final=complete)
    if not text.strip():
        raise ImportFailed(f"{name} is empty.")
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
