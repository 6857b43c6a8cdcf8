"""Compressed and bundled exports: .gz of any format, .zip of one file or many read as one source, and the
limits that stop a decompression bomb."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from usagelens.io import (
    FileFormat,
    ImportFailed,
    containers,
    detect_options,
    file_info,
    list_sheets,
    read_preview,
    read_table,
)
from usagelens.model.entities import ImportOptions


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_gzipped_csv_is_read_like_the_csv(data_file: Callable[[str], Path]) -> None:
    path = data_file("events.csv.gz")
    info = file_info(path)
    assert info.format is FileFormat.TEXT
    assert info.description == "CSV or delimited text, unpacked from events.csv.gz"
    options = detect_options(path)
    assert (options.encoding, options.delimiter, options.header_row) == ("utf-8", ",", 0)
    assert read_preview(path, options)["user_id"].tolist() == ["007", "7"]
    table = read_table(path, options, times=["timestamp"])
    assert table["user_id"].tolist() == ["007", "7"]
    assert table["timestamp"].tolist() == list(
        pd.to_datetime(["2024-03-04 10:00:00.123456", "2024-03-05 09:30:00"], format="ISO8601")
    )
    assert table["event"].tolist() == ["signup", "create"]


def test_zip_of_monthly_csvs_is_one_table_with_every_column(tmp_path: Path) -> None:
    path = _zip(tmp_path / "exports.zip", {
        "exports/": b"",
        "exports/events-2024-10.csv": b"user_id,event,plan\nu1,login,free\n",
        "exports/events-2024-2.csv": b"user_id,event\n007,login\n",
        "exports/events-2024-9.csv.gz": gzip.compress(b"user_id,event,amount\nu2,pay,9.5\n"),
        "exports/.DS_Store": b"\0\0\0\1Bud1",
        "__MACOSX/exports/._events-2024-2.csv": b"\0\5\x16\7",
    })  # fmt: skip
    assert file_info(path).description == "CSV or delimited text, 3 CSV or text files read as one table"
    table = read_table(path, detect_options(path))
    assert list(table.columns) == ["user_id", "event", "amount", "plan"]
    assert table["user_id"].tolist() == ["007", "u2", "u1"]  # months 2, 9, 10: name order, numbers as numbers
    assert table["amount"].fillna(0).tolist() == [0, 9.5, 0]
    assert table["plan"].fillna("-").tolist() == ["-", "-", "free"]


def test_workbook_inside_a_zip_is_read(tmp_path: Path, data_file: Callable[[str], Path]) -> None:
    path = _zip(tmp_path / "workbook.zip", {"orders.xlsx": data_file("workbook.xlsx").read_bytes()})
    assert list_sheets(path) == ["Empty", "Orders", "Summary"]
    table = read_table(path, ImportOptions(sheet="Orders"))
    assert table["total"].tolist() == [3, 6, 10.25]


def test_parquet_inside_gzip_is_read(tmp_path: Path, data_file: Callable[[str], Path]) -> None:
    path = tmp_path / "events.parquet.gz"
    path.write_bytes(gzip.compress(data_file("events.parquet").read_bytes()))
    assert read_table(path, ImportOptions())["event"].tolist() == ["signup", "create", "signup"]


@pytest.mark.parametrize(
    ("members", "message"),
    [
        (
            {"events.csv": b"a,b\n1,2\n", "more.jsonl": b'{"a": 1}\n', "notes.jsonl": b'{"b": 2}\n'},
            "x.zip mixes kinds of files (2 JSON files and 1 CSV or text file); a source is read from files of one "
            "kind, so zip each kind separately.",
        ),
        (
            {"inner.zip": b"PK\x05\x06" + b"\0" * 18},
            "x.zip ▸ inner.zip is an archive inside an archive; unpack it and import the files inside.",
        ),
        ({"__MACOSX/._a.csv": b"\0"}, "x.zip holds no files."),
    ],
)
def test_archives_that_are_not_one_source_are_explained(
    tmp_path: Path, members: dict[str, bytes], message: str
) -> None:
    path = _zip(tmp_path / "x.zip", members)
    with pytest.raises(ImportFailed) as error:
        detect_options(path)
    assert str(error.value).startswith(message)


def test_mixed_zip_fixture_and_several_workbooks_are_refused(
    tmp_path: Path, data_file: Callable[[str], Path]
) -> None:
    with pytest.raises(ImportFailed, match=r"^mixed\.zip mixes kinds of files \(1 CSV or text file and 1 JSON file\)"):
        read_table(data_file("mixed.zip"), ImportOptions())
    book = data_file("workbook.xlsx").read_bytes()
    path = _zip(tmp_path / "books.zip", {"a.xlsx": book, "b.xlsx": book})
    with pytest.raises(ImportFailed, match=r"^books\.zip holds 2 workbooks; import them one at a time\.$"):
        list_sheets(path)


def test_damaged_archives_are_explained(tmp_path: Path) -> None:
    cut_zip = tmp_path / "cut.zip"
    cut_zip.write_bytes(_zip(tmp_path / "whole.zip", {"a.csv": b"a,b\n" * 1000}).read_bytes()[:60])
    with pytest.raises(ImportFailed, match=r"^cut\.zip is damaged or incomplete; download or zip it again\.$"):
        read_table(cut_zip, ImportOptions())
    cut_gz = tmp_path / "events.csv.gz"
    rows = "".join(f"u{n * 7919 % 100_003},login\n" for n in range(50_000)).encode()
    cut_gz.write_bytes(gzip.compress(b"user_id,event\n" + rows)[:20_000])
    with pytest.raises(ImportFailed, match=r"^events\.csv\.gz is damaged or incomplete; download it again\.$"):
        read_table(cut_gz, ImportOptions(encoding="utf-8", delimiter=","))


def test_gzip_bomb_stops_while_it_inflates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(containers, "RATIO_CHECKED_FROM", 1 << 20)
    path = tmp_path / "events.csv.gz"
    path.write_bytes(gzip.compress(b"user_id,event\n" + b"," * (50 << 20)))  # 50 MB of commas: ~50 kB packed
    with pytest.raises(ImportFailed) as error:
        read_table(path, ImportOptions(encoding="utf-8", delimiter=","))
    assert str(error.value) == (
        "events.csv.gz unpacks to more than 200 times its size, which no real export does; "
        "it was not read (it may be a decompression bomb)."
    )


def test_zip_bomb_is_refused_from_its_declared_sizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(containers, "RATIO_CHECKED_FROM", 1 << 20)
    path = _zip(tmp_path / "bomb.zip", {"a.csv": b"a\n" + b"0" * (8 << 20)})
    with pytest.raises(ImportFailed, match=r"^bomb\.zip unpacks to more than 200 times its size"):
        read_preview(path, ImportOptions())
    monkeypatch.setattr(containers, "MAX_UNPACKED", 1 << 20)
    big = _zip(tmp_path / "big.zip", {"a.csv": bytes(range(256)) * 8192})
    with pytest.raises(ImportFailed, match=r"^big\.zip unpacks to more than 0 GB, more than one import holds"):
        read_preview(big, ImportOptions())


def test_a_zip_member_that_grows_past_the_total_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(containers, "MAX_UNPACKED", 1 << 20)
    inner = gzip.compress(bytes(range(256)) * 16384)  # a gzipped member: its size is only known once inflated
    path = _zip(tmp_path / "export.zip", {"hour_1.json.gz": inner})
    with pytest.raises(ImportFailed, match=r"^export\.zip ▸ hour_1\.json\.gz unpacks to more than"):
        read_table(path, ImportOptions())


def test_zip_members_are_closed_after_reading(tmp_path: Path) -> None:
    members = {f"h{hour}.jsonl.gz": gzip.compress(b'{"a": %d}\n' % hour) for hour in range(30)}
    path = _zip(tmp_path / "export.zip", members)
    opened: list[io.IOBase] = []
    original = zipfile.ZipFile.open

    def tracked(self: zipfile.ZipFile, *args: object, **kwargs: object) -> io.IOBase:
        handle = original(self, *args, **kwargs)  # type: ignore[arg-type]
        opened.append(handle)
        return handle

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(zipfile.ZipFile, "open", tracked)
        table = read_table(path, ImportOptions())
    assert table["a"].tolist() == list(range(30))
    assert opened and all(handle.closed for handle in opened)
