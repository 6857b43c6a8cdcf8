"""A source whose table is kept on disk (a big import) is refreshed by DuckDB from its next export: never read into
pandas, its personal columns protected as before, with the same pseudonyms for the same values."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.cleaning.pseudonymise import pseudonyms
from usagelens.io import ImportFailed, detect_options
from usagelens.model import Project, Protection
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.workspace.append import append_files
from usagelens.workspace.big_import import import_big_events
from usagelens.workspace.personal_data import Removal, refresh_protected, rewrite_sources

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
KEY = "k" * 64
FIRST = """user_id,timestamp,event,email
u1,2024-01-01 09:00:00,open,ann@acme.com
u2,2024-01-01 10:00:00,open,bo@globex.io
u1,2024-01-02 09:30:00,save,ann@acme.com
"""
NEXT = """user_id,timestamp,event,email,plan
u1,2024-02-01 09:00:00,open,ann@acme.com,pro
u3,2024-02-01 10:00:00,open,cy@initech.net,free
"""


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A big import of FIRST, which fails the test if anything decodes a table into pandas."""
    path = _csv(tmp_path, "first.csv", FIRST)
    source = import_big_events(path, detect_options(path), ROLES, room_cells=0, progress=lambda _: None,
                               cancelled=lambda: False)
    monkeypatch.setattr(StoredTable, "_decode", lambda self: pytest.fail(f"{self.member} decoded into pandas"))
    return Project(name="big", sources=[source])


def test_a_refresh_converts_the_next_export_without_reading_it_into_memory(project: Project, tmp_path: Path) -> None:
    source = project.sources[0]
    refreshed = refresh_protected(source, _csv(tmp_path, "next.csv", NEXT), key="")
    table = refreshed.fields["table"]
    assert isinstance(table, StoredTable) and table.path is not None and table.path != stored_table(source).path
    assert (refreshed.rows_before, refreshed.rows_after, refreshed.added_columns) == (3, 2, ["plan"])
    assert refreshed.fields["file_name"] == "next.csv" and refreshed.fields["files"] == []
    assert list(pd.read_parquet(table.path)["user_id"]) == ["u1", "u3"]


def test_a_refresh_protects_the_new_export_with_the_same_pseudonyms(project: Project, tmp_path: Path) -> None:
    source = project.sources[0]
    for edit in rewrite_sources(project, [Removal(source.id, "email", Protection.PSEUDONYMISED, "email")],
                                key=KEY, one_way_key="").edits:
        edit.apply(project)
    refreshed = refresh_protected(source, _csv(tmp_path, "next.csv", NEXT), key=KEY)
    table = refreshed.fields["table"]
    assert isinstance(table, StoredTable) and table.path is not None
    before = pd.read_parquet(stored_table(source).path)["email"].tolist()
    after = pd.read_parquet(table.path)["email"].tolist()
    assert after == pseudonyms(pd.Series(["ann@acme.com", "cy@initech.net"]), KEY).tolist()
    assert after[0] == before[0]  # ann's pseudonym is the one the source already holds: they still join


def test_a_next_export_without_a_roles_column_is_refused_before_converting(project: Project, tmp_path: Path) -> None:
    renamed = _csv(tmp_path, "renamed.csv", NEXT.replace("event,", "action,", 1))
    with pytest.raises(ImportFailed, match=r"renamed.csv has no column 'event' for .*export it with the columns"):
        refresh_protected(project.sources[0], renamed, key="")


def test_files_appended_to_a_table_on_disk_that_fits_are_stacked_in_memory_as_before(tmp_path: Path) -> None:
    first = _csv(tmp_path, "first.csv", FIRST)
    source = import_big_events(first, detect_options(first), ROLES, room_cells=0, progress=lambda _: None,
                               cancelled=lambda: False)
    appended = append_files(source, [_csv(tmp_path, "next.csv", NEXT)], key="")
    table = appended.fields["table"]
    assert isinstance(table, pd.DataFrame)
    assert list(table["user_id"]) == ["u1", "u2", "u1", "u1", "u3"] and appended.duplicates == 0
