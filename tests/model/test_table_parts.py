"""A table kept on disk in parts (an export appended on disk adds only its rows): read as one table, numbered
on across its parts, saved as one member per part and opened again in parts (model.parquet_parts)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from usagelens.model import Project, Source, SourceKind, load_project, parquet_parts, save_project
from usagelens.model.project_file import FORMAT_VERSION
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.model.table_identity import file_digest

ROLES = {"user_id": "user", "timestamp": "time", "event": "event"}
FORMAT_3 = Path(__file__).parents[1] / "data" / "projects" / "format-3.ulens"  # saved at format 3 (whole tables)


def _part(folder: Path, name: str, frame: pd.DataFrame) -> tuple[Path, str]:
    path = folder / name
    frame.to_parquet(path, index=False)
    return path, file_digest(path)


def _frames() -> list[pd.DataFrame]:
    first = pd.DataFrame({"user": ["u1", "u2", "u1"], "time": pd.date_range("2025-01-01", periods=3, freq="h"),
                          "event": ["open", "open", "save"]})
    second = pd.DataFrame({"user": ["u3", "u1"], "time": pd.date_range("2025-02-01", periods=2, freq="h"),
                           "event": ["open", "save"], "plan": ["pro", None]})  # the later export gained a column
    return [first, second]


@pytest.fixture
def in_parts(tmp_path: Path) -> StoredTable:
    (first, digest), *more = [_part(tmp_path, f"p{i}.parquet", f) for i, f in enumerate(_frames())]
    return StoredTable.on_disk(first, "data/s.parquet", digest, more=more)


def test_parts_read_as_one_table(in_parts: StoredTable) -> None:
    first, second = _frames()
    assert in_parts.rows == 5 and in_parts.part_rows == (3, 2) and len(in_parts.parts) == 2
    assert in_parts.columns == ("user", "time", "event", "plan")
    expected = pd.concat([first, second], ignore_index=True)
    pd.testing.assert_frame_equal(in_parts.frame(), expected)
    assert list(in_parts.column("plan").fillna("-")) == ["-", "-", "-", "pro", "-"]


def test_the_identity_is_that_of_the_parts_in_order(tmp_path: Path, in_parts: StoredTable) -> None:
    (first, a), (second, b) = (_part(tmp_path, f"q{i}.parquet", f) for i, f in enumerate(_frames()))
    assert StoredTable.on_disk(first, "m", a, more=[(second, b)]).fingerprint == in_parts.fingerprint
    assert StoredTable.on_disk(first, "m", a).fingerprint == a != in_parts.fingerprint
    with pytest.raises(ValueError, match="parts"):
        _ = in_parts.data  # no single Parquet to hand out as bytes


def test_duckdb_numbers_the_rows_on_across_the_parts(in_parts: StoredTable) -> None:
    rows = duckdb.connect().sql(f"SELECT user, plan, file_row_number FROM {parquet_parts.scan(in_parts.parts)} "
                                "ORDER BY file_row_number").fetchall()
    assert rows == [("u1", None, 0), ("u2", None, 1), ("u1", None, 2), ("u3", "pro", 3), ("u1", None, 4)]
    one = parquet_parts.scan(in_parts.parts[:1])
    assert one == f"read_parquet('{in_parts.parts[0]}', file_row_number=true)"  # one part: scanned as before


def test_a_project_saves_one_member_per_part_and_opens_them_again(tmp_path: Path, in_parts: StoredTable) -> None:
    source = Source(name="events", kind=SourceKind.EVENTS, table=in_parts, roles=ROLES)
    path = tmp_path / "p.ulens"
    save_project(Project(name="p", sources=[source]), path)
    with zipfile.ZipFile(path) as archive:
        assert json.loads(archive.read("manifest.json"))["version"] == FORMAT_VERSION == 4
        assert {f"data/{source.id}.parquet", f"data/{source.id}.2.parquet"} <= set(archive.namelist())
        assert f"data/{source.id}.3.parquet" not in archive.namelist()
    opened = stored_table(load_project(path).sources[0])
    assert opened is not None and len(opened.parts) == 2 and not opened.decoded
    assert (opened.fingerprint, opened.rows) == (in_parts.fingerprint, 5)
    pd.testing.assert_frame_equal(opened.frame(), in_parts.frame())


def test_a_format_3_file_opens_with_its_table_whole() -> None:
    with zipfile.ZipFile(FORMAT_3) as archive:
        assert json.loads(archive.read("manifest.json"))["version"] == 3
    project = load_project(FORMAT_3)
    assert project.name == "Format 3" and len(project.sources[0].table) == 2
