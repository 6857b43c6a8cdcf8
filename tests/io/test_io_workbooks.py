"""Spreadsheets: sheet choice, merged cells, cached formula results, titles above the header."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl

from usagelens.io import detect_options, list_sheets, read_preview, read_table
from usagelens.model.entities import ImportOptions

DataFile = Callable[[str], Path]


def test_sheets_listed_in_order(data_file: DataFile) -> None:
    assert list_sheets(data_file("workbook.xlsx")) == ["Empty", "Orders", "Summary"]


def test_text_file_has_no_sheets(data_file: DataFile) -> None:
    assert list_sheets(data_file("pipe.txt")) == []


def test_first_filled_sheet_is_chosen(data_file: DataFile) -> None:
    options = detect_options(data_file("workbook.xlsx"))
    assert (options.sheet, options.header_row) == ("Orders", 0)


def test_merged_cells_and_formula_results(data_file: DataFile) -> None:
    table = read_table(data_file("workbook.xlsx"), ImportOptions(sheet="Orders"))
    assert table.to_dict("list") == {
        "order_id": ["A1", "A2", "A3"],
        "customer": ["acme", "acme", "globex"],  # B2:B3 merged
        "quantity": [2, 3, 1],
        "unit_price": [1.5, 2.0, 10.25],
        "total": [3.0, 6.0, 10.25],  # =C*D, the value Excel saved
    }
    assert str(table["quantity"].dtype) == "int64"


def test_preview_of_sheet_is_text(data_file: DataFile) -> None:
    preview = read_preview(data_file("workbook.xlsx"), ImportOptions(sheet="Orders"), rows=2)
    assert preview.to_dict("list") == {
        "order_id": ["A1", "A2"],
        "customer": ["acme", "acme"],
        "quantity": ["2", "3"],
        "unit_price": ["1.5", "2"],
        "total": ["3", "6"],
    }


def test_merged_title_above_header_is_skipped(data_file: DataFile) -> None:
    path = data_file("workbook.xlsx")
    header_row = detect_options(path).header_row  # of Orders; Summary is chosen by the user below
    assert header_row == 0
    options = ImportOptions(sheet="Summary", header_row=1)
    table = read_table(path, options)
    assert table.to_dict("list") == {
        "customer": ["acme", "globex"],
        "orders": [2, 1],
        "revenue": [9.0, 10.25],
    }


def test_header_detected_below_a_title_on_the_first_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"] = "Monthly revenue export"
    sheet.merge_cells("B2:D2")
    sheet.append([])
    for row in (["user_id", "date", "amount"], ["007", "2025-01-01", 5], [7, "2025-01-02", 2.5]):
        sheet.append([None, *row])
    path = tmp_path / "titled.xlsx"
    book.save(path)
    options = detect_options(path)
    assert options.header_row == 3
    table = read_table(path, options)
    assert table.to_dict("list") == {
        "user_id": ["007", "7"],
        "date": ["2025-01-01", "2025-01-02"],
        "amount": [5.0, 2.5],
    }


def test_workbook_saved_with_xls_name_still_opens(data_file: DataFile, tmp_path: Path) -> None:
    path = tmp_path / "orders.xls"
    shutil.copy(data_file("workbook.xlsx"), path)
    assert detect_options(path).sheet == "Orders"
    assert read_table(path, ImportOptions(sheet="Orders"))["order_id"].tolist() == ["A1", "A2", "A3"]


def test_tab_separated_text_named_xls_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("user_id\tevent\nu1\tlogin\n")
    options = detect_options(path)
    assert options.delimiter == "\t"
    assert read_table(path, options).to_dict("list") == {"user_id": ["u1"], "event": ["login"]}
