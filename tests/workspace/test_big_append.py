"""Files added to a source whose table is kept on disk and too big for memory are stacked by DuckDB: the same
table, in the same order, with the same message as the pandas stack of a table that fits, and neither table is
ever read into pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.cleaning.pseudonymise import pseudonyms
from usagelens.io import ImportFailed, detect_options
from usagelens.model import Project, Protection, Source, file_limits
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.workspace import big_append
from usagelens.workspace.append import append_files
from usagelens.workspace.big_import import import_big_events
from usagelens.workspace.personal_data import Removal, rewrite_sources
from usagelens.workspace.personal_on_disk import RewriteCancelled

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
KEY = "k" * 64
FIRST = """user_id,timestamp,event,insert_id
u1,2024-01-01 09:00:00,open,a
u2,2024-01-01 10:00:00,open,b
u1,2024-01-02 09:30:00,save,
u2,2024-01-03 09:30:00,save,c
"""
NEXT = """user_id,timestamp,event,insert_id,plan
u2,2024-01-03 09:30:00,save,c,pro
u3,2024-02-01 10:00:00,open,d,free
u1,2024-02-02 09:00:00,open,,pro
u3,2024-02-01 10:00:00,open,d,free
u4,2024-02-03 10:00:00,open,e,
"""
LATER = """user_id,timestamp,event,plan
u4,2024-02-03 10:00:00,open,
u5,2024-03-01 10:00:00,open,pro
"""


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _big_source(tmp_path: Path) -> Source:
    path = _csv(tmp_path, "first.csv", FIRST)
    return import_big_events(path, detect_options(path), ROLES, room_cells=0, progress=lambda _: None,
                             cancelled=lambda: False)


def whole(table: StoredTable) -> pd.DataFrame:
    """Every part of a table kept on disk, read column by column (decoding it whole fails in these tests)."""
    return pd.DataFrame({name: table.column(name) for name in table.columns})


def _too_big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every table kept on disk counts as too big for memory, and decoding one fails the test."""
    monkeypatch.setattr(file_limits, "MAX_CELLS", 0)
    monkeypatch.setattr(StoredTable, "_decode", lambda self: pytest.fail(f"{self.member} decoded into pandas"))


@pytest.mark.parametrize("exports", [("next.csv",), ("next.csv", "later.csv")], ids=["one-file", "two-files"])
def test_duckdb_stacks_as_pandas_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      exports: tuple[str, ...]) -> None:
    texts = {"next.csv": NEXT, "later.csv": LATER}
    paths = [_csv(tmp_path, name, texts[name]) for name in exports]
    in_memory = append_files(_big_source(tmp_path), paths, key="")
    expected = in_memory.fields["table"]
    assert isinstance(expected, pd.DataFrame)
    _too_big(monkeypatch)
    source = _big_source(tmp_path)
    on_disk = append_files(source, paths, key="")
    table = on_disk.fields["table"]
    assert isinstance(table, StoredTable) and table.parts[:1] == stored_table(source).parts  # not written again
    assert len(table.parts) == 1 + len(exports)  # each export's new rows are a part
    pd.testing.assert_frame_equal(whole(table), expected)
    assert on_disk.summary() == in_memory.summary()
    assert (on_disk.rows_before, on_disk.rows_read, on_disk.duplicates) == (
        in_memory.rows_before, in_memory.rows_read, in_memory.duplicates)
    assert on_disk.fields["files"] == in_memory.fields["files"]


def test_the_event_id_decides_and_the_first_copy_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _too_big(monkeypatch)
    appended = append_files(_big_source(tmp_path), [_csv(tmp_path, "next.csv", NEXT)], key="")
    table = appended.fields["table"]
    assert isinstance(table, StoredTable) and table.path is not None
    assert list(whole(table)["insert_id"].fillna("-")) == ["a", "b", "-", "c", "d", "e"]
    assert appended.summary() == "2 rows added from 1 file; 3 rows already in the source (same insert_id) counted once"


def test_a_cancel_leaves_the_source_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _too_big(monkeypatch)
    source = _big_source(tmp_path)
    before = stored_table(source)
    path = _csv(tmp_path, "next.csv", NEXT)
    stacking: list[bool] = []  # the conversion finishes; the user cancels while the stack is written
    write_kept = big_append.write_kept
    monkeypatch.setattr(big_append, "write_kept", lambda *a, **k: stacking.append(True) or write_kept(*a, **k))
    with pytest.raises(RewriteCancelled):
        append_files(source, [path], key="", cancelled=lambda: bool(stacking))
    assert stacking
    assert stored_table(source) is before and source.file_name == "first.csv"


def test_a_missing_role_column_is_refused_before_converting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _too_big(monkeypatch)
    source = _big_source(tmp_path)
    renamed = _csv(tmp_path, "renamed.csv", NEXT.replace("event,", "action,", 1))
    monkeypatch.setattr("usagelens.workspace.big_import.convert_whole_export",
                        lambda *_a, **_k: pytest.fail("converted before checking the roles"))
    with pytest.raises(ImportFailed, match=r"renamed.csv has no column 'event' for "):
        append_files(source, [renamed], key="")


def _protected(source: Source) -> Source:
    """``source`` with its e-mails pseudonymised with KEY in the kept table."""
    project = Project(name="big", sources=[source])
    for edit in rewrite_sources(project, [Removal(source.id, "email", Protection.PSEUDONYMISED, "email")],
                                key=KEY, one_way_key="").edits:
        edit.apply(project)
    return source


def test_the_new_exports_personal_columns_get_the_same_pseudonyms(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    first = _csv(tmp_path, "first.csv", "user_id,timestamp,event,email\nu1,2024-01-01 09:00:00,open,ann@acme.com\n")
    path = _csv(tmp_path, "next.csv", "user_id,timestamp,event,email\nu1,2024-01-01 09:00:00,open,ann@acme.com\n"
                                      "u2,2024-01-02 09:00:00,open,bo@globex.io\n")

    def source() -> Source:
        return _protected(import_big_events(first, detect_options(first), ROLES, room_cells=0,
                                            progress=lambda _: None, cancelled=lambda: False))

    in_memory = append_files(source(), [path], key=KEY)
    _too_big(monkeypatch)
    on_disk = append_files(source(), [path], key=KEY)
    table = on_disk.fields["table"]
    assert isinstance(table, StoredTable) and table.path is not None
    pd.testing.assert_frame_equal(whole(table), in_memory.fields["table"])  # type: ignore[arg-type]
    assert list(whole(table)["email"]) == pseudonyms(pd.Series(["ann@acme.com", "bo@globex.io"]),
                                                                    KEY).tolist()
    assert on_disk.duplicates == 1  # ann's row matched on her pseudonym
