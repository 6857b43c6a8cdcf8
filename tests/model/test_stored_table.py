"""Tables of an opened project stay Parquet until something reads them (model.stored_table)."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from usagelens.model import Project, Source, SourceKind, load_project, save_project, table_identity
from usagelens.model.stored_table import (
    StoredTable,
    column_names,
    fingerprint,
    held_table,
    row_count,
    stored_table,
    table_column,
)

ROLES = {"user_id": "user", "timestamp": "time", "event": "event"}


def events_frame(rows: int = 1000) -> pd.DataFrame:
    return pd.DataFrame({
        "user": [f"u{i % 37:03d}" for i in range(rows)],
        "time": pd.date_range("2025-01-01", periods=rows, freq="min"),
        "event": ["open", "save", "share", "close"] * (rows // 4),
        "amount": [i * 0.5 for i in range(rows)],
    })


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, pd.DataFrame]:
    frame = events_frame()
    path = tmp_path / "p.ulens"
    save_project(Project(name="p", sources=[Source("events", SourceKind.EVENTS, frame, roles=ROLES)]), path)
    return path, frame


def test_an_opened_table_is_not_decoded_until_read_and_then_equals_what_was_saved(saved) -> None:
    path, frame = saved
    source = load_project(path).sources[0]
    stored = stored_table(source)
    assert stored is not None and not stored.decoded
    assert row_count(source) == 1000 and column_names(source) == ["user", "time", "event", "amount"]
    assert not stored.decoded  # shape came from the footer
    pd.testing.assert_frame_equal(source.table, frame, check_dtype=False)
    assert stored.decoded and source.table is source.table  # decoded once, the same object after


def test_the_fingerprint_is_known_without_decoding_and_matches_the_decoded_frame(saved) -> None:
    path, _ = saved
    source = load_project(path).sources[0]
    with zipfile.ZipFile(path) as archive:
        data = archive.read(f"data/{source.id}.parquet")
    assert fingerprint(source) == table_identity.digest(data)
    assert not stored_table(source).decoded
    assert table_identity.fingerprint(source.table) == fingerprint(source)  # a decoded frame keeps it


def test_saving_an_untouched_table_writes_its_bytes_back_without_decoding(saved, tmp_path: Path) -> None:
    path, _ = saved
    project = load_project(path)
    again = tmp_path / "again.ulens"
    save_project(project, again)
    assert not stored_table(project.sources[0]).decoded
    member = f"data/{project.sources[0].id}.parquet"
    with zipfile.ZipFile(path) as first, zipfile.ZipFile(again) as second:
        assert first.read(member) == second.read(member)
    assert load_project(again).sources[0].table.shape == (1000, 4)


def test_a_replaced_table_is_held_as_a_frame_and_saved_as_it_now_is(saved, tmp_path: Path) -> None:
    path, _ = saved
    project = load_project(path)
    source = project.sources[0]
    source.table = source.table.head(10)
    assert isinstance(held_table(source), pd.DataFrame) and stored_table(source) is None
    assert row_count(source) == 10 and fingerprint(source) is None  # a new table has no stored digest yet
    save_project(project, tmp_path / "short.ulens")
    assert row_count(load_project(tmp_path / "short.ulens").sources[0]) == 10


def test_workers_asking_at_once_decode_the_table_once(saved, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = saved
    source = load_project(path).sources[0]
    decodes: list[int] = []
    original = StoredTable._decode

    def counting(self: StoredTable) -> pd.DataFrame:
        decodes.append(1)
        return original(self)

    monkeypatch.setattr(StoredTable, "_decode", counting)
    start = threading.Barrier(8)
    seen: list[int] = []

    def read() -> None:
        start.wait()
        seen.append(id(source.table))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(decodes) == 1 and len(set(seen)) == 1


def test_a_table_whose_pages_are_damaged_says_so_when_read(tmp_path: Path) -> None:
    good = pa.BufferOutputStream()
    pq.write_table(pa.table({"user": [f"u{i}" for i in range(5000)]}), good, compression="none")
    data = bytearray(good.getvalue().to_pybytes())
    middle = len(data) // 2
    data[middle:middle + 200] = b"\xff" * 200  # the footer still reads: rows and columns are known
    stored = StoredTable(bytes(data), "data/x.parquet")
    assert stored.rows == 5000 and stored.columns == ("user",)
    with pytest.raises(ValueError, match=r"^data/x\.parquet is not a readable table$"):
        stored.frame()


def test_a_source_cannot_be_made_without_its_table() -> None:
    with pytest.raises(TypeError, match="a source needs its table"):
        Source("events", SourceKind.EVENTS)  # type: ignore[call-arg]


def test_one_column_is_read_without_decoding_the_table(saved, monkeypatch: pytest.MonkeyPatch) -> None:
    path, frame = saved
    source = load_project(path).sources[0]
    pd.testing.assert_series_equal(table_column(source, "user"), frame["user"], check_dtype=False)
    assert not stored_table(source).decoded
    decoded = source.table
    monkeypatch.setattr(pd, "read_parquet", lambda *_a, **_k: pytest.fail("read again: the frame has it"))
    pd.testing.assert_series_equal(table_column(source, "time"), decoded["time"])


@pytest.fixture
def kept_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables from 1 kB on are unpacked into the cache (a real project's threshold is 256 MB)."""
    from usagelens.model import project_file

    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 1024)


