"""Files that hold no table are named for what they are, with what to do instead; files of only separators and
trailing blank lines are not mistaken for data."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from usagelens.io import ImportFailed, build_source, detect_options, file_info, read_preview, read_table
from usagelens.model.entities import ImportOptions, SourceKind


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "report.numbers",
            "report.numbers is an Apple Numbers file; export it as CSV or Excel (in the app: File ▸ Export To).",
        ),
        (
            "screenshot.png",
            "screenshot.png is an image (PNG), not a data export; export the data itself as CSV, Excel or JSON.",
        ),
        (
            "app.sqlite",
            "app.sqlite is a SQLite database; export the table you need as CSV "
            "(e.g. DB Browser for SQLite: File ▸ Export ▸ Table as CSV).",
        ),
        (
            "budget.gsheet",
            "budget.gsheet is a Google Sheets shortcut, not the data; open it in Google Sheets and download it "
            "as CSV or Excel (File ▸ Download).",
        ),
        (
            "document.pdf",
            "document.pdf is a PDF document, not a data export; export the data from the tool that made it "
            "as CSV, Excel or JSON.",
        ),
        ("separators_only.csv", "separators_only.csv has no data: it holds only separators and blank lines."),
    ],
)
def test_refused_file_names_what_it_is(data_file: Callable[[str], Path], name: str, message: str) -> None:
    for attempt in (detect_options, lambda path: read_table(path, ImportOptions())):
        with pytest.raises(ImportFailed) as error:
            attempt(data_file(name))
        assert str(error.value) == message


def test_numbers_file_is_recognised_by_content_and_as_a_package_folder(tmp_path: Path) -> None:
    renamed = tmp_path / "budget.zip"  # a Numbers file whose suffix was lost or changed
    with zipfile.ZipFile(renamed, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\0")
    with pytest.raises(ImportFailed, match=r"^budget\.zip is an Apple Numbers file; export it as CSV or Excel"):
        file_info(renamed)
    package = tmp_path / "Budget.numbers"  # how macOS stores a Numbers document: a folder
    package.mkdir()
    (package / "Index.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    with pytest.raises(ImportFailed, match=r"^Budget\.numbers is an Apple Numbers file; export it as CSV"):
        detect_options(package)


def test_folder_is_refused_with_what_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ImportFailed) as error:
        read_preview(folder, ImportOptions())
    assert str(error.value) == (
        "exports is a folder; import the export files inside it, or zip the folder to import them as one source."
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "photo.jpg is an image (JPEG), not a data export"),
        ("photo.heic", b"\0\0\0\x18ftypheic\0\0\0\0", "photo.heic is an image (HEIC), not a data export"),
        ("backup.tar", b"x" * 257 + b"ustar\x0000" + b"\0" * 300, "backup.tar is a tar archive, which UsageLens"),
        ("data.7z", b"7z\xbc\xaf\x27\x1c\0\4", "data.7z is a 7-Zip archive, which UsageLens does not unpack"),
        ("notes.docx", None, "notes.docx is a Word document, not a data export; export the data as CSV or Excel."),
        (
            "server.log",
            b'{"user": "u1"}\n',
            "server.log is not a file UsageLens reads; it imports CSV, Excel, JSON and Parquet exports "
            "(also as .gz or .zip).",
        ),
        ("events.parquet", b"user_id,event\n", "events.parquet is not a Parquet file (it lacks Parquet's signature)"),
        ("export.json", b"", "export.json is empty."),
    ],
)
def test_other_files_that_hold_no_table(tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
    else:
        path.write_bytes(content)
    with pytest.raises(ImportFailed) as error:
        detect_options(path)
    assert str(error.value).startswith(message)


def test_a_file_without_a_suffix_is_read_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text("user_id,event\nu1,login\n", encoding="utf-8")
    assert read_table(path, detect_options(path)).to_dict("list") == {"user_id": ["u1"], "event": ["login"]}


def test_trailing_blank_and_separator_lines_are_ignored(data_file: Callable[[str], Path]) -> None:
    path = data_file("trailing_blank_lines.csv")
    options = detect_options(path)
    assert read_preview(path, options).to_dict("list") == {"user_id": ["u1", "u2"], "event": ["login", "logout"]}
    assert read_table(path, options).to_dict("list") == {"user_id": ["u1", "u2"], "event": ["login", "logout"]}


def test_header_over_separator_lines_has_no_data_rows(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user_id,timestamp,event\n,,\n,,\n\n", encoding="utf-8")
    assert read_table(path, detect_options(path)).empty
    with pytest.raises(ImportFailed, match=r"^events\.csv has column names but no data rows\.$"):
        build_source(path, detect_options(path), SourceKind.CUSTOMERS, {"user_id": "user_id"})


def test_separators_with_a_chosen_delimiter_have_no_data(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text(";;;\n;;;\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"^blank\.csv has no data: it holds only separators and blank lines\.$"):
        read_preview(path, ImportOptions(encoding="utf-8", delimiter=";"))
