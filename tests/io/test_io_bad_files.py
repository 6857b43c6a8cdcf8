"""Every broken or wrong file ends in one clear sentence, never a parser's exception."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from usagelens.io import ImportFailed, build_source, detect_options, list_sheets, read_preview, read_table
from usagelens.io import tables as tables_module
from usagelens.model.entities import ImportOptions, SourceKind


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "empty.csv is empty."),
        ("binary_junk.csv", "binary_junk.csv does not look like a text table (it contains binary data)."),
        (
            "document.pdf",
            "document.pdf is a PDF document, not a data export; export the data from the tool that made it "
            "as CSV, Excel or JSON.",
        ),
        (
            "protected.xlsx",
            "protected.xlsx is password-protected; remove the password in Excel and export again.",
        ),
        (
            "web_page.xls",
            "web_page.xls is really a web page (HTML) saved with a .xls name; "
            "open it in Excel and save as .xlsx or CSV.",
        ),
        ("truncated.xlsx", "truncated.xlsx is damaged or incomplete; open it in Excel and save it again."),
    ],
)
def test_unreadable_file_is_explained(data_file: Callable[[str], Path], name: str, message: str) -> None:
    with pytest.raises(ImportFailed) as detect_error:
        detect_options(data_file(name))
    assert str(detect_error.value) == message
    with pytest.raises(ImportFailed) as read_error:
        read_table(data_file(name), ImportOptions())
    assert str(read_error.value) == message


def test_protected_workbook_is_a_real_encrypted_ole2_file(data_file: Callable[[str], Path]) -> None:
    content = data_file("protected.xlsx").read_bytes()
    assert content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert "EncryptionInfo".encode("utf-16-le") in content


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"^gone\.csv was not found; it may have been moved or deleted\.$"):
        detect_options(tmp_path / "gone.csv")


def test_empty_sheet_named_in_message(data_file: Callable[[str], Path]) -> None:
    with pytest.raises(ImportFailed) as error:
        read_table(data_file("workbook.xlsx"), ImportOptions(sheet="Empty"))
    assert str(error.value) == "The sheet 'Empty' in workbook.xlsx is empty."


def test_unknown_sheet(data_file: Callable[[str], Path]) -> None:
    with pytest.raises(ImportFailed) as error:
        read_preview(data_file("workbook.xlsx"), ImportOptions(sheet="Q3"))
    assert str(error.value) == "workbook.xlsx has no sheet named 'Q3'."


def test_excel_2003_xml_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>\n'
    )
    with pytest.raises(ImportFailed) as error:
        list_sheets(path)
    assert str(error.value) == (
        "export.xls is an Excel 2003 XML spreadsheet; open it in Excel and save as .xlsx or CSV."
    )


def test_text_saved_as_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ImportFailed) as error:
        detect_options(path)
    assert str(error.value) == "report.xlsx is damaged or incomplete; it is not a workbook Excel can open."


def test_header_only_reads_as_empty_table_but_cannot_become_a_source(
    data_file: Callable[[str], Path],
) -> None:
    path = data_file("header_only.csv")
    options = detect_options(path)
    table = read_table(path, options)
    assert list(table.columns) == ["user_id", "timestamp", "event"]
    assert table.empty
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    with pytest.raises(ImportFailed) as error:
        build_source(path, options, SourceKind.EVENTS, roles)
    assert str(error.value) == "header_only.csv has column names but no data rows."


def test_row_with_too_many_values_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("a,b\n1,2\n3,4,5\n")
    with pytest.raises(ImportFailed) as error:
        read_table(path, detect_options(path))
    assert str(error.value) == (
        "Line 3 of ragged.csv has 3 values but the header has 2 columns; "
        "check the delimiter and the header row."
    )


def test_unexpected_parser_error_still_becomes_import_failed(
    data_file: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise KeyError("internal")

    monkeypatch.setattr(tables_module, "read_csv_table", broken)
    with pytest.raises(ImportFailed) as error:
        read_table(data_file("pipe.txt"), ImportOptions(delimiter="|"))
    assert (
        str(error.value)
        == "pipe.txt could not be read (KeyError); check that it is a CSV, Excel, JSON or Parquet export."
    )