def test_a_big_table_is_unpacked_into_the_cache_and_saved_again_by_streaming(kept_on_disk, saved, tmp_path) -> None:
    path, frame = saved
    source = load_project(path).sources[0]
    stored = stored_table(source)
    assert stored.path is not None and stored.path.parent.name == "tables" and not stored.decoded
    with zipfile.ZipFile(path) as archive:
        original = archive.read(f"data/{source.id}.parquet")
    assert stored.path.read_bytes() == original and fingerprint(source) == table_identity.digest(original)
    assert row_count(source) == 1000 and not stored.decoded
    pd.testing.assert_series_equal(table_column(source, "user"), frame["user"], check_dtype=False)

    project = load_project(path)  # the same bytes: the file already in the cache is used
    assert stored_table(project.sources[0]).path == stored.path
    save_project(project, tmp_path / "again.ulens")
    with zipfile.ZipFile(tmp_path / "again.ulens") as archive:
        assert archive.read(f"data/{source.id}.parquet") == original
    pd.testing.assert_frame_equal(load_project(tmp_path / "again.ulens").sources[0].table, frame, check_dtype=False)


def test_a_table_too_big_for_memory_says_so_instead_of_decoding(kept_on_disk, saved, monkeypatch) -> None:
    from usagelens.model import file_limits

    path, _ = saved
    source = load_project(path).sources[0]
    monkeypatch.setattr(file_limits, "MAX_CELLS", 100)
    with pytest.raises(ValueError, match=r"1,000 rows in 4 columns, too many to load into memory"):
        _ = source.table
    assert table_column(source, "event").iloc[0] == "open"  # one column still reads


def test_a_big_member_that_is_no_table_is_refused_and_leaves_nothing_in_the_cache(kept_on_disk, saved, tmp_path):
    from usagelens.model import ProjectFileError
    from usagelens.paths import cache_folder

    path, _ = saved
    broken = tmp_path / "broken.ulens"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, b"PAR1" + b"x" * 4096 + b"PAR1" if info.filename.startswith("data/") else data)
    before = set(cache_folder("tables").glob("*")) if cache_folder("tables").exists() else set()
    with pytest.raises(ProjectFileError, match=r"is not a readable table"):
        load_project(broken)
    assert set(cache_folder("tables").glob("*")) == before


def test_a_cache_trim_never_removes_a_table_an_open_project_keeps_on_disk(kept_on_disk, saved) -> None:
    """The tables folder over its budget: the trim made for another table leaves the open project's file (for
    an import not saved yet it is the only copy), and takes it once the project is closed."""
    import gc

    from usagelens.paths import trim_cache

    path, frame = saved
    project = load_project(path)
    kept = stored_table(project.sources[0]).path
    assert kept is not None
    trim_cache(kept.parent, 0)
    assert kept.exists()
    pd.testing.assert_frame_equal(project.sources[0].table, frame, check_dtype=False)
    del project
    gc.collect()
    trim_cache(kept.parent, 0)
    assert not kept.exists()
