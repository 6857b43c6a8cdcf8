"""A big events import pseudonymises or drops the chosen personal columns in DuckDB's conversion itself: the
same stored table and the same recorded removals as the in-memory import, and no plain value in any file
(workspace.big_import with protected columns)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from personal_data_checks import EMAILS, IPS, assert_holds_none_of
from usagelens.io import build_source, detect_options
from usagelens.model import Project, Protection, SourceKind, save_project
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.paths import cache_folder
from usagelens.workspace import query_watch
from usagelens.workspace.big_import import ImportCancelled, import_big_events
from usagelens.workspace.personal_data import Removal, protect_new_source, protections, refresh_protected

KEY, ONE_WAY_KEY = "k" * 64, "o" * 64
ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
# the user id is an e-mail too; "email" holds one with an accent (hashed as UTF-8 both ways) and a blank
EXPORT = "user_id,timestamp,event,email,ip,plan\n" + "".join(
    f"{EMAILS[i % 4]},2024-03-{1 + i % 28:02d} {i % 24:02d}:00:00,{('open', 'save')[i % 2]},"
    f"{'' if i == 5 else EMAILS[(i + 1) % 4].replace('diaz', 'díaz')},{IPS[i % 4]},{('pro', 'free')[i % 2]}\n"
    for i in range(40)
)
PLAIN = [*EMAILS, "cy.díaz@initech.net", *IPS]
REMOVALS = [Removal("", "user_id", Protection.PSEUDONYMISED, "email"),
            Removal("", "email", Protection.ONE_WAY, "email"),
            Removal("", "ip", Protection.DROPPED, "ip"),
            Removal("", "phone", Protection.DROPPED, "phone")]  # not in this export: skipped, not recorded


def _ignore(_fraction: float) -> None:
    pass


def _never() -> bool:
    return False


def _export(tmp_path: Path, text: str = EXPORT) -> Path:
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _comparable(frame: pd.DataFrame, time: str = "timestamp") -> pd.DataFrame:
    """Text as Python objects with None for missing, times as naive µs: how each path types a column aside."""
    out = frame.astype(object).where(frame.notna(), None)
    out[time] = pd.to_datetime(frame[time]).dt.tz_localize(None).astype("datetime64[us]")
    return out


def _cache_files() -> set[Path]:
    root = cache_folder("tables").parent
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_the_big_path_stores_what_pandas_stores_and_records_the_same_removals(tmp_path: Path) -> None:
    path = _export(tmp_path)
    options = detect_options(path)
    big = import_big_events(path, options, ROLES, room_cells=10, progress=_ignore, cancelled=_never,
                            protected=protections(REMOVALS), key=KEY, one_way_key=ONE_WAY_KEY)
    small = protect_new_source(build_source(path, options, SourceKind.EVENTS, ROLES), REMOVALS, key=KEY,
                               one_way_key=ONE_WAY_KEY)
    stored = stored_table(big)
    assert stored is not None and stored.path is not None and not stored.decoded
    on_disk = pd.read_parquet(stored.path)
    assert list(on_disk.columns) == ["user_id", "timestamp", "event", "email", "plan"]  # ip left out, in place
    pd.testing.assert_frame_equal(_comparable(on_disk), _comparable(small.table))
    assert on_disk["email"].isna().sum() == 1 and on_disk["user_id"].str.len().eq(16).all()

    def recorded(source: object) -> list[tuple[object, ...]]:
        return [(p.column, p.protection, p.kind, p.length) for p in source.protected]  # type: ignore[attr-defined]

    assert recorded(big) == recorded(small) == [("user_id", Protection.PSEUDONYMISED, "email", 16),
                                                ("email", Protection.ONE_WAY, "email", 16), ("ip", Protection.DROPPED,
                                                                                             "ip", 16)]


def test_no_plain_value_is_written_to_the_cache_or_the_project(tmp_path: Path) -> None:
    path = _export(tmp_path)
    before = _cache_files()
    source = import_big_events(path, detect_options(path), ROLES, room_cells=10, progress=_ignore,
                               cancelled=_never, protected=protections(REMOVALS), key=KEY, one_way_key=ONE_WAY_KEY)
    kept = stored_table(source).path
    assert _cache_files() - before == {kept}  # one pass: no file of plain values beside it, not even removed later
    data = kept.read_bytes()
    assert not [value for value in PLAIN if value.encode() in data]
    decoded = {str(v) for column in pq.read_table(kept).to_pydict().values() for v in column}
    assert not decoded & set(PLAIN)
    save_project(Project(name="big", sources=[source]), tmp_path / "big.ulens")
    assert_holds_none_of(tmp_path / "big.ulens", PLAIN)


def _long_export(tmp_path: Path) -> Path:
    rows = "".join(f"u{i % 977}@example.com,2024-01-{1 + i % 28:02d} 10:00:00,e{i % 13}\n" for i in range(400_000))
    return _export(tmp_path, "user_id,timestamp,event\n" + rows)


def test_the_conversion_reports_its_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DuckDB tracks progress only with its progress bar on, which the app's sessions turn off (undrawn here)."""
    monkeypatch.setattr(query_watch, "POLL_SECONDS", 0.02)
    path = _long_export(tmp_path)
    shares: list[float] = []
    import_big_events(path, detect_options(path), ROLES, room_cells=10, progress=shares.append, cancelled=_never,
                      protected=protections(REMOVALS[:1]), key=KEY)
    assert any(0 < share < 0.95 for share in shares), shares
    assert shares == sorted(shares) and shares[-1] == 1.0


def test_a_cancelled_pseudonymising_import_leaves_nothing_behind(tmp_path: Path) -> None:
    path = _long_export(tmp_path)
    before = _cache_files()
    with pytest.raises(ImportCancelled):
        import_big_events(path, detect_options(path), ROLES, room_cells=10, progress=_ignore,
                          cancelled=lambda: True, protected=protections(REMOVALS[:1]), key=KEY)
    assert {p for p in _cache_files() - before if p.parent.name != "duckdb"} == set()


def test_a_refresh_of_a_big_source_takes_its_personal_columns_out_in_the_same_pass(tmp_path: Path) -> None:
    path = _export(tmp_path)
    source = import_big_events(path, detect_options(path), ROLES, room_cells=10, progress=_ignore,
                               cancelled=_never, protected=protections(REMOVALS), key=KEY, one_way_key=ONE_WAY_KEY)
    before = _cache_files()
    refreshed = refresh_protected(source, _export(tmp_path / "next", EXPORT.replace("2024-03", "2024-04")), key=KEY)
    kept = refreshed.fields["table"]
    assert isinstance(kept, StoredTable) and kept.path is not None
    assert _cache_files() - before == {kept.path}  # no plain conversion beside it
    old, new = pd.read_parquet(stored_table(source).path), pd.read_parquet(kept.path)
    assert new["user_id"].tolist() == old["user_id"].tolist()  # the kept key: the same pseudonyms, still joining
    assert "ip" not in new.columns and refreshed.added_columns == [] and refreshed.removed_columns == []
    assert not set(new["email"].dropna()) & set(old["email"].dropna())  # one-way: a new key
    assert "new one-way pseudonyms" in " ".join(refreshed.notes)
