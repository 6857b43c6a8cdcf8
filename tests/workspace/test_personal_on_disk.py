"""Personal data in a table kept on disk (a big import) is found and taken out by DuckDB over its Parquet: the same
pseudonyms for the same values as the in-memory path, rows in their order, and the table never decoded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from personal_data_checks import EMAILS, IPS, assert_holds_none_of, events_table
from usagelens.cleaning.pseudonymise import protect_table
from usagelens.model import (
    Project,
    ProtectedColumn,
    Protection,
    Source,
    SourceKind,
    load_project,
    project_file,
    save_project,
    unpacked_tables,
)
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.model.table_identity import file_digest
from usagelens.workspace.personal_data import Removal, personal_columns, rewrite_sources
from usagelens.workspace.personal_on_disk import RewriteCancelled

KEY, ONE_WAY_KEY = "k" * 64, "o" * 64
ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}


def _frame() -> pd.DataFrame:
    """Events of four e-mail users (one value missing), their IPs, and a numeric id read as floats (7.0 is 7)."""
    frame = events_table(EMAILS)
    frame.loc[4, "user_id"] = None
    frame["account"] = np.arange(len(frame), dtype=float) % 5
    return frame.iloc[::-1].reset_index(drop=True)  # not in time order: the rows' order is the file's


def _on_disk(frame: pd.DataFrame) -> StoredTable:
    folder = unpacked_tables.tables_folder()
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / "incoming.parquet"
    frame.to_parquet(partial, index=False)
    fingerprint = file_digest(partial)
    path = partial.rename(folder / f"{fingerprint}.parquet")
    return StoredTable.on_disk(path, "events.csv", fingerprint)


def _values(column: pd.Series) -> list[object]:
    """The values, a missing one as None (pandas' text columns hold NaN, a Parquet one read back None)."""
    return column.astype(object).where(column.notna(), None).tolist()


@pytest.fixture
def project(monkeypatch: pytest.MonkeyPatch) -> Project:
    """A project whose events table is kept on disk, and which fails the test if anything decodes a table."""
    monkeypatch.setattr(StoredTable, "_decode", lambda self: pytest.fail(f"{self.member} decoded into pandas"))
    return Project(name="big", sources=[Source("Events", SourceKind.EVENTS, _on_disk(_frame()), roles=ROLES)])


def test_personal_columns_of_a_table_on_disk_are_found_by_queries(project: Project) -> None:
    assert {(p.column, p.kind) for p in personal_columns(project)} == {("user_id", "email"), ("ip", "ip")}


def test_they_are_found_once_per_table_content(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Step 3's button asks on the UI thread what its check found on a worker: the answer is kept by content."""
    from usagelens.cleaning.compiled import personal

    found = personal_columns(project)
    monkeypatch.setattr(personal, "detect_personal_columns", lambda *_a, **_k: pytest.fail("queried again"))
    assert personal_columns(project) == found


@pytest.mark.parametrize("protection", [Protection.PSEUDONYMISED, Protection.ONE_WAY], ids=["kept key", "one-way"])
def test_the_same_pseudonyms_as_in_memory_in_the_same_rows(project: Project, protection: Protection) -> None:
    source = project.sources[0]
    before = stored_table(source)
    removals = [Removal(source.id, "user_id", protection, "email"), Removal(source.id, "account", protection),
                Removal(source.id, "ip", Protection.DROPPED, "ip")]
    rewrite = rewrite_sources(project, removals, key=KEY, one_way_key=ONE_WAY_KEY)
    assert rewrite.still_current(project)
    for edit in rewrite.edits:
        edit.apply(project)
    after = stored_table(source)
    assert after is not None and after.path is not None and after.path != before.path and not after.decoded
    got = pd.read_parquet(after.path)
    columns = [ProtectedColumn(r.column, r.protection, r.kind) for r in removals]
    want = protect_table(_frame(), columns, key=KEY, one_way_key=ONE_WAY_KEY)
    assert list(got.columns) == list(want.columns) == ["user_id", "timestamp", "event", "account"]
    for name in ("user_id", "account"):
        assert _values(got[name]) == _values(want[name]), name
    assert got["timestamp"].tolist() == want["timestamp"].tolist()  # every row in its place
    assert got["user_id"].isna().sum() == 1 and got["user_id"].str.len().dropna().eq(16).all()
    assert [p.column for p in source.protected] == ["user_id", "account", "ip"]


def test_a_cancelled_rewrite_changes_nothing_and_leaves_no_file(project: Project) -> None:
    source = project.sources[0]
    folder = unpacked_tables.tables_folder()
    before = set(folder.iterdir())
    removals = [Removal(source.id, "user_id", Protection.PSEUDONYMISED, "email")]
    with pytest.raises(RewriteCancelled):
        rewrite_sources(project, removals, key=KEY, one_way_key="", cancelled=lambda: True)
    assert set(folder.iterdir()) == before and not source.protected


def test_the_rewrite_reports_its_progress_to_the_end(project: Project) -> None:
    source = project.sources[0]
    shares: list[float] = []
    rewrite_sources(project, [Removal(source.id, "ip", Protection.DROPPED, "ip")], key="", one_way_key="",
                    progress=shares.append)
    assert shares and shares == sorted(shares) and shares[-1] == 1.0


def test_a_saved_project_holds_none_of_the_raw_values(project: Project, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 1)  # the table stays on disk when reopened
    source = project.sources[0]
    removals = [Removal(source.id, "user_id", Protection.PSEUDONYMISED, "email"),
                Removal(source.id, "ip", Protection.DROPPED, "ip")]
    for edit in rewrite_sources(project, removals, key=KEY, one_way_key="").edits:
        edit.apply(project)
    path = tmp_path / "big.ulens"
    save_project(project, path)
    assert_holds_none_of(path, [*EMAILS, *IPS])
    reopened = load_project(path).sources[0]
    assert stored_table(reopened).fingerprint == stored_table(source).fingerprint
    assert personal_columns(load_project(path)) == []
